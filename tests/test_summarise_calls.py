"""Calls to action are the session's next steps and calls (stop 20, issue 23).

On the development references the report (takeaways + calls to action) lost to TextRank
because the calls to action missed what the room decided and took sentences that call on
no one. Three general causes, each tested on sentences of our own and on a real session:

- a decision announced as a list ("So here is what we agreed ... One, the joint statement
  will be open ... Two, ...") counts as the room's decisions (`report.announced`), and the
  announcement itself, which says nothing, is never a point (`roles.is_announcement`);
- a counting word opening a sentence ("One, the joint statement of ...") is not a speaker
  being introduced (`roles.is_session_talk` read "One" as a name);
- a regret ("it should have been longer") or a reported rule ("the proposals say the user
  must show an ID") is no call to action (`actions.call_kind`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.summarise import build_report
from forumlens.summarise.actions import CALL_WEIGHTS, call_kind
from forumlens.summarise.report import announced
from forumlens.summarise.rewrite import render_sentence
from forumlens.summarise.roles import is_announcement, is_session_talk
from forumlens.summarise.units import session_units
from forumlens.transcript.parse import parse_transcript

RES = Path(__file__).resolve().parent / "resources" / "summarise"

CLOSING = (
    ">> LINDIWE MOKOENA:  Welcome to the session on school connectivity.  Our first speaker is Tomas.\n\n"
    ">> TOMAS RIBEIRO:  Schools in rural areas still pay three times more for the same bandwidth.  "
    "Regulators should let schools buy capacity together, through a national research network.\n\n"
    ">> AMINA DIALLO:  In our pilot, the schools that shared one contract paid forty percent less.\n\n"
    ">> LINDIWE MOKOENA:  We are almost at time.  So here is what we agreed in the preparation call, and I want "
    "to confirm it with you.  One, the working group will publish the procurement guide for schools by March.  "
    "Two, in 2025 the members will run a joint survey of school connection prices.  Is there any objection?  "
    "Then that is decided.  Thank you all.\n"
)


def _session(text: str = CLOSING):
    return parse_transcript(text, source="calls-test.txt", sha256="calls-test")


@pytest.mark.parametrize(
    "text",
    [
        "So here is what we agreed in the preparation call, and I want to confirm it with you.",
        "These are the next steps.",
        "We agreed on the following:",
    ],
)
def test_an_announcement_says_nothing_itself(text: str) -> None:
    assert is_announcement(text)
    assert render_sentence(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Here is what we found: most schools pay three times more.",
        "We agreed that the working group will publish a guide by March.",
    ],
)
def test_a_sentence_with_its_content_is_no_announcement(text: str) -> None:
    assert not is_announcement(text)
    assert render_sentence(text) is not None


def test_a_counting_word_is_no_speaker_being_introduced() -> None:
    assert not is_session_talk("One, the joint statement of the youth IGFs will be open for endorsement.")
    assert not is_session_talk("Two, the members of the network will run a joint survey.")
    assert is_session_talk("Tomas, from the national research network of Brazil.")  # still an introduction


def test_the_sentences_after_an_announced_decision_are_the_room_decisions() -> None:
    units = session_units(_session())
    decided = announced(units)
    texts = [u.text for u in units if (u.session, u.turn, u.sent_index) in decided]
    assert any(t.startswith("One, the working group will publish") for t in texts)
    assert any(t.startswith("Two, in 2025 the members will run") for t in texts)
    assert not any(t.endswith("?") for t in texts)  # the question ends the list
    assert not any("Then that is decided" in t for t in texts)
    assert not any("pilot" in t or "Regulators" in t for t in texts)  # nothing before the announcement


def test_the_report_states_the_announced_decisions_not_the_announcement() -> None:
    report = build_report(_session())
    texts = [b.text for b in report.takeaways + report.calls_to_action]
    assert not any("here is what we agreed" in t.lower() for t in texts)
    assert any("procurement guide for schools by March" in t or "joint survey" in t for t in texts)


@pytest.mark.parametrize(
    ("quote", "kind", "expected"),
    [
        ("Governments should commit publicly not to shut down the Internet during elections.", "ask", "call"),
        ("On the consultation, I take the point, it should have been longer.", "recommendation", "no call"),
        ("Many of the proposals say the user must show an identity document to prove the age.", "ask", "no call"),
        ("We will extend the comment period to the 31st of January.", "commitment", "commitment"),
        ("I would suggest the coalition recommends a wider definition of health data.", "recommendation", "other"),
    ],
)
def test_what_an_ask_is_as_a_call_to_action(quote: str, kind: str, expected: str) -> None:
    assert call_kind(quote, kind) == expected
    assert call_kind(quote, kind, room=True) == "decision"
    assert CALL_WEIGHTS["decision"] > CALL_WEIGHTS["call"] > CALL_WEIGHTS["other"] > CALL_WEIGHTS["no call"] == 0


def test_a_real_sessions_calls_to_action_hold_its_decisions_and_no_regret() -> None:
    """The youth IGF open forum (development data): its two agreed next steps are stated
    (the joint statement open for endorsement, the joint survey), the chair's announcement
    of them is not, and neither is the regulator's concession nor a reported rule."""
    path = RES / "held_out2" / "nri-youth-age-assurance-2024.txt"
    from forumlens.pipeline import analyse_session

    session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
    report = build_report(session, analyse_session(session))
    texts = [b.text for b in report.takeaways + report.calls_to_action]
    assert any("joint statement" in t and "endorsement" in t for t in texts)
    assert any("joint survey" in t for t in texts)
    assert not any("here is what we agreed" in t.lower() for t in texts)
    calls = [b.text for b in report.calls_to_action]
    assert not any("should have been longer" in t for t in calls)
    assert not any("proposals say" in t for t in calls)


def test_a_decision_with_a_parenthetical_subject_is_a_decision() -> None:
    from forumlens.summarise.roles import is_decision

    said = (
        "And the final version of the guide, with the new section on the small islands, "
        "will be published in December, after the comment period."
    )
    assert is_decision(said)
    assert not is_decision("We will now hear from the floor, and then, if time allows, from the hubs.")


def test_a_room_decision_nobody_took_for_an_ask_can_be_a_call_to_action() -> None:
    """The analyse stage finds asks and commitments said with "we will" or "we ask"; a next
    step said of a document ("the guide will be published") by the chair is the session's
    decision all the same, and becomes a candidate call to action (`decision_asks`)."""
    from forumlens.summarise.context import build_context
    from forumlens.summarise.report import decision_asks

    session = _session()
    ctx = build_context(session, None)
    units = ctx.units
    extra = decision_asks(units, [], ctx.chairs, announced(units))
    quotes = [a.quote for a in extra]
    assert any(q.startswith("One, the working group will publish") for q in quotes)
    assert all(a.type == "commitment" for a in extra)
    # an ask already found for the same sentence is not added twice
    again = decision_asks(units, extra, ctx.chairs, announced(units))
    assert again == []


ABOUT_ITSELF = (
    ">> NADIA KHOURY:  We begin, as agreed with the hosts, with the opening statement of the Deputy Minister.\n\n"
    ">> OLUMIDE BANJO:  Thank you.  Rural clinics lose their connection for days every month.  The regulator "
    "should require operators to report outages to the clinics within one hour.  The Secretary of State will "
    "correct me when I come back.\n\n"
    ">> GRETA LUNDQVIST:  Please, in the report, do not list it as the last finding, after everything else.  "
    "Donors should fund backup power for rural clinics before they fund new devices.\n\n"
    ">> NADIA KHOURY:  Before I finish, someone at the back wanted to speak for a while.  The report will be on "
    "the forum website in March.  Thank you all.\n"
)


def test_the_session_talking_about_itself_is_no_call_to_action_nor_point() -> None:
    """Issue 23: a call to action asks someone to do something about the subject (the
    regulator, the donors). The session's own report, order of speaking and speakers' turns
    (`roles.is_session_talk`) are neither calls nor points, in any section: before the
    rule, four of this session's six takeaways were such lines."""
    report = build_report(_session(ABOUT_ITSELF))
    texts = [b.text for b in report.calls_to_action + report.takeaways]
    assert any("operators to report outages" in t for t in texts)
    assert any("backup power" in t for t in texts)
    for said in ("in the report", "correct me", "wanted to speak", "forum website", "We begin"):
        assert not any(said in t for t in texts), said
