"""Who's-who rules of round 16's development stop (issue 22): the misses round 15's sets showed
(intel_blind15, first run in bench/data/whoswho-blind15-first-run.txt).

Inputs are written for this file (invented people and bodies) in the shapes those sets showed,
never their sentences. A chair who names each speaker only once they finish ("That was …")
names the voice just heard, under a shared panel label and under a floor label; a floor voice
the chair asks for its name answers as the same voice; a chair who gives his surname first and
his whole name at the end is one person. Each rule is also checked where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.people import ASKS_NAME
from forumlens.transcript.parse import parse_transcript

AFTERWARDS = (
    "INTERNET GOVERNANCE FORUM\nRIO DE JANEIRO, 14 NOVEMBER 2007\nWORKSHOP: RADIO AND THE WEB\n\n"
    ">> CHAIRMAN:  Good morning.  My name is Villaverde, I run the Andean Radio Lab in Cusco.  We "
    "speak first and say names afterwards.  The first panellist, please.\n\n"
    ">> PANELIST:  Thank you.  Community radio stations put their programmes online now, and the "
    "bandwidth in the mountains is the limit.\n\n"
    ">> CHAIRMAN:  Thank you.  That was Quilla Mamani-Ccori, who directs Radio Pachamama Sur in Puno.  "
    "The next panellist, please.\n\n"
    ">> PANELIST:  Thank you.  I will speak about licences for small transmitters and the web.\n\n"
    ">> CHAIRMAN:  And that was, as many of you know, Mr. Oswaldo Tupayachi-Ruelas, of the Licensing "
    "Forum for Small Stations.  Now the floor, the microphone in the aisle.\n\n"
    ">> AUDIENCE MEMBER:  Thank you.  My question is about the cost of streaming for a village school.\n\n"
    ">> CHAIRMAN:  A good question.  But first: your name, and where you work?\n\n"
    ">> AUDIENCE MEMBER:  Of course.  Wayra Condori-Huaman, I work at the Titicaca School Network.\n\n"
    ">> CHAIRMAN:  Thank you.  Our time is over.  I am Benedicto Villaverde, of the Andean Radio Lab.\n"
)


def _people(text: str) -> dict[str | None, Person]:
    """The cast of a session by name (an unnamed voice under None)."""
    cast = resolve_session(parse_transcript(text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_a_shared_panel_label_is_split_by_the_names_the_chair_gives_afterwards():
    people = _people(AFTERWARDS)
    quilla = people["Quilla Mamani-Ccori"]
    assert quilla.lines == (7,) and quilla.role == "guest"
    oswaldo = people["Oswaldo Tupayachi-Ruelas"]
    assert oswaldo.lines == (11,)
    assert None not in people or all(p.lines != (7,) and p.lines != (11,) for p in people.values())


def test_a_floor_voice_asked_its_name_answers_as_the_same_voice():
    wayra = _people(AFTERWARDS)["Wayra Condori-Huaman"]
    assert wayra.lines == (15, 19)
    assert wayra.affiliation == "Titicaca School Network"


def test_a_chair_giving_his_surname_first_and_his_full_name_last_is_one_person():
    chair = _people(AFTERWARDS)["Benedicto Villaverde"]
    assert chair.role == "moderator" and chair.lines == (5, 9, 13, 17, 21)


def test_that_was_naming_needs_the_name_right_after_it():
    # a "that was" sentence about what somebody said names nobody
    text = AFTERWARDS.replace(
        "That was Quilla Mamani-Ccori, who directs", "That was exactly what Quilla Mamani-Ccori said in"
    )
    assert "Quilla Mamani-Ccori" not in _people(text)


def test_only_a_question_for_the_name_keeps_the_voice_going_on():
    assert ASKS_NAME.search("A good question.  But first: your name, and where you work?")
    assert ASKS_NAME.search("Could you tell us who you are?")
    # an instruction every new voice gets is a call to the next one
    assert not ASKS_NAME.search("Next, please state your name and affiliation.")
    assert not ASKS_NAME.search("Please give your name first.  Any questions?")
