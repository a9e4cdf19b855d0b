"""`split_sentences` keeps the pieces of the texts it split (issue 19): the answers must be
those of a fresh split, whatever was asked before, for every `max_chars`, and the memo
must stay bounded."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.transcript import sentences
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sentences import split_sentences

RESOURCES = Path(__file__).parent / "resources"


def _fresh(text: str, max_chars: int) -> list[tuple[int, int]]:
    sentences._kept_pieces.cache_clear()
    return split_sentences(text, max_chars)


def _turn_texts() -> list[str]:
    files = sorted((RESOURCES / "summarise").glob("*.txt"))[:4] + sorted((RESOURCES / "parse").rglob("*.txt"))[:6]
    assert files, "no development transcripts found"
    return [t.text for f in files for t in parse_transcript(f.read_text("utf-8")).turns if t.text.strip()]


def test_kept_pieces_answer_as_a_fresh_split_for_every_max_chars() -> None:
    texts = _turn_texts()
    expected = {(t, m): _fresh(t, m) for t in texts for m in (600, 330, 80)}
    sentences._kept_pieces.cache_clear()
    for m in (330, 600, 80, 600):  # the second and later rounds are answered from the memo
        for text in texts:
            assert split_sentences(text, m) == expected[(text, m)]
    assert any(len(v) > 1 for v in expected.values())  # real multi-sentence turns were split


def test_a_caller_mutating_its_list_does_not_change_the_next_answer() -> None:
    text = "Thank you.  We need funding -- and channels. Mr. Smith agrees"
    first = split_sentences(text)
    first.clear()
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Thank you.",
        "We need funding -- and channels.",
        "Mr. Smith agrees",
    ]


def test_the_memo_is_bounded_in_count_and_keeps_no_long_text() -> None:
    sentences._kept_pieces.cache_clear()
    for i in range(sentences._KEPT_TEXTS + 50):
        split_sentences(f"Sentence {i}. Another one.")
    info = sentences._kept_pieces.cache_info()
    assert info.currsize == sentences._KEPT_TEXTS and info.misses == sentences._KEPT_TEXTS + 50
    long = "Word. " * (sentences._KEPT_CHARS // 6 + 1)  # longer than a kept text may be
    first = split_sentences(long)
    assert split_sentences(long) == first and len(first) == sentences._KEPT_CHARS // 6 + 1
    assert sentences._kept_pieces.cache_info().misses == info.misses  # split fresh, never kept


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet="ab .?!\n>\u2026\"')Mr-,0A", min_size=0, max_size=120),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=5, max_value=700),
)
def test_random_texts_in_any_order(texts: list[str], max_chars: int) -> None:
    expected = [_fresh(t, max_chars) for t in texts]
    for text in texts:  # warm: several texts, some equal, kept together
        split_sentences(text, 600)
    assert [split_sentences(t, max_chars) for t in texts] == expected
