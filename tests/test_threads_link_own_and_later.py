"""Two readings of linking (issue 20): a need only the `asks` analysis found that is the teller's own undertaking is a
promise (`threads.linkowned`); a question its own session read as answered is still taken up by a later response that
names the meeting and one person's asking, and is then `answered-later` (`linkresponses._answered_in`, `status`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from forumlens.threads import link_items
from forumlens.threads.itemcontext import ASKS_CUE
from forumlens.threads.linkowned import own_promise
from forumlens.threads.status import status_of

from .test_threads_link import item


def _asked(year: int, quote: str, **kw):
    """A need only the asks analysis found on its line."""
    return replace(item(year, "need", quote, **kw), cue=ASKS_CUE)


@pytest.mark.parametrize(
    ("quote", "head"),
    [
        ("Next year the coalition will plant in ten valleys a small weather mast for the herders.", "mast"),
        ("So before the next forum our coalition will count how many radio stations exist.", None),
        # the lexicon's first output word after the promise: a training
        ("And we promise, in three years the network trains two hundred librarians.", "trains"),
    ],
)
def test_the_tellers_own_undertaking_is_read_as_a_promise(quote, head):
    promised = own_promise(_asked(2012, quote))
    assert promised.signal == "promise"
    assert promised.family is not None  # a family of its own when no output is named: it never meets one by chance
    assert promised.head == head


@pytest.mark.parametrize(
    "quote",
    [
        "We will ask the ministry to open the weather data.",  # a verb of asking: the ask itself
        "If the funds come, the coalition will plant ten weather masts.",  # a condition before the subject
        "The ministries should publish the weather data every morning.",  # not the teller's side
        "Will the coalition plant the masts next year?",  # a question
    ],
)
def test_asks_and_hedged_or_others_undertakings_stay_needs(quote):
    assert own_promise(_asked(2012, quote)).signal == "need"


def test_a_need_a_threads_cue_found_is_not_read_again():
    need = item(2012, "need", "The coalition will plant ten weather masts, we need funds for it.")
    assert own_promise(need) is need


def test_the_undertaking_opens_a_commitment_and_a_later_ask_of_the_actor_stays_apart():
    own = _asked(2012, "Next year the coalition will plant in ten valleys a small weather mast for the herders.")
    ask = _asked(2016, "To the ministries: publish the weather data of the valleys for the herders every morning.")
    linked = link_items([own, ask])
    assert sorted((t.kind, t.status) for t in linked.threads) == [("ask", "raised-once"), ("commitment", "pending")]


QUESTION = "Could the forum put the recordings of all workshops in one searchable place?"
NOBODY = "I am afraid nobody from the Secretariat is in the room; we will pass it on."


def _asked_and_passed_on():
    q = item(2008, "question", QUESTION, coalition=None, speaker="Tomas Vik", line=12)
    a = item(2008, "answer", NOBODY, coalition=None, speaker="Chair Person", answers=12)
    return q, a


def test_a_later_response_naming_the_meeting_and_the_asker_takes_up_a_question_answered_there():
    q, a = _asked_and_passed_on()
    later = item(
        2013,
        "response",
        "In Hyderabad a student asked for the recordings of all workshops in one place: they are searchable now.",
        coalition=None,
        org="IGF Secretariat",
        speaker="Ines Lund",
    )
    linked = link_items([q, a, later])
    (thread,) = [t for t in linked.threads if t.kind == "question"]
    assert [i.quote for i in thread.items] == [QUESTION, NOBODY, later.quote]
    assert thread.status == "answered-later"


def test_a_body_that_asked_is_not_the_question_answered_there():
    q, a = _asked_and_passed_on()
    later = item(
        2013,
        "response",
        "In Hyderabad the coalition asked us for the recordings of all workshops in one place: they are searchable now.",
        coalition=None,
        org="IGF Secretariat",
        speaker="Ines Lund",
    )
    linked = link_items([q, a, later])
    (thread,) = [t for t in linked.threads if t.kind == "question"]
    assert thread.status == "answered"
    assert len(thread.items) == 2


def test_a_question_taken_up_in_a_later_session_is_answered_later_whatever_its_session_read():
    q, a = _asked_and_passed_on()
    later = replace(item(2013, "response", "They are searchable now."), signal="response")
    assert status_of("question", [q, a]) == "answered"
    assert status_of("question", [q, a, later]) == "answered-later"
    assert status_of("question", [q]) == "open"
