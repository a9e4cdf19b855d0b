"""The text report wraps long questions and quotes instead of cutting them mid-word."""

from forumlens.pipeline import analyse_session, parse_document
from forumlens.read import read_bytes
from forumlens.report import render_report

from .conftest import MAIN_SESSION


def test_questions_and_asks_are_printed_whole_and_wrapped():
    session = parse_document(read_bytes(MAIN_SESSION.read_bytes(), str(MAIN_SESSION)))
    analyses = analyse_session(session)
    text = render_report(session, analyses, "text")
    assert max(len(line) for line in text.splitlines()) <= 120
    flat = " ".join(text.split())
    for item in [*analyses["questions"], *analyses["asks"]]:
        body = item.get("text") or item["quote"]
        assert " ".join(body.split()) in flat  # the whole text, not a cut at 160 characters
