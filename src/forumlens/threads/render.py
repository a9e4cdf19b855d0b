"""Threads as text, Markdown, JSON, and a thread's link decisions (`--explain`).

Formatting is pure; the one read is `read_citing`, which fetches what citations say
about their sessions (title, year, stated date, page and section of a document's
paragraph) so a thread printed on paper, or on the portal, can be checked without the
tool. Who is named is readable too: a thread's actor is the coalition's registry name,
the institution, or the person's name as spoken, never the lowercased key linking
compares (`actor_label`); an unnamed voice ("AUDIENCE MEMBER", "a participant in
<title>") is "a participant from the floor", a document's own voice is the document
(`speaker_label`). The `threads --json` contract only gains fields: items gain `title`,
`date`, `page`, `section` and `who`; threads gain `actor_name`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..labels import FLOOR, REMOTE, key_words, unnamed_voice
from ..transcript.speakers import name_key
from .link import Linked
from .models import Decision, Item, Thread, item_contract

if TYPE_CHECKING:  # (the service reads the store; rendering needs only the filters' values)
    from .service import ThreadFilters

__all__ = [
    "FLOOR",
    "REMOTE",
    "Citing",
    "Source",
    "actor_label",
    "cite_short",
    "cite_where",
    "decision_where",
    "filter_terms",
    "format_explain",
    "format_markdown",
    "format_text",
    "is_named",
    "item_json",
    "no_threads",
    "read_citing",
    "speaker_label",
    "threads_json",
    "when_label",
]

TITLE_SHOWN = 70  # characters of a session title (or section) in a plain-text citation; longer ones end in "…"

_IN_TITLE = re.compile(r"^in\s+(?P<title>\S.*)$", re.DOTALL)  # a document's voice when it names nobody


@dataclass(frozen=True)
class Source:
    """What a citation tells of its session: title, year, the stated date, and whether it is a document."""

    title: str
    year: int | None = None
    date: str | None = None
    document: bool = False


@dataclass(frozen=True)
class Citing:
    """The sources of the cited sessions, and (page, section) of each cited document line."""

    sources: Mapping[str, Source] = field(default_factory=dict)
    places: Mapping[tuple[str, int], tuple[int | None, str | None]] = field(default_factory=dict)

    def source(self, session: str) -> Source:
        return self.sources.get(session) or Source(title=session)

    def place(self, session: str, line: int) -> tuple[int | None, str | None]:
        return self.places.get((session, line), (None, None))


# -- who ------------------------------------------------------------------------------------------


def speaker_label(speaker: str | None, source: Source | None = None, *, titled: bool = True) -> str:
    """A readable name for who said an item: the name as given, or what an unnamed voice is.

    `source` (the item's session) tells a document's own voice ("in <its title>") from a
    person, and an unnamed speaker of a document from one of a transcript. A document is
    "the document “<title>”", or just "the document" without `titled` (beside a citation
    that names it).
    """
    document = "the document" + (f" “{source.title}”" if titled and source is not None else "")
    if not speaker or not speaker.strip():
        return document if source is not None and source.document else FLOOR
    said = " ".join(speaker.split())
    voice = _IN_TITLE.match(said)
    if voice and source is not None and (source.document or name_key(voice["title"]) == name_key(source.title)):
        return document
    unnamed = unnamed_voice(said)
    if unnamed is None:
        return said
    return unnamed.bare_phrase() if unnamed.bare else unnamed.phrase  # "a remote participant from the Ghana IGF"


def is_named(speaker: str | None, source: Source | None = None) -> bool:
    """Whether `speaker` names someone (a person, a coalition, an institution), not an unnamed voice."""
    return bool(speaker) and speaker_label(speaker, source) == " ".join((speaker or "").split())


def actor_label(thread: Thread, citing: Citing | None = None) -> str:
    """Whose thread it is, readable: the coalition's registry name, the institution, the person's name,
    or what an unnamed asker is ("a participant from the floor")."""
    citing = citing or Citing()
    kind, _, key = thread.actor.partition(":")
    if thread.coalition:
        return thread.coalition
    if kind == "org" and key:
        return key
    items = thread.items
    if kind == "person":
        own = next((i for i in items if i.speaker and name_key(i.speaker) == key), None)
        if own is not None:
            return speaker_label(own.speaker, citing.source(own.session))
    first = items[0] if items else None
    if first is None:
        return key or thread.actor
    return speaker_label(first.speaker if kind == "person" else None, citing.source(first.session))


# -- where ----------------------------------------------------------------------------------------


def _human_date(date: str) -> str:
    from ..summarise.sources import human_date  # the briefs' form of a date ("7 December 2021")

    return human_date(date) or date


def when_label(source: Source, year: int | None = None) -> str:
    """ "2024" or "2024; 7 December 2024": the stated date only when it says more than the year."""
    year = year if year is not None else source.year
    parts = [str(year)] if year else []
    if source.date and (len(source.date) > 4 or not year):
        parts.append(_human_date(source.date))
    return "; ".join(parts) or "n.d."


def cite_where(item: Item, citing: Citing) -> str:
    """Where an item was said, printable: "Title (2024; 7 December 2024), p. 3, § Needs, line 12"."""
    source = citing.source(item.session)
    page, section = citing.place(item.session, item.line)
    return ", ".join([f"{source.title} ({when_label(source, item.year)})", *_place(page, section, f"line {item.line}")])


def item_json(item: Item, role: str, citing: Citing) -> dict[str, Any]:
    """One item of the `threads --json` contract, extended: `title`, `date`, `page`, `section` (when known), `who`."""
    source = citing.source(item.session)
    page, section = citing.place(item.session, item.line)
    data = {**item_contract(item, role), "title": source.title}
    if source.date:
        data["date"] = source.date
    if page is not None:
        data["page"] = page
    if section:
        data["section"] = section
    data["who"] = speaker_label(item.speaker, source)
    return data


def threads_json(
    threads: Sequence[Thread], linked: Linked, *, explain: bool = False, citing: Citing | None = None
) -> dict[str, Any]:
    """The `forumlens threads --json` contract, plus the linker that ran; with `citing`, items describe
    their source and each thread names its actor readably (`actor_name`)."""
    if explain:
        linked.explained()
    out = []
    for t in threads:
        data = t.to_json(explain=explain)
        if citing is not None:
            data["actor_name"] = actor_label(t, citing)
            data["items"] = [item_json(item, role, citing) for item, role in t.entries]
        out.append(data)
    return {"threads": out, "linker": linked.linker}


# -- the formats ----------------------------------------------------------------------------------


def thread_what(thread: Thread) -> str:
    """What a thread is, as every heading says it: its kind and, unless "other", its category ("ask,
    recognition"). One rule for `--md` and the portal: a coalition's two asks raised once differ
    by their category, and a heading without it names both the same."""
    category = thread.category if thread.category and thread.category != "other" else ""
    return thread.kind + (f", {key_words(category)}" if category else "")


def thread_name(thread: Thread, citing: Citing) -> str:
    """A thread named as a reader knows it, whose and what ("DC on Gender and Internet Governance —
    ask, funding"), not by its id: the portal's heading and links, and `--md`'s section heading."""
    who = actor_label(thread, citing)
    return f"{who} — {thread_what(thread)}" if who else thread_what(thread)


def _years(thread: Thread) -> str:
    first, last = thread.first_year, thread.last_year
    if first is None:
        return "????"
    return str(first) if first == last else f"{first}–{last}"


def cite_short(item: Item, citing: Citing, *, title_limit: int = TITLE_SHOWN) -> str:
    """Where an item was said, compact enough for one terminal line: “Title”, p. 3, § Needs, L12.

    The year stands in its own column beside it and the session id is in `--json`, so
    the title (clipped past `title_limit` characters), page and section are what let a
    reader of plain text find the line without the tool.
    """
    source = citing.source(item.session)
    page, section = citing.place(item.session, item.line)
    clipped = _clip(section, title_limit) if section else None
    return ", ".join([f"“{_clip(source.title, title_limit)}”", *_place(page, clipped, f"L{item.line}")])


def _place(page: int | None, section: str | None, line: str) -> list[str]:
    """Where in a source: "p. 3", "§ Needs" (when known), then the line as given."""
    parts = [f"p. {page}"] if page is not None else []
    if section:
        parts.append(f"§ {' '.join(section.split())}")
    return [*parts, line]


def filter_terms(filters: ThreadFilters | None) -> list[str]:
    """The filters set, in words and in the order `threads` takes them ("kind ask", "since 2099").

    Why: an empty list must say which filters kept nothing, in the same words wherever it is
    said (the list itself, the CLI's note on stderr), so a reader knows which one to drop.
    """
    if filters is None:
        return []
    given = (
        ("kind", filters.kind),
        ("status", filters.status),
        ("coalition", filters.coalition),
        ("since", filters.since),
        ("until", filters.until),
    )
    return [f"{label} {value}" for label, value in given if value is not None]


def no_threads(filters: ThreadFilters | None = None) -> str:
    """What an empty thread list says: the filters that kept nothing, or that none is on record."""
    terms = filter_terms(filters)
    if terms:
        return "No threads match " + ", ".join(terms) + "."
    return "No threads on record." if filters is not None else "No threads match."


def format_text(
    threads: Sequence[Thread], linked: Linked, citing: Citing | None = None, filters: ThreadFilters | None = None
) -> str:
    """Threads for a terminal: a header per thread, then one line per item that describes its source
    (year, session title, page and section of a document, line) as `--md` and the portal do.
    An empty list names the `filters` that kept nothing."""
    if not threads:
        return no_threads(filters)
    citing = citing or Citing()
    out = []
    for t in threads:
        out.append(f"[{t.kind} · {t.status}] {t.id}  {actor_label(t, citing)}  {_years(t)}")
        out.append(f"    {t.summary}")
        if note := outside_note(t):
            out.append(f"    {note}")
        for item, role in t.entries:
            who = speaker_label(item.speaker, citing.source(item.session), titled=False)
            out.append(f"    {item.year or '????'}  {cite_short(item, citing)}  {role}  {who}: {_clip(item.quote)}")
    out.append(f"({len(threads)} thread{'s' if len(threads) != 1 else ''}; linker: {linked.linker})")
    return "\n".join(out)


def outside_note(thread: Thread) -> str:
    """What a listing cut to a span of years says of the thread's items it leaves out ("" for none).

    Why: each item keeps its role in the whole thread (a need said again is `repeated` whether or not
    the first saying is shown), so `threads --since 2025` showed a thread starting with a `repeated`
    item and nothing before it. The note says the earlier (and later) items exist and where.
    """
    before, after = thread.outside
    parts = []
    if before:
        parts.append(f"{before} earlier item{'s' if before != 1 else ''}, before --since")
    if after:
        parts.append(f"{after} later item{'s' if after != 1 else ''}, after --until")
    if not parts:
        return ""
    return (
        f"not shown: {' and '.join(parts)}; each role is the one it has in the whole thread"
        f" (`forumlens threads --explain {thread.id}` shows it whole)"
    )


def _clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_markdown(
    threads: Sequence[Thread], linked: Linked, citing: Citing, filters: ThreadFilters | None = None
) -> str:
    """One section per thread, each item a cited quote (who; title, year, date, page, section, line),
    printable without the tool. An empty list names the `filters` that kept nothing."""
    if not threads:
        return f"_{no_threads(filters)}_\n"
    out = ["# Threads", "", f"_{len(threads)} threads; linker: {linked.linker}._", ""]
    for t in threads:
        out.append(f"## {thread_name(t, citing)} · {t.status} ({_years(t)})")
        out.append("")
        out.append(t.summary)
        out.append("")
        if note := outside_note(t):
            out.append(f"_{note}_")
            out.append("")
        for item, role in t.entries:
            who = speaker_label(item.speaker, citing.source(item.session), titled=False)
            out.append(f"- **{role}** — {who}: “{' '.join(item.quote.split())}” ({cite_where(item, citing)})")
        out.append("")
    return "\n".join(out)


def decision_where(key: str, citing: Citing | None) -> str:
    """A decision's item key ("d209c5706265:39") with what it cites when its session is known:
    "d209c5706265:39 — Title (2021), line 39" (the key alone tells a reader nothing)."""
    session, _, line = key.rpartition(":")
    if citing is None or session not in citing.sources or not line.isdigit():
        return key
    source = citing.sources[session]
    page, section = citing.place(session, int(line))
    return f"{key} — " + ", ".join([f"{source.title} ({when_label(source)})", *_place(page, section, f"line {line}")])


def _elsewhere(decision: Decision, linked: Linked) -> str:
    """Where a decision about an item weighed against this thread sent it: the other thread named by id,
    kind, status and summary (a bare item key told a reader nothing), or that it was left out."""
    if decision.action == "dropped" or decision.thread is None:
        return "was left out (dropped)"
    other = linked.thread(decision.thread)
    if other is None:
        return f"went to thread {decision.thread} ({decision.action})"
    summary = f": {_clip(other.summary, 100)}" if other.summary else ""
    return f"went to thread {other.id} ({decision.action} · {other.kind} · {other.status}{summary})"


def format_explain(thread: Thread, linked: Linked, citing: Citing | None = None) -> str:
    """Every decision about one thread: its items' (rule, score, other candidates) and the items it refused."""
    who = actor_label(thread, citing)
    out = [f"{thread.id}: {thread.kind} · {thread.status} · {who} · linker {linked.linker}", ""]
    for d, item in linked.explain_items(thread.id):
        mine = d.thread == thread.id
        where = decision_where(d.item, citing)
        if item is not None and (citing is None or item.session not in citing.sources):
            where += f" “{_clip(' '.join(item.quote.split()), 90)}”"  # no citation for it here: its words
        head = f"{where} ({d.signal}) {d.action}" if mine else f"{where} ({d.signal}) {_elsewhere(d, linked)}"
        score = "" if d.score is None else f", score {d.score:.3f}"
        out.append(f"- {head}: {d.rule}{score}")
        if mine and d.shared:
            out.append(f"    shared: {', '.join(d.shared)}")
        for tid, s, verdict in d.candidates:
            if mine or tid == thread.id:
                out.append(f"    candidate {tid}: {s:.3f} — {verdict}")
    return "\n".join(out)


# -- the one read -----------------------------------------------------------------------------------


class _Readable(Protocol):
    def stored_documents(self) -> Sequence[Any]: ...

    def load_session(self, ref: str) -> Any: ...


def read_sources(store: _Readable) -> dict[str, Source]:
    """Every stored session's title, year, stated date and kind (one query over the documents)."""
    out = {}
    for doc in store.stored_documents():
        date = doc.meta.get("date") if isinstance(doc.meta, Mapping) else None
        out[doc.id] = Source(doc.title or doc.id, doc.year, str(date) if date else None, doc.kind != "transcript")
    return out


def read_places(store: _Readable, session: str) -> dict[int, tuple[int | None, str | None]]:
    """(page, section) of every line of a document's paragraphs that has either."""
    out: dict[int, tuple[int | None, str | None]] = {}
    for turn in store.load_session(session).turns:
        if turn.page is None and not turn.section:
            continue
        for line in range(turn.line, max(turn.line, turn.end_line) + 1):
            out[line] = (turn.page, turn.section)
    return out


def read_citing(store: _Readable, items: Iterable[Item], sources: Mapping[str, Source] | None = None) -> Citing:
    """What the citations of `items` need: their sessions' sources, and page and section of the
    lines cited in documents (only documents are loaded: a transcript has neither)."""
    sources = sources if sources is not None else read_sources(store)
    cited: dict[str, set[int]] = {}
    for item in items:
        cited.setdefault(item.session, set()).add(item.line)
    places: dict[tuple[str, int], tuple[int | None, str | None]] = {}
    for session, lines in cited.items():
        source = sources.get(session)
        if source is None or not source.document:
            continue
        found = read_places(store, session)
        places.update({(session, n): found[n] for n in lines if n in found})
    return Citing({s: sources[s] for s in cited if s in sources}, places)
