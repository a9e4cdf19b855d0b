"""Parliamentary labels (transcript/namecards.py `office_holder_label`, speakers.py): an office with
its holder in brackets names the holder, one member of the house is an unnamed voice, and a
dial-in caller's masked number is a label with no person."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name, looks_like_label

RECORD = """The Chairperson: Order, order. The Minister will answer.
The Minister of State for Digital Services (Ms. Wanjiru-Mbugua): Mr. Speaker, the towers are funded.
An hon. Member: When?
The Minister of State for Digital Services (Ms. Wanjiru-Mbugua): By March.
Hon. Otieno: That is not a date the House can trust.
"""


def test_an_office_first_label_names_the_holder() -> None:
    session = parse_transcript(RECORD)
    assert [t.speaker for t in session.turns] == [None, "Wanjiru-Mbugua", None, "Wanjiru-Mbugua", "Otieno"]
    assert session.turns[2].label == "An hon. Member" and session.turns[2].text == "When?"


def test_a_bracket_that_is_no_titled_name_is_not_the_holder() -> None:
    assert display_name("The Minister for ICT (Kenya)") != "Kenya"


def test_a_masked_dial_in_number_is_a_label_without_a_person() -> None:
    assert looks_like_label("+254 7** *** 318")
    session = parse_transcript(">> MODERATOR: Go ahead, caller.\n>> +44 7*** ***912: Hello, can you hear me?\n")
    caller = session.turns[1]
    assert (caller.label, caller.speaker, caller.text) == ("+44 7*** ***912", None, "Hello, can you hear me?")


VERBATIM_REPORT = """Verbatim report of proceedings
4. Remote hubs (debate)
President. – The next item is the debate on remote hubs.
Lotte Vanderplancke, on behalf of the Verts/ALE Group. – Madam President, we support it.
Dragoș Iliescu-Marin (PPE). – We do not.
Tiago Mourão-Salgueiro (S&D), blue-card question. – Why not?
Dragoș Iliescu-Marin (PPE), blue-card answer. – Because nobody checked.
President. – The debate is closed.
"""


def test_whom_a_member_speaks_for_and_the_procedure_are_no_part_of_the_name() -> None:
    assert looks_like_label("Lotte Vanderplancke, on behalf of the Verts/ALE Group")
    assert looks_like_label("Tiago Mourão-Salgueiro (S&D), blue-card question")
    turns = parse_transcript(VERBATIM_REPORT).turns
    assert [t.speaker for t in turns] == [
        None,
        "Lotte Vanderplancke",
        "Dragoș Iliescu-Marin",
        "Tiago Mourão-Salgueiro",
        "Dragoș Iliescu-Marin",
        None,
    ]
    assert turns[3].text == "Why not?"
