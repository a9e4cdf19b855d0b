"""A national record read from its own repetition (`records.read_label_records`): each speech
opens with a label line, a name with its party, constituency or office, perhaps after a clock
time, and the labels come back as the members take the floor again. The layouts below are
invented; no reader was written for any of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from forumlens.transcript.exportmarks import ExportMarks
from forumlens.transcript.parse import parse_by_template, parse_transcript
from forumlens.transcript.records import read_label_records
from forumlens.transcript.templates import read_template

# Family name first in capitals, party in brackets, a long lower-case office, the chair's bare
# office; a reaction line and an interjection holding a colon inside a turn.
CAPITALS = """PLENARY RECORD
Autumn session, day 9

(10.02)

CHAIR: Dear members, the first question comes from Member Arvo Kessel.
KESSEL ARVO (Greens): Thank you, Chair. Who represents us at the forum this year, and why was the committee not told?
(Applause from the opposition benches.)
CHAIR: The state secretary answers.
MÄND LIIS deputy state secretary for digital affairs: Thank you, Chair. Two officials and one researcher go.
(Interjection from the opposition: Too late!)
We will report to the committee afterwards.
CHAIR: A follow-up question.
KESSEL ARVO (Greens): Then why not a member of civil society as well?
CHAIR: The state secretary.
MÄND LIIS deputy state secretary for digital affairs: We will consider it next year.
"""

# A clock time and the label alone on its line, the words below; an agenda item with a clock.
CLOCKED = """Minutes of sitting 41
Wednesday, 4 May 2022, 10:00

2. 10:31 Interpellation on the forum delegation

10:31 Deputy Speaker Mari Tamm
We move on. The interpellation is presented by Jaan Sepp. Please!
10:32 Jaan Sepp
Dear chair! Who goes to the forum, and why no young people?
10:35 Deputy Speaker Mari Tamm
Thank you! The minister answers.
10:35 Minister of Digital Affairs Tiit Kask
Dear chair! Seven people go. Next year one place goes to a young delegate.
10:38 Deputy Speaker Mari Tamm
Jaan Sepp, a second question.
10:38 Jaan Sepp
Will you report back to the house?
10:39 Minister of Digital Affairs Tiit Kask
Yes, by the end of January.
"""


def test_capitals_labels_with_party_and_office_are_read_from_their_repetition() -> None:
    marks = read_label_records(CAPITALS)
    assert marks is not None
    labels = [m.label for m in marks.marks]
    assert labels == [
        "CHAIR",
        "KESSEL ARVO (Greens)",
        "CHAIR",
        "MÄND LIIS deputy state secretary for digital affairs",
        "CHAIR",
        "KESSEL ARVO (Greens)",
        "CHAIR",
        "MÄND LIIS deputy state secretary for digital affairs",
    ]
    assert CAPITALS[marks.marks[1].body :].lstrip().startswith("Thank you, Chair.")


def test_the_parse_takes_the_record_where_the_rules_missed_a_quarter_of_its_labels() -> None:
    # the rules read `CHAIR:` and `KESSEL ARVO (Greens):`, not the long office after a name
    text = CAPITALS + "\n".join(
        [
            "CHAIR: One more question from the state secretary's side.",
            "MÄND LIIS deputy state secretary for digital affairs: The report comes in January.",
            "CHAIR: Thank you.",
            "MÄND LIIS deputy state secretary for digital affairs: Thank you, Chair.",
        ]
    )
    session = parse_transcript(text)
    labels = [t.label for t in session.turns]
    assert labels.count("MÄND LIIS deputy state secretary for digital affairs") == 4
    assert len(labels) == 12
    # the interjection with a colon and the line after it stay in the state secretary's turn
    assert "We will report to the committee afterwards." in session.turns[3].text


def test_clock_and_label_alone_on_a_line_above_the_words() -> None:
    marks = read_label_records(CLOCKED)
    assert marks is not None
    assert [m.label for m in marks.marks] == [
        "Deputy Speaker Mari Tamm",
        "Jaan Sepp",
        "Deputy Speaker Mari Tamm",
        "Minister of Digital Affairs Tiit Kask",
        "Deputy Speaker Mari Tamm",
        "Jaan Sepp",
        "Minister of Digital Affairs Tiit Kask",
    ]
    assert CLOCKED[marks.marks[0].body :].startswith("We move on.")
    # the agenda item (`2. 10:31 …`) is no label line: a number opens it, not a clock
    assert all("Interpellation" not in (m.label or "") for m in marks.marks)


def test_the_template_fallback_reads_a_record_too() -> None:
    session = parse_by_template(CAPITALS)
    assert [t.label for t in session.turns][:2] == ["CHAIR", "KESSEL ARVO (Greens)"]
    assert len(session.turns) == 8


def test_a_time_stamp_in_the_label_is_no_part_of_it() -> None:
    text = "\n".join(
        [
            "Hearing of the committee",
            "",
            "Chair Ana Ruiz [10:01:05]: We begin with the ministry.",
            "Minister Jo Li [10:02:40]: Thank you. The plan is ready.",
            "Chair Ana Ruiz [10:05:12]: Questions, please.",
            "Minister Jo Li [10:06:01]: The budget is in the annex.",
        ]
    )
    marks = read_label_records(text)
    assert marks is not None
    assert [m.label for m in marks.marks] == ["Chair Ana Ruiz", "Minister Jo Li", "Chair Ana Ruiz", "Minister Jo Li"]


def test_fields_columns_and_prose_are_no_record() -> None:
    # a forum page's fields come back on every post, but hold short values, never speech
    fields = "\n".join(["jo_li", "Joined: 16 Oct 2006", "Posts: 37", "Hello from Patras."] * 3)
    assert read_label_records(fields) is None
    # an action list's columns (`AP 4 (new)   JL: …`) are no labels
    columns = "\n".join(
        ["AP 4 (new)   JL: draft the standard", "AP 5 (new)   AR: ask a lawyer", "AP 4 (CO)    JL: draft it again"] * 2
    )
    assert read_label_records(columns) is None
    # prose whose lines hold a colon: no label comes back, none looks a name
    prose = "\n".join(
        [
            "The plan is simple: we start small.",
            "Next year we try again: with more people.",
            "Who pays: the host or the members?",
            "One answer: the host pays for the rooms.",
        ]
    )
    assert read_label_records(prose) is None


def test_a_subtitle_file_is_read_by_its_cues_not_as_a_record() -> None:
    cues = "WEBVTT\n\n" + "\n\n".join(
        f"{i}\n00:00:0{i}.000 --> 00:00:0{i}.900\n{name}: line {i}."
        for i, name in enumerate(["Jo Li", "Ana Ruiz", "Jo Li", "Ana Ruiz", "Jo Li"], start=1)
    )
    assert read_label_records(cues) is None


def test_an_ordinary_caption_transcript_keeps_the_rules_reading() -> None:
    text = "\n".join(
        [
            ">> MODERATOR: Welcome, everyone.",
            ">> JO LI: Thank you.",
            ">> MODERATOR: Next question.",
            ">> ANA RUIZ: Here it is: who pays?",
            ">> JO LI: The host pays.",
        ]
    )
    assert [t.label for t in parse_transcript(text).turns] == ["MODERATOR", "JO LI", "MODERATOR", "ANA RUIZ", "JO LI"]


# A name and an organisation alone on their line above the speech: the rules read the turns, and
# the fallback's gate still weighs the file's template, so both paths look for label lines.
OWN_LINES = """REGIONAL FORUM ON COMMUNITY NETWORKS
Room 4, edited transcript

MODERATOR
Good morning.  We have half an hour.  Ms. Oduya first.

GRACE ODUYA, Kisumu Network
Thank you.  Our network now reaches nine villages.

TEEMU SALO, Oulu Radio Club
Thank you.  Ours reaches four, all by radio links.

MODERATOR
Thank you.  Questions from the floor?

GRACE ODUYA, Kisumu Network
Only that the spectrum fees are too high for us.

TEEMU SALO, Oulu Radio Club
The same in our case.

MODERATOR
Thank you both.
"""


def test_one_parse_reads_a_files_label_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the rules' path reads the label lines; the template fallback gets that reading, not a second one
    asked: list[str] = []

    def counted(text: str) -> ExportMarks | None:
        asked.append(text)
        return read_label_records(text)

    def template(text: str, label_records: Callable[[str], ExportMarks | None] = counted) -> ExportMarks | None:
        reached.append(text)
        return read_template(text, label_records)

    reached: list[str] = []
    monkeypatch.setattr("forumlens.transcript.parse.read_label_records", counted)
    monkeypatch.setattr("forumlens.transcript.parse.read_template", template)
    turns = parse_transcript(OWN_LINES).turns
    assert reached == [OWN_LINES] and asked == [OWN_LINES]
    assert [t.speaker for t in turns][:3] == [None, "Grace Oduya", "Teemu Salo"]


# A clock and the label alone above the speech, as an export's timed label lines are; the
# minister's label holds a long office the export reader's label test leaves out.
TIMED_OFFICES = """Minutes of sitting 12
Tuesday, 6 June 2023, 10:00

10:02 Deputy Chair Marta Kivi-Adebayo
We continue. The question comes from Paavo Linnus-Obi.
10:03 Paavo Linnus-Obi
Dear chair! Who represents us at the forum this year?
10:05 Deputy Chair Marta Kivi-Adebayo
Thank you! The minister answers.
10:05 Economy- and IT-minister Toomas Raud-Mensah
Seven people go, two from the ministry.
10:07 Deputy Chair Marta Kivi-Adebayo
Paavo Linnus-Obi, a second question.
10:07 Paavo Linnus-Obi
Will you report back to the committee?
10:08 Economy- and IT-minister Toomas Raud-Mensah
Yes, by the end of January.
10:09 Deputy Chair Marta Kivi-Adebayo
The item is closed.
"""


def test_a_records_label_lines_read_what_a_timed_export_reader_left_out() -> None:
    turns = parse_transcript(TIMED_OFFICES).turns
    assert len(turns) == 8
    assert turns[3].label == "Economy- and IT-minister Toomas Raud-Mensah"
    assert turns[3].text.startswith("Seven people go")
    assert turns[4].text.startswith("Paavo Linnus-Obi, a second question.")


# Office labels with a colon: the label rules read the short ones, and leave out the minister's,
# whose office holds lower-case words; the record's repetition reads them all.
COLON_OFFICES = """Stenographic record, sitting 12

(10.30)
Místopředseda PSP Karel Dvořák-Amoah: We continue with questions. Member Novotná has the floor.

Poslankyně Eva Novotná-Idowu: Thank you. Minister, who goes to the forum this year?

Místopředseda PSP Karel Dvořák-Amoah: Thank you. The minister is present.

Ministr pro místní rozvoj Petr Sýkora-Boateng: Thank you. Two directors and one expert go.

Místopředseda PSP Karel Dvořák-Amoah: A follow-up question.

Poslankyně Eva Novotná-Idowu: Why no member of this house?

Ministr pro místní rozvoj Petr Sýkora-Boateng: The house chooses its own delegation.

Místopředseda PSP Karel Dvořák-Amoah: Thank you. The next question.

Poslankyně Eva Novotná-Idowu: I withdraw it.
"""


def test_a_record_that_reads_every_rules_turn_and_more_wins() -> None:
    turns = parse_transcript(COLON_OFFICES).turns
    assert len(turns) == 9
    assert [t.text.split(".")[0] for t in turns][3:5] == ["Thank you", "A follow-up question"]
    assert turns[3].label == "Ministr pro místní rozvoj Petr Sýkora-Boateng"
