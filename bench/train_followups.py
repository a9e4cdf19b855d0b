"""Fit the follow-up reader (`forumlens.threads.followups`) on the gold items of every development round, and judge it
leave one round out.

    python bench/train_followups.py --loro [--linker lexical|semantic|both] [--C VALUE]
    python bench/train_followups.py --write [--C VALUE]

Rows: every sentence the reader is asked about (`items._turn_items`: a coalition's or an institution's sentence that
no cue took and that names a deliverable the lexicon knows), each development folder ingested alone, with the label of
the gold item on its line: `delivered` → delivery, `update` → update, anything else (no gold item, or an item of
another role) → none. Negatives come from the same sessions.

The threshold on P(none) is chosen on the training rounds alone (inner leave one round out: the lowest P(none) cut
whose out-of-fold precision of "is a follow-up" is at least `MIN_PRECISION`). `--loro` fits, for each round, on every
other round and scores that round with `bench/threads.py`'s scorer, with the reader off (the base's behaviour) and
on, in the same process; it prints items, link F1, status and hard negatives per round and pooled. `--write` fits on
all rounds and writes `src/forumlens/threads/data/followup_model.json`. Needs numpy. Development folders only
(`train_links.FOLDERS`: never this round's blind set).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import train_links

import forumlens.threads.items as items_module
import forumlens.threads.service as service
from forumlens.store import open_store
from forumlens.threads.followups import CLASSES, MODEL_PATH, FollowupModel, followup_signal
from forumlens.threads.followups import features as _features
from forumlens.threads.items import extract_items

LABELS = {"delivered": 1, "update": 2}
MIN_ROUNDS = 3  # a word is a feature when sentences of at least this many rounds use it
MIN_PRECISION = 0.7
C = 1.0
STEPS = 400
INNER_FOLDS = 5  # groups of whole rounds the threshold is chosen on (within the training rounds)
CUTS = tuple(i / 100 for i in range(5, 96, 5))


@dataclass(frozen=True)
class Row:
    folder: str
    text: str
    label: int


def rows_of(name: str) -> list[Row]:
    """The sentences of folder `name` the reader is asked about, with their gold labels."""
    bench = train_links._bench()
    bench.PARTS["train"] = (name,)
    gold = bench.load_gold("train")
    asked: list[tuple[str, int, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "f.sqlite3"))
        try:
            bench.ingest(store, "train", gold)
            for sid in sorted(set(gold.sessions.values())):
                session = store.load_session(sid)

                def record(text: str, sid: str = sid, whole: str = session.text) -> str | None:
                    at = whole.find(text)  # the sentence's line: where its words start
                    asked.append((sid, whole.count("\n", 0, at) + 1 if at >= 0 else 0, text))
                    return None

                with _reader(record):
                    extract_items(session, store.analyses(sid), sid)
        finally:
            store.close()
    quotes: dict[str, list[tuple[str, int]]] = {}
    for g in gold.items:
        if g.role in LABELS:
            quotes.setdefault(f"{g.ref[0]}:{g.ref[1]}", []).append((_flat(g.quote), LABELS[g.role]))
    return [Row(name, text, _label(_flat(text), quotes.get(f"{sid}:{line}", []))) for sid, line, text in asked]


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def _label(sentence: str, quotes: Sequence[tuple[str, int]]) -> int:
    """The label of a gold quote on the sentence's line that the sentence says (a caption line may hold several
    sentences: only the one the quote overlaps is the item)."""
    for quote, label in quotes:
        if quote[:30] in sentence or sentence[:30] in quote:
            return label
    return 0


class _reader:
    """Puts `fn` in place of the follow-up reader `items._turn_items` asks, for the `with` block."""

    def __init__(self, fn: Callable[[str], str | None]) -> None:
        self.fn = fn

    def __enter__(self) -> None:
        self.saved = items_module.learned_followup
        items_module.learned_followup = self.fn

    def __exit__(self, *exc: object) -> None:
        items_module.learned_followup = self.saved


@cache
def features(text: str) -> tuple[str, ...]:
    """A row's features, found once (every fold fits on the same sentences)."""
    return tuple(_features(text))


def _vocab(rows: Sequence[Row]) -> dict[str, int]:
    seen: dict[str, set[str]] = {}
    for row in rows:
        for f in features(row.text):
            seen.setdefault(f, set()).add(row.folder)
    keep = sorted(f for f, folders in seen.items() if not f.startswith("w:") or len(folders) >= MIN_ROUNDS)
    return {f: n for n, f in enumerate(keep)}


def _design(rows: Sequence[Row], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocab)))
    for n, row in enumerate(rows):
        for f in features(row.text):
            if f in vocab:
                x[n, vocab[f]] = 1.0
    return x


def fit(rows: Sequence[Row], c: float = C, threshold: float = 0.5) -> FollowupModel:
    """A softmax fitted by full-batch gradient descent (deterministic), each class weighed by its inverse frequency."""
    vocab = _vocab(rows)
    x = _design(rows, vocab)
    y = np.array([r.label for r in rows])
    k = len(CLASSES)
    counts = np.bincount(y, minlength=k).astype(float)
    weigh = np.where(counts > 0, len(y) / (k * np.maximum(counts, 1)), 0.0)[y]
    onehot = np.eye(k)[y]
    w = np.zeros((x.shape[1], k))
    b = np.zeros(k)
    lr = 0.5
    for _ in range(STEPS):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * weigh[:, None] / len(y)
        w -= lr * (x.T @ g + w / (c * len(y)))
        b -= lr * g.sum(axis=0)
    weights = {f: (float(w[n, 0]), float(w[n, 1]), float(w[n, 2])) for f, n in vocab.items()}
    return FollowupModel(weights, (float(b[0]), float(b[1]), float(b[2])), threshold)


def choose_threshold(rows: Sequence[Row], c: float = C) -> float:
    """The highest P(none) cut whose out-of-fold precision is at least `MIN_PRECISION`, the folds being
    `INNER_FOLDS` groups of whole rounds within `rows`; 0 (the reader never fires) when no cut reaches it."""
    rounds = sorted({r.folder for r in rows})
    group = {name: n % INNER_FOLDS for n, name in enumerate(rounds)}
    scored: list[tuple[float, bool]] = []
    for k in range(INNER_FOLDS):
        model = fit([r for r in rows if group[r.folder] != k], c)
        scored += [(followup_p_none(model, r.text), r.label != 0) for r in rows if group[r.folder] == k]
    best = 0.0
    for cut in CUTS:
        fired = [ok for p, ok in scored if p <= cut]
        if len(fired) >= 3 and sum(fired) / len(fired) >= MIN_PRECISION:
            best = cut
    return best


def followup_p_none(model: FollowupModel, text: str) -> float:
    from forumlens.threads.followups import probabilities

    return probabilities(model, text)[0]


def score_round(name: str, linkers: Sequence[str], reader: Callable[[str], str | None]) -> list[dict[str, Any]]:
    """`bench/threads.py`'s scores of folder `name` alone, its items extracted with `reader` in place."""
    bench = train_links._bench()
    bench.PARTS[name] = (name,)
    with _reader(reader):
        saved = service.ITEMS_VERSION
        service.ITEMS_VERSION = -1  # stored items are stale: extracted again here, with this reader
        try:
            return bench.run_part(name, list(linkers))
        finally:
            service.ITEMS_VERSION = saved


def _fmt(r: dict[str, Any]) -> str:
    p = r["pairs"]
    return (
        f"items {r['items_found']:3}/{r['gold_items']:3}  F1 {r['f1']:.3f} ({p['correct']}/{p['predicted']} of "
        f"{p['gold']})  status {r['status_right']}/{r['threads']['gold']}  hn {len(r['hard_negatives_joined'])}"
    )


def loro(linkers: Sequence[str], c: float, folders: Sequence[str]) -> None:
    data = {name: rows_of(name) for name in train_links.FOLDERS}
    n_pos = sum(r.label != 0 for rows in data.values() for r in rows)
    print(f"rows {sum(len(v) for v in data.values())}, follow-ups {n_pos}")
    pooled: dict[tuple[str, str], list[int]] = {}
    for name in folders:
        train = [r for other, rows in data.items() if other != name for r in rows]
        threshold = choose_threshold(train, c)
        model = fit(train, c, threshold)
        fired = [(r.label, followup_signal(r.text, model)) for r in data[name]]
        fired = [(lab, s) for lab, s in fired if s is not None]
        print(
            f"== {name}: cut {threshold:.2f}, fired {len(fired)} on its rows "
            f"({sum(lab != 0 for lab, _ in fired)} on a gold follow-up)"
        )
        off = score_round(name, linkers, lambda _text: None)
        on = score_round(name, linkers, lambda text, m=model: followup_signal(text, m))
        for a, b in zip(off, on, strict=True):
            print(f"  {a['linker']:8} off  {_fmt(a)}")
            print(f"  {b['linker']:8} on   {_fmt(b)}")
            for key, r in (("off", a), ("on", b)):
                acc = pooled.setdefault((r["linker"], key), [0] * 7)
                for n, v in enumerate(
                    (
                        r["items_found"],
                        r["gold_items"],
                        r["pairs"]["correct"],
                        r["pairs"]["predicted"],
                        r["pairs"]["gold"],
                        r["status_right"],
                        len(r["hard_negatives_joined"]),
                    )
                ):
                    acc[n] += v
    print("== pooled out of fold")
    for (linker, key), (found, gold, tp, pred, ngold, status, hn) in sorted(pooled.items()):
        p = tp / pred if pred else 1.0
        r = tp / ngold if ngold else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"  {linker:8} {key:3}  items {found}/{gold}  F1 {f1:.3f} ({tp}/{pred} of {ngold})  status {status}  hn {hn}"
        )


def write(c: float) -> None:
    rows = [r for name in train_links.FOLDERS for r in rows_of(name)]
    threshold = choose_threshold(rows, c)
    model = fit(rows, c, threshold)
    doc = {
        "classes": list(CLASSES),
        "trained_on": list(train_links.FOLDERS),
        "C": c,
        "threshold": threshold,
        "bias": [round(v, 6) for v in model.bias],
        "weights": {f: [round(v, 6) for v in ws] for f, ws in sorted(model.weights.items())},
    }
    MODEL_PATH.write_text(json.dumps(doc, indent=0) + "\n", "utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}: {len(rows)} rows, cut {threshold:.2f}, {len(model.weights)} features")


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # a long run shows each round as it ends
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loro", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--C", type=float, default=C)
    parser.add_argument("--linker", choices=("lexical", "semantic", "both"), default="both")
    parser.add_argument("--folders", nargs="*", default=list(train_links.FOLDERS))
    args = parser.parse_args(argv)
    linkers = ["lexical", "semantic"] if args.linker == "both" else [args.linker]
    if args.loro:
        loro(linkers, args.C, args.folders)
    if args.write:
        write(args.C)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
