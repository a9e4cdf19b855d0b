"""How often the IGF template says one point twice (issue 23, item 7).

Run:  python bench/template_repeats.py [--files GLOB ...] [--show] [--json PATH]

`report SESSION --template igf` puts each cited sentence under one heading. A sentence
said under two headings (Key issues raised and Presentations, say) is a repeat: the reader
reads the same point twice and the section whose job it was says nothing of its own.
Each file is parsed, analysed and filled in (`pipeline.analyse_session`, then
`template.igf_report`); over the long form's sections (Organiser to Calls to action; the
short form repeats the long form on purpose, and the Speakers entries cite a sentence to
show where an affiliation is stated) a sentence counts as a repeat when one in an earlier
section quotes the same passage of the same line (one quote holding the other) or reads
nearly the same (content words, Jaccard ≥ .8). Per file it prints the sentences, the
repeats, which pairs of sections they join and how many citations fail the audit
(`check_citations`). The default files are the development
transcripts: `tests/resources/summarise/*.txt`, every `held_out*` folder and the shared
IGF 2021 transcript.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from blind_round import earlier

SHARED = ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt"
LONG_FORM = (
    "Organiser",
    "Key issues raised",
    "Presentations",
    "Discussion",
    "Way forward and key takeaways",
    "Calls to action",
)
NEAR = 0.8


def default_files() -> list[Path]:
    """The development transcripts: the summarise fixtures and every held-out round but the blind one."""
    base = ROOT / "tests" / "resources" / "summarise"
    rounds = earlier("summaries")  # never the blind round's folder (`blind_round.ROUND`)
    files = sorted(base.glob("*.txt")) + sorted(p for d in rounds for p in d.glob("*.txt") if p.name != "first-run.txt")
    shared = Path("/work/shared/corpus/igf2021-dc-main-session.txt")
    return [*files, shared if shared.exists() else SHARED]


def _parts(citations: list[dict[str, Any]]) -> set[tuple[int, str]]:
    return {
        (int(c["line"]), " ".join(p.split()))
        for c in citations
        for p in str(c.get("quote") or "").split("…")
        if p.strip()
    }


def _words(text: str) -> set[str]:
    from forumlens.summarise.units import terms

    return set(terms(text))


def same_point(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two template sentences say one point: a shared quoted passage, or near-same words."""
    mine, theirs = _parts(a["citations"]), _parts(b["citations"])
    if any(la == lb and (qa in qb or qb in qa) for la, qa in mine for lb, qb in theirs):
        return True
    wa, wb = _words(a["text"]), _words(b["text"])
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= NEAR


def repeats(report: dict[str, Any]) -> tuple[int, list[tuple[str, str, str]]]:
    """(sentences in the long form, repeats as (earlier section, later section, text))."""
    seen: list[tuple[str, dict[str, Any]]] = []
    out: list[tuple[str, str, str]] = []
    for section in report["sections"]:
        if section["heading"] not in LONG_FORM:
            continue
        sentences = section["items"] + [s for p in section["paragraphs"] for s in p["sentences"]]
        for s in sentences:
            first = next((h for h, o in seen if h != section["heading"] and same_point(o, s)), None)
            if first is not None:
                out.append((first, section["heading"], s["text"]))
        seen += [(section["heading"], s) for s in sentences]
    return len(seen), out


def template_of(path: Path) -> tuple[dict[str, Any], int]:
    """The file's filled template as JSON, and how many of its citations fail the audit
    (`check_citations`: a quote not verbatim at its line)."""
    from forumlens.pipeline import analyse_session, prepare_document
    from forumlens.read import read_bytes
    from forumlens.summarise import check_citations
    from forumlens.summarise.template import igf_report

    session, meta = prepare_document(read_bytes(path.read_bytes(), str(path)))
    analyses = analyse_session(session)
    analyses["document"] = meta.to_json()
    report = igf_report(session, analyses)
    return report.to_json(), len(check_citations(report, [session]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", nargs="*", help="transcripts (globs); default: the development transcripts")
    ap.add_argument("--show", action="store_true", help="print each repeat")
    ap.add_argument("--json", help="write every file's template JSON here (for a later comparison)")
    args = ap.parse_args(argv)
    files = [Path(p) for g in args.files for p in sorted(glob.glob(g))] if args.files else default_files()
    total_sentences = total_repeats = total_bad = 0
    pairs: Counter[tuple[str, str]] = Counter()
    dump: dict[str, Any] = {}
    for path in files:
        report, bad = template_of(path)
        dump[str(path)] = report
        n, found = repeats(report)
        total_bad += bad
        total_sentences += n
        total_repeats += len(found)
        pairs.update((a, b) for a, b, _ in found)
        print(f"{path.parent.name}/{path.name}: {n} sentences, {len(found)} repeats, {bad} citation problems")
        if args.show:
            for a, b, text in found:
                print(f"    {a} → {b}: {text[:140]}")
    print(f"\n{len(files)} files: {total_sentences} long-form sentences, {total_repeats} repeats")
    print(f"citation problems (check_citations, whole template): {total_bad}")
    for (a, b), k in pairs.most_common():
        print(f"  {k:4d}  {a} → {b}")
    if args.json:
        Path(args.json).write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
