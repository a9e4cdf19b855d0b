"""A `>>` line of stage notes side by side (`transcript.turns._notes_only`) is a note turn, as
one note alone is: `>> [ LAUGHTER ]  [ APPLAUSE ]` is nobody speaking. Invented names."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[ Laughter ]", "note"),
        ("[ LAUGHTER ]  [ APPLAUSE ]", "note"),
        ("(Laughter) (Applause).", "note"),
        ("(Laughter) and so we go on (Applause)", "speech"),  # words between the notes: speech
    ],
)
def test_notes_side_by_side_are_a_note(line: str, kind: str) -> None:
    text = f">> LERATO MOKOENA: Welcome to the clinic.\n>> {line}\n>> TOMAS BERG: Thank you, Lerato.\n"
    turns = parse_transcript(text).turns
    assert [(t.label, t.kind) for t in turns] == [("LERATO MOKOENA", "speech"), (None, kind), ("TOMAS BERG", "speech")]
