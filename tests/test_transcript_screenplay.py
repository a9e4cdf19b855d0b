"""Screenplay layout (transcript/screenplay.py): an indented capitals cue alone on its line opens
a turn, the dialogue below is its speech; headings, transitions and `(CONT'D)` cues are no turns."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.screenplay import screenplay_edits

SCRIPT = """FADE IN:
EXT. CONFERENCE CENTRE - MORNING

                    NARRATOR (V.O.)
          The hub opened at eight.

                    AMARA DIALLO-BERG
          Welcome, everyone. We start
          with the map.
               (pointing)
          Twelve sites.

She clicks to the next slide.

                    AMARA DIALLO-BERG (CONT'D)
          And these are the new ones.

                    MAN IN AUDIENCE (O.S.)
          Who pays for them?

                    TOMÁS ÅKERLUND
          The county does.
                                                  CUT TO:
"""


def test_cues_open_turns_and_a_continued_cue_goes_on_with_the_turn() -> None:
    session = parse_transcript(SCRIPT)
    assert [(t.speaker, t.line) for t in session.turns] == [
        (None, 4),  # a narrator is a role
        ("Amara Diallo-Berg", 7),
        (None, 18),  # a voice told only by where it is
        ("Tomás Åkerlund", 21),
    ]
    second = session.turns[1]
    assert second.text.startswith("Welcome, everyone. We start")
    assert "And these are the new ones." in second.text  # the (CONT'D) cue is no new turn
    assert SCRIPT[second.start : second.end] == second.text


def test_centred_title_lines_of_a_heading_are_no_cues() -> None:
    heading = (
        "                 WORKSHOP 12 - PUBLIC HEARING\n"
        "              ON THE CITY'S CAMERA PERMIT\n"
        "          THE RECORD OF THE DAY\n"
        "                         DIRECT EXAMINATION\n"
        "     BY MS. LI:\n"
        "          Q.   What does it keep?\n"
        "                         CROSS-EXAMINATION\n"
        "     BY MR. RUIZ:\n"
    )
    assert screenplay_edits(heading) == []
