"""Summary quality benchmark: forumlens takeaways vs Lead-k, LexRank and TextRank.

Run:  python bench/summaries.py [--markdown] [--readability]

For every transcript with a reference (`X.txt` next to `X.takeaways.md`: the shared
IGF 2021 main session and the sessions written for tests/resources/summarise), it
builds the forumlens report and scores it with ROUGE-1/2/L F1 (rouge-score, Porter
stemming) against the reference. Two tasks:

- `takeaways`: our key takeaways vs the reference "Key takeaways";
- `report`: takeaways + calls to action vs the reference takeaways + calls to action.

Baselines run in the same process on the same sentence units (our caption-robust
splitter; sumy's default tokenizer needs NLTK data we cannot download) and are cut to
exactly the same number of words as our output, so length cannot explain a difference.
It also prints output lengths and the share of bullets whose citations pass
`check_citations` (must be 100 %). Needs the `bench` extra: rouge-score, sumy.

Reports are built as the pipeline stores them (with the resolve and analyse findings,
which the takeaways' importance signals read); `--bare` builds them from the transcript
alone. The held-out sets of stop 18 (tests/resources/summarise/held_out, see its README)
stop 19 (`held_out2`), stop 20 (`held_out3`) and stop 21 (`held_out4`; first runs in their
first-run.txt) were scored once and are development data now. This round's held-out set
(`bench/blind_round.py`: `held_out5` in round 7) is in `SOURCES` but excluded by default: only
`--held-out` reads it (a missing folder is skipped with a note).

`--readability` instead scores whether the bullets read as sentences a policy officer
can paste (issue 23): over every bullet of the sessions above (takeaways, calls to
action, speaker points; open questions are questions by design) built from the full
analysis as the pipeline stores it, and of topic briefs over all of them (`TOPICS`), the
share that are self-contained declarative sentences (automatic checks: a finite verb,
not a question, no dangling pronoun subject, no leading conjunction, not a vocative, not
procedure), the mean length in words, and the first-person bullets without attribution
(neither "Name (Org): " nor under the speaker's own heading). Goals: 100 %, 0. It also
prints each topic brief's size: points, words of the points, words of its Markdown
(with the numbered Sources list).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from forumlens.models import Session
from forumlens.summarise import build_report, check_citations
from forumlens.summarise.labels import PREFIXES
from forumlens.summarise.models import Bullet
from forumlens.summarise.units import session_units
from forumlens.transcript.parse import parse_transcript

sys.path.insert(0, str(Path(__file__).resolve().parent))
from summary_sources import EXCLUDED_BY_DEFAULT, pairs


class CaptionTokenizer:
    """sumy tokenizer interface over our own splitting (no NLTK data needed)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from forumlens.transcript.sentences import sentence_texts

        return tuple(sentence_texts(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", sentence))


def reference_sections(markdown: str) -> dict[str, list[str]]:
    """Numbered items under each `## ` heading of a reference file."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:].strip().lower()
            sections[current] = []
        elif current and re.match(r"^\s*(\d+\.|[-*])\s+", line):
            sections[current].append(re.sub(r"^\s*(\d+\.|[-*])\s+", "", line).strip())
    return sections


def cut_words(sentences: Sequence[str], budget: int) -> str:
    """Sentences in order until `budget` words, the last one cut to fit exactly."""
    out: list[str] = []
    for s in sentences:
        words = s.split()
        room = budget - sum(len(x.split()) for x in out)
        if room <= 0:
            break
        out.append(" ".join(words[:room]))
    return "\n".join(out)


def lead(sentences: Sequence[str], budget: int) -> str:
    return cut_words(sentences, budget)


def sumy_baseline(summarizer_cls: Callable[..., object]) -> Callable[[Sequence[str], int], str]:
    def run(sentences: Sequence[str], budget: int) -> str:
        tokenizer = CaptionTokenizer()
        document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
        summarizer = summarizer_cls(Stemmer("english"))  # type: ignore[operator]
        summarizer.stop_words = get_stop_words("english")  # type: ignore[attr-defined]

        def until_budget(infos: list) -> list:  # best-rated first, until the budget is reached
            chosen, words = [], 0
            for info in infos:
                if words >= budget:
                    break
                chosen.append(info)
                words += len(str(info.sentence).split())
            return chosen

        picked = [str(s) for s in summarizer(document, until_budget)]  # type: ignore[operator]
        return cut_words(picked, budget)

    return run


BASELINES = {"lead-k": lead, "lexrank": sumy_baseline(LexRankSummarizer), "textrank": sumy_baseline(TextRankSummarizer)}


def run(
    markdown: bool = False,
    only: Sequence[str] = (),
    exclude: Sequence[str] = (),
    bare: bool = False,
    include: Sequence[Path] = (),
    wins: bool = False,
) -> int:
    """ROUGE of the takeaways (and takeaways + calls to action) against every baseline.

    The report is built as the pipeline stores it: from the session and what the resolve
    and analyse stages found (`analyse_session`: cast, coalitions presented, asks with
    their commitments, questions), which the takeaways' importance signals read. `bare`
    builds it from the transcript alone (the stop-17 setting: asks inferred, no cast).
    `wins` prints, instead of the table, each reference's takeaways against every baseline
    by set folder (`format_wins`).
    """
    from forumlens.pipeline import analyse_session

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    rows: list[tuple[str, str, str, float, float, float, int]] = []
    cited_ok = cited_all = 0
    folders: dict[str, str] = {}
    for txt, ref in pairs(only, exclude, include):
        folders[txt.stem] = txt.parent.name
        session: Session = parse_transcript(txt.read_text("utf-8"), source=txt.name, sha256=txt.name)
        report = build_report(session, None if bare else analyse_session(session))
        problems = check_citations(report, [session])
        bad = {p.split(".citations")[0] for p in problems}
        for section, bullet in report.bullets():
            cited_all += 1
            cited_ok += all(not p.startswith(section) for p in bad) and bool(bullet.citations)
        refs = reference_sections(ref.read_text("utf-8"))
        sentences = [u.text for u in session_units(session)]
        tasks = {
            "takeaways": ([b.text for b in report.takeaways], refs.get("key takeaways", [])),
            "report": (
                [b.text for b in report.takeaways + report.calls_to_action],
                refs.get("key takeaways", []) + refs.get("calls to action", []),
            ),
        }
        for task, (ours, reference) in tasks.items():
            system = "\n".join(ours)
            budget = len(system.split())
            outputs = {"forumlens": system, **{name: fn(sentences, budget) for name, fn in BASELINES.items()}}
            for name, text in outputs.items():
                s = scorer.score("\n".join(reference), text)
                rows.append(
                    (
                        txt.stem,
                        task,
                        name,
                        s["rouge1"].fmeasure,
                        s["rouge2"].fmeasure,
                        s["rougeL"].fmeasure,
                        len(text.split()),
                    )
                )
    print(format_wins(rows, folders) if wins else format_table(rows, markdown))
    share = 100.0 * cited_ok / max(1, cited_all)
    print(f"\nbullets with valid citations: {cited_ok}/{cited_all} ({share:.1f} %)")
    return 0 if share == 100.0 else 1


TOPICS = (
    "funding and financial support",
    "capacity building",
    "accessibility",
    "meaningful access",
    "community networks",
    "misinformation",
)
# What a reader sees but the checks ignore: the attribution prefix and the credit marker.
_PREFIX = re.compile(
    r"^(?:(?:[A-Z][\w'‑.-]+(?: (?:de |da |van |von |del |della |di |du |dos |das |el |al |bin |ibn |le |la )?[A-Z][\w'‑.-]+)+|[A-Z]{2,}[A-Z ]*)(?: \([^)]{1,120}\))?"
    r"|" + "|".join(map(re.escape, PREFIXES.values())) + r"): (?=\S)"
)
_MARKER = re.compile(r"\s*(?:—[^—]*\(caption label unclear\)|\((?:inferred|unattributed): caption label flagged\))\s*$")


def readability_faults(text: str, attributed: bool, speakers: Sequence[str | None] = ()) -> list[str]:
    """What keeps a bullet from reading as a self-contained declarative sentence ([] = none).

    A bullet opening with the attribution the rendering writes for a speaker it cites
    (`rewrite.attributed_to`: "Dewi: I will ...", "Juror 11: ...", one word is a name) is
    attributed, as is one opening with a name of two or more words or a caption's role.
    """
    from forumlens.summarise import rewrite

    body = _MARKER.sub("", text)
    if rewrite.attributed_to(body, speakers):
        prefixed, body = True, body.split(": ", 1)[1]
    else:
        prefixed = bool(_PREFIX.match(body))
        body = _PREFIX.sub("", body)
    faults = []
    why = rewrite.problem(body)
    if why == "fragment":
        first = body.split()[0].lower() if body.split() else ""
        why = "leading conjunction" if re.match(r"(and|but|or|so|because|which|that|as)\b", first) else why
    if why:
        faults.append(why)
    if rewrite.dangling(body.split(". ")[0]):
        faults.append("dangling subject")
    if rewrite.first_person(body) and not (attributed or prefixed):
        faults.append("first person without attribution")
    return faults


def _cited(bullet: Bullet) -> list[str | None]:
    """Whom a bullet's citations credit and whose voice they carry: the people an
    attribution before the bullet may name."""
    return [who for c in bullet.citations for who in (c.speaker, c.voiced_by)]


def readability(only: Sequence[str] = (), exclude: Sequence[str] = (), include: Sequence[Path] = ()) -> int:
    """The readability rubric (module docstring); prints the shares and the faulty bullets."""
    from forumlens.pipeline import analyse_session
    from forumlens.summarise import brief_topic

    # (where, text, attributed by its heading, the speakers its citations credit)
    bullets: list[tuple[str, str, bool, list[str | None]]] = []
    sources = []
    for txt, _ref in pairs(only, exclude, include):
        session = parse_transcript(txt.read_text("utf-8"), source=txt.name, sha256=txt.name)
        analyses = analyse_session(session)
        sources.append((session, analyses))
        report = build_report(session, analyses)
        for section, bullet in report.bullets():
            if section != "open_questions":
                bullets.append((f"{txt.stem}/{section}", bullet.text, section.startswith("speakers/"), _cited(bullet)))
    from forumlens.summarise.render import render_markdown

    sizes = []  # (topic, points, words of the points, words of the Markdown with its Sources list)
    for topic in TOPICS:
        brief = brief_topic(topic, sources)
        points = list(brief.bullets())
        for section, bullet in points:
            bullets.append((f"topic {topic}/{section}", bullet.text, False, _cited(bullet)))
        body = sum(len(_MARKER.sub("", b.text).split()) for _s, b in points)
        sizes.append((topic, len(points), body, len(render_markdown(brief).split())))
    faulty = [
        (where, text, f) for where, text, attributed, who in bullets if (f := readability_faults(text, attributed, who))
    ]
    first = sum(1 for *_x, f in faulty if "first person without attribution" in f)
    clean = len(bullets) - sum(1 for *_x, f in faulty if set(f) - {"first person without attribution"})
    words = sum(len(_MARKER.sub("", text).split()) for _w, text, _a, _s in bullets) / max(1, len(bullets))
    for where, text, f in faulty:
        print(f"- [{', '.join(f)}] {where}: {text[:140]}")
    print(f"\nbullets: {len(bullets)}")
    print(
        f"self-contained declarative sentences: {clean}/{len(bullets)} ({100.0 * clean / max(1, len(bullets)):.1f} %)"
    )
    print(f"mean length: {words:.1f} words")
    print(f"first-person bullets without attribution: {first}")
    for topic, n, body, md in sizes:
        print(f"topic brief '{topic}': {n} points, {body} words of points, {md} words of Markdown with Sources")
    return 0


def format_wins(rows: Sequence[tuple[str, str, str, float, float, float, int]], folders: Mapping[str, str]) -> str:
    """Per reference (takeaways task), by set folder: whether ours beats every baseline on
    R-2 and on R-L (W / L), with the margin to the best baseline, then the wins per folder."""
    scores: dict[str, dict[str, tuple[float, float]]] = {}
    for stem, task, system, _r1, r2, rl, _words in rows:
        if task == "takeaways":
            scores.setdefault(stem, {})[system] = (r2, rl)
    lines = [f"{'set':<11} {'session':<40} {'R-2':>14} {'R-L':>14}"]
    tally: dict[str, list[int]] = {}
    for stem, by in scores.items():
        ours, others = by["forumlens"], [v for k, v in by.items() if k != "forumlens"]
        marks = []
        for i in (0, 1):
            best = max(v[i] for v in others)
            marks.append(("W" if ours[i] > best else "L", ours[i] - best))
        folder = folders.get(stem, "")
        t = tally.setdefault(folder, [0, 0, 0])
        t[0] += 1
        t[1] += marks[0][0] == "W"
        t[2] += marks[1][0] == "W"
        cells = " ".join(f"{m} {d:+.3f}".rjust(14) for m, d in marks)
        lines.append(f"{folder:<11} {stem[:40]:<40} {cells}")
    lines.append("")
    for folder, (n, w2, wl) in tally.items():
        lines.append(f"{folder:<11} wins R-2 {w2}/{n}, R-L {wl}/{n}")
    return "\n".join(lines)


def format_table(rows: Sequence[tuple[str, str, str, float, float, float, int]], markdown: bool) -> str:
    """Per session and task, then the mean over sessions per task and system."""
    lines = []
    head = ("session", "task", "system", "R-1", "R-2", "R-L", "words")
    fmt = "| {} | {} | {} | {} | {} | {} | {} |" if markdown else "{:<34} {:<10} {:<10} {:>6} {:>6} {:>6} {:>6}"
    lines.append(fmt.format(*head))
    if markdown:
        lines.append("|---|---|---|---:|---:|---:|---:|")
    for r in rows:
        lines.append(fmt.format(r[0][:34], r[1], r[2], f"{r[3]:.3f}", f"{r[4]:.3f}", f"{r[5]:.3f}", r[6]))
    groups: dict[tuple[str, str], list[tuple[str, str, str, float, float, float, int]]] = {}
    for r in rows:
        groups.setdefault((r[1], r[2]), []).append(r)
    for (task, system), rs in groups.items():
        n = len(rs)
        lines.append(
            fmt.format(
                "MEAN",
                task,
                system,
                f"{sum(r[3] for r in rs) / n:.3f}",
                f"{sum(r[4] for r in rs) / n:.3f}",
                f"{sum(r[5] for r in rs) / n:.3f}",
                round(sum(r[6] for r in rs) / n),
            )
        )
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for BENCHMARKS.md)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="only sessions whose file name contains NAME (repeatable)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="NAME",
        help="skip sessions whose file name contains NAME (repeatable; e.g. held-out sets while tuning)",
    )
    parser.add_argument(
        "--readability",
        action="store_true",
        help="score whether the bullets read as self-contained sentences (issue 23) instead of ROUGE",
    )
    parser.add_argument(
        "--bare",
        action="store_true",
        help="build reports from the transcript alone, without the resolve/analyse findings (the stop-17 setting)",
    )
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="also score this round's held-out set (bench/blind_round.py; the lead's one final run)",
    )
    parser.add_argument(
        "--wins",
        action="store_true",
        help="print, per reference and set folder, whether the takeaways beat every baseline on R-2 and R-L",
    )
    args = parser.parse_args()
    include = sorted(EXCLUDED_BY_DEFAULT) if args.held_out else []
    if args.readability:
        sys.exit(readability(args.only, args.exclude, include))
    sys.exit(run(args.markdown, args.only, args.exclude, args.bare, include, args.wins))
