"""Coalitions the registry does not know yet (`resolve.newcoalitions`): a name with the shape
"Dynamic Coalition on/for/of X" is a coalition of the report, presented when its own
representative speaks, else mentioned; no sentence fragment becomes one, and a registered
coalition is never listed twice under a shortened or guessed name."""

from __future__ import annotations

import hashlib

import pytest

from forumlens.resolve.cast import resolve_session
from forumlens.resolve.mentions import find_mentions
from forumlens.resolve.newcoalitions import coalition_name, find_new_coalitions, named_topics, topic_key
from forumlens.resolve.registry import load_registry
from forumlens.summarise.template import NOT_STATED, igf_report
from forumlens.transcript.parse import parse_transcript

CLIMATE = """IGF 2026 - Day 2 - Workshop Room 4 - Dynamic Coalition on Internet and Climate Change: Measuring What Networks Emit
>> MODERATOR: Good afternoon, everyone, and welcome to this session of the Dynamic Coalition on Internet and Climate Change. My name is Ingrid Solberg, I coordinate the Dynamic Coalition on Internet and Climate Change together with colleagues in Nairobi and Lima. We were formed only this year. Our first speaker is Tomasz Wierzbicki from the Warsaw University of Technology. Tomasz, please.
>> TOMASZ WIERZBICKI: Thank you, Ingrid. Our lab measured the energy use of forty access networks over two winters. Idle equipment used almost half of the power.
>> MODERATOR: Thank you, Tomasz. Next is Achieng Otieno, who works with the Kenya ICT Action Network.
>> ACHIENG OTIENO: Thank you. In Kenya most rural base stations run on diesel. The Dynamic Coalition on Community Connectivity has shown that community networks can run on solar power, and the Dynamic Coalition on Offline Archives keeps the old measurements.
>> MODERATOR: Thank you. We have time for questions. The gentleman at the microphone.
>> AUDIENCE: Thank you. Ramon Estrada, from the Dynamic Coalition for Rural Data Centres, which we started last year. Would you join us in a joint paper? A dynamic coalition on this topic alone would be too small.
>> MODERATOR: Yes, gladly, Ramon. Thank you all for coming.
"""


def _session(text: str):  # type: ignore[no-untyped-def]
    return parse_transcript(text, source="t.txt", sha256=hashlib.sha256(text.encode()).hexdigest())


def _found(text: str) -> list[str]:
    registry = load_registry()
    return [c.name for c in find_new_coalitions(text, [(0, len(text), True)], find_mentions(text), registry)]


def test_a_coalition_outside_the_registry_is_listed_presented_or_mentioned() -> None:
    cast = resolve_session(_session(CLIMATE))
    shown = {c.name: c.to_json() for c in cast.coalitions}
    climate = shown["Dynamic Coalition on Internet and Climate Change"]
    assert climate["status"] == "presented"  # the chair who coordinates it speaks for it
    assert climate["id"] is None and climate["acronym"] is None  # no registry id, as the contract allows
    assert 1 in climate["lines"] and 2 in climate["lines"]  # the title and the welcome
    assert shown["Dynamic Coalition for Rural Data Centres"]["status"] == "presented"  # its member spoke
    assert shown["Dynamic Coalition on Offline Archives"]["status"] == "mentioned"  # named, never heard
    assert shown["DC on Community Connectivity"]["id"] == "dc3"  # the registry's, unchanged
    # the order of first appearance, registered and new together
    assert cast.coalitions[0].name == "Dynamic Coalition on Internet and Climate Change"
    # a sentence fragment is no coalition
    assert not any("topic" in name for name in shown)


def test_the_igf_template_names_the_new_coalition_as_organiser() -> None:
    session = _session(CLIMATE)
    analyses = resolve_session(session).to_json()
    section = igf_report(session, analyses).section("Organiser")
    assert section.value == "Dynamic Coalition on Internet and Climate Change (named in the session title)"
    # a new coalition only mentioned in a session whose title names none is not its organiser
    plain = CLIMATE.replace("Dynamic Coalition on Internet and Climate Change: ", "", 1)
    session = _session(plain)
    assert igf_report(session, resolve_session(session).to_json()).section("Organiser").value == NOT_STATED


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "I speak for the Dynamic Coalition on Digital Remittances, formed last year.",
            ["Dynamic Coalition on Digital Remittances"],
        ),
        # the name ends at the first word that is neither capitalised nor a connector
        (
            "Ngozi from the Dynamic Coalition on Offline Archives writes: do not forget us.",
            ["Dynamic Coalition on Offline Archives"],
        ),
        ("the Dynamic Coalition on Girls in Coding. In our survey", ["Dynamic Coalition on Girls in Coding"]),
        (
            "the Dynamic Coalition on Water and\nSanitation Data shared",
            ["Dynamic Coalition on Water and Sanitation Data"],
        ),
        # a plural possessive ends a word with its apostrophe: the name goes on after it, so two coalitions
        # "of First Peoples' X" and "of First Peoples' Y" stay two
        (
            "This responds to a request the Dynamic Coalition on First Peoples' Languages made in Guadalajara.",
            ["Dynamic Coalition on First Peoples' Languages"],
        ),
        (
            "At the Baku IGF the Dynamic Coalition on First Peoples’ Networks asked the national IGFs for it.",
            ["Dynamic Coalition on First Peoples’ Networks"],
        ),
        # fragments: no name, a date, a pronoun, a place, a body, a registered name shortened
        ("A dynamic coalition on this topic alone would be too small for the many tasks ahead.", []),
        ("The Dynamic Coalition on Monday agreed the text, and the chair thanked everyone there.", []),
        ("We in the Dynamic Coalition on I think three questions will work on this with everyone.", []),
        ("She chaired the first Dynamic Coalition of Kenya, years ago, with many friends there.", []),
        ("It was the first Dynamic Coalition of the IGF, they say, with many members in it.", []),
        ("I ask the Dynamic Coalition on Small Island States to bring this to the Panel.", []),
        # one registered one-word form ("Gender") is the registered coalition; one word of a
        # longer registered name ("… Sustainability of Journalism …") is a coalition of its own
        ("We thank the Dynamic Coalition on Gender for the support in this work.", []),
        (
            "Welcome to the session of the Dynamic Coalition on Sustainability. My name is Ines.",
            ["Dynamic Coalition on Sustainability"],
        ),
        # the case tells nothing: a caption in capitals or in lower case
        ("WE ASK THE DYNAMIC COALITION ON WATER AND SANITATION WAS FORMED TO HELP US.", []),
        ("we ask the dynamic coalition on water and sanitation to help us in this work.", []),
    ],
)
def test_names_are_read_by_their_shape(text: str, names: list[str]) -> None:
    assert _found(text) == names


def test_dc_counts_only_where_the_session_says_dynamic_coalition() -> None:
    washington = "We met in Washington, DC on Capitol Hill last week, and the senators listened to us."
    assert _found(washington) == []
    said = "The Dynamic Coalition met. Jo Li, DC on Water Data, spoke for the members of it."
    assert _found(said) == ["DC on Water Data"]


def test_a_guess_of_the_fuzzy_layers_gives_way_to_the_whole_new_name() -> None:
    # "Dynamic Coalition on Digital Inclusion" alone is guessed as "Digital Financial Inclusion"
    text = "Welcome to the session of the Dynamic Coalition on Digital Inclusion of Older Persons. Thank you."
    assert _found(text) == ["Dynamic Coalition on Digital Inclusion of Older Persons"]
    cast = resolve_session(_session(f"Older persons online\n>> GUDRUN FALK: {text}\n"))
    assert [c.name for c in cast.coalitions] == ["Dynamic Coalition on Digital Inclusion of Older Persons"]
    # a misheard registered name that the guess spans stays the registered coalition
    misheard = "They renamed it the Dynamic Coalition on Children's Rights in the Digital Investment last year."
    assert _found(misheard) == []


def test_forms_of_one_new_coalition_are_one_name_said_most() -> None:
    text = (
        "The Dynamic Coalition on Internet and Climate Change Annual Meeting\n"
        ">> ANA LIMA: Welcome to the Dynamic Coalition on Internet and Climate Change. "
        "The DC on Internet & Climate Change thanks you, and the Dynamic Coalition on Internet and Climate Change "
        "publishes in March.\n"
    )
    session = _session(text)
    cast = resolve_session(session)
    (new,) = [c for c in cast.coalitions if not c.id]
    assert new.name == "Dynamic Coalition on Internet and Climate Change"
    assert new.lines == (1, 2)


def test_an_affiliation_reads_as_a_new_coalition_only_in_the_shape_of_a_name() -> None:
    registry = load_registry()
    assert coalition_name("DYNAMIC COALITION ON RURAL DATA CENTRES", registry)  # a name card in capitals
    assert coalition_name("Dynamic Coalition for Rural Data Centres", registry)
    assert coalition_name("Dynamic Coalition on this issue", registry) is None
    assert coalition_name("Dynamic Coalition on Accessibility and Disability", registry) is None  # registered
    assert coalition_name("Ministry of ICT", registry) is None
    assert topic_key("DC for the Internet & Climate Change") == "internet and climate change"
    assert named_topics("IGF 2026 - DC on Rural Data Centres: annual meeting") == ["rural data centres"]


def test_one_word_of_a_registered_name_is_listed_under_its_own_name():
    """Read as a registered name but matched by no registry mention, a coalition was listed
    nowhere: "Sustainability" is one word of "Sustainability of Journalism and News Media"."""
    registry = load_registry()
    assert coalition_name("Dynamic Coalition on Sustainability", registry) == "Dynamic Coalition on Sustainability"
    assert coalition_name("Dynamic Coalition on Journalism", registry) is None  # a form the registry lists
    text = (
        "IGF 2024 - DC on Sustainability - Green Networks\n"
        ">> MODERATOR: Welcome to the session of the Dynamic Coalition on Sustainability. I am Ines Costa.\n"
        ">> KOFI MENSAH: Thank you. Our coalition measured the energy use of forty data centres.\n"
    )
    cast = resolve_session(_session(text))
    assert [c.to_json()["name"] for c in cast.coalitions] == ["Dynamic Coalition on Sustainability"]
    assert cast.coalitions[0].to_json()["id"] is None
    # Kofi's "our coalition" is the session's new coalition: he presents it
    assert cast.coalitions[0].status == "presented"
    assert next(p for p in cast.people if p.name == "Kofi Mensah").speaks_for == "Dynamic Coalition on Sustainability"
