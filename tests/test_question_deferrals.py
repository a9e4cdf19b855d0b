"""Fates of questions set aside on the spot: the addressee deferring their own answer ("may I
return to it at the end?") and taking it up later, the moderator's own words before moving on
(not knowing, forwarding by email, no time), and a reply that closes the session."""

from __future__ import annotations

from forumlens.analyse import find_intel
from forumlens.analyse.context import build_context
from forumlens.analyse.questionfeatures import DEFER, addressee_returns
from forumlens.analyse.questions import find_question_groups, question_fates
from forumlens.analyse.segments import find_segments, segment_boundaries
from forumlens.transcript.parse import parse_transcript

DEFERRED = """>> MODERATOR:  Welcome.  Questions from the room, please.

>> PARTICIPANT:  Thank you.  Olga Brandt, a teachers' union in Leipzig.  A question to Mr. Okafor.  How do the schools pay for the satellite link after the pilot?

>> DAVID OKAFOR:  Good question.  May I come back to it at the end?  I want to check the budget figure first.

>> MODERATOR:  Of course.  Ms. Lindqvist, you wanted to add something on the teachers?

>> ELSA LINDQVIST:  Yes, the teachers need a week of training before the school year, not a one-day workshop, and the ministry should pay for it.

>> DAVID OKAFOR:  Now, Olga, the satellite link.  After the pilot the municipality pays half and the operator gives a discount on the other half, for five years.
"""

ANSWERED_AT_ONCE = DEFERRED.replace(
    "Good question.  May I come back to it at the end?  I want to check the budget figure first.",
    "The municipality pays half after the pilot and the operator gives a discount on the other half.",
)

NOT_KNOWN_THEN_CLOSE = """>> MODERATOR:  Thank you all.  One last question from the floor.

>> PARTICIPANT:  Thank you.  Karim Haddad, Beirut.  Is there a fund for the small municipalities to start the addressing?

>> MODERATOR:  I honestly don't know, I will check with my colleagues and we will forward it to the secretariat by email.  So, to close, thank you all for coming, and see you next year.
"""


def _fates(text: str) -> list[tuple[str, list[str]]]:
    ctx = build_context(parse_transcript(text), mentions=[])
    groups = find_question_groups(ctx)
    bounds = segment_boundaries(ctx, find_segments(ctx))
    return [(r.rule[0], r.features) for r in question_fates(ctx, groups, bounds)]


def test_deferral_shapes_are_read_and_an_answer_given_now_is_not() -> None:
    for said in (
        "May I return to it at the end?",
        "Let me take it after, I need to check one number.",
        "I will answer at the end, let me first take the hand at the back.",
        "Let me answer after the chat questions.",
        "So we will forward it to Devika by email.",
        "I'm sorry, we have no time, please answer him in the chat.",
    ):
        assert DEFER.search(said), said
    for said in ("After the pilot the municipality pays half.", "We answered the survey by hand."):
        assert not DEFER.search(said), said


def test_an_addressee_who_defers_and_returns_answers_later() -> None:
    (_, feats), *_ = _fates(DEFERRED)  # the floor question (the moderator's call to Ms. Lindqvist follows)
    assert {"next:addressee", "aside:addressee", "aside:any"} <= set(feats)
    ctx = build_context(parse_transcript(DEFERRED), mentions=[])
    g = find_question_groups(ctx)[0]
    back = addressee_returns(ctx, g)
    assert back is not None and ctx.turns[back].line == 11
    q = next(q for q in find_intel(parse_transcript(DEFERRED), mentions=[]).to_json()["questions"] if q["line"] == 3)
    assert q["status"] == "answered-later" and q["answer_lines"] == [11]


def test_an_addressee_who_answers_at_once_has_no_later_return() -> None:
    (_, feats), *_ = _fates(ANSWERED_AT_ONCE)
    assert "aside:addressee" not in feats
    ctx = build_context(parse_transcript(ANSWERED_AT_ONCE), mentions=[])
    g = find_question_groups(ctx)[0]
    assert addressee_returns(ctx, g) is None
    q = next(
        q for q in find_intel(parse_transcript(ANSWERED_AT_ONCE), mentions=[]).to_json()["questions"] if q["line"] == 3
    )
    assert q["status"] == "answered" and q["answer_lines"] == [5]


def test_a_moderator_who_does_not_know_and_closes_leaves_the_question_open() -> None:
    ((_, feats),) = _fates(NOT_KNOWN_THEN_CLOSE)
    assert {"next:mod", "aside:mod-head", "next:closes", "aside:any"} <= set(feats)
    (q,) = find_intel(parse_transcript(NOT_KNOWN_THEN_CLOSE), mentions=[]).to_json()["questions"]
    assert q["status"] == "unanswered" and q["answer_lines"] == []
