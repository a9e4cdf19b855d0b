"""Label variants merge; known names map; unnamed turns stay people."""

from __future__ import annotations

import pytest

from forumlens.resolve import group_labels, merge_known, same_person
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Olivier Repin\u2011Leblond", "Olivier Crepin-Leblond", True),
        ("MARIA GARCÍA", "Maria Garcia", True),
        ("Shimeless Lemma", "Shimeles Lemma", True),
        ("Markus", "Markus Kummer", True),
        ("Mark Carvell", "Mark Stevens", False),
        ("Jutta Croll", "Jason Munyan", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_merge_known_maps_to_store_names():
    known = ["Anriette Esterhuysen", "Olivier Crepin-Leblond"]
    assert merge_known(["ANRIETTE ASTERHUYSEN", "Olivier Repin-Leblond", "New Person"], known) == {
        "ANRIETTE ASTERHUYSEN": "Anriette Esterhuysen",
        "Olivier Repin-Leblond": "Olivier Crepin-Leblond",
        "New Person": "New Person",
    }


def test_group_labels_keeps_every_label_and_unnamed_turns():
    text = (
        "Title\n\n>> OLIVIER REPIN\u2011LEBLOND: Hello.\n\n>> CHAIR PERSON: Thanks.\n\n"
        ">> Hi, I'm from the floor.\n\n>> OLIVIER CREPIN\u2011LEBLOND: Again.\n"
    )
    groups = group_labels(parse_transcript(text))
    olivier = next(g for g in groups if g.name and g.name.startswith("Olivier"))
    assert olivier.name == "Olivier Crepin-Leblond"
    assert olivier.labels == ["OLIVIER REPIN-LEBLOND", "OLIVIER CREPIN-LEBLOND"]
    assert len(olivier.turns) == 2
    assert any(g.name is None and not g.labels for g in groups)
