"""A learned reply reader, judged leave one round out against the rules' (`analyse/replyreader.py`).

    python bench/train_replies.py [--labels] [--c 0.3 --c 1 ...]

What it asks: of the questions the fate rules call "answered" by position (a reply turn follows),
which replies do not answer (they defer, decline, hand on or repair the line)? The rules' reader
reads the reply's sentences; a small model (`train_asks.fit_softmax`, the ask model's logistic
regression over binary features) reads the reply's words and the reader's own sentence kinds.

Examples: every development set's questions (`train_questions.SETS`: `tests/resources/analyse`,
`asks_blind` … the last development round, `asks_dev6`), with the cast, that a gold question pairs
with (`scoring.question_pairs`) and that the pipeline *without* the reader calls answered with
answer lines. The label is the gold status: `answers` when the gold says answered, `not` when it
says unanswered or answered-later (the reply the rules paired did not answer it there). The
reader's reading of each (answers / defers / declines / redirects / none) is recorded beside it.
`--labels` writes them to `bench/data/questions/replies.tsv` (set, file, question line, answer
lines, gold status, label, reader kind, hand class; no transcript text: the sets hold it). The hand
class of each not-answer (defers / declines / redirects / none, read by hand at stop 42) lives in
`bench/data/questions/replies-hand.tsv` and survives a regeneration; an answers row's is the gold's.

Leave one round out: for each set, fit on every other set and predict that set's replies (C 1 and a
threshold of 0.5 on P(not); with `--inner`, C and the threshold chosen out of fold inside the
training sets, in three groups of sets). Printed per set:
replies, not-answers among them, the rules' reader (flips right / wrong) and the model's. The model
ships only if it beats the rules out of fold (the brief of stop 42, Q4); it did not (BENCHMARKS).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from train_asks import fit_softmax
from train_questions import SETS

from forumlens.analyse import questions as questions_module
from forumlens.analyse.context import build_context
from forumlens.analyse.questions import find_questions
from forumlens.analyse.replyreader import ANSWERS
from forumlens.analyse.scoring import question_pairs
from forumlens.analyse.segments import find_segments, segment_boundaries
from forumlens.resolve.cast import resolve_session
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sentences import sentence_texts

LABELS = ROOT / "bench" / "data" / "questions" / "replies.tsv"
# The class of each not-answer by reading (stop 42, Q4): answers rows take the gold's word.
HAND = ROOT / "bench" / "data" / "questions" / "replies-hand.tsv"
CLASSES = ("answers", "not")
C_GRID = (0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(13))  # 0.30 … 0.90
_WORD = re.compile(r"[a-z][a-z']+")


def reply_features(text: str, kind: str) -> list[str]:
    """Binary features of a reply: its words and word pairs (lower case, first 80 words), the first
    sentence's first three words, and the rules' reading (`kind:…`)."""
    words = _WORD.findall(text.lower())[:80]
    feats = {f"w:{w}" for w in words} | {f"b:{a}_{b}" for a, b in pairwise(words)}
    first = sentence_texts(text)[:1]
    if first:
        feats |= {f"h:{w}" for w in _WORD.findall(first[0].lower())[:3]}
    feats.add(f"kind:{kind}")
    return sorted(feats)


def examples(folder: Path, set_name: str) -> list[dict[str, object]]:
    """The replies of `folder`'s sessions (module docstring), each with its features and labels."""
    out: list[dict[str, object]] = []
    for gold_file in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        source = gold["source"]
        path = (
            (ROOT.parent / "shared" / source.removeprefix("shared:"))
            if source.startswith("shared:")
            else folder / source
        )
        session = parse_transcript(path.read_text("utf-8"), source=source)
        ctx = build_context(session, resolve_session(session))
        read: dict[int, str] = {}
        real = questions_module.reply_reading

        def recording(ctx_, g, groups, lines, paired=None, _real=real, _read=read):  # type: ignore[no-untyped-def]
            _read[g.line] = _real(ctx_, g, groups, lines, paired)
            return ANSWERS  # the position's verdict: the reader only records

        questions_module.reply_reading = recording  # type: ignore[assignment]
        try:
            found = find_questions(ctx, segment_boundaries(ctx, find_segments(ctx)))
        finally:
            questions_module.reply_reading = real
        detected = [{"line": q.line, "text": q.text, "status": q.status} for q in found]
        wanted = gold.get("questions", [])
        by_line = {t.line: t.text for t in session.turns}
        for i, j in question_pairs(detected, wanted):
            q = found[i]
            if q.status != "answered" or not q.answer_lines or q.line not in read:
                continue
            text = " ".join(by_line.get(line, "") for line in q.answer_lines[:2])
            kind = read[q.line]
            out.append(
                {
                    "set": set_name,
                    "file": gold_file.name.removesuffix(".gold.json"),
                    "line": q.line,
                    "answer_lines": list(q.answer_lines),
                    "gold": wanted[j]["status"],
                    "label": "answers" if wanted[j]["status"] == "answered" else "not",
                    "kind": kind,
                    "feats": reply_features(text, kind),
                }
            )
    return out


def hand_classes() -> dict[tuple[str, str, int], str]:
    """(set, file's first 40 characters, question line) → the class read by hand (`HAND`)."""
    out: dict[tuple[str, str, int], str] = {}
    for row in HAND.read_text("utf-8").splitlines()[1:]:
        set_name, file, line, hand, _why = row.split("\t")
        out[(set_name, file[:40], int(line))] = hand
    return out


def _fit_predict(train: list[dict[str, object]], test: list[dict[str, object]], c: float) -> list[float]:
    model = fit_softmax([r["feats"] for r in train], [r["label"] for r in train], CLASSES, c)  # type: ignore[misc]
    return [model.probabilities(r["feats"])["not"] for r in test]  # type: ignore[arg-type]


INNER_FOLDS = 3  # the training sets split in this many groups to choose C and the threshold


def _choose(rows: list[dict[str, object]]) -> tuple[float, float]:
    """(C, threshold) that read most replies right out of fold inside `rows`: its sets in
    `INNER_FOLDS` groups, each group predicted by a fit on the others."""
    best: tuple[int, float, float] | None = None
    sets = sorted({str(r["set"]) for r in rows})
    groups = [set(sets[k::INNER_FOLDS]) for k in range(INNER_FOLDS)]
    for c in C_GRID:
        scored: list[tuple[float, str]] = []
        for group in groups:
            test = [r for r in rows if r["set"] in group]
            train = [r for r in rows if r["set"] not in group]
            scored += zip(_fit_predict(train, test, c), [str(r["label"]) for r in test], strict=True)
        for t in THRESHOLDS:
            right = sum((p >= t) == (label == "not") for p, label in scored)
            if best is None or right > best[0]:
                best = (right, c, t)
    assert best is not None
    return best[1], best[2]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", action="store_true", help=f"write the labelled replies to {LABELS.relative_to(ROOT)}")
    ap.add_argument("--inner", action="store_true", help="choose C and threshold out of fold inside the training sets")
    ap.add_argument("--cache", type=Path, help="keep the extracted replies in this JSON file (read it if it exists)")
    ap.add_argument("--no-kind", action="store_true", help="leave the rules' reading out of the features (words only)")
    args = ap.parse_args(argv)
    rows: list[dict[str, object]] = []
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text("utf-8"))
    else:
        for name, folder in SETS.items():
            rows += examples(folder, name)
        if args.cache:
            args.cache.write_text(json.dumps(rows), "utf-8")
    print(f"{len(rows)} replies paired 'answered' by position; labels {dict(Counter(r['label'] for r in rows))}")
    print(f"reader kinds {dict(Counter(r['kind'] for r in rows))}")
    if args.no_kind:
        for r in rows:
            r["feats"] = [f for f in r["feats"] if not str(f).startswith("kind:")]  # type: ignore[attr-defined]
    if args.labels:
        LABELS.parent.mkdir(parents=True, exist_ok=True)
        with LABELS.open("w", encoding="utf-8") as fh:
            fh.write("set\tfile\tline\tanswer_lines\tgold\tlabel\treader\thand\n")
            hand = hand_classes()
            for r in rows:
                lines = ",".join(map(str, r["answer_lines"]))  # type: ignore[call-overload]
                key = (str(r["set"]), str(r["file"])[:40], int(r["line"]))  # type: ignore[call-overload]
                read = "answers" if r["label"] == "answers" else hand.get(key, "?")
                fh.write(
                    f"{r['set']}\t{r['file']}\t{r['line']}\t{lines}\t{r['gold']}\t{r['label']}\t{r['kind']}\t{read}\n"
                )
        print(f"wrote {LABELS.relative_to(ROOT)}")
    total = Counter[str]()
    print(f"{'set':18} {'replies':>7} {'not':>4}  {'rules right/wrong':>17}  {'model right/wrong':>17}  C / t")
    for s in SETS:
        test = [r for r in rows if r["set"] == s]
        if not test:
            continue
        train = [r for r in rows if r["set"] != s]
        c, t = _choose(train) if args.inner else (1.0, 0.5)
        probs = _fit_predict(train, test, c)
        rule = Counter[str]()
        model = Counter[str]()
        for r, p in zip(test, probs, strict=True):
            truth = r["label"] == "not"
            if r["kind"] != ANSWERS:
                rule["right" if truth else "wrong"] += 1
            if p >= t:
                model["right" if truth else "wrong"] += 1
        nots = sum(r["label"] == "not" for r in test)
        total.update({"replies": len(test), "not": nots})
        total.update({f"rule {k}": v for k, v in rule.items()} | {f"model {k}": v for k, v in model.items()})
        print(
            f"{s:18} {len(test):7} {nots:4}  {rule['right']:8} / {rule['wrong']:<6}  {model['right']:8} / {model['wrong']:<6}  {c} / {t}"
        )
    print(
        f"{'all':18} {total['replies']:7} {total['not']:4}  {total['rule right']:8} / {total['rule wrong']:<6}"
        f"  {total['model right']:8} / {total['model wrong']:<6}"
    )
    print("(right: a not-answer read as not; wrong: an answer read as not; status changes = right − wrong)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
