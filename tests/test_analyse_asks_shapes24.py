"""Ask units and relays of ordinary sessions (round 24, issue 22): a run-on caption line ends its
unit where the line ends, punctuated or not; an addressee named after "I ask" before a time clause
opens the request that follows; a rapporteur or remote moderator retelling what a named person or
a group asks or recommends relays an ask; a hedged invitation, a wish put as a condition, a request
named before it is said and a polite aside. Examples written here."""

from __future__ import annotations

from forumlens.analyse import find_intel
from forumlens.analyse.asks import classify_type
from forumlens.analyse.asksentence import CueSentence
from forumlens.analyse.clauses import ask_units, opens_next
from forumlens.analyse.reported import direct_speech, reported_request, without_aside
from forumlens.transcript.parse import parse_transcript


def _units(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in ask_units(sentence)]


def _asks(text: str) -> list[tuple[int, str, str]]:
    return [
        (a["line"], a["type"], a["quote"]) for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]
    ]


RUN_ON = (
    "we asked the teachers in nine districts, um, about the school radio, and most of them said, the sets are "
    "broken, or the batteries are gone, and nobody in the district office knows who pays for new ones, so, yeah\n"
    "so the first recommendation is that the district offices should buy the batteries every term, okay"
)


def test_a_run_on_caption_line_ends_its_unit_without_punctuation() -> None:
    units = _units(RUN_ON)
    assert (
        units[-1]
        == "so the first recommendation is that the district offices should buy the batteries every term, okay"
    )
    assert all("\n" not in u for u in units)


def test_a_caption_wrapped_at_screen_width_is_not_cut_at_its_line_breaks() -> None:
    sentence = "so the district offices\nshould buy the batteries\nevery term for the schools"
    assert _units(sentence) == [sentence]


def test_the_recommendation_after_a_run_on_line_is_cited_on_its_own_line() -> None:
    text = ">> MODERATOR: Farah, please.\n>> FARAH OSEI: " + RUN_ON + "\n>> MODERATOR: Thank you, Farah.\n"
    found = _asks(text)
    assert (3, "recommendation", RUN_ON.split("\n")[1]) in found


def test_an_addressee_after_i_ask_opens_the_request_after_a_time_clause() -> None:
    sentence = (
        "And I ask the donors in this room, when you fund a community network, please fund the "
        "maintenance also, not only the towers and the routers, because they break in two years."
    )
    assert _units(sentence)[0].startswith(
        "And I ask the donors in this room, when you fund a community network, please fund"
    )
    assert opens_next("And I ask the donors in this room, when you fund a network")
    # the request already said before the condition: the condition does not open it
    assert not opens_next("And I ask the donors to fund the maintenance, when you fund a network")


def test_a_named_person_or_a_group_retold_in_the_third_person() -> None:
    assert direct_speech("And Amara also asks that the forum counts the sign languages next year") == (
        "we ask that the forum counts the sign languages next year"
    )
    assert direct_speech("The remote group recommends that the banks should warn the users") == (
        "we recommend that the banks should warn the users"
    )
    assert reported_request("Tomas asks the ministry to open the data")
    # a question put for someone, a name before the floor, and a body's title are not relays
    assert not reported_request("Amara asks whether the survey will be translated")
    assert not reported_request("There is one from Amara, she asks, how can we join the group")
    assert not reported_request("Amara asks for the floor")
    assert not reported_request("The Ministry asks that all forms are filed online")


def test_a_remote_moderator_relaying_a_groups_ask_records_it() -> None:
    text = (
        ">> MODERATOR: Welcome to the session on rural schools.  Online moderator, please.\n"
        ">> ONLINE MODERATOR: Thank you.  The online group discussed the radio lessons.\n"
        "And the online group asks that the next meeting of the network is held in the evening, "
        "so the teachers can join after school.\n"
        ">> MODERATOR: Thank you.\n"
    )
    found = _asks(text)
    assert [(line, kind) for line, kind, _ in found] == [(3, "ask")]


def test_requests_spoken_in_forms_the_shared_cues_miss() -> None:
    """A hedged invitation, a wish put as a condition and a request named before it is said are
    the speaker's own asks; an invitation to look, a story of a request and the copular "my
    request … is to …" (left to the classifier) are not decided by these forms."""
    assert (
        classify_type("We began with two schools, and I would invite the other districts of the coast to join us.")
        == "ask"
    )
    assert classify_type("And we'd really love it if the forum had a sign-language track next year.") == "ask"
    assert (
        classify_type("And my request to the Secretariat, next year, one room with a ramp for the wheelchairs.")
        == "ask"
    )
    assert classify_type("I would invite you to look at the map on the screen.") is None
    assert classify_type("My request to the ministry was refused twice last winter.") is None
    assert CueSentence("Our request to the Secretariat is to publish the toolkit in Spanish.").ask is None


def test_a_polite_aside_between_commas_is_set_aside_for_the_classifier() -> None:
    assert without_aside("And it would be great, if possible, for the hosts to print the agenda in Braille") == (
        "And it would be great for the hosts to print the agenda in Braille"
    )
