"""The asks analysis split by job (issue 19): `asks` walks the turns, `asksentence` reads one sentence
by the cue rules, `askunits` judges units, `askcategory` weighs the categories, `chairview` reads a
chair's sentence. The public names stay importable from `analyse.asks`, and the grammar readers of
`pledges` answer a text asked again from memory with the very same answer. Examples written here."""

from __future__ import annotations

import pytest

from forumlens.analyse import askcategory, asks, asksentence, chairview, cues, pledges
from forumlens.analyse.pledges import delivery_promise, own_pledge


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("classify_type", asksentence),
        ("classify_category", asksentence),
        ("category_scores", asksentence),
        ("says_nothing", asksentence),
        ("chair_view", chairview),
        ("inside_quote", chairview),
    ],
)
def test_the_public_names_of_asks_are_the_split_modules_own(name: str, home: object) -> None:
    assert name in asks.__all__
    assert getattr(asks, name) is getattr(home, name)


def test_each_split_module_lists_what_it_exports() -> None:
    for module in (asks, asksentence, askcategory, chairview):
        assert all(hasattr(module, name) for name in module.__all__), module.__name__


def test_a_sentence_read_twice_gets_the_same_pledge_back() -> None:
    sentence = "Our radio club will record the village stories again next spring."
    first = own_pledge(sentence)
    assert first is not None and first.group("verb") == "record"
    assert own_pledge(sentence) is first


def test_a_delivery_read_twice_is_the_same_promise() -> None:
    sentence = "The workshop notes will go to the mailing list on Friday."
    first = delivery_promise(sentence)
    assert first is not None
    assert delivery_promise(sentence) is first


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you all for coming this morning to the library.",  # no modal, no deliverable
        "The weather in the valley was kind to the farmers last spring.",
        "",
    ],
)
def test_a_sentence_without_will_or_a_deliverable_is_neither(sentence: str) -> None:
    assert own_pledge(sentence) is None
    assert delivery_promise(sentence) is None


def test_a_very_long_line_is_read_but_not_kept() -> None:
    line = "and so on " * 3000 + "we will plant a hundred trees next year."
    assert len(line) > pledges.REMEMBERED_LONGEST
    found = own_pledge(line)
    assert found is not None and found.group("verb") == "plant"


@pytest.mark.parametrize(
    "sentence",
    [
        "We will not forget the fishermen of the coast next year.",
        "I'll just say that the stations close in March.",
        "We will probably see the results in April.",
    ],
)
def test_an_adverb_or_a_negation_where_the_verb_stands_names_no_deed(sentence: str) -> None:
    assert own_pledge(sentence) is None


def test_the_talk_verbs_and_the_adverbs_are_kept_apart() -> None:
    assert not pledges._TALK & pledges._NOT_A_VERB
    assert {"not", "never", "just", "probably", "maybe", "also", "still", "only", "now"} == pledges._NOT_A_VERB


@pytest.mark.parametrize(("name", "home"), [("TYPES", asksentence), ("PROCEDURAL", cues)])
def test_names_nothing_imported_from_asks_live_only_at_home(name: str, home: object) -> None:
    assert name not in asks.__all__ and not hasattr(asks, name)
    assert hasattr(home, name)
