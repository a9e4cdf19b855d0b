"""Topic briefs as a policy officer asks for them (issue 23, items 2, 3, 5).

Run:  python bench/topic_briefs.py --db STORE [--dump] [--show]

For each topic of `bench/data/briefs/topics.txt` (one a line: what a UN officer would
ask the store about), it builds the brief exactly as `forumlens brief --topic` does
(`briefs.topic_brief`: candidate sessions from the store, then `brief_topic`) and prints:

- **on-topic share**: points judged on the topic in `bench/data/briefs/on_topic.json`
  (a hand annotation, see its README) over the points judged; a point nobody judged yet
  is counted apart ("unjudged") and listed with `--show`, never guessed;
- **singleton themes**: themes that head one bullet, over all themes;
- **lone-word names**: theme names of a single word that is not a taxonomy label or an
  ask category (issue 23 item 3: "Simple", "Faculty", "WE'RE");
- **size**: points, words of the points, words of the Markdown with its Sources list
  (a 10-point brief should fit two printed pages);
- **citation validity**: citations whose quote `check_citations` finds verbatim.

`--dump` writes every point as a JSON line (topic, session, line, theme, text, quote)
to annotate. The store is the caller's (`--db`, else `FORUMLENS_DB`): the annotation
keys points by session id (a prefix of the content hash) and line, so any store built
from the same files gives the same keys. The store used for the figures in
BENCHMARKS.md: the shared 2021 main session and every development transcript under
tests/resources (never a blind set, never a `first-run.txt`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from forumlens.briefs import topic_brief
from forumlens.store import open_store
from forumlens.summarise import check_citations
from forumlens.summarise.render import render_markdown
from forumlens.summarise.themes import ASK_LABELS, OTHER

DATA = Path(__file__).resolve().parent / "data" / "briefs"


def topics() -> list[str]:
    lines = (DATA / "topics.txt").read_text("utf-8").splitlines()
    return [t.strip() for t in lines if t.strip() and not t.startswith("#")]


def judgments() -> dict[tuple[str, str, int], bool]:
    """(topic, session id, line) -> on topic, from the annotation file."""
    path = DATA / "on_topic.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text("utf-8"))
    return {(j["topic"], j["session"], j["line"]): j["on_topic"] for j in data["points"]}


def taxonomy_labels() -> set[str]:
    from forumlens.tag.taxonomy import load_taxonomy

    labels = {e.label.lower() for scheme in ("sdg", "issue-area", "gdc") for e in load_taxonomy(scheme).entries}
    return labels | {v.lower() for v in ASK_LABELS.values()} | {OTHER.lower()}


def lone_word(title: str, known: set[str]) -> bool:
    return len(title.split()) == 1 and title.lower() not in known


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=os.environ.get("FORUMLENS_DB"), help="the store (default $FORUMLENS_DB)")
    ap.add_argument("--dump", action="store_true", help="print every point as a JSON line to annotate")
    ap.add_argument("--show", action="store_true", help="print each brief's themes and points")
    args = ap.parse_args(argv)
    if not args.db:
        ap.error("--db or FORUMLENS_DB is required")
    judged = judgments()
    known = taxonomy_labels()
    store = open_store(args.db, readonly=True, create=False)
    totals = dict(points=0, on=0, off=0, unjudged=0, themes=0, single=0, lone=0, cites=0, valid=0)
    rows = []
    for topic in topics():
        brief = topic_brief(store, topic)
        ids = {c.session for _s, b in brief.bullets() for c in b.citations if c.session}
        sessions = {sid: store.load_session(sid) for sid in ids}
        analyses: dict[str, Any] = {sid: store.analyses(sid) for sid in ids}
        problems = check_citations(brief, sessions, analyses)
        n_cites = sum(len(b.citations) for _s, b in brief.bullets())
        on = off = unjudged = 0
        for theme in brief.themes:
            for b in theme.bullets:
                c = b.citations[0]
                key = (topic, c.session or "", c.line)
                verdict = judged.get(key)
                on += verdict is True
                off += verdict is False
                unjudged += verdict is None
                if args.dump:
                    record = {"topic": topic, "session": c.session, "line": c.line, "theme": theme.title}
                    print(json.dumps({**record, "text": b.text, "quote": c.quote}, ensure_ascii=False))
                if args.show:
                    mark = {True: "+", False: "-", None: "?"}[verdict]
                    print(f"  {mark} [{theme.title}] {c.session}:{c.line} {b.text[:150]}")
        themes = len(brief.themes)
        single = sum(1 for t in brief.themes if len(t.bullets) == 1)
        lone = sum(1 for t in brief.themes if lone_word(t.title, known))
        points = on + off + unjudged
        words = sum(len(b.text.split()) for _s, b in brief.bullets())
        md = len(render_markdown(brief).split())
        rows.append((topic, points, on, off, unjudged, themes, single, lone, words, md))
        for k, v in dict(
            points=points, on=on, off=off, unjudged=unjudged, themes=themes, single=single, lone=lone
        ).items():
            totals[k] += v
        totals["cites"] += n_cites
        totals["valid"] += n_cites - len(problems)
        if args.show:
            print(f"= {topic}: {[(t.title, len(t.bullets)) for t in brief.themes]}\n")
    if args.dump:
        return 0
    print("| topic | points | on | off | unjudged | themes | 1-bullet | lone word | words | Markdown words |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    t = totals
    print(
        f"\non topic: {t['on']}/{t['on'] + t['off']} judged ({100.0 * t['on'] / max(1, t['on'] + t['off']):.1f} %), "
        f"unjudged {t['unjudged']}; themes with one bullet: {t['single']}/{t['themes']}; "
        f"lone-word names: {t['lone']}; citations valid: {t['valid']}/{t['cites']}"
    )
    return 0 if t["valid"] == t["cites"] else 1


if __name__ == "__main__":
    sys.exit(main())
