"""The threads' `CueFamily` (`text.cuegate`): one pass over a sentence's literals says which thread cues can match it at all.

Why (issue 19): `CueMemo` answers "no match" for a cue the gate rules out, without asking the cue.
That is safe only if the gate never rules out a cue that matches; these tests ask every registered cue
of every sentence of real sessions, and of invented sentences, the plain way and compare.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.text.cuegate import CueFamily, GatedCue
from forumlens.threads import cues
from forumlens.threads.cues import CueMemo

from .threads_support import speech_sentences

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((ROOT / "bench" / "threads" / "dev").iterdir()),
    *sorted((ROOT / "bench" / "threads" / "blind16").iterdir()),
]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = speech_sentences(SOURCES)
    assert len(found) > 500
    return found


def _registered() -> list[GatedCue]:
    filtered = [*(p for _, p in cues._ORDER), *cues._NAMED.values(), cues._NOT_NEED_FAST, cues._NON_ASK_FAST]
    filtered += [cues._IMPERATIVE_FAST, cues._POLITE_FAST, cues._UNABLE_FAST, cues._FOR_WANT_FAST]
    return [*filtered, cues._RETRO_FAST, cues._RETRO_NAMED_FAST, cues._INTRO_FAST, cues._TOLD_US]


def _allows(gate: CueFamily, pattern: GatedCue, met: int) -> bool:
    assert pattern.family is gate
    return pattern.allows(met)


def test_every_thread_cue_is_registered_with_the_gate() -> None:
    assert all(isinstance(p, GatedCue) and p.family is cues._GATE and p.bits for p in _registered())


def test_the_gate_never_rules_out_a_cue_that_matches_and_rules_out_most(sentences) -> None:
    ruled_out = asked = 0
    for text in sentences:
        met = cues._GATE.met(text)
        for pattern in _registered():
            if _allows(cues._GATE, pattern, met):
                asked += 1
            else:
                assert pattern.pattern.search(text) is None, (pattern.pattern.pattern[:60], text)
                ruled_out += 1
    assert ruled_out > 3 * asked


def test_the_memo_answers_as_the_raw_patterns(sentences) -> None:
    for text in sentences[::3]:
        memo = CueMemo(text)
        for pattern in _registered():
            found, raw = memo.search(pattern, text), pattern.pattern.search(text)
            assert (found and found.span()) == (raw and raw.span()), text


def test_a_cue_is_ruled_out_only_when_one_of_its_required_sets_is_missing() -> None:
    gate = CueFamily()
    both = gate.cue(re.compile(r"\bwe will (?:publish|release)\b.*\breport\b", re.I))
    free = gate.cue(re.compile(r"\w+"))  # no literal required: never ruled out
    said = "We will publish the report next year."
    lacking = "We will publish the toolkit next year."  # no "report"
    assert _allows(gate, both, gate.met(said)) and not _allows(gate, both, gate.met(lacking))
    assert both.search(lacking) is None and both.search(said) is not None
    assert gate.bits_of(free) == 0 and _allows(gate, free, gate.met(""))


def test_a_session_scans_each_sentence_once_and_the_items_are_those_of_a_fresh_scan(monkeypatch) -> None:
    """The gate remembers a sentence's bits for the whole of a session's item extraction (the
    family's default size): each distinct text is scanned once, where 256 remembered texts made the
    shared session scan 752 times for 573 texts. A remembered answer is the fresh one: the items equal
    those made with every scan done afresh (the memo emptied before each `met`)."""
    from forumlens.ingest import prepare_bytes
    from forumlens.threads import extract_items

    shared = ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt"
    prepared = prepare_bytes(shared.read_bytes(), shared.name)
    assert prepared.failure is None
    scanned: list[str] = []
    plain_present = CueFamily.present

    def counted(self: CueFamily, text: str) -> frozenset[str]:
        if self is cues._GATE:
            scanned.append(text)
        return plain_present(self, text)

    monkeypatch.setattr(CueFamily, "present", counted)
    cues._GATE._seen.clear()
    remembered = extract_items(prepared.session, prepared.analyses).to_json()
    assert len(scanned) > 400 and len(scanned) == len(set(scanned))

    plain_met = CueFamily.met

    def fresh(self: CueFamily, text: str) -> int:
        self._seen.clear()
        return plain_met(self, text)

    monkeypatch.setattr(CueFamily, "met", fresh)
    assert extract_items(prepared.session, prepared.analyses).to_json() == remembered


def test_a_remembered_text_keeps_its_own_bits_and_the_memo_stays_bounded() -> None:
    gate = CueFamily(keep=3)
    publish = gate.cue(re.compile(r"\bwe will publish\b", re.I))
    said, other = "We will publish it.", "We will not publish it."
    assert publish.allows(gate.met(said)) and not publish.allows(gate.met(other))
    for filler in ("a", "b", "c", "d"):
        gate.met(filler)
        assert len(gate._seen) <= 3
    assert publish.allows(gate.met(said)) and not publish.allows(gate.met(other))
