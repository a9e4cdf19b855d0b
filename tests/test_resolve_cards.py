"""Name-card labels are first-hand evidence of role, mode and affiliation (resolve.cards).

The transcripts below are written for these tests (a workshop with cards of every kind),
not copies of the shared corpus.
"""

from __future__ import annotations

import pytest

from forumlens.resolve.cards import card_facts, card_mode, card_role, role_words
from forumlens.resolve.cast import Cast, Person, resolve_session
from forumlens.resolve.registry import load_registry
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "piece, role",
    [
        ("co-moderator", "moderator"),
        ("Online Moderator", "moderator"),
        ("SESSION CHAIR", "moderator"),
        ("Rapporteur", "guest"),
        ("lead discussant", "guest"),
        ("Keynote Speaker", "guest"),
        ("Audience member", "participant"),
        ("audience speaker", "participant"),
        ("DEPUTY MINISTER", None),  # an office, not a part in the session
        ("CEO", None),
        (None, None),
    ],
)
def test_card_role(piece, role):
    assert card_role(piece) == role


@pytest.mark.parametrize(
    "piece, mode",
    [
        ("online", "online"),
        ("remote", "online"),
        ("via video", "online"),
        ("on site", "onsite"),
        ("in person", "onsite"),
    ],
)
def test_card_mode(piece, mode):
    assert card_mode(piece) == mode


@pytest.mark.parametrize(
    "label, role, mode, org",
    [
        ("Paolo Conti, co-moderator", "moderator", None, None),
        ("AMINA MENSAH, MINISTRY OF ICT, GHANA", None, None, "Ministry of ICT, Ghana"),
        ("Dr. Jo Li (online)", None, "online", None),
        ("Kofi Boateng, Online Moderator", "moderator", None, None),  # a duty, not where he sits
        ("Ana Lima, Minister of Digital Economy", None, None, "Ministry of Digital Economy"),
        ("Ana Lima, MINISTER OF ICT, GHANA", None, None, "Ministry of ICT, Ghana"),
        ("Tomas Berg, Director of Research at Nordlys University (remote)", None, "online", "Nordlys University"),
        ("Lee Kim, ISOC, on site", None, "onsite", "Internet Society"),  # registry name
        ("Marta Ruiz, Chair of the Board, Foo Foundation", None, None, "Foo Foundation"),
        ("Ana Ruiz (Speaking in Spanish)", None, None, None),
        ("PAOLO CONTI", None, None, None),
    ],
)
def test_card_facts(label, role, mode, org):
    facts = card_facts(label, load_registry())
    assert (facts.role, facts.mode) == (role, mode)
    assert (facts.orgs[0].name if facts.orgs else None) == org


def test_role_words_leave_out_offices_and_bodies():
    assert role_words("Marta Ruiz, Chair of the Board, Foo Foundation") == "Marta Ruiz"
    assert role_words("Paolo Conti, co-moderator, Foo Foundation") == "Paolo Conti co-moderator"
    assert role_words("CHAIRMAN DESAI") == "CHAIRMAN DESAI"


_WORKSHOP = """IGF 2023 Day 2 WS #77 Rural Connectivity Funds that Work

>> Paolo Conti, co-moderator:  Good morning everyone and welcome. With me is Ravi Menon, our moderator for the online queue, and we have three speakers. Let me give the floor to Amina Mensah first.

>> AMINA MENSAH, MINISTRY OF ICT, GHANA:  Thank you, Paolo. In Ghana the universal service fund now pays for community towers in the north.

>> Paolo Conti, co-moderator:  Thank you, Amina. Now Dr. Jo Li, who is here in the room with me.

>> Dr. Jo Li (online):  Thank you. Funds must be audited every year and the results published.

>> Paolo Conti, co-moderator:  Thank you. Our next speaker is Sara Ito from the Foo Foundation.

>> Sara Ito, Speaker, Kenya ICT Action Network:  Thanks, Paolo. Small operators need licences that cost less than a tower.

>> Paolo Conti, co-moderator:  Next, Tomas.

>> Tomas Berg, Speaker, Nordlys University (online):  Good morning. Actually I'm here in the room, I made it after all. I work for the Open Data Institute now, so my card is old. Data on coverage should be open.

>> Paolo Conti, co-moderator:  Ravi, anything online?

>> Ravi Menon, rapporteur:  Yes, one question in the chat about spectrum fees. I will also write the report of this session.

>> Paolo Conti, co-moderator:  Thank you. Ravi, you take us to the end.

>> Ravi Menon, rapporteur:  Thank you all. Three points: funds, audits and cheaper licences.
"""


@pytest.fixture(scope="module")
def cast() -> Cast:
    return resolve_session(parse_transcript(_WORKSHOP, source="ws-77.txt"))


def _person(cast: Cast, name: str) -> Person:
    return next(p for p in cast.people if p.name == name)


def test_role_piece_gives_the_role_with_the_card_as_evidence(cast):
    paolo = _person(cast, "Paolo Conti")
    assert paolo.role == "moderator"
    assert any(e.kind == "name-card" and e.quote == "Paolo Conti, co-moderator" for e in paolo.evidence)


def test_card_role_outranks_what_others_call_the_person(cast):
    # the chair calls Ravi "our moderator for the online queue"; his card says rapporteur
    ravi = _person(cast, "Ravi Menon")
    assert ravi.role == "guest"
    assert any(e.kind == "name-card" for e in ravi.evidence)


def test_card_organisation_is_the_affiliation(cast):
    amina = _person(cast, "Amina Mensah")
    assert amina.affiliation == "Ministry of ICT, Ghana"
    assert amina.evidence[0].kind == "name-card" and amina.evidence[0].line == 5


def test_card_organisation_outranks_a_hand_off(cast):
    # the chair says "Sara Ito from the Foo Foundation"; her card says Kenya ICT Action Network
    assert _person(cast, "Sara Ito").affiliation == "Kenya ICT Action Network"


def test_card_mode_outranks_what_others_say(cast):
    # the chair says Jo Li "is here in the room with me"; the card says online
    jo = _person(cast, "Jo Li")
    assert jo.mode == "online"
    assert jo.evidence and any(e.kind == "name-card" and e.quote == "Dr. Jo Li (online)" for e in jo.evidence)


def test_own_words_overrule_the_card(cast):
    # card: Nordlys University, online; own words: the Open Data Institute, in the room
    tomas = _person(cast, "Tomas Berg")
    assert tomas.affiliation == "Open Data Institute"
    assert tomas.mode == "onsite"
    assert tomas.role == "guest"


_CLAIMED = """IGF 2022 Open Forum #5 Libraries

>> Maria Costa, panelist:  Good afternoon. I will be moderating this session since our chair could not come. Jonas, please.

>> Jonas Lind, AUDIENCE MEMBER:  Thank you. I am from a public library in Malmo.

>> Maria Costa, panelist:  Thank you, Jonas.
"""


def test_own_words_overrule_the_card_role():
    cast = resolve_session(parse_transcript(_CLAIMED, source="of-5.txt"))
    assert _person(cast, "Maria Costa").role == "moderator"
    assert _person(cast, "Jonas Lind").role == "participant"


def test_an_office_on_the_card_is_not_a_session_chair():
    text = (
        "IGF 2021 WS #3 Banks and Data\n\n"
        ">> Lena Vogt, moderator:  Welcome. Marta, please.\n\n"
        ">> Marta Ruiz, Chair of the Board, Foo Foundation:  Thank you. Banks hold more data than states.\n\n"
        ">> Lena Vogt, moderator:  Thank you, Marta.\n"
    )
    cast = resolve_session(parse_transcript(text, source="ws-3.txt"))
    marta = _person(cast, "Marta Ruiz")
    assert marta.role != "moderator"
    assert marta.affiliation == "Foo Foundation"
    assert _person(cast, "Lena Vogt").role == "moderator"
