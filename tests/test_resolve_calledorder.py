"""An unmarked turn inside an order the chair called (`resolve.calledorder`) and an unmarked turn
that chairs (`resolve.unmarkedchair`): each joins the person the session's shape puts there; a
turn outside those shapes stays an unnamed voice. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.calledorder import called_order
from forumlens.resolve.cast import Person
from forumlens.resolve.people import LabelGroup
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nADDIS ABABA, 1 DECEMBER 2022\nNRI SESSION: SCHOOLS\n\n"
PANEL = (
    ">> MODERATOR:  Welcome.  My name is Hirut Bekele-Tadesse, I moderate.  Our speakers are Kwabena "
    "Asante-Mensah, Lucía Ferreyra-Ocampo, Tomás Iriarte-Salas and Nilufar Rahimova-Karimova.  "
    "Kwabena, please.\n\n"
    ">> KWABENA ASANTE-MENSAH:  Thank you.  Our school meets in Kumasi every August.\n\n"
    ">> LUCIA FERREYRA-OCAMPO:  Ours meets online, from Rosario.\n\n"
    ">> TOMAS IRIARTE-SALAS:  Ours in Bilbao, in the old library.\n\n"
    ">> NILUFAR RAHIMOVA-KARIMOVA:  Ours in Samarkand, in the summer.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_an_unmarked_answer_in_the_called_order_is_the_one_called_there() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  The last round, one word each: Kwabena, then Lucía, Tomás and Nilufar.  "
        "Kwabena.\n\n"
        ">> KWABENA ASANTE-MENSAH:  Mentors.\n\n"
        ">> Cameras on, always.\n\n"
        ">> TOMAS IRIARTE-SALAS:  The library.\n\n"
        ">> NILUFAR RAHIMOVA-KARIMOVA:  Summer.\n"
    )
    assert people["Lucia Ferreyra-Ocampo"].lines == (9, 19)
    assert None not in people


def test_an_unmarked_turn_out_of_the_called_order_stays_unnamed() -> None:
    # the speaker after the unmarked turn is not the one called after Lucía: nothing tells it
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  The last round, one word each: Kwabena, then Lucía, Tomás and Nilufar.  "
        "Kwabena.\n\n"
        ">> KWABENA ASANTE-MENSAH:  Mentors.\n\n"
        ">> Cameras on, always.\n\n"
        ">> NILUFAR RAHIMOVA-KARIMOVA:  Summer.\n"
    )
    assert people["Lucia Ferreyra-Ocampo"].lines == (9,)
    assert people[None].lines == (19,)


def test_an_unmarked_chairing_turn_after_a_panellist_is_the_chairs() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Thank you all.  Now the floor.  The gentleman at the back.\n\n"
        ">> AUDIENCE:  Thank you.  My name is Ole Sandvik, from Bergen.  Which school is cheapest?\n\n"
        ">> LUCIA FERREYRA-OCAMPO:  Ours, because it is online.\n\n"
        ">> Thank you, Lucía.  Time for one last question, the lady in the front, briefly please.\n\n"
        ">> AUDIENCE:  Thank you.  I am Ana Lund.  Do the schools share material?\n"
    )
    chair = people["Hirut Bekele-Tadesse"]
    assert chair.lines == (5, 15, 21)
    # an unmarked turn that answers, not chairs, is nobody's
    people = _people(
        PANEL + ">> MODERATOR:  Thank you all.  Now the floor.  The gentleman at the back.\n\n"
        ">> AUDIENCE:  Thank you.  My name is Ole Sandvik, from Bergen.  Which school is cheapest?\n\n"
        ">> Thank you, Ole.  Ours is free, the university pays the room.\n"
    )
    assert people["Hirut Bekele-Tadesse"].lines == (5, 15)
    assert people[None].lines == (19,)


def test_called_order_reads_first_names_in_the_order_said() -> None:
    groups = [
        LabelGroup("Ana Lima", ["A"], [0]),
        LabelGroup("Ben Okoro", ["B"], [1]),
        LabelGroup("Chen Wei", ["C"], [2]),
    ]
    order = called_order("One each: Chen, then Ana and Ben.", groups)
    assert [g.name for g in order] == ["Chen Wei", "Ana Lima", "Ben Okoro"]
    # two speakers of one first name: that first name names neither
    groups.append(LabelGroup("Ana Costa", ["D"], [3]))
    assert [g.name for g in called_order("One each: Chen, then Ana and Ben.", groups)] == ["Chen Wei", "Ben Okoro"]
