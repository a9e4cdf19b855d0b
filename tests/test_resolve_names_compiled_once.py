"""The name searches of resolve that compile only a name's own words per call (issue 19) find
what the one pattern per name they replaced found.

Each pattern built per name had a name word in it (`selfnames.NAME_WORD`, whose accented capitals
cost about a millisecond to compile) or a hyphen class; compiled for every name of every session,
they were most of the regex compiling of a who's-who pass. Now the name-word part is compiled
once a process and matched where the name's words end. The reference patterns are written out
here and compared on small invented sentences, edge cases included (a name said twice, a name
inside a longer word, a Kelvin sign, non-breaking spaces, accented capitals, a hyphenated word).
"""

from __future__ import annotations

import itertools
import re

import pytest

from forumlens.resolve.corrected import _HYPHENS, _said_lengthened
from forumlens.resolve.selfnames import NAME_WORD, _between, _said_alone, _said_whole

SENTENCES = [
    "",
    "Thank you, Celsa, seven minutes.",
    "Celsa Ocampos Yegros is our first speaker. Celsa, please.",
    "Celsa\u00a0Ocampos said it; then Celsa\u00a0, you have the floor.",
    "Our next speaker is Engineer Mohammed Elfatih Dafaalla, from the ministry.",
    "mohammed elfatih dafaalla and MOHAMMED Ömer Ali DAFAALLA spoke; Mohammed Dafaalla too.",
    "Mohammed Ali Mohammed Dafaalla, Mohammed Ali Dafaalla.",
    "Anakin Ana Luz met Ana  Luz-Maria and ana luz; Ana Luz Pérez.",
    "It is Ferguson-Vanderhorst, with the hyphen, not ferguson\u2011Smith nor Fergusonian-Taylor.",
    "Desmond Ferguson\u2013Vanderhorst and FERGUSON-o'Neil and Ferguson-\u212aelvin.",
    "Şahin Ökten and Şahin\nÖkten, then Şahin Ökten Ali; x-Şahin Ökten.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("first", ["Celsa", "Ana", "Şahin", "Mohammed", "Luz"])
def test_a_first_name_said_alone_is_found_as_the_one_pattern_found_it(first: str, text: str) -> None:
    reference = re.search(rf"\b{re.escape(first)}\b(?![\s\u00a0]+{NAME_WORD})", text) is not None
    _said_alone.cache_clear()
    assert _said_alone(first, text) == reference


def test_a_first_name_followed_by_a_surname_is_not_said_alone() -> None:
    _said_alone.cache_clear()
    assert not _said_alone("Celsa", "Our speaker is Celsa Ocampos.")
    assert _said_alone("Celsa", "Our speaker is Celsa Ocampos. Celsa, please.")


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("parts", [["Ana", "Luz"], ["Şahin", "Ökten"], ["Celsa", "Ocampos"], ["Mohammed", "Dafaalla"]])
def test_a_whole_name_is_found_as_the_one_pattern_found_it(parts: list[str], text: str) -> None:
    words = r"\s+".join(re.escape(w) for w in parts)
    reference = re.search(rf"(?<![\w-]){words}(?![\w-])(?!\s+{NAME_WORD})", text) is not None
    assert _said_whole(parts, text) == reference


def test_a_whole_name_inside_a_longer_name_is_not_said_whole() -> None:
    assert not _said_whole(["Ana", "Luz"], "Ana Luz Pérez spoke.")
    assert _said_whole(["Ana", "Luz"], "Ana Luz Pérez spoke, and Ana Luz, our host.")


def _reference_between(first: str, last: str, text: str) -> list[str]:
    pattern = rf"\b(?i:{re.escape(first)})((?:\s+{NAME_WORD}){{1,2}}?)\s+(?i:{re.escape(last)})\b"
    return [m.group(0) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize(
    ("first", "last"), [("Mohammed", "Dafaalla"), ("Ana", "Luz"), ("Şahin", "Ökten"), ("Mohammed", "Mohammed")]
)
def test_a_middle_name_is_found_as_the_one_pattern_found_it(first: str, last: str, text: str) -> None:
    opening, closing = re.compile(rf"\b(?i:{re.escape(first)})"), re.compile(rf"(?i:{re.escape(last)})\b")
    assert _between(text, opening, closing) == _reference_between(first, last, text)


def test_one_or_two_middle_names_are_found_in_order() -> None:
    text = "Mohammed Elfatih Dafaalla spoke, then Mohammed Ali Omer Dafaalla, then Mohammed Dafaalla."
    opening, closing = re.compile(r"\b(?i:Mohammed)"), re.compile(r"(?i:Dafaalla)\b")
    assert _between(text, opening, closing) == ["Mohammed Elfatih Dafaalla", "Mohammed Ali Omer Dafaalla"]


def test_every_short_run_of_invented_words_gives_the_same_middle_names() -> None:
    words = ["Ana", "ana", "Luz", "LUZ", "Ölz", "de", "Ana-", "x"]
    for run in itertools.product(words, repeat=4):
        for sep in (" ", "  ", "\u00a0", "\n"):
            text = sep.join(run)
            got = _between(text, re.compile(r"\b(?i:Ana)"), re.compile(r"(?i:Luz)\b"))
            assert got == _reference_between("Ana", "Luz", text), text


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("surname", ["Ferguson", "Kelvin", "Luz", "Ökten"])
def test_a_lengthened_surname_is_found_as_the_one_pattern_found_it(surname: str, text: str) -> None:
    found = re.search(rf"\b{re.escape(surname)}[{_HYPHENS}](?-i:[A-Z])[\w'’]+", text, re.IGNORECASE)
    said = _said_lengthened(re.compile(rf"\b{re.escape(surname)}", re.IGNORECASE), text)
    assert said == (found.group() if found else None)


def test_the_first_lengthened_form_is_the_one_said() -> None:
    text = "Fergusonian-Taylor is not it; it is ferguson-Vanderhorst, with the hyphen."
    assert _said_lengthened(re.compile(r"\bFerguson", re.IGNORECASE), text) == "ferguson-Vanderhorst"
