"""Marks the caption rules read since round 9 (`transcript/parse.py`, `speakers.py`): a `>>` a
hard wrap left at a line end opens the turn on the next line, a capitals label cut in two by
the wrap is one label, a dial-in caller shown by a (masked) phone number is a label with no
person, and the speaker names of UN name cards, Spanish titles and roles, devices and
titled surnames.

The examples are written for this file (invented names)."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name, generic_label, phone_label

WRAPPED = (
    "IGF 2010 VILNIUS -- WORKSHOP 12\n"
    ">> MODERATOR: Good morning. Let me start with the\n"
    "registry. >>\n"
    "DAINIUS PETRAUSKAS-VOLK: Thank you. We have 900\n"
    "names. >> RUTA\n"
    "MIKALAUSKIENE: And the price? >>\n"
    "(Laughter) >> MODERATOR: Next.\n"
)


def test_a_marker_at_a_line_end_opens_the_turn_on_the_next_line() -> None:
    session = parse_transcript(WRAPPED)
    got = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert got == [
        (2, "MODERATOR", None, "speech"),
        (4, "DAINIUS PETRAUSKAS-VOLK", "Dainius Petrauskas-Volk", "speech"),  # the label's line
        (5, "RUTA MIKALAUSKIENE", "Ruta Mikalauskiene", "speech"),  # one label over two lines
        (7, None, None, "note"),
        (7, "MODERATOR", None, "speech"),
    ]
    assert session.turns[0].text.endswith("registry.")  # the stray `>>` is in no turn
    assert session.turns[2].text == "And the price?"
    for turn in session.turns:
        assert WRAPPED[turn.start : turn.end] == turn.text


def test_a_marker_alone_before_a_sentence_stays_an_unlabelled_voice() -> None:
    text = ">> MODERATOR: Questions?\n>>\nYes: who pays for it?\n"
    turns = parse_transcript(text).turns
    assert [(t.label, t.text) for t in turns] == [("MODERATOR", "Questions?"), (None, "Yes: who pays for it?")]


def test_a_caller_shown_by_a_phone_number_is_a_label_with_no_person() -> None:
    text = (
        "Regional IGF call - Transcript\n"
        "Ama Owusu: Good afternoon, all.\n"
        "+233 24 XXX XX17: Hello? This is Kofi from Tamale.\n"
        "Ama Owusu: Welcome, Kofi.\n"
    )
    turns = parse_transcript(text).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Ama Owusu", "Ama Owusu"),
        ("+233 24 XXX XX17", None),
        ("Ama Owusu", "Ama Owusu"),
    ]
    assert phone_label("+1 202-555-0100") and phone_label("+44 (20) 7946 0958")
    assert not phone_label("2019-2020") and not phone_label("+1 to that")


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Chair, Mr. Tomas LINDQVIST", "Tomas Lindqvist"),  # a role, then a UN name card
        ("Mr. PARK Ji-hoon", "Park Ji-hoon"),  # family name first, in capitals: order kept
        ("H.E. Ms. Amara OKAFOR-BELL", "Amara Okafor-Bell"),
        ("LIC. MARISOL QUISPE HUANCA", "Marisol Quispe Huanca"),  # Spanish title, two surnames
        ("INTÉRPRETE", None),
        ("iPhone de Carmen", None),  # a device's name
        ("Conference Room 4", None),  # a room system
        ("Nguyen Van Binh", "Nguyen Van Binh"),  # mixed case: the capital "Van" was written so
        ("JAN VAN DER BERG", "Jan van der Berg"),  # capitals: a particle is given in lower case
    ],
)
def test_display_names_of_cards_titles_and_devices(label: str, name: str | None) -> None:
    assert display_name(label) == name


def test_an_acronym_in_a_mixed_case_card_is_still_no_name() -> None:
    assert display_name("Jo Li, ITU") == "Jo Li"
    assert display_name("Moderator, UNESCO") is None
    assert generic_label("INTÉRPRETE")


def test_a_surname_after_a_title_is_kept_as_written() -> None:
    text = ">> Mr. PARK Ji-hoon: Thank you.\n>> MODERATOR: Mr. Park?\n>> Mr. PARK: Yes.\n>> PARK: Also.\n"
    speakers = [t.speaker for t in parse_transcript(text).turns]
    # "Mr. PARK" is the formal address (kept); an untitled one-word name is still the person
    assert speakers == ["Park Ji-hoon", None, "Park", "Park Ji-hoon"]
