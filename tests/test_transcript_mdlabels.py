"""Markdown transcripts with emphasised labels (`transcript/mdlabels.py`): `**Label:**` (or
`**Label**:`, `__Label:__`) opening a paragraph is the label, given without the asterisks;
headings are never speech and never start a turn; bold words inside a speech and an italic
stage note stay in the turn.

The examples are written for this file (invented names), in the shape of an edited transcript
published on a web page."""

from __future__ import annotations

from forumlens.transcript.mdlabels import read_markdown_labels
from forumlens.transcript.parse import parse_transcript

PAGE = (
    "# Open Forum: Community Networks in the Andes\n"
    "\n"
    "*Edited transcript, 14 October.*\n"
    "\n"
    "**Chair:** Welcome. Our first speaker is Ms. Huamán.\n"
    "\n"
    "**Ms. Rosa Huamán Ccori (Red Rural):** Thank you. We connect **forty** villages.\n"
    "\n"
    "*[Applause]*\n"
    "\n"
    "Most of them by radio links.\n"
    "\n"
    "## Questions\n"
    "\n"
    "**Participant from Quito**: How do you pay for the towers?\n"
    "\n"
    "__Ms. Rosa Huamán Ccori:__ The villages pay, a little each month.\n"
)


def test_bold_labels_open_the_turns_and_headings_are_no_speech() -> None:
    session = parse_transcript(PAGE)
    assert session.title == "Open Forum: Community Networks in the Andes"
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (5, "Chair", None),
        (7, "Ms. Rosa Huamán Ccori (Red Rural)", "Rosa Huamán Ccori"),
        (15, "Participant from Quito", None),  # the colon after the emphasis
        (17, "Ms. Rosa Huamán Ccori", "Rosa Huamán Ccori"),  # underscores
    ]
    rosa = session.turns[1].text
    assert rosa.startswith("Thank you. We connect **forty** villages.")  # bold inside a speech stays
    assert "*[Applause]*" in rosa and rosa.endswith("by radio links.")  # the heading below is cut off
    assert session.turns[2].text == "How do you pay for the towers?"
    for turn in session.turns:
        assert PAGE[turn.start : turn.end] == turn.text


def test_one_bold_phrase_with_a_colon_is_no_markdown_transcript() -> None:
    text = ">> MODERATOR: **Note:** the session is recorded.\n>> JO LI: Thank you.\n"
    assert read_markdown_labels(text) is None
    assert [t.label for t in parse_transcript(text).turns] == ["MODERATOR", "JO LI"]


def test_a_markdown_transcript_file_is_read_as_a_transcript_and_a_report_is_not() -> None:
    from forumlens.pipeline import parse_document
    from forumlens.read.registry import read_bytes

    document = read_bytes(PAGE.encode("utf-8"), "forum.md")
    assert document.format == "markdown"  # headings: the Markdown reader takes it
    session = parse_document(document)
    assert [t.label for t in session.turns][:2] == ["Chair", "Ms. Rosa Huamán Ccori (Red Rural)"]
    report = (
        "# Annual report of the coalition\n\n"
        "**Background:** The coalition met four times this year.\n\n"
        "**Findings:** Access grew in rural areas.\n\n"
        "**Recommendations:** Fund community networks.\n"
    )
    paragraphs = parse_document(read_bytes(report.encode("utf-8"), "report.md"))
    assert all(t.label is None for t in paragraphs.turns)  # bold lead-ins are no speakers
