"""Two `>>` turn shapes the seventh blind set showed (development data now), by general rules:
a label the label-line model read is the file's label for later lines written the same way
with another mis-keyed separator, and a time stamp opening a turn's text is not speech.
Examples written for this file (invented names)."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

HEADER = "SIXTH INTERNET GOVERNANCE FORUM\nNAIROBI, KENYA\nWORKSHOP 12: OPEN DATA\n27 SEPTEMBER 2011\n\n"


def _turns(text: str) -> list[tuple[str | None, str | None, str, str]]:
    session = parse_transcript(text)
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text
    return [(t.label, t.speaker, t.kind, " ".join(t.text.split())[:24]) for t in session.turns]


def test_a_label_the_model_read_is_known_for_a_later_mis_keyed_line() -> None:
    text = HEADER + (
        ">> MODERATOR:  Good afternoon.  Two speakers today.\n"
        ">> WANJIKU MWANGI;  Thank you.  Kenya opened its budget data in 2011.\n"
        ">> BORIS LINDQVIST:  And Sweden did the same.\n"
        ">> MODERATOR:  Questions?\n"
        ">> WANJIKU MWANGI.  Only one remark.  The data must be used.\n"
    )
    assert [(label, speaker, text[:16]) for label, speaker, _, text in _turns(text)] == [
        ("MODERATOR", None, "Good afternoon. "),
        ("WANJIKU MWANGI", "Wanjiku Mwangi", "Thank you. Kenya"),
        ("BORIS LINDQVIST", "Boris Lindqvist", "And Sweden did t"),
        ("MODERATOR", None, "Questions?"),
        ("WANJIKU MWANGI.", "Wanjiku Mwangi", "Only one remark."),
    ]


def test_a_time_stamp_before_a_note_is_not_part_of_it() -> None:
    text = HEADER + (
        ">> MODERATOR [14:02:10]:  Welcome to the workshop.\n"
        ">> [14:03:01] (Inaudible)\n"
        ">> WANJIKU MWANGI [14:03:30]:  Can you hear me now?\n"
    )
    assert [turn[1:] for turn in _turns(text)] == [
        (None, "speech", "Welcome to the workshop."),
        (None, "note", "(Inaudible)"),
        ("Wanjiku Mwangi", "speech", "Can you hear me now?"),
    ]
