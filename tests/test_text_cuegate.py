"""`text.cuegate`: one gate for a family of cue patterns, asked like the patterns themselves.

Why: resolve (`cuefilter.SharedCue`) and threads (`cues._CueFilter`) gate their cues on the
literals a sentence holds, through this one gate (they once had a gate each). It must never rule out
a cue that matches, and a ruled-in cue answers as its plain pattern. These tests gather every cue
pattern of resolve and threads, register them again in a fresh family and ask them, on the sentences
of real sessions, the plain way, the family's way and the way `Prefiltered` alone would.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

from forumlens.resolve import chairs, modes, orgs, roles, voice
from forumlens.resolve import cues as resolve_cues
from forumlens.text.cuegate import BranchTestedCue, CueFamily, GatedCue
from forumlens.text.fastre import Prefiltered
from forumlens.threads import cues as thread_cues

from .threads_support import speech_sentences

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((ROOT / "bench" / "threads" / "dev").iterdir())[:12],
]


def _gated_cues() -> list[GatedCue]:
    """Every `GatedCue` alive once resolve's and the threads' cue modules are imported."""
    assert all(m.__name__ for m in (chairs, modes, orgs, roles, voice, resolve_cues, thread_cues))
    return [o for o in gc.get_objects() if isinstance(o, GatedCue)]


def _again(family: CueFamily, cue: GatedCue) -> GatedCue:
    """The cue registered again in `family`, of its own kind (a `BranchTestedCue` keeps its test)."""
    if isinstance(cue, BranchTestedCue):
        return BranchTestedCue(cue.pattern, family, cue.lead, cue.test)
    return family.cue(cue.pattern)


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = speech_sentences(SOURCES)
    assert len(found) > 500
    return found


def test_the_gate_never_rules_out_a_match_and_rules_out_at_least_what_the_literals_alone_do(sentences) -> None:
    cues = _gated_cues()
    assert len({id(c.family) for c in cues}) >= 2  # resolve's family and the threads'
    assert len(cues) >= 40
    family = CueFamily()
    fresh = [_again(family, cue) for cue in cues]
    ruled_out = 0
    for text in sentences:
        for cue, again in zip(cues, fresh, strict=True):
            possible = again.possible(text)
            assert possible == cue.possible(text), (cue.pattern.pattern[:60], text)
            if Prefiltered(cue.pattern).possible(text) is False:
                assert not possible  # the literals alone rule it out: so does the gate
            if not possible:
                ruled_out += 1
                assert cue.pattern.search(text) is None
            found, raw = again.search(text), cue.pattern.search(text)
            assert (found and found.span()) == (raw and raw.span())
    assert ruled_out > 2 * len(sentences) * len(cues) // 3  # most cues are never run on most sentences


def test_a_span_is_gated_on_its_own_text_and_a_long_text_on_the_cue_alone() -> None:
    family = CueFamily(short=40)
    cue = family.cue(re.compile(r"\bthe floor is yours\b", re.I))
    text = "Thank you. The floor is yours, Maria."
    assert cue.search(text) is not None and cue.search(text, 12) is None  # the literal is cut by `pos`
    assert not cue.possible(text, 12) and cue.possible(text, 0, 30)
    long_text = "word " * 20 + text  # longer than `short`: not remembered, the cue's own test decides
    assert family.met_in(long_text) is None and cue.search(long_text) is not None


def test_an_alternation_needs_all_the_sets_of_one_alternative() -> None:
    family = CueFamily()
    cue = family.cue(re.compile(r"\b(?:I am online|joining from home)\b", re.I))
    assert len(cue.branches) == 2
    assert not cue.possible("I am at home, joining you")  # pieces of both, all of neither
    assert cue.possible("Joining from HOME today") and cue.search("Joining from HOME today") is not None


def test_the_bits_of_a_cue_and_of_a_sentence() -> None:
    family, other = CueFamily(), CueFamily()
    both = family.cue(re.compile(r"\bwe will (?:publish|release)\b.*\breport\b", re.I))
    free = family.cue(re.compile(r"\w+"))  # requires no literal: no bits, never ruled out
    said, lacking = "We will publish the report next year.", "We will publish the toolkit next year."
    assert both.allows(family.met(said)) and not both.allows(family.met(lacking))
    assert family.bits_of(both) == both.bits != 0 and family.bits_of(free) == 0 and free.possible("")
    assert other.bits_of(both) == 0  # another family's cue is never ruled out by this one
    assert isinstance(both, GatedCue) and both.pattern.flags & re.IGNORECASE


def test_a_family_allows_what_its_cue_allows_and_always_a_cue_it_does_not_gate() -> None:
    family, other = CueFamily(), CueFamily()
    both = family.cue(re.compile(r"\bwe will (?:publish|release)\b.*\breport\b", re.I))
    plain = re.compile(r"\breport\b")
    said, lacking = "We will publish the report next year.", "We will publish the toolkit next year."
    assert family.allows(both, family.met(said)) and not family.allows(both, family.met(lacking))
    assert other.allows(both, other.met(lacking))  # another family's cue: this one never rules it out
    assert family.allows(plain, family.met(lacking))  # a plain pattern: no bits, never ruled out


def test_present_finds_every_literal_the_text_holds_whether_long_literals_are_keyed_by_three_or_six() -> None:
    # many long literals under one head ("the ..."): keyed by their first six characters; a few: by three
    many, few = CueFamily(), CueFamily()
    words = ("coalition", "committee", "council", "charter", "network", "forum", "panel", "report")
    cues = {
        many: [many.cue(re.compile(rf"\bthe {word}\b", re.I)) for word in words],
        few: [few.cue(re.compile(r"\bthe coalition\b", re.I)), few.cue(re.compile(r"\bwe (?:are|were)\b", re.I))],
    }
    text = "As the Coalition said, the network and THE FORUM met; we were there."
    for family, registered in cues.items():
        literals = {literal for cue in registered for option in cue.options for literal in option}
        assert family.present(text) == frozenset(n for n in literals if n in text.casefold())
        assert family.present(text)
    assert many._indexed()[2][1] and not few._indexed()[2][1]  # the long level only where it pays
