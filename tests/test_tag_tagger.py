"""The tagger on short texts of our own, on turns, and on the shared IGF 2021 transcript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.models import Turn
from forumlens.tag.jsonl import tag_record
from forumlens.tag.model import load_model, model_scores_of_stems
from forumlens.tag.tagger import (
    SHORT_THRESHOLD,
    THRESHOLD,
    Tag,
    score_text,
    short_threshold,
    strong_evidence,
    tag_session,
    tag_text,
    tag_turn,
)
from forumlens.tag.taxonomy import load_taxonomy
from forumlens.text import stems
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.parametrize(
    "text, code",
    [
        (
            "Smallholder farmers need better seeds, irrigation and fair crop prices to end hunger "
            "and malnutrition in rural areas.",
            "SDG2",
        ),
        (
            "Every village needs safe drinking water, working toilets and proper sanitation; "
            "open defecation still spreads disease.",
            "SDG6",
        ),
        (
            "Solar mini-grids and wind power bring affordable electricity to households that "
            "still burn fuel wood for cooking.",
            "SDG7",
        ),
        (
            "Girls are kept out of school and women earn less than men; gender-based violence "
            "and child marriage remain common.",
            "SDG5",
        ),
        (
            "Overfishing, coral reef bleaching and plastic litter threaten marine ecosystems "
            "and coastal fishing communities.",
            "SDG14",
        ),
    ],
)
def test_sdg_of_a_clear_passage_is_found(text: str, code: str) -> None:
    tags = tag_text(text, "sdg")
    assert tags and tags[0].code == code
    assert 0.5 <= tags[0].score <= 1.0


def test_small_talk_has_no_tags() -> None:
    text = "Thank you very much, we are running a bit late, so let us take a short break now."
    for scheme in ("sdg", "issue-area", "gdc"):
        assert tag_text(text, scheme) == []


def test_a_text_can_carry_several_labels_with_evidence_sentences() -> None:
    text = (
        "Internet shutdowns silence journalists and violate freedom of expression. "
        "Meanwhile, artificial intelligence and algorithms decide who gets a loan. "
        "We had lunch at noon."
    )
    tags = {t.code: t for t in tag_text(text, "gdc")}
    assert {"GDC3", "GDC5"} <= set(tags)
    quoted = [text[a:b] for a, b in tags["GDC5"].evidence]
    assert quoted == ["Meanwhile, artificial intelligence and algorithms decide who gets a loan."]


def test_scores_cover_every_code_and_year_restricts_issue_areas() -> None:
    assert len(score_text("anything", "sdg")) == 17
    only_2023 = score_text("digital divides and inclusion", "issue-area", year=2023)
    assert only_2023 and all(code.startswith("IGF2023-") for code in only_2023)


def test_a_turn_gets_tags_with_the_lines_of_its_evidence() -> None:
    turn = Turn(
        index=3,
        line=40,
        label="ANA",
        speaker="Ana",
        kind="speech",
        text="Good morning.\n\nOur coalition builds community networks to connect the "
        "unconnected.\nMeaningful access needs affordable broadband and digital skills.",
    )
    tags = {t.code: t for t in tag_turn(turn, "gdc")}
    assert tags["GDC1"].lines == (42, 43)
    assert tags["GDC1"].to_json() == {
        "scheme": "gdc",
        "code": "GDC1",
        "label": tags["GDC1"].label,
        "score": round(tags["GDC1"].score, 4),
        "lines": [42, 43],
    }
    assert Tag.from_json(tags["GDC1"].to_json()).lines == (42, 43)


def test_stage_notes_are_not_tagged() -> None:
    note = Turn(
        index=0, line=1, label=None, speaker=None, kind="note", text="(Climate change and hunger discussed off mic.)"
    )
    assert tag_turn(note, "sdg") == []


@pytest.fixture(scope="module")
def dc_session():
    path = SHARED / "corpus" / "igf2021-dc-main-session.txt"
    return parse_transcript(path.read_text(encoding="utf-8"), source=path.name)


def test_shared_session_gets_2021_issue_areas_with_cited_lines(dc_session) -> None:
    tags = tag_session(dc_session, "issue-area")
    codes = [t.code for t in tags]
    assert all(c.startswith("IGF2021-") for c in codes)  # the session's own year
    assert "IGF2021-COOPERATION" in codes  # a session about digital cooperation and the DCs
    lines = dc_session.lines
    for t in tags:
        assert t.lines and all(1 <= n <= len(lines) and lines[n - 1].strip() for n in t.lines)


def test_shared_session_gdc_tags_include_digital_space(dc_session) -> None:
    tags = {t.code: t for t in tag_session(dc_session, "gdc")}
    assert "GDC3" in tags  # rights, openness, platforms, core Internet values
    assert all(0.5 <= t.score <= 1 for t in tags.values())


def test_a_memo_the_caller_shares_changes_no_tag(dc_session) -> None:
    from forumlens.tag import SCHEMES, SessionMemo, extract_glossary

    memo = SessionMemo()  # what the pipeline hands to analyse, tag and glossary for one session
    shared = [tag_session(dc_session, scheme, memo=memo) for scheme in SCHEMES]
    assert memo.passages  # the passages were kept in the caller's memo, not in the module
    assert shared == [tag_session(dc_session, scheme) for scheme in SCHEMES]
    assert extract_glossary(dc_session, memo=memo) == extract_glossary(dc_session)


# -- short texts: one strong evidence phrase is enough (issue 17, item 4) ---------------------------
@pytest.mark.parametrize(
    "text, scheme, code",
    [
        ("clean water", "sdg", "SDG6"),  # the README's example
        ("Clean water for every village", "sdg", "SDG6"),
        ("food security", "sdg", "SDG2"),
        ("climate change", "sdg", "SDG13"),
        ("renewable energy", "sdg", "SDG7"),
        ("malaria and tuberculosis", "sdg", "SDG3"),  # two different terms of one goal
        ("digital divide", "gdc", "GDC1"),
        ("net neutrality", "issue-area", "IGF2021-REGULATION"),
    ],
)
def test_a_short_text_with_a_strong_phrase_is_tagged(text: str, scheme: str, code: str) -> None:
    tags = tag_text(text, scheme)
    assert code in [t.code for t in tags]
    found = next(t for t in tags if t.code == code)
    assert found.evidence == ((0, len(text)),)  # the whole short text is the evidence sentence
    assert code in tag_record({"id": 1, "text": text}, scheme)["codes"]  # the JSONL contract agrees


@pytest.mark.parametrize(
    "text",
    [
        "the meeting started late",
        "thank you very much",
        "malaria",  # a lone word: not enough on its own
        "poor audio quality",  # "poor" is SDG1 vocabulary, but one word is not a topic
        "the state of the art",  # "the state" has one content word: not a strong phrase
    ],
)
def test_a_short_text_without_strong_evidence_gets_nothing(text: str) -> None:
    for scheme in ("sdg", "issue-area", "gdc"):
        assert tag_text(text, scheme) == [], (text, scheme)


def test_the_short_text_rule_weakens_with_length_and_stops_at_a_passage() -> None:
    two, four, ten = (
        score_text(t, "sdg")["SDG6"]
        for t in ("clean water", "we need clean water", "in many villages we still need clean water and toilets")
    )
    assert two > four > ten >= 0.5
    passage = (
        "The meeting started late because the speakers from the regional offices were delayed by the "
        "storm, and when it finally began the chair read the agenda, and someone mentioned clean water."
    )
    model, tax = load_model("sdg"), load_taxonomy("sdg")
    assert model is not None

    def model_score(text: str) -> float:
        return model_scores_of_stems(model, tax, stems(text))[tax.codes.index("SDG6")]

    assert strong_evidence("sdg", stems(passage)) == {"SDG6"}  # the phrase is there, but 31 words
    assert score_text(passage, "sdg")["SDG6"] == pytest.approx(model_score(passage))  # are a passage
    assert model_score("clean water") < 0.5 < score_text("clean water", "sdg")["SDG6"]


def _document(text: str, name: str = "notes.txt"):
    from forumlens.pipeline import prepare_document
    from forumlens.read import read_bytes

    return prepare_document(read_bytes(text.encode(), name))[0]  # as ingest and `tag FILE` read it


def test_a_short_file_is_tagged_as_one_text() -> None:
    session = _document("Notes from the village meeting\n\nThe well is dry again. Clean water is the first need.\n")
    (tag,) = tag_session(session, "sdg")
    assert tag.code == "SDG6" and tag.lines == (3,)


def test_a_stored_document_gets_the_tags_of_tag_file() -> None:
    # a statement of 2023: `tag FILE` gave SDG9 and the stored copy nothing; one rule now
    from forumlens.pipeline import AnalysisOptions, analyse_session

    session = _document(
        "---\ntitle: Statement on village water, 2023\ndate: 2023-10-02\n---\n\n# Statement\n\n"
        "## Needs\n\nThe well is dry again. Clean water and sanitation are the first needs of the school.\n\n"
        "## Requests\n\nWe ask the district to repair the pump before the rains.\n",
        "statement.md",
    )
    stored = analyse_session(session, AnalysisOptions(skip=frozenset({"glossary", "keywords"})))["tags"]
    for scheme in ("sdg", "issue-area", "gdc"):
        mine = [(t["code"], t["lines"]) for t in stored if t["scheme"] == scheme]
        assert mine == [(t.code, list(t.lines)) for t in tag_session(session, scheme)]
    assert [(t["code"], t["lines"]) for t in stored if t["scheme"] == "sdg"] == [("SDG6", [10])]


def test_a_short_session_clears_a_higher_bar() -> None:
    # SDG16 scores 0.56 as one text: enough for a passage (0.5), not for a short session
    session = _document(
        "Statement of the network\n\nOur members run small radio stations and websites in three countries. "
        "We ask for fair rules for platforms, a free press, and the protection of journalists who report on "
        "courts and institutions.\n\nWe also ask the donors to keep funding local media and open data.\n"
    )
    loose = {t.code: t.score for t in tag_session(session, "sdg", threshold=THRESHOLD)}
    assert THRESHOLD <= loose["SDG16"] < short_threshold("sdg") <= loose["SDG17"]
    assert [t.code for t in tag_session(session, "sdg")] == ["SDG17"]
    assert short_threshold("sdg") == SHORT_THRESHOLD["model"] > SHORT_THRESHOLD["density"] > THRESHOLD
    assert short_threshold("gdc") == short_threshold("issue-area") == SHORT_THRESHOLD["density"]


def test_a_point_one_voice_makes_once_is_not_a_short_session_topic() -> None:
    # a round of needs: each voice names its own topic once; none of them is the session's
    text = (
        ">> LINA: Let us hear what each of you needs.\n"
        ">> KOFI: We need money to pay consultants this year.\n"
        ">> RITA: For us it is the move to IPv6 and signing zones with DNSSEC.\n"
        ">> AIKO: Persons with disabilities still cannot follow half of the sessions without captions.\n"
        ">> LINA: Thank you all.\n"
    )
    session = parse_transcript(text, source="needs.txt")
    assert all(tag_session(session, scheme, threshold=0.3) == [] for scheme in ("sdg", "issue-area", "gdc"))
    # the same words as one person's statement are one text, and its topic is tagged
    one_voice = parse_transcript(re.sub(r">> [A-Z]+:", ">> AIKO:", text), source="statement.txt")
    assert [(t.code, t.lines) for t in tag_session(one_voice, "sdg")] == [("SDG10", (4,))]


def test_a_short_session_of_a_year_without_issue_areas_gets_none() -> None:
    body = (
        ">> ANA: Our coalition works on digital cooperation and multistakeholder Internet governance.\n"
        ">> BEN: Digital cooperation between the coalitions and multistakeholder governance go together.\n"
    )
    codes = {
        year: {
            t.code
            for t in tag_session(parse_transcript(f"IGF {year} workshop\n\n{body}", source="s.txt"), "issue-area")
        }
        for year in (2015, 2021, 2023)
    }
    assert codes[2015] == set()  # not the themes of IGF 2021-2024: the taxonomy has none for 2015
    assert codes[2021] and all(c.startswith("IGF2021-") for c in codes[2021])
    assert codes[2023] and all(c.startswith("IGF2023-") for c in codes[2023])
    assert score_text("digital cooperation", "issue-area", year=2015) == {}
    assert len(score_text("digital cooperation", "issue-area")) == len(load_taxonomy("issue-area").entries)


def test_a_long_session_keeps_the_passage_rule() -> None:
    # one passing mention in a session longer than a passage window is not a topic
    filler = " ".join(["We discussed the agenda for the next meeting of the group and its members."] * 12)
    session = parse_transcript(f">> CHAIR: {filler}\n>> ANA LIMA: Clean water matters. {filler}\n", source="s.txt")
    assert "SDG6" not in {t.code for t in tag_session(session, "sdg")}


def test_evidence_lines_skip_a_marker_alone_on_its_line() -> None:
    # the label's line holds no speech: the evidence is on the line after it
    session = parse_transcript(
        ">> AMARA OKAFOR:\nClean water and sanitation are what our villages lack most.\n"
        "Safe drinking water is a right, and clean water saves children from disease.\n",
        source="water.txt",
    )
    (turn,) = session.turns
    assert (turn.line, turn.first_line) == (1, 2)
    assert {t.code: t.lines for t in tag_turn(turn, "sdg")}["SDG6"] == (2, 3)
    (tag,) = [t for t in tag_session(session, "sdg") if t.code == "SDG6"]
    assert tag.lines == (2, 3)
