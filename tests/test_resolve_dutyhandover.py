"""A duty label handed on mid-session: one group per holder (`resolve.dutyhandover`)."""

from __future__ import annotations

from forumlens.resolve.cast import resolve_session
from forumlens.resolve.dutyhandover import split_handed_duties
from forumlens.resolve.people import LabelGroup
from forumlens.transcript.parse import parse_transcript

HANDED = (
    ">> MODERATOR:  Welcome.  I am Ingrid Solheim-Vatne, from the Bergen Radio Club, and I must leave "
    "at eleven.  Dr. Farouk Benali, please.\n\n"
    ">> DR. BENALI:  Thank you.  I am Farouk Benali, from the Oran Mesh Network.  Mesh works.\n\n"
    ">> MODERATOR:  Thank you, Farouk.  It is eleven, so I hand the moderation over to Farouk.\n\n"
    ">> MODERATOR:  Thank you, Ingrid.  So I am the moderator now.  For the record, I am Farouk Benali.  "
    "Questions from the room?\n"
)


def _turns(text: str) -> list:
    return list(parse_transcript(text, source="t.txt").turns)


def test_a_duty_label_handed_on_is_one_group_per_holder():
    turns = _turns(HANDED)
    split = split_handed_duties(
        [LabelGroup(None, ["MODERATOR"], [0, 2, 3]), LabelGroup("Benali", ["DR. BENALI"], [1])], turns
    )
    assert [(g.name, g.turns) for g in split] == [(None, [0, 2]), ("Benali", [1]), (None, [3])]


def test_co_moderators_naming_themselves_in_turn_are_left_one_group():
    turns = _turns(
        ">> MODERATOR:  Welcome.  I am Ingrid Solheim-Vatne and I take the chair for the first half.\n\n"
        ">> MODERATOR:  And I am Farouk Benali, the other moderator.\n\n"
        ">> MODERATOR:  Ingrid again, I am Ingrid Solheim-Vatne, we go on.\n"
    )
    group = LabelGroup(None, ["MODERATOR"], [0, 1, 2])
    assert split_handed_duties([group], turns) == [group]


def test_two_self_introductions_without_a_hand_over_do_not_split():
    turns = _turns(
        ">> CHAIR:  Welcome.  I am Ingrid Solheim-Vatne.\n\n"
        ">> CHAIR:  Thank you.  I am Farouk Benali, and my question is about mesh.\n"
    )
    group = LabelGroup(None, ["CHAIR"], [0, 1])
    assert split_handed_duties([group], turns) == [group]


def test_resolve_gives_each_holder_their_turns_and_joins_the_second_to_his_own_label():
    cast = resolve_session(parse_transcript(HANDED, source="t.txt"))
    lines = {p.name: p.lines for p in cast.people}
    assert lines["Ingrid Solheim-Vatne"] == (1, 5)
    assert lines["Farouk Benali"] == (3, 7)
