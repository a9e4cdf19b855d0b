"""Messenger copies: `Display name says:` above each message (`transcript/sayslines.py`).
Invented names and text."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sayslines import read_says_lines

CHAT = """*~ Rutendo Makoni ~* [Harare hub] says:
we have sound now
eleven people in the room
kofi_gh says:
same here. is the chair speaking?
Tomasz Wierzbowski - NASK intern has joined the conversation.
*~ Rutendo Makoni ~* [Harare hub] says:
yes, she says: "the list will be public"
kofi_gh may not reply because his or her status is set to Busy.
Tomasz Wierzbowski - NASK intern says:
hi all, sorry I am late
"""


def test_each_head_line_opens_a_message_and_names_its_sender() -> None:
    turns = parse_transcript(CHAT).turns
    assert [t.speaker for t in turns] == ["Rutendo Makoni", None, "Rutendo Makoni", "Tomasz Wierzbowski"]
    assert turns[0].text == "we have sound now\neleven people in the room"
    assert turns[1].label == "kofi_gh"  # a handle that never set a display name: no person


def test_system_lines_about_a_sender_are_no_speech() -> None:
    turns = parse_transcript(CHAT).turns
    assert turns[1].text == "same here. is the chair speaking?"  # "… has joined the conversation." trimmed
    assert turns[2].text == 'yes, she says: "the list will be public"'  # a quoted `says:` is speech


def test_says_quoted_in_captions_is_no_messenger_copy() -> None:
    captions = ">> JO LI: she says:\nwe agree\n>> ANA RUIZ: he says:\nno\n>> JO LI: she says:\nyes\n"
    assert read_says_lines(captions) is None
    assert read_says_lines("Ana says:\nhi\nBo says:\nhello\nCy says:\nhey\n") is None  # no sender comes back


def test_heads_above_dated_lines_are_a_blog_page_not_a_messenger_copy() -> None:
    names = ["Ana Ruiz", "Jo Li", "Ana Ruiz"]
    messenger = "".join(f"{name} says:\nA comment of {name} on the draft.\n" for name in names)
    blog = "".join(f"{name} says:\nMay 2, 2021 at 4:15 pm\nA comment of {name} on the draft.\n" for name in names)
    assert read_says_lines(messenger) is not None
    assert read_says_lines(blog) is None  # left to the web comment reader
