"""A promise recognised by its clause's shape (`threads.promiseshape`), and a delivery told with its date in notes."""

from __future__ import annotations

import pytest

from forumlens.threads.cues import find_cue
from forumlens.threads.promiseshape import promise_shape


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("We will collect the permit rules of forty towns before the next Forum.", "collect"),
        ("Our network is going to catalogue every public tap in the district.", "catalogue"),
        ("I'll gather the court rulings of the region in one folder.", "gather"),
        ("We intend to index the archive of the radio stations.", "index"),
    ],
)
def test_any_verb_with_an_object_promises_when_the_speakers_side_is_the_subject(sentence: str, verb: str) -> None:
    found = promise_shape(sentence)
    assert found is not None and found.group("verb") == verb


def test_a_name_the_caller_knows_is_a_subject_like_we() -> None:
    sentence = "What I can promise is this: UNESCO will bring together experts on phones in 2007."
    start = sentence.index("UNESCO")
    assert promise_shape(sentence) is None  # a name nobody said is the speaker's is not the speaker's side
    found = promise_shape(sentence, [(start, start + len("UNESCO"))])
    assert found is not None and found.group("verb") == "bring"


@pytest.mark.parametrize(
    "sentence",
    [
        "If the council pays, we will collect the permit rules.",  # a condition
        "We hope we will gather the rulings next year.",  # a hedge
        "We would collect the permit rules, but there is no money.",  # a hypothetical
        "Prices will rise in every market next year.",  # a prediction about the world
        "We will see the results next year.",  # a verb that names no output
        "We will collect.",  # no object
    ],
)
def test_what_is_no_promise_by_shape(sentence: str) -> None:
    assert promise_shape(sentence) is None


def test_find_cue_falls_back_to_the_shape_for_a_verb_no_list_names() -> None:
    cue = find_cue("And our own work: we will collect the permit rules of thirty cities before the Forum meets.")
    assert cue is not None and cue.signal == "promise" and cue.text.lower().startswith("we will collect")


@pytest.mark.parametrize(
    "sentence",
    [
        "Regional comparison (the one promised in Quito) published 2012, 14 countries",
        "District dashboard, promised to us in 2016, online since 2019: 9 countries",
        "The expert meeting promised in Athens happened in Hamburg in 2008, one year late",
        "permit rules site now complete: all 30 cities",
    ],
)
def test_a_delivery_told_with_its_date_and_no_copula(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "delivery"


def test_a_dated_passive_future_stays_a_promise() -> None:
    cue = find_cue("The comparison will be published in 2025.")
    assert cue is not None and cue.signal == "promise"


def test_a_lead_in_announces_a_promise_of_any_verb() -> None:
    # "A new promise:" is the cue; the promise it announces is read by its shape, so its object is the deliverable
    cue = find_cue("And a new promise: we will plant two hundred mango trees by the school.")
    assert cue is not None and cue.signal == "promise" and cue.text.lower().startswith("we will plant")


def test_a_promise_shape_read_from_a_start() -> None:
    sentence = "We will try hard, and then we will bake a cake for the guests."
    found = promise_shape(sentence, start=sentence.index("and then"))
    assert found is not None and found.group("verb") == "bake"


@pytest.mark.parametrize(
    ("sentence", "promised"),
    [
        ("The pottery coalition will print a catalogue of village kilns.", True),  # its kind and a word of its topic
        ("The other coalition will print a catalogue of village kilns.", False),  # another body, not the teller's
    ],
)
def test_a_coalition_named_by_its_topic_word_is_the_tellers_side(sentence: str, promised: bool) -> None:
    assert (promise_shape(sentence) is not None) is promised
