"""Who's-who rules of round 16 (issue 22), third part: what is said of a voice after its turn,
and a body's city said after its name.

Inputs are invented (people, bodies and sentences written for this file) in the shapes round
15's sets showed: the chair naming the voice just heard with what it does for whom ("That was X,
who mends nets for the Y"), and "I am at the Z Secretariat in <City>", where the city says where
the body is, not which body. Each rule is also checked where it must not apply.
"""

from __future__ import annotations

import pytest

from forumlens.resolve import affcands, resolve_session
from forumlens.resolve.orgwords import place_after_name
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nLYON, 3 DECEMBER 2019\nWORKSHOP: RIVERS AND CABLES\n\n"


OPEN = ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  The floor, please.\n\n"
RUZANNA = (
    ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  First speaker, please.\n\n"
    ">> PANELIST:  Thank you.  I am Ruzanna Melkonyan-Aghajan.  We carve wooden type and the problem is "
    "always the same: nobody pays for the new letters.\n\n"
)

# (session after the header, the person, the affiliation the session gives them)
CASES = {
    "a city after a named body is where it is, not its name": (
        OPEN + ">> KAMAL BENNANI-ZOUAOUI:  Merci.  Kamal Bennani-Zouaoui, I am at the Atlas Cable Secretariat "
        "in Rabat, it is a body of three states, and we map the landing stations.\n",
        "Kamal Bennani-Zouaoui",
        "Atlas Cable Secretariat",
    ),
    "the chair says after the turn for whom the voice works": (
        RUZANNA + ">> MODERATOR:  Thank you.  That was Ruzanna Melkonyan-Aghajan, who carves type for Vardan "
        "Woodworks, a small press in Gyumri.  Now the floor.\n",
        "Ruzanna Melkonyan-Aghajan",
        "Vardan Woodworks",
    ),
    "what the chair says someone does for the others is no body": (
        RUZANNA + ">> MODERATOR:  Thank you.  That was Ruzanna Melkonyan-Aghajan, who asks questions for the "
        "rest of us.  Now the floor.\n",
        "Ruzanna Melkonyan-Aghajan",
        None,
    ),
    "a speaker with no organisation takes none of the names they talk about": (
        OPEN + ">> TEODOR VASILESCU-MIRZA:  Good morning, Teodor Vasilescu-Mirza, I am a boat mechanic, I have "
        "no organisation.  Here the trouble is the Danube and the Prut for Moldova, the cables break twice a "
        "year.\n",
        "Teodor Vasilescu-Mirza",
        None,
    ),
    "our school, named in apposition, where a colleague and I teach": (
        ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun, I teach at the Rhone Cable School in Lyon.  My "
        "colleague Basile is at the back with the online questions.  Basile?\n\n"
        ">> REMOTE MODERATOR:  Yes, one question from online about the price.  And I am Basile Fontanel-Roux, "
        "for the record.  At our school, the Rhone Cable School, where Odile and I both teach, the students "
        "count the broken cables.\n",
        "Basile Fontanel-Roux",
        "Rhone Cable School",
    ),
    "a school where others study is not the speaker's": (
        OPEN + ">> PARTICIPANT:  Basile Fontanel-Roux, I have a question.  At my daughter's school, the Rhone "
        "Cable School, where Odile and my daughter both study, who pays for the cables?\n",
        "Basile Fontanel-Roux",
        None,
    ),
}


@pytest.mark.parametrize(("text", "name", "affiliation"), CASES.values(), ids=CASES.keys())
def test_the_affiliation_a_session_gives(text: str, name: str, affiliation: str | None) -> None:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    people = {person.name: person for person in cast.people}
    assert people[name].affiliation == affiliation


def test_the_place_stays_when_the_name_before_it_is_only_generic_words() -> None:
    assert place_after_name(["Atlas", "Cable", "Secretariat", "in", "Rabat"]) == 3
    # "American University" says no single body: its city is part of its name
    assert place_after_name(["American", "University", "in", "Cairo"]) is None
    # "in" inside a name that ends in its body word, or not after an organisation word
    assert place_after_name(["Kano", "Women", "in", "Tech", "Initiative"]) is None
    assert place_after_name(["Centre", "for", "Research", "in", "Education"]) is None


def test_a_known_place_after_in_is_where_the_body_is_whatever_its_last_word() -> None:
    # "Hub" is no organisation word, but Nigeria is a country the gazetteer knows
    assert place_after_name(["Kaduna", "Girls", "Code", "Hub", "in", "Nigeria"]) == 4
    # an unknown capitalised word after a name not ending in an organisation word stays
    assert place_after_name(["Kano", "Girls", "Code", "Hub", "in", "Makerspace"]) is None
    assert place_after_name(["American", "University", "in", "Cairo"]) is None


def test_a_session_that_always_says_the_name_with_its_city_keeps_the_city() -> None:
    words = ["Loire", "Water", "Institute", "in", "Nantes"]
    always = "I work at the Loire Water Institute in Nantes.  Yes, the Loire Water  Institute in Nantes."
    once = "I work at the Loire Water Institute in Nantes.  The Loire Water Institute measures cables."
    at, end = always.index("Loire"), always.index("Loire") + len("Loire Water Institute in Nantes")
    assert not affcands._located(always, at, end, words)  # said twice, never without the city
    assert affcands._located(once, at, end, words)  # said once with it, once without: a place
    assert affcands._located(once[: end + 1], at, end, words)  # said once: the head decides
