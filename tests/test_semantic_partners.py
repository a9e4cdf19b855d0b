"""Partner suggestions rest on shared topic terms, and their evidence is about the pair.

Three small sessions of our own (`resources/partners/`): the DC on Data and Trust and the
DC on Digital Health both work on consent and patient data, in different sessions; the DC
on the Internet of Things shares only "cannot", "moderate", "workshop" and "close" with
them. The semantic resources' sessions join them, so every asker has candidates to refuse.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.semantic import suggest_partners
from forumlens.semantic.actors import actors_on_record, fill_turns
from forumlens.store import Store
from forumlens.text.stems import stem

from .conftest import MAIN_SESSION

RESOURCES = Path(__file__).resolve().parent / "resources"


@pytest.fixture
def store(fresh_store: Store) -> Store:
    outcomes = ingest_paths(
        fresh_store, [RESOURCES / "partners", RESOURCES / "semantic"], IngestOptions(max_bytes=5_000_000)
    )
    assert all(o.status == "ingested" for o in outcomes), [o.reason for o in outcomes]
    return fresh_store


def _shared(partner) -> list[str]:
    (reason,) = [r for r in partner.reasons if r.startswith("shared words: ")]
    return reason.removeprefix("shared words: ").split(", ")


def test_coalitions_on_the_same_topic_are_partners_on_its_terms(store):
    found = suggest_partners(store, "DC on Data and Trust", 5, use_vectors=False)
    assert [p.name for p in found][:1] == ["DC on Digital Health"]
    shared = _shared(found[0])
    assert {"consent", "patient"} <= {stem(w) for w in shared}
    assert not {"cannot", "moderate", "workshop", "close"} & set(shared)


def test_generic_words_alone_make_no_partner(store):
    # "cannot", "moderate", "workshop", "close" are all the IoT session shares with the other two
    for asker in ("DC on Data and Trust", "DC on Digital Health"):
        assert "DC on the Internet of Things" not in [p.name for p in suggest_partners(store, asker, use_vectors=False)]
    assert [p.name for p in suggest_partners(store, "DC on the Internet of Things", use_vectors=False)] == []


def test_every_quote_holds_a_term_the_pair_shares(store):
    seen = 0
    for asker in actors_on_record(store):
        for partner in suggest_partners(store, asker, 5, use_vectors=False):
            terms = {stem(w) for w in _shared(partner)}
            for cite in partner.evidence:
                said = {stem(w.strip(".,;:").lower()) for w in cite.quote.split()}
                assert terms & said, (asker, partner.name, cite.quote)
                assert "I speak for" not in cite.quote  # a name says who, not what
                seen += 1
    assert seen


@pytest.fixture
def with_main(store: Store) -> Store:
    """The store with the shared main session too: twelve coalitions in one session, introduced
    by moderators whose turns carry the session's tags."""
    ingest_paths(store, [MAIN_SESSION], IngestOptions(max_bytes=5_000_000))
    return store


def test_no_quote_but_the_askers_own_is_shown_for_two_candidates(with_main):
    # a moderator's tag line of the main session once stood as evidence for every candidate from it
    store = with_main
    actors = actors_on_record(store)
    fill_turns(store, actors.values())
    for asker, actor in actors.items():
        quoted: Counter[tuple[str, int]] = Counter()
        for partner in suggest_partners(store, asker, 5, use_vectors=False):
            quoted.update({(c.session, c.line) for c in partner.evidence})
        for (sid, line), n in quoted.items():
            if n > 1:
                assert any(s == sid and t.line <= line <= t.end_line for (s, _), t in actor.turns.items()), (
                    asker,
                    line,
                )
