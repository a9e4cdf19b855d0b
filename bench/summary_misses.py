"""Why the takeaways miss what a rapporteur kept: each reference takeaway's source sentence, and the step that dropped it.

Run:  python bench/summary_misses.py [--only NAME] [--exclude NAME] [--detail]

For every development reference (`summary_sources.pairs`: a held-out set is never read),
each reference takeaway is matched to the source sentence that shares most stemmed
bigrams with it (its *best source*: what an extractive summary would have to pick to say
it). The report is built as `bench/summaries.py` builds it, and each best source is put in
the first class that holds:

- `chosen`: a takeaway cites it;
- `spread`: no one sentence says it: its best source shares under `SPREAD_SHARE` of the
  bigrams the three best sources share with it together (the rapporteur wrote it from
  several short sentences, or in their own words; an extractive bullet can only give part);
- `not a point`: the rendering refuses it (`Wording.accept`: a question, a fragment, an
  unresolved "this", a vocative, procedure);
- `room talk`: a chair running the room (`report.chair_room_talk`);
- `closing full`: said in the closing (`report.CLOSING` on) once the takeaways hold the
  closing's share (`report.closing_share`);
- `below the weakest`: it scores, as a takeaway (`report.takeaway_boost`), below the weakest
  takeaway chosen: the ranking (centrality times importance) put it there;
- `outranked`: it scores above the weakest takeaway but MMR took others: `speaker full`
  (its speaker already has two takeaways, the cap), `redundant` (too similar to a
  takeaway, cosine over MMR's `max_sim`), else `new voices` (other speakers' first points,
  which get the new-voice bonus, or a segment not yet covered).

Each class is also split by what the reference takeaway is (cues in the rapporteur's own
words, more than one may hold): figures, a disagreement, an ask, a decision or output.
With `--detail` it prints every reference takeaway with its best source and class. Used
to count the causes of the per-reference losses (issue 23) before changing the selection:
`--losses FILE` (a saved `bench/summaries.py` table) counts only the references whose
takeaways lose to some baseline on ROUGE-2 or ROUGE-L there.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from forumlens.models import Session
from forumlens.pipeline import analyse_session
from forumlens.summarise import build_report
from forumlens.summarise import report as takeaways
from forumlens.summarise.attribution import Credits
from forumlens.summarise.context import SummaryContext, build_context
from forumlens.summarise.rank import DECISION, FINDING, cosine, from_floor, is_summary, states_evidence
from forumlens.summarise.units import Unit
from forumlens.summarise.wording import Wording
from forumlens.transcript.parse import parse_transcript

sys.path.insert(0, str(Path(__file__).resolve().parent))
from summary_sources import pairs

CLASSES = (
    "chosen",
    "spread",
    "not a point",
    "room talk",
    "closing full",
    "below the weakest",
    "outranked: speaker full",
    "outranked: redundant",
    "outranked: new voices",
)
# What a rapporteur's takeaway is, read from its own words (a takeaway may be several).
KINDS = {
    "figures": re.compile(r"\d|\b(?:percent|half|a third|twice|times more)\b", re.IGNORECASE),
    "disagreement": re.compile(
        r"\b(?:disagree\w*|divided|questioned|critici[sz]\w*|objected|rejected|contested|pushed back|while others)\b",
        re.IGNORECASE,
    ),
    "ask": re.compile(r"\b(?:asked|called (?:on|for)|urged|should|must|proposed|recommend\w*)\b", re.IGNORECASE),
    "decision or output": re.compile(
        r"\b(?:will|agreed|launched|published|released|decided|adopted|announced)\b", re.IGNORECASE
    ),
}
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65_536)
def bigrams(text: str) -> frozenset[tuple[str, str]]:
    """Stemmed word bigrams, as ROUGE-2 counts them (rouge-score's Porter stemmer); each text stemmed once."""
    from nltk.stem import porter

    stem = porter.PorterStemmer().stem
    words = [stem(w) for w in _WORD.findall(text.lower())]
    return frozenset(itertools.pairwise(words))


# A best source sharing under this share of what the three best share together is one part
# of a takeaway spread over several sentences (`spread`).
SPREAD_SHARE = 0.5


def spread(item: str, units: Sequence[Unit], best: Unit) -> bool:
    """Whether a reference takeaway's matter lies over several sentences: its best source shares
    under `SPREAD_SHARE` of the bigrams the three best sources share with it together."""
    want = bigrams(item)
    ranked = sorted(units, key=lambda u: -len(want & bigrams(u.text)))[:3]
    together = frozenset().union(*(want & bigrams(u.text) for u in ranked))
    return len(want & bigrams(best.text)) < SPREAD_SHARE * len(together)


def best_source(item: str, units: Sequence[Unit]) -> Unit | None:
    """The unit sharing most bigrams with a reference takeaway (the earliest on a tie); None if none shares any."""
    want = bigrams(item)
    best, hits = None, 0
    for u in units:
        n = len(want & bigrams(u.text))
        if n > hits:
            best, hits = u, n
    return best


def cited(unit: Unit, lines_quotes: Sequence[tuple[int, str]]) -> bool:
    """Whether a takeaway cites the unit: a citation on its line whose quote and the unit's text hold one another."""
    return any(line == unit.line and (quote in unit.text or unit.text in quote) for line, quote in lines_quotes)


def source_kinds(ctx: SummaryContext, presenters: frozenset[str], unit: Unit) -> tuple[str, ...]:
    """What a best source is, from the session's structure and the earlier stages (issue 23
    item 2: main asks, decisions, outputs, disagreements): its speaker's role (`chair`,
    `floor`, `presenter`, else `panellist`), its place (`opening`: the first tenth, `closing`:
    `report.CLOSING` on, else `body`), and what holds of it: `summing-up` (a summary said as
    such or an announced wrap-up, `rank.is_summary`), `ask` / `commitment` (on the line of an
    analysed ask or recommendation / commitment, the quote holding the sentence or held by it),
    `decision cue`, `finding cue`, `figures` (`rank.states_evidence`)."""
    model = ctx.ranking().model
    role = (
        "chair"
        if unit.who in ctx.chairs
        else "floor"
        if from_floor(unit)
        else "presenter"
        if unit.who in presenters
        else "panellist"
    )
    place = "opening" if unit.position < 0.1 else "closing" if unit.position >= takeaways.CLOSING else "body"
    out = [role, place]
    if model is not None and is_summary(model, unit):
        out.append("summing-up")
    for a in ctx.findings.asks or ():
        if a.line == unit.line and (a.quote in unit.text or unit.text in a.quote):
            kind = "commitment" if a.type == "commitment" else "ask"
            if kind not in out:
                out.append(kind)
    if DECISION.search(unit.text):
        out.append("decision cue")
    if FINDING.search(unit.text):
        out.append("finding cue")
    if states_evidence(unit.text):
        out.append("figures")
    return tuple(out)


def classify(session: Session, analyses: dict[str, object], items: Sequence[str]) -> list[tuple[str, str, Unit | None]]:
    """(reference takeaway, class, its best source) for each reference takeaway of one session."""
    report = build_report(session, analyses)
    quotes = [(c.line, c.quote) for b in report.takeaways for c in b.citations]
    ctx = build_context(session, analyses)
    wording = Wording.of(ctx, Credits.of(session, analyses))
    boost = takeaways.takeaway_boost(ctx, takeaways.signals_of(ctx, ctx.findings.asks))
    pool = ctx.ranking().scored(boost)
    scored = {id(s.unit): s.score for s in pool}
    vec = {id(s.unit): s.vec for s in pool}
    units = [s.unit for s in pool]
    chosen = {id(u) for u in units if cited(u, quotes)}
    weakest = min((scored[i] for i in chosen), default=0.0)
    late = sum(1 for u in units if id(u) in chosen and u.position >= takeaways.CLOSING)
    room = takeaways.chair_room_talk(ctx)
    out: list[tuple[str, str, Unit | None]] = []
    for item in items:
        u = best_source(item, units)
        if u is None:
            out.append((item, "below the weakest", None))
            continue
        if id(u) in chosen:
            why = "chosen"
        elif spread(item, units, u):
            why = "spread"
        elif not wording.accept(u):
            why = "not a point"
        elif room(u):
            why = "room talk"
        elif u.position >= takeaways.CLOSING and late >= takeaways.closing_share(max(1, len(report.takeaways))):
            why = "closing full"
        elif scored[id(u)] < weakest:
            why = "below the weakest"
        elif sum(1 for v in units if id(v) in chosen and v.who == u.who) >= 2:
            why = "outranked: speaker full"
        elif any(cosine(vec[id(u)], vec[id(v)]) > 0.55 for v in units if id(v) in chosen):
            why = "outranked: redundant"
        else:
            why = "outranked: new voices"
        out.append((item, why, u))
    return out


def round_of(txt: Path) -> str:
    """The summary round a reference belongs to: its held-out folder, else `dev` (the shared
    transcript and the development files)."""
    return txt.parent.name if txt.parent.name.startswith("held_out") else "dev"


def print_rounds(per_round: Counter[tuple[str, str]]) -> None:
    """Each class's count per round (set folder, in round order) and the rounds it occurs in."""

    def order(name: str) -> int:
        return -1 if name == "dev" else int(name.removeprefix("held_out") or 1)

    rounds = sorted({r for r, _w in per_round}, key=order)
    print("by round (" + " ".join("dev" if r == "dev" else r.removeprefix("held_out") or "1" for r in rounds) + ")")
    for why in CLASSES:
        counts = [per_round[(r, why)] for r in rounds]
        print(f"  {why:<24} {sum(1 for c in counts if c):3d} rounds: " + " ".join(f"{c:2d}" for c in counts))


def losing(table: str) -> frozenset[str]:
    """The sessions (names as `bench/summaries.py` prints them, cut to 34 characters) whose
    takeaways score below some baseline on ROUGE-2 or ROUGE-L in a saved table of it."""
    scores: dict[tuple[str, str], tuple[float, float]] = {}
    for line in table.splitlines():
        f = line.split()
        if len(f) == 7 and f[1] == "takeaways" and f[0] != "MEAN":
            scores[(f[0], f[2])] = (float(f[4]), float(f[5]))
    out = set()
    for (name, system), ours in scores.items():
        if system != "forumlens":
            continue
        others = [v for (n, sys_), v in scores.items() if n == name and sys_ != "forumlens"]
        if any(o[0] >= ours[0] or o[1] >= ours[1] for o in others):
            out.add(name)
    return frozenset(out)


def run(
    only: Sequence[str] = (),
    exclude: Sequence[str] = (),
    detail: bool = False,
    losses: frozenset[str] | None = None,
    sources: bool = False,
    by_round: bool = False,
) -> int:
    """Print the classes over every development reference takeaway, and by the takeaway's kind;
    with `sources`, also what each best source is (`source_kinds`), for the missed and the
    chosen apart, over all references and over the held-out sets alone; with `by_round`, each
    class per set folder (a summary round) and in how many rounds it occurs (a kind worth a
    fix occurs in three or more)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from summaries import reference_sections

    by_class: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    by_source: Counter[tuple[str, bool, bool]] = Counter()  # (source kind, missed, in a held-out set)
    per_round: Counter[tuple[str, str]] = Counter()  # (set folder, class)
    for txt, ref in pairs(only, exclude):
        if losses is not None and txt.stem[:34] not in losses:
            continue
        session = parse_transcript(txt.read_text("utf-8"), source=txt.name, sha256=txt.name)
        items = reference_sections(ref.read_text("utf-8")).get("key takeaways", [])
        analyses = analyse_session(session)
        rows = classify(session, analyses, items)
        held = txt.parent.name.startswith("held_out")
        ctx = build_context(session, analyses) if sources else None
        presenters = takeaways.signals_of(ctx).presenters if ctx is not None else frozenset()
        if detail:
            print(f"## {txt.parent.name}/{txt.stem}")
        for n, (item, why, u) in enumerate(rows, 1):
            tags = source_kinds(ctx, presenters, u) if ctx is not None and u is not None else ()
            for tag in tags:
                by_source[(tag, why != "chosen", held)] += 1
            by_class[why] += 1
            per_round[(round_of(txt), why)] += 1
            for kind, cue in KINDS.items():
                if cue.search(item):
                    by_kind[(kind, why)] += 1
                    kinds[kind] += 1
            if detail:
                where = f"{u.who} pos {u.position:.2f}: {u.text[:140]}" if u is not None else "-"
                print(f"  {n}. [{why}] {item[:100]}\n     <- {where}" + (f"\n     ({', '.join(tags)})" if tags else ""))
    total = sum(by_class.values())
    print(f"reference takeaways: {total}")
    for why in CLASSES:
        print(f"  {why:<24} {by_class[why]:4d} ({100.0 * by_class[why] / max(1, total):.0f} %)")
    for kind in KINDS:
        split = ", ".join(f"{why} {by_kind[(kind, why)]}" for why in CLASSES if by_kind[(kind, why)])
        print(f"  {kind} ({kinds[kind]}): {split}")
    if by_round:
        print_rounds(per_round)
    if sources:
        print("best sources by kind: missed / chosen (all references; held-out sets alone)")
        for tag in sorted({t for t, _m, _h in by_source}, key=lambda t: -sum(by_source[(t, True, h)] for h in (0, 1))):
            a = [sum(by_source[(tag, m, h)] for h in (False, True)) for m in (True, False)]
            h = [by_source[(tag, m, True)] for m in (True, False)]
            print(f"  {tag:<14} {a[0]:4d} / {a[1]:4d}; {h[0]:4d} / {h[1]:4d}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="only sessions whose name has NAME")
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="NAME", help="skip sessions whose name has NAME"
    )
    parser.add_argument("--detail", action="store_true", help="print every reference takeaway with its best source")
    parser.add_argument(
        "--losses",
        metavar="FILE",
        help="a saved bench/summaries.py table: count only the references whose takeaways lose to a baseline there",
    )
    parser.add_argument(
        "--sources", action="store_true", help="what each best source is (role, place, summing-up, ask, commitment)"
    )
    parser.add_argument("--by-round", action="store_true", help="each class per summary round (set folder)")
    args = parser.parse_args()
    lost = losing(Path(args.losses).read_text("utf-8")) if args.losses else None
    sys.exit(run(args.only, args.exclude, args.detail, lost, args.sources, args.by_round))
