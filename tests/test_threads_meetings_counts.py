"""Promises said as a meeting, a count or a connectivity target, and needs said in other words (issue 20).

A national or youth IGF is a deliverable its forum promises ("Next year our IGF will take place in Kara") and
delivers ("our national forum was held in Kara"); a meeting something was done at is its venue, not what was done;
"our forum will count every …" and "we will connect two hundred schools" are promises; a network cut off on purpose
is one idea in any words (`@shutdown`); "… is never acceptable" demands an end to it.
Sessions go through the real pipeline (`prepare_bytes`), as `forumlens ingest` does.
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.cues import find_cue
from forumlens.threads.lexicon import load_lexicon
from forumlens.threads.models import Item, SessionItems

from .threads_support import items_of

PROMISED = """>> ANA RUIZ: Welcome.  Kossi, please.

>> KOSSI AMEGAN: Kossi Amegan, from the Togo IGF.  Next year our IGF will take place in Kara, in the north, for the first time outside the capital.

>> ANA RUIZ: Thank you.
"""

HELD = """>> EVA HOLM: Welcome back.  Kossi, please.

>> KOSSI AMEGAN: Kossi Amegan, from the Togo IGF.  This year our national forum was held in Kara, and three hundred people came.  The toolkit on local content that we wrote last year was presented at the regional IGF in May.
"""


def test_a_meeting_promised_and_held_is_one_fulfilled_thread() -> None:
    first, second = items_of(PROMISED, "igf2031-promised.txt"), items_of(HELD, "igf2032-held.txt")
    promise = next(i for i in first.items if i.signal == "promise")
    assert promise.family == "event" and "IGF" in (promise.head or "")
    placed = place_items([(2031, (2031, 0), first), (2032, (2032, 1), second)])
    threads = [t for t in link_items(placed).threads if t.kind == "commitment"]
    kara = next(t for t in threads if any("Kara" in i.quote and i.signal == "promise" for i in t.items))
    assert kara.status == "fulfilled" and [r for _, r in kara.entries] == ["raised", "delivered"]


def test_a_meeting_something_was_presented_at_is_its_venue_not_the_deliverable() -> None:
    held = items_of(HELD, "igf2032-held.txt")
    toolkit = next(i for i in held.items if "toolkit" in i.quote and i.signal == "delivery")
    assert toolkit.family == "toolkit"


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("So our forum will count every landing station in the Pacific and publish the census.", "promise"),
        ("Before the end of 2030 we will connect three hundred rural clinics to the fibre.", "promise"),
        ("We count on the secretariat for the room.", None),
        ("After the session we will connect you with the chair.", None),
        ("Switching off the network on the day of the vote is never acceptable.", "need"),
        ("The weather in Kyoto is not acceptable to me, I admit.", None),  # a taste, no demand
    ],
)
def test_counts_connections_and_condemned_practices(sentence: str, signal: str | None) -> None:
    cue = find_cue(sentence)
    assert (cue.signal if cue is not None else None) == signal


def test_a_network_cut_off_is_one_idea_in_any_words() -> None:
    lexicon = load_lexicon()
    wordings = [
        "Governments must stop cutting the Internet during elections.",
        "No government should pull the plug on its people the night before the vote.",
        "No state should disconnect its population during an electoral period.",
        "Switching off the network on the day of the vote is never acceptable.",
    ]
    for text in wordings:
        features = set(lexicon.features(text))
        assert {"@shutdown", "@election"} <= features, text
    assert "@shutdown" not in lexicon.features("We will cut the costs of the next meeting.")


def test_the_forums_name_before_another_noun_is_no_meeting() -> None:
    text = """>> ANA RUIZ: Welcome.  Lena, please.

>> LENA HOFFMANN: Lena Hoffmann, IGF Secretariat.  From this year the IGF messages are translated into the six UN languages.
"""
    found = items_of(text, "igf2031-messages.txt")
    assert all(i.family != "event" for i in found.items)


def test_a_response_that_says_a_coalitions_topic_takes_up_that_coalitions_ask() -> None:
    def need(line: int, coalition: str, quote: str) -> Item:
        return Item("s2030", line, quote, "need", speaker=f"p{line}", coalition=coalition, category="funding")

    first = SessionItems(
        (
            need(3, "DC on Open Educational Resources", "Our members need money to come to the IGF."),
            need(5, "DC on Environment", "We need grants for teachers who research the energy of data centres."),
        )
    )
    answer = Item(
        "s2031",
        4,
        "Our fund now offers grants for teachers who work with open educational resources.",
        "response",
        speaker="Astrid Lund",
        org="Nordic Fund",
        category="funding",
        about="request",
    )
    placed = place_items([(2030, (2030, 0), first), (2031, (2031, 1), SessionItems((answer,)))])
    # the words alone would pick the environment coalition's ask (grants, teachers); the topic said whole decides
    answered = [t for t in link_items(placed).threads if t.status == "answered"]
    assert [t.coalition for t in answered] == ["DC on Open Educational Resources"]
