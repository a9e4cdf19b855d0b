"""The faster thread item extraction gives exactly the answers of the plain computations it replaced.

Why: issue 19 made `threads` cheaper (memoised lexicon look-ups, coalition names found only
when a cue needs them, cue patterns behind a literal prefilter, one sentence's pattern answers
reused). Each shortcut must be invisible: these tests recompute every answer the plain way
(the lexicon's own fields, eagerly found names, the raw patterns) on every sentence of real
sessions (the shared transcript and the bench/threads dev set) and compare.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from forumlens.ingest import prepare_bytes
from forumlens.resolve.mentions import find_mentions
from forumlens.text import stem, word_spans
from forumlens.text.cuegate import GatedCue
from forumlens.threads import cues, extract_items
from forumlens.threads.cues import find_cue, is_intro, is_non_ask, retro_promise
from forumlens.threads.lexicon import _STOP, Lexicon, load_lexicon
from forumlens.threads.promiseshape import promise_shape
from forumlens.threads.sentences import LineFinder, turn_sentences

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((ROOT / "bench" / "threads" / "dev").iterdir()),
    *sorted((ROOT / "examples").glob("*.txt")),
    *sorted((ROOT / "bench" / "threads" / "blind4").iterdir()),
]


@pytest.fixture(scope="module")
def prepared() -> list:
    out = []
    for path in SOURCES:
        p = prepare_bytes(path.read_bytes(), path.name)
        assert p.failure is None, (path, p.failure)
        out.append(p)
    return out


@pytest.fixture(scope="module")
def sentences(prepared) -> list[str]:
    found: list[str] = []
    for p in prepared:
        lines = LineFinder(p.session.text)
        for turn in p.session.turns:
            if turn.kind == "speech":
                found += [s.text for s in turn_sentences(p.session, turn, lines)]
    assert len(found) > 500
    return found


# -- the plain computations, from the lexicon's fields ------------------------------------------
def _plain_concept(lex: Lexicon, stemmed: str) -> str | None:
    if stemmed in lex.concept_of:
        return lex.concept_of[stemmed]
    return next((c for prefix, c in lex.prefixes if stemmed.startswith(prefix)), None)


def _plain_features(lex: Lexicon, text: str) -> list[str]:
    stems_ = [stem(text[a:b]) for a, b in word_spans(text)]
    out, i = [], 0
    while i < len(stems_):
        phrase = next((p for p in lex.phrases if tuple(stems_[i : i + len(p[0])]) == p[0]), None)
        if phrase is not None:
            out.append(phrase[1])
            i += len(phrase[0])
            continue
        word = stems_[i]
        i += 1
        claimed = _plain_concept(lex, word)
        if claimed is not None:
            out.append(claimed)
        elif word not in _STOP and len(word) > 2 and not word.isdigit():
            out.append(word)
    return out


def _plain_scores(lex: Lexicon, features: list[str]) -> dict[str, int]:
    scores = {}
    for name, signals in lex.categories:
        hits = sum(1 for f in features if lex.signals_match(f, signals))
        if hits:
            scores[name] = hits
    return scores


def _plain_deliverables(lex: Lexicon, text: str) -> list[tuple[int, int, str]]:
    spans = list(word_spans(text))
    stems_ = [stem(text[a:b]) for a, b in spans]
    found, i = [], 0
    while i < len(stems_):
        hit = next((f for f in lex.families if tuple(stems_[i : i + len(f[0])]) == f[0]), None)
        if hit is None:
            i += 1
            continue
        found.append((spans[i][0], spans[i + len(hit[0]) - 1][1], hit[1]))
        i += len(hit[0])
    return found


def test_lexicon_answers_equal_the_plain_computation_on_real_sentences(sentences):
    lex = load_lexicon()
    phrases = delivered = 0
    for text in sentences * 2:  # the second pass is answered from the memos
        features = lex.features(text)
        assert features == _plain_features(lex, text), text
        assert lex.category_scores(features) == _plain_scores(lex, features), text
        assert list(lex.category_scores(features)) == list(_plain_scores(lex, features))  # same order too
        found = lex.deliverables(text)
        assert found == _plain_deliverables(lex, text), text
        phrases += any(f.startswith("@") for f in features)
        delivered += bool(found)
    assert phrases > 50 and delivered > 50  # the sentences exercise concepts and deliverables


def _names(sentence: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in find_mentions(sentence) if m.kind == "dc"]


def test_names_found_lazily_give_the_cue_eager_names_give(sentences):
    """`find_cue` asks for the coalition names only when a named-subject cue could fire."""
    asked: list[str] = []

    def lazy(text: str):
        def names() -> list[tuple[int, int]]:
            asked.append(text)
            return _names(text)

        return names

    named = 0
    for text in sentences:
        eager = _names(text)
        named += bool(eager)
        for signals in (None, frozenset({"promise", "delivery"}), frozenset({"need", "slip"})):
            assert find_cue(text, signals=signals, names=lazy(text)) == find_cue(text, signals=signals, names=eager)
    assert named > 20  # real coalition names were in play
    assert len(set(asked)) < len(sentences) / 4  # and most sentences never needed them


def _plain_cue(sentence: str, signals: frozenset[str] | None) -> tuple[str, int, int] | None:
    """`find_cue` without names, from the raw patterns (no prefilter, no memo)."""
    raw = {"response": cues._RESPONSE, "slip": cues._SLIP, "update": cues._UPDATE, "promise": cues._PROMISE}
    raw |= {"delivery": cues._DELIVERY, "enacted": cues._ENACTED, "need": cues._NEED}
    for signal, pattern in raw.items():
        if signals is not None and signal not in signals:
            continue
        match = pattern.search(sentence)
        if match is None and signal == "need":
            match = cues._IMPERATIVE.search(sentence) or cues._POLITE.search(sentence)
            if match is None and cues._UNABLE.search(sentence) and cues._FOR_WANT.search(sentence):
                match = cues._UNABLE.search(sentence)
        if match is None and signal == "response":  # what the floor told the institution at a named meeting
            told = cues._TOLD_US.pattern.search(sentence)
            match = told if told is not None and cues._meeting_named().search(sentence) else None
        if match is None and signal == "promise":  # a dated future, or a promise by its clause's shape
            match = cues._dated_future(sentence) or cues._dated_will(sentence) or promise_shape(sentence)
        if match is None:
            continue
        if signal == "delivery" and cues._asked(sentence, match):
            continue  # a delivery cue inside a question tells nothing was delivered
        if signal == "need":
            non_ask = cues._NON_ASK.search(sentence) or sentence.rstrip("\"'”’)] ").endswith("?")
            short = len(sentence.split()) < (3 if match.re is cues._IMPERATIVE else 5)
            if cues._NOT_NEED.search(sentence) or non_ask or short:
                continue
            if cues._not_the_ask(sentence, match):  # a frame, the noun "needs", a reported need: a later one
                match = next(
                    (m for m in pattern.finditer(sentence, match.end()) if not cues._not_the_ask(sentence, m)), None
                )
                if match is None:
                    continue
        return signal, match.start(), match.end()
    return None


def _cues_in_turns(sentences: list[str]) -> Iterator[tuple[str, frozenset[str] | None]]:
    """Each sentence asked as `items` asks it (several signal sets in a row), then out of order."""
    for text in sentences:
        for signals in (frozenset({"response"}), None, frozenset({"need"})):
            yield text, signals
    for text in reversed(sentences):
        yield text, None


def test_prefiltered_memoised_cues_equal_the_raw_patterns(sentences):
    fired: set[str] = set()
    for text, signals in _cues_in_turns(sentences):
        got = find_cue(text, signals=signals)
        assert (None if got is None else (got.signal, got.start, got.end)) == _plain_cue(text, signals), text
        assert is_non_ask(text) == bool(cues._NON_ASK.search(text) or text.rstrip("\"'”’)] ").endswith("?"))
        if got is not None:
            fired.add(got.signal)
    assert {"need", "promise", "delivery", "response"} <= fired


def test_items_do_not_depend_on_what_was_extracted_before(prepared):
    """The memos (lexicon, cue patterns) carry nothing from one session into the next: extracting
    the sessions in reverse order, each twice, gives the same items as a first extraction."""
    first = {p.session.id: json.dumps(extract_items(p.session, p.analyses).to_json()) for p in prepared}
    assert sum(len(json.loads(v)["items"]) for v in first.values()) > 50
    for p in reversed(prepared):
        for _ in range(2):
            assert json.dumps(extract_items(p.session, p.analyses).to_json()) == first[p.session.id]


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


def test_every_cue_pattern_behind_the_shared_prefilter_matches_as_the_raw_pattern(sentences):
    """Issue 19: every cue pattern sits behind `text.cuegate.GatedCue` in the threads' own family (one literal scan per
    sentence for all of them, one alternative's literals required). The filter may only skip a
    pattern that cannot match: each filtered pattern's match is the raw pattern's, on every sentence."""
    filtered = [*(p for _, p in cues._ORDER), *cues._NAMED.values(), cues._NOT_NEED_FAST, cues._NON_ASK_FAST]
    filtered += [cues._IMPERATIVE_FAST, cues._POLITE_FAST, cues._UNABLE_FAST, cues._FOR_WANT_FAST]
    filtered += [cues._RETRO_FAST, cues._INTRO_FAST, cues._TOLD_US]
    skipped = ran = 0
    for pattern in filtered:
        assert isinstance(pattern, GatedCue) and pattern.family is cues._GATE
        for text in sentences:
            possible = pattern.possible(text)
            got = pattern.search(text)
            assert _span(got) == _span(pattern.pattern.search(text)), (pattern.pattern.pattern[:60], text)
            skipped += not possible
            ran += possible
    assert skipped > 4 * ran  # the filter does skip most (pattern, sentence) pairs


def test_retro_promise_and_intro_equal_their_raw_patterns(sentences):
    retro = intro = 0
    for text in sentences:
        assert _span(retro_promise(text)) == _span(cues.RETRO_PROMISE.search(text)), text
        assert is_intro(text) == bool(cues._INTRO.search(text)), text
        retro += retro_promise(text) is not None
        intro += is_intro(text)
    assert retro > 3 and intro > 20


def test_lexicon_text_memos_hand_out_copies(sentences):
    """`features` and `deliverables` are remembered per sentence: a caller changing the list it got
    must not change the next caller's answer."""
    lex = load_lexicon()
    text = next(t for t in sentences if lex.deliverables(t) and lex.features(t))
    features, found = lex.features(text), lex.deliverables(text)
    lex.features(text).append("@changed")
    lex.deliverables(text).clear()
    assert lex.features(text) == features == _plain_features(lex, text)
    assert lex.deliverables(text) == found == _plain_deliverables(lex, text)
