"""Saved captions with a `[Display Name] time` line above each caption
(`transcript/labelblocks.py`): the label line is furniture (no brackets, no time in the label
or the speech), blocks in a row with the same name are one turn, room systems and phones are
labels with no person, and the lines above the first block are the header.

The examples are written for this file (invented names), in the shape of a meeting tool's
"save captions" file, with the time after the name and, once, before it."""

from __future__ import annotations

from forumlens.transcript.labelblocks import read_label_blocks
from forumlens.transcript.parse import parse_transcript

SAVED = (
    "Saved captions - Town hall on rural broadband\n"
    "Meeting ID: 812 5531 0094\n"
    "\n"
    "[Conference Room B] 14:00:05\n"
    "Good afternoon, the room is connected.\n"
    "\n"
    "[Inga Halvorsen-Moe] 14:00:19\n"
    "Thank you. Rafael, you have five minutes.\n"
    "\n"
    "[Rafael Ocampo] 14:00:30\n"
    "Thanks, Inga. In our valley, half the farms have no fixed line.\n"
    "\n"
    "[Rafael Ocampo] 14:00:52\n"
    "And the mobile signal stops at the river.\n"
    "\n"
    "[Galaxy de Marta] 14:01:20\n"
    "Hi, Marta Sosa here. Who pays for the last mile?\n"
    "\n"
    "14:01:41 [Rafael Ocampo]\n"
    "The province, for now.\n"
)


def test_saved_captions_state_their_turns_by_label_line() -> None:
    session = parse_transcript(SAVED)
    assert session.title == "Saved captions - Town hall on rural broadband"
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (4, "Conference Room B", None),
        (7, "Inga Halvorsen-Moe", "Inga Halvorsen-Moe"),
        (10, "Rafael Ocampo", "Rafael Ocampo"),  # two blocks in a row: one turn
        (16, "Galaxy de Marta", None),  # a phone's name, though she then says hers
        (19, "Rafael Ocampo", "Rafael Ocampo"),  # the time may come first
    ]
    texts = [t.text for t in session.turns]
    assert texts[0] == "Good afternoon, the room is connected."  # no brackets, no time
    assert texts[2].startswith("Thanks, Inga.") and texts[2].endswith("stops at the river.")
    assert texts[4] == "The province, for now."
    for turn in session.turns:
        assert SAVED[turn.start : turn.end] == turn.text


def test_one_bracketed_line_with_a_time_is_no_saved_captions_file() -> None:
    text = ">> MODERATOR: We resume.\n[Recording resumed] 10:15:00\n>> JO LI: Thank you.\n\nSecond paragraph of mine.\n"
    assert read_label_blocks(text) is None
    assert [t.label for t in parse_transcript(text).turns] == ["MODERATOR", "JO LI"]
