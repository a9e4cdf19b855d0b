"""A remote hub's name (`resolve.hubs`): a label that names no place takes the place the session
gives the hub as it comes in; a label with a place keeps it. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.hubs import hub_name
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nHYDERABAD, 4 DECEMBER 2008\nWORKSHOP: RURAL ACCESS\n\n"
OPENING = (
    ">> CHAIR:  Good morning.  My name is Radhika Venkataraman, I chair from the table.  We have hubs connected.\n\n"
)


def _hubs(text: str) -> list[str | None]:
    cast = resolve_session(parse_transcript(HEADER + OPENING + text, source="t.txt"))
    return [p.name for p in cast.people if p.role == "remote-hub"]


def test_a_hub_label_without_a_place_takes_the_place_of_the_hand_off() -> None:
    assert _hubs(
        ">> CHAIR:  Thank you.  Trichy hub, you can speak now.\n\n"
        ">> REMOTE HUB:  Vanakkam.  We are twenty students here.  Is wireless enough?\n"
    ) == ["Trichy Hub"]


def test_a_hub_label_without_a_place_takes_the_place_it_greets_from() -> None:
    assert _hubs(
        ">> CHAIR:  Thank you.  The remote hub has a question.\n\n"
        ">> REMOTE HUB:  Hello from Madurai, we are twenty students.  Is wireless enough?\n"
    ) == ["Madurai Hub"]


def test_a_hub_label_with_a_place_keeps_it() -> None:
    assert _hubs(
        ">> CHAIR:  Thank you.  Trichy hub, you can speak now.\n\n"
        ">> MADURAI HUB:  Hello from Madurai, we are twenty students.  Is wireless enough?\n"
    ) == ["Madurai Hub"]


def test_hub_name_units() -> None:
    assert hub_name("Remote Hub", ["REMOTE HUB"], "Trichy") == "Trichy Hub"
    assert hub_name("Remote Hub", ["REMOTE HUB"], None) == "Remote Hub"
    assert hub_name("Hub Georgetown", ["HUB GEORGETOWN"], "Trichy") == "Georgetown Hub"


def test_a_remote_hub_label_with_in_before_the_place_is_named_by_the_place() -> None:
    # "REMOTE HUB IN TAMALE": the preposition and "remote" are no part of the hub's name
    assert hub_name("Remote Hub In Tamale", ["REMOTE HUB IN TAMALE"]) == "Tamale Hub"
    assert hub_name("Remote Hub of Port Louis", ["REMOTE HUB OF PORT LOUIS"]) == "Port Louis Hub"
    # without a preposition the captioned shape stays
    assert hub_name("Remote Hub Tamale", ["REMOTE HUB TAMALE"]) == "Remote Hub Tamale"
