"""A speaker's report on an output headed by its topic ("About the directory: we have stopped work on it"), in a
caption export that labels every block: the block's timing and label lines are no words of the sentence, and the
pronoun after the cue is the topic's output."""

from __future__ import annotations

import pytest

from forumlens.threads.cues import find_cue

from .threads_support import items_of

EXPORT = """IGF 2033 Kigali -- Open Forum 12 -- Schools online
Transcript exported from the meeting platform, 4 December 2033

0:00:03.100 --> 0:00:20.400
Mukamana, Aline (Host Country)
Good morning and welcome. Speakers in the room will use the room microphone.

0:00:21.000 --> 0:01:10.200
Okafor, Lina (Guest)
Lina Okafor, for the Dynamic Coalition on Schools Online. Last year we promised a directory of school networks.

0:01:10.900 --> 0:01:55.000
Okafor, Lina (Guest)
About the directory: we have stopped work on it. Our members had no time to keep it up to date.
And the mentoring platform: we never launched it, because nobody could host it.
"""


def test_a_later_caption_block_opens_with_its_topic_not_its_timing_line():
    items = {i.line: i for i in items_of(EXPORT, "kigali-export.txt").items}
    stopped, launched = items[14], items[15]
    assert stopped.signal == "slip" and stopped.quote == "About the directory: we have stopped work on it."
    assert stopped.head == "directory"
    assert launched.signal == "slip" and launched.head.endswith("platform")


@pytest.mark.parametrize(
    ("sentence", "slip"),
    [
        ("And the mentoring platform: we never launched it.", True),
        ("The portal was never launched, for lack of money.", True),
        ("We have not launched it yet, but we will in May.", False),
    ],
)
def test_never_launched_is_a_slip_but_not_yet_launched_is_not(sentence, slip):
    cue = find_cue(sentence)
    assert (cue is not None and cue.signal == "slip") is slip
