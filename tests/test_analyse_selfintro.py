"""A sentence that is only a name and whom the speaker speaks for is never an ask (stop 31:
`make demo` stored "Lucía Fernández‑Ruiz, for the Dynamic Coalition on Public Access in
Libraries." as a policy recommendation, and it became a thread)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askmodel import has_evidence, load_ask_model, type_features
from forumlens.analyse.selfintro import is_self_introduction
from forumlens.transcript.parse import parse_transcript

INTRODUCTIONS = [
    "Lucía Fernández‑Ruiz, for the Dynamic Coalition on Public Access in Libraries.",
    "Priya Nair, from a community library network in Kerala.",
    "My name is Jo Bloggs, speaking on behalf of the Youth Coalition on Internet Governance.",
    "I am Ana María de la Cruz, representing the DC on Gender and Internet Governance.",
    "Ahmed bin Said from the Arab IGF.",
    "Zoë Ólafsdóttir, for the Dynamic Coalition on Accessibility and Disability.",
]

NOT_INTRODUCTIONS = [
    "Daniel Okoro, from the coalition, and we need experts from universities.",
    "Donors, fund the libraries.",
    "Governments, from next year, fund the libraries.",
    "Funding for the coalitions.",
    "Support for the national IGFs.",
    "Two, for the NRIs.",
    "Thank you, Ingrid.",
]


@pytest.mark.parametrize("text", INTRODUCTIONS)
def test_an_introduction_is_recognised_and_is_no_ask_evidence(text: str) -> None:
    assert is_self_introduction(text)
    assert not has_evidence(type_features(text))
    model = load_ask_model()
    assert model is not None
    assert model.judge(text, "", model.threshold) is None


@pytest.mark.parametrize("text", NOT_INTRODUCTIONS)
def test_a_name_with_more_to_say_a_vocative_or_a_nominal_ask_is_not_an_introduction(text: str) -> None:
    assert not is_self_introduction(text)


def test_an_imperative_still_counts_when_the_first_word_is_not_ascii() -> None:
    # the imperative shape reads whole Unicode words: "Lucía Fernández" is no verb and object,
    # an imperative with its object still is
    assert "imperative-shape" not in type_features("Lucía Fernández went home.")
    assert "imperative-shape" in type_features("Hand the keys to the national IGFs.")


def test_the_demo_session_stores_no_introduction_as_an_ask() -> None:
    path = Path(__file__).resolve().parents[1] / "examples" / "igf2025-of-one-year-on.txt"
    session = parse_transcript(path.read_text("utf-8"), source=path.name)
    asks = find_intel(session).to_json()["asks"]
    assert asks, "the demo session still has its asks and commitments"
    assert not [a for a in asks if is_self_introduction(a["quote"])]
    assert any(a["quote"].startswith("For next year, we will publish") for a in asks)
