"""Threads as text, Markdown, JSON, and a thread's link decisions (`--explain`). Pure formatting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .link import Linked
from .models import Thread

__all__ = ["format_explain", "format_markdown", "format_text", "threads_json"]


def threads_json(threads: Sequence[Thread], linked: Linked, *, explain: bool = False) -> dict[str, Any]:
    """The `forumlens threads --json` contract, plus the linker that ran."""
    if explain:
        linked.explained()
    return {"threads": [t.to_json(explain=explain) for t in threads], "linker": linked.linker}


def _years(thread: Thread) -> str:
    first, last = thread.first_year, thread.last_year
    if first is None:
        return "????"
    return str(first) if first == last else f"{first}–{last}"


def format_text(threads: Sequence[Thread], linked: Linked) -> str:
    if not threads:
        return "No threads match."
    out = []
    for t in threads:
        out.append(f"[{t.kind} · {t.status}] {t.id}  {t.coalition or t.actor.split(':', 1)[-1]}  {_years(t)}")
        out.append(f"    {t.summary}")
        for item, role in t.entries:
            who = item.speaker or "(document)"
            out.append(
                f"    {item.year or '????'}  {item.session}:L{item.line:<4} {role:<9} {who}: {_clip(item.quote)}"
            )
    out.append(f"({len(threads)} thread{'s' if len(threads) != 1 else ''}; linker: {linked.linker})")
    return "\n".join(out)


def _clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_markdown(threads: Sequence[Thread], linked: Linked, titles: Mapping[str, str]) -> str:
    """One section per thread, each item a cited quote (title, year, line), printable without the tool."""
    if not threads:
        return "_No threads match._\n"
    out = ["# Threads", "", f"_{len(threads)} threads; linker: {linked.linker}._", ""]
    for t in threads:
        out.append(f"## {t.coalition or t.actor.split(':', 1)[-1]} — {t.kind}, {t.status} ({_years(t)})")
        out.append("")
        out.append(t.summary)
        out.append("")
        for item, role in t.entries:
            where = f"{titles.get(item.session, item.session)}, {item.year or 'n.d.'}, line {item.line}"
            who = f"{item.speaker}: " if item.speaker else ""
            out.append(f"- **{role}** — {who}“{' '.join(item.quote.split())}” ({where})")
        out.append("")
    return "\n".join(out)


def format_explain(thread: Thread, linked: Linked) -> str:
    """Every decision about one thread: its items' (rule, score, other candidates) and the items it refused."""
    out = [f"{thread.id}: {thread.kind} · {thread.status} · actor {thread.actor} · linker {linked.linker}", ""]
    for d in linked.explain(thread.id):
        mine = d.thread == thread.id
        head = f"{d.item} ({d.signal}) {d.action}" if mine else f"{d.item} ({d.signal}) went elsewhere ({d.action})"
        score = "" if d.score is None else f", score {d.score:.3f}"
        out.append(f"- {head}: {d.rule}{score}")
        if mine and d.shared:
            out.append(f"    shared: {', '.join(d.shared)}")
        for tid, s, verdict in d.candidates:
            if mine or tid == thread.id:
                out.append(f"    candidate {tid}: {s:.3f} — {verdict}")
    return "\n".join(out)
