"""The glossary on the shared IGF 2021 transcript and on a small session of our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.tag.glossary import extract_glossary
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RESOURCES = Path(__file__).resolve().parent / "resources" / "tag"


def _session(path: Path):
    return parse_transcript(path.read_text(encoding="utf-8"), source=path.name)


@pytest.fixture(scope="module")
def dc():
    session = _session(SHARED / "corpus" / "igf2021-dc-main-session.txt")
    return session, {t.term.lower(): t for t in extract_glossary(session)}


@pytest.mark.parametrize(
    "term",
    [
        "mag",
        "nris",
        "igf plus",
        "meaningful access",
        "greening internet governance",
        "digital sovereignty",
        "over the top service",
    ],
)
def test_expected_terms_are_found(dc, term: str) -> None:
    assert term in dc[1]


def test_acronyms_are_expanded_from_the_session(dc) -> None:
    _, terms = dc
    assert terms["mag"].expansion.lower() == "multistakeholder advisory group"
    assert terms["mag"].expansion_source == "session"
    assert terms["nris"].expansion.lower().startswith("national, regional initiative")


def test_definitions_are_verbatim_quotes_on_their_line(dc) -> None:
    session, terms = dc
    lines = session.lines
    for t in terms.values():
        assert t.quote in lines[t.line - 1] or t.quote.split("\n")[0] in lines[t.line - 1]
        assert t.line not in t.lines


def test_the_explaining_sentence_is_chosen(dc) -> None:
    _, terms = dc
    assert "called Greening Internet Governance" in terms["greening internet governance"].quote
    assert "what you call meaningful access" in terms["meaningful access"].quote


def test_no_speaker_names_and_no_stop_phrases(dc) -> None:
    session, terms = dc
    names = {w.lower() for t in session.turns if t.speaker for w in re.split(r"[\s-]+", t.speaker)}
    for term in terms:
        assert not set(re.split(r"[\s-]+", term)) & names, term
    for phrase in ("thank you", "good morning", "zoom room", "the floor"):
        assert phrase not in terms


def test_own_session_stands_for_parentheses_and_cues() -> None:
    session = _session(RESOURCES / "glossary-session.txt")
    terms = {t.term: t for t in extract_glossary(session)}
    assert terms["ROAM-X"].expansion.startswith("Rights, Openness, Accessibility to all")
    assert terms["ROAM-X"].line == 7 and terms["ROAM-X"].lines == ()
    assert terms["PNMA"].expansion == "Policy Network on Meaningful Access"
    assert terms["PNMA"].lines == (11, 13)
    assert "What we call community connectivity" in terms["community connectivity"].quote
    assert terms["data stewardship model"].line == 13
    assert "so-called data stewardship model" in terms["data stewardship model"].quote
    assert not {"Amara", "Lucas", "Ferreira", "Amara Okonkwo"} & set(terms)
    assert terms["ROAM-X"].to_json()["definition"]["line"] == 7
