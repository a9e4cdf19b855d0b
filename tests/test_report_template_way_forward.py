"""The IGF template's last two sections (issue 23): "Way forward and key takeaways" does not
repeat what the Discussion already quotes, and a speaker's own promise is a commitment (Way
forward), never a call to action (an ask or recommendation to others)."""

from __future__ import annotations

from typing import Any

import pytest

from forumlens.models import Session
from forumlens.pipeline import analyse_session, prepare_document
from forumlens.read import read_bytes
from forumlens.summarise import check_citations
from forumlens.summarise.models import Bullet
from forumlens.summarise.template import IgfReport, igf_report

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "igf2024-ws-coalition-outputs.txt"


@pytest.fixture(scope="module")
def example() -> tuple[Session, IgfReport]:
    session, meta = prepare_document(read_bytes(EXAMPLE.read_bytes(), str(EXAMPLE)))
    analyses: dict[str, Any] = analyse_session(session)
    analyses["document"] = meta.to_json()
    return session, igf_report(session, analyses)


def _in(report: IgfReport, heading: str) -> list[Bullet]:
    section = report.section(heading)
    return [*section.items, *(b for p in section.paragraphs for b in p.sentences)]


def _lines(bullets: list[Bullet]) -> set[int]:
    return {c.line for b in bullets for c in b.citations}


def test_way_forward_does_not_repeat_an_answer_the_discussion_quotes(example) -> None:
    session, report = example
    discussed = _lines(_in(report, "Discussion"))
    paragraphs = report.section("Way forward and key takeaways").paragraphs
    takeaways = [b for p in paragraphs if p.lead != "Commitments" for b in p.sentences]
    assert takeaways, "the takeaways the Discussion does not quote are still there"
    assert not _lines(takeaways) & discussed
    assert check_citations(report, [session]) == []


def test_a_commitment_is_in_way_forward_not_under_calls_to_action(example) -> None:
    _, report = example
    paragraphs = report.section("Way forward and key takeaways").paragraphs
    commitments = [b for p in paragraphs if p.lead == "Commitments" for b in p.sentences]
    calls = _in(report, "Calls to action")
    assert any("one‑page summary" in b.text for b in commitments)  # "We commit to sending a one-page summary"
    assert calls and not any("one‑page summary" in b.text for b in calls)
    assert not _lines(calls) & _lines(commitments)
    assert any("recommend" in b.text for b in calls)  # a recommendation to governments stays a call
    short_calls = {c.line for b in report.short_calls for c in b.citations}
    assert not short_calls & _lines(commitments)


def test_a_takeaway_that_is_the_commitment_is_said_once(example) -> None:
    _, report = example
    paragraphs = report.section("Way forward and key takeaways").paragraphs
    commitments = [b for p in paragraphs if p.lead == "Commitments" for b in p.sentences]
    takeaways = [b for p in paragraphs if p.lead != "Commitments" for b in p.sentences]
    assert commitments and not _lines(takeaways) & _lines(commitments)


def test_a_promise_made_in_an_answer_is_not_repeated_under_commitments(example) -> None:
    # "The report has a two-page summary …, and we will translate it into French and Spanish
    # next year." answers the remote participant's question: the Discussion quotes it, so the
    # Commitments paragraph does not say it a second time (the other promise stays there)
    _, report = example
    discussed = _in(report, "Discussion")
    assert any("translate it into French" in b.text for b in discussed)
    paragraphs = report.section("Way forward and key takeaways").paragraphs
    commitments = [b for p in paragraphs if p.lead == "Commitments" for b in p.sentences]
    assert commitments and not _lines(commitments) & _lines(discussed)
    assert not any("translate it into French" in b.text for b in commitments)
