"""An unmarked first turn after the page header (`unmarked.implicit_markers`): once a disclaimer,
a date or a separator has closed the header, a short greeting is a turn too; an agenda line
there is not. Examples written for this file (invented names)."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

HEADER = (
    "INTERNET GOVERNANCE FORUM 2009\nSHARM EL SHEIKH, EGYPT\nWORKSHOP 14: LOCAL CONTENT\n***\n"
    "This is the output of the real-time captioning taken during the IGF 2009. Although it is "
    "largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages.\n***\n\n"
)


def _turns(text: str) -> list[tuple[str | None, str]]:
    session = parse_transcript(text)
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text
    return [(t.label, " ".join(t.text.split())[:24]) for t in session.turns]


def test_a_short_greeting_after_the_disclaimer_is_the_first_turn() -> None:
    text = HEADER + "Good morning, everyone. Let us begin.\n>> HODA SAMIR: Thank you, Chair.\n"
    assert _turns(text) == [(None, "Good morning, everyone. "), ("HODA SAMIR", "Thank you, Chair.")]


def test_an_agenda_line_after_the_disclaimer_is_not_a_turn() -> None:
    text = HEADER + "Speakers: Hoda Samir, Karim Nabil, Lina Haddad.\n>> HODA SAMIR: Thank you, Chair.\n"
    assert _turns(text) == [("HODA SAMIR", "Thank you, Chair.")]
