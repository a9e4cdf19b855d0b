"""Who's-who rules of stop 20 (issue 22): affiliation, mode and role shapes, each general.

Inputs are written for this file (invented people and bodies) in the shapes the fourth
blind set showed: an introduction of a name with accents, a stakeholder word inside a
ministry's name, a body's regional office, "I speak here for", name cards read one per
sentence after "Here on the table we have:", a chair's "Now I would like to open the floor",
a programme slot said the sentence before the hand-off, and a co-facilitator named "together
with" in the chair's own claim. Each rule is also checked where it must not apply.
"""

from __future__ import annotations

import pytest

from forumlens.resolve import find_mentions, resolve_session
from forumlens.resolve.orgs import load_gazetteer, self_orgs
from forumlens.transcript.parse import parse_transcript

GAZETTEER = load_gazetteer()
HEADER = "IGF 2023 - Day 2 - Room 4 - WS #77 Community Networks\n\n***\n\n"


def _cast(body: str) -> dict[str | None, tuple[str, str | None, str | None]]:
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    return {p.name: (p.role, p.affiliation, p.mode) for p in cast.people}


def _own(sentence: str) -> list[str]:
    found = self_orgs(sentence, 0, len(sentence), find_mentions(sentence), GAZETTEER)
    return [o.name for o in sorted(found, key=lambda o: o.rank)]


def test_an_introduced_name_with_accents_gets_its_body():
    people = _cast(
        ">> CAMILLE GIRARD:  Welcome, my name is Camille Girard and I will moderate.  Next to me, "
        "Ana Petrović, head of the spectrum department at the Regulatory Authority for Digital "
        "Networks of Montenegro.  Ana, please.\n\n"
        ">> ANA PETROVIĆ:  Thank you, Camille.\n"
    )
    assert people["Ana Petrović"][1] == "Regulatory Authority for Digital Networks"  # of Montenegro


def test_a_stakeholder_word_inside_a_ministrys_name_is_part_of_the_name():
    people = _cast(
        ">> NOOR HADDAD:  Welcome, my name is Noor Haddad and I will moderate.  Online we have Mr. "
        "Youssef Amri, director of digital skills at the Ministry of Youth and Digital Skills of "
        "Tunisia.  Youssef, please.\n\n"
        ">> YOUSSEF AMRI:  Thank you, Noor.\n"
    )
    assert people["Youssef Amri"][1] == "Ministry of Youth and Digital Skills"  # of Tunisia


@pytest.mark.parametrize(
    "sentence, first",
    [
        # the body's unit: what it covers is not another body
        ("I am a programme officer in the UNICEF office for the Middle East and North Africa.", "UNICEF"),
        ("I am an analyst in the UNDP regional bureau for Arab States, based in Amman.", "UNDP"),
        # "here" between "speak" and "for"; the registry's canonical name
        ("I am a MAG member from Morocco, but I speak here for the Moroccan Youth IGF.", "Youth IGF Morocco"),
    ],
)
def test_a_self_introduction_names_its_body(sentence: str, first: str):
    found = _own(sentence)
    assert found and found[0] == first
    assert "Middle East and North Africa" not in found and "Arab States" not in found


def test_a_unit_word_before_a_link_does_not_hide_a_second_body_said_otherwise():
    # "office" ends the first body's unit; "at" after a new role is a new link
    found = _own("I am the head of office at the Kenya ICT Action Network.")
    assert found[:1] == ["Kenya ICT Action Network"]


def test_name_cards_read_one_per_sentence_share_the_words_that_open_the_list():
    people = _cast(
        ">> SANJAY RAI:  Good morning, my name is Sanjay Rai and I will moderate.  Let me read the "
        "name cards.  Here on the table we have: Hiro Sato, Japan Community Network Association.  "
        "Mei Tan, Rural Telecom Cooperative Federation.  And online we have Fola Bello, Centre for "
        "Digital Inclusion.  Hiro, please.\n\n"
        ">> HIRO SATO:  Thank you.\n\n"
        ">> SANJAY RAI:  Mei, please.\n\n"
        ">> MEI TAN:  Thank you.\n\n"
        ">> SANJAY RAI:  Fola, please.\n\n"
        ">> FOLA BELLO:  Thank you.\n"
    )
    assert people["Hiro Sato"][2] == "onsite" and people["Mei Tan"][2] == "onsite"
    assert people["Fola Bello"][2] == "online"
    assert people["Mei Tan"][1] == "Rural Telecom Cooperative Federation"


def test_a_card_sentence_after_prose_takes_no_mode_from_it():
    people = _cast(
        ">> SANJAY RAI:  Good morning, my name is Sanjay Rai and I will moderate.  The room is full "
        "today and many are online.  Mei Tan, Rural Telecom Cooperative Federation.  Mei, please.\n\n"
        ">> MEI TAN:  Thank you.\n"
    )
    assert people["Mei Tan"][2] is None


FLOOR = (
    ">> HELENA VOSS:  Good afternoon, I'm Helena Voss and I will moderate.  Our first panelist is "
    "Jun Sato.  Jun, please.\n\n"
    ">> JUN SATO:  Thank you.  We run a fellowship for young people.\n\n"
    ">> HELENA VOSS:  Thank you.  {opening}  Samir, please.\n\n"
    ">> SAMIR KHALIL:  Thank you.  My name is Samir Khalil, I am with the Beirut Workers Union.\n\n"
    ">> HELENA VOSS:  Thank you.  Because our last panelist works on exactly that.  Lina, over to you.\n\n"
    ">> LINA HADDAD:  Thank you, Helena.\n"
)


@pytest.mark.parametrize(
    "opening, floor",
    [
        ("Now I would like to open the floor.", True),
        ("I want to open the floor early because I see many hands.", True),
        ("If you want, we will open the floor after the panel.", False),
    ],
)
def test_the_chairs_own_wish_to_open_the_floor_opens_it(opening: str, floor: bool):
    people = _cast(FLOOR.format(opening=opening))
    assert (people["Samir Khalil"][0] == "participant") is floor
    # a programme slot said the sentence before the hand-off: a panelist, not the floor
    assert people["Lina Haddad"][0] == "guest"


def test_a_co_facilitator_named_together_with_the_chairs_claim_is_a_moderator():
    body = (
        ">> NADIA RAHIMI:  Welcome.  My name is Nadia Rahimi, I will moderate as one of the co-facilitators "
        "of the Best Practice Forum on Gender, together with Tomasz who is online.  Mark, please.\n\n"
        ">> MARK DELANEY:  Thank you, Nadia.\n\n"
        ">> NADIA RAHIMI:  Thank you.  Chioma, please.\n\n"
        ">> CHIOMA EZE:  Thank you.\n\n"
        ">> NADIA RAHIMI:  Thank you.  Now I would like to open the floor.  One more from online.  Tomasz?\n\n"
        ">> TOMASZ WIERZBA:  Yes, we have a comment from Aisha in Kenya.\n"
    )
    people = _cast(body)
    assert people["Tomasz Wierzba"][0] == "moderator"
    assert people["Mark Delaney"][0] != "moderator"  # named, but not "together with" the claim


def test_together_with_outside_a_moderators_claim_makes_no_moderator():
    people = _cast(
        ">> NADIA RAHIMI:  Welcome, my name is Nadia Rahimi and I will moderate.  Mark, please.\n\n"
        ">> MARK DELANEY:  Thank you.  We wrote the report together with Chioma last year.\n\n"
        ">> CHIOMA EZE:  Thank you, Mark.\n"
    )
    assert people["Chioma Eze"][0] != "moderator"


def test_a_named_voice_after_the_chair_points_into_the_room_is_on_site():
    people = _cast(
        FLOOR.format(opening="Now I would like to open the floor.").replace(
            "Samir, please.", "The gentleman in the front."
        )
    )
    assert people["Samir Khalil"][0] == "participant" and people["Samir Khalil"][2] == "onsite"
    assert people["Samir Khalil"][1] == "Beirut Workers Union"
