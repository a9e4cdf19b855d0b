"""Categories and outputs a user met on a session of their own (issue 22, round 11).

Three general shapes, each written in our own words:
- a single category keyword outside what a unit asks for ("… not a new website") is weak
  evidence; the learned category decides there when it clearly prefers another one;
- "cost" as a verb ("access must not cost the planet", "it costs nothing") is not money: a
  statement of principle with no addressee and no sum is not a funding ask;
- a document someone asks for ("Please send us a one-page summary that will be shared …") is
  an ask, never an output mentioned: an output is produced or promised, not requested.
"""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askcategory import WEAK_LEAD, WEAK_LEARNED, learned_or_keywords
from forumlens.analyse.askcues import CATEGORIES
from forumlens.analyse.asks import classify_category
from forumlens.analyse.asksentence import CueSentence
from forumlens.analyse.context import build_context
from forumlens.analyse.outputs import find_outputs, requested
from forumlens.transcript.parse import parse_transcript

SESSION = """IGF 2025 - Workshop Room 2 - Solar Networks and Climate

>> MODERATOR:  Welcome to this workshop on rural networks and the climate.  I am Lea Moreau and I will moderate.  Sanjay, please start.

>> SANJAY RAO:  Thank you Lea.  Our cooperative runs forty village hotspots on solar panels.  Meaningful access must not cost the planet.  We need funding for batteries that last ten years.

>> MODERATOR:  Thank you Sanjay.  Maria, from the ministry.

>> MARIA COSTA:  Thank you.  Please send us a one-page summary that will be shared with the ministers.  We will publish our national report on green networks in March.

>> MODERATOR:  Thank you all.
"""


@pytest.fixture(scope="module")
def intel() -> dict:
    return find_intel(parse_transcript(SESSION, source="principles.txt", sha256="principles")).to_json()


def _ask(intel: dict, words: str) -> dict:
    return next(a for a in intel["asks"] if words in a["quote"])


def test_a_principle_with_cost_as_a_verb_is_not_a_funding_ask(intel: dict) -> None:
    assert not CATEGORIES["funding"].search("Meaningful access must not cost the planet.")
    principle = [a for a in intel["asks"] if "cost the planet" in a["quote"]]
    assert all(a["category"] in ("policy", "other") for a in principle)
    assert _ask(intel, "batteries")["category"] == "funding"  # the money asked for is still funding


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("It costs nothing to switch the filter on.", False),
        ("This will cost us time, not money for the servers.", True),  # "money" itself
        ("The network will cost 20,000 euros a year.", True),
        ("We need help to cover the costs of the travel.", True),
        ("Low-cost phones are what the villages use.", True),
        ("That would cost the volunteers their weekends.", False),
    ],
)
def test_cost_is_money_as_a_noun_or_with_a_sum(text: str, money: bool) -> None:
    assert bool(CATEGORIES["funding"].search(text)) is money


def test_a_requested_summary_is_an_ask_and_not_an_output(intel: dict) -> None:
    assert _ask(intel, "one-page summary")["category"] == "concise-summaries"
    kinds = {o["kind"] for o in intel["outputs"]}
    assert "summary" not in kinds
    assert "report" in kinds  # the report the ministry promises is one


def _outputs(sentence: str) -> list[str]:
    text = f">> MODERATOR:  Over to you.\n\n>> NADIA OKAFOR:  Thank you.  {sentence}\n"
    session = parse_transcript(text, source="requested.txt", sha256="requested")
    return [o.kind for o in find_outputs(build_context(session))]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("We need a two-page brief of the study, which we will share with our minister.", []),
        ("We ask the secretariat for a short summary, launched with the final report.", []),
        ("Can we get a one-page summary to be published alongside the report?", []),
        ("We produced a one-page summary for the ministers last month.", ["summary"]),
        ("Please read our report, published last week.", ["report"]),
    ],
)
def test_outputs_are_produced_or_promised_never_requested(sentence: str, kinds: list[str]) -> None:
    assert _outputs(sentence) == kinds


def test_requested_reads_the_indefinite_object_of_a_request() -> None:
    text = "Please send us a one-page summary that will be shared."
    assert requested(text, "summary", len(text))
    assert not requested(text, "report", len(text))  # only the kind asked for
    assert not requested("Please read our report.", "report", 23)


WEBSITE = "design the portal so that a new language is a file, not a new website."


def test_one_keyword_outside_the_object_yields_to_a_clear_model() -> None:
    assert classify_category(WEBSITE, "recommendation") == "visibility"  # the keyword alone
    clear = {"policy": 0.6, "visibility": 0.6 / (WEAK_LEAD + 1), "other": 0.1}
    assert learned_or_keywords(CueSentence(WEBSITE), "recommendation", clear) == "policy"


def test_a_weak_keyword_still_decides_when_the_model_does_not_clearly_prefer_another() -> None:
    close = {"policy": 0.45, "visibility": 0.45 / (WEAK_LEAD - 0.5), "other": 0.1}
    assert learned_or_keywords(CueSentence(WEBSITE), "recommendation", close) == "visibility"
    low = {"policy": WEAK_LEARNED - 0.05, "visibility": 0.01, "other": 0.2, "funding": 0.2}
    assert learned_or_keywords(CueSentence(WEBSITE), "recommendation", low) == "visibility"


def test_a_keyword_in_the_object_window_is_not_weak() -> None:
    asked = "We need a website for the outputs of every coalition."
    clear = {"policy": 0.6, "visibility": 0.1, "other": 0.1}
    assert learned_or_keywords(CueSentence(asked), "ask", clear) == "visibility"
