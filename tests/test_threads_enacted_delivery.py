"""A body's output told done with no promise of its own on record (`threads.link._follow`): the delivery takes up an
earlier ask put to that body, as an `enacted` response would, and answers it; a coalition's delivery never does."""

from __future__ import annotations

from forumlens.threads import link_items

from .test_threads_link import item

ASK = "The weather office should share its rainfall maps with the farmers' unions directly, in a form a phone opens."
DONE = "Since March the rainfall maps for the whole region are published as small image files that any phone opens."


def test_a_bodys_delivery_with_no_promise_answers_the_ask_put_to_it():
    ask = item(2011, "need", ASK, coalition="DC Alpha", category="policy")
    done = item(2014, "delivery", DONE, coalition=None, org="Weather Office", speaker="Ola Berg", family="maps")
    linked = link_items([ask, done])
    (thread,) = [t for t in linked.threads if t.kind == "ask"]
    assert thread.status == "answered"
    assert [i.quote for i in thread.items] == [ASK, DONE]
    joined = next(d for d in linked.decisions if d.item == done.ref)
    assert joined.action == "joined" and joined.rule.startswith("response")


def test_a_bodys_delivery_alike_to_nothing_open_is_still_dropped():
    ask = item(2011, "need", "We need travel money for our delegates to reach the forum.", category="funding")
    done = item(2014, "delivery", DONE, coalition=None, org="Weather Office", speaker="Ola Berg", family="maps")
    linked = link_items([ask, done])
    assert [t.status for t in linked.threads] == ["raised-once"]
    dropped = next(d for d in linked.decisions if d.item == done.ref)
    assert dropped.action == "dropped" and "promise not on record" in dropped.rule


def test_a_coalitions_delivery_with_no_promise_does_not_answer_another_coalitions_ask():
    ask = item(2011, "need", ASK, coalition="DC Alpha", category="policy")
    done = item(2014, "delivery", DONE, coalition="DC Beta", speaker="Ola Berg", family="maps")
    linked = link_items([ask, done])
    assert [t.status for t in linked.threads] == ["raised-once"]
