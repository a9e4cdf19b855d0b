"""Session profiles: the word, tag and coalition fingerprints related items compare."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.ingest import IngestOptions, ingest_file
from forumlens.semantic.profiles import (
    SessionProfiles,
    keyword_counts,
    load_profiles,
    shared_forms,
    tag_overlap,
    word_overlap,
)
from forumlens.store import Store

SESSIONS = {
    "spectrum": """IGF 2022 - Workshop on community networks and spectrum

>> MODERATOR: Welcome everyone, thank you for joining this workshop.

>> LINA OKAFOR: Community networks need spectrum licences. Rural spectrum is unused and community networks could use it.

>> DAVID CHEN: Spectrum regulators should open licences for community networks in rural areas.
""",
    "licences": """IGF 2023 - Open Forum on rural connectivity

>> MODERATOR: Good morning, we begin now.

>> MARIA SILVA: Rural operators and community networks wait years for spectrum licences from regulators.
""",
    "children": """IGF 2023 - Workshop on children's rights online

>> MODERATOR: Thank you all for being here.

>> SAM PATEL: Children's privacy online needs age appropriate design and parental guidance for schools.
""",
}


@pytest.fixture
def store(fresh_store: Store) -> Store:
    """The three sessions, on each back end."""
    return fresh_store


@pytest.fixture
def ids(store: Store, tmp_path: Path) -> dict[str, str]:
    """Session id of each of SESSIONS, ingested into `store`."""
    found = {}
    for name, text in SESSIONS.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, "utf-8")
        outcome = ingest_file(store, path, IngestOptions(max_bytes=1_000_000))
        found[name] = outcome.session
    return found


def test_keyword_counts_keep_topic_words_and_drop_floor_talk():
    counts = keyword_counts(["Thank you. Spectrum licences, spectrum for community networks, thank you."])
    stems = [s for s, _, _ in counts]
    assert counts[0][1] == "spectrum" and counts[0][2] == 2
    assert "thank" not in stems and "you" not in stems
    assert keyword_counts(["b a c"] * 3) == keyword_counts(["b a c"] * 3)  # deterministic


def test_ingest_stores_the_profile_and_loading_matches_a_fresh_computation(store, ids):
    stored = store.analysis(ids["spectrum"], "keywords")
    counts = {form: n for _, form, n in stored}
    assert counts["spectrum"] == 3 and counts["community"] == 3 and "welcome" not in counts
    from_analysis = load_profiles(store)
    for sid in ids.values():  # as in a store ingested with --no-analysis, or before the analysis existed
        analyses = store.analyses(sid)
        del analyses["keywords"]
        store.replace_analyses(sid, analyses)
    assert all(store.analysis(sid, "keywords") is None for sid in ids.values())
    computed = load_profiles(store)
    assert computed.words == from_analysis.words and computed.forms == from_analysis.forms
    assert computed.tags == from_analysis.tags and computed.coalitions == from_analysis.coalitions


def test_sessions_sharing_distinctive_words_rank_first(store, ids):
    profiles = load_profiles(store)
    ranked = [sid for sid, _ in word_overlap(profiles, ids["spectrum"])]
    assert ranked[0] == ids["licences"]
    assert ids["children"] not in ranked[:1]
    shared = shared_forms(profiles, ids["spectrum"], ids["licences"])
    assert {"spectrum", "licences"} <= set(shared)


def test_tag_overlap_is_the_cosine_of_tag_scores():
    """Sessions sharing no tag are left out; identical profiles score 1; the rest by angle."""
    import math

    profiles = SessionProfiles(
        tags={
            "a": {"sdg:SDG9": 0.8, "sdg:SDG4": 0.6},
            "same": {"sdg:SDG9": 0.4, "sdg:SDG4": 0.3},
            "half": {"sdg:SDG9": 0.5},
            "other": {"sdg:SDG3": 0.9},
        }
    )
    profiles.tag_postings = {"sdg:SDG9": ["a", "same", "half"], "sdg:SDG4": ["a", "same"], "sdg:SDG3": ["other"]}
    profiles.tag_norms = {sid: math.sqrt(sum(v * v for v in t.values())) for sid, t in profiles.tags.items()}
    scored = tag_overlap(profiles, "a")
    assert [sid for sid, _ in scored] == ["same", "half"]  # "other" shares nothing; "a" is not its own neighbour
    assert scored[0][1] == pytest.approx(1.0)
    assert scored[1][1] == pytest.approx(0.8)  # cos of (0.8, 0.6) with (1, 0)
