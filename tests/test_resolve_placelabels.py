"""A remote voice captioned by the city it connects from (issue 22, round 17): the city is her
place, not a person (`resolve.placelabels`), and she is from the remote floor unless the chair
introduced her by name as a panellist.

Inputs are invented (people, bodies and sentences written for this file) in the shape round
16's sets showed: a remote moderator calls a city ("Lima, please unmute yourself"), the voice
under ">> LIMA:" says who it is, and a later label carries that name. Each rule is also checked
where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.placelabels import is_place_label
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nKYOTO, 10 OCTOBER 2023\nOPEN FORUM: RIVER TOWNS ONLINE\n\n"
OPEN = (
    ">> MODERATOR:  Welcome.  I am Hanne Stoltenberg-Vik and I moderate today.  "
    "Our panellist is Tomasz Wierzbicki-Lis from the Vistula Data Cooperative.  Tomasz, please.\n\n"
    ">> TOMASZ WIERZBICKI-LIS:  Thank you, Hanne.  We map the river towns and their cables.\n\n"
    ">> MODERATOR:  Thank you.  Now the remote participants.  We have one in Lima.  Lima, please "
    "unmute yourself.\n\n"
)


def _cast(body: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + OPEN + body, source="t.txt"))
    return {p.name: p for p in cast.people}


def test_a_city_label_is_joined_to_the_person_who_says_she_speaks_from_it() -> None:
    people = _cast(
        ">> LIMA:  Hello, can you hear me?  I am Rosalía Quispe-Huamán, I run a community radio in "
        "the Andes.  Our problem is the price of the last kilometre.\n\n"
        ">> MODERATOR:  Thank you, Rosalía.  Tomasz, a reaction?\n\n"
        ">> TOMASZ WIERZBICKI-LIS:  Yes, the price is the same story with us.\n\n"
        ">> ROSALÍA QUISPE-HUAMÁN:  Thank you, I will write in the chat.\n"
    )
    assert "Lima" not in people
    rosalia = people["Rosalía Quispe-Huamán"]
    assert set(rosalia.labels) == {"LIMA", "ROSALÍA QUISPE-HUAMÁN"}
    assert (rosalia.role, rosalia.mode) == ("participant", "online")
    assert "Lima" not in rosalia.aliases  # the chair called the place, not her
    assert people["Tomasz Wierzbicki-Lis"].role == "guest"


def test_a_city_voice_greeting_somebody_already_heard_is_not_joined_to_her() -> None:
    people = _cast(
        ">> ROSALÍA QUISPE-HUAMÁN:  Hello, I am in the room now, thank you.\n\n"
        ">> MODERATOR:  Welcome.  And Lima again?\n\n"
        ">> LIMA:  Yes, hello, this is the hub.  I am Rosalía Quispe-Huamán's colleague, and I want to add one "
        "thing about the cables.\n"
    )
    assert people["Rosalía Quispe-Huamán"].labels == ("ROSALÍA QUISPE-HUAMÁN",)


def test_a_panellist_the_chair_introduced_by_name_stays_a_guest_under_her_city_label() -> None:
    text = (
        ">> MODERATOR:  Our second panellist joins from Nairobi: Wanjiru Gathoni-Mbugua of the Thika "
        "Makers Network.  Wanjiru, please.\n\n"
        ">> NAIROBI:  Thank you, Hanne.  I am Wanjiru Gathoni-Mbugua, and our network trains forty "
        "makers a year.\n"
    )
    wanjiru = _cast(text)["Wanjiru Gathoni-Mbugua"]
    assert wanjiru.role == "guest"


def test_only_a_place_the_gazetteer_knows_is_a_place_label() -> None:
    assert is_place_label("DILI") and is_place_label("Honiara")
    assert not is_place_label("MARIA") and not is_place_label("REMOTE MODERATOR")
