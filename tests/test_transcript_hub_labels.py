"""A hub (and other place-of-voice words: room, site, chapter) is no person's name: `>> HUB,
BUKAVU:` is the hub at Bukavu, not a name card "HUB" of the organisation "BUKAVU", and a lone
"HUB" is never expanded to an earlier hub's label."""

from __future__ import annotations

import hashlib

import pytest

from forumlens.resolve.cast import resolve_session
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.shortnames import expand_short_names
from forumlens.transcript.speakers import display_name, parse_name_card, place_of_voice

HUBS = """Community networks -- remote hubs
>> MODERATOR: We have two hubs today. Goma first.
>> REMOTE HUB GOMA: Yes, we hear you. Twenty people here.
>> HUB, BUKAVU: Bonjour, Bukavu ici. We have a question about towers.
>> MODERATOR: Go ahead, Bukavu.
>> HUB, BUKAVU (Speaking French): Who repairs the towers when the money ends?
>> AMANI KAHINDO (GOMA HUB): Young people from the villages, we trained fourteen.
"""


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("HUB, BUKAVU", "Bukavu Hub"),  # place first, as the sessions call hubs ("Goma Hub")
        ("Remote Hub, La Paz", "La Paz Remote Hub"),
        ("ROOM, KISUMU", "Kisumu Room"),
        ("HUB, BUKAVU (Speaking French)", "Bukavu Hub"),
        ("REMOTE HUB GOMA", "Remote Hub Goma"),  # no card: the label as written
        ("AMANI KAHINDO (GOMA HUB)", "Amani Kahindo"),  # a person at a hub is the person
        ("JO LI, UNIVERSITY OF GOMA", "Jo Li"),
    ],
)
def test_a_hub_with_its_place_reads_as_the_hub(label: str, name: str) -> None:
    assert display_name(label) == name


def test_the_place_is_no_organisation_of_a_card() -> None:
    card = parse_name_card("HUB, BUKAVU")
    assert (card.name, card.pieces, card.organisation) == ("BUKAVU HUB", (), None)
    card = parse_name_card("HUB, BUKAVU (online)")
    assert (card.name, card.organisation, card.mode) == ("BUKAVU HUB", None, "online")
    assert parse_name_card("JO LI, BUKAVU").organisation == "BUKAVU"  # a person's card keeps its place


def test_place_of_voice_words() -> None:
    assert all(place_of_voice(w) for w in ["HUB", "Remote Hub", "room", "SITE", "Chapter", "online hub"])
    assert not any(place_of_voice(w) for w in ["Hubert", "Jo Li", "Roomy", "Hub Goma"])


def test_a_lone_hub_is_never_expanded_to_another_hub() -> None:
    names = ["Remote Hub Kathmandu", "Hub", "Room", "Kathmandu"]
    assert expand_short_names(names) == ["Remote Hub Kathmandu", "Hub", "Room", "Remote Hub Kathmandu"]


def test_each_hub_is_its_own_voice_in_parse_and_resolve() -> None:
    session = parse_transcript(HUBS, source="h.txt", sha256=hashlib.sha256(HUBS.encode()).hexdigest())
    speakers = [(t.label, t.speaker) for t in session.turns]
    assert speakers == [
        ("MODERATOR", None),
        ("REMOTE HUB GOMA", "Remote Hub Goma"),
        ("HUB, BUKAVU", "Bukavu Hub"),
        ("MODERATOR", None),
        ("HUB, BUKAVU (Speaking French)", "Bukavu Hub"),
        ("AMANI KAHINDO (GOMA HUB)", "Amani Kahindo"),
    ]
    people = {p.name: p for p in resolve_session(session).people}
    assert people["Bukavu Hub"].role == "remote-hub" and people["Bukavu Hub"].affiliation is None
    assert people["Bukavu Hub"].lines == (4, 6)
    assert people["Remote Hub Goma"].lines == (3,)
