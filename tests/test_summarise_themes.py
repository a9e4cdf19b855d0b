"""Themes named by meaning (issue 23, item 3): a topic brief's theme is a taxonomy label (SDG,
IGF issue area, GDC objective, ask category) its bullets bear evidence for, or a key phrase of
two content words its bullets share; never a lone stray word, never a label they do not support."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from forumlens.analyse.askcues import CATEGORIES
from forumlens.models import Session
from forumlens.summarise import brief_topic, check_citations
from forumlens.summarise.models import Theme
from forumlens.summarise.themes import ASK_LABELS, OTHER, label_themes, phrases_of
from forumlens.summarise.units import terms
from forumlens.tag.taxonomy import SCHEMES, load_taxonomy, match_terms
from forumlens.text.stems import stems
from forumlens.text.stopwords import STOPWORDS
from forumlens.transcript.parse import parse_transcript

from .conftest import MAIN_SESSION, RESOURCES

TOPICS = (
    "funding and financial support",
    "meaningful access",
    "capacity building",
    "community networks",
    "accessibility",
    "misinformation elections",
    "environment energy",
    "recognition of outputs",
    "human rights",
)


def _load(path: Path) -> Session:
    data = path.read_bytes()
    return parse_transcript(data.decode("utf-8"), source=path.name, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def sessions() -> list[Session]:
    return [_load(MAIN_SESSION), *(_load(p) for p in sorted((RESOURCES / "summarise").glob("*.txt")))]


def _evidence(label: str, text: str, year: int | None) -> set[tuple[str, ...]]:
    """Evidence terms in `text` of the taxonomy entries called `label` (issue areas of `year` only)."""
    found: set[tuple[str, ...]] = set()
    text_stems = stems(text)
    for scheme in SCHEMES:
        tax = load_taxonomy(scheme)
        for entry, start, length in match_terms(tax, text_stems):
            e = tax.entries[entry]
            if e.label == label and (scheme != "issue-area" or e.year == year):
                found.add(tuple(s for s in text_stems[start : start + length] if s not in STOPWORDS))
    return found


def _contains(words: list[str], phrase: list[str]) -> bool:
    return any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


def _problem(theme: Theme, years: dict[str, int | None]) -> str | None:
    """Why the theme's label is not supported by its bullets (None: it is)."""
    texts = [b.text for b in theme.bullets]
    taxonomy = {e.label for s in SCHEMES for e in load_taxonomy(s).entries}
    if theme.title in taxonomy:
        found = [_evidence(theme.title, b.text, years[b.citations[0].session or ""]) for b in theme.bullets]
        if not all(found):
            return "a bullet bears no evidence term of the label"
        if not any(len(f) >= 2 or any(len(seq) >= 2 for seq in f) for f in found):
            return "no bullet bears strong evidence (two terms, or a term of two words)"
        return None
    category = {v: k for k, v in ASK_LABELS.items()}.get(theme.title)
    if category is not None:
        return None if all(CATEGORIES[category].search(t) for t in texts) else "a bullet lacks the ask category"
    phrase = terms(theme.title)
    if len(theme.title.split()) < 2 or len(phrase) < 2:
        return "a lone word"
    holding = sum(_contains(terms(t), phrase) for t in texts)
    return None if holding >= min(2, len(texts)) else "the phrase is not shared by the bullets"


def test_every_theme_label_is_supported_by_its_own_bullets(sessions: list[Session]) -> None:
    years = {s.id: s.year for s in sessions}
    labelled = other = 0
    for topic in TOPICS:
        brief = brief_topic(topic, sessions)
        assert brief.themes, topic
        assert check_citations(brief, sessions) == []
        for theme in brief.themes:
            if theme.title == OTHER:  # the honest catch-all: bullets that support no label
                other += len(theme.bullets)
                continue
            labelled += len(theme.bullets)
            assert _problem(theme, years) is None, (topic, theme.title, _problem(theme, years))
    assert labelled > 2 * other  # most points sit under a label that says what they are about


def test_a_stored_tag_does_not_name_a_theme_its_bullets_do_not_bear(sessions: list[Session]) -> None:
    """A session tag is about a passage: tagging every line "Gender equality" must not head
    the points about backhaul, spectrum and funding with it."""
    networks = next(s for s in sessions if "community-networks" in s.source)
    lines = [t.line for t in networks.turns if t.kind == "speech"]
    tag = {"scheme": "sdg", "code": "SDG5", "label": "Gender equality", "score": 0.9, "lines": lines}
    sources: list[Any] = [(s, {"tags": [tag]}) if s is networks else s for s in sessions]
    brief = brief_topic("community networks", sources)
    years = {s.id: s.year for s in sessions}
    assert brief.themes
    for theme in brief.themes:
        assert theme.title == OTHER or _problem(theme, years) is None, theme.title


def test_phrases_are_two_content_words_that_stand_together() -> None:
    text = "Fair access to backhaul, spectrum and universal service funds, and the rule of law, said Jason Munyan."
    found = {p.surface for p in phrases_of(text, frozenset({"jason", "munyan"}))}
    assert {"universal service", "service funds", "rule of law", "Fair access"} <= found
    assert "backhaul spectrum" not in found and not any("Jason" in p or "Munyan" in p for p in found)
    assert "Charter of Human" not in {p.surface for p in phrases_of("the Charter of Human Rights and Principles")}


def test_labels_name_what_bullets_share_and_never_a_lone_word() -> None:
    texts = [
        "Universal service funds should be opened to community networks.",
        "Small operators cannot reach universal service funds today.",
        "WE'RE simple people here.",
    ]
    themes = dict(label_themes(texts, "connectivity"))
    shared = next(label for label, members in themes.items() if members == [0, 1])
    assert shared == "Universal service funds"  # the whole compound, not a piece of it
    assert themes.get(OTHER) == [2]  # nothing to name it by: no stray word heads it
    assert all(len(label.split()) >= 2 for label in themes)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # a verb phrase names no theme
        ("Test the platforms and put accessibility and a budget into the IGF.", set(), {"put accessibility"}),
        # a piece of a longer proper name is no key phrase; the real phrase after it is
        (
            "At APC the Association for Progressive Communications has supported community networks.",
            {"community networks"},
            {"Progressive Communications"},
        ),
        (
            "The Digital Services Act requires very large platforms to assess risks.",
            set(),
            {"Act requires", "Services Act"},
        ),
        # a body is an actor, not a theme
        ("The IGF secretariate should link the outputs to institutions.", set(), {"IGF secretariate"}),
        ("Human Rights matter for universal service funds.", {"universal service", "service funds"}, set()),
    ],
)
def test_key_phrases_are_noun_phrases_not_verbs_names_or_bodies(text: str, kept: set[str], dropped: set[str]) -> None:
    surfaces = {p.surface for p in phrases_of(text)}
    assert kept <= surfaces
    assert not (dropped & surfaces)


def test_a_phrase_heading_one_bullet_is_no_theme() -> None:
    """Issue 23 item 3: "Light licence" over one point is no theme; it joins the leftovers."""
    texts = [
        "Universal service funds should pay for the rural towers.",
        "Universal service funds sit unspent in many countries.",
        "A light licence would let villages run their own networks.",
        "Operators want a fair window in the next tender.",
    ]
    recurring = {("light", "licence"): 3, ("universal", "service"): 4}
    themes = dict(label_themes(texts, "funding", recurring=recurring))
    assert themes == {"Universal service funds": [0, 1], OTHER: [2, 3]}


def test_a_lone_leftover_keeps_its_own_label() -> None:
    texts = [
        "Universal service funds should pay for the rural towers.",
        "Universal service funds sit unspent in many countries.",
        "A light licence would let villages run their own networks.",
    ]
    themes = dict(label_themes(texts, "funding", recurring={("light", "licence"): 3}))
    assert themes == {"Universal service funds": [0, 1], "Light licence": [2]}


def test_a_compound_of_three_words_heads_its_theme_not_a_piece_of_it() -> None:
    texts = [
        "Kenya passed its data protection law in 2019.",
        "Data protection law applies to riders today.",
        "Make sure you have a data protection law first.",
    ]
    assert label_themes(texts, "data protection") == [("Data protection law", [0, 1, 2])]
    surfaces = [p.surface for p in phrases_of("the extended producer responsibility law must be enforced")]
    assert "extended producer responsibility" in surfaces
    # a body's head noun ends no compound: "Internet Steering Committee" names an actor
    assert not any(p.surface.endswith("Committee") for p in phrases_of("the Internet Steering Committee funds it"))


def test_labels_that_name_the_same_thing_are_one_theme() -> None:
    """Issue 23: "Funding" and "Need funding" headed two themes of one brief."""
    texts = [
        "Donors should fund the translations of the toolkit.",
        "We ask donors to fund a part-time coordinator for the coalition.",
        "In the survey, most rural networks said they need funding after the first year.",
        # a statement with one keyword is no funding ask: only the phrase "need funding" labels it
        "Those that need funding most are the networks in the mountains, the study found.",
    ]
    themes = dict(label_themes(texts, "community networks", recurring={("need", "fund"): 3}))
    assert themes == {"Funding": [0, 1, 2, 3]}  # was "Funding" [0, 1, 2] and "Need funding" [3]


def test_the_topics_own_label_does_not_swallow_a_more_specific_one() -> None:
    texts = [
        "Universal service funds should pay for the rural towers.",
        "Universal service funds sit unspent in many countries.",
        "Donors should fund the translations of the toolkit.",
        "We ask donors to fund a part-time coordinator for the coalition.",
    ]
    themes = dict(label_themes(texts, "funding"))
    assert themes.get("Universal service funds") == [0, 1], themes
