"""`text.phrases.PhraseSpans` gives exactly the spans of the case-insensitive alternation it replaces."""

from __future__ import annotations

import random
import re

from forumlens.text.phrases import PhraseSpans, phrase_pattern

NAMES = [
    "Dynamic Coalition on Public Access in Libraries",
    "Internet Governance Forum",
    "Public Access",
    "DC on Gender and Internet Governance",
    "Coalition on Public",
    "Ministério das Comunicações",
]


def alternation_spans(phrases: list[str], text: str) -> list[tuple[int, int]]:
    pattern = re.compile("|".join(phrase_pattern(p) for p in phrases), re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def test_longer_name_listed_first_wins_where_both_start() -> None:
    names = sorted(NAMES, key=len, reverse=True)
    text = "the DYNAMIC coalition on public access in\nlibraries met; Public Access matters"
    assert PhraseSpans(names).spans(text) == [(4, 51), (57, 70)]
    assert PhraseSpans(names).spans(text) == alternation_spans(names, text)


def test_overlapping_names_take_the_leftmost_match_then_go_on_after_it() -> None:
    names = ["Coalition on Public", "Public Access"]
    text = "a Coalition on Public Access"  # the alternation takes "Coalition on Public", not "Public Access"
    assert PhraseSpans(names).spans(text) == alternation_spans(names, text) == [(2, 21)]


def test_a_sentence_without_any_name_gives_none() -> None:
    assert PhraseSpans(NAMES).spans("Thank you, Chair, for the floor.") == []


def test_non_ascii_case_and_look_alikes_as_the_pattern_sees_them() -> None:
    names = ["Ministério das Comunicações", "Kelvin Network"]
    text = "MINISTÉRIO DAS COMUNICAÇÕES and the \u212aelvin network"  # Kelvin sign: matches "K" under IGNORECASE
    assert PhraseSpans(names).spans(text) == alternation_spans(names, text)
    assert len(PhraseSpans(names).spans(text)) == 2


def test_random_texts_of_name_pieces_agree_with_the_alternation() -> None:
    rng = random.Random(17)
    pieces = [*NAMES, "public", "access in", "COALITION ON", "  ", "the", "Forum Internet"]
    names = sorted(NAMES, key=len, reverse=True)
    for _ in range(2000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert PhraseSpans(names).spans(text) == alternation_spans(names, text), text
