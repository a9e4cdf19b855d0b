"""Score analyse output against hand annotations (pure; used by tests and bench/intel.py).

Gold files (`tests/resources/analyse/*.gold.json`) list questions (line, status,
acceptable addressees), asks (line, acceptable categories), outputs and segments, plus
`optional_*` items that are genuinely ambiguous: they never count as misses and a
detection that lands on them is not a false alarm. Lines are paragraphs in captions,
so asks and outputs match on the exact line; questions match within `tolerance` lines
(a question's sentences can straddle paragraphs), one-to-one: a detection that holds the
annotated quote first, then nearest first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from forumlens.transcript.speakers import name_key

__all__ = [
    "PR",
    "AskScore",
    "QuestionScore",
    "ask_confusion",
    "question_pairs",
    "score_asks",
    "score_outputs",
    "score_questions",
    "score_segments",
]


@dataclass(frozen=True)
class PR:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(frozen=True)
class QuestionScore:
    detection: PR
    status_correct: int
    to_correct: int
    answer_correct: int
    matched: int
    errors: tuple[str, ...]

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.matched if self.matched else 1.0


@dataclass(frozen=True)
class AskScore:
    detection: PR
    category: PR  # a true positive needs the right line and an accepted category
    errors: tuple[str, ...]


def _match(
    detected: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    tolerance: int,
    good: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs (detected index, gold index) within `tolerance` lines: as many `good`
    pairs (right category) as possible, then the rest nearest first.

    The good pairs are a maximum bipartite matching, not a greedy pass: on a line with two
    annotated asks, [capacity-building, policy] and [capacity-building, participation], and
    detections policy and capacity-building, a greedy pass can give capacity-building to the
    first annotation and leave policy with the second (one wrong where both are right)."""
    near = {
        (i, j) for i, d in enumerate(detected) for j, g in enumerate(gold) if abs(d["line"] - g["line"]) <= tolerance
    }
    owner: dict[int, int] = {}  # gold index -> detected index, good pairs only
    if good is not None:
        options = {
            i: sorted(
                (j for (k, j) in near if k == i and good(detected[i], gold[j])),
                key=lambda j: (abs(detected[i]["line"] - gold[j]["line"]), j),
            )
            for i in range(len(detected))
        }

        def augment(i: int, seen: set[int]) -> bool:
            for j in options[i]:
                if j in seen:
                    continue
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
            return False

        for i in range(len(detected)):
            augment(i, set())
    used_d = set(owner.values())
    used_g = set(owner)
    out = sorted(((i, j) for j, i in owner.items()), key=lambda p: p)
    for _dist, i, j in sorted((abs(detected[i]["line"] - gold[j]["line"]), i, j) for i, j in near):
        if i not in used_d and j not in used_g:
            used_d.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


_WORD = re.compile(r"\w+")
QUOTE_SHARE = 0.5  # share of an annotated question's quoted words a detection must hold to be that question


def question_pairs(
    detected: Sequence[dict[str, Any]], wanted: Sequence[dict[str, Any]], tolerance: int = 3
) -> list[tuple[int, int]]:
    """(detected, gold) question pairs: those whose text holds the annotated quote first (a
    maximum matching), then the rest nearest first. Why: a reader often puts two or three
    questions on one caption line ("Sana asks Nomvula: …  Diego asks: …"), and by the line
    alone the first detection took the first annotation, so an unanswered second question was
    scored against the answered first one (and its status counted wrong both ways)."""
    return _match(detected, wanted, tolerance, _holds_quote)


def _holds_quote(detected: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether the detected question's text holds most words of the gold question's quote."""
    quote = {w.lower() for w in _WORD.findall(gold.get("quote") or "")}
    if not quote:
        return False
    text = {w.lower() for w in _WORD.findall(detected.get("text") or "")}
    return len(quote & text) >= QUOTE_SHARE * len(quote)


def _optional_lines(items: Sequence[Any]) -> set[int]:
    return {int(x["line"] if isinstance(x, dict) else x) for x in items}


def _same_name(a: str | None, b: str | None) -> bool:
    return (a or "").strip() != "" and name_key(a or "") == name_key(b or "")


def score_questions(detected: Sequence[dict[str, Any]], gold: dict[str, Any], tolerance: int = 3) -> QuestionScore:
    """Detection precision/recall, status accuracy, addressee and first-answer-line accuracy."""
    wanted = gold.get("questions", [])
    optional = _optional_lines(gold.get("optional_questions", []))
    pairs = question_pairs(detected, wanted, tolerance)
    hit_d = {i for i, _ in pairs}
    fp = [
        d
        for i, d in enumerate(detected)
        if i not in hit_d and not any(abs(d["line"] - o) <= tolerance for o in optional)
    ]
    errors = [f"false alarm line {d['line']}: {d['text'][:60]!r}" for d in fp]
    status = to = answer = 0
    for i, j in pairs:
        d, g = detected[i], wanted[j]
        if d["status"] == g["status"]:
            status += 1
        else:
            errors.append(f"status line {g['line']}: got {d['status']}, want {g['status']}")
        if any(_same_name(d["to"], t) or d["to"] == t for t in g.get("to", [])):
            to += 1
        if (d.get("answer_lines") or [None])[0] == (g.get("answer_lines") or [None])[0]:
            answer += 1
    matched_g = {j for _, j in pairs}
    errors += [f"missed line {g['line']}: {g.get('quote', '')!r}" for j, g in enumerate(wanted) if j not in matched_g]
    return QuestionScore(
        PR(len(pairs), len(fp), len(wanted) - len(pairs)), status, to, answer, len(pairs), tuple(errors)
    )


def _secondary_pairs(
    detected: Sequence[dict[str, Any]], wanted: Sequence[dict[str, Any]], taken: set[int]
) -> list[tuple[int, int]]:
    """(detected, gold) pairs where a detection's secondary category stands for a further
    annotated ask on its line: one sentence asking for two things is one ask with a
    secondary category (`Ask.also`), where an annotator may have listed two."""
    out = []
    used = set(taken)
    for i, d in enumerate(detected):
        for cat in d.get("secondary_categories") or ():
            j = next(
                (
                    j
                    for j, g in enumerate(wanted)
                    if j not in used and g["line"] == d["line"] and cat in g["categories"]
                ),
                None,
            )
            if j is not None:
                used.add(j)
                out.append((i, j))
    return out


def score_asks(detected: Sequence[dict[str, Any]], gold: dict[str, Any], *, secondary: bool = True) -> AskScore:
    """Line-level detection and category precision/recall of asks (all types together).

    Only the primary category makes a detection right or wrong; with `secondary`, a
    secondary category may also match another annotated ask on the same line (it never
    counts as a false alarm). `secondary=False` scores primary categories alone.
    """
    wanted = gold.get("asks", [])
    optional = _optional_lines(gold.get("optional_asks", []))
    pairs = _match(detected, wanted, 0, lambda d, g: d["category"] in g["categories"])
    hit_d = {i for i, _ in pairs}
    fp = [d for i, d in enumerate(detected) if i not in hit_d and d["line"] not in optional]
    good = [(i, j) for i, j in pairs if detected[i]["category"] in wanted[j]["categories"]]
    if secondary:
        extra = _secondary_pairs(detected, wanted, {j for _, j in pairs})
        pairs, good = pairs + extra, good + extra
    errors = [f"false alarm line {d['line']} [{d['category']}]: {d['quote'][:60]!r}" for d in fp]
    errors += [
        f"category line {wanted[j]['line']}: got {detected[i]['category']}, want {wanted[j]['categories']}"
        for i, j in pairs
        if (i, j) not in good
    ]
    matched_g = {j for _, j in pairs}
    errors += [
        f"missed line {g['line']} {g['categories']}: {g.get('quote', '')!r}"
        for j, g in enumerate(wanted)
        if j not in matched_g
    ]
    detection = PR(len(pairs), len(fp), len(wanted) - len(pairs))
    category = PR(len(good), len(fp) + len(pairs) - len(good), len(wanted) - len(good))
    return AskScore(detection, category, tuple(errors))


def ask_confusion(detected: Sequence[dict[str, Any]], gold: dict[str, Any]) -> Counter[tuple[str, str]]:
    """(annotated category, detected category) counts of asks, matched on the exact line as
    `score_asks` matches them; "-" stands for no ask on one side (a miss is (category, "-"),
    a false alarm ("-", category)). An annotated ask with several accepted categories counts
    under the detected one when it is accepted, else under the first. Optional asks are
    left out; a secondary category that stands for a further annotated ask on its line counts as
    right, as in `score_asks`. Tells where category errors come from (which categories get confused)."""
    wanted = gold.get("asks", [])
    optional = _optional_lines(gold.get("optional_asks", []))
    pairs = _match(detected, wanted, 0, lambda d, g: d["category"] in g["categories"])
    out: Counter[tuple[str, str]] = Counter()
    for i, j in pairs:
        got, accepted = detected[i]["category"], wanted[j]["categories"]
        out[(got if got in accepted else accepted[0], got)] += 1
    hit_d, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
    for _i, j in _secondary_pairs(detected, wanted, hit_g):  # a secondary category standing for a further ask
        hit_g.add(j)
        out[(wanted[j]["categories"][0], wanted[j]["categories"][0])] += 1
    for i, d in enumerate(detected):
        if i not in hit_d and d["line"] not in optional:
            out[("-", d["category"])] += 1
    for j, g in enumerate(wanted):
        if j not in hit_g:
            out[(g["categories"][0], "-")] += 1
    return out


def score_outputs(detected: Sequence[dict[str, Any]], gold: dict[str, Any]) -> PR:
    """Outputs found on the right line (coalition not required)."""
    wanted = gold.get("outputs", [])
    optional = _optional_lines(gold.get("optional_outputs", []))
    pairs = _match(detected, wanted, 0, lambda d, g: d["kind"] == g["kind"])
    hit_d = {i for i, _ in pairs}
    fp = sum(1 for i, d in enumerate(detected) if i not in hit_d and d["line"] not in optional)
    return PR(len(pairs), fp, len(wanted) - len(pairs))


def score_segments(detected: Sequence[dict[str, Any]], gold: dict[str, Any], tolerance: int = 6) -> PR:
    """Segment starts within `tolerance` lines of an annotated start (or one of its alternatives)."""
    wanted = []
    for g in gold.get("segments", []):
        wanted.append(g)
    found = 0
    used: set[int] = set()
    for g in wanted:
        lines = [g["from_line"], *g.get("alt_lines", [])]
        for i, d in enumerate(detected):
            if i not in used and any(abs(d["from_line"] - n) <= tolerance for n in lines):
                used.add(i)
                found += 1
                break
    return PR(found, len(detected) - found, len(wanted) - found)
