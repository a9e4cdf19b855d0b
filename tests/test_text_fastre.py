"""forumlens.text.fastre: a regex prefilter may skip a pattern only when it cannot match.

The literals a pattern requires are read from its parse tree; every check here compares
the filtered answer with the pattern's own, on the real transcripts' sentences and on
generated text full of near-misses and case-fold look-alikes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.resolve import chairs, cues, modes, orgs, roles, voice
from forumlens.summarise import procedural, rank
from forumlens.text.fastre import PatternSet, Prefiltered, branch_literals, fold, required_literals
from forumlens.transcript.sentences import split_sentences

from .conftest import MAIN_SESSION, ROOT


def _raw(p: re.Pattern[str] | Prefiltered) -> re.Pattern[str]:
    return p.pattern if isinstance(p, Prefiltered) else p


# The cue patterns resolve and summarise ask of every sentence.
PATTERNS = [
    _raw(p)
    for p in (
        cues.MODERATOR_SELF,
        cues.MODERATOR_OTHER,
        cues.INVITE,
        cues._SELF,
        cues._OWN_ONLINE,
        cues._OWN_ONSITE,
        chairs._REMOTE_DUTY,
        roles._INDEPENDENT,
        orgs._SELF_CUES,
        orgs._NAME_LINK,
        orgs._WHERE_AFTER,
        voice.ANAPHOR,
        modes._OWN_ONLINE_STRONG,
        modes._OWN_ONLINE_WEAK,
        modes._OWN_ONSITE,
        modes._PLACE_HERE,
        *procedural._HARD,
        *procedural._SOFT,
        rank._CUE,
        rank.SUMMARY,
        rank._META,
        rank._ASKING,
        rank._STANCE,
        rank._PRAISE,
    )
]


def _sentences() -> list[str]:
    files = [MAIN_SESSION, *sorted((ROOT / "tests" / "resources" / "resolve").glob("*.txt"))]
    files += sorted((ROOT / "examples").glob("*.txt"))
    out = []
    for path in files:
        if path.exists():
            text = Path(path).read_text("utf-8")
            out += [text[a:b] for a, b in split_sentences(text)]
    return out


SENTENCES = _sentences()


def _possible(options: list[frozenset[str]], text: str) -> bool:
    folded = fold(text)
    return all(any(n in folded for n in o) for o in options)


def test_alternatives_are_multiplied_into_whole_phrases() -> None:
    opts = required_literals(re.compile(r"\bI(?:'m|’m| am) (?:from|with)\b", re.IGNORECASE))
    assert opts == [frozenset({"i'm from", "i'm with", "i’m from", "i’m with", "i am from", "i am with"})]
    # optional parts, classes and lookarounds are not required; what is around them is
    opts = required_literals(re.compile(r"\bjoin(?:ing)?\s+(?=us)online\b", re.IGNORECASE))
    assert opts == [frozenset({"join"}), frozenset({"online"})]
    # a cased non-ASCII letter folds in ways `lower` does not show: never required
    assert required_literals(re.compile(r"straße", re.IGNORECASE)) == [frozenset({"stra"}), frozenset({"e"})]
    assert required_literals(re.compile(r"\w+\s*\d*")) == []


def test_a_phrase_with_too_many_combinations_is_split_not_dropped() -> None:
    letters = "|".join("abcdefghij")
    opts = required_literals(re.compile(rf"x(?:{letters})(?:{letters})y"))
    assert all(len(o) <= 64 for o in opts) and opts  # 100 combinations: two required parts instead
    assert all(_possible(opts, f"x{a}{b}y") for a in "abcdefghij" for b in "abcdefghij")


def test_required_literals_are_in_every_real_match() -> None:
    asked = 0
    for pattern in PATTERNS:
        options = required_literals(pattern)
        for sentence in SENTENCES:
            if pattern.search(sentence):
                asked += 1
                assert _possible(options, sentence), (pattern.pattern, sentence)
    assert asked > 1000  # the patterns do match the real sentences


def test_prefilters_skip_most_sentences_without_the_cue() -> None:
    """Useful, not only sound: on real sentences most cue patterns are not run at all."""
    options = [required_literals(p) for p in PATTERNS]
    ran = sum(_possible(o, s) for o in options for s in SENTENCES)
    assert ran < 0.25 * len(PATTERNS) * len(SENTENCES)


@pytest.mark.parametrize("window", [(0, None), (7, 60), (40, 41)])
def test_prefiltered_gives_the_patterns_answers(window: tuple[int, int | None]) -> None:
    pos, end = window
    for pattern in PATTERNS:
        fast = Prefiltered(pattern)
        for sentence in SENTENCES:
            endpos = len(sentence) if end is None else end
            got = fast.search(sentence, pos, endpos)
            want = pattern.search(sentence, pos, endpos)
            assert (got and got.span()) == (want and want.span()), (pattern.pattern, sentence)
            assert fast.findall(sentence, pos, endpos) == pattern.findall(sentence, pos, endpos)
            assert [m.span() for m in fast.finditer(sentence, pos, endpos)] == [
                m.span() for m in pattern.finditer(sentence, pos, endpos)
            ]
            m1, m2 = fast.match(sentence, pos, endpos), pattern.match(sentence, pos, endpos)
            assert (m1 and m1.span()) == (m2 and m2.span())


# Text built from pieces of the cue phrases, look-alike letters (dotless i, long s, Kelvin
# sign, dotted capital I) and typographic apostrophes: the near-misses a prefilter could get wrong.
_PIECES = st.sampled_from(
    [
        "I'm ",
        "I’m ",
        "I am ",
        "ſpeaking for ",
        "İ work for ",
        "\u212aeynote ",
        "moderat",
        "or ",
        "the floor is ",
        "yours",
        "online ",
        "joining ",
        "from ",
        "here in the room",
        "ON BEHALF OF ",
        "our coalition ",
        "thank you ",
        "very important ",
        "we need ",
        ", ",
        ". ",
        "?",
        "x",
    ]
)


_SET = PatternSet(PATTERNS)
_ONE_BY_ONE = [Prefiltered(p) for p in PATTERNS]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_pattern_set_answers_as_the_patterns_on_generated_text(text: str) -> None:
    present = _SET.present(text)
    for i, (pattern, fast) in enumerate(zip(_SET.patterns, _ONE_BY_ONE)):
        want = bool(pattern.search(text))
        assert bool(_SET.search(i, text, present)) == want, (pattern.pattern, text)
        assert bool(fast.search(text)) == want, (pattern.pattern, text)


@given(st.text(max_size=40))
def test_fold_of_ascii_text_is_the_full_fold(text: str) -> None:
    full = text.translate(str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s", "\u212a": "k"})).lower()
    assert fold(text) == full
    assert fold(text.encode("ascii", "ignore").decode()) == text.encode("ascii", "ignore").decode().lower()


@given(st.text(alphabet="aiksIKS\u2019\u00e9 \u0131\u0130\u017f\u212a\u0307", max_size=30))
def test_fold_of_text_with_and_without_look_alikes_is_the_full_fold(text: str) -> None:
    """`fold` translates only a text holding a look-alike (issue 19): the same answer either way."""
    full = text.translate(str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s", "\u212a": "k"})).lower()
    assert fold(text) == full


def test_pattern_set_any_and_count_answer_as_the_patterns() -> None:
    for sentence in SENTENCES[::3]:
        answers = [bool(p.search(sentence)) for p in _SET.patterns]
        assert _SET.any_search(sentence) == any(answers), sentence
        assert _SET.count(sentence) == sum(answers), sentence


def test_folded_texts_are_remembered_within_bounds() -> None:
    from forumlens.text import fastre

    fast = Prefiltered(
        cues.MODERATOR_SELF.pattern if isinstance(cues.MODERATOR_SELF, Prefiltered) else cues.MODERATOR_SELF
    )
    for sentence in SENTENCES:  # far more sentences than are kept
        want = bool(fast.pattern.search(sentence))
        assert bool(fast.search(sentence)) == want and bool(fast.search(sentence)) == want  # asked twice: cached
        assert len(fastre._FOLDED) <= fastre._FOLDED_LIMIT
    long_text = "I am the moderator of this session. " * 1000
    assert fast.search(long_text) is not None
    assert long_text not in fastre._FOLDED  # a long text is folded each time, never kept


def test_branch_literals_hold_in_every_real_match_of_their_alternation() -> None:
    """Per-alternative literals are sound (a match holds all the sets of some alternative)
    and tighter than the whole pattern's, on the real sentences."""
    import doctest

    from forumlens.text import fastre

    assert doctest.testmod(fastre).failed == 0
    asked = tighter = 0
    alternations = [p for p in PATTERNS if branch_literals(p)]
    assert len(alternations) >= 5  # the cue lists of resolve and summarise are alternations
    for pattern in alternations:
        branches = branch_literals(pattern)
        assert len(branches) == len(_sre_branches(pattern))
        for sentence in SENTENCES:
            branch_ok = any(_possible(list(b), sentence) for b in branches)
            if pattern.search(sentence):
                asked += 1
                assert branch_ok, (pattern.pattern, sentence)
            elif _possible(required_literals(pattern), sentence) and not branch_ok:
                tighter += 1
    assert asked > 100 and tighter > 100  # they match real sentences, and rule out more than the whole sets


def _sre_branches(pattern: re.Pattern[str]) -> list[object]:
    """The top-level alternatives of a `\\b(?:A|B)\\b` pattern, read independently of fastre's walk."""
    from re import _parser

    nodes = [n for n in _parser.parse(pattern.pattern, pattern.flags) if n[0] is not _parser.AT]
    while len(nodes) == 1 and nodes[0][0] is _parser.SUBPATTERN:
        nodes = [n for n in nodes[0][1][-1] if n[0] is not _parser.AT]
    return list(nodes[0][1][1])


def test_branch_literals_is_empty_when_no_alternative_test_is_sound() -> None:
    assert branch_literals(re.compile(r"\bhere in (?:Kyoto|Riyadh)\b")) == ()  # a sequence, not one alternation
    assert branch_literals(re.compile(r"(?:online|\w+)")) == ()  # one alternative requires nothing
    assert branch_literals(re.compile(r"(?x) online | onsite")) == ()  # verbose: never read
    got = branch_literals(re.compile(r"\b(?:I(?:'m| am) online|in the room)\b", re.I))
    assert got == ((frozenset({"i'm online", "i am online"}),), (frozenset({"in the room"}),))


def test_any_search_and_count_ask_only_patterns_under_a_present_needle():
    patterns = [
        re.compile(r"\bthe floor is yours\b", re.I),
        re.compile(r"\b(can|could) you hear me\b", re.I),
        re.compile(r"\bnext speaker\b.*\bplease\b", re.I),
        re.compile(r"^\W*$"),  # requires no literal: always asked
    ]
    fast = PatternSet(patterns)
    for text in (
        "Could you HEAR me now?",
        "Next speaker, please.",
        "The floor is yours; can you hear me?",
        "Data.",
        "!!",
    ):
        expected = [bool(p.search(text)) for p in patterns]
        assert fast.any_search(text) == any(expected)
        assert fast.count(text) == sum(expected)
