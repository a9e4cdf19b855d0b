"""A member names their coalition in short once the room knows it ("I am from the Sakha Republic, for the First
Peoples' networks coalition", "I co-coordinate the languages coalition"): the coalition is the actor, not the place, and a
short topic is the one coalition whose topic opens or ends with it."""

from __future__ import annotations

from forumlens.threads.bodies import unified_bodies
from forumlens.threads.link import actor_of
from forumlens.threads.models import Item

from .threads_support import items_of

CAPTION = """IGF 2031 Quito -- Workshop 40 -- Rivers and networks

>> MODERATOR: Welcome. Our first speaker is online.

>> TUPAQ QUISPE-HUAMAN: Good morning. I am from the Puno Region, for the Andean rivers coalition. We ask the
regulators to publish water quality data every month.

>> ANA LIMA-COSTA: Thank you. Ana Lima-Costa, here for the radios coalition. We will train ten radios in river reporting next year.

>> JUAN PEREZ-VARGAS: Some of you know me from the rivers coalition; today I speak for UNESCO. UNESCO will
publish a guide on river monitoring next year.
"""


def test_a_short_coalition_is_the_actor_not_the_place_before_it():
    items = {i.line: i for i in items_of(CAPTION, "quito.txt").items}
    need = items[6]
    assert need.signal == "need" and need.org == "Dynamic Coalition on Andean Rivers"
    assert items[8].org == "Dynamic Coalition on Radios"
    # a coalition said in short is weaker than a body the registry knows, said in the same opening
    assert items[11].org == "UNESCO"


def _item(n: int, org: str | None = None, coalition: str | None = None) -> Item:
    return Item("s", n, f"We ask for item {n}.", "need", coalition=coalition, org=org)


def test_a_short_topic_is_the_one_coalition_whose_topic_opens_or_ends_with_it():
    items = unified_bodies(
        [
            _item(1, coalition="Dynamic Coalition on First Peoples' Languages"),
            _item(2, coalition="DC on Schools of Internet Governance"),
            _item(3, org="Dynamic Coalition on Languages"),
            _item(4, org="Dynamic Coalition on Schools"),
        ]
    )
    assert actor_of(items[2]) == "coalition:Dynamic Coalition on First Peoples' Languages"
    assert actor_of(items[3]) == "coalition:DC on Schools of Internet Governance"


def test_a_short_topic_two_coalitions_share_or_a_coalition_of_its_own_is_left_alone():
    items = unified_bodies(
        [
            _item(1, coalition="Dynamic Coalition on First Peoples' Networks"),
            _item(2, coalition="Dynamic Coalition on Community Networks"),
            _item(3, org="Dynamic Coalition on Networks"),
        ]
    )
    assert actor_of(items[2]) == "org:Dynamic Coalition on Networks"
    items = unified_bodies(
        [
            _item(1, coalition="Dynamic Coalition on Indigenous Languages"),
            _item(2, coalition="Dynamic Coalition on Languages"),
        ]
    )
    assert actor_of(items[1]) == "coalition:Dynamic Coalition on Languages"
