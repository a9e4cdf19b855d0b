"""Single-letter labels (`transcript.initials`): initials of speakers are people, a press
briefing's `Q:` and `A:` stay unnamed. Transcripts written for this file (invented names)."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript

INITIALS = (
    ">> A: Good morning, we open the workshop on spectrum for community networks.\n"
    ">> B: Thank you. Community networks need spectrum they can afford.\n"
    ">> C: And who should pay for the towers?\n"
    ">> A: The regulator could waive the licence fees for small networks.\n"
)
BRIEFING = (
    "PRESS BRIEFING\n"
    "SPOKESPERSON: Good afternoon. First question, please.\n"
    "Q: How many participants are registered this year?\n"
    "MS. JANA NOVAK (Secretariat): About two thousand are registered.\n"
    "A: If I may add, a third of them take part online.\n"
    "Q: Is the venue network filtered?\n"
)
ALONE = ">> A: Good morning, everyone, and welcome to this open forum on data.\n>> TOMAS BERG: Thank you, Chair.\n"


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(t.label, t.speaker) for t in parse_transcript(text).turns]


def test_initials_are_people_and_a_is_one_of_them() -> None:
    assert _speakers(INITIALS) == [("A", "A"), ("B", "B"), ("C", "C"), ("A", "A")]


def test_a_press_briefing_keeps_q_and_a_unnamed() -> None:
    found = dict.fromkeys(label for label, speaker in _speakers(BRIEFING) if speaker is None)
    assert list(found) == ["SPOKESPERSON", "Q", "A"]


@pytest.mark.parametrize("text", [ALONE])
def test_an_answer_with_no_question_is_an_initial(text: str) -> None:
    assert _speakers(text)[0] == ("A", "A")
