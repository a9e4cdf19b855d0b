"""What a captioner writes about the room is no one's point and no one's affiliation (issue 23):
a stage note shown as a sentence ("(Group work at the tables, not captioned).") or as an
affiliation ("Name, Laughter"), a yes/no question whose mark was lost, and the floor listed
twice under Speakers are lines an officer could not paste."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from forumlens.models import Session
from forumlens.pipeline import analyse_session
from forumlens.summarise import check_citations
from forumlens.summarise.rewrite import problem
from forumlens.summarise.template import IgfReport, igf_report
from forumlens.summarise.template_render import render_template
from forumlens.summarise.wording import institution
from forumlens.transcript.parse import parse_transcript

# A workshop whose captioner notes the group work and the laughter, and whose floor speaks
# from two microphones; a participant asks a question the captions close with a full stop.
WORKSHOP = """Workshop 12: Village networks in 2030

>> MARTA OKELLO (Laughter): Welcome to workshop 12. I'm Marta Okello and I will moderate. The tables will each build one future for village networks.
>> MARTA OKELLO: (Group work at the tables, not captioned).
>> JONAS FELD: I'm Jonas Feld from the Rural Broadband Institute. Cooperatives in our study built 40 village networks with shared backhaul from the state backbone. Prices fell by half where the backbone sold capacity on equal terms.
>> AUDIENCE: Do villages trust the cooperative networks with their payments, or do they not.
>> JONAS FELD: Trust grew where the cooperative published its prices and outages every month. Villages with published prices moved their mobile money to the cooperative network within a year.
>> AUDIENCE: The regulators should publish the backbone prices for every region every quarter.
>> MARTA OKELLO: Thank you all. (Session concluded at 12:31).
"""


def _report(text: str, name: str) -> tuple[Session, IgfReport]:
    session = parse_transcript(text, source=name, sha256=hashlib.sha256(text.encode()).hexdigest())
    analyses: dict[str, Any] = analyse_session(session)
    return session, igf_report(session, analyses)


@pytest.mark.parametrize(
    "sentence",
    ["(Group work at the tables, not captioned).", "(Session concluded at 12:31 PM CST).", "[Screen sharing started]"],
)
def test_a_captioners_note_is_no_point(sentence: str) -> None:
    assert problem(sentence) == "procedure"


@pytest.mark.parametrize(
    "sentence",
    [
        "Do people trust the network, for payments, for privacy, or do they not.",
        "Is there a fund for the villages nobody wants to connect.",
        "Can the regulators publish the backbone prices every quarter.",
        '"Will the data protection authority be independent, or under the Ministry?"',  # a quoted question
    ],
)
def test_a_question_whose_mark_was_lost_is_still_a_question(sentence: str) -> None:
    assert problem(sentence) == "question"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cooperatives in our study built 40 village networks with shared backhaul.",
        "Should the fund fail, the cooperatives will close their networks.",  # a conditional, not a question
        "The regulator (ITU) publishes the prices for every region every quarter.",
    ],
)
def test_statements_and_requests_are_not_notes_or_questions(sentence: str) -> None:
    assert problem(sentence) not in ("question", "procedure")


def test_a_stage_note_is_no_affiliation() -> None:
    assert institution("Laughter") is None
    assert institution("(inaudible)") is None
    assert institution("[ Applause ]") is None
    assert institution("Sound Check Foundation") == "Sound Check Foundation"  # a note word inside a name


def test_the_report_shows_no_note_no_lost_question_and_the_floor_once() -> None:
    session, report = _report(WORKSHOP, "notes.txt")
    md = render_template(report, "md")
    assert "not captioned" not in md.split("## Sources")[0]
    assert "Session concluded" not in md.split("## Sources")[0]
    assert "Laughter" not in md.split("## Sources")[0]
    chairs = report.section("Chair/Moderator").items
    assert chairs and all("Laughter" not in b.text for b in chairs)
    speakers = [b.text for b in report.section("Speakers and their institutional affiliations").items]
    assert len(speakers) == len(set(speakers)), speakers
    assert check_citations(report, [session]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "If a direction to the operators passes through my ministry, for any reason.",
        "Second, if a direction to the operators passes through my ministry, for any reason.",
        "If exchange points grow in number, if regulators license small operators cheaply, if landing stations open.",
        "If the response teams stay few, if the laws control content, and if the spam sources grow in the statistics.",
    ],
)
def test_conditions_without_what_they_condition_are_fragments(sentence: str) -> None:
    assert problem(sentence) == "fragment"


@pytest.mark.parametrize(
    "sentence",
    [
        "If the state backbone sells capacity on equal terms, small networks grow on top of it.",
        "When you buy a router at the market on the way home, look for the security label.",
        "If the universities want to help, please fund the translation of the toolkit.",
    ],
)
def test_a_condition_with_its_main_clause_or_request_is_kept(sentence: str) -> None:
    assert problem(sentence) != "fragment"
