"""summarise/coverage.py: the terms several voices share, and a pick's new share of them.

`mmr_select`'s `topics` adds that share to a candidate's value: a thread the room spent its
time on wins over a second sentence about what is already covered.
"""

from __future__ import annotations

import math

from forumlens.summarise.coverage import CoverageGain, topic_weights
from forumlens.summarise.rank import Scored, mmr_select
from forumlens.summarise.units import Unit


def _unit(turn: int, who: str, text: str, terms: tuple[str, ...]) -> Unit:
    return Unit("s", turn, 1 + turn, who, None, 0, len(text), text, turn / 10, 0, terms)


def test_a_term_weighs_the_voices_beyond_the_first_that_used_it() -> None:
    units = [
        _unit(0, "Ana", "Spectrum fees keep rural networks out.", ("spectrum", "fee", "rural")),
        _unit(1, "Ben", "Rural spectrum is cheap in Kenya.", ("rural", "spectrum", "kenya")),
        _unit(2, "Caro", "Spectrum should be shared.", ("spectrum", "share")),
        _unit(3, "Ana", "Fees again, and fees.", ("fee",)),
    ]
    weights = topic_weights(units)
    assert weights == {"spectrum": 2.0, "rural": 1.0}  # "fee" is Ana's alone, however often


def test_a_voice_map_counts_two_labels_of_one_person_once() -> None:
    units = [_unit(0, "Ana", "Spectrum.", ("spectrum",)), _unit(1, "ANA B.", "Spectrum.", ("spectrum",))]
    assert topic_weights(units) == {"spectrum": 1.0}
    assert topic_weights(units, {"ANA B.": "Ana"}) == {}


def test_the_gain_is_the_new_share_scaled_to_the_best_candidate_and_only_falls() -> None:
    gain = CoverageGain({"spectrum": 2.0, "rural": 1.0, "school": 1.0}, [["spectrum", "rural"], ["school"]])
    assert gain(["spectrum", "rural"]) == 1.0
    assert math.isclose(gain(["school", "lunch"]), 1 / 3)
    gain.add(["spectrum"])
    assert math.isclose(gain(["spectrum", "rural"]), 1 / 3)
    assert math.isclose(gain(["school"]), 1 / 3)


def test_no_shared_terms_gain_nothing_and_divide_by_nothing() -> None:
    gain = CoverageGain({}, [["lunch"]])
    assert gain(["lunch"]) == 0.0


def _scored(turn: int, who: str, score: float, terms: tuple[str, ...]) -> Scored:
    text = " ".join(terms) + " matter here."
    return Scored(_unit(turn, who, text, terms), score, {t: 1 / math.sqrt(len(terms)) for t in terms})


def test_with_topics_mmr_picks_the_uncovered_thread_over_a_stronger_sentence_on_a_covered_one() -> None:
    pool = [
        _scored(0, "Ana", 1.0, ("spectrum", "fee", "licence")),
        _scored(1, "Ana", 0.95, ("spectrum", "fee", "auction", "price", "bid")),  # the same thread, said well
        _scored(2, "Ben", 0.7, ("school", "connectivity", "teacher")),
        _scored(3, "Caro", 0.6, ("school", "teacher", "budget")),
    ]
    topics = {"spectrum": 1.0, "fee": 1.0, "school": 2.0, "teacher": 2.0}
    plain = mmr_select(pool, 2, lam=0.8, per_speaker=2, speaker_bonus=0.0, segment_bonus=0.0, max_sim=0.9)
    covered = mmr_select(
        pool,
        2,
        lam=0.8,
        per_speaker=2,
        speaker_bonus=0.0,
        segment_bonus=0.0,
        max_sim=0.9,
        topics=topics,
        topic_bonus=0.5,
    )
    assert [s.unit.turn for s in plain] == [0, 1]
    assert [s.unit.turn for s in covered] == [2, 0]


def test_without_a_bonus_the_topics_change_nothing() -> None:
    pool = [
        _scored(i, who, 1.0 - i / 10, terms) for i, (who, terms) in enumerate([("Ana", ("a", "b")), ("Ben", ("c",))])
    ]
    assert mmr_select(pool, 2, topics={"c": 5.0}) == mmr_select(pool, 2)
