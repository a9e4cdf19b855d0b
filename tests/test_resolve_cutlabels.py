"""A label the captioner cut short of the name the session says in full (`resolve.cutlabels`):
the introduced panellist under ">> FIRST SURN:" is the introduced person; a misheard name of the
same length, a first name two speakers share and a second full name stay as they were. Invented
inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.cutlabels import cut_surname
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nKYOTO, 9 OCTOBER 2023\nMAIN SESSION: HARBOURS AND FIBRE\n\n"


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_a_label_cut_short_takes_the_name_the_chair_introduced() -> None:
    people = _people(
        ">> MODERATOR:  Welcome.  I am Ines Vukovic-Hale, and I moderate.  Our panel: Tevita "
        "Fonua-Latukefu, who chairs the Nukualofa Harbour Network, and Oyelaran Adebayo-Okonkwo of "
        "the Ibadan Fibre Guild.  Tevita, please.\n\n"
        ">> TEVITA FONUA:  Thank you.  Our harbour has one cable and one boat to mend it.\n\n"
        ">> MODERATOR:  Thank you.  Oyelaran.\n\n"
        ">> OYELARAN ADEBAJ:  Thank you.  In Ibadan the fibre follows the railway, and the railway is old.\n"
    )
    assert people["Tevita Fonua-Latukefu"].labels == ("TEVITA FONUA",)
    assert people["Tevita Fonua-Latukefu"].affiliation == "Nukualofa Harbour Network"
    # the surname typed by ear and cut: "Adebaj" for "Adebayo-Okonkwo"
    assert people["Oyelaran Adebayo-Okonkwo"].labels == ("OYELARAN ADEBAJ",)
    assert "Tevita Fonua" not in people and "Oyelaran Adebaj" not in people


def test_a_cut_label_and_the_full_label_later_are_one_person() -> None:
    people = _people(
        ">> MODERATOR:  Welcome.  I am Ines Vukovic-Hale, and I moderate.  Koorosh, please.\n\n"
        ">> KOOROSH MEHRAB:  Thank you.  I am Koorosh Mehrabadi-Tousi, from the Bandar Abbas Port Users Forum.\n\n"
        ">> MODERATOR:  Thank you.  Questions from the floor?\n\n"
        ">> PARTICIPANT:  Thank you.  A question to Koorosh: who owns the landing station?\n\n"
        ">> KOOROSH MEHRABADI-TOUSI:  The state owns it, and it rents it to one company.\n"
    )
    person = people["Koorosh Mehrabadi-Tousi"]
    assert set(person.labels) == {"KOOROSH MEHRAB", "KOOROSH MEHRABADI-TOUSI"}
    assert len(person.lines) == 2
    assert "Koorosh Mehrab" not in people


def test_a_surname_said_as_the_label_spells_it_is_kept() -> None:
    # the caption once heard the surname as three words; the speaker says it as the label has it
    people = _people(
        ">> MODERATOR:  Welcome.  Our speaker is Chidi Okon Kwoh Nwa, from the Enugu Fibre Guild.\n\n"
        ">> CHIDI OKONKWO:  Okonkwo, one word.  (Laughter.)  Thank you.  Our fibre follows the road.\n"
    )
    assert "Chidi Okonkwo" in people


def test_two_full_names_for_one_cut_label_or_a_shared_first_name_change_nothing() -> None:
    two_names = _people(
        ">> MODERATOR:  Welcome.  Our panel: Amina Hassan-Ali of the Mombasa Port Forum and, later, "
        "Amina Hassanein-Saleh of the Alexandria Cable Club.  Amina, please.\n\n"
        ">> AMINA HASSAN:  Thank you.  Our port has two cables.\n"
    )
    assert "Amina Hassan" in two_names
    shared = _people(
        ">> MODERATOR:  Welcome.  Our panel: Jonas Petrauskas-Vilkas, from the Klaipeda Harbour Board.\n\n"
        ">> JONAS PETRAUS:  Thank you.  Our harbour is cold.\n\n"
        ">> JONAS MEIER:  And I am the other Jonas, from Basel, where there is no harbour.\n"
    )
    assert "Jonas Petraus" in shared


def test_cut_surname_units() -> None:
    assert cut_surname(["pedrosa"], ["pedrosa", "uchoa"])  # a word left off
    assert cut_surname(["naisoro"], ["naisoro", "tikoduadua"])  # a hyphenated part left off
    assert cut_surname(["n"], ["nazarkulov"])  # an initial
    assert cut_surname(["tiru"], ["thiruvengadam"])  # typed by ear, then cut
    assert not cut_surname(["tiru"], ["thiruvengadam"], heard=False)
    assert not cut_surname(["okonkwo"], ["okon", "kwoh", "nwa"], heard=False)  # letters, not words
    assert not cut_surname(["ekpenyong"], ["eck", "pen", "young"])  # as long, give or take a slip
    assert not cut_surname(["smith"], ["smyth"])
    assert not cut_surname(["mboj"], ["kbodj", "dione"])  # another first letter
    assert not cut_surname(["pedrosa"], ["pedrosas"])  # one letter more is a slip, not a cut
