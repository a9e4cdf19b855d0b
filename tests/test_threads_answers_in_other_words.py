"""Answers and deliveries told in other words: what an institution did "which the forum asked for", a need put as
"X should not …", a plain reply to a question relayed from the chat, a delivery whose noun is not the promise's."""

from __future__ import annotations

import pytest

from forumlens.threads import link_items
from forumlens.threads.cues import find_cue
from forumlens.threads.link import actor_of
from forumlens.threads.linkmodel import says_repeat

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        # what was done, told as what someone asked for: the ask taken up
        (
            "Since this year the call accepts proposals in all six UN languages, which the best practice forum on "
            "local content asked for in Katowice.",
            "response",
        ),
        ("The guide on copyright that the forum asked for is on our website since April.", "response"),
        ("In Addis there was a question online about the youth IGFs.", "response"),
        # a need said in the negative, or said to be said again and again
        ("A parliament should not vote a law on data without first asking what it breaks abroad.", "need"),
        ("Filtering at the DNS level, we keep saying it, it fragments the network for everybody.", "need"),
        # ... but not a reminder to the room
        ("We should not forget how far we have come since Tunis.", None),
    ],
)
def test_answer_and_need_cues(sentence, signal):
    cue = find_cue(sentence)
    assert (cue.signal if cue is not None else None) == signal


def test_a_clause_that_says_someone_asked_is_no_ask_taken_up():
    cue = find_cue("I want to start by saying that this session exists because the coalitions asked for it.")
    assert cue is None or cue.signal != "response"


def test_keep_saying_is_a_repeat():
    assert says_repeat("We keep saying it: nobody should vote a law without looking at what it breaks next door.")
    assert not says_repeat("We say it for the first time: parliaments should look at what a law breaks.")


ASKED = """IGF 2031 – Open forum

>> LENA BERG:  Now the local content forum.

>> MERE TAMIHANA:  Mere Tamihana, Dynamic Coalition on Community Connectivity.  We ask the IGF Secretariat to accept session proposals in French and Spanish, not only in English.
"""

DONE = """IGF 2032 – Open forum

>> LENA BERG:  The Secretariat first.

>> ANDERS NYGAARD:  Anders Nygaard, IGF Secretariat.  Since this year the call for session proposals accepts proposals in French and Spanish, which the connectivity coalition asked for last year.
"""


def test_what_an_institution_did_which_a_coalition_asked_for_answers_its_ask():
    first = [i.placed(2031, (2031,)) for i in items_of(ASKED, "ask-2031.txt").items]
    later = [i.placed(2032, (2032,)) for i in items_of(DONE, "done-2032.txt").items]
    assert [(i.signal, actor_of(i)) for i in later] == [("response", "org:IGF Secretariat")]
    linked = link_items([*first, *later], model=False)
    asks = [t for t in linked.threads if t.kind == "ask"]
    assert [([i.signal for i in t.items], t.status) for t in asks] == [(["need", "response"], "answered")]


RELAYED = """IGF 2031 – Hybrid open forum

[10:01] Zofia Nowak: Welcome.  Rangi, the floor is yours.

[10:02] Rangi Parata: Rangi Parata, Best Practice Forum on Local Content.  The collection of case studies came out in June, with twenty-three stories of news in local languages.

[10:05] Zofia Nowak: Thank you.  Diego, something from the chat for Rangi?

[10:05] Diego Alvarez: Yes, from Lucia, a teacher in Cusco.  Is the collection of case studies also available offline, for schools without Internet?

[10:06] Rangi Parata: Yes, Lucia, we made a version on USB sticks and a printed one for forty rural schools.

[10:07] Zofia Nowak: Thank you.  We close here.
"""


def test_a_plain_reply_to_a_question_relayed_from_the_chat_answers_it():
    items = items_of(RELAYED, "relayed-2031.txt").items
    question = next(i for i in items if i.signal == "question" and "offline" in i.quote)
    answers = [i for i in items if i.signal == "answer"]
    assert [(a.quote[:16], a.answers) for a in answers] == [("Yes, Lucia, we m", question.line)]
    linked = link_items([i.placed(2031, (2031,)) for i in items], model=False)
    assert [t.status for t in linked.threads if t.kind == "question" and "offline" in t.items[0].quote] == ["answered"]


PROMISED = """IGF 2031 – Coalitions roundtable

>> MIRA SOLBERG:  Tariq, the floor is yours.

>> TARIQ BELLO:  Tariq Bello, Dynamic Coalition on the Internet of Things.  Before the next IGF we will publish a comparison of the IoT security laws in Europe, in Asia and in Africa.
"""

DELIVERED = """IGF 2032 – Coalitions roundtable

>> MIRA SOLBERG:  Tariq, the floor is yours.

>> TARIQ BELLO:  Tariq Bello, Dynamic Coalition on the Internet of Things.  The comparative study of the IoT security laws in Europe, Asia and Africa has been published in May.
"""


def test_a_delivery_told_with_another_noun_fulfils_the_promise_it_is_most_alike():
    first = [i.placed(2031, (2031,)) for i in items_of(PROMISED, "iot-2031.txt").items]
    later = [i.placed(2032, (2032,)) for i in items_of(DELIVERED, "iot-2032.txt").items]
    assert [i.signal for i in later] == ["delivery"] and first[0].family != later[0].family
    linked = link_items([*first, *later], model=False)
    assert [([i.signal for i in t.items], t.status) for t in linked.threads] == [(["promise", "delivery"], "fulfilled")]
