"""Session intelligence: agenda segments, questions and their fate, asks and
commitments, outputs, speaking statistics — pure functions over a parsed `Session`.

    >>> from forumlens.transcript.parse import parse_transcript
    >>> s = parse_transcript(">> MODERATOR: Keep it to 3 minutes each. Ana, how does your group help?\\n"
    ...                      ">> ANA LIMA: We need funding for research.\\n")
    >>> intel = find_intel(s, mentions=[])
    >>> [q.status for q in intel.questions], [a.category for a in intel.asks]
    (['answered'], ['funding'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from forumlens.models import Session
from forumlens.tag.text import SessionMemo

from .asks import CATEGORIES, find_asks
from .context import AnalysisContext, Speaker, build_context
from .models import Ask, GroupStats, Intel, Output, Overrun, Question, Segment, Stats
from .outputs import find_outputs
from .questions import find_questions
from .segments import find_segments, segment_boundaries
from .stats import DEFAULT_WPM, compute_stats, count_words

if TYPE_CHECKING:
    from forumlens.resolve.cast import Cast
    from forumlens.resolve.mentions import Mention

__all__ = [
    "CATEGORIES",
    "DEFAULT_WPM",
    "AnalysisContext",
    "Ask",
    "GroupStats",
    "Intel",
    "Output",
    "Overrun",
    "Question",
    "Segment",
    "Speaker",
    "Stats",
    "analyse_context",
    "build_context",
    "count_words",
    "find_intel",
]


def _coalition_maps(ctx: AnalysisContext, questions: list[Question]) -> tuple[dict[int, str], dict[int, str]]:
    """Turn → coalition the speaker speaks for, and turn → coalition a moderator asks about."""
    dc_names = {m.name for m in ctx.mentions}
    speaks_for: dict[int, str] = {}
    for turn in ctx.turns:
        aff = ctx.people[turn.index].affiliation
        if aff and (aff in dc_names or "coalition" in aff.lower() or aff.startswith("DC ")):
            speaks_for[turn.index] = aff
    asked_about: dict[int, str] = {}
    for q in questions:
        if q.to in dc_names:
            asked_about.setdefault(q.turn, q.to)
            for line in q.answer_lines:  # whoever answers for a coalition speaks for it
                index = ctx.turn_at_line.get(line)
                if index is not None and not ctx.is_moderator(index):
                    speaks_for.setdefault(index, q.to)
    return speaks_for, asked_about


def analyse_context(ctx: AnalysisContext, *, words_per_minute: float = DEFAULT_WPM) -> Intel:
    """All analyses over an already-built context (lets callers reuse one context)."""
    segments = find_segments(ctx)
    questions = find_questions(ctx, segment_boundaries(ctx, segments))
    speaks_for, asked_about = _coalition_maps(ctx, questions)
    question_spans = {
        (s.start, s.end) for q in questions for s in ctx.sentences[q.turn] if s.line in q.lines and s.text in q.text
    }
    asks = find_asks(ctx, skip=question_spans, coalitions=speaks_for)
    outputs = find_outputs(ctx, speaks_for, asked_about)
    return Intel(
        segments=tuple(segments),
        questions=tuple(questions),
        asks=tuple(asks),
        outputs=tuple(outputs),
        stats=compute_stats(ctx, words_per_minute),
    )


def find_intel(
    session: Session,
    cast: Cast | None = None,
    *,
    mentions: Iterable[Mention] | None = None,
    words_per_minute: float = DEFAULT_WPM,
    memo: SessionMemo | None = None,
) -> Intel:
    """Segments, questions, asks, outputs and statistics of one parsed session (pure).

    `cast`: resolve's `Cast` of the session (people with name, labels, role, affiliation,
    mode, stakeholder group) — without it roles are inferred from labels and floor-giving.
    `mentions`: resolve's mentions over `session.text` (default: `find_mentions`); only
    coalitions count. `memo`: sentence splits shared with the tag stage (optional).
    """
    return analyse_context(build_context(session, cast, mentions, memo), words_per_minute=words_per_minute)
