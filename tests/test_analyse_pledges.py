"""Commitments read by their grammar (issue 22, stop 47): a deed of the speaker's side in the future,
whatever its verb ("we will start a radio campaign in March"), and the session's report or notes on
their way to people ("the workshop summary goes to the mailing list from me on Monday"), said by a
speaker or by the chair as they close. A question, a condition, a habit, talk about the meeting
itself and a verb with nothing after it commit to nothing. Examples written here."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.asks import classify_type
from forumlens.analyse.pledges import delivery_promise, own_pledge
from forumlens.transcript.parse import parse_transcript


def _asks(text: str) -> list[tuple[int, str]]:
    return [(a["line"], a["type"]) for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]]


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("We will run a campaign on community radio in March, in three languages.", "run"),
        ("Our youth club will map the dead zones of the valley this summer.", "map"),
        ("And I will bring the two coordinators together before the end of June.", "bring"),
        ("We'll redo the survey in the northern districts next year.", "redo"),
        ("My office is going to draft the consultation paper by June.", "draft"),
    ],
)
def test_a_deed_of_the_speakers_side_in_the_future_is_a_pledge(sentence: str, verb: str) -> None:
    found = own_pledge(sentence)
    assert found is not None and found.group("verb").lower() == verb


@pytest.mark.parametrize(
    "sentence",
    [
        "Will we publish the results of the pilot online?",  # a question
        "If the grant comes through, we will build six more towers in the hills.",  # a condition
        "We will now hear from the panel on the second question.",  # the meeting's own flow
        "I will be brief, because the room is needed at noon.",  # talk about the talk
        "The outcome I cannot promise, but the proposal I will make.",  # the verb takes nothing after it
        "We will only know the figures in the autumn.",  # no deed
        "My next question will be about the licences.",  # a thing said, not a body of the speaker's
        "I will moderate this session with my colleague online.",  # the chair's role
    ],
)
def test_no_pledge_where_nothing_is_taken_on(sentence: str) -> None:
    assert own_pledge(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The workshop summary goes to the mailing list from me on Monday.",
        "The session report will go to the organisers within ten days.",
        "Mariam will circulate the notes of this meeting on the list by Thursday.",
        "Within a month you will find the full report on the forum website.",
        "Speakers, send me your slides, please, and the report goes to everybody who signed the sheet.",
    ],
)
def test_the_sessions_output_on_its_way_to_people_is_a_delivery_promise(sentence: str) -> None:
    assert delivery_promise(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Will the report go to the ministry as well?",
        "If we finish in time, the summary goes to the list tonight.",
        "The report normally goes to the secretariat, and they pass it to the board.",
        "The report was sent to the ministry last year and nobody answered.",
    ],
)
def test_no_delivery_promise_in_a_question_a_condition_a_habit_or_a_story(sentence: str) -> None:
    assert delivery_promise(sentence) is None


def test_a_pledge_with_a_verb_outside_the_cue_list_is_a_commitment() -> None:
    assert classify_type("We will continue the scholarships next year, with the same number of places.") == (
        "commitment"
    )


def test_a_speakers_pledge_and_a_chairs_closing_delivery_are_on_record() -> None:
    text = (
        ">> MODERATOR: Welcome, everybody. Ayodele, please.\n"
        ">> AYODELE BANKOLE-MARSH: Thank you. In our district the schools have no connection at all.\n"
        "Our student association will map every school without a connection this winter, for the ministry.\n"
        ">> MODERATOR: Thank you, Ayodele. We are at the end.\n"
        "The session report will go to the organisers and to all the speakers this week.\n"
    )
    found = _asks(text)
    assert (3, "commitment") in found
    assert (5, "commitment") in found


def test_a_chairs_promise_said_this_time_is_not_floor_talk_about_time() -> None:
    text = (
        ">> MODERATOR: Welcome, everybody. Ayodele, please.\n"
        ">> AYODELE BANKOLE-MARSH: Thank you. The operators of the north were not invited to this panel.\n"
        ">> MODERATOR: They were invited.\n"
        "We will invite them again to the next consultation, and in writing this time.\n"
    )
    assert (4, "commitment") in _asks(text)


def test_a_session_output_on_its_way_to_people_is_a_communication_channel() -> None:
    text = (
        ">> MODERATOR: Welcome, everybody. Ayodele, please.\n"
        ">> AYODELE BANKOLE-MARSH: Thank you. In our district the schools have no connection at all.\n"
        ">> MODERATOR: Thank you, Ayodele. We are at the end.\n"
        "The session report will go to the organisers and to all the speakers this week.\n"
    )
    found = find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]
    assert [(a["line"], a["type"], a["category"]) for a in found if a["line"] == 4] == [
        (4, "commitment", "communication-channels")
    ]
