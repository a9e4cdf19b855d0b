"""A whole session report: the `report --json` contract and its readable renderings.

The cited summary (takeaways, calls to action, points per speaker) comes from
`summarise`; this module adds the session-intelligence parts a secretariat reads on a
terminal or in Markdown/HTML: speaking time with bars, questions and their fate, asks
by category, segments and tags.

One question has one asker everywhere: the analyse stage decides it (`questions[].by`,
e.g. the remote hub whose question a moderator reads out), and the open-questions
section credits that asker too instead of whoever voiced the line (`credit_askers`).
One ask has one category: a second one it fits is shown as "(also …)", never as a
second ask.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .labels import unnamed_at
from .models import Citation, Session

if TYPE_CHECKING:
    from .summarise import SessionReport

__all__ = ["FORMATS", "askers_by_line", "credit_askers", "render_report", "report_json", "session_summary"]

FORMATS = ("text", "md", "html", "json")
_BAR = 30
_WIDTH = 100  # a terminal line; longer texts wrap under their head, never cut


def _wrapped(head: str, text: str) -> list[str]:
    """`head` and the whole of `text`, wrapped at word boundaries with a hanging indent."""
    return textwrap.wrap(
        f"{head} {' '.join(text.split())}",
        width=_WIDTH,
        initial_indent="  ",
        subsequent_indent="      ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _column(name: str, width: int) -> str:
    """A name in a fixed-width column: shortened with an ellipsis, never cut silently."""
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


INTERNAL_KINDS = frozenset({"keywords"})  # stored for related items, not part of the report contract


def askers_by_line(questions: Iterable[Mapping[str, Any]] | None) -> dict[int, str]:
    """Line → the asker the analyse stage decided, for every line a question was put on."""
    out: dict[int, str] = {}
    for line, asked in _askers(questions).items():
        out[line] = asked[0][0]
    return out


def _askers(questions: Iterable[Mapping[str, Any]] | None) -> dict[int, list[tuple[str, str | None]]]:
    """Line → (asker, question text) of every question put on it with a named asker; the text is
    None on the lines where it was asked again (`also_asked_at`), which keep no text of their own."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    for q in questions or ():
        if q.get("by"):
            text = q.get("text")
            for k, line in enumerate((q.get("line"), *(q.get("also_asked_at") or ()))):
                if isinstance(line, int):
                    own = str(text) if k == 0 and isinstance(text, str) else None
                    out.setdefault(line, []).append((str(q["by"]), own))
    return out


def _asker_of(line: Any, quote: Any, askers: Mapping[int, list[tuple[str, str | None]]]) -> str | None:
    """Who asked the question a citation quotes: the asker of a question on its line whose text
    and the quote overlap. A line can hold more than the question ("Markus, that is a question
    for the secretariat.  Chengetai, could you answer?"): a quote of its other words is not the
    asker's and keeps whoever voiced it."""
    for asker, text in askers.get(line, ()) if isinstance(line, int) else ():
        said = " ".join(str(quote or "").split())
        if text is None or not said:
            return asker
        asked = " ".join(text.split())
        if said in asked or asked in said:
            return asker
    return None


def _credited(citation: Mapping[str, Any], asker: str) -> dict[str, Any]:
    """A citation JSON credited to `asker`, keeping who voiced the line when that differs."""
    if citation.get("speaker") == asker:
        return dict(citation)
    return {**citation, "speaker": asker, "voiced_by": citation.get("voiced_by") or citation.get("speaker")}


def credit_askers(bullets: Iterable[Mapping[str, Any]], questions: Iterable[Mapping[str, Any]] | None) -> list[Any]:
    """Open-question bullets (report JSON) whose citations name the question's asker.

    A citation of a question line names who asked it, as the questions section does: a
    moderator reading out a remote hub's question is not its asker. Unnamed askers
    (`by` null) keep the citation as it is, and so does a quote of other words on the line.
    """
    askers = _askers(questions)
    out: list[Any] = []
    for bullet in bullets:
        citations = []
        for c in bullet.get("citations") or ():
            asker = _asker_of(c.get("line"), c.get("quote"), askers) if isinstance(c, Mapping) else None
            citations.append(_credited(c, asker) if asker else c)
        out.append({**bullet, "citations": citations})
    return out


def _credited_summary(summary: SessionReport, questions: Iterable[Mapping[str, Any]] | None) -> SessionReport:
    """`summary` with its open questions credited to their askers (see `credit_askers`)."""
    askers = _askers(questions)
    if not askers:
        return summary

    def credit(c: Citation) -> Citation:
        asker = _asker_of(c.line, c.quote, askers)
        return replace(c, speaker=asker, voiced_by=c.voiced_by or c.speaker) if asker and c.speaker != asker else c

    bullets = tuple(replace(b, citations=tuple(credit(c) for c in b.citations)) for b in summary.open_questions)
    return replace(summary, open_questions=bullets)


def report_json(session: Session, analyses: dict[str, Any]) -> dict[str, Any]:
    """Everything `parse` gives plus every analysis (DESIGN.md `report --json`)."""
    public = {kind: value for kind, value in analyses.items() if kind not in INTERNAL_KINDS}
    if isinstance(public.get("open_questions"), list):
        public["open_questions"] = credit_askers(public["open_questions"], analyses.get("questions"))
    return {**session.to_json(), "id": session.id, "year": session.year, **public}


def _ask_head(a: Mapping[str, Any], sep: str = "/") -> str:
    """`ask/funding`, with the secondary categories of the same ask after it: `(also capacity-building)`."""
    also = [str(c) for c in a.get("secondary_categories") or ()]
    head = f"{a.get('type', 'ask')}{sep}{a['category']}"
    return f"{head} (also {', '.join(also)})" if also else head


def _by(a: Mapping[str, Any], analyses: Mapping[str, Any], session: Session | None = None) -> str:
    """Who an ask is credited to: its speaker, else "the document" for a paragraph of a report or
    statement (which has no speaker) with the page and section the paragraph is in (as the report's
    Sources and the portal name them: a reader of a 40-page PDF looks for a page, not a line),
    else "someone" (an unnamed voice), as questions say; a bare "?" read as a fault of the report."""
    if a.get("by"):
        return str(a["by"])
    meta = analyses.get("document")
    is_document = isinstance(meta, Mapping) and meta.get("kind") not in (None, "transcript")
    if not is_document:
        return _asker(a, session)
    return ", ".join(["the document", *_place_words(session, a.get("line"))])


def _asker(item: Mapping[str, Any], session: Session | None) -> str:
    """Who asked a question (or made an ask) nobody is credited with: the unnamed voice of its line as
    the threads and the Sources say it ("a participant from the floor" for `>> AUDIENCE:`), else "someone"."""
    if item.get("by"):
        return str(item["by"])
    line = item.get("line")
    said = unnamed_at(session.turns).get(line) if session is not None and isinstance(line, int) else None
    return said or "someone"


def _place_words(session: Session | None, line: object) -> list[str]:
    """["p. 4", "§ Findings"] for the paragraph of `session` that covers `line`; [] when it has neither."""
    if session is None or not isinstance(line, int):
        return []
    turn = next((t for t in session.turns if t.line <= line <= max(t.line, t.end_line)), None)
    if turn is None:
        return []
    page = [f"p. {turn.page}"] if turn.page is not None else []
    return page + ([f"§ {' '.join(turn.section.split())}"] if turn.section else [])


def _bars(stats: dict[str, Any]) -> list[tuple[str, int, float, str]]:
    people = stats.get("people") or []
    longest = max((p.get("minutes") or 0 for p in people), default=0) or 1
    out = []
    for p in sorted(people, key=lambda p: -(p.get("words") or 0)):
        minutes = float(p.get("minutes") or 0)
        out.append(
            (
                p.get("name") or "(unnamed)",
                int(p.get("words") or 0),
                minutes,
                "█" * max(1, round(_BAR * minutes / longest)),
            )
        )
    return out


def _extras_text(analyses: dict[str, Any], session: Session | None = None) -> str:
    lines: list[str] = []
    stats = analyses.get("stats") or {}
    if stats.get("people"):
        lines += ["", "SPEAKING TIME", ""]
        limit = stats.get("limit")
        if limit:
            lines.append(f"  announced limit: {limit['minutes']:g} min (L{limit['line']})")
        over = {
            o.get("by") or o.get("name") for o in stats.get("overruns") or []
        }  # "name": stores before the Overrun record
        for name, words, minutes, bar in _bars(stats):
            flag = "  over the limit" if name in over else ""
            lines.append(f"  {_column(name, 28):<28} {words:>6} w {minutes:>5.1f} min {bar}{flag}")
    questions = analyses.get("questions") or []
    if questions:
        lines += ["", "QUESTIONS", ""]
        for q in questions:
            lines += _wrapped(
                f"[{q['status']}] L{q['line']} {_asker(q, session)} → {q.get('to') or 'the room'}:", q["text"]
            )
    asks = analyses.get("asks") or []
    if asks:
        lines += ["", "ASKS, COMMITMENTS AND RECOMMENDATIONS", ""]
        for a in asks:
            lines += _wrapped(f"{_ask_head(a)}: L{a['line']} {_by(a, analyses, session)}:", a["quote"])
    tags = analyses.get("tags") or []
    if tags:
        lines += ["", "TOPICS", ""]
        lines += textwrap.wrap(
            ", ".join(f"{t['code']} {t['label']} ({t['score']:.2f})" for t in tags),
            width=_WIDTH,
            initial_indent="  ",
            subsequent_indent="  ",
            break_long_words=False,
        )
    segments = analyses.get("segments") or []
    if segments:
        lines += ["", "AGENDA", ""]
        lines += [f"  L{s['from_line']}–{s['to_line']}  {s['title']}" for s in segments]
    return "\n".join(lines)


def _extras_md(analyses: dict[str, Any], session: Session | None = None) -> str:
    out: list[str] = []
    stats = analyses.get("stats") or {}
    if stats.get("people"):
        out += ["", "## Speaking time", "", "| speaker | words | minutes | |", "|---|---:|---:|---|"]
        out += [f"| {n} | {w} | {m:.1f} | `{b}` |" for n, w, m, b in _bars(stats)]
    if analyses.get("questions"):
        out += ["", "## Questions", ""]
        out += [
            f"- **{q['status']}** (L{q['line']}) {_asker(q, session)} → {q.get('to') or 'the room'}:"
            f" {' '.join(q['text'].split())}"
            for q in analyses["questions"]
        ]
    if analyses.get("asks"):
        out += ["", "## Asks, commitments and recommendations", ""]
        out += [
            f"- *{_ask_head(a, ' / ')}* (L{a['line']}, {_by(a, analyses, session)}): “{' '.join(a['quote'].split())}”"
            for a in analyses["asks"]
        ]
    if analyses.get("tags"):
        out += ["", "## Topics", ""]
        out += [
            f"- {t['code']} {t['label']} ({t['score']:.2f}; lines {', '.join(map(str, t['lines'][:5]))})"
            for t in analyses["tags"]
        ]
    return "\n".join(out)


def _extras_html(analyses: dict[str, Any], session: Session | None = None) -> str:
    e = html.escape
    parts: list[str] = []
    stats = analyses.get("stats") or {}
    if stats.get("people"):
        rows = "".join(
            f"<tr><td>{e(n)}</td><td>{w}</td><td>{m:.1f}</td>"
            f"<td><span class='bar' style='display:inline-block;background:#2b6;height:0.8em;"
            f"width:{len(b) * 6}px'></span></td></tr>"
            for n, w, m, b in _bars(stats)
        )
        parts.append(
            f"<h2>Speaking time</h2><table><tr><th>speaker</th><th>words</th><th>minutes</th><th></th></tr>"
            f"{rows}</table>"
        )
    if analyses.get("questions"):
        items = "".join(
            f"<li><b>{e(q['status'])}</b> (L{q['line']}) {e(_asker(q, session))} → "
            f"{e(q.get('to') or 'the room')}: {e(' '.join(q['text'].split()))}</li>"
            for q in analyses["questions"]
        )
        parts.append(f"<h2>Questions</h2><ul>{items}</ul>")
    if analyses.get("asks"):
        items = "".join(
            f"<li><i>{e(_ask_head(a, ' / '))}</i> (L{a['line']}, "
            f"{e(_by(a, analyses, session))}): “{e(' '.join(a['quote'].split()))}”</li>"
            for a in analyses["asks"]
        )
        parts.append(f"<h2>Asks, commitments and recommendations</h2><ul>{items}</ul>")
    return "".join(parts)


def session_summary(session: Session, analyses: dict[str, Any]) -> SessionReport:
    """The cited summary a rendered report shows (takeaways, calls to action, points, open
    questions), its open questions credited to the askers the analysis decided."""
    from .summarise import build_report

    return _credited_summary(build_report(session, analyses), analyses.get("questions"))


def render_report(
    session: Session, analyses: dict[str, Any], fmt: str = "text", summary: SessionReport | None = None
) -> str:
    """The session report as text (terminal), Markdown, HTML or JSON.

    `summary`: the `session_summary` a caller already built (to say why it is empty), so it
    is not built twice.
    """
    import json

    if fmt == "json":
        return json.dumps(report_json(session, analyses), ensure_ascii=False, indent=1)
    from .summarise import render

    if summary is None:
        summary = session_summary(session, analyses)
    if fmt == "text":
        return render(summary, "text") + "\n" + _extras_text(analyses, session)
    if fmt == "md":
        return render(summary, "md") + "\n" + _extras_md(analyses, session) + "\n"
    if fmt == "html":
        page = render(summary, "html")
        extras = _extras_html(analyses, session)
        return page.replace("</body>", extras + "</body>") if "</body>" in page else page + extras
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
