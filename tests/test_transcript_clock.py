"""The clock shapes every transcript reader composes (transcript/clock.py), and that the readers
built from them still read a time where they did before."""

from __future__ import annotations

import re

import pytest

from forumlens.transcript.clock import CLOCK, CLOCK_WITH_SECONDS, OFFSET, OFFSET_WITH_FRACTION, TIMECODE, label_colon
from forumlens.transcript.cues import is_cue_file
from forumlens.transcript.furniture import TIME_STAMP


@pytest.mark.parametrize(
    ("pattern", "accepted", "refused"),
    [
        (
            CLOCK,
            ["9:05", "14:02", "00:12:31", "14:02:11.250", "1:02:03,5"],
            ["9", "9:5", "123:00", "1:02:03:04", "10:30:1"],
        ),
        (CLOCK_WITH_SECONDS, ["00:12:31", "9:05:00.1"], ["9:05", "14:02.250"]),
        (TIMECODE, ["9:05", "00:01:02:03", "00:01:02:03.5"], ["00:01:02:03:04", "9:5"]),
        (OFFSET, ["2:05", "1:02:03.5", "102:03:04,500", "00:01.000"], ["1234:00:00", "2:5", "1:02:03:04"]),
        (OFFSET_WITH_FRACTION, ["00:01.000", "1:02:03,500"], ["00:01", "1:02:03"]),
    ],
)
def test_each_shape_accepts_its_times_and_no_others(pattern: str, accepted: list[str], refused: list[str]) -> None:
    compiled = re.compile(pattern)
    assert [t for t in accepted if not compiled.fullmatch(t)] == []
    assert [t for t in refused if compiled.fullmatch(t)] == []


def test_a_time_stamp_line_may_be_bracketed() -> None:
    assert TIME_STAMP.fullmatch("[00:12:31]")
    assert TIME_STAMP.fullmatch("14:02:11.250")
    assert not TIME_STAMP.fullmatch("[Applause]")


def test_a_cue_file_needs_timing_lines_with_a_fraction() -> None:
    cues = "1\n00:00:01,000 --> 00:00:03,500\nHello.\n\n2\n00:00:04,000 --> 00:00:06,000\nThanks.\n"
    assert is_cue_file(cues)
    assert not is_cue_file(cues.replace(",000", "").replace(",500", ""))


def test_a_colon_between_digits_closes_no_label() -> None:
    # a clock time, a ratio, a verse reference: the search goes on to the label's own colon
    assert label_colon("June 3, 2023 at 9:12 am") == -1
    assert label_colon("Ana Ruiz at 10:30: Thank you") == len("Ana Ruiz at 10:30")
    assert label_colon("Votes 3:1, Chair: agreed") == len("Votes 3:1, Chair")
    assert label_colon("Jo Li: we meet at 9:30") == len("Jo Li")
    # a colon with a digit on one side only still may close a label
    assert label_colon("Speaker 2: yes") == len("Speaker 2")
    assert label_colon("12:") == 2
    # within a span of the text, as a reader scans one line
    assert label_colon("x 1:2 Jo: hi", 2, 6) == -1
