"""Caption parsing accuracy on the development samples and the blind set, side by side.

    python bench/parse.py [--verbose] [--only dev|blindN] [--speed]   (N: `bench/blind_round.py`'s ROUND)

Development = `tests/resources/parse/*.gold.json`, the shared transcript's annotation, the
shared format samples (`shared/corpus/formats/*.turns.json`) and the earlier blind sets
`tests/resources/parse_blind`, `parse_blind3` … (development data once the next blind set was
written; their first runs are in `bench/data/parse-blind*-first-run.txt`). The blind set =
`bench/blind_round.py`'s (`parse_blind7` in round 7), annotated before any code ran on it and never tuned
on: `--verbose` never prints its per-turn errors, a set's files are listed only when that set
is scored (`--only dev` never reads it), and while it is still being written (no directory
yet) it is skipped with a printed note.

Two kinds of gold, both a list of turns in order:
- `starts` gold (`*.gold.json`): each turn's first words. A predicted turn matches when its
  text, whitespace collapsed, starts with them; a turn whose label was not recognised keeps the
  label in its text and so does not match (a lost label costs F1, not only the name).
- `line` gold (`*.turns.json`, the `forumlens parse --json` contract): a predicted turn
  matches a gold turn on the same line, in order.

Per file and pooled: turn precision/recall/F1 and speaker-name accuracy (matched turns whose
`speaker` is exactly the gold one, null included), and turn-kind accuracy (`speech` or `note`)
on matched turns whose gold says the kind. `--speed` adds the parse throughput ratio
against reading and splitting the same bytes, and the time ratio of a text four times as long
(a rule that made parsing quadratic would show as ≈16 instead of ≈4).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import blind_round

from forumlens.models import Turn
from forumlens.transcript.parse import parse_by_template, parse_transcript

RESOURCES = ROOT / "tests" / "resources"
CORPUS = ROOT.parent / "shared" / "corpus"
# Each set: its gold files, listed only when the set is scored (`set_files`).
SETS: dict[str, Any] = {
    "dev": lambda: [
        *sorted((RESOURCES / "parse").glob("*.gold.json")),
        CORPUS / "igf2021-dc-main-session.turns.json",
        *sorted((CORPUS / "formats").glob("*.turns.json")),
        *(gold for folder in blind_round.earlier("parse") for gold in _folder(folder)),
    ],
    blind_round.BLIND_LABEL: lambda: _folder(blind_round.blind("parse")),
}
# Sets whose per-turn errors `--verbose` never prints (reading them would be tuning on them).
BLIND_SETS = frozenset({blind_round.BLIND_LABEL})


def _folder(folder: Path) -> list[Path]:
    """The `*.gold.json` of a folder; one not written yet is skipped with a printed note."""
    if not folder.is_dir():
        print(f"note: {folder.relative_to(ROOT)} does not exist (yet); skipped")
        return []
    return sorted(folder.glob("*.gold.json"))


@dataclass
class Score:
    """Pooled counts; `speaker_ok` counts matched turns with the gold speaker."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0  # matched turns whose gold has a `kind` ("speech"/"note") and the parse agrees
    kind_n: int = 0  # matched turns whose gold has a `kind`

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.speaker_ok += other.speaker_ok
        self.kind_ok += other.kind_ok
        self.kind_n += other.kind_n

    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        names = f"{self.speaker_ok}/{self.tp}" if self.tp else "-"
        kinds = f"  kinds {self.kind_ok}/{self.kind_n}" if self.kind_n else ""
        return (
            f"P {p:.3f}  R {r:.3f}  F1 {self.f1():.3f}  (tp {self.tp} fp {self.fp} fn {self.fn})  names {names}{kinds}"
        )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2011", "-")).strip()


def _matches(gold: dict[str, Any], turn: Turn) -> bool:
    if "starts" in gold:
        return _norm(turn.text).startswith(_norm(gold["starts"]))
    return bool(turn.line == gold["line"])


def score_turns(gold: list[dict[str, Any]], turns: tuple[Turn, ...]) -> tuple[Score, list[str]]:
    """Match gold turns to predicted turns in order (each used once); the errors as text."""
    score = Score()
    errors: list[str] = []
    used: set[int] = set()
    cursor = 0
    for g in gold:
        hit = next((i for i in range(cursor, len(turns)) if i not in used and _matches(g, turns[i])), None)
        want = g.get("starts") or f"line {g['line']}"
        if hit is None:
            score.fn += 1
            errors.append(f"  missed   {g.get('speaker')!r}: {want!r}")
            continue
        used.add(hit)
        cursor = hit + 1
        score.tp += 1
        if turns[hit].speaker == g.get("speaker"):
            score.speaker_ok += 1
        else:
            errors.append(f"  speaker  {turns[hit].speaker!r} for {g.get('speaker')!r} (label {turns[hit].label!r})")
        if "kind" in g:
            score.kind_n += 1
            if turns[hit].kind == g["kind"]:
                score.kind_ok += 1
            else:
                errors.append(f"  kind     {turns[hit].kind!r} for {g['kind']!r}: {want!r}")
    for i, turn in enumerate(turns):
        if i not in used:
            score.fp += 1
            errors.append(f"  extra    line {turn.line} {turn.label!r}: {_norm(turn.text)[:60]!r}")
    return score, errors


def _source(gold_path: Path) -> Path:
    name = gold_path.name.replace(".gold.json", ".txt").replace(".turns.json", ".txt")
    return gold_path.with_name(name)


def gold_problems(path: Path, gold: list[dict[str, Any]]) -> list[str]:
    """Gold `starts` that no parser following the annotation rules can match: one that runs on
    through a `>>` marker (a marker inside a line starts a new turn, so the turn text stops before
    it). Printed, never silently fixed: the fix is to cut the `starts` before the marker."""
    return [
        f"gold error: {path.name} turn {i + 1}: starts {g['starts']!r} runs past a `>>` marker; cut it before the marker"
        for i, g in enumerate(gold)
        if re.search(r"(?:^|\s)>>", g.get("starts") or "")
    ]


def score_set(files: list[Path], verbose: bool, fallback_only: bool = False) -> Score:
    """Print one line per file (and its errors when verbose); return the pooled score.
    `fallback_only`: read each file by its learned template alone, no reader or view."""
    pooled = Score()
    for path in files:
        gold = json.loads(path.read_text("utf-8"))["turns"]
        for problem in gold_problems(path, gold):
            print(problem)
        parse = parse_by_template if fallback_only else parse_transcript
        session = parse(_source(path).read_text("utf-8"))
        score, errors = score_turns(gold, session.turns)
        pooled.add(score)
        print(f"{_source(path).stem:38} {score.line()}")
        if verbose:
            for error in errors:
                print(error)
    return pooled


def speed(repeats: int = 20) -> None:
    """Parse throughput vs read+split of the same bytes, and the 4x-length time ratio."""
    text = (CORPUS / "igf2021-dc-main-session.txt").read_text("utf-8")
    data = text.encode("utf-8")

    def clock(fn: Any, arg: Any, n: int) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for _ in range(n):
                fn(arg)
            best = min(best, time.perf_counter() - start)
        return best

    baseline = clock(lambda b: b.decode("utf-8").split("\n"), data, repeats * 50) / 50
    parse = clock(lambda t: parse_transcript(t.encode("utf-8").decode("utf-8")), text, repeats)
    long = clock(parse_transcript, text * 4, max(1, repeats // 4)) * 4
    print(f"parse vs read+split baseline: {baseline / parse:.4f}  ({len(data) * repeats / parse / 1e6:.1f} MB/s)")
    print(f"time of a text 4x as long / time of the text: {long / parse:.2f}  (linear ≈ 4)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every missed, extra or misnamed turn")
    parser.add_argument("--only", choices=sorted(SETS))
    parser.add_argument("--speed", action="store_true", help="also measure parse speed against a baseline")
    parser.add_argument(
        "--fallback-only",
        action="store_true",
        help="read every file by its learned template alone (what the fallback scores on a layout no reader knows)",
    )
    parser.add_argument("--set", help="with --fallback-only: score this development folder alone (e.g. parse_blind17)")
    args = parser.parse_args(argv)
    results = {}
    for name, list_files in SETS.items():
        if args.only and name != args.only:
            continue
        files = list_files()
        if args.set:
            files = [f for f in files if f.parent.name == args.set]
        print(f"== {name} ({len(files)} files)")
        results[name] = score_set(files, args.verbose and name not in BLIND_SETS, args.fallback_only)
    print("== pooled")
    for name, score in results.items():
        print(f"{name:6} {score.line() if score.tp + score.fp + score.fn else 'no files scored'}")
    if args.speed:
        speed()


if __name__ == "__main__":
    main()
