"""Which of the thread cue patterns a sentence can match at all, found in one pass over its literals.

Why (issue 19): `items` asks some twenty cue patterns of every sentence (each signal's cue, the named-subject
cues, the not-a-need and non-ask cues, ...), and each `SharedCue.search` tests its own required literal sets
against the sentence's literals before it runs: 55,000 such calls for 20 sessions, of which only one in six
runs its regex. `CueGate` inverts that: it indexes every registered pattern's required sets by their literals,
takes the literals the sentence holds (the shared pool's one scan, `LiteralPool.present`) and marks, in one
integer, which sets they meet. A pattern with a set left unmet cannot match (it is exactly the first test of
`SharedCue.possible`, asked of the same literals), so the caller (`cues.CueMemo`) answers "no match" without
asking it; the others are asked as before, so every answer stays the pattern's own.
"""

from __future__ import annotations

from functools import reduce
from itertools import repeat
from operator import or_

from ..resolve.cuefilter import LiteralPool, SharedCue

__all__ = ["CueGate"]


class CueGate:
    """The required sets of the registered cue patterns a sentence meets, as one bit per set.

    Each required set of each pattern has a bit; a literal's mask holds the bits of the sets it belongs to.
    A sentence's mask is the union of its literals' masks (`met`), and a pattern may match it only when all
    its bits are there (`may_match`). A pattern with no required sets has no bits and is always possible."""

    def __init__(self, pool: LiteralPool) -> None:
        self.pool = pool
        self.bits: dict[int, int] = {}  # pattern (`id`) → the bits of its required sets
        self._by_literal: dict[str, int] = {}  # literal → the bits of the sets it is in
        self._next = 0

    def add(self, cue: SharedCue) -> SharedCue:
        """Register `cue` (one of the pool's patterns) and give it back, for use at its definition."""
        bits = 0
        for option in cue.options:
            bit = 1 << self._next
            self._next += 1
            bits |= bit
            for literal in option:
                self._by_literal[literal] = self._by_literal.get(literal, 0) | bit
        self.bits[id(cue)] = bits  # the cues are module constants, alive as long as the module
        return cue

    def met(self, sentence: str) -> int:
        """The bits of the required sets the sentence's literals meet (the pool's one scan of it)."""
        # over the sentence's few literals (a set's `intersection` with the dict would walk all its keys)
        return reduce(or_, map(self._by_literal.get, self.pool.present(sentence), repeat(0)), 0)
