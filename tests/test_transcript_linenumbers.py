"""Numbered lines of a research transcript (`transcript/linenumbers.py`) and the key to its labels
above the turns (`transcript/labelkey.py`). Invented text."""

from __future__ import annotations

from forumlens.transcript.linenumbers import line_number_edits
from forumlens.transcript.parse import parse_transcript

EXTRACT = """Extract 2. Youth session, recording 1
Key: Fac = facilitator; Tsion, Dawit = participants

1   Fac:     right (.) so who wants to (0.3) start
2            with the question on fees
3   Tsion:   [I can]
4   Dawit:   [we   ] (.) sorry go on
5   Tsion:   the fees are (0.4) ↑too high for students
6            (1.0)
7   Fac:     okay=
8   Dawit:   =yes
"""


def test_each_numbered_label_line_opens_a_turn_and_the_others_go_on() -> None:
    # (a one-word label used once is still speech: `shapes.Shapes.accepted` wants it to recur)
    turns = parse_transcript(EXTRACT).turns
    assert [t.label for t in turns] == ["Fac", "Tsion", "Dawit", "Tsion", "Fac", "Dawit"]
    assert turns[0].text.startswith("right (.) so who wants")
    assert "2            with the question on fees" in turns[0].text  # the citation keeps the number
    assert turns[3].text.startswith("the fees are")


def test_a_label_short_for_a_role_in_the_key_names_nobody_and_pseudonyms_stay() -> None:
    turns = parse_transcript(EXTRACT).turns
    assert [t.speaker for t in turns] == [None, "Tsion", "Dawit", "Tsion", None, "Dawit"]


def test_figures_in_a_column_are_no_line_numbers() -> None:
    table = ">> JO LI: the figures:\n2019   41%\n2020   44%\n2022   52%\n2023   57%\n"
    assert line_number_edits(table) == []  # they do not count up one by one
