"""Threads, stop 22: one taxonomy of asks, promises made in answers, questions read out by a moderator,
a document's body named only in its opening, and the cues the sixth development corpus showed missing."""

from __future__ import annotations

import pytest

from forumlens.ingest import prepare_bytes
from forumlens.threads import extract_items, link_items, place_items
from forumlens.threads.cues import find_cue
from forumlens.threads.models import Item

from .threads_support import items_of

ROUNDTABLE = """IGF 2031 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  I will moderate.  First, the Dynamic Coalition on Community Connectivity.  Tariq?

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  We will publish a handbook on maintaining village networks before the next forum.

I want to remind you of one thing that Ana said in Kyoto.  The public fibre should be sold at cost to the small village networks, because the last kilometres are not the expensive part.

>> MIRA SOLBERG:  Thank you.  In the chat there is a question for Tariq, from Kwame in Accra.  How many village networks will use the handbook in the first year?

>> TARIQ BELLO:  About forty village networks have told us they will use it in the first year.

>> MIRA SOLBERG:  And a question from the floor.  Yes, Lena.

>> LENA OKAFOR:  Lena Okafor, from Uganda.  Will the handbook be translated into French for the operators in West Africa?

>> TARIQ BELLO:  Yes, and we will translate it before the next forum with our partners in Dakar.

>> MIRA SOLBERG:  Thank you both.  We close here.
"""


@pytest.fixture(scope="module")
def roundtable():
    p = prepare_bytes(ROUNDTABLE.encode(), "roundtable-2031.txt")
    assert p.failure is None, p.failure
    return p, extract_items(p.session, p.analyses, "roundtable-2031.txt")


def test_an_ask_the_asks_analysis_found_carries_its_category_to_the_thread(roundtable):
    p, found = roundtable
    [fibre] = [i for i in found.items if i.signal == "need" and "public fibre" in i.quote]
    [ask] = [a for a in p.analyses["asks"] if int(a["line"]) == fibre.line and "public fibre" in a["quote"]]
    assert fibre.asked == ask["category"]  # the same sentence, the session report's category
    threads = link_items(place_items([(2031, (2031,), found)])).threads
    [thread] = [t for t in threads if t.kind == "ask" and any("public fibre" in i.quote for i in t.items)]
    assert thread.category == ask["category"]
    assert thread.to_json()["category"] == ask["category"]


def test_an_ask_after_a_sentence_that_is_not_one_on_its_line_is_still_an_item(roundtable):
    # "I want to remind you …" opens the line and is no ask: the ask after it is not lost with it
    _, found = roundtable
    line = next(n for n, text in enumerate(ROUNDTABLE.split("\n"), 1) if text.startswith("I want to remind"))
    assert [i.signal for i in found.items if i.line == line] == ["need"]


def _need(year: int, quote: str, category: str, asked: str | None) -> Item:
    return Item(
        f"s{year}", 3, quote, "need", "Tariq Bello", "DC on Community Connectivity", category=category, asked=asked
    ).placed(year, (year,))


def test_a_thread_takes_the_asks_category_of_its_earliest_need_the_analysis_found_else_the_lexicons():
    first = _need(2031, "Village networks need a small fund for replacement radios.", "funding", None)
    again = _need(2032, "Village networks still need a small fund for replacement radios.", "funding", "support")
    [thread] = link_items([first, again]).threads
    assert thread.category == "support"  # the analysis' category of the need it found, not the lexicon's
    [alone] = link_items([first]).threads
    assert alone.category == "funding"  # no need the analysis found: the lexicon's reading


def test_a_promise_made_inside_an_answer_names_the_deliverable_the_question_asked_about(roundtable):
    # "Will the handbook be translated …?" — "Yes, and we will translate it …": "it" is the handbook
    _, found = roundtable
    [promise] = [i for i in found.items if i.signal == "promise" and "translate it" in i.quote]
    [first] = [i for i in found.items if i.signal == "promise" and "publish a handbook" in i.quote]
    assert promise.family == first.family and promise.head == "handbook"


def test_a_question_a_moderator_reads_out_is_the_askers_and_answered_by_the_reply(roundtable):
    _, found = roundtable
    [question] = [i for i in found.items if i.signal == "question" and "first year?" in i.quote]
    assert question.speaker == "Kwame"
    answers = [i for i in found.items if i.signal == "answer" and i.answers == question.line]
    assert [a.speaker for a in answers] == ["Tariq Bello"]
    # the moderator's own floor management is still no question
    assert not [i for i in found.items if i.signal == "question" and i.speaker == "Mira Solberg"]


NEWSLETTER = """---
title: Meaningful Access – Newsletter No. 3
date: 2031-03
---

# Meaningful Access – Newsletter No. 3, March 2031

*The newsletter of the IGF Policy Network on Meaningful Access. Editors: Ana Costa and Ben Osei.*

## Plans

From this year we will publish a price tracker for entry-level phones twice a year.

We call again on governments to remove the taxes on entry-level phones and on the cheapest data plans.
"""


def test_a_document_whose_title_names_no_body_is_by_the_body_its_opening_names():
    found = items_of(NEWSLETTER, "pnma-newsletter-2031-03.md")
    by = {i.signal: (i.coalition, i.org) for i in found.items}
    assert by.get("promise") == (None, "Policy Network on Meaningful Access")
    assert by.get("need") == (None, "Policy Network on Meaningful Access")  # "We call again on governments to …"


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("We call again on governments to remove the taxes on entry-level phones.", "need"),
        ("The validation workshop the ministry promised us never took place.", "slip"),
        ("The indicators for women and girls are being tested now in three countries.", "update"),
        ("The training kit exists now in four languages of the Pacific.", "delivery"),
        ("The comparative study has been on our page since June.", "delivery"),
        ("We will review the indicators in the next years, with the coalition.", "promise"),
        ("The workshop took place in Dakar with nine countries.", "delivery"),
        ("We call on you to keep to four minutes, please.", None),
        ("Half of our public secondary schools still have no Internet at all.", "need"),
        ("The money of the universal service funds still goes to the big operators.", "need"),
        ("Users whose account is closed must be told which rule they broke.", "need"),
        ("The fragmentation network should invite more people from the registries.", "need"),
        ("I think we should discuss this later today.", None),
        ("It should be noted that the room is full today.", None),
        ("The report is still not ready for publication.", "update"),
        ("And what is not done, we will tell you next year.", None),
    ],
)
def test_cues_of_the_sixth_corpus(sentence, signal):
    found = find_cue(sentence)
    assert (found.signal if found else None) == signal


MAPS = """IGF 2031 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  Tariq, the floor is yours.

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  Next year we will map the satellite offers that small communities can afford.  And we will map it again later.
"""


def test_a_promise_said_with_a_deliverable_verb_promises_that_deliverable():
    # "we will map the satellite offers": the object is no deliverable the lexicon knows, the verb is one
    found = items_of(MAPS, "maps-2031.txt")
    promises = [i for i in found.items if i.signal == "promise"]
    assert [(i.family, i.head) for i in promises][:1] == [("map", "map")]
    assert "satellite offers" in promises[0].quote


CLOSED = """IGF 2031 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  Tariq, the floor is yours.

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  Users whose account is suspended must be told which rule they broke and must have a way to object.
"""


def test_a_need_whose_first_cue_is_a_slip_word_without_a_deliverable_is_a_need():
    # "suspended" is a slip word, but no deliverable slipped: what the sentence asks for is the item
    found = items_of(CLOSED, "closed-2031.txt")
    assert [i.signal for i in found.items if "must be told" in i.quote] == ["need"]
