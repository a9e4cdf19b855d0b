"""Related items and partner suggestions from words, tags and coalition mentions: no extra needed.

These run on every install (the vector signal is switched off with use_vectors=False, or
the extra is hidden with monkeypatch), on both store back ends.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forumlens.cli import cli
from forumlens.errors import ConfigError, NotFound
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.models import Turn
from forumlens.search import SearchFilters
from forumlens.semantic import (
    coalitions_working_on,
    rrf,
    search_answer,
    semantic_search,
    similar_sessions,
    similar_turns,
    suggest_partners,
)
from forumlens.semantic import hybrid as hybrid_module
from forumlens.semantic.passages import turn_passages
from forumlens.semantic.profiles import keywords
from forumlens.store import Store

RESOURCES = Path(__file__).resolve().parent / "resources" / "semantic"
CONNECTIVITY = "f4435ed6780b"  # DC3 and DC-CTU, together
LIBRARIES = "2d485e1a310d"  # DC-PAL: rural access through libraries
SCHOOLS = "457351f04e7d"  # DC-SIG: training
NEEDS = "56da8533f02a"  # no coalition: "we need money to pay consultants"


def ingest_resources(store: Store) -> None:
    outcomes = ingest_paths(store, [RESOURCES], IngestOptions(max_bytes=5_000_000))
    assert [o.status for o in outcomes] == ["ingested"] * 4, [o.reason for o in outcomes]


@pytest.fixture
def store(fresh_store: Store) -> Store:
    ingest_resources(fresh_store)
    return fresh_store


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behave as an install without forumlens[semantic]."""
    import forumlens.semantic.embedder as embedder

    monkeypatch.setattr(embedder, "semantic_installed", lambda: False)
    monkeypatch.setattr(hybrid_module, "semantic_installed", lambda: False)


# -- pure parts ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "rankings, best",
    [
        ([[("a", 1), ("b", 1)], [("b", 1), ("a", 1)]], ("a", 1)),  # tie: first seen wins
        ([[("a", 1), ("b", 1)], [("b", 1)]], ("b", 1)),  # in both lists beats first in one
        ([[], [("c", 2)]], ("c", 2)),
    ],
)
def test_rrf_fuses_by_rank(rankings, best):
    assert rrf(rankings)[0][0] == best


def test_rrf_score_is_sum_of_reciprocal_ranks():
    fused = dict(rrf([[("a", 1), ("b", 1)], [("b", 1)]], k=60))
    assert fused[("b", 1)] == pytest.approx(1 / 62 + 1 / 61)


def test_long_turns_are_cut_into_cited_passages():
    sentence = "Community networks need affordable spectrum and backhaul in rural areas. "
    text = (sentence * 12 + "\n\n" + sentence * 12).strip()
    turn = Turn(index=4, line=30, label="X", speaker="X", kind="speech", text=text, start=0, end=len(text), end_line=32)
    passages = turn_passages(turn, max_words=40)
    assert len(passages) >= 4
    assert all(p.turn == 4 and text[p.start : p.end] == p.text for p in passages)
    assert passages[0].line == 30 and passages[-1].line == 32  # the paragraph after the blank line
    assert max(len(p.text.split()) for p in passages) <= 40 + 11


def test_notes_and_tiny_turns_are_not_embedded():
    note = Turn(0, 1, None, None, "note", "(Poor audio quality and many more words here)", end_line=1)
    tiny = Turn(1, 2, "A", "A", "speech", "Thank you.", end_line=2)
    assert turn_passages(note) == [] and turn_passages(tiny) == []


def test_keywords_skip_stopwords_and_floor_talk():
    text = "Thank you, Chair. Spectrum, spectrum and backhaul: the dynamic coalition needs spectrum."
    assert keywords([text], 2) == ["spectrum", "backhaul"]


# -- modes without the extra ------------------------------------------------------------------------
def test_lexical_mode_is_the_store_search(store):
    hits = semantic_search(store, "consultants", SearchFilters(), "lexical")
    assert [(h.session, h.line) for h in hits] == [(NEEDS, 13)]


def test_semantic_mode_without_the_extra_says_how_to_install(store, no_extra):
    with pytest.raises(ConfigError) as info:
        semantic_search(store, "financing", SearchFilters(), "semantic")
    assert "pip install 'forumlens[semantic]'" in info.value.render()


def test_hybrid_without_the_extra_answers_with_words_and_says_how_to_install(store, no_extra):
    answer = search_answer(store, "consultants", SearchFilters(), "hybrid")
    assert [(h.session, h.line) for h in answer.hits] == [(NEEDS, 13)]
    assert answer.mode == "lexical"
    assert answer.notice and "pip install 'forumlens[semantic]'" in answer.notice and "forumlens embed" in answer.notice


def test_unknown_mode_is_a_config_error(store):
    with pytest.raises(ConfigError):
        semantic_search(store, "x", SearchFilters(), "fuzzy")


def test_available_modes_without_the_extra(store, no_extra):
    assert hybrid_module.available_modes(store) == ["lexical"]


# -- related items, lexical and tags ------------------------------------------------------------------
def test_partners_overlap_in_topic_and_never_met(store):
    found = suggest_partners(store, "DC3", 5, use_vectors=False)
    names = [p.name for p in found]
    assert names[0] == "DC on Public Access in Libraries"
    # DC-CTU shares the topic but was in the same session: not a suggestion
    assert "DC on Innovative Approaches to Connecting the Unconnected" not in names
    assert "DC on Schools of Internet Governance" not in names  # nothing in common
    best = found[0]
    assert "not yet in a session together" in best.reasons
    assert any("spectrum" in r or "rural" in r for r in best.reasons)
    cited = {(c.session, c.line) for c in best.evidence}
    assert (LIBRARIES, 9) in cited and (CONNECTIVITY, 9) in cited


def test_partner_evidence_quotes_are_verbatim(store):
    for partner in suggest_partners(store, "Community Connectivity", 5, use_vectors=False):
        for cite in partner.evidence:
            text = store.load_session(cite.session).text
            assert cite.quote in text.split("\n")[cite.line - 1]


def test_partners_of_an_unknown_name(store):
    with pytest.raises(NotFound):
        suggest_partners(store, "DC on Underwater Basket Weaving", use_vectors=False)


def test_partners_by_acronym_and_name_agree(store):
    by_acronym = suggest_partners(store, "dc-pal", use_vectors=False)
    by_name = suggest_partners(store, "DC on Public Access in Libraries", use_vectors=False)
    assert [p.name for p in by_acronym] == [p.name for p in by_name]
    assert by_acronym and by_acronym[0].name in {
        "DC on Community Connectivity",
        "DC on Innovative Approaches to Connecting the Unconnected",
    }


def test_coalitions_working_on_a_topic(store):
    found = coalitions_working_on(store, "rural broadband", 3, use_vectors=False)
    names = [c.name for c in found]
    assert set(names[:3]) == {
        "DC on Community Connectivity",
        "DC on Public Access in Libraries",
        "DC on Innovative Approaches to Connecting the Unconnected",
    }
    assert "DC on Schools of Internet Governance" not in names
    assert all(c.evidence for c in found)


def test_coalitions_working_on_a_session(store):
    found = coalitions_working_on(store, CONNECTIVITY, 5, use_vectors=False)
    assert {"DC on Community Connectivity", "DC on Innovative Approaches to Connecting the Unconnected"} <= {
        c.name for c in found[:2]
    }
    assert "in this session" in found[0].reasons


def test_similar_sessions_by_words_tags_and_coalitions(store):
    found = similar_sessions(store, CONNECTIVITY, 3, use_vectors=False)
    assert found[0].session == LIBRARIES
    assert any(r.startswith("shared words") for r in found[0].reasons)
    assert CONNECTIVITY not in [s.session for s in found]


def test_similar_turns_elsewhere(store):
    found = similar_turns(store, CONNECTIVITY, 9, 3, use_vectors=False)
    assert found[0].session == LIBRARIES and found[0].line == 9
    assert (CONNECTIVITY, 9) not in [(h.session, h.line) for h in found]


def test_similar_turns_needs_a_line_inside_a_turn(store):
    with pytest.raises(NotFound):
        similar_turns(store, CONNECTIVITY, 2, use_vectors=False)


# -- command line ------------------------------------------------------------------------------------
@pytest.fixture
def db(tmp_path: Path) -> str:
    from forumlens.store import open_store

    location = str(tmp_path / "cli.sqlite3")
    with open_store(location) as store:
        ingest_resources(store)
    return location


def run(args: list[str]):
    from click.testing import CliRunner

    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_related_command_for_a_coalition(db, no_extra):
    result = run(["--db", db, "related", "--coalition", "DC3", "--json"])
    assert result.exit_code == 0, result.output
    partners = json.loads(result.output)["partners"]
    assert partners[0]["name"] == "DC on Public Access in Libraries"
    assert {"session", "line", "speaker", "quote"} <= set(partners[0]["evidence"][0])


def test_related_command_for_a_session_and_a_turn(db, no_extra):
    result = run(["--db", db, "related", CONNECTIVITY[:6]])
    assert result.exit_code == 0, result.output
    assert "Similar sessions:" in result.output and "Coalitions working on this:" in result.output
    result = run(["--db", db, "related", CONNECTIVITY, "--line", "9", "--json"])
    assert json.loads(result.output)["turns"][0]["session"] == LIBRARIES


def test_related_command_needs_exactly_one_subject(db):
    result = run(["--db", db, "related"])
    assert result.exit_code == 2 and "give one of" in result.output  # a usage mistake, as the README says


def test_search_mode_semantic_without_the_extra(db, no_extra):
    result = run(["--db", db, "search", "--mode", "semantic", "financing"])
    assert result.exit_code == 1
    assert "pip install 'forumlens[semantic]'" in result.output


def test_search_mode_lexical_is_the_default(db):
    default = run(["--db", db, "search", "consultants", "--json"])
    lexical = run(["--db", db, "search", "--mode", "lexical", "consultants", "--json"])
    assert default.output == lexical.output
    assert json.loads(default.output)["hits"][0]["line"] == 13


# -- a link needs enough shared evidence ---------------------------------------------------------------
SHORT_SESSION = """IGF 2024 - Day 3 - Open Forum #90 Short Notice

***

>> MODERATOR:  Welcome to those joining online.  Our consultants arrive shortly.
"""


def test_one_shared_word_is_no_link(store, tmp_path):
    """A 12-word session shares "consultants" with one stored session, and nothing else: no link."""
    short = tmp_path / "short-notice.txt"
    short.write_text(SHORT_SESSION, encoding="utf-8")
    (outcome,) = ingest_paths(store, [short], IngestOptions(max_bytes=5_000_000))
    assert outcome.status == "ingested", outcome.reason
    sid = outcome.session
    assert sid is not None
    from forumlens.semantic.profiles import load_profiles, shared_count

    profiles = load_profiles(store)
    assert shared_count(profiles, sid, NEEDS) == 1  # "consultants": it was linked on that alone
    assert similar_sessions(store, sid, 5, use_vectors=False) == []


def test_sessions_sharing_several_words_are_still_linked(store):
    from forumlens.semantic.profiles import load_profiles, shared_count

    found = similar_sessions(store, LIBRARIES, 5, use_vectors=False)
    assert CONNECTIVITY in [r.session for r in found]
    assert shared_count(load_profiles(store), LIBRARIES, CONNECTIVITY) >= 2


def test_related_command_says_why_there_are_no_similar_sessions(db, tmp_path, no_extra):
    short = tmp_path / "short-notice.txt"
    short.write_text(SHORT_SESSION, encoding="utf-8")
    from forumlens.store import open_store

    with open_store(db) as store:
        (outcome,) = ingest_paths(store, [short], IngestOptions(max_bytes=5_000_000))
    assert outcome.session is not None
    result = run(["--db", db, "related", outcome.session])
    assert result.exit_code == 0, result.output
    assert "Similar sessions:\n  (none found: no other stored session shares enough with it" in result.output
