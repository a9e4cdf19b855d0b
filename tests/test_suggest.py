"""`suggest`: the "did you mean …?" a not-found error opens its hint with."""

from __future__ import annotations

from forumlens.suggest import did_you_mean, nearest_parts

TITLES = [
    "IGF 2024 – Day 1 – Workshop #42: From Coalition Outputs to Policy Action",
    "IGF 2025 – Day 2 – Open Forum #17: One Year On, What the Coalitions Delivered",
    "Main Session on Artificial Intelligence",
]


def test_a_typo_in_part_of_a_title_finds_the_titles_that_hold_it():
    assert nearest_parts("Coalitoin", TITLES) == TITLES[:2]  # both hold "Coalition", equally near
    assert nearest_parts("Coalition Outptus", TITLES) == TITLES[:1]  # one is clearly nearer: the other is noise
    assert nearest_parts("artifical inteligence", TITLES) == TITLES[2:]


def test_nothing_close_or_too_short_suggests_nothing():
    assert nearest_parts("zzzzz", TITLES) == []
    assert nearest_parts("xyz", TITLES) == []  # three letters are near everything


def test_the_hint_names_each_suggestion_or_says_nothing():
    assert did_you_mean(["A", "B"]) == "did you mean A or B? "
    assert did_you_mean([]) == ""
