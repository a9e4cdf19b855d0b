"""A body renamed between years is one actor under its new name (`threads/renames.py`), and a document whose
metadata took a new coalition for a registry one that shares a few words stays the coalition it names."""

from __future__ import annotations

from forumlens.models import Session
from forumlens.threads import link_items, place_items
from forumlens.threads.actors import document_actor
from forumlens.threads.link import actor_of
from forumlens.threads.models import Item, SessionItems
from forumlens.threads.renames import name_key, renamed_actors, stated_renames

from .threads_support import items_of

Y2008 = """IGF 2008 - Workshop on web archives

>> ANA MOREAU: Welcome. The coalition on web archiving, please.

>> MIREILLE CASTONGUAY: Thank you. Mireille Castonguay, Dynamic Coalition on Web Archiving. National libraries must be allowed by law to collect the websites of their country, as they collect books.
"""

Y2012 = """IGF 2012 - Open forum on heritage

>> ANA MOREAU: Welcome. Tendai, please.

>> TENDAI MUZOREWA: Thank you. Tendai Muzorewa, from Harare. Some of you knew us as the coalition on web archiving; since Vilnius we are the Dynamic Coalition on Digital Heritage, because museums now work with us. Every country should let its national library collect the websites of the country by law, as it collects books.
"""


def test_the_shapes_of_a_stated_rename():
    assert stated_renames(
        "Some of you knew us as the coalition on web archiving; since Vilnius we are the Dynamic Coalition on"
        " Digital Heritage, because archives work with us."
    ) == [("coalition on web archiving", "Dynamic Coalition on Digital Heritage")]
    assert stated_renames(
        "The Dynamic Coalition on Child Safety (formerly the Dynamic Coalition on Child Protection) met."
    ) == [("Dynamic Coalition on Child Protection", "Dynamic Coalition on Child Safety")]
    assert stated_renames(
        "The Coalition on Gender, now renamed the Dynamic Coalition on Gender and Internet Governance, met."
    ) == [("Coalition on Gender", "Dynamic Coalition on Gender and Internet Governance")]
    assert stated_renames(
        "In 2019 we changed our name from the Coalition on Open Standards to the DC on Open Technologies."
    ) == [("Coalition on Open Standards", "DC on Open Technologies")]
    # saying whom one speaks for, or "known as" of no body, is no rename
    assert stated_renames("We are the Dynamic Coalition on Accessibility and we work on captions.") == []
    assert stated_renames("She was known as the coalition queen; we are the Dynamic Coalition on Schools.") == []
    assert name_key("DC on Web Archiving") == name_key("the dynamic coalition on web archiving")


def test_a_renamed_coalitions_items_are_read_under_its_new_name_and_its_ask_joins():
    old, new = items_of(Y2008, "ws-2008.txt"), items_of(Y2012, "of-2012.txt")
    assert ("coalition on web archiving", "Dynamic Coalition on Digital Heritage") in new.renames
    assert SessionItems.from_json("of-2012.txt", new.to_json()).renames == new.renames  # stored and read back
    placed = place_items([(2008, (2008,), old), (2012, (2012,), new)])
    speakers = ("Mireille Castonguay", "Tendai Muzorewa")
    actors = {actor_of(i) for i in placed if i.signal == "need" and i.speaker in speakers}
    assert actors == {"org:Dynamic Coalition on Digital Heritage"}
    # without the 2012 rename the two years are two actors
    apart = place_items([(2008, (2008,), old), (2012, (2012,), SessionItems(new.items, new.speakers))])
    assert len({actor_of(i) for i in apart if i.signal == "need" and i.speaker in speakers}) == 2
    threads = link_items(placed).threads
    assert any({i.year for i in t.items} == {2008, 2012} for t in threads if t.kind == "ask")


def test_a_rename_to_a_registry_coalition_reads_the_old_items_as_that_coalition():
    items = [
        Item("a", 1, "We ask for captions.", "need", org="Dynamic Coalition on Captions"),
        Item("b", 1, "We ask for captions again.", "need", coalition="DC on Accessibility and Disability"),
        Item("c", 1, "We will publish a guide.", "promise", org="Internet Society"),
    ]
    out = renamed_actors(items, [("the Dynamic Coalition on Captions", "DC on Accessibility and Disability")])
    assert [actor_of(i) for i in out] == ["coalition:DC on Accessibility and Disability"] * 2 + ["org:Internet Society"]
    assert renamed_actors(items, []) == items


def test_a_documents_coalition_misread_as_a_registry_one_sharing_a_few_words_is_the_one_it_names():
    text = '---\ntitle: "FAQ"\ncoalition: "Dynamic Coalition on Telecentres and Public Access (DC-TPA)"\n---\n\nText.\n'
    session = Session(title="FAQ", sha256="0" * 64, source="faq.md", turns=(), text=text)
    meta = {"document": {"coalitions": [{"name": "DC on Public Access in Libraries", "confidence": 0.9}]}}
    assert document_actor(session, meta) == (None, "Dynamic Coalition on Telecentres and Public Access")
    # the registry coalition's own name in the opening: kept
    same = '---\ntitle: "Report"\ncoalition: "Dynamic Coalition on Public Access in Libraries"\n---\n\nText.\n'
    kept = Session(title="Report", sha256="1" * 64, source="report.md", turns=(), text=same)
    assert document_actor(kept, meta) == ("DC on Public Access in Libraries", None)
