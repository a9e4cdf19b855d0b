"""Issue 23: a moderator's point is substantive or absent, an open question shows its
questions at readable length with its citation intact, and the takeaways keep the body
of a session rather than its closing round.

The fixture is written for this test (invented people, caption style): a chair who lines
up the speakers and talks about the talk ("I did hear her talk about ..."), panellists
with findings, a participant whose one turn mixes statements, a suggestion and several
questions, and a closing round where every panellist says one sentence.
"""

from __future__ import annotations

import re

import pytest

from forumlens.models import Session
from forumlens.summarise import build_report, check_citations
from forumlens.summarise.procedural import runs_the_room
from forumlens.summarise.questions import QUESTION_WORDS, question_text
from forumlens.summarise.rank import Scored, mmr_select
from forumlens.summarise.report import CLOSING, closing_share
from forumlens.summarise.units import Unit
from forumlens.transcript.parse import parse_transcript

LONG_QUESTION = (
    "What is a fair price for backhaul? What is a fair share of the spectrum for a village? "
    "Who decides it, and on what evidence? "
    "In my country the operators sell backhaul at ten times the price of the capital and the regulator says "
    "it cannot intervene because the market is open, and the villages wait for years while the fibre passes by "
    "their road without stopping. "
    "I would like to suggest that the coalition collects the prices of backhaul in every region and publishes them "
    "every year so that regulators can compare them. "
    "How can a community network negotiate with an operator that is a hundred times larger? "
    "What would be the role of the regulator in this regard?"
)

FORUM = f"""IGF 2024 – Day 3 – Workshop: Backhaul prices and community networks

>> MODERATOR:  Good morning, we start now.

>> NADIA HALLER:  Good morning everybody, I am Nadia Haller and I moderate this workshop on backhaul for community networks.  Our first speaker is Ms. Wanjiru Kamau from the Kenyan community network association, and then Mr. Pedro Alves from the regulator.

>> WANJIRU KAMAU:  Thank you, Nadia.  Our survey of 40 community networks found that backhaul takes more than half of their monthly costs.  Community networks in rural Kenya pay for backhaul ten times what operators in Nairobi pay.  The main finding is that backhaul prices, not equipment, decide whether a community network survives its third year.

>> PEDRO ALVES:  Thank you.  The regulator published a wholesale price review of backhaul last year.  Backhaul prices for community networks fell by a third where the regulator set a reference price for wholesale capacity.  Reference prices for backhaul work only when the regulator checks them every year.

>> NADIA HALLER:  I did hear her talk about backhaul prices for community networks and then we can go back and forth between the speakers on backhaul and community networks.  Community networks and backhaul prices are the subject of the next round, so Pedro, you work at the regulator, you want to respond on backhaul prices.

>> PEDRO ALVES:  Community networks should get a reference price for backhaul in every region, not only in the capital.  Regulators can publish backhaul prices for community networks every year at almost no cost.

>> PARTICIPANT:  {LONG_QUESTION}

>> WANJIRU KAMAU:  Shared backhaul purchasing by several community networks lowered prices by 40 percent in our pilot.

>> NADIA HALLER:  We have five minutes.  One sentence each to close, please.

>> WANJIRU KAMAU:  Community networks will keep publishing what they pay for backhaul.

>> PEDRO ALVES:  The regulator will keep the backhaul reference price on its agenda.

>> NADIA HALLER:  Thank you all, the session is closed.
"""


@pytest.fixture(scope="module")
def forum() -> Session:
    return parse_transcript(FORUM, source="backhaul-workshop.txt", sha256="backhaul-workshop")


def _question_line(session: Session) -> int:
    return next(t.line for t in session.turns if "fair price for backhaul" in t.text)


def test_question_text_shows_the_questions_within_the_budget() -> None:
    shown = question_text(LONG_QUESTION)
    assert len(shown.split()) <= QUESTION_WORDS
    assert "I would like to suggest" not in shown and "ten times the price" not in shown
    assert shown.startswith("What is a fair price for backhaul?")
    # only deletion: every shown sentence is in the quote, in the same order
    parts = [p.strip() for p in shown.split("…") if p.strip()]
    at = 0
    for part in parts:
        at = LONG_QUESTION.index(part, at)


def test_question_text_keeps_the_sentence_a_question_points_back_to() -> None:
    quote = (
        "The registries turned down a request to withdraw a country-code domain as a sanction. "
        "What should the policy network say about this in its output?"
    )
    assert question_text(quote) == quote
    assert question_text("So what should the policy network recommend on data flows?").endswith("data flows?")


def test_question_text_without_a_question_mark_is_the_quote_clipped() -> None:
    quote = (
        "I want to hear more about what the secretariat plans to do to support the coalitions between two forums, "
        "with staff for their outputs, a page for each report, a channel to the United Nations bodies that decide, "
        "travel support for members from the least developed countries and translation of the main documents."
    )
    shown = question_text(quote)
    assert shown.endswith("…") and len(shown.split()) == QUESTION_WORDS
    assert quote.startswith(shown[:-1])


def test_open_question_in_a_report_is_short_and_its_citation_intact(forum: Session) -> None:
    line = _question_line(forum)
    analyses = {"questions": [{"line": line, "by": None, "status": "unanswered", "text": LONG_QUESTION}]}
    report = build_report(forum, analyses)
    (bullet,) = report.open_questions
    assert len(bullet.text.split()) <= QUESTION_WORDS
    assert "I would like to suggest" not in bullet.text
    assert bullet.citations[0].quote == LONG_QUESTION  # the asker's whole words, verbatim
    assert check_citations(report, [forum]) == []


@pytest.mark.parametrize(
    "text",
    [
        "I did hear him talk about something that looked like a challenge to me and then we can go forth and "
        "back between the speakers and the Dynamic Coalitions.",
        "You did mention the coalition on core values and we have Olivier here online.",
        "Before we move to digital cooperation, I want to highlight two things.",
        "Then we can go to the second round of questions.",
    ],
)
def test_talk_about_the_talk_runs_the_room(text: str) -> None:
    assert runs_the_room(text)


def test_lining_up_a_named_speaker_runs_the_room_but_a_synthesis_naming_them_does_not() -> None:
    names = frozenset({"Yasmin", "Farah", "Yuki", "Amara"})
    assert runs_the_room("I do believe for the next one Yasmin would represent the coalition.", names)
    synthesis = (
        "Yuki would reserve the word fragmentation for the technical layer, and Farah and Amara want the "
        "user experience to stay a full dimension."
    )
    assert not runs_the_room(synthesis, names)
    assert not runs_the_room("We heard that funding is the main barrier for community networks.")
    assert not runs_the_room("We will publish the final report of the coalition in December.")


def test_a_moderator_point_is_substantive_or_absent(forum: Session) -> None:
    """As `forumlens report` builds it (the pipeline's cast says who chairs): the chair's
    talk about the talk is neither a takeaway nor her key point."""
    from forumlens.pipeline import analyse_session

    analyses = analyse_session(forum)
    report = build_report(forum, analyses)
    names = frozenset({"Pedro", "Wanjiru", "Nadia", "Alves", "Kamau", "Haller"})
    chair = [b for s in report.speakers if s.speaker == "Nadia Haller" for b in s.bullets]
    assert not any(runs_the_room(b.citations[0].quote, names) for b in chair)
    for _section, b in report.bullets():
        assert "did hear her talk" not in b.text and "you work at the regulator" not in b.text
    assert check_citations(report, [forum]) == []


def _scored(position: float, score: float, n: int) -> Scored:
    text = f"Finding number {n} about backhaul prices for community networks."
    unit = Unit(
        session="s",
        turn=n,
        line=n + 1,
        speaker=f"Speaker {n}",
        label=None,
        start=0,
        end=len(text),
        text=text,
        position=position,
        sent_index=0,
        terms=(f"t{n}",),
    )
    return Scored(unit, score, {f"t{n}": 1.0})


def test_the_closing_round_gets_its_share_of_the_takeaways() -> None:
    assert closing_share(8) == 2 and closing_share(6) == 1 and closing_share(3) == 1
    # every closing sentence outscores the body: without the cap they would all be chosen
    pool = [_scored(0.85 + i * 0.01, 2.0, i) for i in range(6)] + [_scored(0.1 * i, 1.0, 10 + i) for i in range(6)]
    free = mmr_select(pool, 6, per_speaker=2)
    assert sum(s.unit.position >= CLOSING for s in free) == 6
    capped = mmr_select(pool, 6, per_speaker=2, closing=(CLOSING, closing_share(6)))
    assert len(capped) == 6
    assert sum(s.unit.position >= CLOSING for s in capped) == closing_share(6)
    assert re.match(r"Finding number \d+", capped[0].unit.text)
