"""Parsing by the shape of the transcript (issue 22, stop 19): the captioner's label shape is read
from the file itself — a short name-like span that recurs at line starts followed by the same
separator (a colon, a dash between spaces, square brackets), with or without `>>` — and the
turns are split by it. One line that merely looks like a label is weak evidence; a name that
opens several lines is strong.

Inputs are written for this file (invented names and bodies), in shapes other than the
development excerpts' where possible: en dashes, numbered generic labels, bracket names with
stage notes in brackets, a first turn labelled like the later ones."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.shapes import label_shapes, name_shaped
from forumlens.transcript.speakers import display_name, generic_label, looks_like_label

HEADER = (
    "IGF 2019 Berlin - Workshop 77: Rural Broadband Financing\n\n"
    "The following is the output of the real-time captioning taken during the Fourteenth Meeting of the IGF. "
    "It should not be treated as an authoritative record.\n\n"
)


def _turns(text: str) -> list[tuple[str | None, str]]:
    return [(t.speaker, " ".join(t.text.split())[:30]) for t in parse_transcript(text).turns]


def test_en_dash_and_double_hyphen_separators_after_markers() -> None:
    text = HEADER + (
        ">> ROSA MBEKI – Good morning, we start with the regulators.\n\n"
        ">> TOMAS WEIL -- Thank you.  The fund exists since 2012.\n\n"
        ">> ROSA MBEKI – And it is spent?\n\n"
        ">> TOMAS WEIL -- Only a third of it, to be honest.\n\n"
        ">> FACILITATOR - One minute left.\n\n"
        ">> Ines Carvalho - From the floor: who decides the projects?\n"
    )
    assert _turns(text) == [
        ("Rosa Mbeki", "Good morning, we start with th"),
        ("Tomas Weil", "Thank you. The fund exists sin"),
        ("Rosa Mbeki", "And it is spent?"),
        ("Tomas Weil", "Only a third of it, to be hone"),
        (None, "One minute left."),  # a role label: no person
        ("Ines Carvalho", "From the floor: who decides th"),  # once, but the dash shape is in use
    ]


def test_a_dash_seen_once_is_not_a_label_shape() -> None:
    # nobody else in this file is labelled with a dash: "Brazil - we think" is speech after a colonless marker
    text = HEADER + (
        ">> ROSA MBEKI:  Who wants to comment?\n\n>> Brazil - we think the fund should be open.\n\n>> ROSA MBEKI:  Thank you.\n"
    )
    turns = parse_transcript(text).turns
    assert [t.speaker for t in turns] == ["Rosa Mbeki", None, "Rosa Mbeki"]
    assert turns[1].text.startswith("Brazil - we think")


def test_bracket_names_without_markers_and_stage_notes_in_brackets() -> None:
    text = HEADER + (
        "[ Music ]\n\n"
        "[Lerato Dube] Welcome, everybody, to the library coalition.  We begin with Kenji.\n\n"
        "[Kenji Sato] Thank you, Lerato.  [inaudible] the budget is the first problem.\n\n"
        "[Lerato Dube] Thank you.  Now the floor.\n\n"
        "[Participant] Hello, I am from a school in Soweto.  Is the toolkit free?\n\n"
        "[Kenji Sato] Yes, it is free.\n\n"
        "[Applause]\n"
    )
    assert label_shapes(text).in_use == frozenset({"bracket"})
    assert _turns(text) == [
        ("Lerato Dube", "Welcome, everybody, to the lib"),
        ("Kenji Sato", "Thank you, Lerato. [inaudible]"),
        ("Lerato Dube", "Thank you. Now the floor."),
        (None, "Hello, I am from a school in S"),
        ("Kenji Sato", "Yes, it is free. [Applause]"),  # a bracket alone on a line is a stage note, not a label
    ]
    # turn text is an exact slice of the document and never carries the next label's bracket
    session = parse_transcript(text)
    assert all(session.text[t.start : t.end] == t.text and not t.text.endswith("[") for t in session.turns)


def test_numbered_and_carded_colon_labels_once_the_colon_shape_is_in_use() -> None:
    text = HEADER + (
        "Amara Diallo: Good afternoon.  I will moderate.\n"
        "Amara Diallo: First, Pedro, online.\n"
        "Pedro Alves (online): Hello from Recife.  The cost is the transit.\n"
        "Speaker 3: Sorry, we cannot hear Pedro in the room.\n"
        "Amara Diallo: Pedro, again please.\n"
        "PARTICIPANT 2: A question: who pays?\n"
        "Note: this line is a note to readers, not a voice.\n"
        "Amara Diallo: We close here.\n"
    )
    turns = parse_transcript(text).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Amara Diallo", "Amara Diallo"),
        ("Amara Diallo", "Amara Diallo"),
        ("Pedro Alves (online)", "Pedro Alves"),
        ("Speaker 3", None),
        ("Amara Diallo", "Amara Diallo"),
        ("PARTICIPANT 2", None),
        ("Amara Diallo", "Amara Diallo"),
    ]
    assert "Note: this line" in turns[5].text  # a one-word label that never recurs stays in the turn


def test_a_file_that_is_not_a_transcript_gets_no_turns() -> None:
    assert parse_transcript("User-agent: *\nDisallow: /private/\nDisallow: /search\n").turns == ()


def test_a_first_turn_before_the_markers_keeps_a_label_used_later() -> None:
    text = HEADER + (
        "Chair — Lindiwe Nkosi:  Good morning and welcome to this workshop on rural broadband.  We have four speakers.\n\n"
        ">> LINDIWE NKOSI -- Let me start with the regulator.\n\n"
        ">> KWAME ASANTE -- Thank you, Chair.\n\n"
        ">> Chair — Lindiwe Nkosi:  Thank you.  We close.\n"
    )
    turns = parse_transcript(text).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Chair — Lindiwe Nkosi", "Lindiwe Nkosi"),
        ("LINDIWE NKOSI", "Lindiwe Nkosi"),
        ("KWAME ASANTE", "Kwame Asante"),
        ("Chair — Lindiwe Nkosi", "Lindiwe Nkosi"),
    ]
    assert turns[0].text.startswith("Good morning")


def test_a_role_in_capitals_without_a_colon() -> None:
    text = HEADER + (
        ">> Maria Lopez Welcome to the open forum.\n\n"
        ">> AUDIENCE MEMBER Yes, thank you.  Omar from Rabat.\n\n"
        ">> MODERATOR Thank you, Omar.\n"
    )
    assert [(t.label, t.speaker) for t in parse_transcript(text).turns] == [
        ("Maria Lopez", "Maria Lopez"),
        ("AUDIENCE MEMBER", None),
        ("MODERATOR", None),
    ]


@pytest.mark.parametrize(
    "label, generic",
    [
        ("Speaker 2", True),
        ("PARTICIPANT 12", True),
        ("Audience Member B", True),
        ("Speaker Lee", False),
        ("Jo Li", False),
    ],
)
def test_numbered_generic_labels_name_nobody(label: str, generic: bool) -> None:
    assert generic_label(label) is generic
    assert looks_like_label(label)
    assert (display_name(label) is None) is generic


@pytest.mark.parametrize(
    "span, shaped",
    [
        ("Wanjiru Kamande", True),
        ("DR. TSEGAYE LEMMA", True),
        ("Ana Ruiz (online)", True),
        ("Participant", True),
        ("Second point", False),
        ("Thank you", False),
        ("Session 2", False),
    ],
)
def test_what_reads_as_a_label_by_its_shape(span: str, shaped: bool) -> None:
    assert name_shaped(span) is shaped


@pytest.mark.parametrize(
    "body",
    [
        "[00:01:02] Jane Doe: Good morning all.\n[00:01:30] Paul Amadi: Thank you, Jane.\n[00:02:10] Jane Doe: Next.\n",
        "00:01:02 JANE DOE: Good morning all.\n00:01:30 PAUL AMADI: Thank you, Jane.\n00:02:10 JANE DOE: Next.\n",
        "[JANE DOE]: Good morning all.\n[PAUL AMADI]: Thank you, Jane.\n[JANE DOE]: Next.\n",
        "JANE DOE Good morning all.\nPAUL AMADI Thank you, Jane.\nJANE DOE Next.\nPAUL AMADI Okay.\n",
    ],
    ids=["bracketed-stamps", "bare-stamps", "bracket-and-colon", "capitals-without-separator"],
)
def test_time_stamps_and_other_shapes_without_markers(body: str) -> None:
    turns = parse_transcript(HEADER + body).turns
    assert [t.speaker for t in turns][:3] == ["Jane Doe", "Paul Amadi", "Jane Doe"]
    assert [t.text.split("\n")[0] for t in turns][:3] == ["Good morning all.", "Thank you, Jane.", "Next."]


def test_a_colon_between_digits_after_a_marker_is_no_label() -> None:
    # `4:12` is a time or a count, so `Room 4` is no speaker; a label's own colon still counts
    text = ">> ANA RUIZ: Good morning.\n>> Room 4:12 people are online now.\n>> JO LI: We meet again at 10:30.\n"
    turns = parse_transcript(text).turns
    assert [t.label for t in turns] == ["ANA RUIZ", None, "JO LI"]
    assert turns[1].text == "Room 4:12 people are online now."
