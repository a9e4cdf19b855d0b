"""`compress` and `rewrite.restart` with patterns behind literal prefilters give the plain answers (issue 19).

Six of compress's inline filler patterns ("um", "so on", "et cetera", "you know", "by the
way", "I think") run only when the sentence holds one of the words they need
(`text.fastre.Prefiltered`), and a substitution that could only replace single spaces with
single spaces was dropped. Compared here with the plain patterns on every sentence of real
transcripts (also upper-cased and with the case look-alikes İ and ſ) and on random filler.
`restart`'s correction, reference and hedge patterns are prefiltered the same way.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from forumlens.summarise import compress as compress_module
from forumlens.summarise import rewrite
from forumlens.text.fastre import Prefiltered
from forumlens.transcript.sentences import split_sentences

HERE = Path(__file__).resolve().parent
SOURCES = [
    HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((HERE.parent / "examples").glob("*.txt")),
    *sorted((HERE / "resources" / "summarise").glob("*.txt")),
]
_FILLER = ["um", "uh,", "so on", "and so on, so on", "et cetera", "you know,", "basically", "sort of", "by the way,"]
_FILLER += ["if you like", "I think", "i think that", "Actually", "ERM", "So On", "for example", "sorry", "--", ","]


def _plain(text: str) -> str:
    """`compress` as it was: every inline pattern run, and the old space substitution."""
    inline = [(p.pattern if isinstance(p, Prefiltered) else p, r) for p, r in compress_module._INLINE]
    saved = compress_module._INLINE
    compress_module._INLINE = inline
    try:
        out = compress_module.compress.__wrapped__(text)
    finally:
        compress_module._INLINE = saved
    return out


def _sentences() -> list[str]:
    found = []
    for path in SOURCES:
        text = path.read_text("utf-8")
        found.extend(text[a:b] for a, b in split_sentences(text))
    return found


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = _sentences()
    assert len(found) > 1000
    return found


def test_some_patterns_are_prefiltered() -> None:
    assert sum(isinstance(p, Prefiltered) for p, _ in compress_module._INLINE) == 6


def test_compress_answers_as_the_plain_patterns_on_real_sentences(sentences: list[str]) -> None:
    variants = sentences + [s.upper() for s in sentences] + [s.replace("i", "İ").replace("s", "ſ") for s in sentences]
    for text in variants:
        assert compress_module.compress.__wrapped__(text) == _plain(text), text


def test_compress_answers_as_the_plain_patterns_on_random_filler(sentences: list[str]) -> None:
    rng = random.Random(19)
    words = [w for s in sentences[:300] for w in s.split()]
    for _ in range(3000):
        parts = [rng.choice(_FILLER) if rng.random() < 0.3 else rng.choice(words) for _ in range(rng.randint(1, 14))]
        seps = [rng.choice([" ", " ", ", ", "\t", "\u00a0", "  ", " \u00a0 "]) for _ in parts]
        text = "".join(p + s for p, s in zip(parts, seps, strict=True))
        assert compress_module.compress.__wrapped__(text) == _plain(text), text


def test_the_dropped_space_substitution_changed_nothing(sentences: list[str]) -> None:
    """After `" ".join(text.split())` no tab, no-break space or double space is left."""
    spaces = re.compile(r"[ \t\u00a0]+")
    for text in [*sentences, "a\t b\u00a0\u00a0c  d", "\u00a0x\t", ""]:
        joined = " ".join(text.split())
        assert spaces.sub(" ", joined) == joined


def test_restart_answers_as_the_plain_patterns(sentences: list[str]) -> None:
    def plain(text: str) -> str:
        out = rewrite._RESTART.sub(lambda m: m.group(1) + " ", text)
        out = rewrite._CORRECTION.sub("", out)
        out = rewrite._REFERENCE.sub("", out)
        return rewrite._HEDGE.sub("", out)

    extra = ["We need more explicit, no, we need explicit recognition.", "I think, as Jason has said, funding matters."]
    extra += ["For me the rule must be simple.", "It works, sorry, it worked.", "WE NEED MORE, I MEAN, WE NEED MORE."]
    variants = sentences + extra + [s.upper() for s in sentences] + [s.replace("i", "İ") for s in sentences]
    for text in variants:
        assert rewrite.restart(text) == plain(text), text
    assert sum(rewrite.restart(t) != t for t in sentences + extra) > 20  # the patterns do change sentences
