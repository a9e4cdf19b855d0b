"""A follow-up that names its output back with a definite phrase ("The seed calendar is finished") joins the one open
promise whose words hold that phrase (`threads.backref`, `threads.link._named_back`), whoever the actor reading
credits the follow-up to; a phrase two promises hold, or one no promise holds, joins nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from forumlens.threads import link_items
from forumlens.threads.backref import NAMED_BACK, fits, news_opening, referent, word_stems

from .test_threads_link import item
from .threads_support import items_of


@pytest.mark.parametrize(
    ("quote", "cue", "words"),
    [
        ("The seed calendar is finished, in two languages.", "is finished", ("seed", "calendar")),
        ("The toolkit: the chapter on soils is done and online.", "is done", ("toolkit",)),
        ("First the river gauge map: we dropped it.", "we dropped it", ("river", "gauge", "map")),
        ("On our glossary: four languages are done.", "are done", ("glossary",)),
        (
            "The network's survey of rural clinics, published in 2014, found gaps.",
            ", published in",
            ("rural", "clinic", "survey"),
        ),
        ("Version 2 of the model letter is published.", "is published", ("model", "letter")),
    ],
)
def test_the_definite_phrase_before_the_cue_is_read_head_last(quote, cue, words):
    assert referent(quote, cue) == words


@pytest.mark.parametrize(
    ("quote", "cue"),
    [
        ("We finished the seed calendar last year.", "We finished"),  # no definite phrase opens the clause
        ("The answer: the calendar is finished.", "is finished"),  # a topic of talk, not an output
        ("The coalition has published it.", "has published"),  # a body, not an output
    ],
)
def test_no_phrase_when_the_clause_does_not_open_with_an_output(quote, cue):
    assert referent(quote, cue) is None


def test_a_phrase_fits_a_promise_holding_its_head_and_its_words():
    said = {"we", "will", "write", "a", "small", "seed", "calendar", "for", "farmer"}
    assert fits(("seed", "calendar"), said)
    assert not fits(("rain", "calendar"), said)  # a word of the phrase the promise never said
    assert not fits(("seed", "map"), said)  # the head missing
    assert fits(("rural", "farmer", "seed", "calendar"), said)  # four words: one may be missing


def test_a_phrase_fits_the_stems_of_a_promise_as_said():
    said = word_stems(["We will write small Seed Calendars for farmers."])
    assert fits(("seed", "calendar"), said)
    assert not fits(("seed", "map"), said)


PROMISE = "We will write a small seed calendar for farmers, with the planting dates of each valley."
DONE = "The seed calendar is finished, in two languages, and a thousand copies went to the markets."


def _done(quote: str = DONE, **kw):
    return replace(item(2014, "delivery", quote, **kw), cue="is finished")


def test_a_delivery_credited_to_nobody_joins_the_promise_its_phrase_names():
    promise = item(2011, "promise", PROMISE, family="calendar")
    done = _done(coalition=None, speaker=None, family="noun:copy")  # an unidentified turn; the lexicon misread
    linked = link_items([promise, done])
    (thread,) = linked.threads
    assert [i.quote for i in thread.items] == [PROMISE, DONE]
    assert thread.status == "fulfilled"
    joined = next(d for d in linked.decisions if d.item == done.ref)
    assert "names back (seed calendar)" in joined.rule


def test_a_phrase_two_open_promises_hold_joins_neither():
    first = item(2011, "promise", PROMISE, family="calendar")
    second = item(2012, "promise", "Our coalition will print a seed calendar for schools.", coalition="DC Beta")
    done = _done(coalition="DC Gamma", family="noun:copy")
    linked = link_items([first, second, done])
    assert all(len(t.items) == 1 for t in linked.threads)
    dropped = next(d for d in linked.decisions if d.item == done.ref)
    assert dropped.action == "dropped"


def test_the_tellers_own_promise_is_preferred_over_another_bodys():
    own = item(2011, "promise", PROMISE, family="calendar")
    other = item(2012, "promise", "Our coalition will print a seed calendar for schools.", coalition="DC Beta")
    done = _done(family="noun:copy")  # told by DC Alpha, whose promise it is
    linked = link_items([own, other, done])
    (thread,) = [t for t in linked.threads if len(t.items) == 2]
    assert [i.quote for i in thread.items] == [PROMISE, DONE]


def test_a_phrase_no_promise_holds_joins_nothing():
    promise = item(2011, "promise", PROMISE, family="calendar")
    done = _done("The rain gauge network is finished in three valleys.", coalition=None, family="noun:network")
    linked = link_items([promise, done])
    assert [len(t.items) for t in linked.threads] == [1]


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        ("The seed calendar: we printed five hundred.", ": we printed"),
        ("The river gauge network has nine stations now.", "has nine"),
        ("Our tool library started in March; members borrowed forty drills.", "started in"),
        ("The flood warning line now answers in two languages.", "now answers"),  # a service: a line qualified
        ("Our market price message is now in four towns.", "is now"),
        ("The bus timetable for the night routes runs in two cities since May.", "runs in"),  # a verb in the present
    ],
)
def test_news_opens_with_a_definite_phrase_and_a_clause_after_it(sentence, clause):
    found = news_opening(sentence)
    assert found is not None and sentence[found[0] : found[1]] == clause


@pytest.mark.parametrize(
    "sentence",
    [
        "Yes, the seed calendar has a page for each valley.",  # an answer says what the output is
        "The seed calendar will have a page for each valley.",  # what it will be, not what became of it
        "We printed the seed calendar.",  # no definite phrase opens it
        "The problem: nobody pays for printing.",  # a topic of talk
        "The seed calendar.",  # no clause after it
        "The message is simple: plant early.",  # talk, not a service: no word qualifies it
        "The line is busy today.",
        "The seed packets in the valley.",  # a plural noun before a place, no verb: no clause
    ],
)
def test_no_news_without_that_shape(sentence):
    assert news_opening(sentence) is None


def _news(quote: str, **kw):
    found = news_opening(quote)
    assert found is not None
    return replace(item(2014, "update", quote, **kw), cue=quote[found[0] : found[1]], about=NAMED_BACK)


def test_news_named_back_joins_the_promise_whose_deliverable_it_names():
    promise = replace(item(2011, "promise", PROMISE), head="seed calendar", family="noun:calendar")
    news = _news("The seed calendar: we printed five hundred, and the markets sold them all.")
    linked = link_items([promise, news])
    (thread,) = linked.threads
    assert [i.quote for i in thread.items] == [PROMISE, news.quote]
    assert thread.status == "pending"


def test_news_named_back_by_another_body_is_dropped():
    # with no cue of its own, "the seed calendar" of another body's promise is chance at archive scale
    promise = replace(item(2011, "promise", PROMISE), head="seed calendar", family="noun:calendar")
    news = _news("The seed calendar: we printed five hundred, and the markets sold them all.", coalition="DC Beta")
    linked = link_items([promise, news])
    assert [len(t.items) for t in linked.threads] == [1]


def test_news_whose_phrase_is_not_the_promised_deliverable_is_dropped():
    # the promise holds "seed" and "valley", but its deliverable is the calendar: "the valley seed bank" is no news of it
    promise = replace(item(2011, "promise", PROMISE), head="seed calendar", family="noun:calendar")
    news = _news("The valley seed bank has nine hundred samples now.")
    linked = link_items([promise, news])
    assert [len(t.items) for t in linked.threads] == [1]
    dropped = next(d for d in linked.decisions if d.item == news.ref)
    assert dropped.action == "dropped"


SESSION = """IGF 2033 Dynamic Coalition session

>> CHAIR: Good morning. The floor is with the seed coalition.
>> LINA MORAES: Thank you, Chair. I am Lina Moraes, coordinator of the Dynamic Coalition on Seed Calendars.
The seed calendar has a page for every valley now, and the markets sell it.
Yes, the seed calendar is free.
>> CHAIR: Thank you, Lina.
"""


def test_a_sentence_opening_with_a_definite_phrase_is_kept_as_news_named_back():
    items = items_of(SESSION, "igf2033-seed-calendars.txt").items
    (news,) = [i for i in items if i.line == 5]
    assert news.signal == "update" and news.about == NAMED_BACK and news.speaker == "Lina Moraes"
    assert not [i for i in items if i.line == 6]  # an answer's "yes" says what it is, not what became of it


def test_news_named_back_gives_way_to_an_ask_read_on_its_line():
    from forumlens.threads.itemasks import _dedupe
    from forumlens.threads.itemcontext import ASKS_CUE

    quote = "The seed prices are too high for the farmers, and the markets need a fair board."
    news = replace(item(2014, "update", quote, line=7), about=NAMED_BACK, cue="are too")
    asked = replace(item(2014, "need", quote, line=7), cue=ASKS_CUE)
    assert [i.signal for i in _dedupe([news, asked])] == ["need"]
    assert [i.signal for i in _dedupe([news])] == ["update"]
