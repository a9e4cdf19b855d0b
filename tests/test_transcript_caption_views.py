"""View readers learned from the file: rolling automatic captions read once (rolling.py), the
delimited fields opening every caption row (rowfields.py), wiki source's bold labels
(wikibold.py). The turns are cut from the source again, so text stays verbatim."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.rolling import rolling_edits
from forumlens.transcript.rowfields import row_field_edits
from forumlens.transcript.wikibold import wiki_bold_edits

ROLLING = """WEBVTT
Kind: captions
Language: en

00:00:00.100 --> 00:00:02.000 align:start position:0%
~
hello<00:00:00.500><c> everyone</c><00:00:00.900><c> and</c><00:00:01.200><c> welcome</c>

00:00:02.000 --> 00:00:02.010 align:start position:0%
hello everyone and welcome
~

00:00:02.010 --> 00:00:05.000 align:start position:0%
hello everyone and welcome
to<00:00:02.300><c> the</c><00:00:02.600><c> session</c><00:00:03.100><c> &gt;&gt;</c><00:00:03.400><c> thanks</c><00:00:03.800><c> Omar</c>

00:00:05.000 --> 00:00:05.010 align:start position:0%
to the session &gt;&gt; thanks Omar
~

00:00:05.010 --> 00:00:08.000 align:start position:0%
to the session &gt;&gt; thanks Omar
so<00:00:05.300><c> we</c><00:00:05.600><c> begin</c><00:00:06.000><c> &gt;&gt;</c><00:00:06.300><c> wait</c>
""".replace("\n~", "\n ")  # a shown blank caption line holds one space

ROWS = """20240101120000.000|20240101120002.500|CC1|RU2|>> CHAIR: GOOD AFTERNOON,
20240101120002.500|20240101120004.000|CC1|RU2|EVERYONE. FIRST SPEAKER.
20240101120004.100|20240101120006.000|CC1|RU2|>> MS. AIGERIM SEITKALI: THANK YOU.
20240101120006.000|20240101120008.000|CC1|RU2|OUR REPORT IS OUT.
20240101120008.100|20240101120009.000|CC1|RU2|[ LAUGHTER ]
20240101120009.100|20240101120010.000|CC1|RU2|>> CHAIR: THANK YOU.
"""

WIKI = """== Notes: DC meeting ==
''Typed by volunteers.''

'''Chair:''' Welcome, two points today.
: First, the budget.

'''Mele Fifita''' (Island Network): Thank you. The budget is small.
''(laughter)''
: Second: volunteers.

'''Chair:''' Thank you.

'''Mele Fifita:''' One more thing.

[[Category:Notes]]
"""


def test_rolling_captions_read_each_line_once() -> None:
    assert rolling_edits(ROLLING)
    session = parse_transcript(ROLLING)
    texts = [" ".join(t.text.split()) for t in session.turns]
    # each `>>` opens one voice however often its line is shown: three turns, not five
    assert len(session.turns) == 3
    assert session.turns[0].line == 10  # the first plain showing, not the tagged one above it
    assert texts[0].startswith("hello everyone and welcome")
    assert texts[1].startswith("thanks Omar")  # the plain showing is cited
    assert texts[2].startswith("wait")  # never shown plain: the tagged line, its tags read as nothing
    assert all(ROLLING[t.start : t.end] == t.text for t in session.turns)


def test_an_ordinary_cue_file_keeps_a_line_said_twice() -> None:
    cues = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nThank you.\n\n00:00:02.000 --> 00:00:03.000\nThank you.\n"
    assert rolling_edits(cues) == []


def test_row_fields_are_read_as_nothing_and_the_rows_payload_parsed() -> None:
    session = parse_transcript(ROWS)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (1, "CHAIR", None),
        (3, "MS. AIGERIM SEITKALI", "Aigerim Seitkali"),
        (6, "CHAIR", None),
    ]
    assert session.turns[1].text.startswith("THANK YOU.")
    assert "[ LAUGHTER ]" in session.turns[1].text  # a note row stays in the turn


def test_a_varying_word_field_is_never_read_away() -> None:
    table = "".join(f"00:0{i}|{name}|some words spoken here\n" for i, name in enumerate(["Ana", "Bo", "Cy", "Di"]))
    assert row_field_edits(table) == []  # the name column varies: not a wrapper


def test_wiki_bold_labels_and_indent_continuations() -> None:
    session = parse_transcript(WIKI)
    assert [(t.line, t.speaker) for t in session.turns] == [
        (4, None),
        (7, "Mele Fifita"),
        (11, None),
        (13, "Mele Fifita"),
    ]
    assert session.turns[0].text.startswith("Welcome, two points today.")
    assert session.turns[1].label == "Mele Fifita (Island Network)"
    assert session.turns[1].text.endswith(": Second: volunteers.")  # the indent stays in the source slice
    assert wiki_bold_edits("'''Note:''' one bold line only.\n") == []
