"""A modal whose verb is left out (issue 22, stop 43): "We have not, but we should." answers a question and
recommends nothing the sentence says, so it is no recommendation; the same modal with its verb still is.
Examples written here."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.asks import classify_type, says_nothing
from forumlens.transcript.parse import parse_transcript


def _asks(text: str) -> list[tuple[str, str]]:
    return [(a["type"], a["quote"]) for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "We have not, but we should.",
        "I think we should, yes.",
        "Not yet. We should!",
        "The platforms should too.",
        "We should, and we will.",
        "Maybe you ought to.",
    ],
)
def test_a_modal_with_nothing_after_it_recommends_nothing(sentence: str) -> None:
    assert classify_type(sentence) is None


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("We have not, but we should fund the regional forums.", "recommendation"),
        ("I think we should publish the notes, yes.", "recommendation"),
        ("The platforms should also open their data to researchers.", "recommendation"),
        ("We should, and we will fund it.", "commitment"),
    ],
)
def test_the_same_modal_with_its_verb_still_counts(sentence: str, kind: str) -> None:
    assert classify_type(sentence) == kind


def test_an_answer_with_an_elided_modal_is_no_call_to_action() -> None:
    text = (
        ">> CHAIR:  Has any of your members looked at solar power for the school labs?\n\n"
        ">> DELEGATE:  We have not, but we should.  The labs lose two days a month to the power cuts.\n\n"
        ">> CHAIR:  Thank you.  And the ministry should fund the batteries for every school lab next year.\n"
    )
    found = _asks(text)
    assert not any("we should." in quote for _, quote in found)
    assert any(kind == "recommendation" and "fund the batteries" in quote for kind, quote in found)


def test_the_classifier_path_drops_an_elided_modal_too() -> None:
    # A named subject before a modal is shape evidence for the classifier; with the verb left out it says nothing.
    text = (
        ">> CHAIR:  The operators told us they will publish their outage maps from next month.\n\n"
        ">> DELEGATE:  Good.  The regulators should too.\n\n"
        ">> DELEGATE:  And the regulators must, and they should publish the tower maps every quarter.\n"
    )
    quotes = [quote for _, quote in _asks(text)]
    assert not any(q.rstrip(".").endswith("should too") for q in quotes)
    assert any("publish the tower maps" in q for q in quotes)


@pytest.mark.parametrize(
    "unit, nothing",
    [
        ("Governments should too.", True),
        ("We must.", True),
        ("We need to, yes.", True),
        ("Governments should fund it too.", False),
        ("They must, and they should publish it.", False),
        ("Thank you very much.", False),
    ],
)
def test_says_nothing_only_when_every_modal_lacks_its_verb(unit: str, nothing: bool) -> None:
    assert says_nothing(unit) is nothing
