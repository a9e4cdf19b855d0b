"""Stage notes and time stamps (`transcript/furniture.py`): the lines every turn reader skips."""

from __future__ import annotations

from forumlens.transcript.furniture import NOTE, TIME_STAMP


def test_a_stage_note_alone_on_its_line() -> None:
    assert NOTE.match("(Applause)")
    assert NOTE.match("[ Laughter ]")
    assert NOTE.match("(Off microphone).")
    assert not NOTE.match("(Applause) Thank you all.")


def test_a_time_stamp_alone_or_opening_a_line() -> None:
    assert TIME_STAMP.fullmatch("[00:12:31]")
    assert TIME_STAMP.fullmatch("14:02:11.250")
    assert not TIME_STAMP.fullmatch("14:02 Thank you")
    assert TIME_STAMP.match("14:02 Thank you")
    assert not TIME_STAMP.match("At 14:02 we start")
