"""Two panellists of one surname (issue 22, round 17): a bare surname label goes to the one the
chair just called by title (`resolve.titled`), and an aside about others taking the floor
("they are welcome to speak from the floor") does not put the first panellist on the floor
(`resolve.handoffs`).

Inputs are invented (people, bodies and sentences written for this file); each rule is also
checked where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2011 NAIROBI\nWORKSHOP 88: SAVINGS ON THE PHONE\n\n"
OPEN = (
    ">> WANJIKU NDUNG'U-OTIENO:  Good afternoon, let us begin.  Nobody from the regulator is on this "
    "panel, they were invited, they are welcome to speak from the floor.  Myself, I am Wanjiku "
    "Ndung'u-Otieno, and I chair.  We have two Kiprops on the panel, not related.  Mr. Kiprop, "
    "you start.\n\n"
    ">> MR. KIPROP:  Thank you, madam chair.  Barnaba Kiprop.  I am the treasurer of the Kapsabet "
    "Dairy SACCO.\n\n"
    ">> WANJIKU NDUNG'U-OTIENO:  Thank you.  Ms. Kiprop.\n\n"
    ">> MS. KIPROP:  Thank you.  Chelangat Kiprop.  I teach statistics at the Eldoret Polytechnic.\n\n"
)


def _people(rest: str) -> dict[str | None, tuple[str, tuple[int, ...]]]:
    cast = resolve_session(parse_transcript(HEADER + OPEN + rest, source="t.txt"))
    return {p.name: (p.role, p.lines) for p in cast.people}


def test_a_bare_surname_answers_for_the_one_the_chair_just_called_by_title() -> None:
    people = _people(
        ">> WANJIKU NDUNG'U-OTIENO:  And the question on the survey was for Ms. Kiprop.\n\n"
        ">> KIPROP:  Yes, we did not ask it directly.\n"
    )
    role, lines = people["Chelangat Kiprop"]
    assert lines[-1] == 14 and role == "guest"
    assert 14 not in people["Barnaba Kiprop"][1]


def test_the_first_panellist_is_not_on_the_floor_for_an_aside_about_others() -> None:
    people = _people("")
    assert people["Barnaba Kiprop"][0] == "guest"


def test_without_a_title_just_before_a_bare_surname_stays_with_the_first() -> None:
    people = _people(">> WANJIKU NDUNG'U-OTIENO:  Any reaction?\n\n>> KIPROP:  Yes, the dairy pays on Fridays.\n")
    assert 14 in people["Barnaba Kiprop"][1]
