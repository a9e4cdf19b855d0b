"""Plain-text renderings for the terminal: `format_*() -> str`, printing happens in the CLI."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from .models import IngestOutcome, SearchHit, Session
from .store.base import SessionInfo

__all__ = [
    "clip",
    "counted",
    "format_hits",
    "format_outcomes",
    "format_session",
    "format_sessions",
    "format_turns",
    "hit_speaker",
    "table",
]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` with its noun in the right number ("1 turn", "0 turns", "2 speeches"): a message that
    says "1 turns" reads as a bug to the user, whatever the count was."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Rows under their headers in left-aligned columns as wide as their widest cell, no trailing spaces."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(x.rstrip() for x in out)


def clip(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters, ending in "…" when cut, so a reader sees it goes on.

    The one clipping of the terminal output (tables, hits, turns, and the commands' lists
    through `cli_support.clip`): runs of spaces and line breaks are one space, so a title never
    breaks a table row, and no space is left before the "…".
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_sessions(sessions: Sequence[SessionInfo]) -> str:
    if not sessions:
        return "No sessions stored yet. Add some with: forumlens ingest PATH"
    rows = [
        (s.id, str(s.year or ""), str(s.turns), str(s.speakers), str(s.words), clip(s.title or "(untitled)", 70))
        for s in sessions
    ]
    return table(rows, ("id", "year", "turns", "speakers", "words", "title"))


def format_hits(hits: Sequence[SearchHit], query: str, credits: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """Hits as text; `credits` (`forumlens.credits.turn_credits`) names whom each turn is counted for."""
    if not hits:
        return f"No matches for {query!r}."
    out = []
    for hit in hits:
        who = hit_speaker(hit, (credits or {}).get(f"{hit.session}:{hit.line}"))
        out.append(f"{hit.session}:L{hit.line}  {who}  [{hit.score:.2f}]  {clip(hit.title, 60)}")
        out.append(textwrap.indent(textwrap.fill(hit.snippet.replace("\n", " "), 96), "    "))
    return "\n".join(out)


def hit_speaker(hit: SearchHit, credit: Mapping[str, Any] | None) -> str:
    """Who said a hit, as the portal says it: the person the people analysis counts the turn for
    (with the caption label when that is another name: "Carla Mendes (captioned MODERATOR)"), else
    the label (one that names nobody as the reports and threads say it: "AUDIENCE" → "a participant
    from the floor", `labels.said_voice`), else where a document's paragraph sits ("§ Outputs"), else
    "(unnamed)"."""
    from .labels import said_voice
    from .transcript.speakers import name_key

    label = hit.speaker or hit.label
    name = (credit or {}).get("name")
    if name and label and name_key(str(name)) != name_key(label):
        return f"{name} (captioned {label})"
    if name or label:
        return str(name or said_voice(label))
    page, section = (credit or {}).get("page"), (credit or {}).get("section")
    place = ", ".join(x for x in (f"p. {page}" if page is not None else "", f"§ {section}" if section else "") if x)
    return place or "(unnamed)"


def format_turns(session: Session, width: int = 100) -> str:
    out = []
    for turn in session.turns:
        if turn.kind == "note":
            who = "(note)"
        elif turn.label:
            who = turn.label
        else:  # a document's paragraph is cited by its section, as search hits and reports do
            who = f"§ {turn.section}" if turn.section else "(unnamed)"
        out.append(f"L{turn.line:<5} {who}: {clip(_said(turn.text), width)}")
    return "\n".join(out)


def _said(text: str) -> str:
    """A turn's words as read: a turn of several subtitle cues of one voice holds their timing lines
    and voice tags (`00:00:06.500 --> …`, `<v Jo Li>`: the turn is an exact slice of the file), which
    `show` printed inside the speech; its sentences leave that furniture out."""
    if "-->" not in text:
        return text
    from .transcript.sentences import sentence_texts  # only for cue files: the splitter costs an import

    return " ".join(sentence_texts(text)) or text


def format_session(info: SessionInfo, session: Session, full: bool = False) -> str:
    speakers: dict[str, int] = {}
    for turn in session.turns:
        if turn.kind == "speech":
            key = turn.speaker or turn.label or "(unnamed)"
            speakers[key] = speakers.get(key, 0) + len(turn.text.split())
    head = [
        session.title or "(untitled session)",
        f"id {info.id} · year {info.year or '?'} · {counted(info.turns, 'turn')} · {counted(info.words, 'word')} · source {info.source}",
        "",
        "Speakers (words):",
    ]
    head += [f"  {name:<40} {words:>6}" for name, words in sorted(speakers.items(), key=lambda kv: -kv[1])]
    head += ["", "Turns:", format_turns(session, 10_000 if full else 100)]
    return "\n".join(head)


def format_outcomes(outcomes: Sequence[IngestOutcome]) -> str:
    counts = {k: sum(o.status == k for o in outcomes) for k in ("ingested", "skipped", "failed")}
    lines = [f"{counts['ingested']} ingested, {counts['skipped']} skipped, {counts['failed']} failed"]
    for o in outcomes:
        if o.status == "failed":
            lines.append(f"  failed  {o.reason if o.reason.startswith(o.path) else o.path + ': ' + o.reason}")
        elif o.status == "ingested":
            extra = f"  ({'; '.join(o.warnings)})" if o.warnings else ""
            lines.append(f"  ok      {o.path} → session {o.session}, {counted(o.turns, 'turn')}{extra}")
        else:
            lines.append(f"  skipped {o.path}: {o.reason}")
    stored = sum(o.status == "skipped" and o.reason.startswith("already stored") for o in outcomes)
    if stored:  # the one way to store them again, said where the user meets the skip
        them = "it" if stored == 1 else "them"
        lines.append(f"note: add --force to ingest {them} again (replacing the stored copy)")
    return "\n".join(lines)


# Fewer words than this are too few to summarise: a greeting and a sentence or two.
FEW_WORDS = 60


def empty_report_reason(session: Session, lister: str) -> str:
    """Why a report has no takeaways, calls to action, points or open questions: no speech at
    all, too few words, or nothing the summariser keeps (it leaves procedure out).

    `lister`: what lists the turns, as the reader can use it: a command in backticks on the
    command line (`forumlens show ID`, or `parse FILE` for a file), "the transcript below" on
    the portal's session page.
    """
    speech = [t for t in session.turns if t.kind == "speech"]
    words = sum(len(t.text.split()) for t in speech)
    lead = "the report has no takeaways, calls to action, points by speaker or open questions"
    if not speech:
        return f"{lead}: the file has no speech or paragraphs, only headings or stage notes"
    if words < FEW_WORDS:
        return f"{lead}: the session has only {words} word{'' if words == 1 else 's'}, too few to summarise"
    return (
        f"{lead}: no sentence of its {words} words was kept (greetings, thanks, floor-giving and other "
        f"procedure are left out); {lister} lists what was said"
    )
