"""A transcript with no `>>` whose line breaks were lost: a capitals name and a colon after a
sentence end starts a turn when capitals-and-colon is the file's label shape, even for a name
that never opened a line. Examples written for this file (invented names)."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2024 Riyadh | Open Forum 31\nThis transcript is not an official record.\n\n"


def _turns(text: str) -> list[tuple[str | None, str]]:
    session = parse_transcript(text)
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text
    return [(t.speaker, " ".join(t.text.split())[:20]) for t in session.turns]


def test_an_unseen_capitals_label_after_a_sentence_end_starts_a_turn() -> None:
    text = HEADER + (
        "CHAIR: Welcome. Dr. Sultana, please.\n"
        "NUSRAT SULTANA: Thank you. Our schools have no fibre yet. KOJO MENSAH-BOATENG: May I add one point?\n"
        "CHAIR: Briefly. Then we close.\n"
    )
    assert _turns(text) == [
        (None, "Welcome. Dr. Sultana"),
        ("Nusrat Sultana", "Thank you. Our schoo"),
        ("Kojo Mensah-Boateng", "May I add one point?"),
        (None, "Briefly. Then we clo"),
    ]


def test_capitals_in_speech_are_not_a_label() -> None:
    text = HEADER + (
        "CHAIR: Welcome. Dr. Sultana, please.\n"
        "NUSRAT SULTANA: We asked UNICEF. THE ANSWER WAS: no money this year. ITU DESK said the same.\n"
        "CHAIR: Thank you.\n"
    )
    assert [speaker for speaker, _ in _turns(text)] == [None, "Nusrat Sultana", None]
