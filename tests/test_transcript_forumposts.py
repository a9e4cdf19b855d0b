"""Web forum threads copied as text (transcript/forumposts.py): one turn per post, the poster its
label; the author block, post header and footer are no speech, a quote is part of its post."""

from __future__ import annotations

from forumlens.transcript.forumposts import read_forum_posts
from forumlens.transcript.parse import parse_transcript

CLASSIC = """Remote hub board :: View topic - Access in rural schools
Remote hub board Forum Index -> Main session
Author\tMessage
hub_admin
Moderator
Joined: 02 Nov 2009
Posts: 12\tPosted: Mon Nov 16, 2009 10:02 am    Post subject: Access in rural schools
Questions from the hub go here; I pass them to the chair.
Back to top\tView user's profile Send private message
Amina Diallo
Joined: 14 Nov 2009
Posts: 3\tPosted: Mon Nov 16, 2009 10:20 am    Post subject:
Who maintains the school links after the grant ends?
Back to top\tView user's profile Send private message
hub_admin
Moderator
Joined: 02 Nov 2009
Posts: 12\tPosted: Mon Nov 16, 2009 10:41 am    Post subject:
Amina Diallo wrote:
Who maintains the school links after the grant ends?
Asked. The chair says the regulator will.
Back to top\tView user's profile Send private message
quietlistener
Joined: 15 Nov 2009
Posts: 1\tPosted: Mon Nov 16, 2009 11:00 am    Post subject: Re: Access
thanks, that answers mine too
Back to top\tView user's profile Send private message
"""

NEWER = """Re: Spectrum for community networks
by Jo Okafor » Tue Dec 06, 2016 3:10 pm
Will the forum take up unlicensed spectrum?
Posts: 4
Joined: Mon Dec 05, 2016 9:00 am
Top
Re: Spectrum for community networks
by Ana Ruiz » Tue Dec 06, 2016 3:25 pm
Yes, in the afternoon workshop.
Top
"""


def test_each_post_is_a_turn_of_its_poster() -> None:
    session = parse_transcript(CLASSIC)
    assert [(t.label, t.speaker) for t in session.turns] == [
        ("hub_admin", None),  # the board's moderator account: a role
        ("Amina Diallo", "Amina Diallo"),
        ("hub_admin", None),
        ("quietlistener", None),  # a one-word lower-case handle names nobody
    ]
    assert session.turns[0].text == "Questions from the hub go here; I pass them to the chair."
    assert session.title is not None and "View topic" in session.title


def test_a_quote_stays_in_the_post_that_quotes_it() -> None:
    quoting = parse_transcript(CLASSIC).turns[2]
    assert quoting.text.startswith("Amina Diallo wrote:\nWho maintains")
    assert quoting.text.endswith("the regulator will.")


def test_by_name_heads_and_trailing_profile_lines() -> None:
    session = parse_transcript(NEWER)
    assert [(t.speaker, t.text) for t in session.turns] == [
        ("Jo Okafor", "Will the forum take up unlicensed spectrum?"),
        ("Ana Ruiz", "Yes, in the afternoon workshop."),
    ]


def test_a_caption_file_is_no_forum_thread() -> None:
    captions = ">> CHAIR: Welcome. Joined: is a word on a slide.\n>> JO LI: Thank you.\n"
    assert read_forum_posts(captions) is None
    assert read_forum_posts("Moderator: Joined: 2009\nPosts: 3\n") is None  # one block is no thread
