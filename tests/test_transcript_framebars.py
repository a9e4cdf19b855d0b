"""`|` line breaks in frame-numbered subtitle lines (`transcript/framebars.py`). Invented text."""

from __future__ import annotations

from forumlens.transcript.framebars import frame_bar_edits
from forumlens.transcript.parse import parse_transcript

MPL2 = """[10][40]>> CHAIR: Welcome.|We begin now.
[41][90]>> DR. AMARA OKONJO-BELLO:|Thank you, Chair.
[91][130]Our survey covered|twelve counties.
[131][170]>> CHAIR: Thank you.
"""


def test_a_label_glued_to_its_speech_by_a_bar_is_read() -> None:
    turns = parse_transcript(MPL2).turns
    assert [t.speaker for t in turns] == [None, "Amara Okonjo-Bello", None]
    assert turns[1].text.startswith("Thank you, Chair.")
    assert "Our survey covered|twelve counties." in turns[1].text  # the citation keeps the bar


def test_bars_outside_a_subtitle_file_are_left_alone() -> None:
    assert frame_bar_edits(">> JO LI: run ls | grep igf\n>> ANA RUIZ: ok\n") == []
    assert frame_bar_edits("[10][40]one|two\nplain line\nplain line\nplain line\n") == []
