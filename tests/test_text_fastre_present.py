"""forumlens.text.fastre.PatternSet.present: finding heads through the text's grams, or
through one pass of a trie-shaped pattern, is the same answer as one substring search per
head (issue 19 made the asks model's filter use the grams, stop 27 the larger sets the trie).

The reference below is the plain definition: the needles that occur in the folded text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.analyse import askmodel
from forumlens.summarise import procedural, rank
from forumlens.text import fastre
from forumlens.text.fastre import PatternSet, fold
from forumlens.transcript.sentences import split_sentences

from .conftest import MAIN_SESSION

SETS = [askmodel._SET, procedural._HARD_FAST, rank._SIGNALS, rank._IMPORTANCE_CUES]


def _plain(ps: PatternSet, text: str) -> frozenset[str]:
    folded = fold(text)
    return frozenset(n for n in ps.needles if n in folded)


def test_the_asks_model_set_is_large_enough_to_use_grams() -> None:
    # otherwise the tests below would only ever test the per-head path
    assert askmodel._SET._long_heads
    assert not rank._IMPORTANCE_CUES._long_heads  # few heads: one search each is cheaper


def test_the_sets_below_reach_the_trie_and_the_gram_paths() -> None:
    # otherwise the tests below would not reach both paths (issue 19, stop 27). The procedural
    # set grew past the gram threshold in stop 30 (the room's logistics), so it joined the grams.
    assert rank._SIGNALS._trie is not None
    assert procedural._HARD_FAST._trie is not None or procedural._HARD_FAST._long_heads
    assert askmodel._SET._trie is None  # the grams serve it
    assert rank._IMPORTANCE_CUES._trie is None  # few heads: one search each


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab ’.", min_size=3, max_size=3), min_size=1, max_size=20, unique=True),
    st.text(alphabet="ab ’.x", max_size=40),
)
def test_the_trie_finds_exactly_the_heads_in_the_text(heads: list[str], text: str) -> None:
    """Overlapping heads ("aba", "bab" in "ababa") are all found, and only those in the text."""
    assert set(fastre._trie_pattern(heads).findall(text)) == {h for h in heads if h in text}


def test_present_is_the_needles_in_the_text_on_the_real_transcript() -> None:
    lines = MAIN_SESSION.read_text("utf-8").splitlines()
    sentences = [line[a:b] for line in lines for a, b in split_sentences(line)]
    assert len(sentences) > 500
    found = 0
    for ps in SETS:
        for sentence in sentences:
            got = ps.present(sentence)
            assert got == _plain(ps, sentence), sentence
            found += bool(got)
    assert found > 500  # the sentences do hold literals: the comparison is not of empty sets


def test_present_on_short_long_and_folded_texts() -> None:
    ps = askmodel._SET
    long_text = "We call on governments to fund the libraries. " * 200
    assert len(long_text) > fastre._GRAMS_UP_TO  # the per-head path
    for text in ["", "a", "we", "I'm", "WE CALL ON", "ı ſtand with", long_text, long_text[:3999]]:
        assert ps.present(text) == _plain(ps, text), text[:40]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*sorted(askmodel._SET.needles)[::7], "We", " ", "ſ", "İ", ",", "x"]), max_size=30))
def test_present_on_generated_text_full_of_needles(parts: list[str]) -> None:
    text = "".join(parts)
    for ps in SETS:
        assert ps.present(text) == _plain(ps, text)
