"""A meeting's chat pasted below or inside a caption transcript (transcript/chatblock.py): the
block's record shape learned from its own lines, its messages read as turns by the senders'
names, the caption turns left as they were."""

from __future__ import annotations

from forumlens.transcript.chatblock import chat_blocks
from forumlens.transcript.markers import line_starts
from forumlens.transcript.parse import parse_transcript

CAPTIONS = """WS 12: Open data in small islands
This text is based on live transcription.

>> LENA VOSS: Welcome. Please use the chat for questions; it will be published too.

>> TOMAS IRIBE: Thank you, Lena. Our registry opened its data in March.

>> LENA VOSS: Thank you all, see you in the chat.
"""

ZOOM = (
    CAPTIONS
    + """
CHAT LOG (exported)

10:02:11 From Lena Voss (host) to Everyone: Questions here please.
10:05:40 From Aroha Ngata to Everyone: Will the registry publish the historic files too?
10:06:02 From Tomas Iribe to Everyone: @Aroha yes, from 1990 onwards.
10:09:15 From Aroha Ngata to Everyone: thanks!
"""
)


def _lines(session_text: str) -> list[str]:
    return session_text.split("\n")


def test_a_zoom_chat_below_the_captions_is_read_as_turns_by_sender() -> None:
    s = parse_transcript(ZOOM)
    labels = [t.label for t in s.turns]
    assert labels == [
        "LENA VOSS",
        "TOMAS IRIBE",
        "LENA VOSS",
        "Lena Voss (host)",
        "Aroha Ngata",
        "Tomas Iribe",
        "Aroha Ngata",
    ]
    assert [t.index for t in s.turns] == list(range(7))
    lines = _lines(ZOOM)
    asked = s.turns[4]
    assert asked.kind == "speech" and asked.speaker == "Aroha Ngata"
    assert asked.text == "Will the registry publish the historic files too?"
    assert lines[asked.line - 1].endswith(asked.text)  # 1-based line of the original file
    assert all(ZOOM[t.start : t.end] == t.text for t in s.turns)


def test_the_caption_turn_above_the_chat_ends_before_its_heading() -> None:
    s = parse_transcript(ZOOM)
    last_caption = s.turns[2]
    assert last_caption.text == "Thank you all, see you in the chat."
    assert all("CHAT LOG" not in t.text for t in s.turns)


BRACKETED = """>> ANA RUIZ: Good morning, the chat is open for the hub in Lima.

>> JO LI: Thank you, Ana. We start with the survey results.

[10:02] Pedro Alves: hello from Lima
[10:04] Marta Gil: question for Jo: is the survey data public?
it would help our chapter
[10:05] Pedro Alves: +1
[10:07] Jo Li: yes, on our site next week

>> ANA RUIZ: Back to the room. Jo, the next slide please.
"""


def test_an_embedded_chat_block_without_fixed_words_is_read_when_names_come_back() -> None:
    s = parse_transcript(BRACKETED)
    assert [t.speaker for t in s.turns] == [
        "Ana Ruiz",
        "Jo Li",
        "Pedro Alves",
        "Marta Gil",
        "Pedro Alves",
        "Jo Li",
        "Ana Ruiz",
    ]
    marta = s.turns[3]
    assert marta.text == "question for Jo: is the survey data public?\nit would help our chapter"
    assert (marta.line, marta.end_line) == (6, 7)
    assert s.turns[1].text == "Thank you, Ana. We start with the survey results."
    assert s.turns[-1].text.startswith("Back to the room.")


def test_stamped_caption_lines_the_rules_read_are_no_chat_block() -> None:
    text = """>> JO LI: Welcome to the session.

[00:12:01] >> ANA RUIZ: Thank you, Jo.
[00:12:30] >> JO LI: Ana, your first point.
[00:13:02] >> ANA RUIZ: Funding for the hubs.
[00:14:10] >> JO LI: Thank you.
"""
    s = parse_transcript(text)
    assert chat_blocks(text, list(s.turns), line_starts(text)) == []
    assert [t.label for t in s.turns] == ["JO LI", "ANA RUIZ", "JO LI", "ANA RUIZ", "JO LI"]


def test_stamped_minutes_with_no_recurring_name_stay_caption_text() -> None:
    text = """>> JO LI: The agenda for the afternoon, as sent:

10:00 Opening: the chair welcomes the room
11:00 Coffee break: in the hall
12:00 Closing remarks: the host country

>> ANA RUIZ: Thank you, Jo.
"""
    s = parse_transcript(text)
    assert [t.label for t in s.turns] == ["JO LI", "ANA RUIZ"]
    assert "11:00 Coffee break" in s.turns[0].text


def test_a_chat_with_each_message_on_the_line_below_its_head() -> None:
    text = CAPTIONS + (
        "\n00:12:05\tFrom  Aroha Ngata  to  Everyone:\n\tIs the registry data licensed openly?\n"
        "00:13:40\tFrom  Tomas Iribe  to  Everyone:\n\tyes, CC BY\n"
        "00:14:02\tFrom  Aroha Ngata  to  Everyone:\n\tgreat, thanks\n"
    )
    s = parse_transcript(text)
    chat = s.turns[3:]
    assert [(t.speaker, t.text) for t in chat] == [
        ("Aroha Ngata", "Is the registry data licensed openly?"),
        ("Tomas Iribe", "yes, CC BY"),
        ("Aroha Ngata", "great, thanks"),
    ]
    assert [t.line for t in chat] == [10, 12, 14]
    assert s.turns[2].text == "Thank you all, see you in the chat."
