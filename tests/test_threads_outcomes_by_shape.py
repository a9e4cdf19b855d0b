"""Outcomes whose deliverable noun the lexicon does not know, found by the sentence's shape (issue 20, round 20's misses).

A sentence that opens with a phrase and then says the speaker promised it ("The seed bank we promised in Dakar …")
is news of that phrase's noun, whatever the noun; it is a delivery when the clause goes on with a deed in the past
at a time ("… finally opened in May 2031"), an update otherwise. A follow-up whose clause opens with a bare
container ("Edition 2 of the atlas … came out") is about what the container holds.
Sessions go through the real pipeline (`prepare_bytes`), as `forumlens ingest` does.
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.deliverables import _retro_update, retro_opening
from forumlens.threads.nounphrase import subject_phrase

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "signal", "head"),
    [
        (
            "The seed bank we promised in Dakar finally opened in May 2031, with four hundred varieties.",
            "delivery",
            "bank",
        ),
        ("The bank of seeds we promised in Dakar went live last year.", "delivery", "bank"),
        ("The seed bank we promised in Dakar was moved to Thiès in 2031.", "update", "bank"),  # no deed of its own
        ("The seed bank we promised in Dakar needed more money than we had.", "update", "bank"),
        ("The seed bank we promised in Dakar, we are still looking for a building.", "update", "bank"),
    ],
)
def test_a_sentence_opening_with_what_was_promised_is_news_of_it(sentence: str, signal: str, head: str) -> None:
    cue = _retro_update(sentence)
    assert cue is not None and cue.signal == signal
    opening = retro_opening(sentence)
    assert opening is not None and opening[1] == head


def test_a_sentence_naming_no_promise_or_not_opening_with_a_phrase_has_no_opening() -> None:
    assert retro_opening("The seed bank opened in May 2031.") is None  # no promise named: not this rule's
    assert retro_opening("In Dakar we promised many things.") is None  # no phrase ends where the promise starts


@pytest.mark.parametrize(
    ("sentence", "cue", "head"),
    [
        ("Version 2.1 of the soil atlas for smallholders came out in March.", "came out", "atlas"),
        ("Part two of our field handbook is online now.", "is online", "handbook"),
    ],
)
def test_a_bare_container_opening_the_clause_is_looked_through(sentence: str, cue: str, head: str) -> None:
    found = subject_phrase(sentence, 0, sentence.index(cue), at_cue=True)
    assert found is not None and sentence[found[0] : found[1]] == head


PROMISED = """>> ANA RUIZ: Welcome.  Moussa, please.

>> MOUSSA DIALLO: Moussa Diallo, Dynamic Coalition on Farming Data.  We will open a seed bank for the farmers of the Casamance, with an open catalogue of its varieties.
"""

SHIPPED = """>> EVA HOLM: Welcome back.  Moussa.

>> MOUSSA DIALLO: Moussa Diallo, Dynamic Coalition on Farming Data.  The seed bank we promised in Dakar finally opened in May 2031, with four hundred varieties.
"""


def test_a_deed_told_of_the_promised_thing_fulfils_that_promise() -> None:
    first, second = items_of(PROMISED, "igf2030-a.txt"), items_of(SHIPPED, "igf2031-b.txt")
    delivery = next(i for i in second.items if i.signal == "delivery")
    assert delivery.head == "bank" and delivery.family == next(i for i in first.items if i.signal == "promise").family
    placed = place_items([(2030, (2030, 0), first), (2031, (2031, 1), second)])
    commitment = next(t for t in link_items(placed).threads if t.kind == "commitment")
    assert commitment.status == "fulfilled"
    assert {i.session for i in commitment.items} == {"igf2030-a.txt", "igf2031-b.txt"}


DROPPED = """>> EVA HOLM: Welcome back.  Moussa.

>> MOUSSA DIALLO: Moussa Diallo, Dynamic Coalition on Farming Data.  Bad news first.  The price alert app for the cooperatives, it never left the pilot in Ziguinchor, and we stopped it in March.
"""


def test_a_phrase_set_before_its_clause_is_what_the_fate_after_it_is_about() -> None:
    found = items_of(DROPPED, "igf2031-c.txt")
    slip = next(i for i in found.items if i.signal == "slip")
    assert slip.head == "app"  # the phrase before the comma, named back by "it", not the pilot nor nothing
