"""Social pages copied as text: a head line above each post (`transcript/postheads.py`).
Invented names, handles and text."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.postheads import read_post_heads

MICROBLOG = """Results for #ws45
Tweets
Marguerite Alcantara\u200f@malcantara 14 Nov
Panel starts late, room is full #ws45
Expand
Marguerite Alcantara\u200f@malcantara 14 Nov
First speaker on spectrum for schools #ws45
Expand
wsremote45\u200f@wsremote45 14 Nov
Remote question taken from Lima #ws45
Expand
Ikechukwu Nwachukwu-Obi\u200f@ikenwobi 14 Nov
@malcantara which school network? #ws45
View conversation
"""

THREAD = """We are the panel of workshop 45, ask us anything.
[–]Marguerite_Alcantara 80 points 3 hours ago
Will the slides be public?
permalinkembedsavereportreply
[–]ws45_panel[S] 40 points 3 hours ago
Yes, today.
permalinkembedsavereportreply
[–][deleted] 2 points 2 hours ago
[removed]
[–]Marguerite_Alcantara 12 points 2 hours ago*
thanks!
permalinkembedsavereportreply
"""


def test_a_microblog_copy_reads_one_turn_per_author_run() -> None:
    turns = parse_transcript(MICROBLOG).turns
    assert [t.speaker for t in turns] == ["Marguerite Alcantara", None, "Ikechukwu Nwachukwu-Obi"]
    assert turns[0].text.startswith("Panel starts late")
    assert turns[0].text.rstrip().endswith("spectrum for schools #ws45")  # `Expand` lines are furniture
    assert turns[1].label == "wsremote45"  # an account, no person


def test_a_thread_copy_reads_usernames_as_names_and_drops_scores() -> None:
    turns = parse_transcript(THREAD).turns
    assert [t.speaker for t in turns] == ["Marguerite Alcantara", None, "Marguerite Alcantara"]
    assert [t.text.split("\n")[0] for t in turns] == ["Will the slides be public?", "Yes, today.", "thanks!"]


def test_posts_quoted_in_captions_are_no_page() -> None:
    captions = ">> JO LI: I tweeted it.\nJo Li @joli 6 Nov\nhello\n>> ANA RUIZ: Thanks.\n"
    assert read_post_heads(captions) is None
