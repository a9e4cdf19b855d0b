"""A reply chain pasted as text: each message under its header block, the author in one field."""

from forumlens.transcript.mailblocks import field_name, read_mail_blocks
from forumlens.transcript.parse import parse_transcript

from .marks_support import marked

# An invented chain: three messages with the same four header fields, newest first.
CHAIN = """From: Amara Osei [mailto:amara@radio.example.org]
Sent: Monday, March 11, 2024 9:12 AM
To: Lucia Brandt; licences@list.example.org
Subject: RE: fee table

Lucia, agreed. I will put the hours-on-air fee into the draft.
Amara

-----Original Message-----
From: licences-bounces@list.example.org [mailto:licences-bounces@list.example.org] On Behalf Of Lucia Brandt
Sent: Sunday, March 10, 2024 8:40 PM
To: licences@list.example.org
Subject: Re: fee table

The fee should follow the hours on air, not the licence class.

-----Original Message-----
From: Tomas Lind [mailto:tomas@wave.example.org]
Sent: Sunday, March 10, 2024 6:02 PM
To: licences@list.example.org
Subject: fee table

Can we agree on the fee table before the consultation closes?
"""


def test_each_message_is_a_turn_of_its_from_field() -> None:
    assert marked(read_mail_blocks, CHAIN, 12) == [
        ("Amara Osei", "Lucia, agree"),
        ("licences-bounces@list.example.org On Behalf Of Lucia Brandt", "The fee shou"),
        ("Tomas Lind", "Can we agree"),
    ]


def test_a_single_header_block_is_no_chain() -> None:
    one = CHAIN.split("-----Original Message-----")[0]
    assert read_mail_blocks(one) is None


def test_a_field_names_a_writer_only_when_its_value_is_a_name() -> None:
    assert field_name('From: "Jo Li" <jo@x.example.org>') == "Jo Li"
    assert field_name("Date: Thu, 2 Nov 2006 00:17:43 +0200") is None  # a date
    assert field_name("Subject: Re: the fee table for small stations") is None  # a subject
    assert field_name("the fee: follows the hours") is None  # no field


def test_the_parse_reads_a_chain_by_its_messages_not_its_fields_as_labels() -> None:
    session = parse_transcript(CHAIN)
    assert [t.label for t in session.turns][::2] == ["Amara Osei", "Tomas Lind"]
    assert not {"From", "Sent", "To", "Subject"} & {t.label for t in session.turns}
    assert session.turns[1].text.startswith("The fee should follow the hours on air")


# An invented list digest of two messages under six header fields each; the second sender in the
# older `address (Name)` form.
DIGEST = """Radio-List Digest, Vol 3, Issue 2

Message: 1
Date: Mon, 11 Mar 2024 09:12:00 +0000
From: Amara Osei <amara@radio.example.org>
Subject: [Radio-List] fee table
To: radio-list@list.example.org
Message-ID: <1@radio.example.org>

The fee should follow the hours on air, not the licence class.

------------------------------

Message: 2
Date: Mon, 11 Mar 2024 10:40:00 +0000
From: lucia@wave.example.org (Lucia Brandt)
Subject: Re: [Radio-List] fee table
To: radio-list@list.example.org
Message-ID: <2@wave.example.org>

Agreed, and shared masts need a line of their own.
"""


def test_a_digest_of_two_messages_is_read_by_its_long_headers_and_the_name_in_brackets() -> None:
    assert marked(read_mail_blocks, DIGEST, 9) == [("Amara Osei", "The fee s"), ("Lucia Brandt", "Agreed, a")]


def test_two_short_header_blocks_are_not_enough() -> None:
    short = "\n\n".join(
        f"From: {name}\nDate: 11 March 2024\nSubject: fee table\n\n{text}"
        for name, text in (("Amara Osei", "The fee is too high."), ("Lucia Brandt", "Agreed, it is."))
    )
    assert read_mail_blocks(short) is None
