"""A generic label several people speak under (">> PANELIST:" for two panellists) is split among
the people the chair hands the floor to, the people the session introduced in full included;
a turn the next named voice thanks by name is that person's; a turn with no evidence stays with
the generic voice (`resolve.selfnames.split_shared_voices`, `resolve.thankednext`). Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.thankednext import thanked_at_opening
from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2017 - Day 2 - Room XI - Flash Session: Rooftop Radio Links\n\n***\n\n"
# One panellist has a label of her own later; the other is only ever ">> PANELIST:", and the
# chair introduces both in full, then hands over by first name.
OPENING = (
    ">> MODERATOR:  Good morning.  My name is Ottilie Brandvold, from the Fjordnett Cooperative.  "
    "With me is Kwabena Osei-Tutu, from the Ashanti Mesh Trust, and online we have Itzíar Goikoetxea, "
    "who runs a village network in Navarra.  Vivek, is everybody connected?\n\n"
    ">> REMOTE MODERATOR:  Yes, everybody is connected, and six people watch online.\n\n"
    ">> MODERATOR:  Good.  Kwabena, you start.\n\n"
    ">> PANELIST:  Thank you, Ottilie.  We put eleven radio links on church towers.\n\n"
    ">> MODERATOR:  Eleven towers.  Itzíar, over to you.\n\n"
    ">> PANELIST:  Yes, hello from Pamplona.  Our links are on the water tanks.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def _unnamed_lines(text: str, label: str) -> list[tuple[int, ...]]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return [p.lines for p in cast.people if p.name is None and label in p.labels]


def test_a_shared_label_is_split_among_the_people_handed_the_floor() -> None:
    people = _people(
        OPENING + ">> MODERATOR:  Thank you.  Kwabena, one more word?\n\n"
        ">> KWABENA OSEI-TUTU:  Only that the towers are free.\n\n"
        ">> MODERATOR:  Thank you both, we close.\n"
    )
    # Itzíar has no label of her own: the chair's introduction in full names her turn
    assert people["Itzíar Goikoetxea"].lines == (15,)
    assert people["Itzíar Goikoetxea"].labels == ("PANELIST",)
    assert people["Kwabena Osei-Tutu"].lines == (11, 19)
    assert people["Itzíar Goikoetxea"].role == "guest"
    assert None not in people


def test_a_turn_with_no_evidence_stays_with_the_generic_voice() -> None:
    text = (
        OPENING + ">> MODERATOR:  Thank you.  Any last remarks from the panel?\n\n"
        ">> PANELIST:  Only that the towers are free.\n\n"
        ">> AUDIENCE:  Thank you for the session.\n"
    )
    people = _people(text)
    assert people["Kwabena Osei-Tutu"].lines == (11,)
    assert people["Itzíar Goikoetxea"].lines == (15,)
    assert _unnamed_lines(text, "PANELIST") == [(19,)]


def test_the_chair_thanking_a_name_right_after_tells_the_turn() -> None:
    people = _people(
        OPENING + ">> MODERATOR:  Thank you.  Any last remarks from the panel?\n\n"
        ">> PANELIST:  Only that the towers are free.\n\n"
        ">> MODERATOR:  Thank you, Kwabena.  We close here.\n"
    )
    assert people["Kwabena Osei-Tutu"].lines == (11, 19)
    assert None not in people


def test_a_floor_voice_thanking_the_chair_tells_nothing() -> None:
    # the floor voice thanks the chair for the floor; the turn before it is still nobody's
    text = (
        OPENING + ">> MODERATOR:  Thank you.  Any last remarks from the panel?\n\n"
        ">> PANELIST:  Only that the towers are free.\n\n"
        ">> AUDIENCE:  Thank you, Ottilie.  A question for everybody: who pays the power?\n"
    )
    assert 19 not in _people(text)["Ottilie Brandvold"].lines
    assert _unnamed_lines(text, "PANELIST") == [(19,)]


def test_a_turn_opening_with_another_full_name_is_not_given_to_the_one_called() -> None:
    # "And yes, Itzíar, …" said to an online participant, then a floor voice names itself
    people = _people(
        OPENING + ">> MODERATOR:  And yes, Itzíar, we will send you the slides.\n\n"
        ">> PANELIST:  Hi, Solveig Brattvåg-Lund here, a question for Kwabena.\n\n"
        ">> MODERATOR:  We close.\n"
    )
    assert people["Itzíar Goikoetxea"].lines == (15,)


def test_a_body_introduced_like_a_name_is_nobody_handed_to() -> None:
    # "Tumaini Mobile" (an operator) is said like a full name and later called by its first word;
    # it is no person: the name ends with an English word
    text = (
        ">> MODERATOR:  Welcome.  My name is Ottilie Brandvold.  Tumaini Mobile sponsors the coffee.  "
        "With me is Kwabena Osei-Tutu.  Vivek, is everybody connected?\n\n"
        ">> REMOTE MODERATOR:  Yes, everybody is connected.\n\n"
        ">> MODERATOR:  Good.  Kwabena, you start.\n\n"
        ">> PANELIST:  Thank you.  Our towers are free.\n\n"
        ">> MODERATOR:  Now a word on Tumaini, please.\n\n"
        ">> PANELIST:  At Tumaini the links run on the church towers too.\n\n"
        ">> MODERATOR:  We close.\n"
    )
    assert "Tumaini Mobile" not in _people(text)
    # one person told apart is no split: both turns stay with the generic voice
    assert _unnamed_lines(text, "PANELIST") == [(11, 15)]


def test_thanked_at_opening_reads_one_name_right_after_the_thanks() -> None:
    people = ["Kwabena Osei-Tutu", "Itzíar Goikoetxea"]
    assert thanked_at_opening("Thank you, Kwabena.  Itzíar, over to you.", people) == "Kwabena Osei-Tutu"
    assert thanked_at_opening("Thanks a lot, Dr. Goikoetxea, for the slides.", people) == "Itzíar Goikoetxea"
    assert thanked_at_opening("Okay, thank you very much, Itzíar, and now the room.", people) == "Itzíar Goikoetxea"
    # thanks to two voices, a thanks later in the turn, or no name: nobody
    assert thanked_at_opening("Thank you, Kwabena, thank you, Itzíar, we close.", people) is None
    assert thanked_at_opening("We heard you.  Thank you, Kwabena.", people) is None
    assert thanked_at_opening("Thank you.  Kwabena, a word?", people) is None
    assert thanked_at_opening("Thank you, Chair.", people) is None
