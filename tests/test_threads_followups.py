"""The learned follow-up reader (`threads/followups.py`): its features, its decision, and where `items._turn_items`
asks it (a sentence no cue took that names a deliverable). Invented sentences and a hand-made model."""

from __future__ import annotations

import forumlens.threads.items as items_module
from forumlens.threads.followups import (
    FollowupModel,
    features,
    followup_signal,
    model_from_json,
    probabilities,
)

from .threads_support import items_of


def test_the_features_name_the_shapes_of_a_state_and_of_counted_progress():
    got = features("Since March the lending library runs in four villages, and the rest will follow.")
    assert "s:since-time" in got and "s:follow" in got and "s:modal" in got
    assert "w:library" in got and "w:<num>" not in got
    counted = features("We have trained 140 of the 300 nurses so far.")
    assert {"s:n-of-m", "s:so-far", "s:perfect", "s:first-person", "w:<num>"} <= set(counted)
    assert "s:since-time" not in counted and "s:n-of-m" not in features("We have trained nurses.")


def _model(threshold: float) -> FollowupModel:
    # "since" leans to a delivery, "so far" to an update; a sentence with neither stays none
    return FollowupModel(
        {"s:since-time": (0.0, 3.0, 1.0), "s:so-far": (0.0, 1.0, 3.0)},
        (1.0, 0.0, 0.0),
        threshold,
    )


def test_the_decision_follows_the_model_and_its_threshold():
    model = _model(0.3)
    assert followup_signal("The map is up since March 2019.", model) == "delivery"
    assert followup_signal("We have trained forty so far.", model) == "update"
    assert followup_signal("The map shows the fishing ports.", model) is None
    p = probabilities(model, "The map is up since March 2019.")
    assert abs(sum(p) - 1.0) < 1e-9 and p[1] > p[2] > 0
    # a stricter threshold keeps the same sentence out
    assert followup_signal("The map is up since March 2019.", _model(0.05)) is None


def test_a_model_reads_back_from_its_json():
    doc = {"threshold": 0.3, "bias": [1, 0, 0], "weights": {"s:since-time": [0, 3, 1], "s:so-far": [0, 1, 3]}}
    assert model_from_json(doc) == _model(0.3)


SESSION = """IGF 2021 Katowice -- Dynamic Coalition on Lake Boatmen

>> AWINO ODHIAMBO: I am Awino Odhiambo, Dynamic Coalition on Lake Boatmen.  Since March our map of landing sites shows every beach of the lake.  The weather on the lake was bad this year.
"""


def test_the_reader_is_asked_only_about_sentences_no_cue_took_and_its_answer_becomes_the_item(monkeypatch):
    asked: list[str] = []

    def reader(text: str) -> str | None:
        asked.append(text)
        return "delivery" if "since" in text.lower() else None

    monkeypatch.setattr(items_module, "learned_followup", reader)
    found = items_of(SESSION, "boatmen.txt").items
    # the sentence without a deliverable the lexicon knows is never asked about
    assert not any("weather" in text for text in asked)
    delivered = [i for i in found if i.signal == "delivery"]
    assert [i.quote for i in delivered] == ["Since March our map of landing sites shows every beach of the lake."]
    assert delivered[0].head and "map" in delivered[0].head

    monkeypatch.setattr(items_module, "learned_followup", lambda text: None)
    assert not [i for i in items_of(SESSION, "boatmen.txt").items if i.signal == "delivery"]
