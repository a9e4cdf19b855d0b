"""The read-out cues of one turn ("a question from the chat", "on behalf of X", "Dhaka has
sent"), scanned once, so that each question of the turn finds its own in time independent
of the turn's length.

Who a question is put for (`questions._on_behalf`) is the last `ON_BEHALF` cue between the
start of its turn and the end of the question that does not stand inside a question's own
clause. Asked afresh for every question, that scan is quadratic in a long turn, and cubic
with the clause test re-splitting everything before each cue: on a 240,000-word caption line
without punctuation it took 15 of the analysis' 29 CPU seconds (issue 19).

`BehalfScan` scans the whole turn once and answers `last(end)` from that scan, rescanning only
the last `REACH_RUNS` words before `end`; the answer is the plain scan's, exactly:

- A match attempt of `ON_BEHALF` crosses whitespace at most 14 times (its longest branch,
  "first one in the chat is from the remote hub in A B C D", reads 15 words) and looks at most
  one character past what it reads, so an attempt that starts `REACH_RUNS` (> 16) words
  before the last word under `end` never sees `end`: cut there or not, it does the same. The
  matches starting before that point are the whole turn's; the scan of the prefix then goes
  on from where they left it, which is the rescan (`finditer` with `pos` sees the character
  before `pos`, as the running scan does, and `endpos` cuts exactly as slicing does).
- The clause test reads the text before a cue only: the last "[.?!:;] + space" before it
  and whether a question word follows that. Both are looked up in sorted offsets of the
  whole turn (the boundary is two fixed characters, and question words are whole words that
  cannot end where a cue begins, since every cue begins a word).

Pure: a scan depends only on the turn's text and whether its speaker moderates.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from .cues import ON_BEHALF

__all__ = ["REACH_RUNS", "BehalfScan", "inside_question"]

# words (whitespace-separated runs) a match attempt of ON_BEHALF can read, with margin (see above)
REACH_RUNS = 32

_CLAUSE_BREAK = re.compile(r"[.?!:;]\s")
QUESTION_WORD = re.compile(r"\b(who|whom|whose|what|when|where|why|how|which)\b", re.I)
_RUN = re.compile(r"\S+")


def inside_question(text: str, at: int) -> bool:
    """Whether offset `at` follows a question word in its own clause: "what are people in
    the chat saying?" asks about the chat, where "A question from the chat: how …" reads one.
    (The plain test; `BehalfScan` answers the same from offsets computed once.)"""
    clause = _CLAUSE_BREAK.split(text[:at])[-1]
    return bool(QUESTION_WORD.search(clause))


class BehalfScan:
    """The `ON_BEHALF` cues of one turn's text and which of them can name who a question is for.

    `moderator`: the turn's speaker moderates, so "on behalf of X" (group "c") reads a
    question out for X; anyone else saying it introduces themselves. `rescanned` counts the
    characters `last` scanned again, the work that must stay bounded per question.
    """

    def __init__(self, text: str, moderator: bool) -> None:
        self.text = text
        self.moderator = moderator
        self._breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text)]
        self._question_words = [m.start() for m in QUESTION_WORD.finditer(text)]
        self._runs = [m.start() for m in _RUN.finditer(text)]
        self.matches = list(ON_BEHALF.finditer(text))
        self._starts = [m.start() for m in self.matches]
        # for each match, the index of the last usable match up to it (-1: none yet)
        usable = [i if self.usable(m) else -1 for i, m in enumerate(self.matches)]
        self._last_usable = list(accumulate(usable, max)) if usable else []
        self.rescanned = 0

    def inside_question(self, at: int) -> bool:
        """`inside_question(self.text, at)` for the start of a cue, from the sorted offsets."""
        i = bisect_right(self._breaks, at) - 1
        clause_start = self._breaks[i] if i >= 0 else 0
        j = bisect_left(self._question_words, clause_start)
        return j < len(self._question_words) and self._question_words[j] < at

    def usable(self, match: re.Match[str]) -> bool:
        """A cue outside a question's clause, and "on behalf of" only in a moderator's words."""
        return not self.inside_question(match.start()) and (not match.group("c") or self.moderator)

    def last(self, end: int) -> re.Match[str] | None:
        """The last usable cue of `self.text[:end]`, as scanning that prefix would find it."""
        k = bisect_left(self._runs, end) - 1  # the last word starting before `end`
        safe = self._runs[k - REACH_RUNS] if k >= REACH_RUNS else 0
        n = bisect_left(self._starts, safe)  # the turn's matches before `safe` are the prefix's
        resume = max(safe, self.matches[n - 1].end()) if n else safe
        found: re.Match[str] | None = None
        self.rescanned += max(0, end - resume)
        for match in ON_BEHALF.finditer(self.text, resume, end):
            if self.usable(match):
                found = match
        if found is None and n:
            i = self._last_usable[n - 1]
            found = self.matches[i] if i >= 0 else None
        return found
