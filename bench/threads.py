"""Threads benchmark: link quality, status accuracy and hard negatives on an annotated multi-year corpus.

Run:  python bench/threads.py [--part dev|blind|all] [--linker lexical|semantic|both] [--json]

Parts are made of corpus folders (`bench/threads/<folder>/` with `<folder>.gold.json`,
each annotated before any code ran on it):
- `dev` = `dev/` (annotated before any threads code existed) + the earlier blind sets `blind/`,
  `blind2/` … (moved into development after their first runs, kept verbatim in
  `bench/threads/blind2-first-run.txt` …);
- `blind3` … = that earlier folder alone (development data now: its figures before and after
  tuning on it, beside its first run);
- `blind` = this round's folder (`bench/blind_round.py`: `blind7/` in round 7; written and
  annotated by someone else before any code ran on it).
  When its folder or gold file is missing the part is skipped with a note.
All folders of a part are ingested into one temporary store exactly as `forumlens ingest`
does (so threads of one folder may wrongly join another's: that counts), and threads are
computed by `forumlens.threads.store_threads` (the function behind `forumlens threads`).
Gold items name a file and a verbatim quote; the scorer finds the line the quote is on.
A predicted item matches a gold item on the same session and line.

History: the first blind set's first run (stop 16, lexical linker) was items 11/24,
link P 1.00 R 0.50 F1 0.67, status 7/13, hard negatives joined 0/6; the second's (stop 17)
was items 30/38, link F1 0.44 (lexical) / 0.49 (semantic), status 11–12/21, hard
negatives joined 3/11 and 2/11; the third's (stop 18) items 54/76, link F1 0.49 (lexical) /
0.52 (semantic), status 18–19/39, hard negatives joined 1/42; the fourth's (stop 19) items 55/74,
link F1 0.63 (lexical) / 0.60 (semantic), status 27/40, hard negatives joined 3/46 and 4/46;
the fifth's (stop 20) items 72/94, link F1 0.49 / 0.50, status 27/45 and 29/45, hard negatives
joined 3/54 (`bench/threads/blind5-first-run.txt`); the sixth's (stop 21) items 70/95, link F1
0.49 / 0.51, hard negatives joined 2/59 and 5/59 (`bench/threads/blind6-first-run.txt`).

Printed per part and linker:
- items: gold items found in some thread (recall of the extraction);
- pairwise links: pairs of gold items in one predicted thread vs pairs in one gold
  thread (precision, recall, F1); `extra` counts predicted pairs that join a gold item
  to an item the annotation does not list (not in the precision, shown to be honest);
- status: gold threads whose predicted thread (the one holding its first found item)
  has the gold kind and status;
- ask category: gold ask threads whose predicted thread has the gold category (the gold uses the
  asks analysis' taxonomy, which a thread's category follows);
- hard negatives: annotated pairs of threads that must stay apart, and how many were joined;
- quotes: predicted items whose quote is not verbatim on their line (must be 0);
- baseline: gold items the old extraction finds at all (lines of the stored `asks`
  analysis, and the lines and answer lines of the `questions` analysis).

The blind part is for a single first run once the code is final: never tune on it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "threads"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import blind_round

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import Store, open_store
from forumlens.threads import Thread, store_threads

Ref = tuple[str, int]  # (session, line)
K = TypeVar("K")


_EARLIER = tuple(folder.name for folder in blind_round.earlier("threads"))
PARTS: dict[str, tuple[str, ...]] = {
    "dev": ("dev", *_EARLIER),
    # the development sets before the latest one moved in: how a change prompted by the latest round
    # does on the rounds it was not prompted by
    "dev-older": ("dev", *_EARLIER[:-1]),
    **{name: (name,) for name in _EARLIER if name not in ("blind", "blind2")},
    "blind": (blind_round.blind("threads").name,),
}


def missing_folders(part: str) -> list[str]:
    """The corpus folders or gold files of `part` not on disk (a blind set may not be written yet)."""
    return [
        str(path.relative_to(ROOT))
        for name in PARTS[part]
        for path in (CORPUS / name, CORPUS / f"{name}.gold.json")
        if not path.exists()
    ]


@dataclass
class GoldItem:
    thread: str
    file: str  # folder/file name
    quote: str
    role: str
    ref: Ref = ("", 0)


@dataclass
class Gold:
    threads: dict[str, dict[str, Any]]
    items: list[GoldItem]
    negatives: list[tuple[str, str, str]]
    sessions: dict[str, str] = field(default_factory=dict)  # file → session id


def _line_of(text: str, quote: str, where: str) -> int:
    at = text.find(quote)
    if at < 0:
        raise SystemExit(f"{where}: gold quote not found verbatim: {quote!r} (fix the gold file)")
    return text.count("\n", 0, at) + 1


def load_gold(part: str) -> Gold:
    """The gold of every folder of `part`, thread ids kept apart by folder when two folders share one."""
    gold = Gold({}, [], [])
    for folder in PARTS[part]:
        data = json.loads((CORPUS / f"{folder}.gold.json").read_text("utf-8"))
        ids = {t["id"]: (t["id"] if t["id"] not in gold.threads else f"{folder}:{t['id']}") for t in data["threads"]}
        for t in data["threads"]:
            gold.threads[ids[t["id"]]] = t
            gold.items += [GoldItem(ids[t["id"]], f"{folder}/{i['file']}", i["quote"], i["role"]) for i in t["items"]]
        gold.negatives += [(ids[a], ids[b], why) for a, b, why in data.get("hard_negatives", [])]
    return gold


def ingest(store: Store, part: str, gold: Gold) -> None:
    folders = [CORPUS / name for name in PARTS[part]]
    for outcome in ingest_paths(store, folders, IngestOptions()):
        if outcome.status == "failed":
            raise SystemExit(f"{outcome.path}: ingest failed: {outcome.reason}")
        path = Path(outcome.path)
        gold.sessions[f"{path.parent.name}/{path.name}"] = str(outcome.session)
    for item in gold.items:
        text = (CORPUS / item.file).read_text("utf-8").replace("\r\n", "\n")
        item.ref = (gold.sessions[item.file], _line_of(text, item.quote, item.file))


def _pairs(groups: Iterable[Iterable[Any]]) -> set[frozenset[Any]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def baseline(store: Store, gold: Gold) -> int:
    """Gold items the old analyses find at all: an `asks` line, or a question's line or answer line."""
    lines: set[Ref] = set()
    for sid in set(gold.sessions.values()):
        analyses = store.analyses(sid)
        lines |= {(sid, int(a["line"])) for a in analyses.get("asks") or []}
        for q in analyses.get("questions") or []:
            lines |= {(sid, int(n)) for n in [q["line"], *(q.get("answer_lines") or [])]}
    return sum(1 for item in gold.items if item.ref in lines)


def _verbatim(store: Store, threads: list[Thread]) -> int:
    bad = 0
    texts: dict[str, list[str]] = {}
    for t in threads:
        for item in t.items:
            if item.session not in texts:
                found = store.session_text(item.session)
                texts[item.session] = found[2].split("\n") if found else []
            lines = texts[item.session]
            if not (0 < item.line <= len(lines) and item.quote in lines[item.line - 1]):
                bad += 1
    return bad


def match_quotes(gold: Gold, found: Iterable[tuple[Ref, str, K]]) -> dict[int, K]:
    """Gold item index → the key of the found (ref, quote, key) that is it: same session and line; on a
    line holding several, as a caption turn does, the one quoting the gold words (ties: the first found).
    `bench/train_links.py` matches its items with this too."""
    on_line: dict[Ref, list[tuple[K, str]]] = {}
    for ref, quote, key in found:
        on_line.setdefault(ref, []).append((key, quote))
    where: dict[int, K] = {}
    for n, g in enumerate(gold.items):
        here = on_line.get(g.ref)
        if here:
            words = set(g.quote.lower().split())
            where[n] = max(here, key=lambda f: (g.quote in f[1], len(words & set(f[1].lower().split()))))[0]
    return where


def _match(gold: Gold, threads: list[Thread]) -> dict[int, str]:
    """Gold item index → thread of the predicted item that is it (`match_quotes`)."""
    return match_quotes(gold, (((i.session, i.line), i.quote, t.id) for t in threads for i in t.items))


def link_counts(gold: Gold, where: Mapping[int, Any]) -> tuple[int, int, int]:
    """(correct, predicted, gold) pairwise links: pairs of gold items in one predicted thread (`where`: gold
    item index → its thread) against pairs in one gold thread; a gold item not found loses its pairs."""
    members: dict[str, list[int]] = {}
    for n, item in enumerate(gold.items):
        members.setdefault(item.thread, []).append(n)
    gold_pairs = _pairs(members.values())
    predicted: dict[Any, list[int]] = {}
    for n, tid in where.items():
        predicted.setdefault(tid, []).append(n)
    pred_pairs = _pairs(predicted.values())
    return len(pred_pairs & gold_pairs), len(pred_pairs), len(gold_pairs)


def score(store: Store, gold: Gold, linker: str) -> dict[str, Any]:
    linked = store_threads(store, linker=linker)
    threads = linked.threads
    where = _match(gold, threads)
    members: dict[str, list[int]] = {}
    for n, item in enumerate(gold.items):
        members.setdefault(item.thread, []).append(n)
    tp, n_predicted, n_gold = link_counts(gold, where)
    gold_refs = {item.ref for item in gold.items}
    extra = sum(
        1
        for t in threads
        for a, b in combinations({(i.session, i.line) for i in t.items}, 2)
        if (a in gold_refs) != (b in gold_refs)
    )
    precision = tp / n_predicted if n_predicted else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    thread_of = {t.id: t for t in threads}
    right, wrong = 0, []
    for tid, spec in gold.threads.items():
        found = [where[n] for n in members[tid] if n in where]
        got = thread_of[found[0]] if found else None
        if got is not None and got.kind == spec["kind"] and got.status == spec["status"]:
            right += 1
        else:
            got_text = f"{got.kind}/{got.status}" if got else "nothing"
            wrong.append(f"{tid}: gold {spec['kind']}/{spec['status']}, got {got_text}")
    asks = [tid for tid, spec in gold.threads.items() if spec["kind"] == "ask" and spec.get("category")]
    category_wrong = []
    for tid in asks:
        found = [where[n] for n in members[tid] if n in where]
        got = thread_of[found[0]] if found else None
        if got is None or got.category != gold.threads[tid]["category"]:
            got_text = got.category if got is not None else "nothing"
            category_wrong.append(f"{tid}: gold {gold.threads[tid]['category']}, got {got_text}")
    joined = []
    for a, b, why in gold.negatives:
        if {where[n] for n in members[a] if n in where} & {where[n] for n in members[b] if n in where}:
            joined.append(f"{a} + {b} ({why})")
    return {
        "linker": linked.linker,
        "gold_items": len(gold.items),
        "items_found": len(where),
        "baseline_items_found": baseline(store, gold),
        "pairs": {"gold": n_gold, "predicted": n_predicted, "correct": tp, "extra": extra},
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "threads": {"gold": len(gold.threads), "predicted": len(threads)},
        "status_right": right,
        "status_accuracy": round(right / len(gold.threads), 3) if gold.threads else 1.0,
        "status_wrong": wrong,
        "ask_categories": len(asks),
        "category_right": len(asks) - len(category_wrong),
        "category_wrong": category_wrong,
        "hard_negatives": len(gold.negatives),
        "hard_negatives_joined": joined,
        "quotes_not_verbatim": _verbatim(store, threads),
        "missing_items": [
            f"{i.thread}: {i.file}:{i.ref[1]} {i.quote[:60]}" for n, i in enumerate(gold.items) if n not in where
        ],
    }


def run_part(part: str, linkers: list[str]) -> list[dict[str, Any]]:
    gold = load_gold(part)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "threads.sqlite3"))
        try:
            ingest(store, part, gold)
            return [{"part": part, **score(store, gold, linker)} for linker in linkers]
        finally:
            store.close()


# Parts whose per-item errors are never printed (nor put in --json): their first run must not
# show what they contain, so nobody tunes on it by reading the misses.
BLIND_PARTS = frozenset({"blind"})


def _without_errors(result: dict[str, Any]) -> dict[str, Any]:
    """A blind part's result with its per-item error lists replaced by their counts."""
    lists = ("status_wrong", "category_wrong", "hard_negatives_joined", "missing_items")
    return {k: (len(v) if k in lists else v) for k, v in result.items()}


def _print(result: dict[str, Any]) -> None:
    p = result["pairs"]
    print(f"== {result['part']} · linker {result['linker']}")
    print(
        f"  items found      {result['items_found']}/{result['gold_items']}  (old asks/questions analyses: "
        f"{result['baseline_items_found']}/{result['gold_items']})"
    )
    print(
        f"  pairwise links   P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}  "
        f"({p['correct']} right of {p['predicted']} predicted, {p['gold']} gold; {p['extra']} links to unannotated items)"
    )
    print(
        f"  status           {result['status_right']}/{result['threads']['gold']} = {result['status_accuracy']:.3f}"
        f"  ({result['threads']['predicted']} threads predicted)"
    )
    print(
        f"  ask category     {result['category_right']}/{result['ask_categories']}  (gold ask threads whose thread has "
        "the gold category: the asks analysis' taxonomy)"
    )
    print(f"  hard negatives   {len(result['hard_negatives_joined'])}/{result['hard_negatives']} joined")
    print(f"  quotes not verbatim on their line: {result['quotes_not_verbatim']}")
    if result["part"] in BLIND_PARTS:  # a blind part's errors would show its contents: counts only
        return
    for line in result["status_wrong"]:
        print(f"    status wrong: {line}")
    for line in result["category_wrong"]:
        print(f"    category wrong: {line}")
    for line in result["hard_negatives_joined"]:
        print(f"    joined: {line}")
    for line in result["missing_items"]:
        print(f"    missing: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=(*PARTS, "all"), default="dev")
    parser.add_argument("--linker", choices=("lexical", "semantic", "both"), default="both")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    linkers = ["lexical", "semantic"] if args.linker == "both" else [args.linker]
    if "semantic" in linkers:
        from forumlens.semantic.embedder import semantic_installed

        if not semantic_installed():
            print("semantic linker skipped: pip install 'forumlens[semantic]'", file=sys.stderr)
            linkers.remove("semantic")
    parts = ["dev", "blind"] if args.part == "all" else [args.part]
    results = []
    for part in parts:
        missing = missing_folders(part)
        if missing:
            print(f"part {part} skipped: missing {', '.join(missing)}", file=sys.stderr)
            continue
        results += run_part(part, linkers)
    if args.json:
        shown = [_without_errors(r) if r["part"] in BLIND_PARTS else r for r in results]
        print(json.dumps(shown, indent=1, ensure_ascii=False))
    else:
        for result in results:
            _print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
