"""forumlens.text.concepts: the one concept lexicon threads and summarise both read.

The threads lexicon (`threads.lexicon`) still parses the whole file itself, concepts
included; these checks keep the two readings of `[concepts]` equal on the packaged file
and on the words of a real transcript, and check that a broken file is reported by name.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from forumlens.errors import ConfigError
from forumlens.summarise.vocabulary import topic_vocabulary
from forumlens.text import stem, words
from forumlens.text.concepts import CONCEPTS_PATH, load_concepts, parse_concepts, read_concept_file
from forumlens.threads.lexicon import LEXICON_PATH, load_lexicon

from .conftest import MAIN_SESSION


def test_the_packaged_file_is_the_one_both_stages_read() -> None:
    packaged = resources.files("forumlens.text") / "data" / "concepts.toml"
    assert packaged.is_file() and Path(str(packaged)) == CONCEPTS_PATH == LEXICON_PATH
    assert not list((CONCEPTS_PATH.parents[2] / "threads" / "data").glob("*.toml"))  # no second copy left behind


def test_each_word_of_a_real_session_gets_the_same_concept_from_both() -> None:
    concepts, lexicon = load_concepts(), load_lexicon()
    stems = {stem(w) for w in words(MAIN_SESSION.read_text("utf-8"))}
    found = {s: concepts.concept(s) for s in stems}
    assert found == {s: lexicon.concept(s) for s in stems}
    assert sum(c is not None for c in found.values()) > 50  # the session talks of money, training, ...
    assert found[stem("funding")] == "@money"


def test_members_list_every_word_of_a_concept_once() -> None:
    concepts = load_concepts()
    members = concepts.members
    stems, prefixes = members["@money"]
    assert {"fund", "grant", "budget"} <= stems and "financ" in prefixes
    for concept, (own, _pre) in members.items():
        assert all(concepts.concept(s) == concept for s in own)
    assert sum(len(own) for own, _ in members.values()) == len(concepts.concept_of)  # each stem in one concept
    # the topic vocabulary of summarise is built from these members
    (fund,) = topic_vocabulary("funding")
    assert fund.related == stems - {fund.stem} and fund.prefixes == prefixes


def test_a_word_in_two_concepts_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.toml"
    bad.write_text('[concepts]\nmoney = ["fund", "grant"]\ntravel = ["trip", "grants"]\n', "utf-8")
    with pytest.raises(ConfigError) as err:
        parse_concepts(read_concept_file(bad), str(bad))
    assert "'grant'" in str(err.value) and "@money" in str(err.value) and str(bad) in str(err.value)
    with pytest.raises(ConfigError):
        load_lexicon(bad)  # the threads stage reads the file the same way


@pytest.mark.parametrize("content", [None, "[concepts\nmoney = 1"])
def test_a_missing_or_broken_file_is_an_error_naming_it(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "concepts.toml"
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as err:
        read_concept_file(path)
    assert "concept lexicon cannot be read" in str(err.value) and str(path) in str(err.value)


def test_phrases_are_stems_in_order_longest_first() -> None:
    data = {"concepts": {"money": ["small grants fund", "seed money", "fund*"], "travel": ["travel"]}}
    got = parse_concepts(data, "inline")
    assert got.phrases == (
        (("small", "grant", "fund"), "@money"),
        (("seed", "money"), "@money"),
    )
    assert got.prefixes == (("fund", "@money"),) and got.concept_of == {"travel": "@travel"}
    assert got.concept("funders") == "@money" and got.concept("travel") == "@travel" and got.concept("x") is None
