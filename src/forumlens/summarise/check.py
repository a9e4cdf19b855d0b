"""Faithfulness: every citation's quote must be verbatim in the turn it cites.

A policy officer can only trust a brief whose every line can be looked up. This check
is independent of how the brief was built (it reads the JSON shape too, so it can audit
a brief produced by an older version or another tool): it finds the speech turn that
covers the cited line in the cited session and requires the quote to occur in that
turn's text, to start on the cited line, and the speaker to match.

The speaker matches when it is the caption's own voice or, given the session's stored
analyses, the person the resolve stage credits that turn to (`summarise.attribution`):
a flagged caption mis-attribution is credited to its likely speaker and the label
variants of one name are one person (issue 23 item 6), so a brief that credits them
is right and must not be refused. Anyone else is still a wrong speaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..models import Session, Turn
from ..transcript.speakers import name_key
from .attribution import Credits
from .models import Findings

__all__ = ["check_citations", "iter_citations"]


def iter_citations(brief: Any) -> Iterable[tuple[str, dict[str, Any]]]:
    """(where, citation dict) for every citation of a report, brief or their JSON."""
    if hasattr(brief, "bullets") and callable(brief.bullets):
        for i, (section, bullet) in enumerate(brief.bullets()):
            for j, c in enumerate(bullet.citations):
                yield f"{section}[{i}].citations[{j}]", c.to_json()
        return
    data = brief.to_json() if hasattr(brief, "to_json") else brief
    for key, value in data.items():
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Mapping):
                    for j, c in enumerate(item.get("citations", ()) or ()):
                        yield f"{key}[{i}].citations[{j}]", dict(c)
                    for k, point in enumerate(item.get("points", ()) or ()):
                        for j, c in enumerate(point.get("citations", ())):
                            yield f"{key}[{i}].points[{k}].citations[{j}]", dict(c)


def _turns_at(session: Session, line: int) -> list[Turn]:
    return [t for t in session.turns if t.kind == "speech" and t.line <= line <= max(t.line, t.end_line)]


def check_citations(
    brief: Any,
    sessions: Iterable[Session] | Mapping[str, Session],
    analyses: Mapping[str, Findings | Mapping[str, Any] | None] | None = None,
) -> list[str]:
    """Problems found (empty list = every quote is verbatim where it says it is).

    `brief` is a `SessionReport`, `TopicBrief`, `CoalitionBrief` or their `to_json()`;
    `sessions` the sessions they were built from (citations without a `session` field
    refer to the only session, or to the report's `session`); `analyses` (session id →
    stored analyses, optional) lets a citation name the speaker the resolve stage
    credits its turn to instead of the caption label.
    """
    by_id = dict(sessions) if isinstance(sessions, Mapping) else {s.id: s for s in sessions}
    credits: dict[str, Credits] = {}
    default = getattr(brief, "session", None) or (brief.get("session") if isinstance(brief, Mapping) else None)
    if default is None and len(by_id) == 1:
        default = next(iter(by_id))
    problems: list[str] = []
    for where, c in iter_citations(brief):
        sid = c.get("session") or default
        session = by_id.get(str(sid)) if sid else None
        if session is None:
            problems.append(f"{where}: unknown session {sid!r}")
            continue
        quote, line = str(c.get("quote") or ""), int(c.get("line") or 0)
        if not quote.strip():
            problems.append(f"{where}: empty quote")
            continue
        turns = _turns_at(session, line)
        turn = next((t for t in turns if quote in t.text), None)
        if turn is None:
            problems.append(f"{where}: quote not verbatim in the turn at line {line} of {session.id}: {quote[:60]!r}")
            continue
        starts = {turn.line_at(i) for i in _find_all(turn.text, quote)}
        if line not in starts:
            problems.append(f"{where}: quote starts on line(s) {sorted(starts)}, not {line}")
        speaker = c.get("voiced_by") or c.get("speaker")  # the quote is checked against whoever spoke it
        spoken = turn.speaker or turn.label
        if speaker and spoken and not _spoken_by(str(speaker), spoken, line, session, analyses, credits):
            problems.append(f"{where}: speaker {speaker!r} but the turn is by {spoken!r}")
    return problems


def _spoken_by(
    speaker: str,
    spoken: str,
    line: int,
    session: Session,
    analyses: Mapping[str, Findings | Mapping[str, Any] | None] | None,
    credits: dict[str, Credits],
) -> bool:
    """Whether `speaker` is the caption's voice of the turn at `line`, or whom the cast credits it to."""
    if name_key(speaker) == name_key(spoken):
        return True
    if analyses is None or analyses.get(session.id) is None:
        return False
    if session.id not in credits:  # built once per session, only when a name differs
        credits[session.id] = Credits.of(session, analyses[session.id])
    credit = credits[session.id].at(line)
    return credit is not None and bool(credit.name) and name_key(credit.name or "") == name_key(speaker)


def _find_all(text: str, quote: str) -> list[int]:
    out, at = [], text.find(quote)
    while at >= 0:
        out.append(at)
        at = text.find(quote, at + 1)
    return out
