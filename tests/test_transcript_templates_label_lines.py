"""The learned template reads a record whose labels stand alone on their line, a role's card
names its person, and a record's full-stop labels agree with the rules' reading of them.

Every record here is invented: a village council's minutes in the shapes parliaments print
(a label line of its own, `Role (Name, Org)`, a name ended by a full stop)."""

from forumlens.models import Turn
from forumlens.transcript.gate import agreement
from forumlens.transcript.parse import parse_by_template, parse_transcript

# Labels alone on their line, the speech below; the chair's label is a role written as an
# article and a common noun (one capitalised word, then lower case), the others a title and a
# name with a group in brackets.
LABEL_LINES = """Village council of Upper Mbeya
Minutes of the meeting of 4 March

Item 3. The community network

The chairperson:
I give the floor to councillor Nduta of the farmers' list.

Councillor Nduta (Farmers):
Thank you. The mast on the school roof has worked for a year. We ask the council to pay the power bill.

The chairperson:
There is a question from councillor Bakari.

Councillor Bakari (Traders):
Who repairs the mast when it breaks? The motion says nothing about it.

Councillor Nduta (Farmers):
The students of the technical college do, for free, as part of their course.

The chairperson:
Thank you. We vote on the motion next week.
"""


def test_label_lines_whose_role_opens_with_one_capital_are_read_as_turns() -> None:
    session = parse_by_template(LABEL_LINES)
    assert [t.line for t in session.turns] == [6, 9, 12, 15, 18, 21]
    assert [t.label for t in session.turns][:2] == ["The chairperson", "Councillor Nduta (Farmers)"]
    assert session.turns[1].text.startswith("Thank you. The mast")
    # the rules alone miss these label lines; the pipeline takes the template's reading
    assert [t.line for t in parse_transcript(LABEL_LINES).turns] == [6, 9, 12, 15, 18, 21]


# A full name closed by a verb (`wrote:`) stays a quoted post's head, not a label line.
QUOTED_HEADS = """Forum thread: school books online

Kalinda Moreau wrote:
are the old books free for the teachers?
Osei Mensah wrote:
only from next year, I think
Kalinda Moreau wrote:
then we wait, thank you
Osei Mensah wrote:
I will ask the ministry again
"""


def test_a_full_name_closed_by_a_verb_stays_a_head_not_a_label_line() -> None:
    session = parse_by_template(QUOTED_HEADS)
    assert [t.speaker for t in session.turns] == ["Kalinda Moreau", "Osei Mensah", "Kalinda Moreau", "Osei Mensah"]


# A report with headings alone on their line, a list and prose: no voice comes back, no turn.
REPORT = """Annual report of the community network

Summary:
The network served four villages this year. Two masts were replaced after the storm.

Finances:
The council paid the power bill. The college gave the students' time for free.

Next steps:
- replace the third mast
- train two more technicians
- ask the district for a grant

Annex:
The list of members is available on request.
"""


def test_headings_lists_and_prose_give_no_turn() -> None:
    assert parse_by_template(REPORT).turns == ()
    assert parse_transcript(REPORT).turns == ()


# A role's card names its person: `Moderator (Name, Org):` is the moderator, named.
CARDS = """Workshop 12 on seed funding, the verbatim annex

Moderator (Wanjiru Kamau, Rural Net): Good afternoon, we have one hour.
Lin Zhao (village network, Yunnan): Thank you. Our first grant came in the rainy season.
Pedro Alves (cooperative, Acre): The same happened to us, so we buy the equipment first.
Moderator: Questions from the room, please.
Question (in the room): Who pays the technician?
Lin Zhao: The village does, from the fees.
Moderator: We stop here. Thank you all.
"""


def test_a_roles_card_names_its_person_and_a_speakers_card_stays_in_the_label() -> None:
    turns = parse_by_template(CARDS).turns
    assert turns[0].label == "Moderator (Wanjiru Kamau, Rural Net)"
    assert turns[0].speaker == "Wanjiru Kamau"
    assert turns[1].label == "Lin Zhao (village network, Yunnan)"
    assert turns[1].speaker == "Lin Zhao"
    assert turns[3].speaker is None  # the moderator's later label says only the role
    assert len(turns) == 7


# A record whose labels end in a full stop; a sitting's number (`n. 41`) is no label. The rules
# read the chairman's labels (`CHAIRMAN.`, with its full stop) and no other: the template's
# reading (`CHAIRMAN`) agrees with theirs and adds the members'.
STOP_LABELS = """Regional assembly, verbatim record
Sitting n. 41 held on the morning of 6 March

(Question on the rural broadband fund)

CHAIRMAN. We move to the question of deputy Okafor on the rural broadband fund.
Deputy Okafor may speak.

AMAKA OKAFOR (Green Group). Thank you, Chair. The fund has paid for two masts in three years. The villages are still waiting.

CHIDI EZE (Farmers' League). I join the question: the farms of the valley need the masts as much as the villages.

CHAIRMAN. The regional minister for infrastructure, Tunde Bello, may reply.

TUNDE BELLO, Regional Minister for Infrastructure. Thank you, Chair. The next call opens in May, and the villages may apply together.

CHIDI EZE (Farmers' League). And the farms may apply with them?

CHAIRMAN. Deputy Okafor may say whether she is satisfied.

AMAKA OKAFOR (Green Group). Partly. A call in May means masts in the next dry season at the earliest.

CHAIRMAN. The question is closed.
"""


def test_full_stop_labels_are_read_and_a_sittings_number_is_no_label() -> None:
    by_template = parse_by_template(STOP_LABELS).turns
    assert [t.line for t in by_template] == [6, 9, 11, 13, 15, 17, 19, 21, 23]
    session = parse_transcript(STOP_LABELS)
    assert [t.line for t in session.turns] == [6, 9, 11, 13, 15, 17, 19, 21, 23]
    assert [t.speaker for t in session.turns][1:5] == ["Amaka Okafor", "Chidi Eze", None, "Tunde Bello"]


def _turn(line: int, label: str) -> Turn:
    return Turn(index=0, line=line, label=label, speaker=None, kind="speech", text="x")


def test_a_label_read_with_or_without_its_full_stop_is_one_reading() -> None:
    assert agreement([_turn(6, "CHAIR.")], [_turn(6, "CHAIR")]) == 1.0
    assert agreement([_turn(6, "CHAIR:")], [_turn(6, "CHAIR")]) == 0.0  # only the full stop is the record's
    assert agreement([_turn(6, "CHAIR.")], [_turn(7, "CHAIR")]) == 0.0
