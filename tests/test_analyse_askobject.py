"""The object phrase of an ask (what is asked for) and the provenance of the training rows.

Stop 22: the category model reads the words and verb of what a unit asks for, and the trainer's
leave-one-set-out mode leaves out the rows written after reading a set's errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.analyse.askcues import CATEGORIES
from forumlens.analyse.askmodel import category_features, object_phrase

from .bench_support import load_bench

ROOT = Path(__file__).resolve().parents[1]


def _train_module():  # type: ignore[no-untyped-def]
    return load_bench("train_asks")


@pytest.mark.parametrize(
    ("unit", "verb", "object_starts"),
    [
        # after a cue: the words up to the clause break, and the verb an addressee is asked to do
        ("We ask the water board to publish the test results, because people worry.", "publish", "the test results"),
        ("We need a mobile clinic in every district", "", "a mobile clinic in every district"),
        # an imperative: its verb and what follows it
        ("Donate your old laptops to the school club.", "donate", "your old laptops"),
        ("If you run a library, invite the pensioners to the course.", "invite", "the pensioners"),
        # a list item with neither: its first words, after the list marker
        ("Two, a helpdesk for the small shops", "", "a helpdesk for the small shops"),
    ],
)
def test_object_phrase_is_what_the_unit_asks_for(unit: str, verb: str, object_starts: str) -> None:
    got_verb, window = object_phrase(unit)
    assert got_verb == verb
    assert window.startswith(object_starts)
    assert "because" not in window  # the reason is not what is asked for


def test_category_features_carry_the_object_words_and_the_list_intro_topic() -> None:
    feats = category_features(
        "Second, a person in each ministry who answers us", "We have two requests on money and links."
    )
    assert {"obj:person", "obj:ministry", "list-item"} <= set(feats)
    assert "obj:each" not in feats  # function words carry no topic
    assert {"ctx-kw:funding", "ctx-kw:links-to-institutions"} <= set(feats)
    # the topic of the intro counts only for a list item, not for any sentence after it
    plain = category_features("The ministry answered us in May", "We have two requests on money and links.")
    assert not any(f.startswith("ctx-kw:") for f in plain)


def test_keyword_in_the_object_phrase_is_a_feature_of_its_own() -> None:
    feats = category_features("We need a budget line for the tablets, not more training days")
    assert "kwin:funding" in feats
    assert "kw:capacity-building" in feats and "kwin:capacity-building" not in feats


def test_a_funder_is_money() -> None:
    assert CATEGORIES["funding"].search("we are still waiting for a funder")
    assert CATEGORIES["funding"].search("two funders left last year")


def test_rows_carry_the_sets_they_were_written_from(tmp_path: Path) -> None:
    train = _train_module()
    (tmp_path / "a.tsv").write_text(
        "# type\tcategory\ttext\n# informed-by: asks_blind4 analyse\nask\tfunding\tWe need a grant for the hub.\n",
        "utf-8",
    )
    (tmp_path / "b.tsv").write_text("none\t-\tThe hub opened in May.\n", "utf-8")
    rows = train.read_rows(tmp_path)
    assert [r.informed_by for r in rows] == [frozenset({"asks_blind4", "analyse"}), frozenset()]


def test_loso_sets_are_development_data_only() -> None:
    train = _train_module()
    names = [s.name for s in train.loso_sets()]
    assert names[0] == "analyse" and "asks_blind6" in names
    assert train.BLIND.name not in names  # this round's blind set is never scored
    # every informed-by name in the shipped rows is a set the LOSO mode knows
    known = set(names)
    assert {n for r in train.read_rows(train.DATA) for n in r.informed_by} <= known
