"""Who passes the floor on (`resolve.floorpassers`), a hand-off after a closed thanks
(`resolve.chairs.not_thanks`), a voice that asked to speak (`resolve.cues.HAND_RAISE`). Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nKYOTO, 10 OCTOBER 2023\nWORKSHOP 88: RIVERS AND WARNINGS\n\n"
OPENING = (
    ">> SAKURA HIGASHIYAMA:  Good afternoon, we will start now.  I am Sakura Higashiyama, from the Lake Biwa "
    "Disaster Institute, and I moderate this workshop.  Our panellist here is Rahel Gebremariam, from the "
    "Tigray Water Observatory.  Online with us is Tomas Ekberg.\n\n"
    ">> TOMAS EKBERG:  Hello from Uppsala, the Zoom works.\n\n"
    ">> SAKURA HIGASHIYAMA:  Thank you.  Rahel, please.\n\n"
    ">> RAHEL GEBREMARIAM:  Thank you, Sakura.  The river rises in hours now, not in days.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_one_who_passes_the_chairs_floor_to_a_third_voice_is_a_moderator() -> None:
    people = _people(
        OPENING + ">> SAKURA HIGASHIYAMA:  Thank you, Rahel.  Tomas, anything from the Zoom?\n\n"
        ">> TOMAS EKBERG:  Yes, a hand from Dhaka.  Nasrin, please go ahead, you can speak.\n\n"
        ">> NASRIN CHOWDHURY:  Thank you.  My question is for Rahel: who pays for the sirens?\n\n"
        ">> RAHEL GEBREMARIAM:  The district, mostly.\n\n"
        ">> SAKURA HIGASHIYAMA:  Thank you all, the session is closed.\n"
    )
    assert people["Tomas Ekberg"].role == "moderator"
    assert people["Sakura Higashiyama"].role == "moderator"
    assert people["Rahel Gebremariam"].role == "guest"


def test_one_the_chair_calls_who_answers_herself_stays_a_guest() -> None:
    # called by the chair, but the next voice is the chair's again: no floor passed on
    people = _people(
        OPENING + ">> SAKURA HIGASHIYAMA:  Thank you, Rahel.  Tomas, your view?\n\n"
        ">> TOMAS EKBERG:  In Sweden the warnings go by radio.  Please go ahead and copy it.\n\n"
        ">> SAKURA HIGASHIYAMA:  Thank you all, the session is closed.\n"
    )
    assert people["Tomas Ekberg"].role == "guest"


def test_a_floor_given_on_without_the_chair_calling_first_makes_no_moderator() -> None:
    # Rahel was called, but the turn before her pass is not the chair calling her
    people = _people(
        OPENING + ">> TOMAS EKBERG:  May I add one thing?  Rahel, please go ahead after me.\n\n"
        ">> RAHEL GEBREMARIAM:  Only that the sirens need power.\n\n"
        ">> SAKURA HIGASHIYAMA:  Thank you all, the session is closed.\n"
    )
    assert people["Tomas Ekberg"].role == "guest"


def _after_closed_thanks(call: str) -> Person:
    """Ilkka, first heard after the chair's "Thank you." and a sentence opened by his name."""
    people = _people(
        ">> SAKURA HIGASHIYAMA:  Good afternoon, we will start now.  I am Sakura Higashiyama and I moderate "
        "this workshop.\n\n"
        f">> SAKURA HIGASHIYAMA:  Thank you.  {call}\n\n"
        ">> ILKKA VIRTANEN:  Thank you, Chair.  In Lapland the warnings come by text message.\n\n"
        ">> SAKURA HIGASHIYAMA:  Thank you all, the session is closed.\n"
    )
    return people["Ilkka Virtanen"]


def test_a_name_after_a_closed_thanks_that_gives_the_floor_is_a_hand_off() -> None:
    # called by the chair before he first speaks: on the panel
    assert _after_closed_thanks("Ilkka, you start, please.").role == "guest"
    assert _after_closed_thanks("Ilkka, the floor is yours.").role == "guest"
    # a sentence that opens with the name and gives nothing: "Thank you" is still his, no hand-off
    assert _after_closed_thanks("Ilkka, that was a fair question.").role == "participant"


def test_a_voice_that_asked_to_speak_is_from_the_floor() -> None:
    people = _people(
        OPENING + ">> SAKURA HIGASHIYAMA:  Thank you, Rahel.  Tomas, anybody online?\n\n"
        ">> TOMAS EKBERG:  Yes.  We have Idun, connected from Tromsø, and she asked to speak.  Idun, please go ahead.\n\n"
        ">> IDUN SKARSVÅG:  Thank you.  Who pays for the sirens in the north?\n\n"
        ">> SAKURA HIGASHIYAMA:  Thank you all, the session is closed.\n"
    )
    assert people["Tomas Ekberg"].role == "moderator"
    assert people["Idun Skarsvåg"].role == "participant"
