"""The glossary's stem index with only the vocabulary's first pairs built up front (issue 19).

`_Index(sentences, heads=...)` indexes only the pairs in `heads`; any other pair is found by
one scan of the sentences when first asked. Either way it must answer exactly as the index of
every pair: the same sentence indexes, in order, each once, for pairs and longer runs.
"""

from __future__ import annotations

import itertools
import random

import pytest

from forumlens.tag.glossary import _Index, _Sentence, _vocabulary_heads, extract_glossary
from forumlens.text import stems
from forumlens.transcript.parse import parse_transcript

SENTENCES = [
    "Digital inclusion matters for rural schools.",
    "We asked for digital inclusion funding, and digital inclusion again.",
    "Rural schools need connectivity; rural schools need teachers.",
    "Nothing here about it.",
    "Open data portals help open data users.",
    "",
]


def _sentences(texts: list[str]) -> list[_Sentence]:
    return [_Sentence(text, i + 1, None) for i, text in enumerate(texts)]


def _asked(texts: list[str]) -> list[tuple[str, ...]]:
    """Every run of 1 to 7 stems of the texts, plus some runs no text holds."""
    runs: set[tuple[str, ...]] = {("rural", "teacher"), ("nobodi", "said"), ("digit",)}
    for text in texts:
        st = tuple(stems(text))
        runs |= {st[i : i + n] for n in range(1, 8) for i in range(len(st) - n + 1)}
    return sorted(runs)


@pytest.mark.parametrize(
    "heads",
    [
        frozenset(),  # nothing up front: every pair scanned when asked
        frozenset({tuple(stems("digital inclusion")), tuple(stems("rural schools"))}),
        frozenset({("open", "data"), ("not", "there")}),  # a head no sentence holds
    ],
)
def test_a_partial_index_answers_as_the_full_one(heads: frozenset[tuple[str, ...]]) -> None:
    sentences = _sentences(SENTENCES)
    full, partial = _Index(sentences), _Index(sentences, heads=heads)
    for seq in _asked(SENTENCES):
        assert partial.occurrences(seq) == full.occurrences(seq), seq


def test_an_answer_lists_each_sentence_once_in_order() -> None:
    index = _Index(_sentences(SENTENCES), heads=frozenset())
    assert index.occurrences(tuple(stems("digital inclusion"))) == [0, 1]
    assert index.occurrences(tuple(stems("rural schools need"))) == [2]
    assert index.occurrences(tuple(stems("rural teachers"))) == []


def test_random_sentences_agree() -> None:
    rng = random.Random(19)
    words = ["data", "open", "access", "rural", "school", "digital", "inclusion", "fund", "the", "of"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(60)]
    sentences = _sentences(texts)
    pairs = sorted({p for t in texts for p in itertools.pairwise(stems(t))})
    heads = frozenset(pairs[::3])
    full, partial = _Index(sentences), _Index(sentences, heads=heads)
    for seq in _asked(texts):
        assert partial.occurrences(seq) == full.occurrences(seq), seq


def test_the_vocabulary_heads_are_pairs() -> None:
    heads = _vocabulary_heads()
    assert heads and all(len(h) == 2 for h in heads)


def test_a_session_glossary_is_the_same_with_every_pair_indexed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        ">> ANA MOREL: Meaningful connectivity is what we mean by access that is useful.\n"
        ">> BEN OKAFOR: Meaningful connectivity needs affordable devices and digital skills.\n"
        ">> ANA MOREL: Digital skills and meaningful connectivity go together, and the NRI network agrees.\n"
    )
    session = parse_transcript(text)
    partial = [t.to_json() for t in extract_glossary(session)]
    assert [t["term"] for t in partial] == ["Meaningful connectivity", "digital skills", "NRI"]
    monkeypatch.setattr("forumlens.tag.glossary._vocabulary_heads", lambda: None)
    assert [t.to_json() for t in extract_glossary(session)] == partial
