"""Captions quoted behind an e-mail's `> ` prefix (transcript/quoted.py)."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.quoted import quote_edits

MAIL = """Subject: the hub exchange, from the captions
Hello all, here is the part we discussed:

> >> CHAIR: Thank you. The floor is open, and I see
> a hand in the middle of the room.
> >> PARTICIPANT: Yes. Why are the hubs not listed
> on the main page?
> >> SEO-YEON PARK: They will be, from next week.

Regards,
Min
"""


def test_quoted_captions_are_read_without_the_prefix() -> None:
    session = parse_transcript(MAIL)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (4, "CHAIR", None),
        (6, "PARTICIPANT", None),
        (8, "SEO-YEON PARK", "Seo-Yeon Park"),
    ]
    assert session.turns[0].text.startswith("Thank you. The floor is open")


def test_a_marker_spread_by_a_pdf_is_no_quote() -> None:
    spread = "> > CHAIR: Welcome.\n> > JO LI: Thank you.\n> > CHAIR: Next.\n"
    assert quote_edits(spread) == []
    assert [t.label for t in parse_transcript(spread).turns] == ["CHAIR", "JO LI", "CHAIR"]
