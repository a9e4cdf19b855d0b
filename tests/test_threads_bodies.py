"""Two coalitions that merge are one actor under the merged name (`renames.stated_renames` reads a merger), and one
body's name written in several ways (capitals, apostrophes, coalition or institution, a caption label that is the
body itself) is one actor (`bodies.unified_bodies`)."""

from __future__ import annotations

from forumlens.threads import link_items, place_items
from forumlens.threads.bodies import body_key, unified_bodies
from forumlens.threads.link import actor_of
from forumlens.threads.models import Item, SessionItems
from forumlens.threads.renames import stated_renames

from .threads_support import items_of


def test_the_shapes_of_a_stated_merger():
    assert stated_renames(
        "From today the Dynamic Coalition on Rivers and the Dynamic Coalition on Lakes are one coalition, the"
        " **Dynamic Coalition on Fresh Water (DC-FW)**, and we keep the work of both."
    ) == [
        ("Dynamic Coalition on Rivers", "Dynamic Coalition on Fresh Water"),
        ("Dynamic Coalition on Lakes", "Dynamic Coalition on Fresh Water"),
    ]
    assert stated_renames("In 2019 the DC on Cats and the coalition on Dogs merged into the DC on Pets.") == [
        ("DC on Cats", "DC on Pets"),
        ("coalition on Dogs", "DC on Pets"),
    ]
    assert stated_renames(
        "The Dynamic Coalition on Pets, formed in Paris from the DC on Cats and the DC on Dogs, asks for more."
    ) == [("DC on Cats", "Dynamic Coalition on Pets"), ("DC on Dogs", "Dynamic Coalition on Pets")]
    # one body whose topic has "and" in it, or two bodies that only work together, is no merger
    assert stated_renames("The Dynamic Coalition on Cats and Dogs is one coalition, not two.") == []
    assert stated_renames("The DC on Cats and the DC on Dogs held one session together in Paris.") == []


def test_one_body_written_several_ways_is_one_actor():
    assert body_key("DYNAMIC COALITION ON SEAFARERS' CONNECTIVITY") == body_key(
        "Dynamic Coalition on Seafarers’ Connectivity"
    )
    assert body_key("DC on Seafarers Connectivity") == body_key("dynamic coalition on seafarers connectivity")
    assert body_key("Ruth Mensah") is None and body_key("IGF Secretariat") is None
    items = [
        Item(
            "a",
            1,
            "Ports should offer free wifi on the quay.",
            "need",
            speaker="DYNAMIC COALITION ON SEAFARERS' CONNECTIVITY",
        ),
        Item(
            "b",
            1,
            "Every port should give crews a free connection.",
            "need",
            org="Dynamic Coalition on Seafarers' Connectivity",
        ),
        Item(
            "c",
            1,
            "A free connection on the quay, in every port.",
            "need",
            org="Dynamic Coalition on Seafarers' Connectivity",
        ),
        Item("d", 1, "Publish the address registers.", "need", coalition="Dynamic Coalition on Addresses"),
        Item("e", 1, "Open the address registers.", "need", org="Dynamic Coalition on Addresses"),
        Item("f", 1, "We ask for captions.", "need", speaker="Ruth Mensah"),
    ]
    out = unified_bodies(items)
    assert [actor_of(i) for i in out] == [
        "org:Dynamic Coalition on Seafarers' Connectivity",
        "org:Dynamic Coalition on Seafarers' Connectivity",
        "org:Dynamic Coalition on Seafarers' Connectivity",
        "coalition:Dynamic Coalition on Addresses",
        "coalition:Dynamic Coalition on Addresses",
        "person:ruth mensah",
    ]
    assert [i.quote for i in out] == [i.quote for i in items]  # nothing lost, nothing reworded


Y2009 = """IGF 2009 - Workshop on water

>> ANA MOREAU: Welcome. The rivers, please.

>> MIREILLE CASTONGUAY: Thank you. Mireille Castonguay, Dynamic Coalition on Rivers. Governments must publish the daily water quality readings of every river as open data.
"""

Y2013 = """---
title: "Two coalitions become one"
type: joint communiqué
---

From today the Dynamic Coalition on Rivers and the Dynamic Coalition on Lakes are one coalition, the **Dynamic Coalition on Fresh Water**, and we keep the work of both.

## What we ask

1. That river water quality be open: every government should publish its daily readings as open data, at no cost.
"""


def test_a_merged_coalitions_ask_joins_the_ask_of_one_of_the_coalitions_it_came_from():
    old, new = items_of(Y2009, "ws-2009.txt"), items_of(Y2013, "communique-2013.md")
    assert ("Dynamic Coalition on Rivers", "Dynamic Coalition on Fresh Water") in new.renames
    placed = place_items([(2009, (2009,), old), (2013, (2013,), new)])
    needs = [i for i in placed if i.signal == "need"]
    assert [i.quote[:12] for i in needs] == ["Governments ", "That river w"]
    assert {actor_of(i) for i in needs} == {actor_of(needs[-1])} and "Fresh Water" in actor_of(needs[-1])
    apart = place_items([(2009, (2009,), old), (2013, (2013,), SessionItems(new.items, new.speakers))])
    assert len({actor_of(i) for i in apart if i.signal == "need"}) == 2  # without the merger: two actors
    threads = link_items(placed).threads
    assert any({i.year for i in t.items} == {2009, 2013} for t in threads if t.kind == "ask")


def _hats(told: str) -> list[set[int | None]]:
    items = [
        Item(
            "vilnius", 3, "And our promise: a handbook on naming streets in informal settlements, for 2012.", "promise",
            speaker="Kwabena Ntim", coalition="DC on Street Addressing", family="guide", head="handbook",
            cue="our promise", year=2010, when=(2010,),
        ),
        Item(
            "istanbul", 9, told, "delivery", speaker="Kwabena Ntim", org="West Africa IGF", family="guide",
            head="handbook", cue="was published", year=2014, when=(2014,),
        ),
    ]  # fmt: skip
    return [{i.year for i in t.items} for t in link_items(items).threads if t.kind == "commitment"]


def test_a_promise_the_teller_made_under_another_hat_is_fulfilled_by_what_they_tell_under_the_new_one():
    said = "The street-naming handbook that I promised in Vilnius was published in March, in English and French."
    assert _hats(said) == [{2010, 2014}]
    # without "I promised" the teller's new body is the actor: the old body's promise is not theirs to fulfil
    assert {2010, 2014} not in _hats("The street-naming handbook was published in March, in English and French.")


def test_one_loop_reads_a_misheard_wording_as_the_one_body_ranked_before_it():
    """`_heard_as` serves both mishearings: the word test says which topics are one word apart, the rank which
    wording wins; a wording with two bodies ranked before it, or none, is left alone."""
    from collections import Counter

    from forumlens.threads.bodies import _heard_as, _misheard, _misheard_ending, _one_slip

    def written(*counts: int) -> Counter[tuple[int, str]]:
        return Counter({(rank, f"w{n}"): count for n, (rank, count) in enumerate(zip((1,) * len(counts), counts))})

    seen = {
        ("coalition", "river pilots"): written(4),
        ("coalition", "river piolts"): written(1),  # two letters swapped
        ("coalition", "river pilets"): written(1),  # one letter put for another, as often as the other slip
        ("coalition", "lake pilots"): written(9),  # another word: never a slip
    }
    weight = {key: sum(c.values()) for key, c in seen.items()}
    by_weight = _heard_as(seen, _one_slip, lambda key: (-weight[key],))
    assert by_weight == {
        ("coalition", "river piolts"): ("coalition", "river pilots"),
        ("coalition", "river pilets"): ("coalition", "river pilots"),
    }
    assert _misheard(seen) == by_weight
    # ranked the other way round (the lighter first), "river pilots" has two wordings ranked before it: left alone,
    # and each slip has none
    assert _heard_as(seen, _one_slip, lambda key: (weight[key], key[1])) == {}

    endings = {("coalition", "radio memory"): written(3), ("coalition", "radio memorial"): written(1)}
    assert _misheard_ending(endings) == {("coalition", "radio memorial"): ("coalition", "radio memory")}
