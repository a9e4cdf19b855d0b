"""The registries load, are consistent, and every official name finds itself."""

from __future__ import annotations

import pytest

from forumlens.resolve import find_mentions, load_registry

REG = load_registry()
DCS = REG.of_kind("dc")


def test_registry_has_every_kind():
    kinds = {e.kind for e in REG.entities.values()}
    assert {"dc", "igf-body", "un-body", "nri", "stakeholder-group"} <= kinds
    assert len(DCS) >= 40
    assert len(REG.countries) > 150


@pytest.mark.parametrize(
    "name",
    [
        "DC on Core Internet Values",
        "Internet Rights and Principles Coalition",
        "Youth Coalition on Internet Governance",
        "DC on Internet Standards, Security and Safety",
        "DC on Children's Rights in the Digital Environment",
        "DC Coordination Group",
        "MAG Working Group on Strategy",
        "MAG Chair",
        "UN DESA",
        "UNESCO",
        "ITU",
        "Office of the Secretary-General's Envoy on Technology",
        "EuroDIG",
        "Nigerian Internet Governance Forum",
        "Youth IGF Poland",
    ],
)
def test_display_names_exist(name):
    assert REG.by_name(name) is not None


@pytest.mark.parametrize("entity", DCS, ids=lambda e: e.id)
def test_each_coalition_official_name_finds_itself(entity):
    for phrase in entity.phrases[:1]:
        found = [m.entity_id for m in find_mentions(f"We heard from the {phrase} today.")]
        assert entity.id in found, (phrase, found)


def test_national_igfs_follow_the_country_pattern():
    for text, expected in [
        ("the Kenya IGF", "nri-kenya"),
        ("the Brazilian Internet Governance Forum", "nri-brazil"),
        ("IGF-USA", "nri-usa"),
        ("Youth IGF Poland", "nri-youth-poland"),
    ]:
        assert expected in [m.entity_id for m in find_mentions(text)], text
