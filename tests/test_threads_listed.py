"""Items never extracted before (issue 20): a document's lists read by their heading (`threads/listed.py`), an
institution's promises in its own verbs, and follow-ups said as "is public since", "never appeared", "is in the
field", "decided not to do it" (`threads/cues.py`)."""

from __future__ import annotations

import pytest

from forumlens.threads.backref import NAMED_BACK
from forumlens.threads.cues import find_cue
from forumlens.threads.listed import opens_list_item, section_signal

from .threads_support import items_of

COMMUNIQUE = """---
title: "Two networks become one: the Dynamic Coalition on Community Connectivity"
type: joint communiqué
date: 2031-10-21
coalition: Dynamic Coalition on Community Connectivity
---

## Why we merge

- Our two networks have met in the same rooms for years.

## What we ask

1. That spectrum for village networks be reserved in every national plan, at no cost.
2. That the regional registries count, every year, the community networks that hold their own addresses.

## What we will do next

- A shared handbook on solar masts for village networks, by the end of 2032.
- Meetings with our members.
"""


@pytest.fixture(scope="module")
def communique():
    return items_of(COMMUNIQUE, "dc3-communique-2031.md").items


def _at(items, words):
    return [i for i in items if words in i.quote]


def test_a_list_under_an_ask_heading_is_the_documents_asks(communique):
    spectrum = _at(communique, "That spectrum for village networks")
    registries = _at(communique, "That the regional registries count")
    assert [i.signal for i in spectrum] == ["need"]
    assert [i.signal for i in registries] == ["need"]
    assert "Community Connectivity" in (registries[0].coalition or "")


def test_a_list_under_a_plans_heading_promises_what_it_names(communique):
    handbook = _at(communique, "A shared handbook on solar masts")
    assert [(i.signal, i.head) for i in handbook] == [("promise", "handbook")]
    # an item that names no deliverable promises nothing, and a list under a heading that names no list kind
    # ("Why we merge") gives nothing
    assert not _at(communique, "Meetings with our members")
    # (a sentence opening with a definite phrase is only a candidate piece of news of a promised output, which
    # linking drops unless the teller's own promise names it: `backref.news_opening`)
    assert not [i for i in _at(communique, "Our two networks have met") if i.about != NAMED_BACK]
    assert not [i for i in communique if i.quote.strip() in ("1.", "2.")]


@pytest.mark.parametrize(
    ("heading", "signal"),
    [
        ("## What we ask", "need"),
        ("## 2. What we ask for", "need"),
        ("## What East Africa asks", "need"),
        ("## Our recommendations to the IGF", "need"),
        ("## Devices: our call to governments", "need"),
        ("## What we will do next", "promise"),
        ("## Plans for 2025", "promise"),
        ("## Next steps", "promise"),
        ("## Why we merge", None),
        ("## Findings", None),
        ("## What we did in 2024", None),
        (None, None),
    ],
)
def test_section_signal_reads_the_heading_by_its_shape(heading, signal):
    assert section_signal(heading) == signal


def test_a_list_item_opens_after_its_mark_only():
    text = "## What we ask\n\n2. That registers be open. They help.\nProse. That is all."
    first = text.index("That registers")
    assert opens_list_item(text, first, first + 25)
    assert not opens_list_item(text, text.index("They help"), len(text))
    assert not opens_list_item(text, text.index("That is all"), len(text))


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("And we promise a toolkit for the managers of telecentres, by the end of 2018.", "promise"),
        ("In 2020 we will put one calendar of all the intersessional meetings on the IGF website.", "promise"),
        ("We will put the material we collected in an annex of the language study.", "promise"),
        ("And one more promise: a guide for seafarers' centres in ports, before the IGF of 2025.", "promise"),
        ("Our study on fraud against older people is public since March.", "delivery"),
        ("The guide for postal operators that the UPU announced in Istanbul never appeared.", "slip"),
        ("The ranking of the platforms, we decided in the end not to do it.", "slip"),
        ("The survey on fraud is in the field in four of the five countries.", "update"),
        ("Our study of the open data portals is in its last review.", "update"),
        # floor management and an offer to a person are no promises
        ("We will send you the link after the session.", None),
        ("We will put the question to the panel.", None),
        ("I will give you the floor now.", None),
    ],
)
def test_cues_of_promises_and_their_fate_in_other_words(sentence, signal):
    cue = find_cue(sentence)
    assert (cue.signal if cue else None) == signal


def test_an_institution_promises_in_its_own_verbs():
    text = """IGF 2028 -- Open forum of the institutions

>> MIRA SOLBERG:  Welcome.  The Secretariat first.

>> HALIMA DIABATE:  Thank you.  Halima Diabate, IGF Secretariat.  Several coalitions told us that nobody can find them.
Before the next Forum the Secretariat will give every dynamic coalition its own page on the IGF website.

>> MIRA SOLBERG:  Thank you.  UNESCO.

>> CORENTIN VASSEUR:  Corentin Vasseur, UNESCO.  Next year UNESCO will convene an expert meeting on web archiving in Dakar.
"""
    items = items_of(text, "igf2028-open-forum.txt").items
    page = _at(items, "its own page")
    meeting = _at(items, "convene an expert meeting")
    assert [(i.signal, i.org) for i in page] == [("promise", "IGF Secretariat")]
    assert [i.signal for i in meeting] == ["promise"] and meeting[0].org == "UNESCO"


def test_a_turn_labelled_by_its_coalition_is_that_coalitions_even_when_it_asks_another_body():
    text = """IGF 2034 -- Open consultation on intersessional work

>> CHAIR: Good morning. The coalitions first.

>> DYNAMIC COALITION ON VILLAGE NETWORKS: Thank you, Chair. Amara Okafor, from Enugu, co-coordinator. I have one request.

The request, again: no coalition is ever heard in a main session. We ask the MAG to reserve a main session for the dynamic coalitions at the next IGF.

>> CHAIR: Thank you.
"""
    items = items_of(text, "igf2034-open-consultation.txt").items
    ask = _at(items, "We ask the MAG to reserve")
    assert [(i.signal, i.coalition, i.org) for i in ask] == [("need", "Dynamic Coalition on Village Networks", None)]
