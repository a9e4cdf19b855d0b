"""The shortcuts that keep resolve fast on long inputs change no answer.

The fuzzy matcher skips anchor windows that cannot cover their phrase (`_LookAlikes`), and
name look-ups index only the words asked for (`cues._WordIndex`). Both are checked here
against the plain computation on real inputs: the labelled caption phrases of the
threshold tuning set, the resolve test sessions and the shared transcript.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.resolve import cues, mentions
from forumlens.resolve.mentions import find_mentions
from forumlens.resolve.tuning import labelled_phrases

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = sorted((ROOT / "tests" / "resources" / "resolve").glob("*.txt"))
SHARED = ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt"


def _texts() -> list[str]:
    positives, negatives = labelled_phrases()
    texts = [t for t, _ in positives] + list(negatives)
    texts += [p.read_text("utf-8") for p in SESSIONS]
    if SHARED.exists():
        texts.append(SHARED.read_text("utf-8"))
    return texts


def _key(found: list[mentions.Mention]) -> list[tuple[int, int, str, float, str]]:
    return [(m.start, m.end, m.entity_id, m.confidence, m.via) for m in found]


def test_fuzzy_prefilter_loses_no_mention(monkeypatch):
    matcher = mentions._matcher_for(mentions.load_registry())
    token_lists = [mentions.tokenize(t) for t in _texts()]
    fast = [mentions._fuzzy(matcher, toks, mentions.THRESHOLD) for toks in token_lists]
    final = [_key(find_mentions(t)) for t in _texts()]
    monkeypatch.setattr(mentions._LookAlikes, "may_cover", lambda self, m, p, norms: True)
    assert [mentions._fuzzy(matcher, toks, mentions.THRESHOLD) for toks in token_lists] == fast
    assert [_key(find_mentions(t)) for t in _texts()] == final
    assert sum(map(len, fast)) >= 20  # the fuzzy layer is exercised: misheard names in the tuning set


def test_look_alikes_follow_word_like():
    toks = mentions.tokenize("the Dynamc Coalition on Acessibility and Disabilty of the IGF")
    looks = mentions._LookAlikes(toks)
    for want in ("accessibility", "disability", "dynamic", "igf", "oer"):
        expected = {h for h in looks.vocab if mentions._word_like(want, h)}
        assert looks.of(want) == expected
    assert "acessibility" in looks.of("accessibility")
    assert not looks.of("oer")


@pytest.mark.parametrize("word", ["Ana", "lima", "Tomás", "de", "O'Neil"])
def test_word_index_matches_a_full_scan(word):
    text = "Ana Lima, ana-lima and ANA; Lima's point. Tomás de la Cruz, Tomas, O'Neil and Banana Anacleto."
    folded = cues._fold(text)
    first = re.match(r"\w+", cues._fold(word))
    assert first is not None
    scan = [m.start() for m in re.finditer(r"\w+", folded) if m.group().lower() == first.group().lower()]
    assert cues._word_index(folded).positions(first.group()) == scan
