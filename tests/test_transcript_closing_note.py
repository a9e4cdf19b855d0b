"""A note that the session is over after the last speaker's words ("… Thank you all. (Session
ends)", on their line or alone below) is a note turn, and "[Transcript ends]" is no turn: neither
is the speaker's words (`transcript.turns._closing_note`). Other notes closing a turn stay in
it, as the annotated samples read them. Invented names."""

from __future__ import annotations

import pytest

from forumlens.analyse.stats import count_words
from forumlens.transcript.parse import parse_transcript

_OPENING = ">> LERATO MOKOENA: Welcome to the clinic on rural backhaul.\n\n"


@pytest.mark.parametrize("note", ["(Session ends)", "[Meeting adjourned]", "(End of session.)", "(The workshop ended)"])
@pytest.mark.parametrize(("gap", "line"), [(" ", 3), ("\n\n", 5)])
def test_a_closing_note_after_the_speech_is_a_note_turn(note: str, gap: str, line: int) -> None:
    text = f"{_OPENING}>> TOMAS BERG: We are out of time. Thank you all.{gap}{note}\n"
    *_, speech, closing = parse_transcript(text, source="close.txt").turns
    assert (speech.label, speech.kind, speech.text) == ("TOMAS BERG", "speech", "We are out of time. Thank you all.")
    assert (closing.label, closing.kind, closing.text, closing.line) == (None, "note", note, line)
    assert text[closing.start : closing.end] == note and text[speech.start : speech.end] == speech.text
    assert count_words(speech.text) == 8


@pytest.mark.parametrize(
    "body",
    [
        "Thank you all. (Applause)",  # a reaction to the speech stays with it
        "The session ends when the chair says so (laughs)",
        "We will close. The session ends now.",  # said, not noted
        "Thank you all. (Connection ends)",  # not the session's end
    ],
)
def test_other_turn_endings_stay_in_the_speech(body: str) -> None:
    turns = parse_transcript(f"{_OPENING}>> TOMAS BERG: {body}\n", source="close.txt").turns
    assert [(t.label, t.kind) for t in turns] == [("LERATO MOKOENA", "speech"), ("TOMAS BERG", "speech")]
    assert turns[-1].text == body


def test_a_closing_note_alone_after_a_marker_is_still_one_note() -> None:
    turns = parse_transcript(f"{_OPENING}>> (Session ends)\n", source="close.txt").turns
    assert [(t.kind, t.text) for t in turns][-1] == ("note", "(Session ends)")


def test_the_transcripts_end_is_no_turn_and_no_speech() -> None:
    text = f"{_OPENING}>> TOMAS BERG: Thank you all.\n\n[Transcript ends]\n"
    turns = parse_transcript(text, source="close.txt").turns
    assert [(t.label, t.kind, t.text) for t in turns][-1] == ("TOMAS BERG", "speech", "Thank you all.")


def test_a_time_stamp_opening_the_closing_line_is_not_left_in_the_speech() -> None:
    text = (
        "[14:18:02] LERATO MOKOENA: Welcome to the clinic on rural backhaul.\n\n"
        "[14:18:40] AMARA OKAFOR: Towers cost too much for small operators.\n\n"
        "[14:18:58] LERATO MOKOENA: Tomas, your last word please.\n\n"
        "[14:19:14] TOMAS BERG: Thank you all.\n\n[14:19:30] (End of session)\n"
    )
    *_, speech, closing = parse_transcript(text, source="close.txt").turns
    assert (speech.text, closing.kind, closing.text) == ("Thank you all.", "note", "(End of session)")
