"""Deliverables the lexicon does not know: the head of the phrase a commitment cue governs (`threads.nounphrase`)."""

from __future__ import annotations

import re

import pytest

from forumlens.threads import link_items
from forumlens.threads.nounphrase import is_output, object_phrase, subject_phrase, unknown_family

from .threads_support import items_of


def _object(sentence: str, verb: str) -> str | None:
    at = sentence.index(verb) + len(verb)
    span = object_phrase(sentence, at)
    return sentence[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("sentence", "verb", "head"),
    [
        ("We will publish an almanac of good practices from every region.", "publish", "almanac"),
        ("We will set up an open testing bench in Nairobi, with a university.", "set up", "bench"),
        # an aside between the verb and its object is passed over
        ("We will develop, together with the gender forum, a scorecard for schools.", "develop", "scorecard"),
        # where the output will be, said before it, is passed over; a phrase that is the object itself is not
        ("They will post on their home page a register of shelters.", "post", "register"),
        ("We will publish in the bulletin.", "publish", "bulletin"),
        ("We will print on the cover a map of the river.", "print", "map"),
        # a container is looked through to what it holds
        ("Our plan is to publish a set of guidelines on hosting.", "publish", "guidelines"),
        ("We will draft model clauses for small hosts.", "draft", "clauses"),
        # no output: a pronoun, an abstract object, a name
        ("We will do it.", "do", None),
        ("We will do our best to help.", "do", None),
        ("We will invite the Nordic Fund.", "invite", None),
        ("I will start with the problem that does not go away.", "start", None),
        # the phrase ends before a pronoun or an adverb
        ("We will publish the material we collected as open data.", "publish", "material"),
        ("We are drafting privacy labels too.", "drafting", "labels"),
    ],
)
def test_the_object_phrase_of_a_promise_is_headed_by_its_last_noun(sentence, verb, head):
    assert _object(sentence, verb) == head


@pytest.mark.parametrize(
    ("sentence", "cue", "head"),
    [
        ("The almanac is out since May.", "is out", "almanac"),
        ("The testing bench did not happen.", "did not happen", "bench"),
        ("So the model clauses that we released are in use.", "that we released", "clauses"),
        # a container says which part of a thing, not which thing; a name is no deliverable
        ("The results of the survey are out.", "are out", None),
        ("The Samoan and Tongan versions are being translated.", "are being translated", None),
    ],
)
def test_the_subject_phrase_of_a_follow_up_opens_its_clause(sentence, cue, head):
    span = subject_phrase(sentence, 0, sentence.index(cue))
    assert (sentence[span[0] : span[1]] if span else None) == head


def test_an_unknown_noun_is_a_family_of_its_own_stem():
    assert unknown_family("Almanacs") == unknown_family("almanac") != unknown_family("bench")


FIRST = """IGF 2031 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  Tariq, the floor is yours.

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  Before the next forum we will publish an almanac of good practices from every region.  And we will develop, together with the gender forum, guidelines for safe community networks.
"""

LATER = """IGF 2032 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome back.  Tariq, the floor is yours.

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  The almanac is out since March, with forty practices.  The guidelines are being tested now in three villages.
"""


def test_a_promised_output_the_lexicon_does_not_know_meets_its_delivery_and_no_other_promise():
    first = [i.placed(2031, (2031,)) for i in items_of(FIRST, "almanac-2031.txt").items]
    later = [i.placed(2032, (2032,)) for i in items_of(LATER, "almanac-2032.txt").items]
    promised = [i for i in first if i.signal == "promise"]
    # the almanac, not the good practices it collects; the guidelines past the aside
    assert [(i.family, i.head) for i in promised] == [
        (unknown_family("almanac"), "almanac"),
        ("guidelines", "guidelines"),
    ]
    linked = link_items([*first, *later], model=False)
    commitments = sorted(
        ([i.signal for i, _role in t.entries], t.status) for t in linked.threads if t.kind == "commitment"
    )
    assert commitments == [(["promise", "delivery"], "fulfilled"), (["promise", "update"], "pending")]


def test_a_venue_is_read_just_before_its_noun_however_long_the_sentence() -> None:
    filler = "and the members talked about the access gaps in the villages " * 200  # one run-on caption line
    venue = filler + "it was presented at the regional forum in May"
    noun = venue.index("forum")
    assert not is_output(venue, (noun, noun + len("forum"), "forum"))  # a venue, far into the line
    made = filler + "at the end we wrote a report for the ministry"
    noun = made.index("report")
    assert is_output(made, (noun, noun + len("report"), "report"))  # "at the end" is no venue of it


# -- a phrase between the verb and its object ---------------------------------------------
def _after_verb(sentence: str) -> int:
    """Where the promise's verb ends ("We will print|, …")."""
    verb = re.search(r"will \w+", sentence)
    assert verb is not None
    return verb.end()


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("We will print, by next spring, a booklet for farmers.", "booklet"),  # an aside between commas
        ("We will print, region by region, the maps of the wells.", "maps"),
        ("We will print in 2027 a booklet for farmers.", "booklet"),  # a time before the object
        ("We will hang on every clinic door a poster on the rights.", "poster"),  # a place before the object
        ("We will mail the librarians a checklist of old books.", "checklist"),  # a double object
    ],
)
def test_an_object_after_a_phrase_that_stands_before_it(sentence: str, head: str) -> None:
    at = _after_verb(sentence)
    found = object_phrase(sentence, at)
    assert found is not None and sentence[found[0] : found[1]] == head


@pytest.mark.parametrize(
    "sentence",
    [
        "We will print it for you in 2027, as a gift.",  # a pronoun, not a phrase before the object
        "We will print, as always, for everyone.",  # an aside, and no object after it
    ],
)
def test_no_object_after_a_phrase_when_none_follows(sentence: str) -> None:
    at = _after_verb(sentence)
    assert object_phrase(sentence, at) is None
