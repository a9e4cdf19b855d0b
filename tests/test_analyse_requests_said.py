"""Requests said by their grammar (issue 22, stop 49): a chair's own request to the room or a named
body is the session's ask, not floor talk (`chairview.chair_requests`), and a request announced by a
noun of asking ("my proposal is that …") is a recommendation (`asksentence`). Examples written here."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askcategory import settled_category
from forumlens.analyse.askframes import frame_category
from forumlens.analyse.asksentence import CueSentence, classify_type
from forumlens.analyse.chairview import chair_requests, chair_view
from forumlens.analyse.context import Sentence
from forumlens.analyse.pledges import relay_promise
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "text",
    [
        "Before lunch, please send your stories about the village radio to the mailing list.",
        "Please, all of you, register on the hub's volunteer page by Sunday.",
        "And please, before you go home, fill in the form about the bus timetable.",
        "We ask the water board to publish the outage map every morning.",
        "I ask every cooperative in this room to name one person for the pilot by March.",
    ],
)
def test_a_chairs_request_to_the_room_is_the_sessions_ask(text: str) -> None:
    assert chair_requests(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please introduce yourself before you speak.",
        "Please, the lady in the green scarf.",
        "Okay, please, time is up, thank you.",
        "I ask the panellists to keep it to three minutes.",
        "Please join me in thanking the interpreters.",
        "Please send your questions in the chat.",
        "Can you please share the slides?",
        "Please, go ahead, Amira.",
    ],
)
def test_floor_talk_is_no_request(text: str) -> None:
    assert not chair_requests(text)


def test_a_chairs_request_is_judged_as_a_presented_sentence() -> None:
    s = Sentence(turn=0, start=0, end=60, line=3, text="Please send your comments on the bus survey by Friday.", rel=0)
    assert chair_view(s, chair=True, presented=set(), opening=False) == (False, False)
    floor = Sentence(turn=0, start=0, end=30, line=3, text="Please introduce yourself first.", rel=0)
    assert chair_view(floor, chair=True, presented=set(), opening=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "So my proposal is that the three libraries share one catalogue.",
        "And to the ministry, my request is that the rural schools get the same bandwidth.",
        "Our recommendation to the ferry company is to print the timetable in both languages.",
        "My humble suggestion would be to meet online every two months.",
    ],
)
def test_a_request_announced_by_a_noun_of_asking_is_a_recommendation(text: str) -> None:
    assert classify_type(text) == "recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "My proposal was that we meet in June, but nobody came.",
        "My request is to the ministry, not to the operators.",
        "What we did with our proposal is to send it around.",
        "My question is that nobody answered.",
    ],
)
def test_a_story_or_an_addressee_alone_is_no_announced_request(text: str) -> None:
    assert classify_type(text) is None


def test_the_infinitive_asked_heads_the_keyword_window() -> None:
    facts = CueSentence("My request to the network is to train the volunteers of the two valleys.")
    assert facts.kind == "recommendation"
    assert facts.category("recommendation") == "capacity-building"


@pytest.mark.parametrize(
    "text",
    [
        "Noted, Tomasz, I will pass both to the Secretariat this afternoon.",
        "We will transmit your question to the chair of the working group with the transcript.",
        "I will take it myself to the meeting of the steering committee in March.",
        "So we will bring this one also to our national forum's organising group.",
    ],
)
def test_a_question_handed_on_to_a_body_is_a_commitment_linking_to_it(text: str) -> None:
    assert relay_promise(text) is not None
    assert classify_type(text) == "commitment"
    assert settled_category("commitment", "participation", text) == "links-to-institutions"


@pytest.mark.parametrize(
    "text",
    [
        "I will pass it to Maria now.",
        "We will give the floor to the next speaker.",
        "If the board agrees, we will pass it to the ministry.",
        "Will you pass it to the Secretariat?",
    ],
)
def test_a_hand_off_or_a_condition_hands_nothing_on(text: str) -> None:
    assert relay_promise(text) is None


def test_handed_to_peers_it_is_cooperation_not_a_link() -> None:
    text = "We will give it to the coalition under an open licence next month."
    assert settled_category("commitment", "cooperation", text) == "cooperation"


_SESSION = """>> MODERATOR:  Welcome to the session of the coalition on river data. We have two speakers and then the floor. Ines, please.
>> INES KOVACEVIC-ODUYA:  Thank you. Our gauges on the upper river report every hour, but the readings stay in a drawer at the district office, and nobody downstream sees them in time.
>> MODERATOR:  Thank you, Ines. Before we go on, please, all of you, send your own gauge readings to the coalition list by the end of the month.
>> PARTICIPANT:  One question for the basin authority, is it possible to open the readings to the public?
>> MODERATOR:  Nobody from the authority is in the room, so I will pass it to the basin authority's board myself next week.
>> PARTICIPANT:  Good.  And our proposal is that the districts publish the readings on one public page.
>> MODERATOR:  Thank you all. We will now hear from Tomas.
>> TOMAS ABEBE-LINDQVIST:  Thank you, I will be brief, we only started last year.
"""


def test_the_three_readings_in_a_session() -> None:
    asks = find_intel(parse_transcript(_SESSION), mentions=[]).to_json()["asks"]
    quotes = " | ".join(a["quote"] for a in asks)
    assert "send your own gauge readings to the coalition list" in quotes  # a chair's request to the room
    assert "I will pass it to the basin authority's board myself next week" in quotes  # handed on to a body
    assert "our proposal is that the districts publish the readings" in quotes  # announced, then said
    assert "We will now hear from Tomas" not in quotes


@pytest.mark.parametrize(
    "text",
    [
        "My suggestion is that the forum organises a specific session for the mayors next year.",
        "Maybe the youth track should meet also between the annual meetings, online.",
    ],
)
def test_a_session_or_track_asked_for_is_agenda(text: str) -> None:
    assert frame_category(text) == "agenda"
