"""A name its owner corrects (`resolve.corrected`): the lengthened surname the speaker says is
their name, the chair's earlier form an alias. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nLYON, 3 DECEMBER 2019\nWORKSHOP: RIVERS AND CABLES\n\n"

CHAIR = (
    ">> CHAIRMAN:  Welcome.  I am Odile Marchetti, I chair.  First panellist, please, and give me your name "
    "only afterwards.\n\n"
    ">> PANELIST:  Thank you.  The river cables break every winter and nobody repairs them before spring.\n\n"
    ">> CHAIRMAN:  Thank you very much.  That was Mr. Anselm Kowalczyk from the programme, I have it here.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_the_owner_lengthening_the_surname_is_the_persons_name() -> None:
    people = _people(
        CHAIR + ">> PANELIST:  One correction for the record.  It is Kowalczyk-Brenneis, with the hyphen, my "
        "mother's name.\n\n>> CHAIRMAN:  My apologies.  Now the floor.\n"
    )
    assert "Anselm Kowalczyk-Brenneis" in people
    assert "Anselm Kowalczyk" in people["Anselm Kowalczyk-Brenneis"].aliases


def test_another_surname_the_speaker_mentions_is_not_a_correction() -> None:
    people = _people(
        CHAIR + ">> PANELIST:  And I agree with what Mrs. Brenneis said yesterday about the winter.\n\n"
        ">> CHAIRMAN:  Thank you.  Now the floor.\n"
    )
    assert "Anselm Kowalczyk" in people
    assert not any(name and "Brenneis" in name for name in people)
