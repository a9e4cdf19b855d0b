"""Asks, recommendations, commitments and outputs."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.asks import CATEGORIES, classify_category, classify_type
from forumlens.resolve.cast import resolve_session
from forumlens.transcript.parse import parse_transcript

REQUIRED = {
    "funding",
    "capacity-building",
    "visibility",
    "communication-channels",
    "links-to-institutions",
    "recognition",
    "participation",
}


def test_taxonomy_has_required_categories() -> None:
    assert set(CATEGORIES) >= REQUIRED


@pytest.mark.parametrize(
    "sentence, kind, category",
    [
        ("We need a small budget for translation of the report.", "ask", "funding"),
        ("We need channels of communication out from the IGF.", "ask", "communication-channels"),
        ("We need explicit recognition of every coalition output in the official record.", "ask", "recognition"),
        ("The outputs should be profiled and made more visible.", "recommendation", "visibility"),
        ("There is a need for continuous training programmes.", "ask", "capacity-building"),
        ("I think there needs to be capacity to make links between institutions.", "ask", "links-to-institutions"),
        ("We will also need volunteers to coordinate each workstream.", "ask", "participation"),
        ("Regulators should reserve spectrum for community operators.", "recommendation", "policy"),
        (
            "I think it would be helpful if the coalitions have very brief consolidated summaries.",
            "ask",
            "concise-summaries",
        ),
        (
            "We would have to do our part in terms of connecting to the UN agencies.",
            "commitment",
            "links-to-institutions",
        ),
    ],
)
def test_classify(sentence: str, kind: str, category: str) -> None:
    assert classify_type(sentence) == kind
    assert classify_category(sentence, kind) == category


@pytest.mark.parametrize(
    "sentence",
    ["Tatiana, I hand the mic over to you.", "The sky was blue over Katowice.", "Can you hear us in the room?"],
)
def test_not_asks(sentence: str) -> None:
    assert classify_type(sentence) is None


def test_asks_skip_moderators_and_quote_verbatim() -> None:
    text = (
        ">> MODERATOR: Please go to their session tomorrow, we need everyone there. Omar, the floor is yours.\n"
        ">> OMAR HADDAD: Thank you. We need a small budget for translation. We need a regular channel to the UN.\n"
    )
    asks = find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]
    assert {a["by"] for a in asks} == {"Omar Haddad"}
    assert {a["category"] for a in asks} == {"funding", "communication-channels"}
    assert all(a["quote"] in text for a in asks)


def test_outputs_linked_to_coalition(main_text: str) -> None:
    """With who's who as the pipeline runs it: the speaker's coalition, or the one a question
    put to the speaker named, is the output's."""
    session = parse_transcript(main_text)
    outputs = find_intel(session, resolve_session(session)).to_json()["outputs"]
    found = {(o["kind"], o["coalition"]) for o in outputs}
    assert ("glossary", "DC on Platform Responsibility") in found
    assert ("statement", "DC on Network Neutrality") in found
    assert ("report", "DC on Public Access in Libraries") in found
    assert ("charter", "Internet Rights and Principles Coalition") in found
    assert all(o["quote"] in main_text for o in outputs)


def test_without_who_is_who_outputs_still_take_a_coalition_named_beside_them(main_text: str) -> None:
    found = {(o["kind"], o["coalition"]) for o in find_intel(parse_transcript(main_text)).to_json()["outputs"]}
    assert ("glossary", "DC on Platform Responsibility") in found
    assert ("report", "DC on Public Access in Libraries") in found


def test_one_sentence_is_one_ask_with_a_secondary_category() -> None:
    """Issue 17 item 6: a sentence asking for two things is listed once, under its primary
    category, with the other one as a secondary category (never a second ask)."""
    two = (
        "Our members need funding and financial support for the assessments, and on the other hand "
        "they need training and capacity building on the methodology."
    )
    text = f">> MODERATOR: Omar, the floor is yours.\n>> OMAR HADDAD: {two} We need a regular channel to the UN.\n"
    asks = find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]
    assert [a["quote"] for a in asks] == [two, "We need a regular channel to the UN."]
    first = asks[0]
    assert {first["category"], *first["secondary_categories"]} == {"funding", "capacity-building"}
    assert len(first["secondary_categories"]) == 1
    assert (asks[1]["category"], asks[1]["secondary_categories"]) == ("communication-channels", [])


def test_shared_session_lists_each_ask_once(main_text: str) -> None:
    asks = find_intel(parse_transcript(main_text)).to_json()["asks"]
    quotes = [(a["line"], a["quote"]) for a in asks]
    assert len(quotes) == len(set(quotes))  # one sentence, one record
    assert any(a["secondary_categories"] for a in asks)  # the second category is kept, as such
    for a in asks:
        assert a["category"] not in a["secondary_categories"]
        assert set(a["secondary_categories"]) <= set(CATEGORIES)


def test_ask_json_round_trip_keeps_secondary_categories() -> None:
    from forumlens.analyse.models import Ask

    ask = Ask("funding", "ask", "Omar Haddad", 2, "We need funds and training.", None, ("capacity-building",))
    assert Ask.from_json(ask.to_json()) == ask
    assert Ask.from_json({k: v for k, v in ask.to_json().items() if k != "secondary_categories"}).also == ()


_TO_THE_STATE = """>> MODERATOR:  Welcome to this workshop on small towns online. Ana, please.
>> ANA LINDGREN-OSEI:  Thank you. Our towns have no lawyers and each one negotiates alone with the big vendors. And we recommend that the governments buy the translation software through open tenders, so that small firms can also bid. We recommend that the host governments accept the student card or the consular letter for the bank account. The coalitions should write one common contribution, not twenty separate ones.
>> MODERATOR:  Thank you, we close here.
"""


def test_a_recommendation_put_to_the_state_with_no_keyword_is_policy() -> None:
    found = {
        a["quote"]: a["category"] for a in find_intel(parse_transcript(_TO_THE_STATE), mentions=[]).to_json()["asks"]
    }
    state = [c for q, c in found.items() if "governments" in q]
    assert state == ["policy", "policy"]
    # put to the coalitions, not to the state: no rule is asked for, so not policy; one common text of
    # several bodies is cooperation (`askframes._TOGETHER`, stop 44; before it, "other")
    assert [c for q, c in found.items() if q.startswith("The coalitions")] == ["cooperation"]
