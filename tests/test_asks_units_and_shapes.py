"""Ask lines the development sets lost (stop 23): several asks in one caption line, asks with no
category keyword addressed to someone, and ask shapes with no cue from the closed lists
(an imperative with any verb, a passive obligation, a "please" before any verb)."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askmodel import has_evidence, type_features
from forumlens.transcript.parse import parse_transcript


def _asks(body: str) -> list[tuple[int, str, str]]:
    text = f">> MODERATOR: Farah, please.\n>> FARAH OSEI: Thank you. {body}\n"
    return [
        (a["line"], a["type"], a["quote"]) for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]
    ]


def test_a_commitment_and_an_invitation_in_one_sentence_are_two_asks() -> None:
    asks = _asks(
        "Our hub will run a data clinic for the librarians in May, and we invite the other hubs to send two people each."
    )
    assert [(kind, quote) for _, kind, quote in asks] == [
        ("commitment", "Our hub will run a data clinic for the librarians in May"),
        ("ask", "and we invite the other hubs to send two people each."),
    ]


def test_two_recommendations_of_one_category_on_one_line_are_two_asks() -> None:
    """One record per unit: the scorer and the reader count each recommendation, not each line."""
    asks = _asks(
        "The regulators should cap the price of a prepaid bundle. "
        "The regulators should also publish the coverage maps every quarter."
    )
    assert [quote for _, _, quote in asks] == [
        "The regulators should cap the price of a prepaid bundle.",
        "The regulators should also publish the coverage maps every quarter.",
    ]


def test_a_report_of_the_past_stays_no_ask() -> None:
    assert _asks("Yesterday the minister visited the hub with two journalists.") == []


@pytest.mark.parametrize(
    "unit, feature",
    [
        ("Oblige the operators to publish the outage times.", "imperative-shape"),
        ("go back home and ask your regulator for the coverage map", "imperative-shape"),
        ("The spare batteries must be stored in every district office.", "cue:passive-modal"),
        ("so please, the regulators, oblige the operators to inform the public", "cue:please-any"),
    ],
)
def test_ask_shapes_outside_the_closed_lists_are_evidence(unit: str, feature: str) -> None:
    feats = type_features(unit)
    assert feature in feats
    assert has_evidence(feats)


@pytest.mark.parametrize(
    "unit",
    [
        "Yesterday the minister said it twice.",
        "Thank you for the floor.",
        "Sign languages, yes.",
        "Sometimes the network is down for a week.",
    ],
)
def test_statements_have_no_imperative_shape(unit: str) -> None:
    feats = type_features(unit)
    assert "imperative-shape" not in feats
    assert not has_evidence(feats)
