"""Related items and their evidence: the result records, and verbatim quotes from stored turns.

Every related item (a similar session, a coalition working on a topic, a partner) carries
why it was chosen and where the record says so: a session, a line and a quote that is a
verbatim slice of the source, cut at a word boundary. The helpers here find that quote:
the line a signal points at, or the sentence of a turn that shares most with a topic.
Only substantive sentences are quoted (`substance.py`): procedure, greetings, thanks and
turn-taking are never evidence, and a signal whose line holds nothing else cites nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..models import Citation
from ..text.similarity import cosine
from ..text.stems import stem
from .profiles import content_words
from .substance import is_substantive

if TYPE_CHECKING:  # the store is only named in annotations: analysis must not import it
    from ..store.base import Store
    from ..store.vectors import StoredTurn

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


def verbatim(text: str, limit: int = QUOTE_CHARS) -> str:
    """A verbatim prefix of `text`, cut at a word boundary (quotes must stay exact)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def citation_at(
    store: Store,
    session_id: str,
    line: int,
    weights: dict[str, float] | None = None,
    names: frozenset[str] = frozenset(),
) -> Citation | None:
    """A substantive sentence on source line `line` of a stored session, as a citation (verbatim).

    The sentence sharing most of `weights` (stems) when given, else the first; None when the
    line holds only procedure ("Thank you very much.") or nothing to quote.
    """
    turn = store.turn_covering(session_id, line)
    if turn is None:
        return None
    lines = turn.text.split("\n")
    k = line - turn.first_line  # not the marker's line: it may hold the label alone
    if 0 <= k < len(lines):
        lo = sum(len(x) + 1 for x in lines[:k])
        hi = lo + len(lines[k])
    else:
        lo, hi = 0, len(turn.text)
    span = best_sentence(turn.text, weights or {}, names, within=(lo, hi))
    if span is None:
        return None
    a, b = span
    return Citation(
        line=turn.line_at(a),
        quote=verbatim(turn.text[a:b]),
        speaker=turn.speaker,
        session=session_id,
    )


def best_sentence(
    text: str,
    weights: dict[str, float],
    names: frozenset[str] = frozenset(),
    *,
    within: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """Span of the substantive sentence of `text` sharing most weight with `weights` (stems).

    Procedure and sentences of too few explanatory words are never chosen
    (`substance.is_substantive`); None when no sentence is left. `within` keeps only
    sentences overlapping that character range; ties go to the earliest sentence.
    """
    from ..transcript.sentences import split_sentences

    spans = split_sentences(text) or [(0, len(text))]
    if within is not None:
        spans = [(a, b) for a, b in spans if a < within[1] and b > within[0]]
    spans = [(a, b) for a, b in spans if is_substantive(text[a:b], names)]
    if not spans:
        return None
    return max(
        spans,
        key=lambda ab: (sum(weights.get(stem(w), 0.0) for w in set(content_words(text[ab[0] : ab[1]], names))), -ab[0]),
    )


def citation_in_turn(
    session_id: str,
    turn: StoredTurn,
    weights: dict[str, float],
    names: frozenset[str] = frozenset(),
) -> Citation | None:
    """The substantive sentence of a turn that says most of `weights`, as a citation of the
    line it is on (`StoredTurn.line_at`, never a marker alone on its line); None when the turn
    is all procedure."""
    span = best_sentence(turn.text, weights, names)
    if span is None:
        return None
    a, b = span
    return Citation(line=turn.line_at(a), quote=verbatim(turn.text[a:b]), speaker=turn.speaker, session=session_id)
