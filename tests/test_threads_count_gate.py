"""Issue 19: two searches asked of every sentence of the thread stage get a cheap test first, and answer as before.

`cues._PROGRESS` (a count of work done, "we trained sixty of the two hundred") is made of word shapes whose only
literals ("ed", "of") every sentence holds, so the literal gate let most sentences through to the whole update
alternation; `text.cuegate.BranchTestedCue` asks a participle-and-count test first. `keptword.kept_promise` ran
its regexes on every sentence with no cue; it now needs one of its promise words first. Invented sentences, and
the sentences of real development sessions for the identity checks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.text.cuegate import BranchTestedCue, CueFamily, GatedCue
from forumlens.threads import cues, keptword
from forumlens.threads.cues import find_cue
from forumlens.threads.keptword import kept_promise

from .threads_support import speech_sentences

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "bench" / "threads" / "dev").iterdir()),
    *sorted((ROOT / "bench" / "threads" / "blind16").iterdir()),
]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = speech_sentences(SOURCES)
    assert len(found) > 300
    return found


def _lead_test(text: str) -> bool:
    return re.search(r"ed \d", text.lower()) is not None


def test_a_branch_tested_cue_skips_only_when_its_test_and_the_other_alternatives_rule_out() -> None:
    family = CueFamily()
    pattern = re.compile(r"\b(?:[a-z]+ed \d+ of the \d+|is in progress)\b", re.I)
    tested = BranchTestedCue(pattern, family, 1, _lead_test)
    plain = family.cue(pattern)
    shaped_only = "Most of the work is planned for the spring."  # the literals of the count, not its shape
    assert plain.possible(shaped_only) and not tested.possible(shaped_only)
    assert tested.search("We trained 60 of the 200 clerks.") is not None  # the test holds: asked
    assert tested.search("The guide is in progress.") is not None  # another alternative's literals: asked anyway
    assert tested.search("The guide is in progress.", 0, 10) is None and not tested.possible("Nothing here.")
    assert isinstance(tested, GatedCue) and tested.family is family


@pytest.mark.parametrize(
    "sentence",
    [
        "We trained one hundred and twenty of the two hundred this year.",
        "Two hundred clerks trained so far, in four countries.",
        "We have trained sixty hospital IT staff, not two hundred.",
        "We have DIGITISED 45 OF THE 300 reels.",
    ],
)
def test_the_count_of_work_done_is_still_an_update(sentence: str) -> None:
    assert cues._may_count(sentence)
    got = find_cue(sentence)
    assert got is not None and got.signal == "update"


def test_the_count_test_is_false_on_sentences_without_the_shape() -> None:
    assert not cues._may_count("Most of the members published their reports on time.")
    assert not cues._may_count("The study of the ten countries is online.")


def test_the_update_cue_answers_as_its_plain_pattern_and_is_asked_less(sentences) -> None:
    update = dict(cues._ORDER)["update"]
    assert isinstance(update, BranchTestedCue) and update.pattern is cues._UPDATE
    plain = CueFamily().cue(cues._UPDATE)
    asked = asked_plain = 0
    for text in sentences:
        found, raw = update.search(text), cues._UPDATE.search(text)
        assert (found and found.span()) == (raw and raw.span()), text
        if not cues._may_count(text):
            assert re.compile(cues._PROGRESS, re.I).search(text) is None, text  # the test is necessary
        asked += update.possible(text)
        asked_plain += plain.possible(text)
    assert asked < asked_plain / 2  # the shape test rules out most of what the literals let through


def test_kept_promise_needs_one_of_its_words(sentences) -> None:
    for text in sentences:
        if keptword._MAKER_AT.search(text) or keptword._BACK.search(text):
            assert any(word in text.lower() for word in keptword._TOLD_BY), text
    assert kept_promise("The bulletin is in Swahili now, as the WMO PLEDGED in Lima.") is not None  # any case
    assert kept_promise("The WMO printed the bulletin in Swahili.") is None
