"""A quoting follow-up: each quote level is the voice its attribution line names."""

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.quotelevels import read_quote_levels

from .marks_support import marked

# An invented follow-up: the poster in the header, one writer quoted, and that writer's quote
# of another behind `>>`, each level introduced by the line right above it.
FOLLOW_UP = """From: "Lucia Brandt" <lucia@radio.example.org>
Subject: Re: fee table
Date: Mon, 11 Mar 2024 09:12:00 +0100

Tomas Lind <tomas@wave.example.org> wrote in message news:abc@example.org...
> Amara Osei wrote:
>> Should the fee follow the licence class?
>> The stations asked for hours on air.
>
> Hours on air is fairer for small stations.

I agree with Tomas. The class says nothing about the hours.

> It also needs a cap.

A cap at the community rate would do.
"""


def test_each_quote_level_is_its_writers_turn_in_the_order_shown() -> None:
    assert marked(read_quote_levels, FOLLOW_UP, 14) == [
        ("Amara Osei", "Should the fee"),
        ("Tomas Lind", "Hours on air i"),
        ("Lucia Brandt", "I agree with T"),
        ("Tomas Lind", "It also needs "),
        ("Lucia Brandt", "A cap at the c"),
    ]


def test_quoted_lines_without_an_attribution_are_no_turns() -> None:
    assert read_quote_levels("Notes\n\n> a quoted line\n> another one\n\nmy answer here\n") is None


def test_a_quote_of_captions_is_left_to_their_own_labels() -> None:
    mail = (
        "Jo Li wrote:\n> CHAIR: Welcome to the workshop.\n> ANA RUIZ: Thank you, chair.\n\n"
        "Here is the part I meant.\n\n> CHAIR: Next speaker.\n\nThanks, Jo\n"
    )
    assert read_quote_levels(mail) is None
    turns = parse_transcript(mail).turns
    assert [t.label for t in turns][:2] == ["CHAIR", "ANA RUIZ"]


def test_the_parse_reads_a_follow_up_by_its_quote_levels() -> None:
    labels = [t.label for t in parse_transcript(FOLLOW_UP).turns]
    assert labels == ["Amara Osei", "Tomas Lind", "Lucia Brandt", "Tomas Lind", "Lucia Brandt"]


# An invented echomail message as a reader program shows it: a fixed-width header (keys padded
# before the colon, address and date in columns), an attribution a blank line above the quote,
# quoted lines behind the quoted writer's initials (` TL> `), replies between them.
ECHOMAIL = """ Msg  : 12 of 40
 From : Lucia Brandt                 2:50/11.3      Mon 11 Mar 24 09:12
 To   : Tomas Lind                                 Mon 11 Mar 24 10:40
 Subj : Re: fee table

Monday March 10 2024 18:02, Tomas Lind wrote to All:

 TL> Should the fee follow the licence class?

No, the hours on air: small stations broadcast a few hours a day.

 TL> And the shared masts?

They need a line of their own in the table.
"""


def test_initials_before_the_quote_mark_and_a_padded_header_name_the_voices() -> None:
    assert marked(read_quote_levels, ECHOMAIL, 9) == [
        ("Tomas Lind", "Should th"),
        ("Lucia Brandt", "No, the h"),
        ("Tomas Lind", "And the s"),
        ("Lucia Brandt", "They need"),
    ]


def test_an_attribution_opening_with_its_date_names_the_writer_after_it() -> None:
    reply = """From: Lucia Brandt <lucia@radio.example.org>

On Mon, 11 Mar 2024, Tomas Lind <tomas@wave.example.org> wrote:
> Should the fee follow the licence class?

No, the hours on air.

> And the shared masts?

A line of their own.
"""
    assert [label for label, _ in marked(read_quote_levels, reply, 5)] == [
        "Tomas Lind",
        "Lucia Brandt",
        "Tomas Lind",
        "Lucia Brandt",
    ]
