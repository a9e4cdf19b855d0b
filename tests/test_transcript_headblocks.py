"""The header-block fallback: the author on a name line above a meta line above the speech."""

from forumlens.transcript.headblocks import meta_line, read_head_blocks

from .marks_support import marked

# An invented comment page: name line, a badge or headline line, an age line, then the speech
# and a footer; the first post has its date after the speech, so no age line above it.
THREAD = """Comments on the community radio licence draft
Amara Osei
Radio officer, Tamale
Tuesday's consultation was full and the draft needs a clearer fee table for small stations.
Posted 12 Mar 2024
Lucia Brandt
Volunteer
3h
We run a station on solar power, the fee should follow the hours on air, not the licence class.
Helpful · 4
Tomas Lind
Editor at the Northern Wave
2h
Agreed with Lucia, and the draft says nothing about stations that share one transmitter mast.
Helpful · 2
Amara Osei
Radio officer, Tamale
45m
Thank you both, I will put the fee by hours and the shared masts into the next version of the draft.
Helpful · 1
"""

# Prose with dates and short lines, but no header block: no name line above a meta line.
PROSE = """The consultation opened on 12 March and ran for three weeks in four regions.
Day 1
The officials explained the draft licence classes and the fee table to the stations.
Day 2
The stations asked for a fee that follows the hours on air rather than the class.
Day 3
The last day was about shared transmitter masts and who pays for their upkeep.
"""


def test_a_comment_page_is_read_by_its_header_blocks() -> None:
    labels, openings = zip(*marked(read_head_blocks, THREAD, 14), strict=True)
    assert labels == ("Amara Osei", "Lucia Brandt", "Tomas Lind", "Amara Osei")
    assert openings == ("Tuesday's cons", "We run a stati", "Agreed with Lu", "Thank you both")


def test_the_name_line_is_the_one_above_the_badge_and_the_first_post_needs_no_anchor() -> None:
    marks = read_head_blocks(THREAD)
    assert marks is not None
    labels = [m.label for m in marks.marks]
    assert "Volunteer" not in labels and "Radio officer" not in labels
    assert THREAD[marks.marks[0].body :].startswith("Tuesday's consultation")


def test_prose_with_dated_short_lines_has_no_header_block() -> None:
    assert read_head_blocks(PROSE) is None


def test_a_meta_line_is_short_coded_and_no_sentence() -> None:
    assert meta_line("58m") and meta_line("Posted 12 Mar 2024") and meta_line("1,208 followers")
    assert not meta_line("Volunteer")  # no digit: a badge, not a meta line
    assert not meta_line("2 minutes left for this speaker. ⏱️")  # a sentence
    assert not meta_line("")


# An invented comment page: a name line, a headline, an age, then the speech; some posts have a
# badge line between the name and the headline, so the badge stands where the others' name does
# (two lines above the age): `Moderator` under two different names, `Author` under the first writer.
BADGED = """Pita Havili
Community radio, Nuku'alofa
3d
The draft licence rules are out and we want comments from small stations before Friday.
Rosa Quispe
Station manager, Cusco
2d
Our station runs on solar power, so the fee should follow the hours on air.
Lars Eide
Moderator
Forum team, Oslo
1d
Please keep the thread on the licence rules, the spectrum questions go to the other post.
Pita Havili
Author
Community radio, Nuku'alofa
1d
Thank you Rosa, the hours on air are now in the draft for the next round.
Mina Sato
Moderator
Forum team, Osaka
5h
I have moved two spectrum questions to the other post as announced this morning.
Tevita Lolo
Listener, Vava'u
2h
Good to see the hours on air in the draft, our island station needs that.
"""


def test_a_badge_in_the_name_slot_gives_way_to_the_name_above_it() -> None:
    labels, _ = zip(*marked(read_head_blocks, BADGED, 10), strict=True)
    assert labels == ("Pita Havili", "Rosa Quispe", "Lars Eide", "Pita Havili", "Mina Sato", "Tevita Lolo")


def test_a_headline_under_each_name_is_no_badge() -> None:
    labels, _ = zip(*marked(read_head_blocks, THREAD, 10), strict=True)
    assert "Radio officer, Tamale" not in labels and "Amara Osei" in labels


# An invented comment widget: an image's text line above every name, a reply naming the comment
# it answers after an arrow, an age line and a vote footer.
REPLIES = """12 Comments   Northern Wave
Avatar
Amara Osei
• 3 days ago
The fee should follow the hours on air, not the licence class, for small stations.
4 △ ▽ • Reply
Avatar
wave_tomas → Amara Osei
• 3 days ago
Agreed, and the shared masts need a line of their own in the fee table.
2 △ ▽ • Reply
Avatar
Guest
• 2 days ago
Nobody asked the stations in the south, the consultation was only in the capital.
1 △ ▽ • Reply
Avatar
Amara Osei → Guest
• 2 days ago
There is a second round in the south next month, the dates are on the ministry's page.
"""


def test_a_reply_names_its_writer_before_the_arrow_and_a_line_above_every_name_is_no_name() -> None:
    assert marked(read_head_blocks, REPLIES, 9) == [
        ("Amara Osei", "The fee s"),
        ("wave_tomas", "Agreed, a"),
        ("Guest", "Nobody as"),
        ("Amara Osei", "There is "),
    ]


# An invented team-chat channel copied from its web client: a date separator, the client's own
# event post about an account, name / time / text blocks, a reaction line, a reply whose first
# line is the client's reference to the post it answers, and a bot with its badge in capitals.
CHANNEL = """~dc-radio-2024
9 members
Wed, Mar 13, 2024
System
9:58 AM
@tomas.lind joined the channel.
Amara Osei
10:02 AM
Good morning. The draft fee table is in the folder, please read it before the call at noon.
👍 2
Lucia Brandt
10:09 AM
Commented on Amara Osei's message: Good morning. The draft fee table is in the folder, please read it before the call at noon.
Row 3 should use hours on air, not the licence class, I checked with two stations.
fee-reminder-bot
BOT
10:30 AM
Reminder: the consultation closes on Friday at 17:00.
Amara Osei
10:41 AM
Fixed row 3, thank you Lucia. I will send the table to the ministry after the call.
"""


def test_a_channel_copy_skips_the_clients_event_and_reference_and_reads_a_badge_as_no_name() -> None:
    assert marked(read_head_blocks, CHANNEL, 9) == [
        # `@tomas.lind joined the channel.` under `System` is the client's event: no turn
        ("Amara Osei", "Good morn"),
        # the reference line repeats the opening of Amara's post: the reply starts below it
        ("Lucia Brandt", "Row 3 sho"),
        # `BOT` in capitals under the account's name is its badge
        ("fee-reminder-bot", "Reminder:"),
        ("Amara Osei", "Fixed row"),
    ]


def test_a_reply_quoting_words_of_no_earlier_post_keeps_its_first_line() -> None:
    # the same channel, the reply's first line now the writer's own words after a colon
    own = CHANNEL.replace("Commented on Amara Osei's message: Good morning.", "My view on this: Good morning again.")
    marks = marked(read_head_blocks, own, 10)
    assert ("Lucia Brandt", "My view on") in marks
    # a post that mentions an account in a sentence of its own is speech, not an event
    mention = CHANNEL.replace("@tomas.lind joined the channel.", "@tomas.lind please read the fee table before noon.")
    assert ("System", "@tomas.li") in marked(read_head_blocks, mention, 9)
