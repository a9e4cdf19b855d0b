"""A cue's signal is always one the caller asked for (issue 20).

Thread item extraction retries a sentence with the signals it has not tried yet when a cue names no
deliverable (`items._turn_items`). Two readings turn one signal into another: a delivery told as a
count ("we translated nine of the forty") is an update, and an update that says the thing was done
before is a delivery. Returned to a caller that had excluded them, the retry got back a signal it had
already tried, so its set of tried signals stopped growing and the ingest of such a sentence never
ended (found by the round-20 threads first run, which hung). The sentences below are invented.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from forumlens.threads.cues import find_cue

ALL = frozenset({"response", "slip", "update", "promise", "delivery", "enacted", "need"})

SENTENCES = [
    "The Tagalog science guides: we translated nine of the forty, then our volunteers had to return to paid work, and we stopped.",
    "We have translated twelve of our fifty handbooks.",
    "Now four of our five countries have held their own national IGF.",
    "As we said last year, the glossary was published in 2019 and is online.",
    "We will publish a toolkit before the next IGF.",
    "The survey we announced did not happen.",
    "We need a small fund for the translators.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("left_out", sorted(ALL))
def test_the_signal_found_is_one_of_those_asked_for(sentence: str, left_out: str) -> None:
    asked = ALL - {left_out}
    cue = find_cue(sentence, signals=asked)
    assert cue is None or cue.signal in asked


def test_a_count_of_what_was_done_is_an_update_when_updates_are_asked_for() -> None:
    cue = find_cue("We have translated twelve of our fifty handbooks.")
    assert cue is not None and cue.signal == "update"
    assert find_cue("We have translated twelve of our fifty handbooks.", signals=ALL - {"update"}) is None


_SESSION = """>> MODERATOR:  Welcome to the workshop of the Dynamic Coalition on Open Schoolbooks.  Lucia, the floor is yours.

>> LUCIA FERNDALE:  Thank you.
The Tagalog science guides: we translated nine of the forty, then our volunteers had to return to paid work, and we stopped.

>> MODERATOR:  Thank you, Lucia.
"""

_EXTRACT = """
import sys
from forumlens.pipeline import analyse_session, thread_items_of
from forumlens.transcript.parse import parse_transcript
session = parse_transcript(sys.stdin.read(), source="schoolbooks.txt")
thread_items_of(session, analyse_session(session), "s1")
print("done")
"""


def test_thread_items_of_a_count_of_what_was_done_end() -> None:
    # in a child process with a time limit: before the fix this extraction never returned
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT], input=_SESSION, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"
