"""A video message captioned under the chair's label (`threads/blocks.py`): the block between stage notes whose first
line is its speaker naming herself is hers, and her coalition's, not the chair's."""

from __future__ import annotations

from forumlens.ingest import prepare_bytes
from forumlens.threads.blocks import split_blocks

from .threads_support import items_of

ROLLED = """IGF 2033 - Main session: coalitions report

>> HANNE LUNDQVIST-ABARA: Good afternoon. I am Hanne Lundqvist-Abara, chair of the Multistakeholder Advisory Group. We will publish the list of speakers on the IGF website before the next forum.

>> HANNE LUNDQVIST-ABARA: The coalition on tide gauges could not travel and sent us a video. Please roll it.

[VIDEO MESSAGE BEGINS]

Hello from Cebu. I am Ligaya Dimaculangan-Reyes, of the Dynamic Coalition on Tide Gauges.

Good news first: our handbook is online, in Tagalog and in English.

[VIDEO MESSAGE ENDS]

Thank you, Ligaya. We will publish the video on the IGF website tomorrow.
"""


def test_the_message_is_its_speakers_and_what_follows_it_the_chairs():
    found = items_of(ROLLED, "igf2033-main-session-coalitions.txt")
    [done] = [i for i in found.items if i.signal == "delivery"]
    assert done.speaker == "Ligaya Dimaculangan-Reyes"
    assert "Tide Gauges" in (done.coalition or done.org or "")  # an unregistered coalition is read by its name
    promises = [i for i in found.items if i.signal == "promise"]
    assert len(promises) == 2  # the chair's, before the message and after it
    assert all(i.speaker == "Hanne Lundqvist-Abara" and "Tide" not in (i.coalition or i.org or "") for i in promises)


def test_the_parts_are_verbatim_and_a_turn_without_such_a_block_is_kept():
    p = prepare_bytes(ROLLED.encode(), "igf2033-main-session-coalitions.txt")
    assert p.failure is None, p.failure
    text = p.session.text
    parts = split_blocks(text, p.session.turns)
    assert len(parts) == len(p.session.turns) + 2
    assert all(t.text == text[t.start : t.end] for t in parts)
    assert [t.speaker for t in parts if "Cebu" in t.text] == ["Ligaya Dimaculangan-Reyes"]
    assert not any("[VIDEO" in t.text for t in parts if t.speaker == "Ligaya Dimaculangan-Reyes")
    plain = ROLLED.replace("I am Ligaya Dimaculangan-Reyes, of", "Greetings from")
    q = prepare_bytes(plain.encode(), "igf2033-main-session-coalitions.txt")
    assert split_blocks(q.session.text, q.session.turns) == list(q.session.turns)


def test_the_chair_naming_herself_after_a_note_is_no_new_speaker():
    text = ROLLED.replace(
        "Hello from Cebu. I am Ligaya Dimaculangan-Reyes,", "Hello again. I am Hanne Lundqvist-Abara,"
    )
    p = prepare_bytes(text.encode(), "igf2033-main-session-coalitions.txt")
    assert split_blocks(p.session.text, p.session.turns) == list(p.session.turns)
