"""Issue 20, items never extracted: news of an output headed by its name ("The radio agents: we trained sixty of
the two hundred") and an output told finished with the adjective ("The weather leaflet is done"). Invented
sessions and sentences."""

from __future__ import annotations

import pytest

from forumlens.threads.cues import find_cue

from .threads_support import items_of

SESSION = """IGF 2031 Dynamic Coalition session

>> CHAIR: Good morning. The floor is with the fishing radios coalition.
>> AMARA OKEKE: Thank you, Chair. I am Amara Okeke, coordinator of the Dynamic Coalition on Fishing Radios.
The radio agents: we trained sixty of the two hundred, the rest next year.
The boat census: we stopped it in March, the money ended.
The weather leaflet is done: one page, two languages.
>> BEN ADU: Ben Adu, from the fishers' union. The answer: two hundred boats registered so far, none with a radio.
>> AMARA OKEKE: Our census: two hundred boats registered so far.
"""


@pytest.fixture(scope="module")
def items():
    return items_of(SESSION, "igf2031-fishing-radios.txt").items


def _on(items, line: int):
    return [i for i in items if i.line == line]


def test_a_headed_count_of_work_done_is_an_update_of_the_heading(items) -> None:
    (item,) = _on(items, 5)
    assert item.signal == "update" and item.speaker == "Amara Okeke"


def test_a_headed_output_given_up_is_a_slip(items) -> None:
    (item,) = _on(items, 6)
    assert item.signal == "slip"


def test_an_output_told_done_is_a_delivery(items) -> None:
    (item,) = _on(items, 7)
    assert item.signal == "delivery"


def test_a_heading_of_talk_is_no_item_and_one_of_an_output_is(items) -> None:
    assert _on(items, 8) == []  # "The answer: …" names no output
    (item,) = _on(items, 9)
    assert item.signal == "update"


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather leaflet is done: one page, two languages.",
        "The three trainings are done, with ninety fishers.",
        "The list of coastal stations is complete since May.",
    ],
)
def test_done_and_complete_after_a_copula_are_delivery_cues(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "delivery"


@pytest.mark.parametrize(
    "sentence",
    [
        "All the studies are done by volunteers at night.",
        "What is done with the data nobody knows.",
        "The survey is not done.",
        "It is done in English only.",
    ],
)
def test_done_as_a_way_of_working_is_no_delivery(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is None or cue.signal != "delivery"


def test_done_in_a_clause_of_time_to_come_is_no_delivery() -> None:
    cue = find_cue("We will map the stations and put each region online when it is complete.")
    assert cue is not None and cue.signal == "promise"
