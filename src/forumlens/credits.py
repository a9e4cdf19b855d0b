"""Who a turn shown outside its session page is credited to: a person on record, never a bare caption label.

Search hits and similar turns carry the turn's caption speaker. That name is not always
a person on record: a label flagged as a caption mis-attribution ("DOREEN BOGDAN-MARTIN"
on a turn that continues another speaker's answer) has its turn counted for the likely
real speaker, and a misspelt label variant ("OLIVIER REPIN-LEBLOND") is merged into one
person under another name. Linking the label itself led to a missing person page.

The session page credits each turn from the people analysis (`line_credits`, through
`credited_lines`, which also writes the speaker filter's `turns.person_key`); this does
the same for a list of (session, line) references, so every page names and links the
same person for the same turn. A session without a people analysis credits nobody: the
label is shown as written, without a link.

A paragraph of a report, statement or paper has no speaker at all: "unnamed" says nothing
there. Its credit carries where it sits instead, `page` and `section` (the nearest
heading), as a brief's citation does ("p. 2, § Needs").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .caption_flags import flagged_lines
from .people_lines import persons_of
from .store.base import Store
from .store.credited import credited_lines  # the one reading of `lines` (the speaker filter's too)

__all__ = ["credit_key", "credited_lines", "turn_credits"]


def credit_key(session: str, line: int) -> str:
    """The key of one turn in the mapping `turn_credits` returns (templates build it the same way)."""
    return f"{session}:{line}"


def turn_credits(store: Store, refs: Iterable[tuple[str, int]]) -> dict[str, dict[str, Any]]:
    """For each (session, line) of a session with a people analysis: `{"name", "flagged"}`,
    and for a document's paragraph also `{"page", "section"}`.

    `name` is the person the turn is counted for (None when the analysis counts it for
    nobody); `flagged` says the caption label of the turn was flagged as a
    mis-attribution. References to sessions without a people analysis are left out.
    One analysis read per distinct session (and one session load per document hit).
    """
    wanted: dict[str, set[int]] = {}
    for session, line in refs:
        if session and isinstance(line, int):
            wanted.setdefault(session, set()).add(line)
    out: dict[str, dict[str, Any]] = {}
    for session, lines in wanted.items():
        people = store.analysis(session, "people")
        if not isinstance(people, list):
            continue
        credited = credited_lines(persons_of(people))  # a remote hub's turn keeps its caption label
        flagged = flagged_lines(store.analysis(session, "flags"))
        places = _places(store, session, lines)
        for line in lines:
            start = line if line in credited else _turn_start(store, session, line)
            out[credit_key(session, line)] = {
                "name": credited.get(start),
                "flagged": start in flagged,
                **places.get(line, {}),
            }
    return out


def _turn_start(store: Store, session: str, line: int) -> int:
    """The first line of the turn covering `line`: a search hit cites the line its words are on,
    which in a turn of several paragraphs is not the line the people analysis counts."""
    turn = store.turn_at(session, line)
    return turn.line if turn is not None else line


def _places(store: Store, session: str, lines: set[int]) -> dict[int, dict[str, Any]]:
    """Line → `{"page", "section"}` of the paragraph covering it, for a document session only
    (its stored metadata says a kind other than transcript); a transcript's turns have a speaker."""
    meta = store.analysis(session, "document")
    if not isinstance(meta, Mapping) or meta.get("kind") in (None, "transcript"):
        return {}
    turns = [t for t in store.load_session(session).turns if t.page is not None or t.section]
    out: dict[int, dict[str, Any]] = {}
    for line in lines:
        turn = next((t for t in turns if t.line <= line <= max(t.line, t.end_line)), None)
        if turn is not None:
            out[line] = {"page": turn.page, "section": " ".join((turn.section or "").split()) or None}
    return out
