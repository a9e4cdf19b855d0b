"""A surname-only label typed by ear (`resolve.misheardsurname`): joined to the one full name the
session says with the first name the chair called; a surname that is not close, or a first name
two people share, changes nothing. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.misheardsurname import heard_alike, join_misheard_surnames
from forumlens.resolve.people import LabelGroup
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nRIO DE JANEIRO, 13 NOVEMBER 2007\nWORKSHOP: VILLAGE NETWORKS\n\n"
OPENING = (
    ">> OYELARAN:  Good afternoon.  I am Funmilayo Oyelaran, I moderate.  With me is Radoslava "
    "Hristozova-Petkanova, of the Rhodope Village Networks Union.  Radoslava, please.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + OPENING + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_a_misheard_surname_label_joins_the_full_name_and_its_later_label() -> None:
    people = _people(
        ">> HRISTOVA-PETKANOVA:  Thank you.  Our union has forty villages.\n\n"
        ">> OYELARAN:  Thank you.  Any questions?  None.  Then a last word.\n\n"
        ">> HRISTOZOVA-PETKANOVA:  Build the ducts first.\n"
    )
    person = people["Radoslava Hristozova-Petkanova"]
    assert person.lines == (7, 11)
    assert "HRISTOVA-PETKANOVA" in person.labels
    assert "Hristova-Petkanova" not in people


def test_a_misheard_surname_label_alone_takes_the_introduced_full_name() -> None:
    people = _people(">> HRISTOVA-PETKANOVA:  Thank you.  Our union has forty villages.\n")
    assert people["Radoslava Hristozova-Petkanova"].lines == (7,)


def test_a_surname_label_far_from_the_introduced_one_keeps_its_own_name() -> None:
    people = _people(">> IVANOVA:  Thank you.  Our union has forty villages.\n")
    assert "Radoslava Hristozova-Petkanova" not in people


def test_heard_alike_units() -> None:
    assert heard_alike("wierzchowska", "wierzchoslawska")
    assert not heard_alike("ivanova", "hristozova petkanova")
    assert not heard_alike("lind", "lund")  # too short to tell a mishearing from another name
    assert not heard_alike("mensah", "owusu")


def test_a_label_that_is_the_first_name_called_is_no_surname() -> None:
    # one name badged twice ("Wahyuni Wahyuni"): the label is the person's one name, not a surname
    session = parse_transcript(
        HEADER + ">> OYELARAN:  Good afternoon.  With me is Wahyuni, her badge says Wahyuni Wahyuni.  "
        "Wahyuni, please.\n\n>> WAHYUNI:  Thank you.  Our union has forty villages.\n",
        source="t.txt",
    )
    groups = [LabelGroup("Oyelaran", ["OYELARAN"], [0]), LabelGroup("Wahyuni", ["WAHYUNI"], [1])]
    kept, renamed = join_misheard_surnames(groups, session.turns)
    assert [g.name for g in kept] == ["Oyelaran", "Wahyuni"]
    assert renamed == {}
