"""Stop 30 recall rules of `forumlens.threads`: a delivery told by someone who does not name the promiser, a promise
said without a verb, and the need-pair features that do not depend on development wording."""

from __future__ import annotations

from forumlens.threads import link_items
from forumlens.threads.cues import find_cue
from forumlens.threads.link import need_featurizer
from forumlens.threads.linkmodel import NEED_FEATURES
from forumlens.threads.similarity import make_scorer

from .test_threads_link import item


def test_a_delivery_told_by_a_coalition_fulfils_the_promise_of_a_body_it_does_not_name() -> None:
    promise = item(
        2020,
        "promise",
        "So next year we will make all the transcripts of the IGF since 2006 searchable on the website.",
        coalition=None,
        org="IGF Secretariat",
        family="transcript",
        speaker="Rita Haddad",
    )
    told = item(
        2022,
        "delivery",
        "Second, the transcripts of all IGF meetings since 2006 are now searchable on the website.",
        coalition="DC Beta",
        family="transcript",
        speaker="Leo Brandt",
    )
    linked = link_items([promise, told])
    assert [(t.kind, t.status, len(t.items)) for t in linked.threads] == [("commitment", "fulfilled", 2)]
    decision = next(d for d in linked.decisions if d.item == told.ref)
    assert "owner not named" in decision.rule


def test_an_unlike_delivery_of_another_body_is_still_dropped() -> None:
    promise = item(
        2020,
        "promise",
        "Next year we will publish a report on school connectivity in Africa.",
        coalition=None,
        org="ITU",
        family="report",
    )
    told = item(
        2022, "delivery", "Our report on gender and online harassment is out.", coalition="DC Beta", family="report"
    )
    linked = link_items([promise, told])
    assert [(t.kind, t.status, len(t.items)) for t in linked.threads] == [("commitment", "pending", 1)]


def test_a_teller_with_its_own_promise_keeps_to_it() -> None:
    other = item(
        2020, "promise", "We will publish the annual report of the forum.", coalition=None, org="ITU", family="report"
    )
    own = item(2021, "promise", "We will publish our annual report in March.", family="report")
    done = item(2022, "delivery", "Our annual report was published in March.", family="report")
    linked = link_items([other, own, done])
    by_actor = {t.actor: (t.status, len(t.items)) for t in linked.threads}
    assert by_actor == {"org:ITU": ("pending", 1), "coalition:DC Alpha": ("fulfilled", 2)}


def test_a_promise_said_without_a_verb() -> None:
    cue = find_cue("And our promise for 2021: an online map of public access points in thirty countries.")
    assert cue is not None and cue.signal == "promise"
    assert find_cue("Our promise: a toolkit for the managers of telecentres.") is not None
    assert find_cue("The promise of the Internet was never kept for rural women.") is None


def test_need_pair_features_year_gap_speaker_and_overlap() -> None:
    a = item(2015, "need", "Governments must stop cutting the Internet during elections.", speaker="Ana Lima")
    b = item(2021, "need", "No state should cut the Internet on the day of the vote.", speaker="Bo Li")
    items = [a, b]
    features = dict(zip(NEED_FEATURES, need_featurizer(items, make_scorer(items))(a, b), strict=True))
    assert features["year_gap"] == 1.0  # six years or more
    assert features["same_speaker"] == 0.0  # another spokesperson: no evidence either way
    assert 0.0 < features["overlap"] < 1.0
    assert features["embedding"] == 0.0  # the lexical linker has no embeddings


def test_the_model_does_not_join_two_read_categories_on_shared_topic_words_alone() -> None:
    money = item(2020, "need", "We need funding so rural operators can buy radios.", category="funding")
    skills = item(2021, "need", "Our rural operators need training to repair radios.", category="capacity-building")
    again = item(2022, "need", "Again we ask for funding so rural operators can buy radios.", category="funding")
    linked = link_items([money, skills, again])
    assert sorted(len(t.items) for t in linked.threads) == [1, 2]
    skills_thread = next(t for t in linked.threads if skills in t.items)
    assert skills_thread.items == [skills]


def test_a_response_naming_a_coalition_the_registry_does_not_know_takes_up_its_ask() -> None:
    # the coalition is not in the registry: its items carry it as an institution-like actor ("org:…")
    climate = item(
        2018,
        "need",
        "We ask UNEP to count the e-waste of the small island states separately.",
        coalition=None,
        org="Dynamic Coalition on Internet and Climate Change",
    )
    other = item(
        2018,
        "need",
        "We ask UNEP to publish the e-waste statistics of small islands separately in the monitor.",
        coalition=None,
        org="Pacific IGF",
        speaker="Sione Tupou",
    )
    response = item(
        2020,
        "response",
        "As the climate coalition asked us, the e-waste statistics of small islands are now in the monitor.",
        coalition=None,
        org="UNEP",
        speaker="Mara Quist",
        about="request",
    )
    linked = link_items([climate, other, response])
    answered = next(t for t in linked.threads if response in t.items)
    assert climate in answered.items and answered.status == "answered"
