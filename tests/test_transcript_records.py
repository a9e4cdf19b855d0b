"""The fallback reader of files of repeating records (transcript/records.py): the head shape is
learned from each file, so export shapes it was never shown are read."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.records import RecordShape, learn_record_shape, read_records

# A meeting client's saved chat: a head line above each message, fixed words around the sender.
CHAT = """09:30:02 From  Co-host - Amara Diallo  to  Everyone:
\tGood morning, the recording has started.
09:30:40 From  Kwame Mensah (Ghana)  to  Everyone:
\tCan the slides be shared in the chat?
09:31:05 From  Co-host - Amara Diallo  to  Everyone:
\tYes, here they are.
09:31:06 From  Co-host - Amara Diallo  to  Everyone:
\thttps://example.org/slides.pdf
09:32:18 From  Galaxy S10  to  Everyone:
\tsorry, wrong window
"""

# A messaging group's export, a bracketed date and time, a system line with no colon.
GROUP = """[03/06/21, 18:01] Nadia Haddad: The remote hub is open, the stream starts at 18:15.
[03/06/21, 18:02] Omar Khalil: Is there a question queue?
[03/06/21, 18:02] Nadia Haddad added Leila Mansour
[03/06/21, 18:04] Nadia Haddad: Yes: send them here and I relay them.
[03/06/21, 18:09] +961 70 123 456: Who funds the local exchange point?
[03/06/21, 18:10] Omar Khalil: Good question, I was going to ask it too.
"""

# A summary record: each turn opens with a line that ends in "said:".
SAID = """SUMMARY RECORD -- OPEN FORUM ON SPECTRUM

The Chair said:
Welcome. Two short statements, then questions.
Mr. Paulo Tavares, National Regulator, said:
Spectrum for rural operators is now licensed by district. My minister said: start small.
A participant said:
Is the fee the same in every district?
Mr. Tavares said:
No, it follows population.
"""


def test_a_saved_chat_is_read_from_its_learned_head_shape() -> None:
    assert learn_record_shape(CHAT) == RecordShape("9:9:9 ", "From", "to")
    session = parse_transcript(CHAT)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (1, "Co-host - Amara Diallo", "Amara Diallo"),
        (3, "Kwame Mensah (Ghana)", "Kwame Mensah"),
        (5, "Co-host - Amara Diallo", "Amara Diallo"),  # two messages in a row: one turn
        (9, "Galaxy S10", None),
    ]
    assert session.turns[0].text == "Good morning, the recording has started."
    assert session.turns[2].text.endswith("https://example.org/slides.pdf")


def test_a_group_export_keeps_a_phone_number_sender_out_of_the_stamp() -> None:
    session = parse_transcript(GROUP)
    assert [t.label for t in session.turns] == [
        "Nadia Haddad",
        "Omar Khalil",
        "Nadia Haddad",
        "+961 70 123 456",
        "Omar Khalil",
    ]
    assert session.turns[2].text.startswith("Yes: send them here")
    assert session.turns[3].speaker is None


def test_a_record_of_said_lines_drops_the_fixed_word_and_the_comma() -> None:
    session = parse_transcript(SAID)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (3, "The Chair", None),
        (5, "Mr. Paulo Tavares, National Regulator", "Paulo Tavares"),
        (7, "A participant", None),
        (9, "Mr. Tavares", "Tavares"),
    ]
    assert "My minister said: start small." in session.turns[1].text


def test_no_record_shape_in_a_plain_caption_file_or_without_a_returning_name() -> None:
    plain = "JO LI: Good morning.\nANA RUIZ: Hello.\nJO LI: Thank you.\nANA RUIZ: Bye.\n"
    assert learn_record_shape(plain) is None
    once = "".join(f"10:0{i} - Person {'ABCDE'[i]}: hello there\n" for i in range(5))
    assert read_records(once) is None


def test_a_transcript_the_rules_read_is_not_read_as_records() -> None:
    text = "[00:00:01] >> JO LI: Good morning.\n[00:00:09] >> ANA RUIZ: Hello.\n[00:00:15] >> JO LI: Thanks.\n"
    assert read_records(text) is not None  # the shape is there, but the rules read every turn
    assert [t.line for t in parse_transcript(text).turns] == [1, 2, 3]


def test_a_chat_log_closes_the_name_with_the_bracket_its_stamp_opened() -> None:
    log = (
        "Session log: remote participation channel\n"
        "[14:01] <remote_mod> Welcome, the room can hear the questions you type here.\n"
        "[14:03] <kofi_a> Question: will the slides be posted?\n"
        "[14:04] <remote_mod> Yes, after the session.\n"
        "[14:06] <lina.k> Thanks: and the recording?\n"
        "[14:07] <remote_mod> Also, on the same page.\n"
    )
    session = parse_transcript(log)
    assert [(t.line, t.label) for t in session.turns] == [
        (2, "remote_mod"),
        (3, "kofi_a"),
        (4, "remote_mod"),
        (5, "lina.k"),
        (6, "remote_mod"),
    ]
    assert session.turns[1].text == "Question: will the slides be posted?"


# A web-mail chat as the mail client stores it: the time only above the first message of a new
# minute (AM and PM alike), the other messages on a line of their own, indented, ` Name: text`.
MAIL_CHAT = """Chat with Tomas Rivera
11:58 AM Tomas: is the session on spectrum starting?
 me: not yet, the room is still filling
 Tomas: ok, tell me who chairs it
12:01 PM me: the regulator chairs it, two speakers online
 Note: the stream has no captions yet
 Tomas: can you ask about rural licences?
12:04 PM Tomas: and the fees too
 me: I will try, the queue is long
"""


def test_a_mail_chat_reads_its_unstamped_indented_messages_as_heads() -> None:
    assert learn_record_shape(MAIL_CHAT) == RecordShape("9:9 m ", "", "")  # AM and PM: one stamp
    session = parse_transcript(MAIL_CHAT)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (2, "Tomas", "Tomas"),
        (3, "me", None),  # the account owner, whom the file never names
        (4, "Tomas", "Tomas"),
        (5, "me", None),
        (7, "Tomas", "Tomas"),  # two messages in a row, the second stamped: one turn
        (9, "me", None),
    ]
    # a continuation line with a colon whose word is no sender of the chat stays in the message
    assert (
        session.turns[3].text == "the regulator chairs it, two speakers online\n Note: the stream has no captions yet"
    )


def test_a_room_log_line_about_the_room_is_no_message_and_a_nickname_card_keeps_its_name() -> None:
    log = (
        "Conversation with hub-room@conference.example.org at 10:00:01 AM\n"
        "(10:00:05 AM) The topic is: Workshop 4 - remote hubs and local languages\n"
        "(10:01:10 AM) Ines Carvalho-Lopes: hello from the Porto hub\n"
        "(10:02:00 AM) Room Moderator: welcome, type questions here\n"
        "(10:03:12 AM) Ines Carvalho-Lopes is now known as Ines (Porto hub)\n"
        "(10:04:30 AM) Ines (Porto hub): can the panel speak about subtitles?\n"
        "(10:05:02 AM) Room Moderator: I will read it out\n"
    )
    session = parse_transcript(log)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (3, "Ines Carvalho-Lopes", "Ines Carvalho-Lopes"),
        (4, "Room Moderator", None),
        # the name the label states, not the whole name seen before: the card says who it is
        (6, "Ines (Porto hub)", "Ines"),
        (7, "Room Moderator", None),
    ]


# An invented parliament record: each speech under `Nr. n` (the record's own speech number),
# an office or a name in capitals and the party, the speech on the lines below.
NUMBERED = """Plenary record 2024:17

Nr. 1 Minister ELIN STRAND-HOLM (K):
Madam Speaker, the government supports the regional forum and will send a delegation.

Nr. 2 PER AALTO-NYMAN (V):
Madam Speaker, I thank the minister. Who pays for civil society to travel?

Nr. 3 Minister ELIN STRAND-HOLM (K):
Madam Speaker, the fund for travel is open to every organisation.

Nr. 4 PER AALTO-NYMAN (V):
Madam Speaker, that is good to hear.
"""


def test_a_speech_number_after_the_leading_word_is_no_part_of_the_label() -> None:
    session = parse_transcript(NUMBERED)
    assert [(t.label, t.speaker) for t in session.turns] == [
        ("Minister ELIN STRAND-HOLM (K)", "Elin Strand-Holm"),
        ("PER AALTO-NYMAN (V)", "Per Aalto-Nyman"),
        ("Minister ELIN STRAND-HOLM (K)", "Elin Strand-Holm"),
        ("PER AALTO-NYMAN (V)", "Per Aalto-Nyman"),
    ]


def test_a_numbered_voice_with_no_name_after_its_number_keeps_the_number() -> None:
    # `Speaker 2 (00:00:41):`: the number is the voice, no record number before a name
    text = "".join(
        f"Speaker {n} ({stamp}):\nWe should talk about {topic} now.\n\n"
        for n, stamp, topic in ((1, "00:00:04", "fees"), (2, "00:00:41", "masts"), (1, "00:01:20", "hours"))
    )
    shape = learn_record_shape(text)
    assert shape is not None and shape.lead == "Speaker"
    found = read_records(text)
    assert found is not None
    assert [m.label for m in found.marks] == ["1 (00:00:04)", "2 (00:00:41)", "1 (00:01:20)"]
