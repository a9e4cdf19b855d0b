"""Chat and meeting copies read by the shape of their head lines: a name and a stamp alone on a
line above the message (transcript/stampedheads.py), a chat log's bracketed nick after the time
(transcript/records.py), the shape learned from the file."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.stampedheads import read_stamped_heads

# A chat server copy: `Name — date time`, a role after a pipe, an emoji, a bot.
SERVER = """Rania Aziz — 03/14/2024 9:58 AM
Welcome to the questions channel. Start your question with Q please.
Pedro Alves | Mod — 03/14/2024 10:02 AM
Reading questions out after the first speaker.
Dana 🌵 — 03/14/2024 10:04 AM
Q for the panel: who funds the hubs? (edited)
Queue BOT — 03/14/2024 10:05 AM
1 minute left.
Dana 🌵 — 03/14/2024 10:06 AM
thanks!
And one more: is it recorded?
Pedro Alves | Mod — 03/14/2024 10:07 AM
Yes, it is recorded.
"""

# A messaging app copy: `Name, [dd.mm.yyyy hh:mm]`, a title line, a deleted account, a hub.
MESSAGES = """Remote hub chat, day 2 (copied)
Lars Nyberg, [02.10.2023 14:01]
Good afternoon from the Bergen hub.

Lars Nyberg, [02.10.2023 14:02]
Questions here, please.

Deleted Account, [02.10.2023 14:05]
can we get the slides?

Tromsø hub, [02.10.2023 14:07]
Hello from Tromsø: stream is fine.

Eva Lund, [02.10.2023 14:09]
Slides are on the page.
"""

# A meeting platform's document: `Name   m:ss`, a `started transcription` line.
MEETING = """Open forum 12-20241003_090000-Meeting Recording
October 3, 2024, 9:00AM
41m 2s

Eva Lund started transcription

Eva Lund   0:03
Good morning and welcome.

Eva Lund   0:09
We have three speakers.

Board Room 4 (Oslo)   0:15
Thank you. Can you hear us?

Karim Saleh (External)   0:31
Yes, loud and clear.
"""

# A chat client's channel log: join and mode lines, mode characters before the nick.
IRC = """--- Log opened Mon Nov 13 08:59:00 2006
09:00 -!- Jonas_Berg [~jb@host.example] has joined #ws4
09:00 -!- mode/#ws4 [+o ws4_mod] by ChanServ
09:01 <@ws4_mod> Welcome, type questions here.
09:02 < Jonas_Berg> Hello from Uppsala: the audio works.
09:02 < Jonas_Berg> but no video
09:03 < tk42> same here
09:04 <@ws4_mod> Video is coming back.
09:05 -!- tk42 [~t@x.example] has quit [Quit: bye]
09:06 < Jonas_Berg> thanks
"""


def test_a_server_copys_head_lines_start_turns_and_the_stamp_is_no_speech() -> None:
    session = parse_transcript(SERVER)
    assert [(t.line, t.speaker) for t in session.turns] == [
        (1, "Rania Aziz"),
        (3, "Pedro Alves"),  # a role after a pipe is no part of the name
        (5, "Dana"),  # nor an emoji
        (7, None),  # a bot
        (9, "Dana"),
        (12, "Pedro Alves"),
    ]
    assert session.turns[0].text.startswith("Welcome to the questions channel.")
    assert session.turns[4].text == "thanks!\nAnd one more: is it recorded?"  # continuation lines joined


def test_a_messaging_copy_joins_one_senders_messages_and_reads_a_deleted_account_as_no_person() -> None:
    session = parse_transcript(MESSAGES)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (2, "Lars Nyberg", "Lars Nyberg"),  # two messages in a row: one turn
        (8, "Deleted Account", None),
        (11, "Tromsø hub", "Tromsø Hub"),  # a hub is a voice of its own (`test_transcript_hub_labels`)
        (14, "Eva Lund", "Eva Lund"),
    ]
    first = session.turns[0].text
    assert first.startswith("Good afternoon from the Bergen hub.") and first.endswith("Questions here, please.")
    assert session.title.startswith("Remote hub chat")


def test_a_meeting_document_reads_name_and_time_lines() -> None:
    session = parse_transcript(MEETING)
    assert [(t.line, t.speaker) for t in session.turns] == [(7, "Eva Lund"), (13, None), (16, "Karim Saleh")]
    assert session.turns[0].text == "Good morning and welcome.\n\nEva Lund   0:09\nWe have three speakers."


def test_no_head_shape_in_prose_with_dates() -> None:
    prose = (
        "Minutes\nMeeting held 03/14/2024 10:02 AM\nThe chair opened the meeting.\nNext meeting 04/11/2024 10:00 AM\n"
    )
    assert read_stamped_heads(prose) is None
    # dated entries whose authors never come back: a list, not a conversation
    listing = "".join(f"Author {name} — 01/0{i}/2024 9:00 AM\nA note.\n" for i, name in enumerate("ABCD", 1))
    assert read_stamped_heads(listing) is None


def test_a_channel_log_reads_nicks_and_leaves_client_lines_in_the_turn() -> None:
    session = parse_transcript(IRC)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (4, "ws4_mod", None),
        (5, "Jonas_Berg", "Jonas Berg"),  # the mode character is no part of the nick; `_` is a space
        (7, "tk42", None),  # a handle, not a name
        (8, "ws4_mod", None),
        (10, "Jonas_Berg", "Jonas Berg"),
    ]
    assert session.turns[1].text.startswith("Hello from Uppsala: the audio works.")
    assert session.turns[1].text.endswith("but no video")
    assert "has quit" in session.turns[3].text  # a quit line stays in the turn before


def test_recent_messages_stamped_in_words() -> None:
    text = "Jo Li — Today at 3:04 PM\nhello all\nAna Ruiz — Today at 3:05 PM\nhi Jo, ready\nJo Li — Yesterday at 9:00 AM\nlet us start\n"
    assert [(t.line, t.speaker, t.text) for t in parse_transcript(text).turns] == [
        (1, "Jo Li", "hello all"),
        (3, "Ana Ruiz", "hi Jo, ready"),
        (5, "Jo Li", "let us start"),
    ]


def test_a_date_written_in_words_before_the_time_is_no_sender() -> None:
    # `June 3, 2023 at 9:12 am` under a blog's author line: the words before the time are a date
    page = "".join(
        f"{name} says:\nJune {day}, 2023 at 9:{day}0 am\nA note from {name}.\n\n"
        for day, name in enumerate(["Ana Ruiz", "Jo Li", "Ana Ruiz", "Jo Li"], start=1)
    )
    assert read_stamped_heads(page) is None
    assert [t.speaker for t in parse_transcript(page).turns] == ["Ana Ruiz", "Jo Li", "Ana Ruiz", "Jo Li"]
