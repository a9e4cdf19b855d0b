"""Attribution you can trust (issue 23, item 6): nothing is credited to a caption label the
resolve stage flagged as a mis-attribution, and the label variants of one name are one person,
in session reports, topic briefs, coalition snapshots and the IGF template."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from forumlens.models import Citation, Session
from forumlens.resolve import resolve_session
from forumlens.summarise import Findings, brief_coalition, brief_topic, build_report, check_citations
from forumlens.summarise.attribution import INFERRED, UNATTRIBUTED, Credits
from forumlens.summarise.models import Bullet
from forumlens.summarise.template import igf_report
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import name_key

from .conftest import MAIN_SESSION, RESOURCES


def _load(path: Path) -> Session:
    data = path.read_bytes()
    return parse_transcript(data.decode("utf-8"), source=path.name, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def main() -> tuple[Session, dict[str, Any]]:
    """The shared transcript and what the resolve stage stores for it (people, coalitions, flags)."""
    session = _load(MAIN_SESSION)
    return session, resolve_session(session).to_json()


def _flagged(analyses: dict[str, Any]) -> dict[str, str | None]:
    """name_key(flagged label) -> likely speaker."""
    flags = analyses["flags"]
    assert flags, "the shared transcript has a flagged caption label; the resolve stage must find it"
    return {name_key(f["label"]): f["likely_speaker"] for f in flags}


def _turn_line(session: Session, line: int) -> int:
    return next(t.line for t in session.turns if t.kind == "speech" and t.line <= line <= max(t.line, t.end_line))


def _check_credit(session: Session, analyses: dict[str, Any], bullets: list[tuple[str, Bullet]]) -> int:
    """Every citation credits no flagged label; a flagged turn's is the likely speaker's, marked.

    Returns how many citations sat in a flagged turn (so a test can require some).
    """
    flagged = _flagged(analyses)
    flag_lines = {f["line"]: f for f in analyses["flags"]}
    seen = 0
    for where, b in bullets:
        for c in b.citations:
            assert name_key(c.speaker or "") not in flagged, f"{where}: credited to a flagged label: {c}"
            flag = flag_lines.get(_turn_line(session, c.line)) if c.session in (None, session.id) else None
            if flag is not None:
                seen += 1
                assert c.speaker == flag["likely_speaker"], where
                assert name_key(c.voiced_by or "") == name_key(flag["label"]), where  # the caption's voice kept
                assert b.text.endswith(INFERRED), where
    return seen


def test_a_session_report_credits_the_likely_speaker_and_says_so(main) -> None:
    session, analyses = main
    report = build_report(session, analyses)
    assert _check_credit(session, analyses, report.bullets()) >= 1
    assert check_citations(report, [session]) == []  # verified against the caption's voice
    likely = {s for s in _flagged(analyses).values() if s}
    assert all(sp.speaker.lower() not in _flagged(analyses) for sp in report.speakers)
    assert any(sp.speaker in likely and any(INFERRED in b.text for b in sp.bullets) for sp in report.speakers)


def test_label_variants_of_one_name_are_one_speaker(main) -> None:
    session, analyses = main
    report = build_report(session, analyses)
    people = [p for p in analyses["people"] if p["name"] and len({name_key(x) for x in p["labels"]}) > 1]
    assert people, "the shared transcript has a person captioned under two spellings"
    for person in people:
        keys = {name_key(x) for x in [person["name"], *person["labels"]]}
        entries = [sp for sp in report.speakers if name_key(sp.speaker) in keys]
        assert [sp.speaker for sp in entries] == [person["name"]]
        assert all(c.speaker == person["name"] for sp in entries for b in sp.bullets for c in b.citations)
        for coalition in report.coalitions:
            assert len([s for s in coalition.speakers if name_key(s) in keys]) <= 1


def test_the_pipelines_findings_are_enough_without_the_flags_list(main) -> None:
    """The pipeline passes `Findings` (people, no flags list): the people's `lines` tell the re-attribution."""
    session, analyses = main
    cast = resolve_session(session)
    report = build_report(session, Findings(people=cast.people, coalitions=cast.coalitions))
    assert _check_credit(session, analyses, report.bullets()) >= 1
    assert check_citations(report, [session]) == []


def test_a_flag_without_a_likely_speaker_leaves_the_line_unattributed(main) -> None:
    session, analyses = main
    flag = analyses["flags"][0]
    credits = Credits.of(session, {"flags": [{**flag, "likely_speaker": None}]})
    turn = next(t for t in session.turns if t.line == flag["line"])
    cite, mark = credits.credited(Citation(turn.line, turn.text[:40], turn.speaker))
    assert (cite.speaker, cite.voiced_by, mark) == (None, turn.speaker, UNATTRIBUTED)
    report = build_report(session, {"flags": [{**flag, "likely_speaker": None}]})
    assert all(name_key(sp.speaker) != name_key(flag["label"]) for sp in report.speakers)
    assert check_citations(report, [session]) == []


def test_without_a_resolve_output_the_caption_stands(main) -> None:
    session, _ = main
    credits = Credits.of(session, None)
    for turn in session.turns:
        if turn.kind == "speech" and turn.speaker:
            credit = credits.at(turn.line)
            assert credit is not None and credit.name == turn.speaker and not credit.inferred


def test_the_igf_template_re_credits_points_stored_under_a_flagged_label(main) -> None:
    """Analyses stored before this fix hold speaker points under the flagged label."""
    session, analyses = main
    stored = {**analyses, **build_report(session).to_json()}  # the old credit: the caption label
    flagged = _flagged(analyses)
    assert any(name_key(sp["speaker"]) in flagged for sp in stored["speaker_points"])
    report = igf_report(session, stored)
    assert _check_credit(session, analyses, report.bullets()) >= 1
    assert check_citations(report, [session]) == []


def test_briefs_and_snapshots_credit_the_likely_speaker(main) -> None:
    session, analyses = main
    others = [_load(p) for p in sorted((RESOURCES / "summarise").glob("*.txt"))]
    sources: list[Any] = [(session, analyses), *others]
    brief = brief_topic("human rights", sources)
    _check_credit(session, analyses, brief.bullets())
    assert check_citations(brief, [session, *others]) == []
    likely = next(s for s in _flagged(analyses).values() if s)
    coalition = next(p["affiliation"] for p in analyses["people"] if p["name"] == likely)
    snapshot = brief_coalition(coalition, [(session, analyses)])
    _check_credit(session, analyses, snapshot.bullets())
    assert check_citations(snapshot, [session]) == []
    for appearance in snapshot.appearances:
        assert not {name_key(s) for s in appearance.speakers} & set(_flagged(analyses))
    variants = next(p for p in analyses["people"] if p["name"] and len({name_key(x) for x in p["labels"]}) > 1)
    where = brief_coalition(variants["affiliation"], [(session, analyses)]).appearances
    keys = {name_key(x) for x in [variants["name"], *variants["labels"]]}
    assert [s for a in where for s in a.speakers if name_key(s) in keys] == [variants["name"]]
