"""englishwords: a lower-case word is English when the shipped English vocabulary holds it or its stem."""

from __future__ import annotations

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
