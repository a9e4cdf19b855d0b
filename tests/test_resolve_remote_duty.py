"""The chair naming who runs the online side with the duty said first ("Online, helping me with
the chat, is my colleague Mykola"): a moderator, not a guest. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nLYON, 3 DECEMBER 2019\nWORKSHOP: RIVERS AND CABLES\n\n"


def _roles(chair_words: str) -> dict[str | None, str]:
    text = (
        ">> ODILE MARCHETTI-BRUN:  Welcome, I am Odile Marchetti-Brun and I moderate.  "
        + chair_words
        + "  First, Pedro Almeida, please.\n\n"
        ">> PEDRO ALMEIDA:  Thank you.  I run the cable school in Porto.\n\n"
        ">> ODILE MARCHETTI-BRUN:  Thank you.  Basile, the chat?\n\n"
        ">> BASILE FONTANEL-ROUX:  Yes, one question from online, about the price of the boats.\n"
    )
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {p.name: p.role for p in cast.people}


def test_the_duty_said_before_the_name_makes_a_moderator() -> None:
    roles = _roles("Online, helping me with the chat, is my colleague Basile.")
    assert roles["Basile Fontanel-Roux"] == "moderator"
    assert roles["Pedro Almeida"] == "guest"


def test_a_name_after_a_duty_said_of_nobody_is_not_made_a_moderator() -> None:
    roles = _roles("Helping me with the chat would be nice, but Basile is here to speak.")
    assert roles["Basile Fontanel-Roux"] != "moderator"
