"""Questions that are not questions, and answers given as promises (issue 22, stop 41): a
sentence that only gives someone the floor to begin ("Tracy, would you start?") is a hand-off;
a yes/no question about a deed to come ("Will the network publish …?") is answered by a
first-person promise of that deed, even when the chair then stops for time, while a promise to
come back to it later leaves it open (the annotation guides' convention: "I will come back to you
in writing" is unanswered); a moderator's numbered list of questions read for someone ("The first
for Kofi, …?  And the second, for Lina, …?") is answered item by item, the second item does not
close the first; a reply that must first verify does not know yet, and a question told to wait is
parked. Sentences and sessions are written for this test."""

from __future__ import annotations

import pytest

from forumlens.analyse.cues import PARKING
from forumlens.analyse.questioncues import FLOOR_GIVING, NOT_KNOWN_FAST
from forumlens.analyse.questionsentences import is_housekeeping

from .questions_support import statuses


@pytest.mark.parametrize(
    "said",
    [
        "Tracy, would you start?",
        "Would you like to begin?",
        "Okay, Ilse, can you kick us off, please?",
        "Do you want to go first?",
        "Marta, would you care to open?",
    ],
)
def test_giving_the_floor_to_begin_is_housekeeping(said: str) -> None:
    assert is_housekeeping(said)


@pytest.mark.parametrize(
    "said",
    [
        # the verb of beginning has a matter of its own: the sentence asks something
        "Could you start with the budget?",
        "Would you start a national IGF in your country?",
        "Will you open the data to researchers?",
        "Do you want to begin the consultation before the election?",
    ],
)
def test_a_question_about_beginning_something_is_no_hand_off(said: str) -> None:
    assert not FLOOR_GIVING.search(said)


_OPENING = """IGF 2031 - Day 1 - Room 4 - Dynamic Coalition on Rivers and Data

>> BRONWEN ADEYEMI: Welcome, everybody, to the annual session of the coalition. I am Bronwen Adeyemi and I coordinate it. This year we present our survey of river gauges in twelve countries. Tomasz, would you start?

>> TOMASZ KOWALCZE: Thank you, Bronwen. Our survey counted the gauges that still send data every hour, and in nine of the twelve countries fewer than half of them do.

>> BRONWEN ADEYEMI: Thank you. Who pays for the repair of the gauges in your countries, the ministries or the donors?

>> TOMASZ KOWALCZE: Mostly the donors, and only for the first three years.
"""


@pytest.mark.parametrize("with_cast", [True, False])
def test_a_hand_off_to_begin_is_not_a_question_and_the_real_one_stays(with_cast: bool) -> None:
    got = statuses(_OPENING, with_cast)
    assert 3 not in got  # "Tomasz, would you start?"
    assert got[7][0] == "answered"


_PROMISE = """IGF 2031 - Day 2 - Room 2 - WS 88 Water data for small towns

>> HALLDORA SIGURDAR: Welcome to the workshop. I am Halldora Sigurdar and I moderate. Amadou, please go ahead.

>> AMADOU KEITA: Thank you. In our towns the water meters are read by hand, so the data is always two months old.

>> HALLDORA SIGURDAR: Thank you. We take questions now. Yes, at the back.

>> AUDIENCE: Thank you. I am Rasmus Holt, from a city utility. Will the workshop publish the survey of the meters it studied?

>> HALLDORA SIGURDAR: We will publish the survey of the meters on the workshop page this week, I promise. We are running out of time. Amadou, one sentence to close, please.

>> AMADOU KEITA: Read the meters every day, not every two months.
"""

_DEFERRED = _PROMISE.replace(
    "We will publish the survey of the meters on the workshop page this week, I promise.",
    "We will come back to you on the survey of the meters, I promise.",
)
_ELSEWHERE = _PROMISE.replace(
    "We will publish the survey of the meters on the workshop page this week, I promise.",
    "I will take your request back to my team, I promise.",
)


@pytest.mark.parametrize("with_cast", [True, False])
def test_a_promise_of_the_deed_asked_answers_it(with_cast: bool) -> None:
    assert statuses(_PROMISE, with_cast)[9] == ("answered", [11])


@pytest.mark.parametrize("with_cast", [True, False])
def test_a_promise_to_come_back_or_to_carry_the_request_leaves_it_open(with_cast: bool) -> None:
    assert statuses(_DEFERRED, with_cast)[9][0] == "unanswered"
    assert statuses(_ELSEWHERE, with_cast)[9][0] == "unanswered"


_READ_OUT = """IGF 2031 - Day 3 - Room 1 - NRI session: the regional forums

>> GRETA LINDQVIST: Welcome. I am Greta Lindqvist and I chair this session. Kofi Mensah and Lina Haddad are with us, and Efe Okonjo is our online moderator. Efe, is there something online?

>> ONLINE MODERATOR: Yes. From Ama Owusu, in Accra. She has two questions. The first for Kofi, how did you pay for the interpreters at your forum?
And the second, for Lina, will the next forum be held outside the capital?

>> KOFI MENSAH: The interpreters were paid by the university, and the ministry gave us the hall for free.

>> LINA HADDAD: For the next forum, yes, we will hold it in the north, in the city of the old port.
"""


@pytest.mark.parametrize("with_cast", [True, False])
def test_the_second_item_of_a_numbered_list_does_not_close_the_first(with_cast: bool) -> None:
    got = statuses(_READ_OUT, with_cast)
    assert got[5][0] == "answered" and got[5][1][0] == 8
    assert got[6][0] == "answered"


@pytest.mark.parametrize(
    "said",
    [
        "Ines, that one I must verify with the census office, I don't want to guess in public.",
        "We must first check it with the regulator.",
    ],
)
def test_a_necessity_to_verify_first_is_not_known_yet(said: str) -> None:
    assert NOT_KNOWN_FAST.search(said)


def test_must_without_a_verb_of_finding_out_is_no_deferral() -> None:
    assert not NOT_KNOWN_FAST.search("I must say the meters are read every day now.")
    assert not NOT_KNOWN_FAST.search("We must admit the meters were never checked before 2020.")


@pytest.mark.parametrize("said", ["So this one has to wait, unfortunately.", "I'm afraid your question must wait."])
def test_a_question_told_to_wait_is_parked(said: str) -> None:
    assert PARKING.search(said)


def test_a_person_told_to_wait_parks_nothing() -> None:
    assert not PARKING.search("You have to wait for the report, it comes in June.")
