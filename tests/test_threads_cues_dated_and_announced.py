"""Promises and asks said in shapes no verb list holds (issue 20): a dated future of the speaker's own with any verb
("by 2015 we will bring … together in one portal"), a pseudo-cleft ("What we will do is put a page …"), and an ask
or promise announced by its noun and a colon ("Our ask has not changed: …", "Our first promise as one coalition:
…"); "a note" with an article is an output, "take note of" is not."""

from __future__ import annotations

import pytest

from forumlens.threads.cues import find_cue
from forumlens.threads.nounphrase import object_phrase


def _signal(sentence: str) -> str | None:
    cue = find_cue(sentence)
    return cue.signal if cue else None


@pytest.mark.parametrize(
    "sentence",
    [
        "And we will go further: by 2016 we will gather these lessons into one searchable archive, by region.",
        "We will fold the three toolkits into a single handbook before the Forum in 2019.",
        # without a date too, since stop 37 (`promiseshape`): the clause's shape, not the date, makes the promise
        "We will gather these lessons into one archive.",
    ],
)
def test_a_dated_future_of_our_own_promises_whatever_its_verb(sentence):
    assert _signal(sentence) == "promise"


@pytest.mark.parametrize(
    "sentence",
    [
        "We will meet again next year.",  # a verb of presence: no output
        "We hope that by 2030 we will gather everyone online.",  # a hedge before it
        "I have noted it, and I will carry it back to my colleagues in Geneva.",  # a meeting's city is no date
    ],
)
def test_without_a_date_or_with_a_verb_of_talk_it_is_no_promise(sentence):
    assert _signal(sentence) != "promise"


def test_a_pseudo_cleft_promises_the_object_of_the_verb_after_is():
    sentence = "What we will do is put a list of rural libraries on our website before the next Forum."
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "promise" and cue.text == "What we will do is put"
    head = object_phrase(sentence, cue.end)
    assert head is not None and sentence[head[0] : head[1]] == "list"


def test_an_ask_announced_by_its_noun_and_a_colon():
    assert _signal("Our ask has not changed: the tallies of every district, as open data, on election night.") == "need"
    assert _signal("The youth coalition put its old ask again: free data for students in exam weeks.") == "need"


def test_a_promise_announced_with_an_aside_but_not_one_told_kept():
    assert _signal("Our first promise as one network: a shared map of hubs, before the Forum next year.") == "promise"
    # the aside tells the promise's fate: what follows is the delivery
    kept = "First, our promise from Kyoto is kept: the map of hubs was published in May."
    assert _signal(kept) == "delivery"


def test_a_note_with_an_article_is_an_output_take_note_is_not():
    made = "We will present a short note on data retention to our board in March."
    head = object_phrase(made, len("We will present"))
    assert head is not None and made[head[0] : head[1]] == "note"
    assert object_phrase("We will take note of the request.", len("We will take")) is None
