"""`Suffixes.search(pattern, a)` must be `bool(pattern.search(text[a:]))` for every `a` (issue 19).

The question-fate features search the rest of a question's turn for aside cues; in a long
caption line with many questions, `analyse.questionfeatures` now asks a `Suffixes` of the
turn instead of searching each rest. Compared here with the plain search on the cue
patterns it serves, on patterns whose answer depends on the text before a position (word
boundaries, `^` with and without MULTILINE, look-behinds, nested ones), on real turns
and on random strings, and then through `fate_features` on a long caption line.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from forumlens.analyse import questionfeatures
from forumlens.analyse.context import build_context
from forumlens.analyse.questioncues import ANSWERS_NOW
from forumlens.analyse.questionfeatures import ASIDES
from forumlens.analyse.questions import find_question_groups, question_fates
from forumlens.text.suffixes import Suffixes, last_start, lookback
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt"

CONTEXT_PATTERNS = [
    r"\bout of time\b",
    r"\Btime",
    r"^we",
    r"(?m)^we",
    r"(?<=a)b",
    r"(?<!ab)cd",
    r"(?<=(?<=x)yz)w",
    r"(?<=\bab)c",
    r"\A.",
    r"x*",
    r"time$",
    r"(?i)\bİstanbul",
]


def _plain(pattern: re.Pattern[str], text: str, start: int) -> bool:
    return bool(pattern.search(text[start:]))


def test_lookback_counts_look_behinds_and_one_for_boundaries() -> None:
    assert lookback(re.compile(r"\bword")) == 1
    assert lookback(re.compile(r"(?<=ab)c")) == 3
    assert lookback(re.compile(r"(?<=(?<=x)yz)w")) == 4
    assert lookback(re.compile(r"(?:(?<!q)u|(?<=abc)d)+")) == 5


def test_last_start_is_the_last_of_overlapping_matches() -> None:
    assert last_start(re.compile("aa"), "aaaa") == 2  # finditer would stop at 0 and 2; 2 is last
    assert last_start(re.compile("ab"), "xx") == -1
    assert last_start(re.compile("x*"), "ab") == 2  # an empty match at the end


@pytest.mark.parametrize("source", CONTEXT_PATTERNS)
def test_random_texts_every_suffix(source: str) -> None:
    pattern = re.compile(source)
    rng = random.Random(source)
    alphabet = "abxyzw cdq\ntime out of İstanbul"
    for _ in range(150):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        suffixes = Suffixes(text)
        for start in range(len(text) + 2):
            assert suffixes.search(pattern, start) == _plain(pattern, text, start), (source, text, start)


def test_aside_patterns_on_every_sentence_end_of_real_turns() -> None:
    session = parse_transcript(SHARED.read_text("utf-8"))
    patterns = [ANSWERS_NOW, *ASIDES.patterns]
    checked = 0
    for turn in session.turns:
        if not 400 <= len(turn.text) <= 2000:  # the plain search of every suffix is quadratic
            continue
        suffixes = Suffixes(turn.text)
        ends = sorted({m.end() for m in re.finditer(r"[.?!]\s*", turn.text)} | {0, len(turn.text)})
        for start in ends:
            for pattern in patterns:
                assert suffixes.search(pattern, start) == _plain(pattern, turn.text, start)
                checked += 1
    assert checked > 3000


def _caption_line(words: int) -> str:
    """The shared transcript's spoken words as one turn with its punctuation, cycled."""
    said = [re.sub(r"^\s*>>\s*[^:]{1,40}:\s*", "", line) for line in SHARED.read_text("utf-8").splitlines()]
    tokens = " ".join(said).split()
    return ">> JANE DOE: " + " ".join(tokens[i % len(tokens)] for i in range(words)) + "\n"


def test_fate_features_of_a_long_caption_line_match_the_plain_search(monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = build_context(parse_transcript(_caption_line(6000)))
    groups = find_question_groups(ctx)
    assert sum(g.turn == 0 for g in groups) >= questionfeatures.SUFFIXES_FROM  # the new path is taken
    fast = [r.features for r in question_fates(ctx, groups)]
    monkeypatch.setattr(questionfeatures, "SUFFIXES_FROM", len(groups) + 1)  # the plain search for every turn
    plain = [r.features for r in question_fates(ctx, groups)]
    assert fast == plain
    assert any("aside:own-turn" in f for f in plain) and not all("aside:own-turn" in f for f in plain)
