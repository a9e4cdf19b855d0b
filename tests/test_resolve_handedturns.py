"""An unmarked turn right after a hand-off said to one speaker by first name is that speaker's
(`resolve.handedturns`); anything else stays an unnamed voice. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.handedturns import handed_to
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nSHARM EL SHEIKH, 16 NOVEMBER 2009\nOPEN FORUM: SMALL ISLANDS\n\n"
PANEL = (
    ">> MODERATOR:  Welcome.  My name is Mereoni Vakacegu, I moderate from the table.  With us online is "
    "Tomasi Lalabalavu, from the Lau Islands Radio Trust.  Tomasi, we start with you.\n\n"
    ">> TOMASI LALABALAVU:  Thank you, Mereoni.  Our radio reaches nine islands.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_a_bare_turn_after_the_chair_unmutes_someone_is_theirs() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  Tomasi, I have unmuted you again, please go on.\n\n"
        ">> Hello?  Yes.  The second island has no power in the evening.\n\n"
        ">> MODERATOR:  Thank you all, the session is closed.\n"
    )
    assert people["Tomasi Lalabalavu"].lines == (7, 11)
    assert None not in people


def test_a_bare_turn_after_a_name_and_a_question_mark_is_theirs() -> None:
    people = _people(PANEL + ">> MODERATOR:  One last word.  Tomasi?\n\n>> Keep the radios on the air.\n")
    assert people["Tomasi Lalabalavu"].lines == (7, 11)


def test_a_bare_turn_that_thanks_the_one_called_stays_unnamed() -> None:
    # somebody answering Tomasi, not Tomasi: the captions do not say who
    people = _people(PANEL + ">> MODERATOR:  Tomasi, the last word.\n\n>> Thank you, Tomasi, we heard you.  Goodbye.\n")
    assert people["Tomasi Lalabalavu"].lines == (7,)
    assert people[None].lines == (11,)


def test_a_bare_turn_after_a_hand_off_in_an_earlier_sentence_stays_unnamed() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Tomasi, thank you.  Now the room, please.\n\n>> I am from Nadi, a question.\n"
    )
    assert people["Tomasi Lalabalavu"].lines == (7,)
    assert people[None].lines == (11,)


def test_handed_to_reads_the_last_sentence_only() -> None:
    assert handed_to("Thank you.  And Dorota, the last word goes to Kraków.") == "Dorota"
    assert handed_to("Kofi?") == "Kofi"
    assert handed_to("Kofi, thank you.  Now the room.") is None
    assert handed_to("Thank you, the last word.") is None
    assert handed_to("Yes, please.") is None
