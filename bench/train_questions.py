"""Fit the shipped question-fate model on the annotated development sessions.

    python bench/train_questions.py [--out PATH] [--dump FILE] [--C VALUE ...] [--min-kept R] [--exclude SET ...] [--drop-feature NAME ...]
    python bench/train_questions.py --loso [--left-out SET ...] [--no-shipped] [--flips] [--C VALUE ...] [--exclude SET ...] [--drop-feature NAME ...]

**Examples from gold** (`examples`): for every `*.gold.json` of the development sets
(`SETS`: `tests/resources/analyse`, the earlier rounds' `asks_blind` …, and
`asks_dev6`, written for this model (questions only, many not answered); never this round's blind
set, `bench/blind_round.py`), the session is parsed and analysed as `find_intel` does without a
cast (context, agenda boundaries, question groups); each detected question is paired with
an annotated question within 3 lines, one-to-one, nearest first (the pairing of
`analyse.scoring.score_questions`), and kept only when the detection shares a content word
with the annotation's quote (else it is another question near that line). A pair is one example: the features of
`analyse.questionfeatures.fate_features` (what follows the question, computed by the code
only) and the annotated `status` as label. Annotated questions the detector misses and
detections that match no annotation (false alarms, re-asks) give no example: the model
decides the fate of what the detector finds. `--dump FILE` writes the examples as TSV
(set, file, line, label, rules' status, features) to inspect.

**Fit**: a multinomial logistic regression (`fit_softmax` of `bench/train_asks.py`, the
same optimiser as the ask classifier). The regularisation and the threshold on
P(answered) are chosen on out-of-fold predictions with one fold per session file: the most
statuses right among the thresholds that keep at least 70 % of the not-answered questions
not answered (issue 22's goal; they are a third of the data and the ones the rules lost); a
C within `C_SLACK` of the best out-of-fold count gives way to a smaller one. Writes
`src/forumlens/analyse/data/questions_model.json`.

**`--loso`** (leave one set out; every development round is one set, `asks_blindN` is round N's,
so it is leave one *round* out, with `dev` and `dev6` as two more sets): for each set, fit on
the other sets only (choosing C and the threshold on their out-of-fold predictions, folds by
file), then run the whole question pipeline on the left-out set with the rules alone, with the
shipped model and with that refit, and print question status and "not answered kept"
(`bench/intel.py`'s measures, no cast) side by side, then pooled over every set and over the
sets the shipped model was not fitted on (its notes' `sets`): there the shipped column is as
honest as the refit's, elsewhere it is in-sample. `--left-out SET` prints only those rows
(each still fitted on every other set); `--no-shipped` drops the shipped column; `--flips` lists
under each row the questions whose status the refit turns, with their annotated status (`flips`). The left-out blind5 row is
the honest estimate of the model's weights for unseen sessions; the detection rules and
fate features of stop 21 were written after reading blind5's misses, so for them it is a
development figure. Likewise blind6 since stop 22: the read-out question shapes (a titled or
pronoun asker, several questions read in one turn, numbered questions) were written after
reading blind6's misses, so its row is the model's honest figure, not the detector's.
Likewise blind10 since stop 27 (round 11): the cues of absent bodies, time and replies that
do not answer, the features that read a reply in its part for this question (by the asker's
name, `addressed_part`; by "the first/second part", `questioncues.ordinal_part`; `late:` asides
after an answer) and the model's say on the rules' "answered later" were written after reading
the fate errors of every development set, blind8 to blind10 included.
Needs numpy (the `bench` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import blind_round
from train_asks import fit_softmax

from forumlens.analyse.context import AnalysisContext, build_context
from forumlens.analyse.cues import content_words
from forumlens.analyse.questionmodel import STATUSES, QuestionModel, load_question_model
from forumlens.analyse.questions import QuestionGroup, find_question_groups, link_answers, question_fates
from forumlens.analyse.scoring import _match, question_pairs, score_questions
from forumlens.analyse.segments import find_segments, segment_boundaries
from forumlens.transcript.parse import parse_transcript

RES = ROOT / "tests" / "resources"
SHARED = ROOT.parent / "shared"
SETS: dict[str, Path] = {
    "dev": RES / "analyse",
    **{blind_round.label("asks", folder): folder for folder in blind_round.earlier("asks")},
    "dev6": RES / "asks_dev6",
}
OUT = ROOT / "src" / "forumlens" / "analyse" / "data" / "questions_model.json"
C_GRID = (0.3, 1.0, 3.0)
C_SLACK = 0.01  # share of the examples within which the more regularised C is preferred
TOLERANCE = 3
MIN_KEPT = 0.7  # issue 22's goal for not-answered questions kept as not answered


@dataclass(frozen=True)
class Session:
    """One annotated session, analysed up to its question groups."""

    set: str
    file: str
    gold: dict
    ctx: AnalysisContext
    groups: list[QuestionGroup]
    bounds: list[int]


@dataclass(frozen=True)
class Example:
    set: str
    file: str
    line: int
    label: str
    rule: str
    features: list[str]


def load_sessions(sets: dict[str, Path] = SETS) -> list[Session]:
    out = []
    for name, folder in sets.items():
        for gold_file in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_file.read_text("utf-8"))
            src = gold["source"]
            path = SHARED / src.removeprefix("shared:") if src.startswith("shared:") else gold_file.parent / src
            session = parse_transcript(path.read_text("utf-8"), source=src)
            ctx = build_context(session, None)
            bounds = segment_boundaries(ctx, find_segments(ctx))
            out.append(Session(name, gold_file.name, gold, ctx, find_question_groups(ctx), bounds))
    return out


def examples(s: Session) -> list[Example]:
    """The (features, annotated status) pairs of one session (see the module docstring)."""
    records = question_fates(s.ctx, s.groups, s.bounds)
    wanted = s.gold.get("questions", [])
    pairs = _match([{"line": g.line} for g in s.groups], wanted, TOLERANCE)
    out = []
    for i, j in sorted(pairs):
        quote = content_words(wanted[j].get("quote", ""))
        said = content_words(" ".join(x.text for x in s.groups[i].sentences))
        if quote and not quote & said:
            continue  # paired by line only with another question nearby: its label is not this one's
        status = wanted[j]["status"]
        if status not in STATUSES:
            raise SystemExit(f"{s.file}: question line {wanted[j]['line']}: status {status!r} not in {STATUSES}")
        out.append(Example(s.set, s.file, s.groups[i].line, status, records[i].rule[0], records[i].features))
    return out


def _balanced(labels: list[str], p_answered: list[float], t: float) -> float:
    ans = [p >= t for lab, p in zip(labels, p_answered, strict=True) if lab == "answered"]
    not_ans = [p < t for lab, p in zip(labels, p_answered, strict=True) if lab != "answered"]
    r1 = sum(ans) / len(ans) if ans else 1.0
    r2 = sum(not_ans) / len(not_ans) if not_ans else 1.0
    return (r1 + r2) / 2


def _oof(exs: list[Example], c: float) -> list[dict[str, float]]:
    """Out-of-fold probabilities, one fold per session file."""
    files = sorted({(e.set, e.file) for e in exs})
    probs: list[dict[str, float]] = [{} for _ in exs]
    for f in files:
        train = [e for e in exs if (e.set, e.file) != f]
        m = fit_softmax([e.features for e in train], [e.label for e in train], STATUSES, c)
        for k, e in enumerate(exs):
            if (e.set, e.file) == f:
                probs[k] = m.probabilities(e.features)
    return probs


def _decide(p: dict[str, float], t: float) -> str:
    if p["answered"] >= t:
        return "answered"
    return "answered-later" if p["answered-later"] > p["unanswered"] else "unanswered"


def choose_threshold(
    labels: list[str], probs: list[dict[str, float]], min_kept: float = MIN_KEPT
) -> tuple[float, float, int]:
    """(threshold, not-answered recall, statuses right) on out-of-fold predictions: the most
    statuses right among thresholds that keep at least `MIN_KEPT` of the not-answered
    questions not answered (the issue's goal), else the best balanced accuracy."""
    pa = [p["answered"] for p in probs]
    n_not = sum(lab != "answered" for lab in labels) or 1
    rows = []
    for t in (i / 100 for i in range(20, 91)):
        kept = sum(1 for lab, p in zip(labels, pa, strict=True) if lab != "answered" and p < t) / n_not
        right = sum(1 for lab, p in zip(labels, probs, strict=True) if lab == _decide(p, t))
        rows.append((t, kept, right))
    ok = [r for r in rows if r[1] >= min_kept]
    if ok:
        return max(ok, key=lambda r: (r[2], -abs(r[0] - 0.5)))
    return max(rows, key=lambda r: (_balanced(labels, pa, r[0]), -abs(r[0] - 0.5)))


def fit(
    exs: list[Example], grid: tuple[float, ...] = C_GRID, verbose: bool = True, min_kept: float = MIN_KEPT
) -> QuestionModel:
    """C and threshold from out-of-fold predictions (`choose_threshold`), then a fit on all of `exs`."""
    labels = [e.label for e in exs]
    rows: list[tuple[int, float, float, float]] = []  # statuses right, kept, c, t
    # Chosen on all examples, though the model decides only where the rules say "answered"
    # (`questions.link_answers`): on those alone (70 examples, 14 not answered) the 70 % goal
    # forced thresholds of 0.85-0.89 and the leave-one-set-out status fell to 44-70 %.
    for c in grid:
        probs = _oof(exs, c)
        t, kept, right = choose_threshold(labels, probs, min_kept)
        if verbose:
            print(f"  C={c:<4} threshold {t:.2f}: out-of-fold status {right}/{len(exs)}, not answered kept {kept:.2f}")
        rows.append((right, kept, c, t))
    # The most statuses right among those meeting the goal; within `C_SLACK` of the examples of
    # that, the strongest regularisation: one or two examples of ~220 are noise, and the weaker
    # fits lean on rare features (stop 23: C=3 let "a later turn shares words" call a question
    # cut with "we don't have this number" answered-later).
    ok = [r for r in rows if r[1] >= min_kept] or rows
    top = max(r[0] for r in ok)
    right, kept, c, t = min((r for r in ok if r[0] >= top - C_SLACK * len(exs)), key=lambda r: r[2])
    softmax = fit_softmax([e.features for e in exs], labels, STATUSES, c)
    notes = {
        "trained_by": "bench/train_questions.py",
        "examples": dict(sorted(Counter(labels).items())),
        "sets": sorted({e.set for e in exs}),
        "C": c,
        "out_of_fold": {"status_right": right, "examples": len(exs), "not_answered_kept": round(kept, 3)},
    }
    return QuestionModel(softmax, t, notes)


def pipeline_scores(sessions: list[Session], model: QuestionModel | None) -> tuple[int, int, int, int]:
    """(status right, matched, not-answered kept, not-answered annotated) over `sessions`,
    measured as `bench/intel.py` does on the whole question pipeline."""
    ok = matched = kept = total = 0
    for s in sessions:
        qs = link_answers(s.ctx, s.groups, s.bounds, model=model, rules_only=model is None)
        detected = [q.to_json() for q in qs]
        score = score_questions(detected, s.gold)
        ok, matched = ok + score.status_correct, matched + score.matched
        used: set[int] = set()
        for g in s.gold.get("questions", []):
            if g["status"] == "answered":
                continue
            total += 1
            near = sorted(
                (abs(d["line"] - g["line"]), i)
                for i, d in enumerate(detected)
                if i not in used and abs(d["line"] - g["line"]) <= TOLERANCE
            )
            if near:
                used.add(near[0][1])
                kept += detected[near[0][1]]["status"] in ("unanswered", "answered-later")
    return ok, matched, kept, total


def flips(sessions: list[Session], before: QuestionModel | None, after: QuestionModel) -> list[str]:
    """The questions whose status differs between two models (None: the rules alone), each with
    its annotated status when an annotation is paired with it (`score_questions`' pairing):
    which fates a refit turns, and whether it turns them right."""
    out = []
    for s in sessions:
        one, two = (link_answers(s.ctx, s.groups, s.bounds, model=m, rules_only=m is None) for m in (before, after))
        wanted = s.gold.get("questions", [])
        gold = {i: wanted[j]["status"] for i, j in question_pairs([q.to_json() for q in one], wanted, TOLERANCE)}
        for i, (a, b) in enumerate(zip(one, two, strict=True)):
            if a.status != b.status:
                mark = "+" if b.status == gold.get(i) else "-" if a.status == gold.get(i) else " "
                out.append(
                    f"  {mark} {s.file[:48]:<48} line {a.line:>4}  gold {gold.get(i, '-'):<15}{a.status} -> {b.status}"
                )
    return out


def _frac(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "-"


@dataclass
class Tally:
    """Question status right of matched, and not-answered kept of annotated, summed over sets."""

    right: int = 0
    matched: int = 0
    kept: int = 0
    not_answered: int = 0

    def add(self, scores: tuple[int, int, int, int]) -> None:
        self.right += scores[0]
        self.matched += scores[1]
        self.kept += scores[2]
        self.not_answered += scores[3]

    def cells(self) -> str:
        return f"{_frac(self.right, self.matched):>18}{_frac(self.kept, self.not_answered):>14}"


def loso(
    sessions: list[Session],
    all_examples: list[Example],
    grid: tuple[float, ...],
    min_kept: float = MIN_KEPT,
    shipped: QuestionModel | None = None,
    left_out: list[str] | None = None,
    show_flips: bool = False,
) -> dict[str, dict[str, Tally]]:
    """Leave one set out: each development round's set (and `dev`, `dev6`) is scored with the
    rules alone, with `shipped` (the model in the package), and with a model refitted on every
    other set. Prints a row per set and pooled rows: every set, and the sets the shipped model
    was not fitted on (its notes' `sets`; for those its column is as honest as the refit's).
    `show_flips` lists, under each row, the questions whose status the refit gives otherwise than
    the shipped model (`flips`). Returns the pooled tallies by pool name and column."""
    trained_on = set(shipped.notes.get("sets", ())) if shipped else set()  # type: ignore[call-overload]
    columns = ("rules", "shipped", "refit") if shipped else ("rules", "refit")
    head = "".join(f"{c + ': status':>18}{'kept':>14}" for c in columns)
    print(f"{'left out':<10}{head}  refit (C, threshold)")
    pools: dict[str, dict[str, Tally]] = {}
    unseen = "pooled, sets the shipped model never saw" if shipped else ""
    for name in sorted({s.set for s in sessions}, key=list(SETS).index):
        if left_out and name not in left_out:
            continue
        train = [e for e in all_examples if e.set != name]
        model = fit(train, grid, verbose=False, min_kept=min_kept)
        held = [s for s in sessions if s.set == name]
        scores = {"rules": pipeline_scores(held, None), "refit": pipeline_scores(held, model)}
        if shipped:
            scores["shipped"] = pipeline_scores(held, shipped)
        for pool in ("pooled, every set left out", unseen if name not in trained_on else ""):
            if pool:
                for c in columns:
                    pools.setdefault(pool, {k: Tally() for k in columns})[c].add(scores[c])
        cells = "".join(
            f"{_frac(scores[c][0], scores[c][1]):>18}{_frac(scores[c][2], scores[c][3]):>14}" for c in columns
        )
        print(f"{name:<10}{cells}  ({model.notes['C']}, {model.threshold:.2f})", flush=True)
        if show_flips:
            for line in flips(held, shipped, model):
                print(line)
    for pool, tallies in pools.items():
        print(f"{pool}:")
        print(f"{'':<10}" + "".join(tallies[c].cells() for c in columns))
    return pools


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out figures only (writes nothing)")
    parser.add_argument(
        "--left-out",
        action="append",
        metavar="SET",
        help="with --loso: leave out (and print) only these sets, each in turn; the others still train",
    )
    parser.add_argument("--no-shipped", action="store_true", help="with --loso: leave out the shipped model's column")
    parser.add_argument(
        "--flips",
        action="store_true",
        help="with --loso: list the questions whose status the refit gives otherwise than the shipped model "
        "(or the rules, with --no-shipped), with the annotated status",
    )
    parser.add_argument(
        "--drop-feature",
        action="append",
        default=[],
        metavar="NAME",
        help="leave this fate feature out of every fit (an ablation: a model without its weight ignores it)",
    )
    parser.add_argument("--dump", type=Path, help="write the examples as TSV")
    parser.add_argument("--C", type=float, action="append", help="regularisation values to try")
    parser.add_argument(
        "--min-kept",
        type=float,
        default=MIN_KEPT,
        help=f"share of not-answered questions the threshold must keep out of fold (default {MIN_KEPT})",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="SET",
        help="leave a set out of training and --loso (e.g. the figures before a set was added)",
    )
    args = parser.parse_args(argv)
    grid = tuple(args.C) if args.C else C_GRID
    unknown = (set(args.exclude) | set(args.left_out or ())) - set(SETS)
    if unknown:
        parser.error(f"--exclude/--left-out {sorted(unknown)}: not a set of {list(SETS)}")
    sessions = load_sessions({k: v for k, v in SETS.items() if k not in args.exclude})
    dropped = set(args.drop_feature)
    exs = [
        replace(e, features=[f for f in e.features if f not in dropped]) if dropped else e
        for s in sessions
        for e in examples(s)
    ]
    counts = Counter((e.set, e.label) for e in exs)
    print(
        f"{len(exs)} examples from {len(sessions)} sessions: "
        + ", ".join(f"{k[0]} {k[1]} {v}" for k, v in sorted(counts.items()))
    )
    rules_right = sum(e.rule == e.label for e in exs)
    print(
        f"rules on the examples (fitted to the development sets, blind5 included since stop 21): {rules_right}/{len(exs)}"
    )
    if args.dump:
        args.dump.write_text(
            "".join(f"{e.set}\t{e.file}\t{e.line}\t{e.label}\t{e.rule}\t{' '.join(e.features)}\n" for e in exs), "utf-8"
        )
    if args.loso:
        shipped = None if args.no_shipped else load_question_model()
        loso(sessions, exs, grid, args.min_kept, shipped, args.left_out, args.flips)
        return 0
    model = fit(exs, grid, min_kept=args.min_kept)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"chose C={model.notes['C']}, threshold {model.threshold:.2f}; wrote {args.out}")
    full = pipeline_scores(sessions, model)
    print(f"in-sample (all sets): status {_frac(full[0], full[1])}, not answered kept {_frac(full[2], full[3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
