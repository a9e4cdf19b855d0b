"""englishwords: a lower-case word is English when the shipped English vocabulary holds it or its stem."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.text import englishwords, keep
from forumlens.text.englishwords import english_word


def test_plain_english_words_are_english() -> None:
    assert all(english_word(w) for w in ("policy", "community", "network", "library", "the"))


def test_an_inflected_english_word_is_english_by_its_stem() -> None:
    # the vocabulary lacks these forms but holds their stems
    assert all(english_word(w) for w in ("librarians", "cooperatives", "fishermen", "municipalities"))


def test_lower_case_words_of_other_languages_are_not_english() -> None:
    # Norwegian, Danish, Frisian and French words written in plain ASCII letters
    assert not any(english_word(w) for w in ("nettpolitikk", "bibliotekssamarbeid", "foreningen", "communautaire"))


def test_case_does_not_matter() -> None:
    assert english_word("Policy") and not english_word("Nettpolitikk")


def test_the_vocabulary_is_the_embedding_models_own_tokenizer_file() -> None:
    from forumlens.semantic.embedder import TOKENIZER
    from forumlens.text import englishwords

    assert englishwords._TOKENIZER == TOKENIZER and TOKENIZER.is_file()


def test_two_english_words_written_as_one_are_english() -> None:
    # the vocabulary lacks these compounds whole but holds both of their parts
    assert all(english_word(w) for w in ("toolkit", "toolkits", "roundtable", "sandbox", "blockchain"))


def test_a_word_the_longest_english_opening_leaves_a_scrap_of_is_no_compound() -> None:
    # "digitale" opens with "digital" and leaves "e"; Norwegian compounds open with no English word
    assert not any(english_word(w) for w in ("digitale", "ungdomsforum", "nettverk", "datatilsynet"))


def test_the_command_line_keeps_the_word_list_and_reads_back_the_same_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # parsing the tokenizer JSON costs ~20 ms a process; a warm start reads the kept list instead
    englishwords._vocabulary.cache_clear()
    plain = englishwords._vocabulary()
    keep.install(tmp_path)
    try:
        englishwords._vocabulary.cache_clear()
        cold = englishwords._vocabulary()
        assert (tmp_path / "kept-english-words.marshal").is_file()
        englishwords._vocabulary.cache_clear()
        monkeypatch.setattr(englishwords.json, "loads", _never)  # warm: no JSON is parsed
        warm = englishwords._vocabulary()
        assert plain == cold == warm and "policy" in warm and "nettpolitikk" not in warm
    finally:
        keep.install(None)
        englishwords._vocabulary.cache_clear()


def _never(*_args: object) -> object:
    raise AssertionError("the tokenizer file was parsed again although its word list was kept")
