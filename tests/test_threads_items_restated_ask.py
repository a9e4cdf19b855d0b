"""A body's reply that first restates the ask put to it, then answers in words of its own ("Your coalition asked
that … The Fund cannot pay …"): the answer is the body's response, quoted with the restated ask."""

from __future__ import annotations

from forumlens.threads import link_items, place_items
from forumlens.threads.similarity import make_scorer

from .threads_support import items_of

ASKED = """IGF 2014 - Workshop: tenants online

>> ASTRID VOLKOVA: Good morning. Chidinma, please.

>> CHIDINMA OKAFOR-BERG: Thank you. Chidinma Okafor-Berg, Dynamic Coalition on Tenants Online. We ask the IGF Secretariat to pay the travel of tenants themselves to the Forum, and not only of their organizations.

>> ASTRID VOLKOVA: Thank you. We close here.
"""

REPLY = """IGF 2015 - Open forum: the Secretariat answers

>> ASTRID VOLKOVA: Good morning. Mr. Lindqvist, for the IGF Secretariat, please.

>> PER LINDQVIST-OKOYE: Thank you. Per Lindqvist-Okoye, IGF Secretariat. Your coalition asked that the Forum pay the travel of tenants themselves. The Trust Fund cannot pay for the travel of individual participants; its resources are reserved for the Secretariat.

>> ASTRID VOLKOVA: Thank you. We close here.
"""

TOLD = """IGF 2015 - Open forum: the Secretariat answers

>> ASTRID VOLKOVA: Good morning. Mr. Lindqvist, for the IGF Secretariat, please.

>> PER LINDQVIST-OKOYE: Thank you. Per Lindqvist-Okoye, IGF Secretariat. Several coalitions spoke about the travel of tenants themselves. The Trust Fund cannot pay for the travel of individual participants; its resources are reserved for the Secretariat.

>> ASTRID VOLKOVA: Thank you. We close here.
"""


def test_the_answer_after_a_restated_ask_is_a_response_quoted_with_it() -> None:
    found = items_of(REPLY, "igf2015-open-forum-secretariat-answers.txt")
    responses = [i for i in found.items if i.signal == "response"]
    assert [i.quote for i in responses] == [
        "Your coalition asked that the Forum pay the travel of tenants themselves. The Trust Fund cannot pay for the"
        " travel of individual participants; its resources are reserved for the Secretariat."
    ]
    # without the ask restated, the same answer says nothing linking can read as a response
    plain = items_of(TOLD, "igf2015-open-forum-secretariat-answers.txt")
    assert [i for i in plain.items if i.signal == "response"] == []


def test_the_response_answers_the_coalitions_ask() -> None:
    first = items_of(ASKED, "igf2014-workshop-tenants-online.txt")
    second = items_of(REPLY, "igf2015-open-forum-secretariat-answers.txt")
    items = place_items([(2014, (2014,), first), (2015, (2015,), second)])
    linked = link_items(items, make_scorer(items, "lexical"))
    answered = [t for t in linked.threads if any(i.signal == "response" for i in t.items)]
    assert [[(i.signal, i.year) for i in t.items] for t in answered] == [[("need", 2014), ("response", 2015)]]
    assert answered[0].items[0].quote.startswith("We ask the IGF Secretariat to pay the travel of tenants")
    assert answered[0].status == "answered"
