"""Who chairs a lightning talk (`resolve.chairs`, issue 22, round 17): the voice that opens,
introduces the speaker by name and hands her the stage, then keeps the time and takes the
close, chairs it; the introduced speaker who holds most of the words presents, even when she
calls on the floor's questions herself.

Inputs are invented (people, bodies and sentences written for this file); the rule is also
checked where it must not apply: a chair who opens and introduces the first of several
panellists, none of whom holds most of the words.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2019 - Day 2 - Village Stage - Lightning Talk #9 Bus Stops Online\n\n"
HOST_OPENS = (
    ">> GRETA LINDQVIST-ABARA:  Hello, we continue with the next lightning talk.  Twenty minutes, "
    "fifteen for the talk and five for the questions.  Our speaker is Oyelaran, she comes from "
    "Ibadan.  Oyelaran, the stage is yours.\n\n"
)
TALK = (
    ">> OYELARAN ADEWUMI-STROUD:  Thank you.  "
    + "We put every bus stop of the city on a map, with the times, and the drivers send the delays.  " * 8
    + "\n\n"
    ">> GRETA LINDQVIST-ABARA:  Two minutes, Oyelaran.\n\n"
    ">> OYELARAN ADEWUMI-STROUD:  Okay.  "
    + "So the ask is simple: the city should publish the timetable as open data, every week.  "
    * 4
    + "Questions?  Yes, Tunde, you first.\n\n"
    ">> PARTICIPANT:  Tunde Bakare-Linton, from Lagos.  Do the drivers get paid for the delays?\n\n"
    ">> OYELARAN ADEWUMI-STROUD:  No, Tunde, they do it because the passengers shout less.  "
    "And Ifeoma, you had your hand up.\n\n"
    ">> PARTICIPANT:  Ifeoma Chukwu-Barlow.  Who keeps the map when you stop?\n\n"
    ">> OYELARAN ADEWUMI-STROUD:  The university, Ifeoma, it is in their budget now.\n\n"
    ">> GRETA LINDQVIST-ABARA:  We are out of time, thank you Oyelaran, the next talk starts now.\n"
)


def _roles(text: str) -> dict[str | None, str]:
    return {p.name: p.role for p in resolve_session(parse_transcript(text, source="t.txt")).people}


def test_the_host_who_introduces_the_talk_chairs_and_the_speaker_presents() -> None:
    roles = _roles(HEADER + HOST_OPENS + TALK)
    assert roles["Greta Lindqvist-Abara"] == "moderator"
    assert roles["Oyelaran Adewumi-Stroud"] == "guest"


def test_a_chair_introducing_the_first_of_a_panel_is_no_talk_host_rule() -> None:
    text = (
        "IGF 2019 - Day 2 - Workshop #40 Bus Stops Online\n\n"
        ">> GRETA LINDQVIST-ABARA:  Welcome to this workshop.  We have three panellists.  Our first "
        "speaker is Oyelaran.  Oyelaran, the floor is yours.\n\n"
        ">> OYELARAN ADEWUMI-STROUD:  Thank you.  We map the bus stops of the city.\n\n"
        ">> GRETA LINDQVIST-ABARA:  Thank you.  Next, Ruth, please.\n\n"
        ">> RUTH OKONKWO-HALE:  Thank you.  "
        + "We train the drivers on the app, and they send the delays every morning, in three languages.  " * 6
        + "\n\n>> GRETA LINDQVIST-ABARA:  Thank you both.  We close here.\n"
    )
    roles = _roles(text)
    assert roles["Greta Lindqvist-Abara"] == "moderator"
    assert roles["Oyelaran Adewumi-Stroud"] == roles["Ruth Okonkwo-Hale"] == "guest"
