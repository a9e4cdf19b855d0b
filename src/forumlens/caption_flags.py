"""Caption labels flagged as mis-attributions: read from the stored `flags` analyses, and said.

The people analysis flags a caption label when its turn continues someone else's answer
("DOREEN BOGDAN-MARTIN" on the shared transcript) and counts the turn for the likely
real speaker. Several surfaces tell a reader about such a label: `forumlens people NAME`
(why a name is nobody on record), the portal's missing-person hint, the search's speaker
facet (whom the label's turns are credited to) and the turn credits of the session,
search and related pages, and `forumlens show` (`session_flags`, one session's flags). They
all read the flags here, so a malformed stored flag is skipped alike everywhere and the
sentence about a flag is worded once (`flag_note`).
Kept outside `web/` so the command line reads it without importing the portal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .transcript.speakers import name_key

__all__ = [
    "FlaggedLabel",
    "SessionFlag",
    "flag_note",
    "flagged_labels",
    "flagged_lines",
    "likely_speakers",
    "session_flags",
]

# (session, title, year, flags) rows, as `store.analyses_of_kind("flags")` gives them
FlagRows = Iterable[tuple[str, str, int | None, Any]]


@dataclass(frozen=True)
class SessionFlag:
    """A caption label the analysis judged not to be who spoke (a mis-attribution), in one session."""

    label: str
    line: int | None  # the line number the resolve stage wrote; None when it stored none
    reason: str
    likely_speaker: str | None  # whom the turn is counted for; None when the analysis named nobody


def session_flags(flags: Any) -> Iterator[SessionFlag]:
    """Every flag with a label in one session's stored `flags` analysis, in store order.

    The one test of what counts as a flag: anything else stored there (an item that is
    not a mapping, a flag without a label, flags that are not a list) is skipped.
    """
    for flag in flags if isinstance(flags, list | tuple) else ():
        if isinstance(flag, Mapping) and flag.get("label"):
            line, likely = flag.get("line"), flag.get("likely_speaker")
            yield SessionFlag(
                label=str(flag["label"]),
                line=line if isinstance(line, int) else None,
                reason=str(flag.get("reason") or "flagged by the analysis"),
                likely_speaker=str(likely) if likely else None,
            )


@dataclass(frozen=True)
class FlaggedLabel:
    """One flagged caption label in one session, as stored."""

    session: str
    title: str
    line: int | None  # the line number the resolve stage wrote
    label: str
    likely_speaker: str | None  # whom the turn is counted for; None when the analysis named nobody

    @property
    def key(self) -> str:
        """The label's comparison key (`name_key`), as caption speakers and names are compared."""
        return name_key(self.label)


def flagged_labels(rows: FlagRows) -> Iterator[FlaggedLabel]:
    """Every flag with a label in the `flags` analyses, in store order; anything else stored there is skipped."""
    for sid, title, _year, flags in rows:
        for flag in session_flags(flags):
            yield FlaggedLabel(sid, title, flag.line, flag.label, flag.likely_speaker)


def flagged_lines(flags: Any) -> set[int]:
    """The lines of one session's `flags` analysis: the turns whose caption label was flagged."""
    if not isinstance(flags, list | tuple):
        return set()
    return {int(f["line"]) for f in flags if isinstance(f, Mapping) and isinstance(f.get("line"), int)}


def likely_speakers(rows: FlagRows, keys: set[str]) -> dict[str, str | None]:
    """Label key → the one likely speaker its flags name, for the flagged labels among `keys`.

    A label flagged in several sessions may be credited to different people there; then,
    as when no one is named, the value is None: the label is flagged, and names no one.
    """
    named: dict[str, set[str | None]] = {}
    for flag in flagged_labels(rows):
        if flag.key in keys:
            named.setdefault(flag.key, set()).add(flag.likely_speaker)
    return {key: next(iter(who)) if len(who) == 1 else None for key, who in named.items()}


def flag_note(flag: FlaggedLabel, where: str) -> str:
    """ "LABEL labels line N of WHERE in the captions, flagged as a caption mis-attribution": one wording.

    `where` names the session as the surface can show it (the CLI its id and title, a web
    page the title, with a link after); each surface adds whom the turn is counted for.
    """
    return f"{flag.label} labels line {flag.line} of {where} in the captions, flagged as a caption mis-attribution"
