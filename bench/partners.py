"""Partner suggestions benchmark: are the suggested partners sound, and is their evidence about the pair?

    python bench/partners.py [--dump]      # from the repository root

A store is built from the shared transcript, `tests/resources/semantic/` and the small
transcripts of `bench/data/partners/` (written for this benchmark: coalitions that work on
the same topic in different sessions, and coalitions that only share ordinary words such
as "cannot", "data", "moderate"). Every coalition on record asks for 5 partners (words and
tags only: no vectors). `bench/data/partners/judgments.tsv` says, for pairs (asker,
candidate), whether a partnership is `sound` (their own words share a topic: rural
connectivity, health data and consent, device and DNS security) or `unsound`.

Printed: precision of the suggestions (sound / judged), the sound pairs found, the
suggestions nobody judged; shared words that are no topic (the generic words listed in the
judgments file's header); and for evidence, how many quotes share no shared word of the
pair, and the most candidates one asker is shown the same quote for. `--dump` prints
every suggestion with its reasons and evidence.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.semantic import suggest_partners
from forumlens.semantic.actors import actors_on_record
from forumlens.store import open_store
from forumlens.text.stems import stem

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "partners"
SOURCES = [
    ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    ROOT / "tests" / "resources" / "semantic",
    DATA,
]


def read_judgments(path: Path = DATA / "judgments.tsv") -> tuple[dict[tuple[str, str], str], set[str]]:
    """(asker, candidate) → sound|unsound, and the generic words named in the `# generic:` line."""
    pairs: dict[tuple[str, str], str] = {}
    generic: set[str] = set()
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        if raw.startswith("# generic:"):
            generic = set(raw.split(":", 1)[1].split())
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < 3 or cells[2] not in {"sound", "unsound"}:
            raise SystemExit(f"{path}:{n}: expected asker, candidate, sound|unsound, why")
        pairs[(cells[0], cells[1])] = cells[2]
    return pairs, generic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", action="store_true", help="print every suggestion")
    args = parser.parse_args()
    judged, generic = read_judgments()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        try:
            ingest_paths(store, [p for p in SOURCES if p.exists()], IngestOptions(max_bytes=5_000_000))
            askers = sorted(actors_on_record(store))
            found = {name: suggest_partners(store, name, 5, use_vectors=False) for name in askers}
        finally:
            store.close()
    labels: Counter[str] = Counter()
    unjudged, generic_shown, quotes, unrelated = [], Counter[str](), 0, 0
    worst_repeat = (0, "", "")
    for asker, partners in found.items():
        seen: Counter[str] = Counter()
        for p in partners:
            label = judged.get((asker, p.name))
            labels[label or "unjudged"] += 1
            if label is None:
                unjudged.append((asker, p.name))
            shared = [w for r in p.reasons if r.startswith("shared words: ") for w in r[14:].split(", ")]
            generic_shown.update(w for w in shared if w in generic)
            stems_shared = {stem(w) for w in shared}
            for c in p.evidence:
                quotes += 1
                seen[c.quote] += 1
                if not stems_shared & {stem(w) for w in c.quote.lower().replace("’", "'").split()}:
                    unrelated += 1
            if args.dump:
                print(f"{asker} -> {p.name} [{p.score:.3f}] {label or '?'}")
                for r in p.reasons:
                    print("    ", r)
                for c in p.evidence:
                    print(f"     {c.session}:{c.line} {c.speaker}: {c.quote[:150]}")
        if seen:
            quote, n = seen.most_common(1)[0]
            worst_repeat = max(worst_repeat, (n, asker, quote[:80]))
    judged_n = labels["sound"] + labels["unsound"]
    sound_pairs = sum(v == "sound" for v in judged.values())
    found_sound = sum(1 for (a, c), v in judged.items() if v == "sound" and any(p.name == c for p in found.get(a, [])))
    print(f"askers: {len(found)}; suggestions: {sum(labels.values())} ({labels['unjudged']} not judged)")
    if judged_n:
        print(f"precision: {labels['sound']}/{judged_n} = {labels['sound'] / judged_n:.3f}")
    print(f"sound pairs suggested: {found_sound}/{sound_pairs}")
    print(f"generic words shown as shared: {sum(generic_shown.values())} {dict(generic_shown.most_common(8))}")
    print(f"evidence quotes: {quotes}; sharing no shared word of the pair: {unrelated}")
    print(f"most candidates shown one quote (one asker): {worst_repeat[0]} ({worst_repeat[1]}: {worst_repeat[2]!r})")
    for a, c in unjudged:
        print("  not judged:", a, c, sep="\t")


if __name__ == "__main__":
    main()
