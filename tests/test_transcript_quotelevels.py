"""A quoting follow-up: each quote level is the voice its attribution line names."""

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
