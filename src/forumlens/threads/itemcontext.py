"""What every item rule of one session reads: the session's context, and who speaks when no one is named.

Why a module of its own: the sentence, question and ask readers of `threads.items` all take
this context (analyses, registry, lexicon, line index) and fall back on the same voice (the
document's, or "a participant in TITLE") when a caption or document names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models import Session
from ..pipeline import is_document_session
from ..resolve.registry import Registry, load_registry
from .actors import Actor, document_actor
from .lexicon import Lexicon, load_lexicon
from .reportedspeech import Voices
from .sentences import LineFinder

_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|so)\s|\.\s")
_MODERATOR_SIGNALS = frozenset({"response"})
_COALITION_SIGNALS = frozenset({"slip", "update", "promise", "delivery", "need"})
_NEEDS_DELIVERABLE = frozenset({"promise", "update", "delivery", "slip"})
_SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|this|that|these|those)\b", re.I)
ASKS_CUE = "analyse.asks"  # the cue of a need only the `asks` analysis found (no words of the sentence)
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")


@dataclass
class _Context:
    session: Session
    session_id: str
    analyses: Mapping[str, Any]
    lexicon: Lexicon
    registry: Registry
    lines: LineFinder
    people: dict[str, Mapping[str, Any]]
    moderators: frozenset[str]
    document: bool
    document_by: Actor
    names: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    voices: Voices = field(default_factory=Voices)  # whom a third-person record reported so far (`reportedspeech`)


def _context(session: Session, analyses: Mapping[str, Any], session_id: str) -> _Context:
    people = {str(p["name"]): p for p in analyses.get("people") or [] if isinstance(p, Mapping) and p.get("name")}
    moderators = frozenset(name for name, p in people.items() if p.get("role") == "moderator")
    meta = analyses.get("document") or {}
    document = is_document_session(session) or (bool(meta) and meta.get("kind") not in (None, "transcript"))
    registry = load_registry()
    return _Context(
        session,
        session_id,
        analyses,
        load_lexicon(),
        registry,
        LineFinder(session.text),
        people,
        moderators,
        document,
        document_actor(session, analyses, registry) if document else (None, None),
    )


# -- who, when the caption or the document names nobody ----------------------------------------
def _title(ctx: _Context) -> str:
    meta = ctx.analyses.get("document") or {}
    return str(meta.get("title") or ctx.session.title or ctx.session_id).strip()


def _document_voice(ctx: _Context) -> str | None:
    """Who a document's paragraph speaks for: its coalition or institution, else "in TITLE"."""
    if not ctx.document:
        return None
    coalition, org = ctx.document_by
    return coalition or org or f"in {_title(ctx)}"


def _anonymous(ctx: _Context) -> str:
    """An unnamed asker ("AUDIENCE MEMBER"): the document's voice, or a participant of the session."""
    return _document_voice(ctx) or f"a participant in {_title(ctx)}"
