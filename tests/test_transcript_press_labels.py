"""A press briefing's labels (`transcript/speakers.py`): `Q:` for a journalist's question, `A:`
for an answer nobody was named for, and the spokesperson are roles, never a person, and they
open turns in a transcript with no `>>` markers. Invented names."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name

BRIEFING = (
    "PRESS BRIEFING -- 3 MARCH 2031\n"
    "SPOKESPERSON: Good morning. First question, please.\n"
    "Q: Thank you. Tamar Beridze, radio news. Is the venue network filtered?\n"
    "MS. INGRID SOLBAKKEN-RUUD (Host Country): It is not.\n"
    "A: If I may add: one hotel router was set wrongly.\n"
    "Q: So that is a no?\n"
    "MS. SOLBAKKEN-RUUD: It is a no.\n"
)


def test_question_and_answer_labels_open_turns_with_no_speaker() -> None:
    session = parse_transcript(BRIEFING)
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (2, "SPOKESPERSON", None),
        (3, "Q", None),  # the journalist says her name: still no speaker
        (4, "MS. INGRID SOLBAKKEN-RUUD (Host Country)", "Ingrid Solbakken-Ruud"),
        (5, "A", None),
        (6, "Q", None),
        (7, "MS. SOLBAKKEN-RUUD", "Solbakken-Ruud"),
    ]


@pytest.mark.parametrize("label", ["Q", "A", "Spokesperson", "PRESS OFFICER", "Spokeswoman"])
def test_press_roles_name_nobody(label: str) -> None:
    assert display_name(label) is None
