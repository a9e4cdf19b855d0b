"""A voice under somebody else's label (`resolve.borrowed`): a stand-in captioned under the name
of the absent speaker the chair announced joins the person it says it is; a speaker who only
mentions the label's person stays under the label. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nKATOWICE, 7 DECEMBER 2021\nYOUTH TRACK: RURAL JOBS\n\n"
OPENING = (
    ">> MODERATOR:  Welcome.  I am Ewa Kaczmarek, I moderate.  We expected Gulnara Temirova from the "
    "Osh Youth Agency, but a colleague speaks in her place.  Please, introduce yourself.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + OPENING + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_a_stand_in_under_the_absent_speakers_label_is_the_stand_in() -> None:
    people = _people(
        ">> GULNARA TEMIROVA:  Thank you.  First, I am not Gulnara, as you can see.  My name is Almaz "
        "Sadykov, I work with her in the Osh Youth Agency.  We train young people in the villages.\n\n"
        ">> MODERATOR:  Thank you, Almaz.  Any last words?\n\n"
        ">> ALMAZ SADYKOV:  Train the villages first.\n"
    )
    assert people["Almaz Sadykov"].lines == (7, 11)
    assert "GULNARA TEMIROVA" in people["Almaz Sadykov"].labels
    assert "Gulnara Temirova" not in people


def test_a_speaker_who_only_says_a_name_is_not_hers_keeps_the_label() -> None:
    # "I am not Almaz" said by the label's own person: nobody of the cast claimed, nothing joined
    people = _people(
        ">> GULNARA TEMIROVA:  Thank you.  I am not Almaz, I cannot speak for the ministry.  "
        "We train young people in the villages.\n\n"
        ">> MODERATOR:  Thank you, Gulnara.  Any last words?\n\n"
        ">> ALMAZ SADYKOV:  Train the villages first.\n"
    )
    assert people["Gulnara Temirova"].lines == (7,)
    assert people["Almaz Sadykov"].lines == (11,)
