"""Rewrite faults seen in topic briefs (issue 23, item 1): a bullet never drops its subject,
never credits a "we" to a body the speaker may not be speaking for, and is never a fragment.

Each case is a caption-style sentence written for this test, with the shape of the fault:
a clause cut from a relayed comment ("..., and asks that ..."), a list item after a
comma ("Impact, this means outputs, interlink, improving ..."), a phrase whose only verb is
in a trailing "as Jason has described", and a speaker who in the same turn says they
belong to another coalition.
"""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest

from forumlens.summarise.attribution import Credits
from forumlens.summarise.rewrite import Voice, other_body, problem, render_sentence, restart, third_person
from forumlens.summarise.units import session_units
from forumlens.summarise.wording import Wording
from forumlens.transcript.parse import parse_transcript

NEWS = Voice("Imani Okafor", "DC on Local News", "DC on Local News", "dc-representative")


@pytest.mark.parametrize(
    "said",
    [
        # the subject of "asks" stayed in the clause before it
        "He says that the islands have no exchange point and very costly transit, and asks that the "
        "regional funds discussed in Geneva are not only for the large economies.",
        # a clause window of such a sentence: the repair drops "and", not a subject
        "and urges the donors to fund the small networks first, before any new project.",
        # a list item cut loose: its only verbs are an infinitive and an object's verb
        "Reach, this means audiences, translate, adapting the content and also to have staff to make it run.",
        # a noun phrase whose only verb is in a trailing "as"-clause
        "The Global Charter on Open Data and the new Compact as Maria has clearly described.",
    ],
)
def test_a_clause_without_its_subject_or_main_verb_is_not_a_point(said: str) -> None:
    rendered = render_sentence(said, NEWS)
    assert rendered is None, rendered


@pytest.mark.parametrize(
    "fragment",
    [
        "Asks that the regional funds discussed in Geneva are not only for the large economies.",
        "Translate, adapting the content and also to have staff to make it run.",
        "The Global Charter on Open Data and the new Compact as Maria has clearly described.",
        "About building local newsrooms that's going to need funds and staff that is trained for years.",
    ],
)
def test_fragments_are_fragments(fragment: str) -> None:
    assert problem(fragment) == "fragment"


@pytest.mark.parametrize(
    "sentence",
    [
        "Calls that come to the helpline are mostly about sextortion now.",
        "Governments need to have plans for the next emergency in place.",
        "Libraries act as community hubs because they are trusted by people.",
        "Oblige the connection if you must, but give the management to the community.",
        "The offences are written in vague words, and then a person sits in prison for months.",
    ],
)
def test_sentences_with_their_own_main_verb_stay_points(sentence: str) -> None:
    assert problem(sentence) is None


def test_a_pointer_to_another_speaker_is_dropped_from_the_bullet_not_the_quote() -> None:
    said = "The charter links these newsrooms to the regional fund, as Maria has clearly described."
    assert restart(said) == "The charter links these newsrooms to the regional fund."
    assert restart("As Kofi Mensah said earlier, the funds should go to local newsrooms first.").startswith("the funds")
    assert (
        restart("The funds, as I said, should go to local newsrooms.")
        == "The funds, as I said, should go to local newsrooms."
    )
    rendered = render_sentence(said, NEWS)
    assert rendered is not None and "Maria" not in rendered.text


def test_we_is_not_the_body_when_the_sentence_names_another_coalition() -> None:
    said = (
        "We have seen the growth, for example, the Dynamic Coalition on Gender, how that has grown from digital rights."
    )
    assert third_person(said, NEWS.body) is None
    rendered = render_sentence(said, NEWS)
    assert rendered is not None
    assert rendered.text.startswith("Imani Okafor (DC on Local News): We have seen")
    # the body's own coalition named in full is no other body
    own = "We have published a guide for our Dynamic Coalition on Local News members this year."
    assert third_person(own, NEWS.body) is not None
    assert not other_body("Our Dynamic Coalition on Local News has members.", "DC on Local News")


TURN = """>> IMANI OKAFOR: Thank you. I'm also involved in the Platform Governance coalition, and we meet tomorrow. We have released a toolkit on moderation for small newsrooms in five languages.
>> DAVID LEE: Thank you. We have released a toolkit on local reporting for small newsrooms in five languages.
"""


def test_we_keeps_its_speaker_when_the_turn_names_another_body_they_belong_to() -> None:
    session = parse_transcript(TURN, source="t.txt", sha256=hashlib.sha256(TURN.encode()).hexdigest())
    people = [
        {"name": "Imani Okafor", "role": "dc-representative", "affiliation": "DC on Local News"},
        {"name": "David Lee", "role": "dc-representative", "affiliation": "DC on Local News"},
    ]
    cast = {p["name"]: SimpleNamespace(**p) for p in people}
    units = session_units(session)
    wording = Wording(units, Credits(session, people), person=cast.get)
    toolkit = [u for u in units if "toolkit" in u.text]
    assert len(toolkit) == 2
    member, plain = (wording.render(u) for u in toolkit)
    assert member is not None and plain is not None
    # the member of two coalitions: whose toolkit is unsure, so the sentence keeps its "we", attributed
    assert member.text.startswith("Imani Okafor (DC on Local News): We have released"), member.text
    assert plain.text.startswith("The Dynamic Coalition on Local News has released"), plain.text


@pytest.mark.parametrize(
    "text",
    [
        "If somebody finds the money for the trainers.",  # the condition of an offer, the offer cut off
        "Unless the ministry publishes the data.",
    ],
)
def test_a_condition_with_nothing_it_conditions_is_a_fragment(text: str) -> None:
    assert problem(text) == "fragment"


def test_a_condition_with_its_main_clause_is_a_point() -> None:
    assert problem("If somebody finds the money for the trainers, we will train one thousand farmers.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Arief asks Thura: Is the hackathon guide also available in English.",
        "One more, without a question, from at pitch_deck: The governments should have one start-up visa.",
    ],
)
def test_a_question_or_comment_read_out_with_a_colon_is_a_relay(text: str) -> None:
    assert problem(text) == "relay"


def test_more_from_ones_own_study_is_not_a_relay() -> None:
    assert problem("One more thing from our study: farmers need the weather data.") != "relay"


def test_an_affiliation_that_opens_as_a_question_is_not_shown() -> None:
    from forumlens.summarise.wording import institution, voice_for

    assert institution("Is the Myanmar") is None  # cut from "asks Thura: Is the Myanmar hackathon guide …"
    assert institution("What about") is None
    assert institution("WHO") == "WHO" and institution("Ministry of ICT") == "Ministry of ICT"
    assert voice_for("Thura Kyaw", "guest", "Is the Myanmar").org is None


def test_a_clause_read_as_an_affiliation_is_not_put_after_the_speakers_name() -> None:
    text = ">> ANA LIMA: The government should publish the bus routes in open format every month.\n"
    session = parse_transcript(text, source="t.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    people = [{"name": "Ana Lima", "role": "guest", "affiliation": "Is the Myanmar"}]
    cast = {p["name"]: SimpleNamespace(**p) for p in people}
    units = session_units(session)
    voice = Wording(units, Credits(session, people), person=cast.get).voice(units[0])
    assert voice.org is None and voice.body is None
