"""Offices written as compounds ("Under-Secretary-General", "Vice Chair") are titles, not names.

Early IGF captions label turns by office and surname; the display name must be the person's
name alone so the label joins the full name a hand-off gives (resolve/titled.py).
"""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("UNDER-SECRETARY-GENERAL SHA", "Sha"),
        ("VICE-CHAIR SMITH", "Smith"),
        ("VICE CHAIR SMITH", "Smith"),
        ("ASSISTANT SECRETARY-GENERAL LI", "Li"),
        ("CO-CHAIR ANA LIMA", "Ana Lima"),
        ("Deputy Minister Ana Lima", "Ana Lima"),
    ],
)
def test_compound_offices_are_dropped_from_the_name(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize("label", ["VICE-CHAIR", "CO-CHAIR", "UNDER-SECRETARY-GENERAL"])
def test_an_office_alone_names_nobody(label: str) -> None:
    assert display_name(label) is None


@pytest.mark.parametrize(
    ("label", "name"),
    [("JEAN-LUC PICARD", "Jean-Luc Picard"), ("ANNA ACTING", "Anna Acting"), ("ACTING", "Acting")],
)
def test_hyphenated_names_and_qualifier_words_alone_stay_names(label: str, name: str) -> None:
    assert display_name(label) == name


def test_a_2009_style_session_credits_the_office_holder_by_surname() -> None:
    text = (
        ">>CHAIRMAN KARANJA: Good morning. I give the floor to the Under-Secretary-General, Mr. Wei Sha.\n"
        ">>UNDER-SECRETARY-GENERAL SHA: Thank you, Chairman. Development needs an open Internet.\n"
        ">>VICE-CHAIR OKAFOR: Thank you. We now open the floor.\n"
    )
    speakers = [turn.speaker for turn in parse_transcript(text).turns]
    assert speakers == ["Karanja", "Sha", "Okafor"]
