"""A surname the captioner types by ear two or three ways (`resolve.soundalike`): one person,
under the spelling the speech says; two people who share a first name stay two. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nLYON, 3 DECEMBER 2019\nWORKSHOP: RIVERS AND CABLES\n\n"

CHAIR = (
    ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  Our first speaker is "
    "Wojciech Szczygielski, I say it slowly: Wojciech Szczygielski.  Wojciech, please.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_a_surname_typed_by_ear_three_ways_is_one_person_under_the_spoken_spelling() -> None:
    people = _people(
        CHAIR + ">> VOJCIECH SHCHIGELSKI:  Thank you.  I work at Kablownia, a small firm in Opole that lays "
        "river cables.\n\n"
        ">> MODERATOR:  Thank you.  Now our online speaker, Marta, please.\n\n"
        ">> MARTA OKONJO-BELL:  Hello from Lagos.  Our cables break in the rainy season.\n\n"
        ">> WOJCIECH SZCZYGIELSKI:  One sentence more: the cables are cheap, the boats are not.\n\n"
        ">> MODERATOR:  Thank you.  Now the floor.\n\n"
        ">> PARTICIPANT:  A question to Wojciech: who pays the boats?\n\n"
        ">> WOJCIECH SHCYGELSKI:  The towns pay the boats, and they pay late.\n"
    )
    person = people["Wojciech Szczygielski"]
    assert set(person.labels) == {"VOJCIECH SHCHIGELSKI", "WOJCIECH SZCZYGIELSKI", "WOJCIECH SHCYGELSKI"}
    assert person.affiliation == "Kablownia"
    assert not any(name and name.startswith(("Vojciech", "Wojciech Sh")) for name in people)


def test_two_people_who_share_a_first_name_and_answer_each_other_stay_two() -> None:
    people = _people(
        ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  Leyla, please.\n\n"
        ">> LEYLA HASANOVA:  Thank you.  I run the river library in Ganja.\n\n"
        ">> MODERATOR:  Now the floor.\n\n"
        ">> LEYLA HASANLI:  Thank you, I am the other Leyla.  A question to you, Leyla: who pays the boats?\n\n"
        ">> LEYLA HASANOVA:  The towns pay, Leyla, and they pay late.\n"
    )
    assert {"Leyla Hasanova", "Leyla Hasanli"} <= set(people)


def test_a_third_speaker_of_that_first_name_keeps_all_of_them_apart() -> None:
    # "Kowalczyk" and "Kowalewska" are close enough to be one surname typed by ear; with a
    # third Anna in the room the first name no longer tells who is who
    people = _people(
        ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  Anna Kowalczyk, please.\n\n"
        ">> ANNA KOWALCZYK:  Thank you.  I run the cable school in Opole.\n\n"
        ">> MODERATOR:  Thank you.  Now Anna Nowak from Poznan.\n\n"
        ">> ANNA NOWAK:  Thank you.  I repair the boats.\n\n"
        ">> MODERATOR:  Thank you.  And Anna Kowalewska from Gdansk.\n\n"
        ">> ANNA KOWALEWSKA:  I teach the divers.\n"
    )
    assert {"Anna Kowalczyk", "Anna Nowak", "Anna Kowalewska"} <= set(people)


def test_surnames_far_apart_are_two_people() -> None:
    people = _people(
        ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  Pedro, please.\n\n"
        ">> PEDRO ALMEIDA:  Thank you.  I run the cable school in Porto.\n\n"
        ">> MODERATOR:  Thank you.  Now Marta.\n\n"
        ">> MARTA OKONJO-BELL:  Hello from Lagos.\n\n"
        ">> PEDRO FIGUEIREDO:  And I repair the boats in Faro.\n"
    )
    assert {"Pedro Almeida", "Pedro Figueiredo"} <= set(people)
