"""A question table's answer cell names its answerers inline (transcript/answers.py), and labels
in Chinese, Japanese or Korean script are read as written: role and collective words are no
person, a title written after the name is dropped (transcript/speakers.py)."""

from __future__ import annotations

from forumlens.transcript.answers import answer_turns
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name

QA = """Question and Answer Report
Report Generated:,"Mar 3, 2024 10:00 AM"
#,Question,Asker Name,Asker Email,Answer(s)
1,Who hosts the data?,Hana Kovac,hk@example.org,"Omar Farouk - The university does, in Zagreb."
2,"Is it open, or licensed?",Anonymous Attendee,,"Host - Lea Novak - Open: CC BY.
Omar Farouk - And the code is open too."
3,when is the next call?,Hana Kovac,,live answered
"""

CJK = """論壇 -- 開放資料: 第二場
>> 主持人：Good morning, three speakers today.
>> 陳美玲：Thank you. We opened 300 data sets.
>> 黃建國 博士：One point on quality.
>> 與會者：A question for Dr. Huang.
>> 全體：(Laughter)
>> 陳美玲：Yes, quality matters.
"""


def test_each_named_answer_is_a_turn_of_its_own() -> None:
    session = parse_transcript(QA)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (4, "Hana Kovac", "Hana Kovac"),
        (4, "Omar Farouk", "Omar Farouk"),
        (5, "Anonymous Attendee", None),
        (5, "Host - Lea Novak", "Lea Novak"),  # the role before the name stays in the label
        (6, "Omar Farouk", "Omar Farouk"),  # a second answer on the cell's next line
        (7, "Hana Kovac", "Hana Kovac"),  # `live answered`: no answer turn
    ]
    assert session.turns[1].text == "The university does, in Zagreb."
    assert session.turns[3].text == "Open: CC BY."
    assert all(QA[t.start : t.end] == t.text for t in session.turns)


def test_an_answer_cell_without_named_lines_holds_no_turn() -> None:
    text = "live answered - yes, really, we did answer it aloud."
    assert answer_turns(text, 0, len(text)) == []  # a sentence, not a name field, before the dash


def test_labels_in_chinese_script_keep_names_and_drop_roles_and_titles() -> None:
    session = parse_transcript(CJK)
    assert [(t.label, t.speaker) for t in session.turns] == [
        ("主持人", None),  # moderator
        ("陳美玲", "陳美玲"),
        ("黃建國 博士", "黃建國"),  # "doctor" after the name
        ("與會者", None),  # participant
        ("全體", None),  # everyone
        ("陳美玲", "陳美玲"),
    ]


def test_other_east_asian_roles_and_titles() -> None:
    assert display_name("司会") is None and display_name("사회자") is None and display_name("全員") is None
    assert display_name("山田 花子 さん") == "山田 花子"
    assert display_name("김민준 박사") == "김민준"
