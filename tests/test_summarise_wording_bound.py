"""The window ceiling from the words a reading may show (`summarise.wordingbound`) is a bound.

`spans._WindowSearch` skips rendering a clause window when even its best wording could not
beat the best version found. With `sources` that best wording is read from the cue and
summary words of the window, the speaker's sentence before it and the speaker's body
(`wordingbound.window_wording`) instead of the best any text could have. If a rendering
could show a cue or summary word none of those texts holds, a window that would have won
would be skipped and the report would change. Checked three ways: the lemma on sentences
written for the test and on generated ones, rendered with a body and a sentence before;
every window's real score on real transcripts within its new ceiling; and `best_version`
with `sources` equal to `best_version` without them, with fewer renderings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.summarise import rank
from forumlens.summarise.rank import SUMMARY, unit_factor, wording_free_factor
from forumlens.summarise.rewrite import Voice, render_sentence
from forumlens.summarise.spans import _SLACK, best_version
from forumlens.summarise.wordingbound import window_wording, words_of

from .test_summarise_spans_search import _searches_of, scored_windows

HERE = Path(__file__).resolve().parent
SOURCES = [
    *sorted((HERE.parent / "examples").glob("*.txt"))[:3],
    *sorted((HERE / "resources" / "summarise").glob("*.txt"))[:4],
    *sorted((HERE / "resources" / "summarise" / "held_out20").glob("*.txt"))[:3],
]
BODY = Voice("Ana Ruiz", "DC on Open Standards", "DC on Open Standards", "panellist")
CHAIR = Voice("Ben Okafor", None, None, "moderator")


def _cues(text: str) -> int:
    """How many cue matches `rank._text_factors` counts in `text` (before praise)."""
    return len(rank._CUE.findall(text))


def _lemma_holds(text: str, voice: Voice | None, before: str | None) -> bool:
    """Whether the rendering of `text` shows no more cue matches than the texts it reads hold
    cue words, and a summary phrase only when they hold a summary word."""
    rendered = render_sentence(text, voice, before, True)
    if rendered is None:
        return True
    parts = [words_of(t) for t in (text, before, voice.body if voice else None) if t]
    cues, summary = sum(p[0] for p in parts), any(p[1] for p in parts)
    return _cues(rendered.text) <= cues and (SUMMARY.search(rendered.text) is None or summary)


def test_words_of_counts_cue_words_and_finds_summary_words() -> None:
    assert words_of("We need funding, and the key risks are known.") == (4, False)  # need, funding, key, risks
    assert words_of("Let me sum up: all speakers agreed.") == (2, True)  # sum, agreed; summary words too
    assert words_of("The weather was fine.") == (0, False)
    # "every speaker" may be written as one word before a verb of saying: its tail is the noun
    assert words_of("Everyspeaker said so.")[1]


def test_every_cue_of_the_ranking_is_counted() -> None:
    # `_CUE_WORD` restates `rank._CUE`'s alternatives: a cue added there and not here would be
    # a cue the bound does not count (each alternative written out: `\\w*` as "s", `[sz]` as "s")
    group = re.search(r"\\b\((.*)\)\\b", rank._CUE.pattern)
    assert group is not None
    for alternative in group.group(1).split("|"):
        text = "They said " + alternative.replace("\\w*", "s").replace("[sz]", "s") + " here."
        assert len(rank._CUE.findall(text)) == 1, text
        assert words_of(text)[0] >= 1, text


@pytest.mark.parametrize(
    "phrase",
    [
        "to summarise",
        "in summary",
        "to sum up",
        "to conclude",
        "in conclusion",
        "we heard",
        "what I have heard",
        "bring together what",
        "synthesize",
        "to wrap up",
        "let me recap",
        "everybody seemed to agree",
        "we all agreed",
        "there was broad consensus",
        "there is a clear agreement",
        "most of the panellists stressed",
        "each speaker came back to",
    ],
)
def test_every_kind_of_summary_phrase_holds_a_summary_word(phrase: str) -> None:
    text = f"So {phrase} that the grid is weak."
    assert SUMMARY.search(text), text
    assert words_of(text)[1], text


def test_a_word_whose_tail_compress_may_cut_counts_as_its_head() -> None:
    # "Fundso on." -> "Fund." (`compress` deletes "so on" without a word start): "fundso" may leave "fund"
    assert words_of("Fundso on.") == (1, False)
    assert words_of("The keyand so on.")[0] == 1  # "keyand so on" -> "key"
    assert words_of("A budget cetera.")[0] == 0  # "budg" is no cue word


def test_window_wording_is_the_product_of_the_multipliers_it_bounds() -> None:
    ceiling = 9.0
    assert window_wording([(0, False)], wrapup=False, chair=False, ceiling=ceiling) == 1.0
    assert window_wording([(0, False)], wrapup=False, chair=True, ceiling=ceiling) == 0.6
    assert window_wording([(0, False)], wrapup=True, chair=True, ceiling=ceiling) == 1.3
    assert window_wording([(2, False), (5, True)], wrapup=False, chair=True, ceiling=ceiling) == pytest.approx(
        1.36 * 1.3
    )
    assert window_wording([(2, False)], wrapup=False, chair=False, ceiling=1.1) == 1.1


@pytest.mark.parametrize(
    ("text", "voice", "before"),
    [
        # the body the "we" becomes brings its own words ("Funding" is a cue word)
        (
            "We have published a guide for libraries in three languages.",
            Voice("Ana", "DC on Funding", "DC on Funding"),
            None,
        ),
        # a context merge brings the sentence before it ("key", "gap")
        (
            "It has to be paid by the ministries in every region of the country.",
            BODY,
            "The key gap is the rural grid.",
        ),
        # a chair's "we agreed" becomes the session's
        ("We agreed today that the helplines need core funding every year.", CHAIR, None),
        # filler between two words of a phrase: "sum, uh, up" reads "sum up"
        ("So, to sum, uh, up, the grid is not reliable for most of the clinics.", BODY, None),
    ],
)
def test_a_rendering_shows_only_cue_words_its_texts_hold(text: str, voice: Voice, before: str | None) -> None:
    rendered = render_sentence(text, voice, before, True)
    assert rendered is not None
    assert _lemma_holds(text, voice, before)


def test_without_the_texts_a_rendering_borrows_from_the_bound_would_fail() -> None:
    # the check is not vacuous: counted on the sentence alone, these readings show more
    text, before = (
        "It has to be paid by the ministries in every region of the country.",
        "The key gap is the rural grid.",
    )
    rendered = render_sentence(text, BODY, before, True)
    assert rendered is not None and "key" in rendered.text
    assert _cues(rendered.text) > words_of(text)[0]
    funded = render_sentence(
        "We have published a guide for libraries.", Voice("Ana", "DC on Funding", "DC on Funding"), None, True
    )
    assert funded is not None and _cues(funded.text) > words_of("We have published a guide for libraries.")[0]


_PIECES = st.sampled_from(
    [
        "we",
        "We",
        "our",
        "us",
        "need",
        "needs",
        "have",
        "are",
        "support",
        "fund",
        "the",
        "key",
        "um",
        "uh,",
        "you know,",
        "so on",
        "and so on",
        "et cetera",
        "also",
        "husband",
        "budget",
        "sum",
        "up",
        "heard",
        "agree",
        "agreed",
        "speakers",
        "every",
        "all",
        "there is",
        "consensus",
        "in",
        "summary",
        "to",
        "call",
        "on",
        "lack",
        "I think",
        "basically",
        "‑‑",
        "(inaudible)",
        "by the way,",
        "your",
        "inputs",
        "with",
        "governments",
        "must",
        "published",
        "a",
        "guide",
        "libraries",
        "is",
        "that",
        ",",
        ".",
        "sorry,",
        "no,",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=4, max_size=24), st.lists(_PIECES, max_size=10), st.booleans(), st.booleans())
def test_generated_renderings_show_only_cue_words_their_texts_hold(words, prior, with_body, chair) -> None:
    text = " ".join(words)
    before = " ".join(prior) + "." if prior else None
    voice = CHAIR if chair else (BODY if with_body else None)
    assert _lemma_holds(text, voice, before)


@pytest.fixture(scope="module")
def searches() -> list[tuple]:
    out = [one for path in SOURCES for one in _searches_of(path, with_sources=True)]
    assert len(out) >= 40
    return out


def test_every_window_scores_within_its_ceiling_from_its_words(searches) -> None:
    scored, tighter = 0, 0
    for model, search, n, window, found in scored_windows(searches):
        scored += 1
        assert found.score <= search.ceiling(n) * _SLACK, found.unit.text
        # the wording part alone, read as it renders
        read = replace(window[3], text=search.reading(window[3]))
        known = wording_free_factor(model, read)
        assert unit_factor(model, read) <= search._wording(n) * known * _SLACK, read.text
        tighter += search._wording(n) < 1.3
    assert scored >= 100 and tighter >= 50  # most windows hold no summary word: the bound is tighter


def test_best_version_with_sources_is_best_version_without() -> None:
    renders = {True: 0, False: 0}
    for path in SOURCES:
        for with_sources in (True, False):
            for model, item, boost, wording, search in _searches_of(path, with_sources):
                wording._rendered.clear()
                got = best_version(model, item, boost, reading=wording.reading, sources=search.sources)
                renders[with_sources] += len(wording._rendered)
                plain = best_version(model, item, boost, reading=wording.reading)
                assert (got is None) == (plain is None)
                if got is not None and plain is not None:
                    assert (got.unit.span, got.unit.text, got.score) == (plain.unit.span, plain.unit.text, plain.score)
    assert renders[True] < 0.6 * renders[False]  # and it renders far fewer windows
