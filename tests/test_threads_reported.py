"""Items from records the item stage had not read (issue 20, round 18): promises told in reported speech for the
body they name (`threads/reported.py`), a changelog's "Planned" and "Added" entries (`threads/listed.py`), promises
said as a noun or as "can be ready for the next Forum", and a delivery cue in a clause of purpose (`threads/cues.py`)."""

from __future__ import annotations

import pytest

from forumlens.resolve.registry import load_registry
from forumlens.threads.cues import find_cue
from forumlens.threads.listed import section_signal
from forumlens.threads.reported import reported_actor

from .threads_support import items_of

REPORT = """---
title: "Workshop 88 report: open data in small towns"
type: workshop report
date: 2033-11-20
coalition: Dynamic Coalition on Small Town Data
---

## Summary of the discussion

Amara Diallo-Kone (UNESCO) described the agency's work on municipal statistics.
She added that UNESCO will publish a short guide on open budgets for town councils in 2034.
The moderator noted that the participants will meet again next year.
The coalition presented its draft handbook for town clerks; the final version will be released in March 2034.
"""

CHANGELOG = """# Changelog

All notable changes to the Town Data Handbook, maintained by the Dynamic Coalition on Small Town Data.

## [Unreleased]

### Planned
- French translation of the whole handbook, for the IGF 2035.

## [1.0.0] - 2034-03-02

### Added
- First complete release of the handbook, with forty towns.

### Fixed
- Typos in the glossary.
"""


@pytest.fixture(scope="module")
def report():
    return items_of(REPORT, "dc-small-town-data-report-2033.md").items


@pytest.fixture(scope="module")
def changelog():
    return items_of(CHANGELOG, "dc-small-town-data-changelog-2034.md").items


def _at(items, words):
    return [i for i in items if words in i.quote]


def test_a_reported_promise_is_the_body_the_report_names(report):
    guide = _at(report, "UNESCO will publish a short guide")
    assert [(i.signal, i.org, i.coalition) for i in guide] == [("promise", "UNESCO", None)]


def test_a_reported_clause_whose_subject_is_no_body_stays_the_writers():
    registry = load_registry()
    said = "The moderator noted that the participants will publish a list."
    assert reported_actor(said, said.index("noted"), registry) is None
    said = "She added that the ILO will publish a note."
    assert reported_actor(said, said.index("added"), registry) == (None, "ILO")


def test_a_passive_promise_without_its_own_output_is_the_one_named_before_it(report):
    handbook = _at(report, "the final version will be released")
    assert [(i.signal, i.head) for i in handbook] == [("promise", "handbook")]


def test_a_changelog_plans_and_delivers_by_its_headings(changelog):
    planned = _at(changelog, "French translation of the whole handbook")
    added = _at(changelog, "First complete release of the handbook")
    assert [i.signal for i in planned] == ["promise"]
    assert [i.signal for i in added] == ["delivery"]
    assert "Small Town Data" in (added[0].coalition or "")
    assert not _at(changelog, "Typos in the glossary")  # "Fixed" names no signal


def test_changelog_headings_by_their_shape():
    assert section_signal("### Planned") == "promise"
    assert section_signal("### Added") == "delivery"
    assert section_signal("## Released") == "delivery"
    assert section_signal("### Fixed") is None
    assert section_signal("### Added value of the coalition") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Our promise for next year is a map of the rural exchange points.",
        "My pledge for 2030 is an online course for judges.",
        "The Spanish version can be ready for the next Forum in Lima.",
        "By the next Forum we will add a search by country to the archive.",
        "Before Geneva we will put on a wiki a list of the courts that publish.",
    ],
)
def test_promises_said_as_a_noun_or_a_date(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "promise"


@pytest.mark.parametrize(
    "sentence",
    [
        "Our promise is the same as last year.",
        "The data should be available for researchers.",
        "We will add that the budget is small.",
    ],
)
def test_not_promises(sentence):
    cue = find_cue(sentence)
    assert cue is None or cue.signal != "promise"


def test_a_delivery_cue_in_a_clause_of_purpose_is_no_delivery():
    cue = find_cue("The registry will change its rules so that every record goes online.")
    assert cue is None or cue.signal != "delivery"
    assert find_cue("The guide went online in May.").signal == "delivery"
