"""The signed-block reader: the name AFTER the speech, in a signature that closes each block."""

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.signatures import read_signed_blocks, visible

from .marks_support import marked

# An invented talk page: each comment one line, signed at its end with a user link, a note
# link and a time stamp; replies indented with colons; one signature after a dash with a note
# of its own, one bot signature naming an address.
TALK = """== Questions for the open forum on rural access ==
Please sign your question at its end. [[User:Forum desk|Forum desk]] ([[User talk:Forum desk|talk]]) 10:02, 4 June 2012 (UTC)

=== Spectrum for community networks ===
Will the regulator open unused spectrum for village networks? [[User:Ama Owusu|Ama Owusu]] ([[User talk:Ama Owusu|talk]]) 10:15, 4 June 2012 (UTC)
:The panel said a consultation starts in autumn. [[User:Forum desk|Forum desk]] ([[User talk:Forum desk|talk]]) 10:31, 4 June 2012 (UTC)
::We will publish the draft rules in English and Twi. —[[User:Kmensah|Kofi Mensah]] <small>(panel)</small> 10:40, 4 June 2012 (UTC)

=== Costs ===
Who pays for the backhaul to the nearest town? <small>— Preceding unsigned comment added by [[Special:Contributions/10.4.7.21|10.4.7.21]] ([[User talk:10.4.7.21|talk]]) 11:02, 4 June 2012 (UTC)</small>
:For Costs: the fund covers the first two years. [[User:Ama Owusu|Ama Owusu]] ([[User talk:Ama Owusu|talk]]) 11:20, 4 June 2012 (UTC)
::And after two years? --[[User:Jo Baah|Jo Baah]] ([[User talk:Jo Baah|talk]]) 11:31, 4 June 2012 (UTC)
:::The operators take it over, as in the pilot villages. [[User:Forum desk|Forum desk]] ([[User talk:Forum desk|talk]]) 11:44, 4 June 2012 (UTC)
::::Then the pilot's operators should write here too. [[User:Jo Baah|Jo Baah]] ([[User talk:Jo Baah|talk]]) 11:52, 4 June 2012 (UTC)
"""
WRITERS = [
    "Forum desk",
    "Ama Owusu",
    "Forum desk",
    "Kofi Mensah",
    "10.4.7.21",
    "Ama Owusu",
    "Jo Baah",
    "Forum desk",
    "Jo Baah",
]

# An invented mailing-list digest: each message's lines, then a sign-off line of its own.
DIGEST = """Re: venue for the national IGF

I checked the university hall. It holds two hundred people and has a working stream.
The fee is waived for civil society events.
-- Lena Okafor, 3 May 2011

That is good news. Can we also have a room for the youth track on the second day?
-- Priya Raman, 3 May 2011

Yes, the small hall is free on both days.
I will book it tomorrow.
-- Lena Okafor, 4 May 2011

Thanks, I will tell the youth coordinators.
-- Priya Raman, 4 May 2011
"""

# Dated lines ending in a number, but one writer and no signatures: a log, not a thread.
LOG = """Meeting log of the steering group
The agenda was adopted at 10:00.
Minutes approved by Chair 10:05
The budget was discussed at length by the members.
Minutes approved by Chair 11:40
The venue was confirmed for the second week of June.
Minutes approved by Chair 12:15
"""


def test_a_talk_page_is_read_by_its_signatures() -> None:
    labels, openings = zip(*marked(read_signed_blocks, TALK, 12), strict=True)
    assert labels == (*WRITERS,)
    assert openings[:6] == (
        "Please sign ",
        "Will the reg",
        "The panel sa",
        "We will publ",
        "Who pays for",
        "For Costs: t",
    )


def test_a_signature_is_no_speech() -> None:
    marks = read_signed_blocks(TALK)
    assert marks is not None
    spoken = [TALK[start:end] for start, end in marks.speech]
    assert spoken[3] == "We will publish the draft rules in English and Twi."
    assert spoken[4] == "Who pays for the backhaul to the nearest town?"
    assert not any("talk" in s or "UTC" in s or "[[" in s for s in spoken)


def test_a_sign_off_line_closes_the_lines_above_it() -> None:
    labels, openings = zip(*marked(read_signed_blocks, DIGEST, 14), strict=True)
    assert labels == ("Lena Okafor", "Priya Raman", "Lena Okafor", "Priya Raman")
    assert openings == ("I checked the ", "That is good n", "Yes, the small", "Thanks, I will")
    marks = read_signed_blocks(DIGEST)
    assert marks is not None
    assert DIGEST[slice(*marks.speech[2])] == "Yes, the small hall is free on both days.\nI will book it tomorrow."


def test_one_name_under_every_line_is_no_signature() -> None:
    assert read_signed_blocks(LOG) is None


def test_the_visible_text_shows_a_link_by_its_displayed_part() -> None:
    shown, where = visible("—[[User:Kmensah|Kofi Mensah]] <small>(panel)</small>")
    assert shown == "—Kofi Mensah (panel)"
    assert len(where) == len(shown)


def test_the_parse_reads_a_talk_page_by_its_signatures() -> None:
    session = parse_transcript(TALK)
    labels = [t.label for t in session.turns]
    assert labels == WRITERS
    assert session.turns[3].text == "We will publish the draft rules in English and Twi."
