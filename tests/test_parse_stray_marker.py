"""A `NAME:` transcript with a stray `>>` line keeps its labels: one marker does not switch the
whole file's convention (issue 22, a new user's walk)."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript

BODY = """Workshop on open data for local government

CHAIR: Good morning, everyone. We have two speakers today and then questions from the floor.

ANA SILVA: Thank you. Our city published its budget as open data last year, and journalists use it.

CHAIR: Thank you, Ana. Now over to Peter.

PETER OKAFOR: Thanks. In our region the problem is not publishing data but keeping it current.

CHAIR: Thank you both. We are at time, so let me close here.
"""
TURNS = [(3, "CHAIR"), (5, "ANA SILVA"), (7, "CHAIR"), (9, "PETER OKAFOR"), (11, "CHAIR")]


def _turns(text: str) -> list[tuple[int, str | None]]:
    return [(t.line, t.label) for t in parse_transcript(text).turns]


def test_labels_without_markers_give_one_turn_each():
    assert _turns(BODY) == TURNS


@pytest.mark.parametrize(
    "extra, turn",
    [
        (">> Thank you, everybody, and see you tomorrow.\n", (12, None)),  # an unnamed voice
        (">> PETER OKAFOR: And the slides are online.\n", (12, "PETER OKAFOR")),  # a marked label
    ],
)
def test_a_lone_marker_at_the_end_is_one_more_turn(extra, turn):
    assert _turns(BODY + extra) == [*TURNS, turn]


def test_a_lone_marker_in_the_middle_is_one_more_turn():
    text = BODY.replace("CHAIR: Thank you, Ana.", ">> Sorry, one word from the back.\n\nCHAIR: Thank you, Ana.")
    assert _turns(text) == [*TURNS[:2], (7, None), *[(line + 2, label) for line, label in TURNS[2:]]]


def test_a_marked_file_keeps_its_markers():
    """Speech that happens to open a line with "Word:" in a `>>` file is still speech."""
    text = (
        "Session\n\n>> JO LI: Welcome. Our agenda:\nPART ONE: funding.\n\n>> ANA SILVA: Thanks.\n\n"
        ">> JO LI: Next.\n\n>> PETER OKAFOR: Hello.\n"
    )
    assert _turns(text) == [(3, "JO LI"), (6, "ANA SILVA"), (8, "JO LI"), (10, "PETER OKAFOR")]
