"""forumlens.text.accents: accents dropped one character for one, so offsets found in the fold cut the original."""

from __future__ import annotations

from forumlens.resolve import cues
from forumlens.resolve.text import norm_word
from forumlens.text.accents import ascii_fold, unaccented
from forumlens.transcript.speakers import name_key


def test_accented_names_fold_to_their_base_letters() -> None:
    assert unaccented("Ms. Fernández") == "Ms. Fernandez"
    assert unaccented("Ökten, Şahin, Petrović") == "Okten, Sahin, Petrovic"


def test_hyphen_look_alikes_read_as_a_plain_hyphen() -> None:
    assert unaccented("Jean\u2011Paul and Anne\u2010Marie") == "Jean-Paul and Anne-Marie"


def test_the_fold_keeps_every_offset_of_the_original() -> None:
    text = "Thank you, Ms. Fernández\u2011Ruiz (Ægis, Ŀlorenç). Next: Mr. Ñúñez."
    folded = unaccented(text)
    assert len(folded) == len(text)
    start = folded.index("Fernandez-Ruiz")
    assert text[start : start + len("Fernandez-Ruiz")] == "Fernández\u2011Ruiz"


def test_case_and_ascii_text_are_kept_as_they_are() -> None:
    text = "FERNANDEZ said: plain ASCII stays the same object"
    assert unaccented(text) is text
    assert unaccented("ÉCOLE") == "ECOLE"


def test_resolve_finds_an_accented_name_from_a_plain_label_and_cuts_the_original() -> None:
    text = "Thank you. Now Ms. Fernández\u2011Ruiz, then Tomás from the floor, then fernandez again."
    hits = cues.find_name_hits(text, 0, len(text), ["Fernandez-Ruiz", "Tomas"])
    assert [text[h.start : h.end] for h in hits] == [
        "Fernández\u2011Ruiz",
        "Tomás",
    ]  # lower-case "fernandez" is no name


def test_the_ascii_fold_spells_the_letters_nfkd_leaves_whole() -> None:
    assert ascii_fold("Çakırsoy") == "Cakirsoy"
    assert ascii_fold("Łukasz Sørensen, Đorđe, Weiß, Æsa, Œuvre") == "Lukasz Sorensen, Dorde, Weiss, AEsa, OEuvre"
    assert ascii_fold("Ana Lima") == "Ana Lima"
    assert ascii_fold("Иван 山田") == "Иван 山田"  # other scripts are not transliterated


def test_the_parser_resolve_and_the_scorer_key_a_dotless_i_alike() -> None:
    assert name_key("MS. ÇAKIRSOY") == name_key("Ms. Cakirsoy") == "ms cakirsoy"
    assert norm_word("Çakırsoy") == norm_word("CAKIRSOY") == "cakirsoy"
