"""Read-out cues scanned once per turn (`analyse.behalf`): the same cue as scanning each
question's prefix of its turn, and a bounded rescan per question however long the turn."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from forumlens.analyse.behalf import REACH_RUNS, BehalfScan, inside_question
from forumlens.analyse.cues import ON_BEHALF
from forumlens.transcript.parse import parse_transcript

from .blind_sets import is_blind
from .conftest import MAIN_SESSION, RESOURCES


def plain_last(text: str, end: int, moderator: bool) -> re.Match[str] | None:
    """The scan `BehalfScan.last` stands for: every cue of the prefix, the last usable one."""
    prefix = text[:end]
    found = None
    for match in ON_BEHALF.finditer(prefix):
        if inside_question(prefix, match.start()):
            continue
        if not match.group("c") or moderator:
            found = match
    return found


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and a.span() == b.span() and a.groupdict() == b.groupdict()
    )


def _caption_files() -> list[Path]:
    files = [MAIN_SESSION, *sorted(RESOURCES.rglob("*.txt"))]
    return [f for f in files if not is_blind(f)]


def test_every_real_turn_gets_the_plain_scans_cue_at_every_sentence_end() -> None:
    checked = found = 0
    for path in _caption_files():
        session = parse_transcript(path.read_text("utf-8"), source=path.name)
        for turn in session.turns:
            text = session.text[turn.start : turn.end]
            ends = [m.end() for m in re.finditer(r"[.?!]", text)] + [len(text)]
            for moderator in (False, True):
                scan = BehalfScan(text, moderator)
                for end in ends:
                    expected = plain_last(text, end, moderator)
                    assert _same(scan.last(end), expected), (path.name, turn.line, end)
                    checked += 1
                    found += expected is not None
    assert checked > 10_000 and found > 100  # the cues do occur: the comparison is not vacuous


# the shapes every branch of ON_BEHALF reads, with names up to its longest, and the question
# clauses, punctuation and glued words that decide which cues count
_PIECES = [
    "the first one in the chat is from the remote hub in Accra Bay North Side",
    "a question online from Kofi Mensah",
    "questions by our Jakarta Hub",
    "Dhaka remote hub's question",
    "Nairobi participant comment",
    "on behalf of the Dynamic Coalition On Schools",
    "Maria Lopez has just sent",
    "Rui has posted",
    "from the chat",
    "remote participant",
    "what are people in the chat saying",
    "how is the question from Lima",
    "which comment by Ana",
    "we thank everyone",
    "Thank you.",
    "is it clear?",
    "so:",
    "okay;",
]


def _dense_text(rng: random.Random, pieces: int) -> str:
    return " ".join(rng.choice(_PIECES) for _ in range(pieces))


@pytest.mark.parametrize("seed", range(6))
def test_any_cut_of_a_dense_run_on_turn_gets_the_plain_scans_cue(seed: int) -> None:
    rng = random.Random(seed)
    text = _dense_text(rng, 400)
    for moderator in (False, True):
        scan = BehalfScan(text, moderator)
        ends = sorted(rng.sample(range(1, len(text) + 1), 300))  # inside words and spaces too
        for end in ends:
            assert _same(scan.last(end), plain_last(text, end, moderator)), (seed, moderator, end)


def test_each_question_of_a_long_turn_rescans_a_bounded_number_of_words() -> None:
    rng = random.Random(7)
    words = MAIN_SESSION.read_text("utf-8").split()
    text = " ".join(
        rng.choice(words) + (" " + rng.choice(_PIECES) if rng.random() < 0.02 else "") for _ in range(60_000)
    )
    scan = BehalfScan(text, moderator=True)
    ends = list(range(600, len(text), 600))  # a question every 600 characters, as a cut long line gives
    for end in ends:
        before = scan.rescanned
        scan.last(end)
        rescanned = text[end - (scan.rescanned - before) : end]
        assert len(rescanned.split()) <= REACH_RUNS + 1
    # the plain scan reads every prefix: quadratic in the turn; the scan reads the turn once
    assert scan.rescanned < len(text) < sum(ends) / 100
