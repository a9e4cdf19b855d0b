"""The summary's selectors ask "does this render as a point?" only of what they pick (issue 19).

`lazy.select_passing` runs a monotone selector (`rank.mmr_select`) on an optimistic pool
and tests only its picks; `spans.trim_pool` with a selector does so for the takeaways.
Both must give exactly the plain answer, `select(best_passing(pool, test, limit))` and
`select(trim_pool(...))`: compared here on the pools of real transcripts with the real
rendering test, and on random pools, scores, ties, vectors and tests.
"""

from __future__ import annotations

import random
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.summarise.attribution import Credits
from forumlens.summarise.context import build_context
from forumlens.summarise.lazy import select_passing
from forumlens.summarise.rank import Scored, best_passing, mmr_select
from forumlens.summarise.report import signals_of, takeaway_boost
from forumlens.summarise.spans import trim_pool
from forumlens.summarise.units import Unit
from forumlens.summarise.wording import Wording
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
SOURCES = [
    *sorted((HERE.parent / "examples").glob("*.txt"))[:3],
    *sorted((HERE / "resources" / "summarise").glob("*.txt"))[:4],
]


class Counted:
    """A test that counts the candidates it was asked about."""

    def __init__(self, test):
        self.test, self.asked = test, 0

    def __call__(self, s: Scored) -> bool:
        self.asked += 1
        return self.test(s)


def _selectors(ctx):
    yield partial(mmr_select, k=1, lam=0.8, per_speaker=1, max_sim=0.4)
    yield partial(mmr_select, k=2, lam=0.8, per_speaker=2, max_sim=0.4)
    yield partial(
        mmr_select, k=8, lam=0.8, per_speaker=2, segment_of=ctx.segment_of, speaker_bonus=0.3, closing=(0.85, 2)
    )
    yield partial(mmr_select, k=30, lam=0.7, per_speaker=3)


@pytest.fixture(scope="module")
def sessions():
    out = []
    for path in SOURCES:
        session = parse_transcript(path.read_text("utf-8"), source=path.name)
        ctx = build_context(session)
        out.append((ctx, Wording.of(ctx, Credits.of(session, None))))
    assert len(out) >= 5
    return out


def test_real_pools_same_picks_fewer_renders(sessions):
    asked = plain = 0
    for ctx, wording in sessions:
        pool = ctx.ranking().scored()
        assert pool

        def accept(s: Scored, wording=wording) -> bool:
            return wording.accept(s.unit)

        for select in _selectors(ctx):
            for limit in (1000, len(pool), max(1, len(pool) // 3)):
                expected = select(best_passing(pool, accept, limit))
                test = Counted(accept)
                got = select_passing(select, pool, test, limit)
                assert [id(s) for s in got] == [id(s) for s in expected]
                asked += test.asked
                plain += min(len(pool), limit) if limit >= len(pool) else test.asked
    assert asked < plain  # the point of it: most candidates are never rendered


def test_real_trimmed_pools(sessions):
    for ctx, wording in sessions:
        model = ctx.ranking().model
        boost = takeaway_boost(ctx, signals_of(ctx))
        pool = ctx.ranking().scored(boost)
        for select in _selectors(ctx):
            for keep in (1000, len(pool), len(pool) - 1):
                args = (model, pool, boost)
                kw = {"accept": wording.accept, "reading": wording.reading, "keep": keep}
                expected = select(trim_pool(*args, **kw))
                got = trim_pool(*args, **kw, select=select)
                assert [(s.unit.span, s.score) for s in got] == [(s.unit.span, s.score) for s in expected]


def _unit(i: int, who: str, position: float) -> Unit:
    return Unit("s", i, i + 1, who, None, 0, 10, f"sentence {i}", position, 0, ("t",))


@st.composite
def pools(draw):
    """A pool with ties in score and position and overlapping vectors, and the turns that fail."""
    n = draw(st.integers(0, 40))
    rng = random.Random(draw(st.integers(0, 2**32)))
    out = []
    for i in range(n):
        who = rng.choice(["ana", "ben", "chi", "dee"])
        position = rng.choice([0.1, 0.3, 0.5, 0.9, round(i / 40, 3)])
        score = rng.choice([0.0, 0.5, 1.0, 1.5, round(1 + i / 7, 3)])
        vec = {w: rng.choice([0.5, 1.0, 2.0]) for w in rng.sample("abcde", rng.randint(1, 3))}
        out.append(Scored(_unit(i, who, position), score, vec))
    share = draw(st.sampled_from([0.0, 0.3, 0.7, 1.0]))
    return out, {i for i in range(n) if rng.random() < share}


@settings(max_examples=300, deadline=None)
@given(pools(), st.integers(1, 6), st.integers(1, 3), st.sampled_from([0.3, 0.55, 1.0]), st.integers(1, 45))
def test_random_pools(drawn, k, per_speaker, max_sim, limit):
    pool, fails = drawn

    def passes(s: Scored) -> bool:
        return s.unit.turn not in fails

    select = partial(
        mmr_select,
        k=k,
        per_speaker=per_speaker,
        max_sim=max_sim,
        segment_of=lambda u: int(u.position * 3),
        closing=(0.8, 1),
        pool_limit=limit,
    )
    expected = select(best_passing(pool, passes, limit))
    test = Counted(passes)
    got = select_passing(select, pool, test, limit)
    assert [id(s) for s in got] == [id(s) for s in expected]
    assert test.asked <= len(pool)


def test_the_best_score_is_the_best_passing_one():
    """MMR weighs a score by the pool's best: a failing best candidate that the optimistic
    run never picks (here made redundant by the first pick) must not set that scale.
    With 10.0 as the scale Ben's point wins the second pick, with 9.9 Ana's does."""
    first = Scored(_unit(0, "dee", 0.1), 1.0, {"x": 1.0})
    fails = Scored(_unit(1, "ana", 0.2), 10.0, {"x": 1.0})
    ana = Scored(_unit(2, "ana", 0.3), 9.9, {"y": 1.0})
    ben = Scored(_unit(3, "ben", 0.4), 8.76, {"z": 1.0})
    pool = [first, fails, ana, ben]
    select = partial(mmr_select, k=2, speaker_bonus=1.0, bonus_of={"dee": 1.0, "ben": 0.08, "ana": 0.0})

    def passes(s: Scored) -> bool:
        return s is not fails

    assert select(pool) == [first, ben]  # the scale of the optimistic pool
    assert select([first, ana, ben]) == [first, ana]
    assert select_passing(select, pool, passes, 100) == [first, ana]


def test_known_candidates_are_not_tested():
    rng = random.Random(7)
    pool = [Scored(_unit(i, "ab"[i % 2], i / 20), rng.random(), {"x": 1.0, str(i): 1.0}) for i in range(20)]
    known = {id(s) for s in pool[:5]}
    asked: list[int] = []

    def test(s: Scored) -> bool:
        asked.append(s.unit.turn)
        return s.unit.turn % 3 != 0

    select = partial(mmr_select, k=4, per_speaker=4)
    got = select_passing(select, pool, test, 100, known=lambda s: id(s) in known)
    assert not set(asked) & {0, 1, 2, 3, 4}
    assert [id(s) for s in got] == [id(s) for s in select([s for s in pool if id(s) in known or test(s)])]


def test_a_selector_that_is_not_monotone_would_differ():
    """The contract matters: a selector whose pick depends on how many candidates it is
    given is not monotone, and the lazy answer then differs from the plain one (so the
    checks above can fail)."""
    pool = [Scored(_unit(i, "ana", i / 10), 10.0 - i, {"x": 1.0}) for i in range(5)]

    def by_size(p: list[Scored]) -> list[Scored]:
        return p[len(p) % 2 : len(p) % 2 + 1]

    def passes(s: Scored) -> bool:
        return s.unit.turn != 3

    assert select_passing(by_size, pool, passes, 100) != by_size(best_passing(pool, passes, 100))


def test_wording_keeps_each_rendering_apart(sessions):
    """`Wording.render` remembers each (unit, attributed, quote) rendering: asked again, in
    any order, it gives what a fresh wording of the same session gives."""
    for ctx, wording in sessions[:3]:
        fresh = Wording(ctx.units, wording.credits, ctx.person, ctx.speaks_for, ctx.chairs)
        asks = [(u, a, q) for u in ctx.units[:120] for a in (True, False) for q in (None, u.text[: len(u.text) // 2])]
        first = [wording.render(u, a, q) for u, a, q in asks]
        again = [wording.render(u, a, q) for u, a, q in reversed(asks)][::-1]
        assert first == again == [fresh.render(u, a, q) for u, a, q in asks]
        assert any(r is not None for r in first) and any(r is None for r in first)
