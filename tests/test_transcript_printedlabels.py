"""Printed hearings: `    Mr. Surname. ` opening an indented paragraph labels a turn
(`transcript/printedlabels.py`). Invented names and text."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.printedlabels import printed_label_edits

HEARING = """[Senate Hearing, 118 Congress]

    CONNECTING RURAL SCHOOLS: A REVIEW

    Senator Vantongeren. The committee will come to order. I thank
our witnesses for coming.
    We have one panel today.
    Mr. Halvorsrud. Thank you, Madam Chair.

STATEMENT OF DR. IMOGEN TREVASKIS, DIRECTOR, WESTFOLD INSTITUTE

    Dr. Trevaskis. Madam Chair, Senator Halvorsrud, thank you. Four in ten
schools have no fibre.
    [The prepared statement of Dr. Trevaskis follows:]
    Senator Vantongeren. Who pays for the last mile?
    Dr. Trevaskis. The districts, today.
"""


def test_each_labelled_paragraph_opens_a_turn_and_others_go_on() -> None:
    turns = parse_transcript(HEARING).turns
    assert [t.speaker for t in turns] == ["Vantongeren", "Halvorsrud", "Trevaskis", "Vantongeren", "Trevaskis"]
    assert turns[0].text.rstrip().endswith("We have one panel today.")  # an unlabelled paragraph goes on
    assert turns[2].text.startswith("Madam Chair, Senator Halvorsrud")  # a line of capitalised words is no title here
    assert turns[0].label == "Senator Vantongeren"


def test_the_citation_keeps_the_printed_full_stop() -> None:
    turn = parse_transcript(HEARING).turns[1]
    assert HEARING[turn.start : turn.end].startswith("Thank you, Madam Chair.")
    assert "    Mr. Halvorsrud. Thank you" in HEARING


def test_one_paragraph_opening_with_a_title_is_no_layout() -> None:
    prose = "Notes\n\n    Mr. Okonkwo. He arrived late.\n    Dr. Lindqvist. She chaired.\n    Ms. Abara. Online.\n"
    assert printed_label_edits(prose) == []  # three openings, none recurring
    assert printed_label_edits(HEARING.replace("\n", "\n>> ", 1)) == []  # a caption file with markers
