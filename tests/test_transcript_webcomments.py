"""Web comment pages copied as text: the name beside a repeated dated meta line
(`transcript/webcomments.py`). Invented names, handles, pages and text."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.webcomments import dated_meta, read_web_comments

# The name above its date line, a status line between them once (a shared document's pane).
NAME_ABOVE = """Draft statement v2 - comments
Comments
Every member agreed to publish the report in June.
Oluwaseun Brightwater-Adeyemi
9:02 AM Mar 3
Not every member: two abstained. Say "most members".
Tamsin Oyelaran
9:40 AM Mar 3
Fine by me, I changed it.
Oluwaseun Brightwater-Adeyemi
Marked as resolved
10:15 AM Mar 3
Thanks, closing this one.
"""

# The name below the previous post's action and age line, a badge above it once.
NAME_BELOW = """Regional Spectrum Watch
was live.
Like   Comment   Share
Kelechi Arinze-Moyo
Is the stream going to be recorded?
Like · Reply · 3y
Author
Regional Spectrum Watch
Kelechi Arinze-Moyo yes, the recording goes up tonight.
Like · Reply · 3y
Thandiwe Mokoena-Shaba
Which panelist spoke about the tower fees?
Like · Reply · 3y · Edited
Kelechi Arinze-Moyo
The second one, from the ministry.
Like · Reply · 3y
Write a comment…
"""

# The name inside the meta line itself.
NAME_INSIDE = """14 thoughts on "Notes from the access workshop"
Ingrid Solvang-Moreau on April 9, 2016 at 8:05 am said:
Thanks for writing this up, the slides were unreadable from the back.
Reply ↓
radio_ramon on April 9, 2016 at 9:47 am said:
Does anyone have the recording?
Reply ↓
Ingrid Solvang-Moreau on April 10, 2016 at 7:30 pm said:
It is on the session page now.
Reply ↓
"""

# A forum's head: the same word before every date, the name below it, an author block after.
FORUM = """Board index > Policy
Old 03-02-2008, 10:11 AM   #1
pixel_nomad
Regular
Join Date: Jan 2005
Posts: 2,210
Default
Who is going to the consultation in Geneva?
Reply With Quote
Old 03-02-2008, 11:40 AM   #2
Marisol Etxeberria-Lund
Newbie
Join Date: Feb 2008
Posts: 3
Default
I am, for the remote hub in Bilbao.
Reply With Quote
Old 03-03-2008, 08:05 PM   #3
pixel_nomad
Regular
Join Date: Jan 2005
Posts: 2,211
Default
Great, please report back.
Reply With Quote
"""

CAPTIONS = """[00:00:01] CHAIR: Good morning and welcome to the session.
[00:00:09] CHAIR: Our first speaker joins from Nairobi.
[00:00:15] AMINA ODHIAMBO: Thank you. I will be brief today.
[00:00:40] CHAIR: Thank you, Amina.
[00:00:42] Applause
[00:00:45] CHAIR: Next, questions from the floor.
"""


def _read(text: str) -> list[tuple[str | None, str]]:
    """Each post's label and first speech line, as the reader marks them."""
    found = read_web_comments(text)
    assert found is not None
    return [(m.label, text[m.body :].split("\n", 1)[0]) for m in found.marks]


def test_a_name_above_its_date_line_labels_the_post_below_the_date() -> None:
    assert _read(NAME_ABOVE) == [
        ("Oluwaseun Brightwater-Adeyemi", 'Not every member: two abstained. Say "most members".'),
        ("Tamsin Oyelaran", "Fine by me, I changed it."),
        ("Oluwaseun Brightwater-Adeyemi", "Thanks, closing this one."),
    ]


def test_a_name_below_the_previous_posts_action_line_skips_a_badge() -> None:
    # the first comment sits under the page's undated `Like Comment Share`, and its own dated action
    # line closes it: read because the page's last action line names no one below it
    assert [label for label, _ in _read(NAME_BELOW)] == [
        "Kelechi Arinze-Moyo",
        "Regional Spectrum Watch",
        "Thandiwe Mokoena-Shaba",
        "Kelechi Arinze-Moyo",
    ]


def test_a_name_inside_the_meta_line_is_what_the_date_and_action_words_leave() -> None:
    assert _read(NAME_INSIDE) == [
        ("Ingrid Solvang-Moreau", "Thanks for writing this up, the slides were unreadable from the back."),
        ("radio_ramon", "Does anyone have the recording?"),
        ("Ingrid Solvang-Moreau", "It is on the session page now."),
    ]


def test_a_word_before_every_date_is_furniture_and_the_author_block_is_no_speech() -> None:
    assert _read(FORUM) == [
        ("pixel_nomad", "Who is going to the consultation in Geneva?"),
        ("Marisol Etxeberria-Lund", "I am, for the remote hub in Bilbao."),
        ("pixel_nomad", "Great, please report back."),
    ]


def test_the_parse_keeps_the_action_lines_out_of_the_speech() -> None:
    session = parse_transcript(NAME_INSIDE)
    assert [t.text for t in session.turns] == [
        "Thanks for writing this up, the slides were unreadable from the back.",
        "Does anyone have the recording?",
        "It is on the session page now.",
    ]
    assert [t.speaker for t in session.turns] == ["Ingrid Solvang-Moreau", None, "Ingrid Solvang-Moreau"]


def test_captions_and_too_few_posts_are_no_comment_page() -> None:
    assert read_web_comments(CAPTIONS) is None
    two_posts = "\n".join(NAME_INSIDE.split("\n")[:7])
    assert read_web_comments(two_posts) is None
    assert (
        read_web_comments("Ingrid Solvang-Moreau\n5 hours ago\nHello all, glad to be here.\n" * 3) is None
    )  # one voice only


def test_a_long_page_reads_every_post_and_a_sentence_opening_with_a_is_no_age() -> None:
    post = "Member{0} Okonkwo-Lind\n{1} hours ago\nA note from reader {0} on the hub.\n3\nReply\n"
    text = "".join(post.format(chr(65 + i % 26) + chr(97 + i // 26 % 26), 1 + i % 20) for i in range(1500))
    found = read_web_comments(text)
    assert found is not None and len(found.marks) == 1500
    assert found.marks[0].label == "MemberAa Okonkwo-Lind"
    assert text[found.marks[0].body :].startswith("A note from reader Aa on the hub.")


# A microblog thread: the opening post in full (no age line), the replies under name, handle, age.
MICROBLOG_THREAD = """Post
Rangi Whitcombe-Adeyemi :igf:
@rangi_w@toot.example.nz
Day two of the forum, thread 1/2
Edited Nov 8, 2022, 09:12 · Web
Rangi Whitcombe-Adeyemi :igf:
@rangi_w@toot.example.nz
3h
2/2 The hub in Suva had no captions again.
Rangi Whitcombe-Adeyemi :igf:
@rangi_w@toot.example.nz
2h
Update: captions are back.
Seini Tupou-Larsen
@seini@fedi.example.to
45m
@rangi_w thanks, we can follow now.
Marek Okafor-Lind
@marek@social.example.pl
20m
Same here from Warsaw.
"""

# An issue tracker: the name inside the meta line before a connector word, `edited` alone.
ISSUE = """Hub captions #31
yusra-dev commented on Mar 4, 2021
edited
The captions stop after ten minutes.
kwabena-ops commented on Mar 5, 2021
Restarting the encoder fixes it.
yusra-dev commented on Mar 6, 2021
Confirmed, closing.
"""


def test_a_display_name_above_its_handle_is_the_label_and_an_opening_post_is_read_by_its_author_block() -> None:
    session = parse_transcript(MICROBLOG_THREAD)
    assert [(t.speaker, t.text.split("\n")[0]) for t in session.turns] == [
        ("Rangi Whitcombe-Adeyemi", "Day two of the forum, thread 1/2"),  # …and its parts 2/2 and the update: one turn
        ("Seini Tupou-Larsen", "@rangi_w thanks, we can follow now."),
        ("Marek Okafor-Lind", "Same here from Warsaw."),
    ]


def test_a_name_before_a_connector_word_inside_the_meta_line_and_an_edited_line_alone() -> None:
    assert _read(ISSUE) == [
        ("yusra-dev", "The captions stop after ten minutes."),
        ("kwabena-ops", "Restarting the encoder fixes it."),
        ("yusra-dev", "Confirmed, closing."),
    ]


def test_a_caption_page_under_dated_title_lines_is_no_comment_page() -> None:
    # a fetched IGF page: its title, breadcrumb and heading each carry a year and a day, then captions
    title = "IGF 2021 – Day 3 – Open Forum {0}"
    page = "\n".join(
        [
            title.format(7) + " | Internet Governance Forum",
            "",
            "Home » " + title.format(7),
            "",
            title.format(7),
            "",
            ">> ANA LIMA: Good morning, everyone, and welcome.",
            ">> JO KIM: Thank you, Ana. Let me start with the data.",
            ">> ANA LIMA: Please go ahead.",
            ">> JO KIM: The numbers are in the report.",
        ]
    )
    assert read_web_comments(page) is None
    assert [t.speaker for t in parse_transcript(page).turns] == ["Ana Lima", "Jo Kim", "Ana Lima", "Jo Kim"]


_BLOG = """9 thoughts on "Open data in the coalition's annual report"

Lena Ortiz says:
April 12, 2022 at 10:05 am
The coalition should list which governments answered the survey this year.
Reply

Rafael Moura says:
April 12, 2022 at 2:47 pm
Could the secretariat share the raw answers before the next call?
Reply

Lena Ortiz says:
April 13, 2022 at 7:30 am
Yes, we will post them on the mailing list once they are cleaned.
Reply

Priya Nair says:
April 14, 2022 at 6:18 pm
Thanks both, the ratio of answers was 3:1 in favour of publishing.
Reply
"""


def test_a_blog_author_line_says_above_a_dated_meta_line() -> None:
    # `Name says:` above `April 12, 2022 at 10:05 am`: the author is the label, the clock time's
    # colon no label's, and the date and `Reply` lines are no speech
    session = parse_transcript(_BLOG)
    assert [t.speaker for t in session.turns] == ["Lena Ortiz", "Rafael Moura", "Lena Ortiz", "Priya Nair"]
    assert session.turns[0].text == "The coalition should list which governments answered the survey this year."
    assert session.turns[3].text.endswith("3:1 in favour of publishing.")
    assert not any("2022" in t.text or "Reply" in t.text for t in session.turns)


def test_dated_meta_is_a_date_or_time_and_its_tying_words_alone() -> None:
    assert dated_meta("April 12, 2022 at 10:05 am")
    assert dated_meta("3 hours ago")
    assert not dated_meta("Lena Ortiz says:")
    assert not dated_meta("We met on April 12, 2022 at 10:05 am to agree the text.")


# A social page's comments copied without the page's own post: each comment is its name, its speech,
# then its action line; the first name has no action line above it.
CLOSED_BY_META = """Adaeze Okonkwo-Berg
Will the slides be shared after the session?

Like · Reply · 2y

Rasmus Lindqvist-Ade
Yes, on the coalition page.

Like · Reply · 2y

Adaeze Okonkwo-Berg
Thank you, found them.

Like · Reply · 1y

Priyanka Ferreira-Holm
Is there a recording too?

Like · Reply · 1y
"""

# The same arrangement on a forum whose every post opens with its date line and its name below:
# the last date line opens a post, so the lines above the first date are the page's, no post.
OPENED_BY_META = """Spectrum Policy Board
Who is going to the consultation?
03-02-2008, 10:11 AM
Mirela Santangelo
I am, for the remote hub.
03-02-2008, 11:40 AM
Joaquim Oyelaran-Reis
Not this year.
03-03-2008, 08:05 PM
Mirela Santangelo
Then I will report back.
"""


def test_a_first_comment_closed_by_its_action_line_is_read_with_its_name() -> None:
    assert _read(CLOSED_BY_META) == [
        ("Adaeze Okonkwo-Berg", "Will the slides be shared after the session?"),
        ("Rasmus Lindqvist-Ade", "Yes, on the coalition page."),
        ("Adaeze Okonkwo-Berg", "Thank you, found them."),
        ("Priyanka Ferreira-Holm", "Is there a recording too?"),
    ]
    session = parse_transcript(CLOSED_BY_META)
    assert [t.speaker for t in session.turns] == [
        "Adaeze Okonkwo-Berg",
        "Rasmus Lindqvist-Ade",
        "Adaeze Okonkwo-Berg",
        "Priyanka Ferreira-Holm",
    ]
    assert not any("Reply" in t.text for t in session.turns)


def test_lines_above_the_first_date_that_opens_a_post_are_no_post() -> None:
    assert [label for label, _ in _read(OPENED_BY_META)] == [
        "Mirela Santangelo",
        "Joaquim Oyelaran-Reis",
        "Mirela Santangelo",
    ]


# An invented journal's comments: the icon's text glued before each user name, a comment without
# an account shown as a placeholder in brackets, and replies under a `Re:` subject line.
JOURNAL = """Comments
[user]tadas_vil
Oct. 2nd, 2011 08:14 am (UTC)
The hub in Kaunas had no sound for the first hour.
(Reply) (Thread)
(Anonymous)
Oct. 2nd, 2011 09:30 am (UTC)
Re: no sound
Same in Panevezys, we followed the transcript instead.
(Reply) (Parent) (Thread)
[user]ruta_k
Oct. 2nd, 2011 10:02 am (UTC)
Re: no sound
The transcript was the better channel anyway.
(Reply) (Parent) (Thread)
"""


def test_an_icon_text_a_placeholder_and_a_reply_subject_are_no_speech() -> None:
    assert _read(JOURNAL) == [
        ("tadas_vil", "The hub in Kaunas had no sound for the first hour."),
        ("(Anonymous)", "Same in Panevezys, we followed the transcript instead."),
        ("ruta_k", "The transcript was the better channel anyway."),
    ]
    assert [t.speaker for t in parse_transcript(JOURNAL).turns] == [None, None, None]  # handles, a placeholder


# An issue tracker's page copied as text: the field lines, the description under its author's
# `Reporter:` field, comment heads `Name added a comment - date` (a day-month-year date with the
# month in letters), a service account of lower-case words in a name's place.
ISSUE_PAGE = """Web / PORTAL-77
Session page lists the wrong moderator
Details
Type: Bug    Status: CLOSED
Priority: Minor    Resolution: Done
People
Assignee: Marisela Quintanar-Obi
Reporter: Tevita Holakeituai
Dates
Created: 03/Feb/21 9:10 AM
Description
The page of Workshop #12 names last year's moderator. The programme file has the right name, so the page must read an older copy.
Activity
All    Comments    History
Marisela Quintanar-Obi added a comment - 03/Feb/21 10:02 AM
Found it: the page cache was never cleared after the import.
Build Bot for Portal added a comment - 03/Feb/21 10:30 AM
A linked change was merged into the main line.
Marisela Quintanar-Obi added a comment - 04/Feb/21 8:15 AM - edited
Cleared and rebuilt. Tevita, does it look right now?
Tevita Holakeituai added a comment - 04/Feb/21 9:40 AM
Yes, thank you, the right name is there.
"""

# A forum topic: a user name line, the full-name line when the user has one, a date whose year is
# cut to two digits (`Mar '22`), the like counts alone on a line, a quote of another poster
# (`user:` and the quoted line) opening a reply, and the topic's summary block under the last post.
TOPIC_PAGE = """Where are the slides of the access session?
Community  slides  access
ana_r
Ana Rudolfsdottir-Lima
Mar '22
Does anyone have the slides of the access session? The link on the programme page is broken.
2
kofi.m
Mar '22
They are in the shared drive of the session, folder three. I moved them there yesterday.
1
teodora
Mar '22
I will fix the link on the programme page today. Sorry for the wait.
ana_r
Ana Rudolfsdottir-Lima
Apr '22
kofi.m:
They are in the shared drive of the session, folder three.
Found them, thank you. The broken link should point there too.
4
created
Mar '22
last reply
Apr '22
3
replies
52
views
"""


def test_an_issue_page_reads_its_description_by_its_reporter_and_each_comment_head() -> None:
    assert _read(ISSUE_PAGE) == [
        (
            "Tevita Holakeituai",
            "The page of Workshop #12 names last year's moderator. The programme file has the right name, so the page must read an older copy.",
        ),
        ("Marisela Quintanar-Obi", "Found it: the page cache was never cleared after the import."),
        ("Build Bot for Portal", "A linked change was merged into the main line."),
        ("Marisela Quintanar-Obi", "Cleared and rebuilt. Tevita, does it look right now?"),
        ("Tevita Holakeituai", "Yes, thank you, the right name is there."),
    ]
    turns = parse_transcript(ISSUE_PAGE).turns
    # the service account is nobody; the description keeps the tab line below it out of its speech
    assert [t.speaker for t in turns][2] is None
    assert turns[0].text.endswith("an older copy.")


def test_no_authorship_field_no_description_turn() -> None:
    # the same page with the reporter field renamed to a field of no author: the comments alone
    page = ISSUE_PAGE.replace("Reporter: Tevita", "Watcher: Tevita")
    assert _read(page)[0][0] == "Marisela Quintanar-Obi"


def test_a_topic_reads_a_quote_as_the_quoted_poster_and_drops_its_summary_block() -> None:
    assert _read(TOPIC_PAGE) == [
        (
            "Ana Rudolfsdottir-Lima",
            "Does anyone have the slides of the access session? The link on the programme page is broken.",
        ),
        ("kofi.m", "They are in the shared drive of the session, folder three. I moved them there yesterday."),
        ("teodora", "I will fix the link on the programme page today. Sorry for the wait."),
        ("kofi.m", "They are in the shared drive of the session, folder three."),
        ("Ana Rudolfsdottir-Lima", "Found them, thank you. The broken link should point there too."),
    ]
    turns = parse_transcript(TOPIC_PAGE).turns
    assert turns[-1].text == "Found them, thank you. The broken link should point there too."


def test_a_post_of_single_words_under_the_last_head_is_still_a_post_when_it_says_anything() -> None:
    # the same page without its summary block: the last post is read as before
    page = TOPIC_PAGE.split("4\ncreated")[0]
    assert _read(page)[-1] == (
        "Ana Rudolfsdottir-Lima",
        "Found them, thank you. The broken link should point there too.",
    )


def test_a_name_and_colon_line_of_no_other_poster_stays_speech() -> None:
    # `Note:` names no poster of the page: the reply is one turn, the line its speech
    page = TOPIC_PAGE.replace("kofi.m:\n", "Note:\n")
    found = _read(page)
    assert found[-1] == ("Ana Rudolfsdottir-Lima", "Note:")
    assert len(found) == 4


def test_a_month_name_opening_a_name_is_no_date() -> None:
    # `Marisela`, `Junior`: names that open like a month; `March 3` and `Sept. 4` stay dates
    assert not dated_meta("Marisela Quintanar-Obi")
    assert not dated_meta("Junior Augustine")
    assert dated_meta("March 3, 2021 at 9:12 am")
    assert dated_meta("Sept. 4, 2019")
    assert dated_meta("12/Nov/20 11:02 AM")
    assert dated_meta("Dec '21")
