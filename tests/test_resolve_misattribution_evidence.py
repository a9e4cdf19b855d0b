"""A caption label is only flagged as a mis-attribution on evidence that the turn is the
previous voice going on, never for the shape of a short exchange alone (issue 23, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.analyse import find_intel
from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# A participant asks the panelist who just spoke; the chair hands the question back to him.
EXCHANGE = """Community networks: a short session

>> MODERATOR: Good afternoon and welcome to this short session on community networks.
>> BILL: Community networks need stable funding, and three projects closed this year because the grants ended.
>> NNENNA: {question}
>> MODERATOR: Bill, would you like to answer?
>> BILL: Yes. They can partner with a registered association, and several regional funds accept that.
>> MODERATOR: Thank you both. That closes our session.
"""


@pytest.mark.parametrize(
    "question",
    [
        "How can small networks in West Africa get access to the funding you mentioned when they have no legal status?",
        # no "you" at all: still no evidence that Bill is going on
        "How can small networks in West Africa get access to funding when they have no legal status?",
    ],
)
def test_a_labelled_question_after_a_panelist_stays_its_speakers(question):
    session = parse_transcript(EXCHANGE.format(question=question))
    cast = resolve_session(session)
    assert cast.flags == ()
    lines = {p.name: p.lines for p in cast.people}
    assert lines["Nnenna"] == (5,) and lines["Bill"] == (4, 7)
    asked = find_intel(session, cast).questions
    assert [(q.line, q.by) for q in asked] == [(5, "Nnenna")]


# The same shape, with the evidence a re-labelled answer leaves.
CONTINUED = """Community networks: a short session

>> MODERATOR: Good afternoon. Bill, the floor is yours.
>> BILL: Community networks need stable funding, and three projects closed this year because the grants ended.
>> NNENNA: {rest}
>> {after}
"""


@pytest.mark.parametrize(
    "rest, after",
    [
        # the chair thanks the previous speaker for what the labelled turn said
        ("We mapped the closures in a report that we will publish next month.", "MODERATOR: Thank you, Bill. Next."),
        # the previous speaker goes on right after the labelled turn
        ("We mapped the closures in a report.", "BILL: The report will be published next month."),
        # the turn opens in the middle of a sentence
        ("and the report on the closures comes out next month.", "MODERATOR: Next, the online speakers."),
        ("But the report on the closures comes out next month.", "MODERATOR: Next, the online speakers."),
    ],
)
def test_a_turn_that_goes_on_with_the_previous_answer_is_flagged(rest, after):
    cast = resolve_session(parse_transcript(CONTINUED.format(rest=rest, after=after)))
    assert [(f.line, f.label, f.likely_speaker) for f in cast.flags] == [(5, "NNENNA", "Bill")]
    assert "Nnenna" not in {p.name for p in cast.people}


def test_the_shared_transcripts_real_flag_still_holds():
    session = parse_transcript((SHARED / "igf2021-dc-main-session.txt").read_text(encoding="utf-8"))
    cast = resolve_session(session)
    assert [(f.line, f.label) for f in cast.flags] == [(167, "DOREEN BOGDAN-MARTIN")]
    assert cast.flags[0].likely_speaker == "Yasmin Curzi de Mendonca"


# A floor voice asks, a panelist nobody introduced answers, the voice follows up: an exchange.
FOLLOW_UP = """Community networks: a short session

>> MODERATOR: Good afternoon. Bill, the floor is yours.
>> BILL: Community networks need stable funding, and three projects closed this year because the grants ended.
>> MODERATOR: Questions from the floor?
>> AUDIENCE: Thank you. I'm Nnenna from the Abuja Mesh Trust. Who maintains the towers{end}
>> OKWU: The villages, with a small fee.
>> AUDIENCE: And who trains them?
>> MODERATOR: Thank you both.
"""


def test_an_answer_between_a_question_and_its_follow_up_is_not_the_askers():
    """Issue 22: once "I'm Nnenna from …" names the floor voice, its question, the answer and its
    follow-up must not read as Nnenna going on; without the question mark it still does."""
    cast = resolve_session(parse_transcript(FOLLOW_UP.format(end="?")))
    assert cast.flags == ()
    assert {p.name: p.lines for p in cast.people if p.name in ("Nnenna", "Okwu")} == {"Nnenna": (6, 8), "Okwu": (7,)}
    going_on = resolve_session(parse_transcript(FOLLOW_UP.format(end=" in the north.")))
    assert [(f.line, f.likely_speaker) for f in going_on.flags] == [(7, "Nnenna")]
