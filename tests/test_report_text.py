"""The text report: whole, wrapped texts; one asker per question and one line per ask in every section."""

import re

import pytest

from forumlens.pipeline import analyse_session, parse_document
from forumlens.read import read_bytes
from forumlens.report import credit_askers, render_report, report_json

from .conftest import MAIN_SESSION


@pytest.fixture(scope="module")
def seed():
    session = parse_document(read_bytes(MAIN_SESSION.read_bytes(), str(MAIN_SESSION)))
    return session, analyse_session(session)


def test_questions_and_asks_are_printed_whole_and_wrapped(seed):
    session, analyses = seed
    text = render_report(session, analyses, "text")
    assert max(len(line) for line in text.splitlines()) <= 120
    flat = " ".join(text.split())
    for item in [*analyses["questions"], *analyses["asks"]]:
        body = item.get("text") or item["quote"]
        assert " ".join(body.split()) in flat  # the whole text, not a cut at 160 characters


def _section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start + 1, len(lines)) if re.fullmatch(r"[A-Z][A-Z ,]+", lines[i])), len(lines))
    return lines[start:end]


def test_one_question_has_one_asker_in_every_section(seed):
    """Issue 17 item 8: a question read out for a remote hub is credited to the hub under
    OPEN QUESTIONS as under QUESTIONS and in the JSON, not to the moderator who read it."""
    session, analyses = seed
    askers = {q["line"]: q["by"] for q in analyses["questions"] if q["by"]}
    relayed = {q["line"] for q in analyses["questions"] if q.get("asked_by") and q["asked_by"] != q["by"]}
    data = report_json(session, analyses)
    cited = {(c["line"], c["speaker"]) for b in data["open_questions"] for c in b["citations"]}
    assert {line for line, _ in cited} & relayed, "the seed has an open question read out for someone"
    assert all(speaker == askers[line] for line, speaker in cited if line in askers)
    text = render_report(session, analyses, "text")
    open_cites = [
        m.groups()
        for m in map(re.compile(r"^\s+(?:\[\d+\] )?L(\d+) (.+)$").match, _section(text, "OPEN QUESTIONS"))
        if m
    ]
    assert open_cites and all(askers.get(int(line), name) == name for line, name in open_cites)
    listed = {
        int(m.group(1)): m.group(2)
        for m in map(re.compile(r"^\s+\[[\w-]+\] L(\d+) (.+?) → ").match, _section(text, "QUESTIONS"))
        if m
    }
    assert all(listed[int(line)] == name for line, name in open_cites if int(line) in askers)


def test_credit_askers_keeps_unnamed_askers_and_other_lines():
    bullets = [{"text": "t", "citations": [{"line": 3, "speaker": "PARTICIPANT", "quote": "q"}]}]
    assert credit_askers(bullets, [{"line": 3, "by": None}]) == bullets
    assert credit_askers(bullets, [{"line": 4, "by": "Ana Lima"}]) == bullets
    moved = credit_askers(bullets, [{"line": 9, "by": "Ana Lima", "also_asked_at": [3]}])
    assert moved[0]["citations"][0]["speaker"] == "Ana Lima"


def test_credit_askers_credits_only_a_quote_of_the_question():
    """A line holds a redirect and a hand-off: only a quote of the question is the asker's."""
    line = "Markus, that is a question for the secretariat.  Chengetai, when is the timeline due?"
    asked = [{"line": 5, "by": "Markus", "text": "Chengetai, when is the timeline due?"}]
    other = [{"text": "t", "citations": [{"line": 5, "speaker": "CHAIR", "quote": line.split("  ")[0]}]}]
    assert credit_askers(other, asked) == other
    quoted = [{"text": "t", "citations": [{"line": 5, "speaker": "CHAIR", "quote": "when is the timeline due?"}]}]
    assert credit_askers(quoted, asked)[0]["citations"][0] == {
        "line": 5,
        "speaker": "Markus",
        "voiced_by": "CHAIR",
        "quote": "when is the timeline due?",
    }


def test_each_ask_is_listed_once_with_its_secondary_category(seed):
    """Issue 17 item 6: one ask, one category; a second category is shown as such."""
    session, analyses = seed
    text = render_report(session, analyses, "text")
    heads = [m.group(0) for m in re.finditer(r"^  (ask|recommendation|commitment)/\S+.*?: L\d+", text, re.M)]
    assert len(heads) == len(analyses["asks"]) == len({(a["line"], a["quote"]) for a in analyses["asks"]})
    for a in analyses["asks"]:
        if a["secondary_categories"]:
            head = f"{a['type']}/{a['category']} (also {', '.join(a['secondary_categories'])}): L{a['line']}"
            assert head in text
    md = render_report(session, analyses, "md")
    assert any(
        f"(also {', '.join(a['secondary_categories'])})" in md for a in analyses["asks"] if a["secondary_categories"]
    )


def test_speakers_over_the_announced_limit_are_marked(seed):
    session, analyses = seed
    over = {o["by"] for o in analyses["stats"]["overruns"]}
    assert over, "the seed announces a time limit that some speakers exceed"
    rows = [line for line in _section(render_report(session, analyses, "text"), "SPEAKING TIME") if " min " in line]
    marked = {line.split("  ")[1].strip() for line in rows if line.endswith("over the limit")}
    assert marked and all(any(m.rstrip("…") in name or name.startswith(m.rstrip("…")) for name in over) for m in marked)
    assert len(marked) == len(over)
