"""`transcript.neighbours`: the speech turn right before or after a turn, stage notes skipped.

Why: resolve reads the turn a voice answers or is answered by (a chair asks the name, the next
voice gives it; a biography ends and the next turn is that speaker's) and once wrote the scan out
in each module. The helper must give, for every turn of a real session, the turn those scans gave.
"""

from __future__ import annotations

from pathlib import Path

from forumlens.models import Turn
from forumlens.transcript.neighbours import next_speech, previous_speech
from forumlens.transcript.parse import parse_transcript

ROOT = Path(__file__).resolve().parents[1]


def _turn(index: int, kind: str) -> Turn:
    return Turn(index=index, line=index + 1, label=None, speaker=None, kind=kind, text="")  # type: ignore[arg-type]


def test_notes_between_two_voices_are_skipped_both_ways() -> None:
    turns = [_turn(0, "speech"), _turn(1, "note"), _turn(2, "note"), _turn(3, "speech")]
    assert next_speech(turns, 0) == 3 and previous_speech(turns, 3) == 0
    assert next_speech(turns, 3) is None and previous_speech(turns, 0) is None
    assert next_speech(turns, 1) == 3 and previous_speech(turns, 2) == 0


def test_every_turn_of_real_sessions_gets_the_turn_the_written_out_scans_gave() -> None:
    paths = [
        ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt",
        *sorted((ROOT / "tests" / "resources" / "parse_blind10").glob("*.txt")),
        *sorted((ROOT / "tests" / "resources" / "parse_blind11").glob("*.txt")),
    ]
    checked = notes = 0
    for path in paths:
        turns = parse_transcript(path.read_text("utf-8")).turns
        notes += sum(t.kind != "speech" for t in turns)
        for i in range(len(turns)):
            after = next((t for t in turns[i + 1 :] if t.kind == "speech"), None)
            before = next((t for t in reversed(turns[:i]) if t.kind == "speech"), None)
            k, j = next_speech(turns, i), previous_speech(turns, i)
            assert (turns[k] if k is not None else None) is after, (path.name, i)
            assert (turns[j] if j is not None else None) is before, (path.name, i)
            checked += 1
    assert checked > 100 and notes > 0  # real sessions, with stage notes to skip
