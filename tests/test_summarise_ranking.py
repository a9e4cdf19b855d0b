"""Ranking internals: the fast paths give the plain algorithms' answers, and the substance signals.

The speed work (regex prefilters, LexRank over adjacency lists, incremental MMR, caches)
must not change what is chosen; each fast path is checked here against a plain
reference implementation on the real transcript.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from pathlib import Path

import pytest

from forumlens.models import Session
from forumlens.summarise import build_report, rank
from forumlens.summarise.context import build_context
from forumlens.summarise.procedural import _HARD, _HARD_ANY, _SOFT, _THANKS, is_procedural
from forumlens.text.fastre import PatternSet, required_literals
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt"
FILES = [MAIN, *sorted((HERE / "resources" / "summarise").glob("*.txt"))]


def _load(path: Path) -> Session:
    data = path.read_bytes()
    return parse_transcript(data.decode("utf-8"), source=path.name, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def sessions() -> list[Session]:
    return [_load(p) for p in FILES]


@pytest.fixture(scope="module")
def sentences(sessions: list[Session]) -> list[str]:
    out = [" ".join(u.text.split()) for s in sessions for u in build_context(s).units]
    return [
        *out,
        "ſhort on time",
        "KEEP IT SHORT",
        "I'LL STOP THERE",
        "İ will turn to you",
        "okay.",
        "Thank you: funding is the barrier for all of us here",
        "we're going to move to the next part",
    ]


def test_required_literals_are_sound_and_useful() -> None:
    opts = required_literals(re.compile(r"\bthe floor is (yours|open)\b", re.IGNORECASE))
    assert frozenset({"the floor is yours", "the floor is open"}) in opts  # alternatives multiplied out
    assert required_literals(re.compile(r"\w+\s*\d*")) == []  # nothing required: always run


def test_pattern_sets_answer_as_the_patterns_do(sentences: list[str]) -> None:
    sets = [
        PatternSet(_HARD),
        PatternSet(_SOFT),
        PatternSet([_THANKS]),
        PatternSet([rank._CUE, rank.SUMMARY, rank._META, rank._PERSONAL, rank._ASKING, rank._STANCE, rank._PRAISE]),
    ]
    for text in sentences:
        for ps in sets:
            present = ps.present(text)
            for i, pattern in enumerate(ps.patterns):
                assert bool(ps.search(i, text, present)) == bool(pattern.search(text)), (pattern.pattern, text)
                assert bool(ps.match(i, text, present)) == bool(pattern.match(text)), (pattern.pattern, text)
                assert ps.findall(i, text, present) == pattern.findall(text), (pattern.pattern, text)
        assert PatternSet(_HARD).any_search(text) == bool(_HARD_ANY.search(text))


def _plain_lexrank(vecs: list[dict[str, float]], damping: float = 0.85) -> list[float]:
    """The textbook loop, as the package had it before the adjacency-list version."""
    n = len(vecs)
    graph = rank.similarity_graph(vecs)
    out_weight = [sum(row.values()) for row in graph]
    scores = [1.0 / n] * n
    for _ in range(50):
        new = [(1 - damping) / n] * n
        dangling = sum(scores[j] for j in range(n) if not out_weight[j])
        for j, row in enumerate(graph):
            if out_weight[j]:
                share = damping * scores[j] / out_weight[j]
                for i, w in row.items():
                    new[i] += share * w
        new = [x + damping * dangling / n for x in new]
        delta = sum(abs(a - b) for a, b in zip(new, scores))
        scores = new
        if delta < 1e-7:
            break
    return scores


def test_lexrank_is_the_plain_power_iteration(sessions: list[Session]) -> None:
    for session in sessions:
        units = [u for u in build_context(session).units if rank.rankable(u)]
        vecs = rank.vectorise(units).vecs
        fast, plain = rank.lexrank(vecs), _plain_lexrank(vecs)
        assert fast == pytest.approx(plain, rel=1e-12, abs=1e-15)
        assert math.isclose(sum(fast), 1.0, rel_tol=1e-9)


def _plain_mmr(
    pool,
    k,
    *,
    lam,
    per_speaker,
    segment_of=None,
    speaker_bonus=0.08,
    segment_bonus=0.06,
    max_sim=0.55,
    voice_of=None,
    cap_of=None,
    bonus_of=None,
    closing=None,
):
    """Every candidate's value recomputed from scratch at every step (cosines to all picks)."""
    voice = voice_of or (lambda u: u.who)
    cap = cap_of or voice
    top = max(s.score for s in pool) or 1.0
    chosen, speakers, capped, segments = [], Counter(), Counter(), set()
    candidates = sorted(pool, key=lambda s: (s.unit.session, s.unit.position))
    while len(chosen) < k:
        late = closing is not None and sum(c.unit.position >= closing[0] for c in chosen) >= closing[1]
        best, best_value = None, -math.inf
        for cand in candidates:
            if any(cand is c for c in chosen) or capped[cap(cand.unit)] >= per_speaker:
                continue
            if late and cand.unit.position >= closing[0]:
                continue
            redundancy = max((rank.cosine(cand.vec, c.vec) for c in chosen), default=0.0)
            if redundancy > max_sim:
                continue
            value = lam * cand.score / top - (1 - lam) * redundancy
            if speakers[voice(cand.unit)] == 0:
                value += speaker_bonus * (bonus_of.get(voice(cand.unit), 1.0) if bonus_of else 1.0)
            if segment_of is not None and segment_of(cand.unit) not in segments:
                value += segment_bonus
            if value > best_value:
                best, best_value = cand, value
        if best is None:
            break
        chosen.append(best)
        speakers[voice(best.unit)] += 1
        capped[cap(best.unit)] += 1
        if segment_of is not None:
            segments.add(segment_of(best.unit))
    return chosen


@pytest.mark.parametrize(
    "k,lam,per_speaker,max_sim", [(8, 0.72, 2, 0.55), (5, 0.6, 2, 0.45), (20, 0.8, 1, 0.3), (8, 1.2, 2, 0.55)]
)
def test_incremental_mmr_is_plain_mmr(
    sessions: list[Session], k: int, lam: float, per_speaker: int, max_sim: float
) -> None:
    for session in sessions:
        ctx = build_context(session)
        pool = rank.score_units(ctx.units, chairs=ctx.chairs)
        fast = rank.mmr_select(pool, k, lam=lam, per_speaker=per_speaker, max_sim=max_sim, segment_of=ctx.segment_of)
        plain = _plain_mmr(pool, k, lam=lam, per_speaker=per_speaker, max_sim=max_sim, segment_of=ctx.segment_of)
        assert [id(s) for s in fast] == [id(s) for s in plain]


@pytest.mark.parametrize("k,bonus", [(8, 0.3), (12, 0.3), (6, 0.0)])
def test_lazy_mmr_with_the_takeaway_options_is_plain_mmr(
    sessions: list[Session], k: int, bonus: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The takeaways' selection (a wrap-up's voice, a person's cap, scaled new-voice bonuses,
    the closing's share) picks what recomputing every value at every step picks, while it
    computes fewer cosines than one per candidate and pick."""
    for session in sessions:
        ctx = build_context(session)
        pool = rank.score_units(ctx.units, chairs=ctx.chairs)
        people = sorted({s.unit.who for s in pool})
        voice_of = lambda u, floor=people[0]: "the floor" if u.who == floor else u.who  # noqa: E731
        shares = {who: (i % 4) / 3 for i, who in enumerate(people)}  # a voice without any bonus too
        options = dict(
            lam=0.8,
            per_speaker=2,
            max_sim=0.55,
            segment_of=ctx.segment_of,
            voice_of=voice_of,
            cap_of=lambda u: u.who,
            bonus_of=shares,
            speaker_bonus=bonus,
            closing=(0.8, max(1, round(k * 0.2))),
        )
        calls = Counter()

        def counted(a, b, cosine=rank.cosine, calls=calls):
            calls["cosine"] += 1
            return cosine(a, b)

        with monkeypatch.context() as m:
            m.setattr(rank, "cosine", counted)
            fast = rank.mmr_select(pool, k, **options)
        plain = _plain_mmr(pool, k, **options)
        assert [id(s) for s in fast] == [id(s) for s in plain]
        assert calls["cosine"] < len(pool) * (len(fast) - 1) / 2 or len(pool) < 20


def test_a_kept_ranking_is_rescored_with_any_boost(sessions: list[Session]) -> None:
    ctx = build_context(sessions[0])
    ranking = ctx.ranking()
    assert ctx.ranking() is ranking  # scored once per context
    plain = ranking.scored()
    halved = ranking.scored(lambda u: 0.5)
    assert [s.unit for s in plain] == [s.unit for s in halved]
    assert all(math.isclose(h.score, p.score * 0.5, rel_tol=1e-12) for p, h in zip(plain, halved))
    assert rank.score_units(list(ctx.units), chairs=set(ctx.chairs)) == plain  # a fresh ranking scores the same
    assert rank.session_model(ctx.units, ctx.chairs) == ranking.model


def test_ranking_keeps_no_module_state_between_calls() -> None:
    """What scoring a session computes lives in the `Ranking` the caller keeps, not in the module."""
    assert [name for name, value in vars(rank).items() if isinstance(value, dict) and not name.startswith("__")] == []


def test_reports_do_not_depend_on_warm_caches(sessions: list[Session]) -> None:
    from forumlens.summarise import procedural, units

    first = build_report(sessions[0]).to_json()
    units._cached_units.cache_clear()
    rank._text_factors.cache_clear()
    procedural.procedural_weight.cache_clear()
    is_procedural.cache_clear()
    assert build_report(sessions[0]).to_json() == first


@pytest.mark.parametrize(
    "text",
    [
        "I would like to know what Dynamic Coalition is doing in joining partnership with the national initiatives.",
        "I would expect this next session could be very open, equal forum to share their work and lessons learned.",
        "We actual considered the recommendations very important, giving great value to the digital cooperation.",
        "I think that's all from my side, thank you to the speakers and the organisers of the session.",
    ],
)
def test_talk_about_the_talk_weighs_less_than_a_claim(text: str) -> None:
    claim = "Licence fees and spectrum auctions are designed for big operators, so communities cannot take part."
    weight = rank._text_factors(text)
    assert weight[1] * math.prod(weight[2]) < 0.8 * rank._text_factors(claim)[1] * math.prod(
        rank._text_factors(claim)[2]
    )


def test_a_claim_told_with_its_context_keeps_full_weight_a_run_on_does_not() -> None:
    # Rapporteurs' takeaways run ~48 words: a claim with its cause and its means is one
    # point, not a run-on (`rank.FULL_WEIGHT_WORDS`); past that the weight falls smoothly.
    claim = "Community networks in the northern provinces now serve about forty villages that commercial operators never reached."
    told = claim[:-1] + (
        ", because the regulator created a licence category for them in 2021 and the universal service"
        " programme paid for the first solar-powered towers and the training of local technicians."
    )
    run_on = told[:-1] + (
        ", and the villages pay a small monthly fee that covers fuel, spare parts and the salary of one"
        " technician, while the district council lends the land for the towers and the school hosts the equipment room."
    )
    assert 40 < len(told.split()) <= rank.FULL_WEIGHT_WORDS < len(run_on.split())
    assert rank._text_factors(told)[1] == rank._text_factors(claim)[1] == 1.0
    assert rank._text_factors(run_on)[1] < 0.75


def test_main_session_takeaways_skip_meta_talk(sessions: list[Session]) -> None:
    texts = " ".join(b.text for b in build_report(sessions[0]).takeaways)
    for phrase in ("I would expect", "I would like to know", "considered the recommendations very important"):
        assert phrase not in texts


def _accept_everything_first(pool, test, limit=rank.MMR_POOL):
    """`rank.best_passing` as a plain filter: every candidate asked, the whole passing pool kept."""
    return [s for s in pool if test(s)]


@pytest.mark.parametrize("pool_size", [5, 40])
def test_lazy_acceptance_gives_the_eager_report(
    sessions: list[Session], pool_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Takeaways and speaker points ask "does it render as a point?" only of what MMR picks
    (`lazy.select_passing`), or of a pool longer than MMR reads best first and only until MMR
    has its pool (`best_passing`); asking every sentence gives the same report. The MMR pool
    is shrunk so that normal sessions also take the second path (a 2 MB line takes it at 1,000)."""
    from forumlens.summarise import lazy as lazy_module
    from forumlens.summarise import report as report_module
    from forumlens.summarise import spans

    def select_from_all_passing(select, pool, test, limit, known=None):
        return select(_accept_everything_first(pool, test))

    monkeypatch.setattr(rank, "MMR_POOL", pool_size)
    monkeypatch.setattr(report_module, "MMR_POOL", pool_size)
    lazy = [build_report(s).to_json() for s in sessions]
    monkeypatch.setattr(report_module, "select_passing", select_from_all_passing)
    monkeypatch.setattr(spans, "select_passing", select_from_all_passing)
    monkeypatch.setattr(lazy_module, "best_passing", _accept_everything_first)
    monkeypatch.setattr(spans, "best_passing", _accept_everything_first)
    assert [build_report(s).to_json() for s in sessions] == lazy
    assert any(r["takeaways"] for r in lazy) and any(r["speaker_points"] for r in lazy)


def test_best_passing_is_the_best_of_the_passing(sessions: list[Session]) -> None:
    pool = build_context(sessions[0]).ranking().scored()
    passes = [s for s in pool if s.unit.words % 3]  # any test: the choice must not depend on it
    for limit in (1, 7, 50, len(pool) + 1):
        got = rank.best_passing(pool, lambda s: s.unit.words % 3 != 0, limit)
        want = sorted(passes, key=lambda s: (-s.score, s.unit.session, s.unit.position))[:limit]
        assert {id(s) for s in got} == {id(s) for s in want}
        assert [pool.index(s) for s in got] == sorted(pool.index(s) for s in got)  # pool order kept


@pytest.mark.parametrize(
    "sentence, procedure",
    [
        ("We are at time, so that question stays open for today; Daniel, please answer Amara by e-mail.", True),
        ("Maybe Tariq can answer her by email.", True),
        ("We are at the time of great change in how regulators work.", False),
        ("Our research found that questions remain open on data retention.", False),
        ("Under the law you can reply to the ministry by e-mail.", False),
        ("The ministry will answer citizens by e-mail within ten days.", False),
    ],
)
def test_parking_a_question_is_procedure_a_fact_about_e_mail_is_not(sentence: str, procedure: bool) -> None:
    assert is_procedural(sentence) is procedure
