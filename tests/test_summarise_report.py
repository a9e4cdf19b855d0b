"""Session reports: shape, determinism, procedure filtered, and use of analyse/resolve output."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from forumlens.models import Session
from forumlens.summarise import build_report, check_citations, render
from forumlens.summarise.procedural import is_procedural
from forumlens.transcript.parse import parse_transcript

RES = Path(__file__).resolve().parent / "resources" / "summarise"
MAIN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "igf2021-dc-main-session.txt"


def _load(path: Path) -> Session:
    data = path.read_bytes()
    return parse_transcript(data.decode("utf-8"), source=path.name, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def cyber() -> Session:
    return _load(RES / "of-cyber-capacity-2019.txt")


@pytest.fixture(scope="module")
def main() -> Session:
    return _load(MAIN)


def test_report_sections_without_any_analysis(cyber: Session) -> None:
    report = build_report(cyber)
    assert 5 <= len(report.takeaways) <= 8
    assert 1 <= len(report.calls_to_action) <= 5
    assert any(b.kind == "funding" for b in report.calls_to_action)
    speakers = {s.speaker for s in report.speakers}
    assert {"Mele Taufa", "Andre Campbell", "Sofia Lindqvist"} <= speakers
    assert all(1 <= len(s.bullets) <= 2 for s in report.speakers)
    assert any("Samoa" in b.citations[0].quote or "young people" in b.citations[0].quote for b in report.open_questions)
    assert any("inferred" in n for n in report.notes)


def test_takeaways_are_not_procedure_and_follow_the_session(main: Session) -> None:
    report = build_report(main)
    assert len(report.takeaways) == 8  # a long session gets the most
    lines = [b.citations[0].line for b in report.takeaways]
    assert lines == sorted(lines)
    for b in report.bullets():
        assert not is_procedural(b[1].citations[0].quote)
    assert len({b.citations[0].speaker for b in report.takeaways}) >= 6  # many voices, not one


def test_speaker_points_name_the_coalition(main: Session) -> None:
    report = build_report(main)
    by = {s.speaker: s for s in report.speakers}
    assert by["Jutta Croll"].coalition == "DC on Children's Rights in the Digital Environment"
    assert by["Mark Carvell"].coalition == "DC on Internet Standards, Security and Safety"
    assert by["Jennifer Chung"].role == "moderator"
    assert {c.name for c in report.coalitions} >= {"DC on Network Neutrality", "DC on Core Internet Values"}


def test_report_is_deterministic(main: Session) -> None:
    assert json.dumps(build_report(main).to_json()) == json.dumps(build_report(main).to_json())


def test_analysis_output_is_used_when_given(cyber: Session) -> None:
    analysis = {
        "people": [
            {"name": "Mele Taufa", "role": "guest", "affiliation": "Tonga CERT"},
            {
                "name": "Andre Campbell",
                "role": "dc-representative",
                "affiliation": "DC on Internet Standards, Security and Safety",
            },
        ],
        "coalitions": [
            {
                "name": "DC on Internet Standards, Security and Safety",
                "acronym": "IS3C",
                "status": "presented",
                "lines": [24],
            }
        ],
        "asks": [
            {
                "category": "cooperation",
                "by": "Andre Campbell",
                "line": 30,
                "quote": "Please coordinate with each other.",
            },
            {"category": "funding", "by": "Mele Taufa", "line": 16, "quote": "a quote that is not in the source"},
        ],
        "questions": [
            {
                "line": 48,
                "by": None,
                "status": "unanswered",
                "text": "how can small states take part in the UN negotiations on cyber norms when they have no diplomat who covers cyber?",
            }
        ],
    }
    report = build_report(cyber, analysis)
    assert [b.citations[0].quote for b in report.calls_to_action] == ["Please coordinate with each other."]
    assert report.calls_to_action[0].kind == "cooperation"
    assert len(report.open_questions) == 1 and report.open_questions[0].citations[0].line == 48
    by = {s.speaker: s for s in report.speakers}
    assert by["Andre Campbell"].coalition == "DC on Internet Standards, Security and Safety"
    assert [c.acronym for c in report.coalitions] == ["IS3C"]
    assert check_citations(report, [cyber]) == []
    assert not any("inferred" in n for n in report.notes)


def test_stored_analyses_read_back_as_the_stage_records(main: Session) -> None:
    """The report of a stored session is the report the pipeline made from the records."""
    from forumlens.analyse import find_intel
    from forumlens.resolve import resolve_session
    from forumlens.summarise import Findings

    cast = resolve_session(main)
    intel = find_intel(main, cast, mentions=cast.mentions)
    findings = Findings(
        people=cast.people,
        coalitions=cast.coalitions,
        segments=intel.segments,
        asks=intel.asks,
        questions=intel.questions,
    )
    stored = Findings.from_json(json.loads(json.dumps({**cast.to_json(), **intel.to_json()})))
    for part in ("people", "coalitions", "segments", "asks", "questions"):  # what JSON keeps of each record
        assert [r.to_json() for r in getattr(stored, part)] == [r.to_json() for r in getattr(findings, part)], part
    assert stored.coalitions == findings.coalitions and stored.asks == findings.asks
    assert build_report(main, stored).to_json() == build_report(main, findings).to_json()
    assert Findings.from_json({}) == Findings()  # nothing stored: asks and questions are inferred


@pytest.mark.parametrize(
    "fmt, marker",
    [
        ("md", "## Key takeaways"),
        ("html", "<h2>Key takeaways</h2>"),
        ("text", "KEY TAKEAWAYS"),
        ("json", '"takeaways"'),
    ],
)
def test_renderers(cyber: Session, fmt: str, marker: str) -> None:
    report = build_report(cyber)
    out = render(report, fmt)
    assert marker in out
    quote = report.takeaways[0].citations[0].quote
    if fmt in {"md", "json"}:
        assert " ".join(quote.split()) in " ".join(out.split())
    if fmt == "json":
        assert json.loads(out)["takeaways"][0]["citations"][0]["quote"] == quote


def test_html_escapes_source_text() -> None:
    text = (
        "T\n\n>> ANA SILVA:  We need <b>funding</b> & channels to decision makers in every region of the world.\n"
        ">> BEN OKO:  Governments should publish <script> results of accessibility audits every single year.\n"
    )
    session = parse_transcript(text, sha256="c" * 64)
    out = render(build_report(session), "html")
    assert "<script>" not in out and "&lt;script&gt;" in out
