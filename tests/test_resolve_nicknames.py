"""A nickname label named in full once for the record (`resolve.nicknames`)."""

from __future__ import annotations

from forumlens.resolve.cast import resolve_session
from forumlens.resolve.nicknames import name_nickname_labels
from forumlens.resolve.people import LabelGroup
from forumlens.transcript.parse import parse_transcript

NICKNAMES = (
    ">> MODERATOR:  Good morning.  I am Ruta Gabrielaitytė-Moss, from the Klaipėda Coast Network.  On the "
    "island we use the names we are known by, so for the record: Sarge is Mr. Darnell Featherstone-Bligh, "
    "from the Windhaven Volunteer Fire Brigade, and Nurse is Ms. Oona Kirkpatrick-Vale, who runs the Seabright "
    "Clinic.  Sarge, you start.\n\n"
    ">> SARGE:  Thank you, Ruta.  The radios worked when the towers did not.\n\n"
    ">> MODERATOR:  Thank you, Sarge.  Nurse?\n\n"
    ">> NURSE:  The clinic kept a paper list of every patient.\n\n"
    ">> MODERATOR:  Thank you both.\n"
)


def _turns(text: str) -> list:
    return list(parse_transcript(text, source="t.txt").turns)


def test_a_nickname_label_takes_the_full_name_the_session_gives_it_once():
    cast = resolve_session(parse_transcript(NICKNAMES, source="t.txt"))
    by_label = {p.labels: p for p in cast.people}
    assert by_label[("SARGE",)].name == "Darnell Featherstone-Bligh"
    assert by_label[("NURSE",)].name == "Oona Kirkpatrick-Vale"
    assert by_label[("SARGE",)].affiliation == "Windhaven Volunteer Fire Brigade"


def test_a_label_given_two_full_names_or_a_name_already_spoken_for_keeps_its_name():
    turns = _turns(
        ">> CHAIR:  Sarge is Mr. Darnell Featherstone-Bligh.  No, sorry, Sarge is Mr. Pavel Dvořák-Lind.\n\n"
        ">> SARGE:  Hello.\n\n"
        ">> NURSE:  Hello.\n\n"
        ">> CHAIR:  And Nurse is Ms. Ruta Gabrielaitytė-Moss.\n\n"
        ">> RUTA GABRIELAITYTE-MOSS:  I am here too.\n"
    )
    groups = [
        LabelGroup(None, ["CHAIR"], [0, 3]),
        LabelGroup("Sarge", ["SARGE"], [1]),
        LabelGroup("Nurse", ["NURSE"], [2]),
        LabelGroup("Ruta Gabrielaitytė-Moss", ["RUTA GABRIELAITYTE-MOSS"], [4]),
    ]
    named = name_nickname_labels(groups, turns)
    # two names for one nickname: which one is unknown; a name another speaker carries: not hers
    assert [g.name for g in named] == [None, "Sarge", "Nurse", "Ruta Gabrielaitytė-Moss"]
