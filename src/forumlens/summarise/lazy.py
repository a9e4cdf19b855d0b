"""A selection over the candidates that pass a costly test, asking the test only where needed.

The summary's selectors choose from the sentences that render as points
(`wording.Wording.accept`, ~0.5 ms each: the whole rewriting cascade), yet they pick
only a handful: a report rendered some 360 candidates to choose eight takeaways and one
or two points a speaker. `select_passing` gives exactly what `select` gives on the
passing candidates, asking the test of the candidates `select` picks from an optimistic
pool (every candidate not yet known to fail) until it picks only passing ones.

This holds for a selector that is *monotone in its pool*, as `rank.mmr_select` is: the
argmax of each greedy step, and every later state (speakers and segments covered, the
redundancy of a candidate, the caps), depend only on the picks so far and on each
candidate's own data, and ties go to the earlier candidate of the pool's order. So when
a step over a larger pool picks a candidate of a smaller one, the step over the smaller
pool picks it too, and by induction a run whose picks all pass is the run over the
passing candidates. Two more things must not depend on the pool: the candidates it may
read (`mmr_select` reads only the `limit` best-scored, so the optimistic pool is used
only when it is no larger) and the score it normalises by (the best score: the
best-scored candidates are tested first, until one passes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .rank import Scored, best_passing

__all__ = ["select_passing"]


def select_passing(
    select: Callable[[list[Scored]], list[Scored]],
    pool: Sequence[Scored],
    test: Callable[[Scored], bool],
    limit: int,
    known: Callable[[Scored], bool] | None = None,
) -> list[Scored]:
    """`select(best_passing(pool, test, limit))`, asking `test` of as few candidates as it can.

    `select` must be monotone in its pool and read at most its `limit` best-scored
    candidates, normalising by the best score (see the module docstring: `rank.mmr_select`
    with `pool_limit` at most `limit`). `known`: candidates already known to pass (never
    tested again). A pool longer than `limit` is filtered first (`best_passing`): which of
    its candidates `select` may read depends on which pass.
    """
    if len(pool) > limit:
        return select(best_passing(pool, test, limit))
    verdict: dict[int, bool] = {}

    def passes(s: Scored) -> bool:
        v = verdict.get(id(s))
        if v is None:
            v = verdict[id(s)] = True if known is not None and known(s) else bool(test(s))
        return v

    # the best score among the passing candidates: tested best first (ties by position, as `best_passing`)
    for s in sorted(pool, key=lambda s: (-s.score, s.unit.session, s.unit.position)):
        if passes(s):
            break
    while True:
        picks = select([s for s in pool if verdict.get(id(s), True)])
        # picks are tested in order and only up to the first that fails: the picks after it
        # were made in a state that candidate's pick set, and may not be asked for again
        if all(passes(p) for p in picks):
            return picks
