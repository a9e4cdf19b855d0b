"""A coalition's name misheard by one letter is the coalition (`bodies._misheard`), and a body named in short after a
speaker's own name counts as theirs where the archive confirms it (`apposed.py`): then a member's items of a year
they named no body, and a new coordinator's items, meet the coalition's items of other years. With more of one
actor's needs together, a need put to a body the thread never asked stays apart (`linkaddressee.py`)."""

from __future__ import annotations

from forumlens.threads import Item, link_items, place_items
from forumlens.threads.apposed import apposed_body, confirmed_bodies
from forumlens.threads.bodies import unified_bodies
from forumlens.threads.link import actor_of
from forumlens.threads.linkaddressee import addressed_bodies
from forumlens.threads.sentences import Sentence

from .threads_support import items_of


def _sentences(*texts: str) -> list[Sentence]:
    out, at = [], 0
    for n, text in enumerate(texts):
        out.append(Sentence(at, at + len(text), n + 1, text))
        at += len(text) + 2
    return out


def test_a_coalition_name_misheard_by_one_letter_is_the_coalition_more_items_write():
    items = [
        Item("a", 1, "Vendors must publish repair manuals.", "need", org="Dynamic Coalition on Repair Kiosks"),
        Item("b", 1, "Repair manuals, for every phone.", "need", org="Dynamic Coalition on Repair Kiosk"),
        Item("c", 1, "Manuals for repair, online.", "need", org="Dynamic Coalition on Repair Kiosks"),
        Item("d", 1, "Open the manuals.", "need", org="Dynamic Coalition on Repair Kiosqs"),  # one letter: a slip
        Item("e", 1, "Fund the kiosks.", "need", org="Dynamic Coalition on Rapair Kiosks"),
        Item("f", 1, "Count the kiosks.", "need", org="Dynamic Coalition on Street Kiosks"),  # another word
        Item("g", 1, "Count the stalls.", "need", org="Dynamic Coalition on Data"),
        Item("h", 1, "Count the stalls again.", "need", org="Dynamic Coalition on Date"),  # a word under five letters
    ]
    out = [actor_of(i) for i in unified_bodies(items)]
    kiosks = "org:Dynamic Coalition on Repair Kiosks"
    assert out[:5] == [kiosks, "org:Dynamic Coalition on Repair Kiosk", kiosks, kiosks, kiosks]
    assert out[5:] == [
        "org:Dynamic Coalition on Street Kiosks",
        "org:Dynamic Coalition on Data",
        "org:Dynamic Coalition on Date",
    ]
    # two wordings as often written: neither is the slip
    even = [
        Item("a", 1, "Publish manuals.", "need", org="Dynamic Coalition on Repair Kiosks"),
        Item("b", 1, "Open manuals.", "need", org="Dynamic Coalition on Repair Kiosqs"),
    ]
    assert len({actor_of(i) for i in unified_bodies(even)}) == 2


def test_the_short_name_after_a_speakers_own_name():
    said = _sentences("Hello.", "Can you hear?", "Ana Quispe-Mamani, Mountain Water Sensors.", "We ask for data.")
    assert apposed_body("Ana Quispe-Mamani", said) == "Mountain Water Sensors"
    assert apposed_body("Ana Quispe-Mamani", _sentences("Ana Quispe-Mamani, Senior Policy Adviser.")) is None
    assert apposed_body("Ana Quispe-Mamani", _sentences("Ana Quispe-Mamani, Buenos Aires.")) is None
    assert apposed_body("Ana Quispe-Mamani", _sentences("Ana Quispe-Mamani, from the river towns.")) is None
    assert apposed_body("Ana", _sentences("Ana, Mountain Water Sensors.")) is None  # a first name alone: no
    assert apposed_body("Ana Quispe-Mamani", _sentences("Thank you, Ana Quispe-Mamani, Mountain Water.")) is None


def test_a_short_name_counts_only_where_the_archive_confirms_it():
    apposed = [("Ana Quispe", "Mountain Water Sensors"), ("Luis Mamani", "Mountain Water Sensors")]
    apposed += [("Rita Oyelaran", "Scrap Workers"), ("Rita Oyelaran", "Policy Unit")]
    named = ["Dynamic Coalition on Scrap Workers", "ITU"]
    assert confirmed_bodies(apposed, named) == {
        "Mountain Water Sensors",  # two people say it
        "Scrap Workers",  # the topic of a coalition the archive names in full
    }
    assert confirmed_bodies([("Ana Quispe", "Mountain Water Sensors")], []) == set()  # one person once: no
    twice = [("Ana Quispe", "Mountain Water Sensors"), ("ANA QUISPE", "Mountain Water Sensors")]
    assert confirmed_bodies(twice, []) == set()  # one person written two ways is one person


Y2017 = """IGF 2017 - Workshop on scrap yards

>> MARTA OYELARAN: Good morning. Kofi, please.

>> KOFI ASANTE: Thank you. Kofi Asante, coordinator of the Dynamic Coalition on Scrap Workers. Every manufacturer must publish a sheet for each phone model that says how to open it safely.

>> MARTA OYELARAN: Thank you. We close here.
"""

Y2023 = """IGF 2023 - Workshop on phones

>> HANNA KORPELA: Good morning. Rita, online.

>> RITA OYELARAN: Can you hear me? Rita Oyelaran, Scrap Workers. We still ask the same: every manufacturer must publish an opening sheet for each phone model.

>> HANNA KORPELA: Thank you. We close here.
"""


def test_a_new_coordinator_who_names_her_coalition_in_short_repeats_its_ask():
    old, new = items_of(Y2017, "ws-2017.txt"), items_of(Y2023, "ws-2023.txt")
    assert new.apposed == {"Rita Oyelaran": "Scrap Workers"}
    placed = place_items([(2017, (2017,), old), (2023, (2023,), new)])
    needs = [i for i in placed if i.signal == "need"]
    assert [i.year for i in needs] == [2017, 2023]
    assert len({actor_of(i) for i in needs}) == 1 and actor_of(needs[0]).endswith(":Dynamic Coalition on Scrap Workers")
    threads = [t for t in link_items(placed).threads if t.kind == "ask"]
    assert [{i.year for i in t.items} for t in threads] == [{2017, 2023}]
    # her short name alone, with no coalition of that topic in the archive and nobody else saying it: her own
    alone = place_items([(2023, (2023,), new)])
    assert {actor_of(i) for i in alone if i.signal == "need"} == {"person:rita oyelaran"}


AIR = "Dynamic Coalition on Mountain Air"


def _air_needs(
    later: str, earlier: str = "The cities must publish the readings of their air stations every hour."
) -> list[Item]:
    return [
        Item("s1", 3, earlier, "need", speaker="Ana Ruiz", coalition=AIR, year=2017, when=(2017,)),
        Item(
            "s2", 5, "Official air data must be open: every station, every hour, for anyone to download.", "need",
            speaker="Ana Ruiz", coalition=AIR, year=2019, when=(2019,),
        ),
        Item("s3", 7, later, "need", speaker="Ana Ruiz", coalition=AIR, year=2020, when=(2020,)),
    ]  # fmt: skip


def test_a_need_put_to_a_body_the_thread_never_asked_is_another_ask(monkeypatch):
    unep = "UNEP, please take community air data into your global platform, next to the official stations."
    assert addressed_bodies(unep) == {"UNEP"}
    years = [sorted(i.year for i in t.items) for t in link_items(_air_needs(unep)).threads]
    assert years == [[2017, 2019], [2020]]
    # the thread asked UNEP before: the same body, joined
    asked = "UNEP should publish the readings of every official air station every hour."
    assert [sorted(i.year for i in t.items) for t in link_items(_air_needs(unep, asked)).threads] == [
        [2017, 2019, 2020]
    ]
    # without the rule the weak likeness ("air", "data", "stations") joins it
    monkeypatch.setattr("forumlens.threads.link.other_addressee", lambda item, row, rules: row)
    assert [sorted(i.year for i in t.items) for t in link_items(_air_needs(unep)).threads] == [[2017, 2019, 2020]]
