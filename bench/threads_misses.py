"""Why gold links are missed: each development threads corpus linked alone, every missed gold pair given its cause.

    python bench/threads_misses.py [--linker lexical|semantic] [--corpus NAME ...] [--verbose]

For each corpus folder of `bench/threads.py`'s development part (never this round's blind set), the
items are extracted and linked as `bench/train_links.py` does (the folder alone), and each gold pair
(two gold items of one gold thread) not in one predicted thread is put under the first cause that holds:
- `not-extracted`: one of the two items is not found at all;
- `actor`: both found, but linking reads a different actor for them (coalition, institution, person);
- `kind`: same actor, but one is an ask and the other a commitment or a question (signal misread);
- `refused`: same actor and kind, and the rules refused the join (the decision of the later item is shown);
- `other`: e.g. an answer or response placed elsewhere.
Wrongly joined pairs (predicted, not gold) are counted too. Why: the link rules were tuned on development
wording; counting the causes over all corpora says which general fix moves recall most.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import train_links

from forumlens.threads.link import actor_of, link_items, need_featurizer
from forumlens.threads.linkmodel import NEED_FEATURES, load_link_model
from forumlens.threads.similarity import make_scorer

_KIND = {"need": "ask", "promise": "c", "update": "c", "delivery": "c", "slip": "c", "question": "q", "answer": "q"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--linker", choices=("lexical", "semantic"), default="lexical")
    parser.add_argument("--corpus", nargs="*", default=list(train_links.FOLDERS))
    parser.add_argument("--verbose", action="store_true", help="print every missed pair")
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    sums = [0, 0, 0]
    for name in args.corpus:
        corpus = train_links.load(name)
        items = corpus.items
        scorer = make_scorer(items, args.linker)
        linked = link_items(items, scorer)
        featurize = need_featurizer(items, scorer)
        model = load_link_model(args.linker)
        thread_of = {(i.session, i.line, i.quote): t.id for t in linked.threads for i in t.items}
        decision_of = {}
        for d, it in zip(linked.decisions, linked.subjects, strict=False):
            decision_of[(it.session, it.line, it.quote)] = d
        bench = train_links._bench()
        where = bench.match_quotes(corpus.gold, (((i.session, i.line), i.quote, k) for k, i in enumerate(items)))
        members: dict[str, list[int]] = {}
        for n, g in enumerate(corpus.gold.items):
            members.setdefault(g.thread, []).append(n)
        causes: Counter[str] = Counter()
        for tid, ns in members.items():
            for a, b in combinations(ns, 2):
                if a not in where or b not in where:
                    causes["not-extracted"] += 1
                    if args.verbose:
                        g = corpus.gold.items[a if a not in where else b]
                        print(f"  [{name}] not-extracted {tid}: {g.file} {g.quote[:90]!r}")
                    continue
                ia, ib = items[where[a]], items[where[b]]
                ka, kb = (ia.session, ia.line, ia.quote), (ib.session, ib.line, ib.quote)
                if thread_of.get(ka) == thread_of.get(kb) and thread_of.get(ka) is not None:
                    continue
                if (ib.when, ib.seq) < (ia.when, ia.seq):
                    ia, ib, ka, kb = ib, ia, kb, ka
                sig = {ia.signal, ib.signal}
                if sig & {"answer", "response"}:
                    cause = "other:" + "/".join(sorted(sig))
                elif actor_of(ia) != actor_of(ib):
                    cause = "actor"
                elif _KIND.get(ia.signal) != _KIND.get(ib.signal):
                    cause = "kind"
                else:
                    cause = "refused:" + _KIND.get(ib.signal, "?")
                causes[cause.split(":")[0] if cause.startswith("other") else cause] += 1
                if args.verbose:
                    d = decision_of.get(kb)
                    print(
                        f"  [{name}] {cause} {tid}:\n     A {ia.signal}/{ia.category} {actor_of(ia)} {ia.year} {ia.quote[:110]!r}"
                        f"\n     B {ib.signal}/{ib.category} {actor_of(ib)} {ib.year} {ib.quote[:110]!r}"
                        f"\n     -> {d.rule if d else '?'} {d.score if d else ''}"
                    )
                    if cause == "refused:ask" and model is not None:
                        f = featurize(ia, ib)
                        print(
                            f"     model P {model.probability(f):.2f} (threshold {model.threshold:.2f}) "
                            + " ".join(f"{n}={v:.2f}" for n, v in zip(NEED_FEATURES, f, strict=True))
                        )
                        print(f"     B went to thread {thread_of.get(kb)}; A is in {thread_of.get(ka)}")

        c, p, g = bench.link_counts(corpus.gold, bench._match(corpus.gold, linked.threads))
        sums = [sums[0] + c, sums[1] + p, sums[2] + g]
        print(f"{name:8} {train_links.prf(c, p, g)}  missed: " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))
        total += causes
    print("all      " + train_links.prf(*sums) + "  missed: " + ", ".join(f"{k} {v}" for k, v in total.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
