"""A press briefing's `Q:` / `A:` lines inside a `>>` turn (`transcript.briefingqa`): each is a
turn of an unnamed asker or answerer, when the file uses them as a pattern. Transcripts written
for this file (invented names)."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

BRIEFING = (
    "PRESS BRIEFING ON COMMUNITY NETWORKS\n"
    "\n"
    ">> MODERATOR: Good morning. Two statements, then your questions.\n"
    "\n"
    ">> TALA NGATA: We ask regulators to waive spectrum fees for community networks.\n"
    "\n"
    ">> MODERATOR: Questions.\n"
    "\n"
    "Q: Ana Ruiz, Radio Sur. For Ms. Ngata: how many networks would that help?\n"
    "\n"
    "A: Tala here. About forty in the region.\n"
    "\n"
    "Q. And when will the regulators decide?\n"
    "\n"
    "A. Not before next year.\n"
    "\n"
    ">> MODERATOR: Thank you, we close here.\n"
)
ONE_Q = (
    ">> MODERATOR: Welcome to the workshop.\n"
    "\n"
    ">> TALA NGATA: Someone wrote to me before the session, and I quote it\n"
    "Q: why spectrum and not fibre? The answer is cost.\n"
)
LETTERED = (
    ">> MODERATOR: Welcome. The options on the table are these.\n"
    "A. Waive the licence fees for small networks.\n"
    "B. Auction the spectrum in small lots.\n"
)


def _turns(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(t.label, t.speaker, t.text) for t in parse_transcript(text).turns]


def test_q_and_a_lines_in_the_moderator_turn_are_turns_of_their_own() -> None:
    turns = _turns(BRIEFING)
    assert [label for label, _, _ in turns] == ["MODERATOR", "TALA NGATA", "MODERATOR", "Q", "A", "Q", "A", "MODERATOR"]
    assert turns[2][2] == "Questions."
    assert turns[3] == ("Q", None, "Ana Ruiz, Radio Sur. For Ms. Ngata: how many networks would that help?")
    assert turns[6] == ("A", None, "Not before next year.")


def test_the_turns_start_on_the_q_and_a_lines() -> None:
    lines = [t.line for t in parse_transcript(BRIEFING).turns]
    assert lines[3:7] == [9, 11, 13, 15]


def test_a_single_q_in_a_speech_stays_in_it() -> None:
    turns = _turns(ONE_Q)
    assert [label for label, _, _ in turns] == ["MODERATOR", "TALA NGATA"]
    assert turns[1][2].endswith("Q: why spectrum and not fibre? The answer is cost.")


def test_lettered_lines_with_no_q_are_a_list_not_answers() -> None:
    assert [label for label, _, _ in _turns(LETTERED)] == ["MODERATOR"]
