"""Transcripts exported as tables (`transcript/tables.py`): a caption CSV and a wiki pipe table
state their turns in a speaker column and a text column; the header, the separator and the
time columns are never speech; a row with no speaker, or the same speaker again, goes on with
the turn before; every turn stays an exact slice of the file, its line the row's own line.

The examples are written for this file (invented names), in the shapes caption services and
wikis export: a quoted CSV with `""` inside a field and a quoted line break, a semicolon CSV
with no quotes, a pipe table with a title above it and a role-first speaker cell."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.tables import read_table

CSV = (
    '"Start","End","Speaker","Text"\n'
    '"00:00:01.000","00:00:06.500","Facilitator","Welcome, everyone, to the clinic on open maps."\n'
    '"00:00:06.600","00:00:12.000","Facilitator","Our first guest is from Lima."\n'
    '"00:00:12.400","00:00:20.000","Wilmer Quispe-Ttito","Thank you. We call it ""street truth"", and it works."\n'
    '"00:00:20.100","00:00:25.000","","Every street was walked twice."\n'
    '"00:00:25.500","00:00:31.000","Unknown Speaker","How many volunteers,\n'
    'in total?"\n'
    '"00:00:31.200","00:00:36.000","Wilmer Quispe-Ttito","About three hundred."\n'
)

PIPE = (
    "Clinic on open maps -- notes from the wiki\n"
    "\n"
    "| Time | Speaker | Text |\n"
    "|:-----|:--------|:-----|\n"
    "| 10:00 | Host (Greta Lindahl-Borg) | Let us begin. Ana, please. |\n"
    "| 10:01 | Ana Teresa Vilca | Thanks. One point: the data licence. |\n"
    "| 10:02 | | And a second: who maintains it? |\n"
    "| 10:03 | Remote participant | +1 to the licence point. |\n"
    "| 10:04 | Host (Greta Lindahl-Borg) | Noted. |\n"
)


def _checked(text: str) -> list[tuple[int, str | None, str | None, str]]:
    session = parse_transcript(text)
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text  # citations stay verbatim
    return [(t.line, t.label, t.speaker, t.text) for t in session.turns]


def test_a_caption_csv_states_its_turns_by_column() -> None:
    turns = _checked(CSV)
    assert [(line, label, speaker) for line, label, speaker, _ in turns] == [
        (2, "Facilitator", None),  # a role; the second row of the same speaker is the same turn
        (4, "Wilmer Quispe-Ttito", "Wilmer Quispe-Ttito"),  # the empty speaker cell goes on with him
        (6, "Unknown Speaker", None),
        (8, "Wilmer Quispe-Ttito", "Wilmer Quispe-Ttito"),
    ]
    first, wilmer, unknown, last = (text for *_, text in turns)
    assert first.startswith("Welcome, everyone,") and first.endswith("from Lima.")  # no closing quote
    assert '""street truth""' in wilmer and wilmer.endswith("walked twice.")
    assert unknown == "How many volunteers,\nin total?"  # a quoted line break is part of the cell
    assert last == "About three hundred."
    assert parse_transcript(CSV).title == ""  # the header row is no title


def test_a_semicolon_csv_without_quotes_and_other_column_names() -> None:
    text = "start;speaker name;transcript\n0:01;Lea Brunner;Hallo zusammen.\n0:04;Omar Haddad;Hello, Lea.\n"
    turns = _checked(text)
    assert [(label, body) for _, label, _, body in turns] == [
        ("Lea Brunner", "Hallo zusammen."),
        ("Omar Haddad", "Hello, Lea."),
    ]


def test_a_pipe_table_states_its_turns_by_column() -> None:
    session = parse_transcript(PIPE)
    assert session.title == "Clinic on open maps -- notes from the wiki"
    turns = _checked(PIPE)
    assert [(line, label, speaker) for line, label, speaker, _ in turns] == [
        (5, "Host (Greta Lindahl-Borg)", "Greta Lindahl-Borg"),  # role first, the name in brackets
        (6, "Ana Teresa Vilca", "Ana Teresa Vilca"),
        (8, "Remote participant", None),
        (9, "Host (Greta Lindahl-Borg)", "Greta Lindahl-Borg"),
    ]
    assert turns[0][3] == "Let us begin. Ana, please."  # no pipes, no time
    assert turns[1][3].startswith("Thanks. One point:") and turns[1][3].endswith("who maintains it?")
    assert turns[2][3] == "+1 to the licence point."


def test_text_that_is_no_table_is_left_to_the_caption_rules() -> None:
    prose = "Workshop 12, Room 3, Day 2\n>> MODERATOR: Speaker, text and time, please.\n>> JO LI: Yes.\n"
    assert read_table(prose) is None
    assert [t.label for t in parse_transcript(prose).turns] == ["MODERATOR", "JO LI"]
    # a header naming the columns, but no rows under it: no table either
    assert read_table('"Speaker","Text"\n') is None
    # a pipe table with no speaker column (an agenda) is no transcript
    agenda = "| Time | Item |\n|---|---|\n| 10:00 | Opening |\n| 10:10 | Panel |\n"
    assert read_table(agenda) is None


# A caption export whose third row opens a quote it never closes: `csv` reads the rest as one cell.
UNCLOSED = """speaker,start,text
Ines Albuquerque-Tan,00:00:01,Good morning and welcome to the session.
Kofi Mensah-Lund,00:00:09,"Thank you, Ines.
Ines Albuquerque-Tan,00:00:15,Let us start with the first question.
Kofi Mensah-Lund,00:00:21,Gladly.
"""


def test_a_quote_never_closed_is_named_with_its_line_and_the_fix() -> None:
    session = parse_transcript(UNCLOSED)
    assert [t.speaker for t in session.turns] == ["Ines Albuquerque-Tan", "Kofi Mensah-Lund"]
    [warning] = session.warnings
    assert warning.startswith("line 3: a quote opens a cell and is never closed")
    assert '("")' in warning
    closed = UNCLOSED.replace('"Thank you, Ines.', '"Thank you, Ines."')
    fixed = parse_transcript(closed)
    assert len(fixed.turns) == 4 and fixed.warnings == ()
