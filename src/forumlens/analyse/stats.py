"""Speaking statistics per person, role, stakeholder group and mode, and overruns.

Minutes are estimated from words at a speaking rate (`words_per_minute`, the
`words_per_minute` setting, default 150) because captions carry no timestamps.
A time limit counts only when the session announces one to speakers ("keep your
interventions short … 3 minutes, please do not go more than 4 minutes"): the largest
number of minutes in that sentence is the limit (the hard ceiling, not the wish), it
applies from that line on, and a later announcement replaces it. Without one there
are no overruns. Moderators are never counted as overrunning: they run the clock.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..text.numbers import NUMBER_WORDS
from ..text.spoken import count_words  # the one count `people` uses too
from ._regex import compile_cue
from .context import AnalysisContext
from .models import GroupStats, Overrun, Stats

__all__ = ["DEFAULT_WPM", "compute_stats", "count_words", "find_time_limits"]

DEFAULT_WPM = 150.0
_MINUTES = re.compile(
    r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)"
    r"(?:\s+or\s+\w+)?\s*(?:-|‑)?\s*minutes?\b",
    re.I,
)
_LIMIT_CUE = compile_cue(
    r"\b(keep|limit\w*|no more than|not (go )?(more|longer) than|maximum|max|at most|up to|each"
    r"|per (speaker|person|intervention)|interventions?|stick to|stay within|within|not exceed|speaking time|time limit)\b",
    re.I,
)


def _value(token: str) -> float:
    return float(NUMBER_WORDS.get(token.lower(), 0) or token)


def find_time_limits(ctx: AnalysisContext) -> list[tuple[int, float, str]]:
    """(line, minutes, quote) of every time limit a moderator announced, in order."""
    found = []
    for turn in ctx.turns:
        if turn.kind != "speech" or not ctx.is_moderator(turn.index):
            continue
        sents = ctx.sentences[turn.index]
        for i, s in enumerate(sents):
            numbers = [_value(m.group(1)) for m in _MINUTES.finditer(s.text)]
            if not numbers:
                continue
            before = sents[i - 1].text if i else ""
            if _LIMIT_CUE.search(s.text) or (
                _LIMIT_CUE.search(before) and re.match(r"\W*i (would )?say\b|\W*\d", s.text, re.I)
            ):
                found.append((s.line, max(numbers), s.text))
    return found


def _group(rows: Sequence[tuple[str | None, int]], wpm: float) -> tuple[GroupStats, ...]:
    acc: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for key, words in rows:
        acc[key][0] += 1
        acc[key][1] += words
    return tuple(
        GroupStats(k, t, w, round(w / wpm, 1))
        for k, (t, w) in sorted(acc.items(), key=lambda kv: (-kv[1][1], str(kv[0])))
    )


def compute_stats(ctx: AnalysisContext, words_per_minute: float = DEFAULT_WPM) -> Stats:
    """Turns, words and minutes per person/role/stakeholder/mode, with overruns."""
    if words_per_minute <= 0:
        raise ValueError("words_per_minute must be positive")
    limits = find_time_limits(ctx)
    people: list[tuple[str | None, int]] = []
    roles: list[tuple[str, int]] = []
    groups: list[tuple[str, int]] = []
    modes: list[tuple[str, int]] = []
    overruns = []
    for turn in ctx.turns:
        if turn.kind != "speech":
            continue
        p = ctx.people[turn.index]
        words = count_words(turn.text)
        people.append((p.name, words))
        roles.append((p.role, words))
        groups.append((p.stakeholder or "unknown", words))
        modes.append((p.mode or "unknown", words))
        active = [lim for lim in limits if lim[0] <= turn.line]
        if active and p.role != "moderator":
            limit = active[-1][1]
            minutes = round(words / words_per_minute, 1)
            if minutes > limit:
                overruns.append(Overrun(p.name, turn.line, minutes, limit, round(minutes - limit, 1)))
    last = limits[-1] if limits else None
    return Stats(
        words_per_minute=words_per_minute,
        people=_group(people, words_per_minute),
        roles=_group(roles, words_per_minute),
        stakeholders=_group(groups, words_per_minute),
        modes=_group(modes, words_per_minute),
        limit=last[1] if last else None,
        limit_line=last[0] if last else None,
        limit_quote=last[2] if last else None,
        overruns=tuple(overruns),
    )
