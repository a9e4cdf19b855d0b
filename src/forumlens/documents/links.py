"""Links between stored documents and the outputs transcripts mentioned.

A transcript's `outputs` analysis lists what speakers said a coalition produced
("we're launching … the glossary of platforms of ‑‑ policy terms"). When the
document itself is on file, the mention is linked to it. The matcher is pure:

    score = kind (0.35) + coalition (0.30) + title words in the quote (0.20) + year (0.15)

- kind: the mentioned kind must fit the document kind (a "report" fits an annual or
  session report; a "declaration" a statement); a loose fit (a "report" for a paper)
  scores 0.1; no fit is no link.
- coalition: the mention's coalition must be one of the document's; a different
  coalition is no link, an unknown one on either side scores 0.
- title words: share of the title's content words (not kind words, years or
  "dynamic coalition") found in the quote, matched on a 5-letter prefix (`prefix_stem`).
- year: the document's year against the session's; "forthcoming" looks ahead,
  "released" back; more than two years apart is no link.

A mention is linked to its best-scoring document(s) at or above `THRESHOLD`.
Links are stored as the analysis `output_links` of the DOCUMENT's session,
`[{"session", "line", "quote", "kind", "score"}]`, so no schema change is needed.
`link_outputs(store, ids)` recomputes them after an ingest in either order
(document after transcript, or transcript after document).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..store.base import Store
from ..text.stems import prefix_stem
from ..text.stopwords import FORUM_WORDS

__all__ = [
    "THRESHOLD",
    "LinkedDocument",
    "OutputMention",
    "link_outputs",
    "linked_documents",
    "match_outputs",
    "score_link",
]

THRESHOLD = 0.6
_W_KIND, _W_COALITION, _W_TITLE, _W_YEAR = 0.35, 0.30, 0.20, 0.15

# output kind (analyse/outputs.py) → document kinds it names exactly / loosely
_FITS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "report": (("annual-report", "session-report"), ("paper", "other")),
    "statement": (("statement",), ("recommendations",)),
    "declaration": (("statement",), ("recommendations",)),
    "glossary": (("glossary",), ("paper", "other")),
    "charter": (("recommendations",), ("statement", "paper", "other")),
    "guidelines": (("recommendations",), ("paper", "other")),
    "recommendations": (("recommendations",), ("statement", "paper", "session-report")),
    "best practices": (("recommendations", "paper"), ("other",)),
    "paper": (("paper",), ("annual-report", "recommendations", "other")),
    "study": (("paper",), ("other",)),
    "survey": (("paper",), ("other",)),
    "toolkit": (("paper",), ("recommendations", "other")),
    "handbook": (("paper",), ("recommendations", "other")),
    "publication": (("paper",), ("annual-report", "glossary", "recommendations", "other")),
    "special issue": (("paper",), ("other",)),
    "compendium": (("paper",), ("glossary", "other")),
    "brief": (("paper",), ("statement", "other")),
    "draft": (("paper",), ("recommendations", "statement", "other")),
    "summary": (("paper", "session-report"), ("annual-report", "other")),
}
# Title words that name no particular document: connectors, the forum's name, kind words.
_GENERIC = FORUM_WORDS | frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "on",
        "and",
        "for",
        "in",
        "to",
        "by",
        "with",
        "at",
        "from",
        "its",
        "our",
        "their",
        "dc",
        "annual",
        "yearly",
        "report",
        "reports",
        "session",
        "statement",
        "glossary",
        "paper",
        "recommendations",
        "final",
        "version",
        "summary",
        "draft",
        "document",
        "study",
        "activity",
        "activities",
        "progress",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LinkedDocument:
    """A stored document as the matcher sees it."""

    id: str
    kind: str
    title: str
    year: int | None
    coalitions: tuple[str, ...] = ()  # casefolded ids, names and acronyms


@dataclass(frozen=True)
class OutputMention:
    """One entry of a transcript's `outputs` analysis, with the session's year."""

    session: str
    line: int
    quote: str
    kind: str
    coalition: str | None
    status: str
    year: int | None


def _title_words(title: str) -> set[str]:
    return {prefix_stem(w) for w in _WORD.findall(title) if w.casefold() not in _GENERIC and len(w) > 2}


def _kind_score(mention_kind: str, document_kind: str) -> float:
    exact, loose = _FITS.get(mention_kind, ((), ("other",)))
    if document_kind in exact:
        return 1.0
    if document_kind in loose:
        return 0.1 / _W_KIND
    return 0.0


def _year_score(mention: OutputMention, year: int | None) -> float | None:
    if mention.year is None or year is None:
        return 1 / 3
    dy = year - mention.year
    ahead = mention.status == "forthcoming"
    if dy == 0:
        return 1.0
    if abs(dy) == 1:
        return 2 / 3 if (dy > 0) == ahead else 1 / 3
    if abs(dy) == 2:
        return 0.0
    return None


def score_link(document: LinkedDocument, mention: OutputMention) -> float:
    """How well `mention` names `document`, 0..1; 0 when something rules the link out."""
    kind = _kind_score(mention.kind, document.kind)
    if not kind:
        return 0.0
    coalition = 0.0
    if mention.coalition and document.coalitions:
        if mention.coalition.casefold() not in document.coalitions:
            return 0.0
        coalition = 1.0
    year = _year_score(mention, document.year)
    if year is None:
        return 0.0
    words = _title_words(document.title)
    said = {prefix_stem(w) for w in _WORD.findall(mention.quote)}
    title = len(words & said) / len(words) if words else 0.0
    return round(_W_KIND * kind + _W_COALITION * coalition + _W_TITLE * title + _W_YEAR * year, 3)


def match_outputs(
    documents: Sequence[LinkedDocument], mentions: Iterable[OutputMention], threshold: float = THRESHOLD
) -> dict[str, list[dict[str, Any]]]:
    """document id → its links, each mention going to its best document(s) at or above `threshold`."""
    links: dict[str, list[dict[str, Any]]] = {d.id: [] for d in documents}
    for mention in mentions:
        scored = [(score_link(d, mention), d) for d in documents if d.id != mention.session]
        best = max((s for s, _ in scored), default=0.0)
        if best < threshold:
            continue
        for score, document in scored:
            if score == best:
                links[document.id].append(
                    {
                        "session": mention.session,
                        "line": mention.line,
                        "quote": mention.quote,
                        "kind": mention.kind,
                        "score": score,
                    }
                )
    for items in links.values():
        items.sort(key=lambda x: (-x["score"], x["session"], x["line"]))
    return links


# -- the store side ----------------------------------------------------------------------------------


def _coalition_keys(meta: Mapping[str, Any]) -> tuple[str, ...]:
    keys: set[str] = set()
    for c in meta.get("coalitions") or []:
        if isinstance(c, dict):
            keys.update(str(c[k]).casefold() for k in ("id", "name", "acronym") if c.get(k))
    return tuple(sorted(keys))


def _load(store: Store) -> tuple[list[LinkedDocument], list[OutputMention]]:
    documents: list[LinkedDocument] = []
    years: dict[str, int | None] = {}
    for doc in store.stored_documents():
        if doc.kind == "transcript":
            years[doc.id] = doc.year
            continue
        meta = doc.meta
        documents.append(
            LinkedDocument(
                doc.id, doc.kind, str(meta.get("title") or doc.title), meta.get("year", doc.year), _coalition_keys(meta)
            )
        )
    mentions = []
    for sid, _title, _year, data in store.analyses_of_kind("outputs"):
        if sid not in years:
            continue  # only what transcripts mentioned
        for o in data if isinstance(data, list) else []:
            if isinstance(o, dict) and o.get("kind") and o.get("line") is not None:
                mentions.append(
                    OutputMention(
                        sid,
                        int(o["line"]),
                        str(o.get("quote") or ""),
                        str(o["kind"]),
                        o.get("coalition"),
                        str(o.get("status") or "mentioned"),
                        years[sid],
                    )
                )
    return documents, mentions


def link_outputs(store: Store, session_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """After ingesting `session_ids`, (re)link every stored document to the outputs transcripts mention.

    Runs in both directions (a new document finds earlier mentions, a new transcript's
    mentions find earlier documents) and writes only the documents whose links changed.
    Returns document id → links for the documents written.
    """
    if not list(session_ids):
        return {}
    documents, mentions = _load(store)
    if not documents:
        return {}
    links = match_outputs(documents, mentions)
    stored = store.output_links()
    changed = {doc: items for doc, items in links.items() if items != stored.get(doc, [])}
    if changed:
        store.save_output_links(changed)
    return changed


def linked_documents(store: Store, session_id: str) -> dict[int, list[str]]:
    """The other way round: a transcript's line → ids of the documents its mention there is linked to."""
    out: dict[int, list[str]] = {}
    for doc, links in store.output_links().items():
        for link in links:
            if isinstance(link, dict) and link.get("session") == session_id:
                out.setdefault(int(link["line"]), []).append(doc)
    return out
