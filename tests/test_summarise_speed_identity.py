"""Speed work on the summarise stage must give the answers of the plain code (issue 19).

Three steps were made cheaper without changing their results: the test for a clause
window cut off on a function word reads only the last word (`spans.dangling`) instead of
searching the whole window; a single window's vector is built against an IDF whose
largest value is computed once (`rank.vector_of`); the finding / decision / disagreement
cues sit behind a literal prefilter (`rank._importance_cues`). Later (issue 19, stop 25):
the caption-stutter pattern runs only where two equal runs of words stand side by side
(`compress._may_stutter`), and the evidence, directive, summary and decision patterns sit
behind their literal prefilters. Each is compared here with the plain code on every
sentence and clause of real transcripts, and on random strings.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from forumlens.summarise.compress import _STUTTER, _UNSTUTTER, _may_stutter
from forumlens.summarise.rank import (
    DECISION,
    DIRECTIVE,
    DISAGREEMENT,
    EVIDENCE,
    FINDING,
    SUMMARY,
    _importance_cues,
    _is_summary,
    is_directive,
    states_evidence,
    vector_of,
    vectorise,
)
from forumlens.summarise.roles import _DECISION, _DECISION_CUE
from forumlens.summarise.spans import _DANGLING, dangling
from forumlens.summarise.units import session_units
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
SOURCES = [
    HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((HERE.parent / "examples").glob("*.txt")),
    *sorted((HERE / "resources" / "summarise").glob("*.txt")),
]


@pytest.fixture(scope="module")
def units():
    found = [u for path in SOURCES for u in session_units(parse_transcript(path.read_text("utf-8")))]
    assert len(found) > 500
    return found


def _tails(text: str) -> list[str]:
    """The text cut after each of its words, with the punctuation that followed kept or not."""
    words = text.split(" ")
    return [" ".join(words[: i + 1]) for i in range(len(words))] + [
        " ".join(words[:i]) + " ," for i in range(len(words))
    ]


def test_dangling_answers_as_the_pattern_on_every_clause_cut_of_real_sentences(units):
    checked = 0
    for unit in units:
        for tail in _tails(unit.text):
            assert dangling(tail) == (_DANGLING.search(tail) is not None), tail
            checked += 1
    assert checked > 10_000


def test_dangling_answers_as_the_pattern_on_random_strings():
    rng = random.Random(20)
    alphabet = list("abcdefghijklmnopqrstuvwxyzTHE _-.,;:!?'\"()0123456789\u00e9\u0130\u017f\u212a\u00df\u2019 \n\t")
    words = ["the", "a", "An", "OF", "to", "and", "or", "but", "that", "which", "is", "so", "its", "their", "these"]
    for _ in range(20_000):
        parts = [rng.choice(words) if rng.random() < 0.4 else "".join(rng.choices(alphabet, k=rng.randint(0, 6)))]
        parts += ["".join(rng.choices(alphabet, k=rng.randint(0, 3)))]
        text = " ".join(parts)
        assert dangling(text) == (_DANGLING.search(text) is not None), repr(text)


def test_a_single_windows_vector_is_the_one_vectorise_builds(units):
    idf = vectorise(units).idf
    default = max(idf.values())
    for unit in units:
        assert vector_of(unit.terms, idf, default) == vectorise([unit], idf).vecs[0]


def test_the_prefiltered_importance_cues_answer_as_the_plain_patterns(units):
    seen = [0, 0, 0]
    for unit in units:
        plain = (
            FINDING.search(unit.text) is not None,
            DECISION.search(unit.text) is not None,
            DISAGREEMENT.search(unit.text) is not None,
        )
        assert _importance_cues(unit.text) == plain, unit.text
        seen = [s + p for s, p in zip(seen, plain, strict=True)]
    assert all(seen), "every cue must occur at least once, or the comparison proves little"


def test_the_stutter_filter_never_skips_a_stutter_in_real_sentences(units):
    matched = skipped = 0
    for unit in units:
        for text in (unit.text, unit.text.upper(), unit.text.replace("\u00a0", " ")):
            plain = _STUTTER.sub(r"\1", text)
            assert _UNSTUTTER.sub(r"\1", text) == plain, text
            if _STUTTER.search(text) is not None:
                matched += 1
                assert _may_stutter(text), text
            skipped += not _may_stutter(text)
    assert matched > 50 and skipped > 1000, (matched, skipped)  # both paths are exercised


def test_the_stutter_filter_never_skips_a_stutter_in_random_strings():
    # case look-alikes (Kelvin sign, long s, dotted I), non-ASCII words, commas, dashes, line breaks
    words = ["the", "The", "THE", "we", "We", "a", "of", "is", "Is", "k", "K", "\u212a", "s", "\u017f", "\u0130", "i"]
    words += ["caf\u00e9", "CAF\u00c9", "x1", "_", "--", ",", "\u00a0", "\n", "  "]
    rng = random.Random(19)
    matched = 0
    for _ in range(30_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))).replace(" ,", ",")
        if _STUTTER.search(text) is not None:
            matched += 1
            assert _may_stutter(text), repr(text)
        assert _UNSTUTTER.sub(r"\1", text) == _STUTTER.sub(r"\1", text), repr(text)
    assert matched > 1000


def test_the_prefiltered_ranking_cues_answer_as_the_plain_patterns(units):
    seen = [0, 0, 0, 0]
    for unit in units:
        clean = " ".join(unit.text.split())
        plain = (
            EVIDENCE.search(unit.text) is not None,
            DIRECTIVE.search(unit.text) is not None,
            SUMMARY.search(unit.text) is not None,
            _DECISION.search(clean) is not None,
        )
        assert (states_evidence(unit.text), is_directive(unit.text), _is_summary(unit.text)) == plain[:3], unit.text
        fast, slow = _DECISION_CUE.search(clean), _DECISION.search(clean)
        assert (fast and fast.span()) == (slow and slow.span()), unit.text
        seen = [s + p for s, p in zip(seen, plain, strict=True)]
    assert all(seen), seen
