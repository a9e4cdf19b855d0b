"""forumlens.text.alternation: a word list's pattern is the same text in every run, longest word first."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from forumlens.text.alternation import alternation, longest_first


def test_the_longest_word_wins_at_one_place() -> None:
    pattern = re.compile(rf"\b(?:{alternation({'policy', 'policy network', 'net'})})\b")
    assert pattern.findall("the policy network on net neutrality") == ["policy network", "net"]


def test_equal_lengths_come_in_text_order_whatever_the_order_given() -> None:
    assert longest_first(["bb", "a", "ab", "bb", "ccc"]) == ["ccc", "ab", "bb", "a"]
    assert alternation(["Rio", "Lima", "Oslo"]) == alternation(["Oslo", "Rio", "Lima"]) == "Lima|Oslo|Rio"


def test_patterns_built_from_sets_read_the_same_under_any_hash_seed() -> None:
    # the patterns of cities, countries and verbs are built from sets (their order follows the seed)
    probe = (
        "from forumlens.analyse import askcues; from forumlens.threads import cues, link; "
        "from forumlens.resolve import cast, registry; "
        "print(askcues.IMPERATIVE_ALT, cues._meeting_named().pattern, link._meetings()[0].pattern, "
        "cast._place_pattern(registry.load_registry()).pattern)"
    )
    texts = {
        subprocess.run(
            [sys.executable, "-c", probe],
            env={**os.environ, "PYTHONHASHSEED": seed, "FORUMLENS_REGEX_CACHE": "off"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(texts) == 1
