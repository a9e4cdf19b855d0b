"""The fast paths of the tagger, the glossary and the stemmer decide exactly as their definitions.

Each faster routine (issue 19) is checked against the plain routine it replaced, kept here
as the reference, on real text: the shared transcript and the tag and summarise sessions
(tag, summarise, analyse and resolve samples) of tests/resources. Equality is exact (floats included): the speed-ups must not move any
tag score, glossary entry or cited span.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from forumlens.models import Session
from forumlens.tag import glossary as G
from forumlens.tag.model import (
    _doc_vectors,
    all_pair_features,
    lexicon_counts,
    load_model,
    pair_features,
    postings,
    similarities,
    similarities_by_postings,
    tfidf,
)
from forumlens.tag.tagger import passages
from forumlens.tag.taxonomy import SCHEMES, Taxonomy, load_taxonomy, match_terms
from forumlens.tag.text import SessionMemo, features_of_stems
from forumlens.text import STOPWORDS, stems, words
from forumlens.text.stems import word_stems
from forumlens.transcript.parse import parse_transcript

TESTS = Path(__file__).resolve().parent
SOURCES = [
    TESTS.parent.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((TESTS / "resources" / "tag").glob("*.txt")),
    *sorted((TESTS / "resources" / "summarise").glob("*.txt")),  # the top level only: held-out sets stay unread
    *sorted((TESTS / "resources" / "analyse").glob("*.txt")),
    *sorted((TESTS / "resources" / "resolve").glob("*.txt")),
]


@cache
def _sessions() -> tuple[Session, ...]:
    return tuple(parse_transcript(p.read_text("utf-8"), source=p.name) for p in SOURCES)


@cache
def _sentences() -> tuple[str, ...]:
    memo = SessionMemo()
    out = []
    for session in _sessions():
        out += [s.text for s in G._sentences(session, memo)]
    return tuple(out)


@cache
def _passages() -> tuple[list[str], ...]:
    """Stems of every tagger passage (a turn or a window of a long turn) of every session."""
    out = []
    for session in _sessions():
        for turn in session.turns:
            if turn.kind == "speech":
                out += [stems(turn.text[a:b]) for a, b in passages(turn.text)]
    return tuple(out)


def test_inputs_are_real_sessions() -> None:
    assert len(_sessions()) >= 20 and len(_sentences()) > 1500 and len(_passages()) > 300


# --- taxonomy.match_terms --------------------------------------------------------------


def _match_terms_reference(taxonomy: Taxonomy, text_stems: list[str]) -> list[tuple[int, int, int]]:
    found: list[tuple[int, int, int]] = []
    i, n = 0, len(text_stems)
    while i < n:
        options = taxonomy.index.get(text_stems[i])
        step = 1
        if options:
            best = 0
            seen: set[int] = set()
            for seq, entry in options:
                k = len(seq)
                if k < best or entry in seen:
                    continue
                if tuple(text_stems[i : i + k]) == seq:
                    best = max(best, k)
                    seen.add(entry)
                    found.append((entry, i, k))
            step = max(best, 1)
        i += step
    return found


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_match_terms_equals_the_stepping_scan(scheme: str) -> None:
    tax = load_taxonomy(scheme)
    texts = [*_passages(), *(stems(s) for s in _sentences())]
    # every vocabulary phrase twice in a row and overlapping its neighbours: the skip-over cases
    terms = [list(seq) for options in tax.index.values() for seq, _ in options]
    texts += [t + t + ["and"] + t[1:] for t in terms]
    hits = 0
    for text_stems in texts:
        found = match_terms(tax, text_stems)
        assert found == _match_terms_reference(tax, text_stems), text_stems
        hits += len(found)
    assert hits > 1000


# --- model: similarities and pair features -----------------------------------------------


def test_similarities_by_postings_equal_the_cosines() -> None:
    model = load_model("sdg")
    assert model is not None
    docs = _doc_vectors(model, "sdg")
    index = postings(docs)
    nonzero = 0
    for text_stems in _passages():
        vec = tfidf(features_of_stems(text_stems), model.idf)
        fast = similarities_by_postings(vec, index, len(docs))
        assert fast == similarities(vec, docs)
        assert [type(x) for x in fast] == [type(x) for x in similarities(vec, docs)]
        nonzero += any(fast)
    assert nonzero > 100
    assert similarities_by_postings({}, index, len(docs)) == similarities({}, docs)


def _check_pair_features(counts: list[float], sims: list[float], n_stems: int) -> None:
    fast = all_pair_features(counts, sims, n_stems)
    assert fast == [pair_features(counts, sims, k, n_stems) for k in range(len(counts))], (counts, sims)


def test_all_pair_features_equal_the_per_entry_features_on_real_passages() -> None:
    model = load_model("sdg")
    assert model is not None
    tax = load_taxonomy("sdg")
    docs = _doc_vectors(model, "sdg")
    for text_stems in _passages():
        sims = similarities(tfidf(features_of_stems(text_stems), model.idf), docs)
        _check_pair_features(lexicon_counts(tax, text_stems), sims, len(text_stems))


@pytest.mark.parametrize(
    ("counts", "sims"),
    [
        ([0.0, 0.0, 0.0], [0, 0, 0]),  # nothing found, and the integer zeros of an empty vector
        ([2.5, 2.5, 1.0], [0.3, 0.3, 0.1]),  # the top shared: the others' maximum is the top itself
        ([3.0, 1.0, 1.0], [0.1, 0.4, 0.2]),  # a single top: the others' maximum is the runner-up
        ([1.0], [0.2]),  # one entry: no others
        ([0.0, 1.5, 0.0, 1.5, 4.0], [0.0, 0.0, 0.2, 0.2, 0.2]),
    ],
)
def test_all_pair_features_on_ties_and_edges(counts: list[float], sims: list[float]) -> None:
    _check_pair_features(counts, sims, 40)


# --- the stemmer ------------------------------------------------------------------------


def test_stems_are_the_words_stems_in_turn() -> None:
    for sentence in _sentences():
        assert stems(sentence) == list(itertools.chain.from_iterable(word_stems(w) for w in words(sentence)))
    assert all(len(word_stems(w)) >= 1 for s in _sentences() for w in words(s))  # what `_spans` relies on


# --- glossary ---------------------------------------------------------------------------


def _spans_reference(sentence: str, seq: tuple[str, ...]) -> list[tuple[int, int]]:
    ws = G._words(sentence)
    n = len(seq)
    out = []
    for i in range(len(ws) - n + 1):
        if tuple(stems(" ".join(w for w, _, _ in ws[i : i + n]))) == seq:
            a, b = ws[i][1], ws[i + n - 1][2]
            if not re.search(r"[,.;:?!()]", sentence[a:b]):
                out.append((a, b))
    return out


def test_term_spans_equal_stemming_each_run() -> None:
    vocabulary = list(G._vocabulary())
    stemmed = G._StemmedSentences(SessionMemo().stems)  # as `_terms` builds it, on the session memo
    found = 0
    for sentence in _sentences()[::2]:
        st = stems(sentence)
        # the sentence's own stem runs (so most are found), a few vocabulary phrases, and a
        # hyphenated word's stems, which no run of whole words can give
        seqs = {tuple(st[i : i + n]) for n in (2, 3) for i in range(len(st) - n + 1)}
        seqs |= set(vocabulary[:20])
        seqs |= {word_stems(w) for w in words(sentence) if len(word_stems(w)) > 1}
        for seq in seqs:
            fast = G._spans(sentence, seq, stemmed)
            expected = _spans_reference(sentence, seq)
            assert fast == expected == G._spans(sentence, seq), (sentence, seq)
            found += len(fast)
    assert found > 2000


def _words_reference(text: str) -> tuple[list[bool], list[int]]:
    """(stopword flags, punctuation counts before each word) as `_Words` first computed them."""
    ws = G._words(text)
    stop = [w.lower() in STOPWORDS for w, _, _ in ws]
    breaks = [0] * len(ws)
    count = 0
    for k in range(1, len(ws)):
        if re.search(r"[.;:?!()]", text[ws[k - 1][2] : ws[k][1]]):
            count += 1
        breaks[k] = count
    return stop, breaks


def test_word_facts_equal_the_per_gap_scan() -> None:
    texts = [*_sentences(), "(A) first; then: B! (c) ... d?", "", "?!", "word"]
    for text in texts:
        info = G._Words(text)
        assert (info.stop, info.breaks) == _words_reference(text), text


def _runs_reference(sentence: str, acronym: str) -> list[tuple[int, int]]:
    """Every run of 1 to 3 words more than the acronym's letters, without punctuation inside,
    that `_initials_match` accepts: the definition `_runs` and `_candidates` must agree with."""
    n = len([c for c in acronym.lower() if c.isalpha()])
    ws = G._words(sentence)
    out = []
    for i in range(len(ws)):
        for j in range(i + n, min(len(ws), i + n + 3) + 1):
            if re.search(r"[.;:?!()]", sentence[ws[i][2] : ws[j - 1][1]]):
                break
            if G._initials_match(acronym, [w for w, _, _ in ws[i:j]]):
                out.append((ws[i][1], ws[j - 1][2]))
    return out


def test_acronym_runs_and_candidates_equal_the_brute_force() -> None:
    sentences = [G._Sentence(s, i, None) for i, s in enumerate(_sentences())]
    used = Counter(m.group(1) for s in _sentences() for m in G._ACRONYM.finditer(s))
    acronyms = [a for a, _ in used.most_common(12)] + ["ITU", "SDG", "UNESCO", "GDC"]
    cache: dict[object, object] = {}
    found = 0
    for acronym in acronyms:
        candidates = set(G._candidates(sentences, acronym, cache))
        for i, sent in enumerate(sentences):
            expected = _runs_reference(sent.text, acronym)
            assert G._runs(sent.text, acronym, cache) == expected, (sent.text, acronym)
            if expected:
                assert i in candidates, (sent.text, acronym)
            found += len(expected)
    assert found > 50


def test_spelled_initials_equal_the_word_facts() -> None:
    """`_expand` skips a prefix when `_spelled` lacks the acronym's letters; `_runs` itself
    skips exactly then, on `_Words.spelled`, so the two must be the same string, whatever the
    cut: inside a word ("often" cut to "of", a skipped word), after a hyphen, an apostrophe,
    or a capital whose lower case is two characters ("İ")."""
    made = [
        "the Internet Governance Forum IGF met",
        "often Internet Governance Forum",
        "well-being of Indigenous Groups, don't Internet Society's Group",
        "İstanbul Group İG and the Internet",
        "",
    ]
    texts = [*_sentences()[:300], *made]
    checked = 0
    for text in texts:
        for cut in range(0, len(text) + 1, 3):
            assert G._spelled(text[:cut]) == G._Words(text[:cut]).spelled, (text, cut)
            checked += 1
    assert checked > 10_000


def _shouted_reference(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def test_shouted_equals_counting_letters() -> None:
    texts = [*_sentences(), "THE IGF", "The IGF", "ÉTAT DU NET", "Ⓐ Ⓑ Ⓒ ab", "ΑΒΓ δε", "", "123 !!", "İSTANBUL’S"]
    for text in texts:
        assert G._shouted(text) == _shouted_reference(text), text
    assert any(G._shouted(t) for t in texts) and not all(G._shouted(t) for t in texts)
