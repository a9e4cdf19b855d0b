"""Session intelligence: agenda segments, questions and their fate, asks and
commitments, outputs, speaking statistics — pure functions over a parsed `Session`.

    >>> from forumlens.transcript.parse import parse_transcript
    >>> s = parse_transcript(">> MODERATOR: Keep it to 3 minutes each. Ana, how does your group help?\\n"
    ...                      ">> ANA LIMA: We need funding for research.\\n")
    >>> intel = analyse_session(s, mentions=[])
    >>> [q.status for q in intel.questions], [a.category for a in intel.asks]
    (['answered'], ['funding'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .asks import CATEGORIES, find_asks
from .context import Context, build_context
from .outputs import find_outputs
from .questions import find_questions
from .records import Ask, GroupStats, Intel, Output, Overrun, Question, Segment, Stats
from .segments import find_segments, segment_boundaries
from .stats import DEFAULT_WPM, compute_stats, count_words

__all__ = ["analyse_session", "analyse_context", "build_context", "Intel", "Segment", "Question", "Ask", "Output",
           "Stats", "GroupStats", "Overrun", "CATEGORIES", "DEFAULT_WPM", "count_words"]


def _coalition_maps(ctx: Context, questions: list[Question]) -> tuple[dict[int, str], dict[int, str]]:
    """Turn → coalition the speaker speaks for, and turn → coalition a moderator asks about."""
    dc_names = {m.name for m in ctx.mentions}
    speaks_for: dict[int, str] = {}
    for turn in ctx.turns:
        aff = ctx.people[turn.index].affiliation
        if aff and (aff in dc_names or "coalition" in aff.lower() or aff.startswith("DC ")):
            speaks_for[turn.index] = aff
    asked_about: dict[int, str] = {}
    by_line = {t.line: t.index for t in ctx.turns}
    for q in questions:
        if q.to in dc_names:
            asked_about.setdefault(q.turn, q.to)
            for line in q.answer_lines:  # whoever answers for a coalition speaks for it
                index = by_line.get(line)
                if index is not None and not ctx.is_moderator(index):
                    speaks_for.setdefault(index, q.to)
    return speaks_for, asked_about


def analyse_context(ctx: Context, *, words_per_minute: float = DEFAULT_WPM) -> Intel:
    """All analyses over an already-built context (lets callers reuse one context)."""
    segments = find_segments(ctx)
    questions = find_questions(ctx, segment_boundaries(ctx, segments))
    speaks_for, asked_about = _coalition_maps(ctx, questions)
    question_spans = {(s.start, s.end) for q in questions for s in ctx.sentences[q.turn] if s.line in q.lines
                      and s.text in q.text}
    asks = find_asks(ctx, skip=question_spans, coalitions=speaks_for)
    outputs = find_outputs(ctx, speaks_for, asked_about)
    return Intel(segments=tuple(segments), questions=tuple(questions), asks=tuple(asks), outputs=tuple(outputs),
                 stats=compute_stats(ctx, words_per_minute))


def analyse_session(session: Any, cast: Any = None, *, mentions: Iterable[Any] | None = None,
                    words_per_minute: float = DEFAULT_WPM) -> Intel:
    """Segments, questions, asks, outputs and statistics of one parsed session (pure).

    `cast`: resolve's `Cast` (people with name, labels, role, affiliation, mode) —
    without it roles are inferred from labels and floor-giving. `mentions`: coalition
    mentions over `session.text` (default: resolve's `find_mentions`).
    """
    return analyse_context(build_context(session, cast, mentions), words_per_minute=words_per_minute)
