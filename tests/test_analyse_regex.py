"""`compile_cue` (first-character lookahead) must not change any match of any cue pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.analyse import (
    askcues,
    askmodel,
    asks,
    clauses,
    context,
    cues,
    outputs,
    questioncues,
    questions,
    segments,
    stats,
)
from forumlens.analyse._regex import compile_cue, first_chars

from .blind_sets import BLIND_FOLDERS, is_blind

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent.parent / "shared" / "corpus"


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for mod in (cues, askcues, askmodel, clauses, asks, context, outputs, questioncues, questions, segments, stats):
        for name, value in vars(mod).items():
            values = [value] if isinstance(value, re.Pattern) else []
            if isinstance(value, tuple):
                values = [v for v in value if isinstance(v, re.Pattern)]
            if isinstance(value, dict):
                values = [v for v in value.values() if isinstance(v, re.Pattern)]
            out += [(f"{mod.__name__}.{name}", v) for v in values]
    return out


def _files() -> list[Path]:
    """Every transcript of the repository's resources and the shared corpus, but this round's blind sets."""
    return sorted(f for f in ROOT.glob("resources/**/*.txt") if not is_blind(f)) + sorted(SHARED.glob("**/*.txt"))


def _texts() -> list[str]:
    lines: list[str] = []
    for f in _files():
        text = f.read_text("utf-8", errors="replace")
        lines += [p for p in re.split(r"(?<=[.?!])\s+|\n", text) if p.strip()]
        lines.append(text[:5000])
    # case folding corner cases: Kelvin sign, long s, dotted/dotless i, and an anchored start
    lines += [
        "\u212aeep it \u017fhort, \u0130s he here? \u0131s it ok",
        "do we have anyone online?",
        "  Do we have Ana here",
        "YES, Ana?",
        "\u017fhould we \u017ftart",
        "(applause) The floor is yours.",
    ]
    return lines


TEXTS = _texts()


def test_the_blind_sets_are_not_among_the_texts() -> None:
    assert all(folder.is_dir() for folder in BLIND_FOLDERS), "a blind folder was renamed: update tests/blind_sets.py"
    files = _files()
    assert len(files) > 100 and not any(is_blind(f) for f in files)


@pytest.mark.parametrize("name,pattern", _patterns(), ids=lambda x: x if isinstance(x, str) else "")
def test_compile_cue_keeps_every_match(name: str, pattern: re.Pattern[str]) -> None:
    plain = re.compile(_source(pattern), pattern.flags)
    fast = compile_cue(_source(pattern), pattern.flags)
    for text in TEXTS:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        got = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert got == want, (name, text[:80])
        assert bool(plain.search(text)) == bool(pattern.search(text))


def _source(pattern: re.Pattern[str]) -> str:
    """The pattern as written in the module (without the lookahead compile_cue may add)."""
    src = pattern.pattern
    m = re.match(r"\(\?:\(\?=\[[^\]]*\]\)\|\^\)|\(\?=\[[^\]]*\]\)", src)
    return src[m.end() :] if m and first_chars(src[m.end() :], pattern.flags) else src


def test_first_chars_bounds_only_what_it_can() -> None:
    assert first_chars(r"\b(hear|see) you", re.I) == ({"h", "s"}, False)
    assert first_chars(r"\b(?:go|^\W*do)\b", re.I) == ({"g"}, True)  # "^" branch: position 0 only
    assert first_chars(r"\b\w+ing") is None  # a class without bound
    assert first_chars(r"(a)?") is None  # may match the empty string
    assert compile_cue(r"\b(hear|see)\b", re.I).pattern.startswith("(?=[")
