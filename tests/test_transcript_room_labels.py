"""Rooms and names in a label's brackets (`transcript/speakers.py`, `namecards.py`, issue 22).

A room written in any language (`SALLE XI`, `Sala 2`, `Saal 3`, `Zaal IV`, `Aula Magna`) is where
a voice sits, never a person: "AUDIENCE (SALLE XI)" is the audience. A one-holder role with a
given name in brackets ("Moderator (Sunniva)") names that person; a voice of many with a place
in brackets ("Participant (Room 2)", "Participant (Kenya)") stays generic. Invented names.
"""

from __future__ import annotations

import pytest

from forumlens.transcript.namecards import room_piece
from forumlens.transcript.speakers import display_name, parse_name_card


@pytest.mark.parametrize(
    "label",
    [
        "AUDIENCE (SALLE XI)",
        "Audience (Sala 2)",
        "PARTICIPANT (SAAL 3)",
        "AUDIENCE (ZAAL IV)",
        "Speaker (Aula Magna)",
        "Audience (Plenary Hall)",
        "AUDIENCE MEMBER (ROOM XI)",
        "Participant (Room 2)",
        "Participant (Hall B)",
        "SALLE XI",  # a room system by its name alone
        "Sala 3",
        "Studio 4",
    ],
)
def test_a_room_in_any_language_is_no_person(label: str) -> None:
    assert display_name(label) is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Moderator (Sunniva)", "Sunniva"),
        ("Chair (Ingrid)", "Ingrid"),
        ("Moderator (Sunniva, Lillestrøm)", "Sunniva"),
        ("MODERATOR (Jo Li)", "Jo Li"),  # a full name, as before
        ("Moderator (Emiliano Sala)", "Emiliano Sala"),  # a room word inside a name is a surname
        ("Jo Hall", "Jo Hall"),
        ("Darina (Host)", "Darina"),
    ],
)
def test_a_name_in_brackets_after_a_role_names_the_person(label: str, name: str) -> None:
    assert display_name(label) == name


def test_the_role_stays_on_the_card() -> None:
    card = parse_name_card("Moderator (Sunniva)")
    assert (card.name, card.role) == ("Sunniva", "Moderator")


@pytest.mark.parametrize(
    "label",
    [
        "Participant (Kenya)",  # a voice of many: the bracket says where it is
        "Participant (Zoom)",
        "Host (Zoom)",  # a meeting tool, not a given name
        "Moderator (online)",
        "Moderator (Online)",
        "Moderator (Speaking French)",  # how the voice is heard
        "MODERATOR (ITU)",  # in capitals one word may be an acronym
        "MODERATOR (SUNNIVA)",
        "Moderator (ITU)",
        "Moderator (Ministry of ICT)",
        "Moderator (Kenya)",  # a country or city of the gazetteer says where the one holder is
        "Chair (Geneva)",
        "Host (Accra)",
    ],
)
def test_a_place_mode_or_body_in_brackets_keeps_the_label_generic(label: str) -> None:
    assert display_name(label) is None


@pytest.mark.parametrize(
    ("piece", "room"),
    [
        ("SALLE XI", True),
        ("Salle Bleue", True),
        ("Conference Room 2", True),
        ("v sále 4", True),
        ("Zaal B", True),
        ("Emiliano Sala", False),
        ("Jo Hall", False),
        ("Kenya", False),
    ],
)
def test_room_piece(piece: str, room: bool) -> None:
    assert room_piece(piece) is room


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("DATO' HAIRUDDIN MOKHZANI", "Hairuddin Mokhzani"),  # Malay honorifics are titles
        ("Datuk Aminah Razak", "Aminah Razak"),
        ("ENCIK KAMARUZZAMAN ISKANDAR", "Kamaruzzaman Iskandar"),
        ("Puan Siti Norhayati", "Siti Norhayati"),
    ],
)
def test_malay_honorifics_are_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


def test_a_video_call_guest_without_a_name_is_nobody() -> None:
    assert display_name("Fellow Jitster") is None  # Jitsi Meet's default display name
