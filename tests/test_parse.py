"""The caption parser on the real 2021 transcript, the format samples, and odd shapes."""

import json
from pathlib import Path

import pytest

from forumlens.transcript.parse import find_title, parse_transcript

from .conftest import CORPUS, RESOURCES

FORMAT_SAMPLES = sorted((CORPUS / "formats").glob("*.txt"))


def _shape(turns):
    return [(t["line"], t["label"], t["speaker"], t["kind"]) for t in turns]


def test_main_session_matches_the_hand_annotation(main_text, main_gold_turns):
    session = parse_transcript(main_text, source="igf2021.txt")
    got = [t.to_json() for t in session.turns]
    assert len(got) == 70
    assert _shape(got) == _shape(main_gold_turns)
    unnamed = [t for t in session.turns if t.label is None]
    assert len(unnamed) == 3 and sum(t.kind == "note" for t in unnamed) == 1


def test_title_is_the_first_line_and_disclaimer_is_not_a_turn(main_text):
    session = parse_transcript(main_text)
    assert session.title == main_text.split("\n")[0].strip()
    assert session.year == 2021
    assert all("authoritative record" not in t.text for t in session.turns)


@pytest.mark.parametrize("path", FORMAT_SAMPLES, ids=lambda p: p.stem)
def test_caption_styles_of_other_years(path: Path):
    gold = json.loads(path.with_suffix(".turns.json").read_text("utf-8"))["turns"]
    session = parse_transcript(path.read_text("utf-8"))
    assert _shape([t.to_json() for t in session.turns]) == _shape(gold)


@pytest.mark.parametrize("path", [*FORMAT_SAMPLES, CORPUS / "igf2021-dc-main-session.txt"], ids=lambda p: p.stem)
def test_turn_text_is_an_exact_slice_with_consistent_lines(path: Path):
    text = path.read_text("utf-8")
    session = parse_transcript(text)
    lines = text.split("\n")
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text
        assert turn.line <= turn.end_line
        assert ">>" in lines[turn.line - 1]
        first = turn.end_line - turn.text.count("\n")
        assert turn.text.split("\n")[0] in lines[first - 1]


def test_lost_line_breaks_titles_after_boilerplate_and_colonless_labels():
    session = parse_transcript((RESOURCES / "parse" / "lost-line-breaks.txt").read_text("utf-8"))
    assert session.title == "IGF 2012 Baku - Workshop 77 Emerging Issues"
    assert session.year == 2012
    shape = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert shape == [
        (9, "MARKUS KUMMER", "Markus Kummer", "speech"),
        (9, "NITIN DESAI", "Nitin Desai", "speech"),
        (9, None, None, "note"),
        (9, None, None, "speech"),
        (10, "HON. DR. JOHN SMITH", "John Smith", "speech"),
        (11, "Markus Kummer", "Markus Kummer", "speech"),  # known label, no colon
        (13, "JOHN SMITH", "John Smith", "speech"),
    ]
    assert session.turns[5].text.endswith("[ Gavel ]")  # a bracketed note inside a turn stays in it
    assert "10:30" in session.turns[6].text


def test_bare_name_labels_when_there_are_no_markers():
    session = parse_transcript((RESOURCES / "parse" / "bare-labels.txt").read_text("utf-8"))
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (3, "MODERATOR", None),
        (4, "Jane Doe", "Jane Doe"),
        (5, "JOHN ROE", "John Roe"),
    ]
    assert "this line continues" in session.turns[2].text
    assert session.title == "Open Forum on Community Networks"


def test_text_without_markers_is_a_session_with_a_warning():
    session = parse_transcript("Meeting notes\n\nWe agreed to publish the report in May.\n")
    assert session.turns == () and session.warnings


@pytest.mark.parametrize("text", ["", "\n\n", ">>", ">> ", ">>\n>>", ":::", ">> : :", "(x)"])
def test_degenerate_inputs_do_not_crash(text):
    parse_transcript(text)


def test_title_skips_site_boilerplate_and_dates():
    header = "Home | Sessions\nIGF 2019 Berlin – WS #1 Data\nThe following are the outputs of the real-time captioning taken during the IGF meeting in Berlin, it is an aid.\nNOVEMBER 26, 2019\n"
    assert find_title(header) == "IGF 2019 Berlin – WS #1 Data"
