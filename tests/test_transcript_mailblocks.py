"""A reply chain pasted as text: each message under its header block, the author in one field."""

import re

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


# An invented reply history from two mail programs: the fields in another order in each block,
# a lower-case `cc:` inside one, and the authors given by a directory's hierarchical names.
HISTORY = """Subject: Re: room booking
From: Ana Moraru/BUC/EXNET
To: Lior Katz/TLV/EXNET@EXNET
Date: 03/02/2009 10:15 AM

Lior, the room is booked for the whole afternoon.
Ana

-----Lior Katz/TLV/EXNET wrote: -----

To: Ana Moraru/BUC/EXNET@EXNET
From: Lior Katz/TLV/EXNET
Date: 03/02/2009 08:40AM
cc: rooms@lists.example.org
Subject: room booking

Could you book the small room for the afternoon session?
Lior
"""


def test_blocks_holding_the_same_fields_in_another_order_are_one_chain() -> None:
    assert marked(read_mail_blocks, HISTORY, 10) == [("Ana Moraru", "Lior, the "), ("Lior Katz", "Could you ")]


def test_blocks_sharing_too_few_fields_are_no_chain() -> None:
    # the same two messages with only two fields in common (From, Date): not the header of one chain
    other = HISTORY.replace("Subject: Re: room booking\n", "Priority: normal\n").replace("To: Lior", "Reply-To: Lior")
    assert read_mail_blocks(other) is None


def test_a_message_forwarded_inside_the_chain_is_a_turn_of_its_sender() -> None:
    forwarded = HISTORY + (
        "----- Forwarded by Lior Katz/TLV/EXNET on 02.03.2009 08:30 -----\n"
        '"Noa Ben-Ami" <noa@rooms.example.org>\n'
        "02.03.2009 08:02\n"
        "To rooms@lists.example.org\n"
        "\n"
        "The small room has no projector this week.\n"
    )
    assert [label for label, _ in marked(read_mail_blocks, forwarded, 4)] == ["Ana Moraru", "Lior Katz", "Noa Ben-Ami"]
    assert marked(read_mail_blocks, forwarded, 12)[2] == ("Noa Ben-Ami", "The small ro")


def test_a_sender_line_with_no_separator_above_is_no_message() -> None:
    quoted = HISTORY + '\n"Noa Ben-Ami" <noa@rooms.example.org>\n\nThe small room has no projector.\n'
    assert len(marked(read_mail_blocks, quoted, 4)) == 2


# A list digest: each message under `From:` / `Date:` / `Url:`; the second quotes the first under
# an attribution line, then a third message; a quote whose attribution names an address alone.
QUOTING_DIGEST = """Topic: Hub report
---------- 1 of 3 ----------
From: Leilani Fonotau-Reyes <leilani@example.org>
Date: Mar 2 10:11AM +1300
Url: https://lists.example.org/msg/1

The hub in Suva had forty people and a good link all afternoon.

---------- 2 of 3 ----------
From: "Petelo Amituanai" <petelo@example.org>
Date: Mar 2 11:40AM +1300
Url: https://lists.example.org/msg/2

Great to hear. Could you share the attendance sheet?

On Monday, 2 March 2020 10:11:04 UTC+13, Leilani Fonotau-Reyes wrote:
> The hub in Suva had forty people and a good link all afternoon.

We should cite it in the report.

---------- 3 of 3 ----------
From: Ana Tuilagi <ana.t@example.org>
Date: Mar 3 08:02AM +1300
Url: https://lists.example.org/msg/3

Sent it to both of you.

On Mon, Mar 2, 2020, petelo@example.org wrote:
> Could you share the attendance sheet?
"""


def test_a_quote_under_its_attribution_is_the_quoted_writers_turn() -> None:
    turns = parse_transcript(QUOTING_DIGEST).turns
    assert [(t.speaker, t.text.split("\n")[0]) for t in turns] == [
        ("Leilani Fonotau-Reyes", "The hub in Suva had forty people and a good link all afternoon."),
        ("Petelo Amituanai", "Great to hear. Could you share the attendance sheet?"),
        ("Leilani Fonotau-Reyes", "The hub in Suva had forty people and a good link all afternoon."),
        ("Petelo Amituanai", "We should cite it in the report."),
        # an address alone before `wrote:` names nobody: the quote stays in the message
        ("Ana Tuilagi", "Sent it to both of you."),
    ]
    assert "attendance sheet" in turns[-1].text


# An invented list digest in the hosted-groups style: an index of `From:` names, then each
# message under a numbered subject line and a short head of two fields (`Posted by:` with the
# name in quotes, the address and the member's ID; `Date:`), a repeated topic line and a rule
# after each message, a member known by her ID alone, and the group's attribution of a quote.
SHORT_HEADS = """Messages In This Digest (3 Messages)

1a. Re: hub booking
    From: Kwame Asante-Boateng
1b. Re: hub booking
    From: Ines Vieira-Matos

Messages
______________________________________________________________
1a. Re: hub booking
    Posted by: "Kwame Asante-Boateng" kwame@example.org   kwame_ab
    Date: Mon Oct 3, 2011 9:02 am ((PDT))

Hello all, the room for the hub is booked for Thursday afternoon.

Messages in this topic (3)
______________________________________________________________
1b. Re: hub booking
    Posted by: "Ines Vieira-Matos" ines@example.org   inesvm
    Date: Mon Oct 3, 2011 11:40 am ((PDT))

Thanks. Is there a projector?

--- In hubs@example-groups.com, "Kwame Asante-Boateng" <kwame@...> wrote:
>
> Hello all, the room for the hub is booked for Thursday afternoon.

Messages in this topic (3)
______________________________________________________________
1c. Re: hub booking
    Posted by: "tala.f" tala.f@example.org   tala.f
    Date: Mon Oct 3, 2011 1:15 pm ((PDT))

Yes, I will bring mine.

Messages in this topic (3)
______________________________________________________________
"""


def test_a_digest_with_two_field_heads_is_read_by_its_posted_by_names() -> None:
    assert marked(read_mail_blocks, SHORT_HEADS, 10) == [
        ("Kwame Asante-Boateng", "Hello all,"),
        ("Ines Vieira-Matos", "Thanks. Is"),
        # the group's attribution line: the quote is the quoted writer's, its speech after the bare `>`
        ("Kwame Asante-Boateng", "Hello all,"),
        # a member shown by her ID alone: the account name, read as a handle
        ("tala.f", "Yes, I wil"),
    ]


def test_the_parse_reads_a_digest_without_field_labels_or_its_repeated_lines() -> None:
    turns = parse_transcript(SHORT_HEADS).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Kwame Asante-Boateng", "Kwame Asante-Boateng"),
        ("Ines Vieira-Matos", "Ines Vieira-Matos"),
        ("Kwame Asante-Boateng", "Kwame Asante-Boateng"),
        ("tala.f", None),  # an account name, no person
    ]
    # the topic line repeated under every message and the rules are the digest's, not speech
    assert not any("Messages in this topic" in t.text or "____" in t.text for t in turns)


def test_two_field_heads_need_a_name_and_a_date_in_three_messages() -> None:
    # the same digest with two messages only: two short heads are not enough evidence
    two = SHORT_HEADS.split("1c. Re: hub booking\n    Posted")[0]
    assert read_mail_blocks(two) is None
    # a date field without a digit is no date: the pair of fields is no message head
    undated = re.sub(r"Date: .*", "Date: Monday morning", SHORT_HEADS)
    assert read_mail_blocks(undated) is None


def test_a_caption_dialogue_of_two_roles_is_no_digest() -> None:
    # two roles speaking in turn, three times, with an address said: no date, no message head
    dialogue = "\n\n".join(
        f"CHAIR: Please write to {a}@example.org with comments.\nSPEAKER: Thank you, I will write."
        for a in ("info", "desk", "secretariat")
    )
    assert read_mail_blocks(dialogue) is None


# Invented digests of a groups service in two of its plain-text styles: each message under a
# numbered separator line and a `Date:` / `From:` pair; and a topic digest whose head is one line,
# the sender with the address and the date after a colon.
NUMBERED_DIGEST = """TOPIC: hub booking
==============================================================================

== 1 of 3 ==
Date: Mon, Oct 3 2011 9:02 am
From: "Kwame Asante-Boateng" <kwame@example.org>

The room for the hub is booked for Thursday.


== 2 of 3 ==
Date: Mon, Oct 3 2011 11:40 am
From: "Ines Vieira-Matos" <ines@example.org>

Is there a projector?


== 3 of 3 ==
Date: Mon, Oct 3 2011 1:15 pm
From: Tala Fifita <tala@example.org>

Yes, I will bring mine.
"""

TOPIC_DIGEST = """Topic digest

hub booking
Kwame Asante-Boateng <kwame@example.org>: Oct 03 09:02AM -0700

The room for the hub is booked for Thursday.

Ines Vieira-Matos <ines@example.org>: Oct 03 11:40AM -0700

Is there a projector?

Tala Fifita <tala@example.org>: Oct 03 01:15PM -0700

Yes, I will bring mine.
"""


def test_digests_of_other_services_are_read_by_their_message_heads() -> None:
    expected = [("Kwame Asante-Boateng", "The room"), ("Ines Vieira-Matos", "Is there"), ("Tala Fifita", "Yes, I w")]
    assert marked(read_mail_blocks, NUMBERED_DIGEST, 8) == expected
    assert marked(read_mail_blocks, TOPIC_DIGEST, 8) == expected
    # the separator line above each head (`== 2 of 3 ==`) is the head's, not the message above's
    turns = parse_transcript(NUMBERED_DIGEST).turns
    assert turns[0].text == "The room for the hub is booked for Thursday."


def test_one_line_heads_need_three_messages() -> None:
    two = TOPIC_DIGEST.split("Tala Fifita")[0]
    assert read_mail_blocks(two) is None
