"""The word-start guard keeps every match of the patterns it is put in front of.

`text.wordstart.guarded` is a speed-up (issue 19): the guarded pattern must give the same
spans and groups as the plain one for every text. Checked three ways: the rule on small
patterns written to probe it, random patterns against random strings (with the case
look-alikes İ, ı, ſ and the Kelvin sign, digits, "_" and non-ASCII letters), and the
summary's guarded cue patterns on every sentence of the shared transcript and of the
summarise test transcripts.
"""

from __future__ import annotations

import random
import re

import pytest

from forumlens.resolve import modes
from forumlens.summarise import procedural, rank, rewrite, roles
from forumlens.text.fastre import required_literals
from forumlens.text.wordstart import GUARD, guarded, word_start

from .conftest import CORPUS, RESOURCES


@pytest.mark.parametrize(
    ("source", "flags", "proven"),
    [
        (r"\b(?:we will|let me)\b|^Online,", re.I, True),
        (r"^foo|\bbar", 0, True),
        (r"(?<=a)\bfoo", 0, True),  # a lookbehind consumes nothing
        (r"\b(?:very )?good", re.I, True),
        (r"\b\w*x", 0, True),
        (r"\b[a-z]\d+", 0, True),
        (r"\b\d+", 0, True),
        (r"\b", 0, False),  # matches at word ends too
        (r"\b(?:foo)?", 0, False),  # may be empty
        (r"\b(?:foo)?-", 0, False),
        (r"\b(?:a|\s)", 0, False),
        (r"\b[^a]", 0, False),
        (r"\b.", 0, False),
        (r"\bé", re.I, False),  # a non-ASCII letter: not proven
        (r"x|\bfoo", 0, False),
        (r"\w's\b", 0, False),
        (r"(?i)\bfoo", 0, False),  # global inline flags must stay first
        (r"\bfoo # a comment", re.X, False),
        (r"(\w)\b\1", 0, False),
    ],
)
def test_the_rule(source: str, flags: int, proven: bool) -> None:
    assert word_start(source, flags) is proven
    pattern = re.compile(source, flags)
    assert (guarded(pattern) is not pattern) is proven


_PIECES = [
    r"\b",
    r"^",
    r"$",
    "a",
    "b",
    "ab",
    "I",
    "i",
    "s",
    "k",
    "1",
    "_",
    " ",
    ",",
    "'",
    "é",
    r"\w",
    r"\d",
    r"\s",
    r"\W",
    ".",
    "[a-c]",
    "[^a]",
    "[ ,]",
    r"(?=a)",
    r"(?<!b)",
    r"(?<=\s)",
]
_ALPHABET = "abiIksK_1 ,'éİıſ\u212a-\n"


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A small pattern: a sequence of pieces, optional and repeated groups, alternations."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.15 and depth < 2:
            alts = [_random_pattern(rng, depth + 1) for _ in range(rng.randint(2, 3))]
            parts.append("(?:" + "|".join(alts) + ")")
        elif roll < 0.25 and depth < 2:
            parts.append(
                "(" + _random_pattern(rng, depth + 1) + ")" + rng.choice(["?", "*", "+", "{0,2}", "{1,2}", ""])
            )
        else:
            parts.append(rng.choice(_PIECES))
    return "".join(parts)


def _outcomes(pattern: re.Pattern[str], text: str) -> tuple[object, ...]:
    return (
        [(m.span(), m.groups()) for m in pattern.finditer(text)],
        [pattern.match(text, pos) and pattern.match(text, pos).span() for pos in range(len(text) + 1)],  # type: ignore[union-attr]
        [bool(pattern.search(text, pos)) for pos in range(len(text) + 1)],
        pattern.sub("<>", text),
    )


def test_random_patterns_keep_their_matches() -> None:
    """Where the rule proves the guard sound, nothing changes; where it refuses, forcing the
    guard does change some answers (so the generator reaches the cases the rule is for)."""
    rng = random.Random(19)
    proven = refused_but_differs = 0
    for _ in range(2500):
        source = "\\b" + _random_pattern(rng) if rng.random() < 0.5 else _random_pattern(rng)
        flags = rng.choice([0, re.I, re.I | re.M, re.A | re.I])
        try:
            plain = re.compile(source, flags)
        except re.error:
            continue
        forced = re.compile(GUARD + "(?:" + source + ")", flags)
        texts = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(12)]
        if word_start(source, flags):
            proven += 1
            assert guarded(plain).pattern == forced.pattern
            for text in texts:
                assert _outcomes(forced, text) == _outcomes(plain, text), (source, flags, text)
        elif any(_outcomes(forced, text) != _outcomes(plain, text) for text in texts):
            refused_but_differs += 1
    assert proven > 300
    assert refused_but_differs > 100


_GUARDED = {
    "roles._SESSION": roles._SESSION,
    "roles._COURSE": roles._COURSE,
    "rewrite._PROCEDURE": rewrite._PROCEDURE,
    "rewrite._LOST": rewrite._LOST,
    "procedural._ROOM": procedural._ROOM,
    # stop 28 (helper V3): the ranking signals and resolve's cues about another person
    "rank._CUE": rank._CUE,
    "rank._META": rank._META,
    "modes._OTHER_ONLINE": modes._OTHER_ONLINE,
    "modes._OTHER_ONSITE": modes._OTHER_ONSITE,
}


def _sentences() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted((RESOURCES / "summarise").glob("*.txt")):
        text = path.read_text("utf-8")
        out.extend(s for s in re.split(r"(?<=[.?!])\s+|\n+", text) if s.strip())
    return out


@pytest.mark.parametrize("name", sorted(_GUARDED))
def test_the_summary_patterns_match_as_before(name: str) -> None:
    pattern = _GUARDED[name]
    prefix = GUARD + "(?:"
    assert pattern.pattern.startswith(prefix), "the guard is in place (the rule still proves it)"
    plain = re.compile(pattern.pattern[len(prefix) : -1], pattern.flags)
    sentences = _sentences()
    assert len(sentences) > 1000
    for text in sentences + [s.upper() for s in sentences[:2000]] + [s.replace("i", "İ") for s in sentences[:500]]:
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], text


@pytest.mark.parametrize("name", sorted(_GUARDED))
def test_the_guard_keeps_the_literal_prefilter(name: str) -> None:
    """The guard consumes nothing, so the literals a match needs (`fastre`'s prefilters) stay."""
    pattern = _GUARDED[name]
    plain = re.compile(pattern.pattern[len(GUARD + "(?:") : -1], pattern.flags)
    assert required_literals(pattern) == required_literals(plain)


def test_evidence_is_found_as_the_plain_pattern_finds_it() -> None:
    """`states_evidence` searches `EVIDENCE`'s word-start branches behind the guard and its
    glued share ("x5%") apart: the same yes or no as searching `EVIDENCE` itself."""
    texts = _sentences()
    texts += [s.upper() for s in texts[:2000]]
    texts += ["x5% of them", "a5 % share", "5 %", "1,000.5% rise", "_7%", "ten times more", "tentimes more"]
    texts += ["one third of the", "onethird of the", "58 percent", "x58 percent", "7 out of 10", "x7 of 10"]
    found = 0
    for text in texts:
        plain = rank.EVIDENCE.search(text) is not None
        assert rank.states_evidence(text) == plain, text
        found += plain
    assert found > 20
