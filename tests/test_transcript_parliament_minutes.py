"""Parliament minutes' labels (round 23's parse misses, by their shape): a bracketed time stamp
between a label and its colon, a Nordic minister's office before the name, the sitting's chair in
the definite form, a role addressed by its title and article (`Mme la présidente`), several
members at once (`Plusieurs députés du groupe …`). Invented names and words."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.shapes import label_shapes
from forumlens.transcript.speakers import display_name, generic_label

# A Nordic parliament's minutes: `Name (Party) [hh:mm:ss]:`, the minister by office and name, the
# chair as `Presidenten` with no stamp.
MINUTES = """Møte onsdag den 4. mars 2026 kl. 10
President: Jorunn Eidsvåg-Tollefsen
Sak nr. 3 [10:14:02]
Halvard Sørbøe-Lindqvist (Sp) [10:14:30]: President! Jeg vil spørre om bredbånd i distriktene.
Statsråd Oddny Kvamsdal-Rønning [10:18:55]: President! Utbyggingen går etter planen i år.
Presidenten: Presidenten minner om taletiden.
Halvard Sørbøe-Lindqvist (Sp) [10:22:10]: Takk, president. Det svaret er jeg fornøyd med.
Statsråd Oddny Kvamsdal-Rønning [10:24:41]: President! Da er vi enige om målet.
Presidenten: Debatten er avsluttet.
"""


def test_a_time_stamp_between_label_and_colon_is_no_part_of_the_label() -> None:
    labels = [c.label for c in label_shapes(MINUTES).candidates]
    assert "Halvard Sørbøe-Lindqvist (Sp)" in labels
    assert "Statsråd Oddny Kvamsdal-Rønning" in labels


def test_nordic_minutes_read_each_member_the_minister_by_name_and_the_chair_as_a_role() -> None:
    turns = parse_transcript(MINUTES).turns
    assert [(t.speaker, t.text.split(".")[0].split("!")[0]) for t in turns] == [
        ("Halvard Sørbøe-Lindqvist", "President"),
        ("Oddny Kvamsdal-Rønning", "President"),
        (None, "Presidenten minner om taletiden"),
        ("Halvard Sørbøe-Lindqvist", "Takk, president"),
        ("Oddny Kvamsdal-Rønning", "President"),
        (None, "Debatten er avsluttet"),
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Mme la présidente",
        "M. le président",
        "Plusieurs députés du groupe Horizons",
        "Several members of the committee",
        "Varios diputados",
        "Presidenten",
        "Talmannen",
    ],
)
def test_roles_and_groups_of_a_house_name_nobody(label: str) -> None:
    assert generic_label(label)


@pytest.mark.parametrize(
    "label",
    ["Mme Laure Presidente", "M. Lebrun", "Severine Plusieurs", "La Fontaine", "Presidente Ruiz"],
)
def test_a_person_beside_those_words_is_still_a_person(label: str) -> None:
    assert not generic_label(label)


def test_a_nordic_ministers_office_is_dropped_from_the_name() -> None:
    assert display_name("Statsråd Oddny Kvamsdal-Rønning") == "Oddny Kvamsdal-Rønning"
    assert display_name("Statsminister Jo Lindqvist") == "Jo Lindqvist"
