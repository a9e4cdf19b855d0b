"""Labels in letter-spaced capitals (transcript/spaced.py): joined in the view, turns cut from
the source."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.spaced import spaced_edits

SPACED = """REGIONAL FORUM, 2013
Edited transcript

M O D E R A T O R :   Welcome back. Our next speaker joins from Dakar.
D R .   A W A   N D I A Y E - F A L L :   Thank you. Two points on pricing.
The second is about roaming.
M O D E R A T O R :   A question from the floor, please.
P A R T I C I P A N T :   Is the price public?
D R .   N D I A Y E - F A L L :   Yes, since March.
"""


def test_letter_spaced_labels_are_read_joined() -> None:
    session = parse_transcript(SPACED)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (4, "MODERATOR", None),
        (5, "DR. AWA NDIAYE-FALL", "Awa Ndiaye-Fall"),
        (7, "MODERATOR", None),
        (8, "PARTICIPANT", None),
        (9, "DR. NDIAYE-FALL", "Ndiaye-Fall"),
    ]
    # the run stops at its colon: a one-letter word opening the speech stays speech
    assert session.turns[2].text == "A question from the floor, please."
    assert SPACED[session.turns[1].start : session.turns[1].end] == session.turns[1].text


def test_one_spaced_heading_or_ordinary_text_is_left_alone() -> None:
    assert spaced_edits("S U M M A R Y\nJO LI: Hello.\nANA RUIZ: Hi.\n") == []
    assert spaced_edits("JO LI: I think a b is fine.\nANA RUIZ: A good point.\n") == []
