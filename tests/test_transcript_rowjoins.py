"""Export furniture inside a merged turn (`transcript/rowjoins.py`): rows or blocks of one speaker
merge into one turn whose text is an exact slice of the file, so the furniture between them (a
row's closing quote and its next row's time and speaker cells, a `[Name] time` label line) stays
in the turn text; sentences, and so every quote built from them, skip it. Caption prose with
commas, quotes or digits after a line break is no table.

The examples are written for this file (invented names), in the shapes caption services, wikis
and meeting tools export."""

from __future__ import annotations

import pytest

from forumlens.summarise.units import session_units
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.rowjoins import export_furniture
from forumlens.transcript.sentences import sentence_texts

QUOTED_CSV = (
    "Clinic on rural broadband\n"
    '"Start","End","Speaker","Text","Confidence"\n'
    '"00:00:01.000","00:00:05.000","Lerato Mokoena","Welcome, all, to the clinic.","0.95"\n'
    '"00:00:05.200","00:00:09.000","Lerato Mokoena","We start with ""last mile"" costs.","0.91"\n'
    '"00:00:09.500","00:00:14.000","Tomas Berg","Thank you. Spectrum fees are the barrier.","0.93"\n'
    '"00:00:14.100","00:00:18.000","","Small operators cannot pay them.","0.90"\n'
    '"00:00:18.200","00:00:22.000","Tomas Berg","Regulators should waive them.","0.92"\n'
)

PLAIN_CSV = (
    "Start;Speaker;Text\n"
    "10:00:01;Lerato Mokoena;Welcome to the clinic.\n"
    "10:00:04;Lerato Mokoena;Tomas will open.\n"
    "10:00:07;Tomas Berg;Thanks. Fees are the barrier.\n"
)

PIPE = (
    "| Time | Speaker | Text |\n"
    "|---|---|---|\n"
    "| 10:00 | Lerato Mokoena | Welcome to the clinic. |\n"
    "| 10:01 | Lerato Mokoena | Tomas will open. |\n"
    "| 10:02 | Tomas Berg | Fees are the barrier. |\n"
)

BLOCKS = (
    "Meeting ID: 812 4471\n"
    "[Lerato Mokoena] 09:00:03\n"
    "Welcome to the clinic.\n"
    "\n"
    "09:00:09 [Lerato Mokoena]\n"
    "Tomas will open\n"
    "\n"
    "[Tomas Berg] 09:00:15\n"
    "Fees are the barrier.\n"
)


@pytest.mark.parametrize(
    ("text", "first_turn_sentences"),
    [
        (QUOTED_CSV, ["Welcome, all, to the clinic.", 'We start with ""last mile"" costs.']),
        (PLAIN_CSV, ["Welcome to the clinic.", "Tomas will open."]),
        (PIPE, ["Welcome to the clinic.", "Tomas will open."]),
        (BLOCKS, ["Welcome to the clinic.", "Tomas will open"]),
    ],
)
def test_merged_rows_keep_their_furniture_in_the_slice_but_not_in_sentences(
    text: str, first_turn_sentences: list[str]
) -> None:
    session = parse_transcript(text)
    first = session.turns[0]
    assert first.speaker == "Lerato Mokoena"
    assert first.text == text[first.start : first.end]  # the exact slice citations rely on
    assert first.text.count("\n") >= 1  # two rows or blocks: the furniture between is in the slice
    assert sentence_texts(first.text) == first_turn_sentences


def test_a_turn_of_three_rows_with_an_empty_speaker_cell_loses_every_join() -> None:
    session = parse_transcript(QUOTED_CSV)
    tomas = session.turns[1]
    assert tomas.speaker == "Tomas Berg"
    assert sentence_texts(tomas.text) == [
        "Thank you.",
        "Spectrum fees are the barrier.",
        "Small operators cannot pay them.",
        "Regulators should waive them.",
    ]


def test_summary_units_quote_no_furniture_and_keep_their_lines() -> None:
    session = parse_transcript(QUOTED_CSV)
    units = session_units(session)
    lines = QUOTED_CSV.split("\n")
    for unit in units:
        assert '","' not in unit.text and "00:00" not in unit.text
        assert unit.text in lines[unit.line - 1]  # each quote sits on its own row's line
    assert [u.line for u in units if u.text.startswith("Regulators")] == [7]


@pytest.mark.parametrize(
    "prose",
    [
        "Thank you, Ana,\nMaria, please go ahead, you have the floor.",
        'He told us, "wait",\n"Yes," she said, "we will wait."',
        "We launched it in\n2019, with four partners, and it grew.",
        "The agenda:\n10:30, opening, then the panel.",
        "Results were good\n| see the annex | for details",
        "[Ana] asked about it 10:00 today\nand nobody answered.",
    ],
)
def test_caption_prose_is_no_export(prose: str) -> None:
    assert export_furniture(prose) == []
    assert " ".join(sentence_texts(prose)).split() == prose.split()


def test_a_label_line_quoted_inside_a_caption_is_still_furniture() -> None:
    text = "Thank you.\n[Jo Li] 11:00:14\nNext point."
    assert sentence_texts(text) == ["Thank you.", "Next point."]


def test_tags_and_frame_fields_between_caption_lines_are_no_sentence() -> None:
    from forumlens.transcript.sentences import sentence_texts

    track = 'Welcome to the hub</text>\n<text start="4.2" dur="3.1">in Lomé. We start now.</text>'
    assert sentence_texts(track) == ["Welcome to the hub", "in Lomé.", "We start now."]
    frames = "Thank you.\n{410}{520}{y:i}We have forty people here."
    assert sentence_texts(frames) == ["Thank you.", "We have forty people here."]
    # an angle-bracket note is never closed: it stays in the speech
    assert sentence_texts("Yes <inaudible> and <inaudible> again.") == ["Yes <inaudible> and <inaudible> again."]
