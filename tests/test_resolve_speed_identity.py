"""The resolve stage's speed-ups (issue 19) give the plain computations' answers.

Each shortcut is checked against the computation it replaced, written out here as the
reference, on real inputs (the shared transcript, the resolve test sessions, the labelled
caption phrases of the mention tuning set) and on text built to reach its edge cases
(dotted acronyms, case-folding look-alikes such as the Kelvin sign, a letter whose lower
case is two characters, texts longer than the shared filter takes):

- `cuefilter.SharedCue` (one literal test per sentence shared by every cue pattern) says
  "possible" exactly when the pattern's own `Prefiltered` test does;
- `cues._WordIndex` finds a word's places by substring search in a lower-cased copy, as the
  case-insensitive regex scan did;
- `Matcher.window_topic` (remembered per window) is the running-maximum loop of `_best_topic`;
- `text.tokenize` (one dict look-up per word) gives the tokens of the plain per-word loop.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from forumlens.resolve import cues, mentions, modes, orgs, roles, voice
from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.text import Token, norm_word, sentence_spans, tokenize
from forumlens.resolve.tuning import labelled_phrases
from forumlens.text.fastre import Prefiltered

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = sorted((ROOT / "tests" / "resources" / "resolve").glob("*.txt"))
SHARED = ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt"

EDGES = [
    "I'm Kofi from the \u212aenya ICT Network; I work for \u0130stanbul Bilgi University.",
    "Hello, I.G.F. and U.N. D.E.S.A. & the DC on Youth: I am joining online from Kigali.",
    "My name is Tomás Pérez, I’m the coordinator of the Dynamic Coalition on Accessibility.",
    "I am here in the room, moderating. " * 40,  # longer than the shared filter takes
]


def _texts() -> list[str]:
    positives, negatives = labelled_phrases()
    texts = [t for t, _ in positives] + list(negatives) + EDGES
    texts += [p.read_text("utf-8") for p in SESSIONS]
    if SHARED.exists():
        texts.append(SHARED.read_text("utf-8"))
    return texts


def _shared_cues() -> list[SharedCue]:
    found = []
    for module in (cues, modes, orgs, roles, voice):
        found += [v for v in vars(module).values() if isinstance(v, SharedCue)]
    return found


def test_shared_cue_filter_says_what_each_pattern_filter_says():
    patterns = _shared_cues()
    assert len(patterns) >= 15  # every resolve cue pattern goes through the shared filter
    said = {True: 0, False: 0}
    for text in _texts():
        spans = [*sentence_spans(text), (0, len(text))]
        for a, b in spans:
            for cue in patterns:
                shared = cue.possible(text, a, b)
                assert shared == Prefiltered.possible(cue, text, a, b), (cue.pattern.pattern[:60], text[a:b][:80])
                if cue.pattern.search(text, a, b):
                    assert shared  # never says "no" to a text the pattern matches
                said[shared] += 1
    assert said[False] > said[True] > 0  # the filter decides: most sentences lack most cues


@pytest.mark.parametrize("text", [*EDGES[:3], "Ana Lima, ana-lima and ANA; Lima's point. Banana Anacleto, KOFI, kofi."])
def test_word_index_probe_finds_what_the_regex_scan_finds(text):
    folded = cues._fold(text)
    fast = cues._WordIndex(folded)
    plain = cues._WordIndex(folded)
    plain.lower = None  # the case-insensitive regex scan over the whole text
    words = {w.lower() for w in re.findall(r"\w+", folded)} | {"kofi", "kenya", "istanbul", "ana"}
    hits = 0
    for word in sorted(words):
        assert fast.positions(word) == plain.positions(word), word
        hits += len(plain.positions(word))
    assert hits >= len(words) - 4


def test_word_index_probe_on_sessions():
    """Every capitalised word of real sessions, as `find_name_hits` asks them."""
    for text in [p.read_text("utf-8") for p in SESSIONS[:6]]:
        folded = cues._fold(text)
        fast, plain = cues._WordIndex(folded), cues._WordIndex(folded)
        plain.lower = None
        for word in sorted(set(re.findall(r"\b[A-Z]\w+", folded)))[:150]:
            assert fast.positions(word) == plain.positions(word), word


def _plain_window_topic(m: mentions.Matcher, words: tuple[str, ...]) -> tuple[float, int] | None:
    best: tuple[float, int] | None = None
    for topic, score, k in process.extract(
        " ".join(words), m.topic_strings, scorer=fuzz.ratio, score_cutoff=60, limit=None
    ):
        if len(topic) < 8 and score < 100:
            score -= 15
        if (best is None or score > best[0]) and mentions.covers(list(words), topic.split(), score):
            best = (score, k)
    return best


def test_window_topic_is_the_running_maximum_of_best_topic():
    m = mentions._matcher_for(mentions.load_registry())
    m._topic_memo.clear()
    named = 0
    for text in _texts()[:400]:
        toks = tokenize(text)
        for i in range(len(toks)):
            if not mentions._is_cue(toks, i):
                continue
            for a in range(max(0, i - m.max_topic - 1), min(len(toks), i + 3)):
                for b in range(a + 1, min(len(toks), a + m.max_topic + 1) + 1):
                    words = tuple(t.norm for t in toks[a:b])
                    want = _plain_window_topic(m, words)
                    assert m.window_topic(words) == want, words
                    assert m.window_topic(words) == want  # and again, from memory
                    named += want is not None
    assert named >= 30


def test_mentions_do_not_depend_on_what_the_matcher_remembers():
    m = mentions._matcher_for(mentions.load_registry())
    texts = _texts()
    warm = [[mn.to_json() for mn in mentions.find_mentions(t)] for t in texts]
    m._topic_memo.clear()
    assert [[mn.to_json() for mn in mentions.find_mentions(t)] for t in reversed(texts)] == warm[::-1]


def _plain_tokenize(text: str, drop: frozenset[str]) -> list[Token]:
    tokens = []
    for match in re.finditer(r"(?:[A-Z]\.){2,}(?:[A-Z]\b)?|[^\W\d_]+|\d+|&", text):
        word = match.group()
        norm = norm_word(word)
        if norm in drop:
            continue
        if "." in word:
            tokens.append(Token(norm, word.replace(".", ""), match.start(), match.end() - word.endswith(".")))
        else:
            tokens.append(Token(norm, word, match.start(), match.end()))
    return tokens


@pytest.mark.parametrize("drop", [frozenset({"the"}), frozenset()])
def test_tokenize_gives_the_plain_loops_tokens(drop):
    texts = _texts()
    assert any("U.N." in t for t in texts)
    for text in texts:
        assert tokenize(text, drop=drop) == _plain_tokenize(text, drop)


def test_window_look_alikes_are_the_whole_text_look_alikes():
    """`_LookAlikes.missing` (pairwise, remembered) against `of` (the batch over the whole text)."""
    m = mentions._matcher_for(mentions.load_registry())
    asked = {True: 0, False: 0}
    for text in _texts():
        toks = tokenize(text)
        norms = [t.norm for t in toks]
        looks = mentions._LookAlikes(toks)
        for i, norm in enumerate(norms):
            for p, k in m.anchors.get(norm, ()):
                window = set(norms[max(0, i - k - 1) : i - k + m.phrases[p][2] + 2])
                for want in m.needs[p][0]:
                    missing = looks.missing(want, window)
                    assert missing == looks.of(want).isdisjoint(window), (want, sorted(window))
                    asked[missing] += 1
    assert asked[True] > 0 and asked[False] > 0


def test_mentions_in_a_span_are_the_plain_filters():
    """`SessionView.mentions_in` looks up by start; the plain filter scans every mention."""
    from forumlens.resolve.roles import AFFILIATING_KINDS, SessionView
    from forumlens.transcript.parse import parse_transcript

    seen = 0
    for path in [*SESSIONS, SHARED]:
        if not path.exists():
            continue
        session = parse_transcript(path.read_text("utf-8"))
        view = SessionView(session, mentions.find_mentions(session.text))
        spans = [s for spans in view.sentences.values() for s in spans] + [(t.start, t.end) for t in session.turns]
        spans += [(m.start, m.end) for m in view.mentions] + [(m.start + 1, m.end) for m in view.mentions]
        for a, b in spans:
            for kinds in (AFFILIATING_KINDS, ("dc",)):
                plain = [m for m in view.mentions if a <= m.start and m.end <= b and m.kind in kinds]
                assert view.mentions_in(a, b, kinds) == plain
                seen += len(plain)
    assert seen > 50
