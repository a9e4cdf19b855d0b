"""`actions.quote_offsets` finds a quote where `re.finditer(re.escape(quote), text)` does.

A speed change (issue 19): citing no longer compiles a pattern per quote. The offsets must be
the same, left to right and never overlapping ("aa" in "aaaa" at 0 and 2), for real quotes
in real turns and for random texts and quotes.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.summarise.actions import quote_offsets

from .conftest import CORPUS


def _plain(text: str, quote: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(quote), text)]


def test_overlapping_occurrences_are_not_counted_twice() -> None:
    assert quote_offsets("aaaa", "aa") == _plain("aaaa", "aa") == [0, 2]
    assert quote_offsets("abcabc", "c") == [2, 5]
    assert quote_offsets("abc", "d") == []


def test_every_phrase_of_the_shared_transcript() -> None:
    text = next(iter(sorted(CORPUS.glob("*.txt")))).read_text("utf-8")
    words = text.split()
    checked = 0
    for i in range(0, len(words) - 6, 37):
        for n in (1, 2, 6):
            quote = " ".join(words[i : i + n])
            assert quote_offsets(text, quote) == _plain(text, quote), quote
            checked += 1
    assert checked > 300


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab. (*İı", max_size=40), st.text(alphabet="ab. (*İı", min_size=1, max_size=4))
def test_random_texts_and_quotes(text: str, quote: str) -> None:
    assert quote_offsets(text, quote) == _plain(text, quote)
