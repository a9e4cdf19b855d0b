"""Speed work on the glossary's acronym expansion must give the plain code's answers (issue 19).

Two steps were made cheaper: `_runs` tries only the words where the content words' initials
spell the acronym (found with `str.find` on `_Words.spelled`) instead of every content word
with its first letter, and `_expand` reads the prefix before an acronym from the last space
before its 90-character window instead of from the sentence start. Both are compared here
with the plain code on every sentence of real transcripts and on random strings.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from forumlens.tag import glossary
from forumlens.tag.glossary import _runs
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sentences import split_sentences

HERE = Path(__file__).resolve().parent
SOURCES = [
    HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((HERE.parent / "examples").glob("*.txt")),
    *sorted((HERE / "resources" / "summarise").glob("*.txt")),
]
ACRONYMS = ["IGF", "UN", "DC", "ITU", "OECD", "BPF", "MAG", "DCs", "ICT", "SDG", "API", "NRI", "CSO", "AI", "ID"]


def _plain_starts(info: glossary._Words, word: str) -> Iterator[int]:
    """Where `_runs` started as it was: every content word with the acronym's first initial."""
    return (i for i in info.content if info.initial[i] == word[0])


def _plain_runs(sentence: str, acronym: str) -> list[tuple[int, int]]:
    """`_runs` with the plain starts (the rest of its loop is unchanged)."""
    with mock.patch.object(glossary, "_run_starts", _plain_starts):
        return _runs(sentence, acronym)


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = []
    for path in SOURCES:
        for turn in parse_transcript(path.read_text("utf-8")).turns:
            found += [turn.text[a:b] for a, b in split_sentences(turn.text)]
    assert len(found) > 1000
    return found


def _acronyms_of(text: str) -> list[str]:
    """Acronyms some run of `text` spells (the initials of 2-4 consecutive words), and fixed ones."""
    words = [w for w in text.split() if w[:1].isalpha()]
    made = {"".join(w[0] for w in words[i : i + k]).upper() for k in (2, 3, 4) for i in range(len(words) - k + 1)}
    return ACRONYMS + sorted(made)[:6]


def test_runs_are_the_plain_runs_on_real_sentences(sentences):
    found = 0
    for text in sentences:
        for acronym in _acronyms_of(text):
            runs = _runs(text, acronym)
            assert runs == _plain_runs(text, acronym), (text, acronym)
            found += len(runs)
    assert found > 500


def test_runs_are_the_plain_runs_on_random_strings():
    # capital İ lower-cases to two characters: the initials no longer line up with the words
    words = ["Internet", "Governance", "Forum", "of", "the", "and", "United", "Nations", "İstanbul", "ünited"]
    words += ["Dynamic", "Coalition", "data", "in", "to", ".", ";", "(", "Ünal", "it's", "x"]
    rng = random.Random(19)
    for _ in range(5_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 16)))
        for acronym in ("IGF", "UN", "DC", "IUN", "ÜN", "II", "DCD", "GF"):
            assert _runs(text, acronym) == _plain_runs(text, acronym), (text, acronym)


def test_a_prefix_read_from_a_space_has_the_runs_that_start_after_it(sentences):
    """What `_expand` relies on: no word spans a space, so the runs of `text[cut:]` are the
    runs of `text` that start after `cut`, shifted, in the same order."""
    checked = 0
    for text in sentences[:400]:
        spaces = [i for i, c in enumerate(text) if c == " "][::3]
        for acronym in [*_acronyms_of(text)[-4:], "IGF", "DC"]:
            whole = _runs(text, acronym)
            for cut in spaces:
                shifted = [(a + cut, b + cut) for a, b in _runs(text[cut:], acronym)]
                assert shifted == [(a, b) for a, b in whole if a > cut], (text, acronym, cut)
                checked += 1
    assert checked > 1000
