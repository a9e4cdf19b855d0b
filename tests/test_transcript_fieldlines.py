"""Line records (`transcript/fieldlines.py`): the field layout learned from the file's regularity."""

from __future__ import annotations

from forumlens.transcript.fieldlines import read_field_lines
from forumlens.transcript.parse import parse_transcript

# A speech-recognition reference in segment time mark layout: `;;` header lines, then
# `file channel speaker begin end <condition> text`; an excluded region and a gap are no turns.
# (A voice column must come back: at most 6 in 10 of its values distinct, as in `structured.py`.)
SEGMENT_LINES = """;; CATEGORY "0" "" ""
;; LABEL "O" "Overall" "Overall"
;; reference for a panel recording, channel 1
panel07 1 excluded_region 0.000 9.500 <o,,unknown> ignore_time_segment_in_scoring
panel07 1 Maren_Oyelaran 9.500 15.200 <o,f0,female> good afternoon and welcome to the panel on rural fibre
panel07 1 Maren_Oyelaran 15.200 19.800 <o,f0,female> our first speaker built a network in the hills
panel07 1 inter_segment_gap 19.800 20.400 <o,,unknown>
panel07 1 Teodor_Balasanian 20.400 28.100 <o,f0,male> thank you we started with twelve villages and one tower
panel07 1 panel07_audience_m1 28.100 31.000 <o,f0,male> who pays for the tower
panel07 1 Teodor_Balasanian 31.000 36.700 <o,f0,male> the villages pay together through a cooperative
panel07 1 Maren_Oyelaran 36.700 40.100 <o,f0,female> and the regulator agreed to that
panel07 1 Teodor_Balasanian 40.100 44.900 <o,f0,male> it took two years but yes
panel07 1 Maren_Oyelaran 44.900 48.000 <o,f0,female> we close here thank you all
"""

# A messaging app's chat export: title and date lines, `time<TAB>sender<TAB>text`, a message
# quoted over several lines, a system line with an empty sender.
CHAT_EXPORT = """[Chat] History of the remote hub
Saved on: 2024/12/17 21:00

Tue, 12/17/2024
09:02\tAroha Tipene-Walsh\twe are connected from the library
09:03\tLiang Qiuyue\tsound is fine here
09:05\tAroha Tipene-Walsh\t"The chair said:
the next round opens in March
and hubs may send one question each"
09:06\t\tLiang Qiuyue joined the chat.
09:07\tAroha Tipene-Walsh\tshall we send ours?
09:09\tLiang Qiuyue\tyes, the one about school fees
"""


def test_segment_lines_are_turns_of_their_speaker_field() -> None:
    session = parse_transcript(SEGMENT_LINES)
    assert [(t.line, t.speaker) for t in session.turns] == [
        (5, "Maren Oyelaran"),  # two segments of one speaker are one turn
        (8, "Teodor Balasanian"),
        (9, None),  # an audience voice, numbered in a session code: nobody named
        (10, "Teodor Balasanian"),
        (11, "Maren Oyelaran"),
        (12, "Teodor Balasanian"),
        (13, "Maren Oyelaran"),
    ]
    assert session.turns[0].text.startswith("good afternoon and welcome")  # the fields are no speech
    assert "ignore_time_segment_in_scoring" not in " ".join(t.text for t in session.turns)


def test_chat_export_lines_are_turns_of_their_sender() -> None:
    session = parse_transcript(CHAT_EXPORT)
    assert [(t.line, t.speaker) for t in session.turns] == [
        (5, "Aroha Tipene-Walsh"),
        (6, "Liang Qiuyue"),
        (7, "Aroha Tipene-Walsh"),  # the system line with no sender neither is a turn nor ends one
        (12, "Liang Qiuyue"),
    ]
    quoted = session.turns[2]
    assert quoted.text.startswith("The chair said:")  # the quotes around a long message are not speech
    assert "shall we send ours?" in quoted.text


def test_prose_and_caption_lines_are_not_records() -> None:
    prose = "\n".join(f"In {2000 + i} the forum met in {i} rooms and {i * 3} people spoke there." for i in range(8))
    assert read_field_lines(prose) is None
    captions = "\n".join(f"00:00:{i:02d} >> CHAIR: point {i} of the agenda is next." for i in range(8))
    assert read_field_lines(captions) is None
