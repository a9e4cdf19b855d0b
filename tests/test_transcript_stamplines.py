"""A bare clock stamp glued to every line (transcript/stamplines.py): the stamp is never part of
a label, `|` breaks a subtitle, turns are cut from the source with the stamps kept."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.stamplines import stamp_line_edits

SUBTITLES = """00:00:02:>> CHAIR: Welcome to the hub session|in Mombasa this morning.
00:00:06:We begin with the network map.
00:00:09:
00:00:11:>> MS. WANJIRU KAMAU:|Thank you. The map has
00:00:15:twelve sites on the coast.
00:00:19:>> PARTICIPANT: Who pays for the uplink?
00:00:23:>> MS. KAMAU: The county, for now.
"""


def test_a_stamp_opening_each_line_is_not_part_of_the_label() -> None:
    session = parse_transcript(SUBTITLES)
    assert [(t.label, t.speaker, t.line) for t in session.turns] == [
        ("CHAIR", None, 1),
        ("MS. WANJIRU KAMAU", "Wanjiru Kamau", 4),
        ("PARTICIPANT", None, 6),
        ("MS. KAMAU", "Kamau", 7),
    ]
    second = session.turns[1]
    assert second.text.startswith("Thank you. The map has")  # the label alone before the `|`
    assert SUBTITLES[second.start : second.end] == second.text  # an exact slice: stamps kept
    assert "00:00:15:" in second.text


def test_stamps_on_a_few_lines_only_are_left_alone() -> None:
    text = "CHAIR: We met at\n10:30:00: the agenda was read.\nJO LI: Thank you.\nCHAIR: Next.\n"
    assert stamp_line_edits(text) == []
