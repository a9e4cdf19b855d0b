"""A record whose label line stands alone above the speech, with no clock and no colon
(`records.read_label_records`, `_bare_labels`): the file shows the lines are labels by their
repetition — several voices written in one form, a name that comes back, each line above speech.
The layouts below are invented."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.records import read_label_records
from forumlens.transcript.speakers import display_name, given_first

# Family name first, the given name, the office after a second comma; no blank lines; a
# reaction in brackets and a member cut off mid-sentence inside the turns.
FAMILY_FIRST = """Assembly of the Republic
Verbatim record of the 12th sitting
3 March 2021

Rautio-Mensah, Aino, deputy chair of the assembly
We continue with the report on the forum. Member Lind has the floor.
Lind-Carvalho, Pekka, member of the assembly
Thank you, chair. The report is four pages long and says nothing about our statement.
(Murmurs in the hall.)
Who spoke for us, and on what?
Rautio-Mensah, Aino, deputy chair of the assembly
The minister answers.
Okafor-Berg, Sanna, minister of transport
Thank you. We spoke in the session on trust, and the text is online.
Rautio-Mensah, Aino, deputy chair of the assembly
Member Virta, briefly.
Virta-Osei, Mikko, member of the assembly
Thank you. Next year let us send a student as well, because
(The time is up.)
Rautio-Mensah, Aino, deputy chair of the assembly
Time is up. The debate is closed.
"""


def test_label_lines_alone_above_the_speech_are_read_from_their_repetition() -> None:
    marks = read_label_records(FAMILY_FIRST)
    assert marks is not None
    labels = [m.label for m in marks.marks]
    assert labels[:2] == [
        "Rautio-Mensah, Aino, deputy chair of the assembly",
        "Lind-Carvalho, Pekka, member of the assembly",
    ]
    assert len(labels) == 7
    # the title lines above the first label are no labels
    assert "Assembly of the Republic" not in labels


def test_the_parse_reads_the_turns_with_given_names_first() -> None:
    session = parse_transcript(FAMILY_FIRST)
    assert [t.speaker for t in session.turns] == [
        "Aino Rautio-Mensah",
        "Pekka Lind-Carvalho",
        "Aino Rautio-Mensah",
        "Sanna Okafor-Berg",
        "Aino Rautio-Mensah",
        "Mikko Virta-Osei",
        "Aino Rautio-Mensah",
    ]
    assert session.turns[1].text.startswith("Thank you, chair.")
    # the reaction and the question after it stay in the member's turn; so does the timer's note
    assert "Who spoke for us" in session.turns[1].text
    assert "(The time is up.)" in session.turns[5].text


# Names alone on their lines, a blank line between the turns; the chair's label comes back.
NAMES_ALONE = """Town hall on community networks

Chair Lena Moyo

Good evening and welcome. Three of our members will speak first.

Ravi Anand

Thank you. Our network covers twelve villages now.

Chair Lena Moyo

Thank you, Ravi. Next, please.

Marta Quispe

We started last spring with two antennas and a school roof.

Chair Lena Moyo

Thank you both. We close here.
"""


def test_names_alone_between_blank_lines_are_labels() -> None:
    session = parse_transcript(NAMES_ALONE)
    assert [t.label for t in session.turns] == [
        "Chair Lena Moyo",
        "Ravi Anand",
        "Chair Lena Moyo",
        "Marta Quispe",
        "Chair Lena Moyo",
    ]


def test_a_recurring_footer_and_headings_in_prose_are_no_record() -> None:
    # a footer comes back on every page, but it is one voice, and the headings never come back
    page = "Every village should have a connection by the end of the decade, the report says."
    text = "\n".join(
        [
            "Community Networks Report",
            page,
            "Regional Forum 2019",
            "Why it matters",
            page,
            "Regional Forum 2019",
            "What we ask",
            page,
            "Regional Forum 2019",
        ]
    )
    assert read_label_records(text) is None


def test_bare_lines_never_join_a_record_read_by_its_colons() -> None:
    text = "\n".join(
        [
            "MODERATOR: Welcome, everyone, to the session.",
            "JO LI: Thank you. We worked on it for a year.",
            "Part Two",
            "MODERATOR: Next question, please, from the room.",
            "ANA RUIZ: Who pays for the rooms and the travel?",
            "Part Three",
            "JO LI: The host pays for all of it this year.",
        ]
    )
    marks = read_label_records(text)
    assert marks is None or all(m.label and "Part" not in m.label for m in marks.marks)


def test_a_directory_name_may_carry_an_office_after_a_second_comma() -> None:
    assert given_first("Lind-Carvalho, Pekka, member of the assembly") == "Pekka Lind-Carvalho, member of the assembly"
    assert display_name("Lind-Carvalho, Pekka, member of the assembly") == "Pekka Lind-Carvalho"
    # a name card in given-family order stays as it is: the first part is a whole name
    assert given_first("Tim Li, Google, USA") == "Tim Li, Google, USA"
    assert display_name("Tim Li, Google, USA") == "Tim Li"


def test_a_comment_pages_short_links_are_no_labels() -> None:
    # `Reply` under every comment comes back, but a link with an arrow is written as no name
    text = "\n".join(
        [
            "Older posts →",
            "Ana Ruiz on 3 May 2014 at 9:14 pm said:",
            "Good summary, and thank you for the notes from the workshop.",
            "Reply ↓",
            "Jo Li on 3 May 2014 at 9:40 pm said:",
            "Thank you. The slides are on the site of the organisers now.",
            "Reply ↓",
            "Marta Gil on 4 May 2014 at 8:02 am said:",
            "Is there a recording of the session as well, or only the slides?",
            "Reply ↓",
            "Leave a Reply",
            "Your email address will not be published.",
        ]
    )
    marks = read_label_records(text)
    assert marks is None or all("Reply" not in (m.label or "") for m in marks.marks)
