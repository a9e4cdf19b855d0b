"""Related items and their evidence: the result records, and verbatim quotes from stored turns.

Every related item (a similar session, a coalition working on a topic, a partner) carries
why it was chosen and where the record says so: a session, a line and a quote that is a
verbatim slice of the source, cut at a word boundary. The helpers here find that quote:
the line a signal points at, or the sentence of a turn that shares most with a topic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..models import Citation
from ..store.base import Store
from ..tag.text import stem
from .profiles import content_words

__all__ = [
    "QUOTE_CHARS",
    "RelatedActor",
    "RelatedSession",
    "best_sentence",
    "citation_at",
    "citation_in_turn",
    "cosine",
    "or_query",
    "verbatim",
]

QUOTE_CHARS = 240


@dataclass(frozen=True)
class RelatedSession:
    session: str
    title: str
    score: float
    reasons: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "title": self.title,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "evidence": [c.to_json() for c in self.evidence],
        }


@dataclass(frozen=True)
class RelatedActor:
    """A coalition or initiative (national/regional IGF) related to something, with why."""

    name: str
    kind: str  # "coalition" | "nri"
    acronym: str | None
    score: float
    reasons: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "acronym": self.acronym,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "evidence": [c.to_json() for c in self.evidence],
        }


def or_query(terms: list[str]) -> str:
    """A full-text query in which every term is optional."""
    return " OR ".join(terms)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse vectors (0 when either is empty). Pure."""
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def verbatim(text: str, limit: int = QUOTE_CHARS) -> str:
    """A verbatim prefix of `text`, cut at a word boundary (quotes must stay exact)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def citation_at(store: Store, session_id: str, line: int) -> Citation | None:
    """The source line `line` of a stored session as a citation (verbatim)."""
    turn = store.turn_covering(session_id, line)
    if turn is None:
        return None
    lines = turn.text.split("\n")
    quote = lines[line - turn.line] if 0 <= line - turn.line < len(lines) else turn.text
    if not quote.strip():
        quote = turn.text
    return Citation(line=line, quote=verbatim(quote), speaker=turn.speaker, session=session_id)


def best_sentence(text: str, weights: dict[str, float]) -> tuple[int, int]:
    """Span of the sentence of `text` sharing most weight with `weights` (stems)."""
    from ..transcript.sentences import split_sentences

    spans = split_sentences(text) or [(0, len(text))]
    return max(
        spans, key=lambda ab: (sum(weights.get(stem(w), 0.0) for w in set(content_words(text[ab[0] : ab[1]]))), -ab[0])
    )


def citation_in_turn(session_id: str, line: int, speaker: str | None, text: str, weights: dict[str, float]) -> Citation:
    """The sentence of a turn (starting on `line`) that says most of `weights`, as a citation."""
    a, b = best_sentence(text, weights)
    return Citation(line=line + text.count("\n", 0, a), quote=verbatim(text[a:b]), speaker=speaker, session=session_id)
