"""The packaged MiniLM encoder rebuilt as a lean ONNX graph with fused attention, for int8 runs.

Why: the packaged file is a PyTorch export whose graph spends a third of its operators on
shape bookkeeping (each layer's key transpose is eleven operators, the attention mask a
dozen more), and onnxruntime cannot fuse its attention. Profiled with the int8 model of
`embedder.build_int8_model` (one text per run, the way `embed` runs it), the int8 matrix
products were under half of the kernel time; the rest was per-operator work and overhead.

Here the same weights (read from the packaged file, dequantised exactly as its own graph
does: int8 times a per-column scale) are put into a graph of onnxruntime's fused operators:
one `Attention` per layer (packed query/key/value weights, key-padding mask), `Gelu`, and
MatMul + Add + LayerNormalization, which onnxruntime turns into `SkipLayerNormalization`.
`rebuild_encoder` checks the architecture it expects (6 layers of BERT, 12 heads) and
raises `ValueError` on anything else rather than building a wrong model.

The float graph equals the packaged one up to float rounding (max abs diff ~1e-5 on the
hidden states, tests/test_embed_fused.py); masked keys get -10000 instead of -FLT_MAX
before the softmax, which underflows to the same zero weight. `build_fused_int8_model`
then applies onnxruntime's dynamic quantisation (per-channel int8 weights; `QAttention`
for the attention), so activations are still quantised with one scale per run: the
embedder runs it one text per run, as it does the first int8 variant.

Needs the `onnx` package (forumlens[semantic-fast]); nothing here is imported by default.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["build_fused_int8_model", "rebuild_encoder"]

HEADS = 12
_BIAS = re.compile(
    r"inner\.encoder\.layer\.(\d+)\.(attention\.self\.query|attention\.self\.key|attention\.self\.value|attention\.output\.dense|intermediate\.dense|output\.dense)\.bias"
)
_LN = "inner.encoder.layer.{}.{}.LayerNorm.{}"
_EMB = "inner.embeddings.{}"


def _constants(graph: Any) -> dict[str, Any]:
    """Every initializer as numpy, plus each weight the graph dequantises (`Mul(Cast(q), scale)`)."""
    import numpy as np
    from onnx import numpy_helper

    values = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    casts = {n.output[0]: n.input[0] for n in graph.node if n.op_type == "Cast" and n.input[0] in values}
    for node in graph.node:
        if node.op_type == "Mul" and node.input[0] in casts and node.input[1] in values:
            q = values[casts[node.input[0]]].astype(np.float32)
            values[node.output[0]] = (q * values[node.input[1]].astype(np.float32)).astype(np.float32)
    return values


def _layer_weights(graph: Any, values: dict[str, Any]) -> list[dict[str, Any]]:
    """Per layer, role -> (weight, bias): each MatMul's weight is named by the bias added to its output."""
    added = {}
    for node in graph.node:
        if node.op_type == "Add":
            for i, name in enumerate(node.input):
                match = _BIAS.fullmatch(name)
                if match:
                    added[node.input[1 - i]] = (int(match.group(1)), match.group(2), values[name])
    layers: dict[int, dict[str, Any]] = {}
    for node in graph.node:
        if node.op_type == "MatMul" and node.output[0] in added and node.input[1] in values:
            index, role, bias = added[node.output[0]]
            layers.setdefault(index, {})[role] = (values[node.input[1]], bias)
    roles = {m.group(2) for m in (_BIAS.fullmatch(n) for n in values) if m}
    if sorted(layers) != list(range(len(layers))) or not layers or any(set(v) != roles for v in layers.values()):
        raise ValueError(f"unexpected encoder layout: layers {sorted(layers)}, roles {sorted(roles)}")
    return [layers[i] for i in range(len(layers))]


def _epsilon(graph: Any) -> float:
    found = {
        round(a.f, 20)
        for n in graph.node
        if n.op_type == "LayerNormalization"
        for a in n.attribute
        if a.name == "epsilon"
    }
    if len(found) != 1:
        raise ValueError(f"expected one LayerNormalization epsilon, found {sorted(found)}")
    return found.pop()


def rebuild_encoder(packaged: Any) -> Any:
    """A lean float ONNX model (`onnx.ModelProto`) with the packaged model's weights, inputs and output.

    Inputs input_ids, attention_mask, token_type_ids (int64, batch x tokens); output
    last_hidden_state (float, batch x tokens x 384). Word and position embeddings stay int8
    with their per-row scales, gathered and widened per token as in the packaged graph.
    """
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    graph = packaged.graph
    values = _constants(graph)
    layers = _layer_weights(graph, values)
    eps = _epsilon(graph)
    inits: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, array: Any) -> str:
        inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attrs))
        return output

    word_q, word_scale = (values[_EMB.format(f"word_embeddings.weight_{s}")] for s in ("q", "scale"))
    hidden = word_q.shape[1]
    if hidden % HEADS:
        raise ValueError(f"hidden size {hidden} is not a multiple of {HEADS} heads")
    const("word_q", word_q)
    const("word_scale", word_scale.astype(np.float32))
    const("position_table", values[_EMB.format("position_embeddings.weight")])
    const("token_type_table", values[_EMB.format("token_type_embeddings.weight")].astype(np.float32))
    const("zero", np.array([0], dtype=np.int64))
    const("one", np.array([1], dtype=np.int64))
    words = node(
        "Mul",
        [
            node("Cast", [node("Gather", ["word_q", "input_ids"], "word_rows_q")], "word_rows_f", to=TensorProto.FLOAT),
            node("Gather", ["word_scale", "input_ids"], "word_row_scales"),
        ],
        "word_rows",
    )
    length = node("Shape", ["input_ids"], "length", start=1, end=2)
    positions = node("Slice", ["position_table", "zero", length, "zero"], "position_rows")
    types = node("Gather", ["token_type_table", "token_type_ids"], "token_type_rows")
    summed = node("Add", [node("Add", [words, types], "embedded_1"), positions], "embedded")
    x = node(
        "LayerNormalization",
        [
            summed,
            const("emb_ln_w", values[_EMB.format("LayerNorm.weight")]),
            const("emb_ln_b", values[_EMB.format("LayerNorm.bias")]),
        ],
        "layer_in_0",
        axis=-1,
        epsilon=eps,
    )
    mask = node("Cast", ["attention_mask"], "mask_index", to=TensorProto.INT32)
    for i, w in enumerate(layers):
        qkv_w = np.concatenate([w[f"attention.self.{r}"][0] for r in ("query", "key", "value")], axis=1)
        qkv_b = np.concatenate([w[f"attention.self.{r}"][1] for r in ("query", "key", "value")])
        attended = node(
            "Attention",
            [x, const(f"l{i}_qkv_w", qkv_w), const(f"l{i}_qkv_b", qkv_b), mask],
            f"l{i}_attention",
            domain="com.microsoft",
            num_heads=HEADS,
        )
        x = _dense_add_norm(node, const, i, "attention", attended, x, w["attention.output.dense"], values, eps)
        inner = node(
            "Gelu",
            [_dense(node, const, f"l{i}_intermediate", x, w["intermediate.dense"])],
            f"l{i}_gelu",
            domain="com.microsoft",
        )
        x = _dense_add_norm(node, const, i, "output", inner, x, w["output.dense"], values, eps)
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="last_hidden_state"))
    ints = [
        helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"])
        for n in ("input_ids", "attention_mask", "token_type_ids")
    ]
    out = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "tokens", hidden])
    lean = helper.make_graph(nodes, "minilm-lean", ints, [out], inits)
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(lean, opset_imports=opsets, producer_name="forumlens.semantic.quantise")


def _dense(node: Any, const: Any, name: str, x: str, weights: tuple[Any, Any]) -> str:
    return node(
        "Add", [node("MatMul", [x, const(f"{name}_w", weights[0])], f"{name}_mm"), const(f"{name}_b", weights[1])], name
    )


def _dense_add_norm(
    node: Any,
    const: Any,
    i: int,
    part: str,
    x: str,
    residual: str,
    weights: tuple[Any, Any],
    values: dict[str, Any],
    eps: float,
) -> str:
    """LayerNorm(residual + x W + b): the block onnxruntime fuses into SkipLayerNormalization."""
    projected = _dense(node, const, f"l{i}_{part}_dense", x, weights)
    summed = node("Add", [projected, residual], f"l{i}_{part}_sum")
    block = "attention.output" if part == "attention" else part
    scale = const(f"l{i}_{part}_ln_w", values[_LN.format(i, block, "weight")])
    shift = const(f"l{i}_{part}_ln_b", values[_LN.format(i, block, "bias")])
    return node("LayerNormalization", [summed, scale, shift], f"l{i}_{part}_out", axis=-1, epsilon=eps)


def build_fused_int8_model(source: Path, target: Path) -> Path:
    """Rebuild the packaged model (`rebuild_encoder`), quantise it dynamically (per-channel int8
    weights, `QAttention` for the attention) and write it to `target` atomically."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    lean = rebuild_encoder(onnx.load(str(source)))
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".build-") as tmp:
        built = Path(tmp) / "int8.onnx"
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantiser logs advice about pre-processing we do not need
        try:
            quantize_dynamic(
                lean,
                built,
                per_channel=True,
                weight_type=QuantType.QInt8,
                op_types_to_quantize=["MatMul", "Attention"],
                # shape inference cannot see through the com.microsoft operators: their outputs are float
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
        finally:
            root.setLevel(level)
        os.replace(built, target)
    return target
