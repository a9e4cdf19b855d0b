"""The first pass's cheap tests before a pattern (issue 19, P7) answer as the pattern does.

Each prefilter skips building or running a pattern when a literal every match needs is absent;
these examples (invented) put each shape of match before it, so a prefilter that misses one fails.
"""

from __future__ import annotations

import pytest

from forumlens.analyse.questionfeatures import TOPIC_MENTIONS, topic_word
from forumlens.analyse.questions import may_take_up, taken_up_pattern
from forumlens.models import Turn
from forumlens.resolve.selfnames import _said_alone, full_name_said, middle_name_said

NAMES = ["Oyelaran", "Tehran"]

TAKEN_UP = [
    "And now Oyelaran's question on the fibre rollout, which I promised to come back to.",
    "Let me answer Oyelaran’s question about the budget.",
    "The question of Oyelaran was about the fund.",
    "There were two questions from the Oyelaran delegation.",
    "So, for Oyelaran: the call opens in May.",
    "And to Oyelaran, the answer is yes.",
    "I have now the number for Oyelaran and it is forty.",
    "And for the gentleman from Tehran we found the report.",
    "Then to the colleague in Tehran: the link is in the chat.",
    "Thank you.  Oyelaran, the travel support.  The call will open on 2 May.",
]

NOT_TAKEN_UP = [
    "Thank you, everyone, for coming to this session.",
    "Oyelaran spoke about rural networks before the break.",
]


@pytest.mark.parametrize("text", TAKEN_UP)
def test_every_shape_the_taken_up_pattern_reads_passes_the_prefilter(text: str) -> None:
    assert taken_up_pattern(tuple(NAMES)).search(text) is not None
    assert may_take_up(text, NAMES)


@pytest.mark.parametrize("text", NOT_TAKEN_UP)
def test_a_turn_with_none_of_the_literals_is_skipped_and_the_pattern_agrees(text: str) -> None:
    assert not may_take_up(text, NAMES)
    assert taken_up_pattern(tuple(NAMES)).search(text) is None


def test_a_topic_word_is_counted_as_a_whole_word_after_the_substring_count() -> None:
    said = " ".join(["Kigali hosts it."] * (TOPIC_MENTIONS + 1))
    assert topic_word(said, "Kigali")
    assert not topic_word(" ".join(["Kigali hosts it."] * TOPIC_MENTIONS), "Kigali")
    # enough substrings, but inside longer words: the whole-word count decides
    assert not topic_word(" ".join(["Kigalian food."] * (TOPIC_MENTIONS + 3)), "Kigali")


def _turns(*texts: str) -> list[Turn]:
    return [Turn(index=i, line=i + 1, label=None, speaker=None, kind="speech", text=t) for i, t in enumerate(texts)]


def test_a_full_or_middle_name_is_found_only_where_the_session_says_the_label_words() -> None:
    turns = _turns(
        "Our first speaker is Wanjiru Kamau from the ministry.",
        "Next to her, Engineer Tomas Eliseo Brandvold, from the regulator.",
    )
    assert full_name_said("Wanjiru", turns) == "Wanjiru Kamau"
    assert full_name_said("Ottilie", turns) is None
    assert middle_name_said("Tomas Brandvold", turns) == "Tomas Eliseo Brandvold"
    # the surname is said, the first word never: no name
    assert middle_name_said("Petra Brandvold", turns) is None


def test_a_first_name_said_alone_is_told_from_one_always_followed_by_a_surname() -> None:
    spoken = "We start with Celsa Ocampos Yegros.\nCelsa, seven minutes.\nThen Rawan Hindawi."
    assert _said_alone("Celsa", spoken)
    assert not _said_alone("Rawan", spoken)
