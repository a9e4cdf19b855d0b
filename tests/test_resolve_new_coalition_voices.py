"""Issue 22: who speaks for a coalition the registry does not know, a card that names a
coalition by an older name or with a mode word in it, a place said beside a card's body, and
a lower-case ministry said after a place."""

from __future__ import annotations

import hashlib

import pytest

from forumlens.resolve import orgs, voice
from forumlens.resolve.cards import card_facts
from forumlens.resolve.cast import Cast, resolve_session
from forumlens.resolve.registry import load_registry
from forumlens.transcript.parse import parse_transcript

SEEDS = """IGF 2027 - Day 1 - DC Session - Dynamic Coalition on Open Seed Data - annual meeting
>> MARISOL QUISPE: Good morning and welcome to the meeting of the Dynamic Coalition on Open Seed Data. My name is Marisol Quispe, I am one of the coordinators of the coalition. Our first speaker is Dawit Bekele.
>> DAWIT BEKELE: Thank you, Marisol. Dawit Bekele, I run a seed bank in Hawassa, and we are members of the coalition since two years. Farmers share their seed lists on paper.
>> MARISOL QUISPE: Thank you. The floor is open.
>> AUDIENCE: Anja Vogel, I work for a seed company association, I am not a member of the coalition, I am here to listen. The lists are useful.
>> AUDIENCE: Tomas Lind, from Uppsala. I would recommend that the coalition also looks at the gene banks, we have one in our town.
"""

CARDS = """IGF 2011 - Open Forum - The Coalitions Ask
>> AMARA OKAFOR, MODERATOR
Welcome. Each coalition first, then the answers.
>> JAMAL HADDAD, DC ON CHILD ONLINE SAFETY
Thank you. Jamal Haddad, from Beirut. Our coalition will translate its guide for parents into Arabic.
>> AMARA OKAFOR, MODERATOR
Thank you both. Any questions? Yes, please.
>> PARTICIPANT
Thank you. My name is Samir Ben Salah, I am from Tunisia, from the ministry of commerce, the department of electronic commerce. My question is on payments.
"""

PLACE = """IGF 2010 - Workshop - Names and Gender
>> Audra Petraitis: Welcome to the workshop. Our first speaker is Rosa, then the floor.
>> Rosa Dimalanta (DC Gender and Internet Governance): Thank you. Rosa Dimalanta, from Quezon City. Women were a third of the speakers this year.
>> Audra Petraitis: Thank you, Rosa.
"""


def _cast(text: str) -> Cast:
    session = parse_transcript(text, source="t.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    return resolve_session(session)


def _people(cast: Cast) -> dict[str | None, tuple[str, str | None]]:
    return {p.name: (p.role, p.affiliation) for p in cast.people}


def test_the_speakers_of_an_unregistered_coalition_have_it_as_their_affiliation() -> None:
    cast = _cast(SEEDS)
    people = _people(cast)
    seeds = "Dynamic Coalition on Open Seed Data"
    # "one of the coordinators of the coalition" right after the chair named it
    assert people["Marisol Quispe"] == ("moderator", seeds)
    # "we are members of the coalition": its voice
    assert people["Dawit Bekele"] == ("dc-representative", seeds)
    # "I am not a member of the coalition": not its voice
    assert people["Anja Vogel"][1] != seeds
    # "I would recommend that the coalition …": advice to it, not its voice
    assert people["Tomas Lind"][1] != seeds
    shown = {c.name: c for c in cast.coalitions}
    assert shown[seeds].status == "presented" and shown[seeds].id == ""


REPAIR = """IGF 2027 - DC Session - Dynamic Coalition on Village Solar Repair
>> Ines Achterberg: Welcome to the annual meeting of the Dynamic Coalition on Village Solar Repair. I'm Ines, I'm one of the two co-coordinators, the other is Kofi. Kofi, please.
>> Kofi Mensah: Thank you, Ines. Our survey covered forty villages.
>> Ines Achterberg: Thank you. I'm also the coordinator of the youth programme at Delft, but that is another story.
"""


def test_a_coordinator_of_nothing_named_coordinates_the_coalition_just_named() -> None:
    people = _people(_cast(REPAIR))
    assert people["Ines Achterberg"] == ("moderator", "Dynamic Coalition on Village Solar Repair")


def test_denials_and_advice_are_not_ownership() -> None:
    assert not voice.owns("I am not a member of the coalition, I am here to listen.")
    assert not voice.owns("So I would recommend that the coalition also looks at this, we have it here.")
    assert voice.owns("We are members of the coalition since two years.")
    assert voice.owns("In our coalition we count the speakers.")


@pytest.mark.parametrize(
    ("label", "entity"),
    [
        # a coalition's former name, whose topic holds a mode word ("online")
        ("JAMAL HADDAD, DC ON CHILD ONLINE SAFETY", "dc-children"),
        ("Jamal Haddad, Dynamic Coalition on Child Online Safety", "dc-children"),
    ],
)
def test_a_card_naming_a_coalition_with_a_mode_word_gives_the_coalition(label: str, entity: str) -> None:
    facts = card_facts(label, load_registry())
    assert facts.mode is None
    assert facts.orgs and facts.orgs[0].mention is not None and facts.orgs[0].mention.entity_id == entity


def test_a_mode_piece_is_still_a_mode() -> None:
    facts = card_facts("Jo Li, Foo University, online", load_registry())
    assert facts.mode == "online"
    assert [o.name for o in facts.orgs] == ["Foo University"]


def test_a_former_name_card_a_ministry_after_a_place_and_a_card_over_a_place() -> None:
    people = _people(_cast(CARDS))
    assert people["Jamal Haddad"] == ("dc-representative", "DC on Children's Rights in the Digital Environment")
    assert people["Samir Ben Salah"][1] == "ministry of commerce"
    # "from Quezon City" says where she lives; the card says whom she speaks for
    assert _people(_cast(PLACE))["Rosa Dimalanta"] == ("dc-representative", "DC on Gender and Internet Governance")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("I am from Tunisia, from the ministry of commerce, the department of trade.", ["ministry of commerce"]),
        ("I am from the ministry of trade and industry.", ["ministry of trade and industry"]),
        ("I am from Accra, from the University of Ghana.", ["University of Ghana"]),
        ("I am from Kenya, from Nairobi.", []),  # two places: no body
        ("I am from the ministry and we agree.", []),  # which ministry is not said
    ],
)
def test_a_body_after_a_place(sentence: str, names: list[str]) -> None:
    gazetteer = orgs.load_gazetteer()
    assert [o.name for o in orgs.self_orgs(sentence, 0, len(sentence), [], gazetteer)] == names
