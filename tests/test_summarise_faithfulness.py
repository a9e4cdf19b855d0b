"""Every bullet of every brief built from the shared corpus cites a verbatim quote (100 %).

Reports, topic briefs and coalition snapshots are built from the real IGF 2021 main
session and from our fixtures; `check_citations` must find no problem at all, and a
tampered brief must be caught (so the check itself is tested, not just trusted).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from forumlens.models import Citation, Session
from forumlens.summarise import (
    brief_coalition,
    brief_topic,
    build_report,
    check_citations,
)
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
FILES = [
    HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((HERE / "resources" / "summarise").glob("*.txt")),
]
TOPICS = [
    "funding",
    "visibility and recognition of coalition outputs",
    "net neutrality enforcement",
    "children's rights",
    "digital sovereignty",
    "human captioning",
    "capacity building",
    "freedom of expression on social media",
    "gender gap",
    "environmental sustainability",
]


def _load(path: Path) -> Session:
    data = path.read_bytes()
    return parse_transcript(data.decode("utf-8"), source=path.name, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def sessions() -> list[Session]:
    return [_load(p) for p in FILES]


@pytest.fixture(scope="module")
def reports(sessions: list[Session]) -> list:
    return [build_report(s) for s in sessions]


def test_every_report_bullet_is_verbatim(sessions: list[Session], reports: list) -> None:
    total = 0
    for session, report in zip(sessions, reports):
        assert check_citations(report, [session]) == []
        assert check_citations(report.to_json(), [session]) == []  # the JSON shape too
        total += len(report.bullets())
    assert total > 40


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_brief_bullet_is_verbatim(sessions: list[Session], topic: str) -> None:
    brief = brief_topic(topic, sessions)
    assert check_citations(brief, sessions) == []
    assert check_citations(brief.to_json(), sessions) == []


def test_every_coalition_snapshot_bullet_is_verbatim(sessions: list[Session], reports: list) -> None:
    names = {c.name for r in reports for c in r.coalitions}
    assert len(names) >= 6
    for name in sorted(names):
        brief = brief_coalition(name, sessions)
        assert brief.appearances, name
        assert check_citations(brief, sessions) == [], name


def test_check_catches_a_tampered_quote(sessions: list[Session], reports: list) -> None:
    report = reports[0]
    first = report.takeaways[0]
    cite = first.citations[0]
    bad_quote = replace(first, citations=(Citation(cite.line, cite.quote + " and more money", cite.speaker),))
    bad_line = replace(first, citations=(Citation(cite.line + 40, cite.quote, cite.speaker),))
    bad_speaker = replace(first, citations=(Citation(cite.line, cite.quote, "Someone Else"),))
    for bullet, needle in [(bad_quote, "not verbatim"), (bad_line, "line"), (bad_speaker, "speaker")]:
        tampered = replace(report, takeaways=(bullet, *report.takeaways[1:]))
        problems = check_citations(tampered, [sessions[0]])
        assert problems and needle in problems[0]


def test_bullet_without_citation_is_refused() -> None:
    from forumlens.summarise import Bullet

    with pytest.raises(ValueError):
        Bullet("An uncited claim.", ())


def test_json_takeaways_contract(reports: list) -> None:
    data = json.loads(json.dumps(reports[0].to_json()))
    assert 5 <= len(data["takeaways"]) <= 8
    for item in data["takeaways"]:
        assert set(item) >= {"text", "citations"}
        for c in item["citations"]:
            described = {"title", "year", "date", "page", "section", "voiced_by"}  # extensions (DESIGN.md)
            assert {"line", "speaker", "quote"} <= set(c) <= {"line", "speaker", "quote"} | described
