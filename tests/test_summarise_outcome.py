"""A ruling or a vote is the session's outcome (`roles.is_outcome`, `report.room_decision`).

A moot court ends in a holding, a debate or a consultation in a vote: said once, by the
bench or the chair, in words nobody repeats, and before the closing round, so neither
centrality nor the closing's decisions picked it (issue 23, held_out12's moot court).
"""

from __future__ import annotations

import re

import pytest

from forumlens.summarise import build_report, check_citations
from forumlens.summarise.context import build_context
from forumlens.summarise.procedural import is_procedural
from forumlens.summarise.rank import rank_units
from forumlens.summarise.report import CLOSING, room_decision
from forumlens.summarise.rewrite import render_sentence
from forumlens.summarise.roles import is_outcome, is_tally
from forumlens.summarise.units import session_units
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("So the court holds, unanimously, that the block of the platform was unlawful.", True),
        ("The bench finds that the removal order violated the right to expression.", True),
        ("The motion was carried with 41 votes to 12.", True),
        ("The recommendation was adopted by a large majority of the members present.", True),
        ("The result of the vote is clear: the room wants a second consultation.", True),
        ("If the court finds that blocking was too much, it must say what is enough.", False),
        ("The majority of users never change the default settings.", False),
        ("Should the committee decide to act, what happens to the small operators?", False),
        ("We discussed the platform block for an hour.", False),
        # a jury's verdict: a pitch day, a hackathon, an award
        ("The winner, and this was not unanimous, I say that openly, is the clinic booking app.", True),
        ("The winners are the two teams from Accra, for their work with the fishers.", True),
        ("The first prize goes to the mapping team, because it asked the villages first.", True),
        ("Before the winner, three things we saw, because they are more useful than a prize.", False),
        ("Who will be the winner is not what matters today.", False),
        # a chair declaring the vote in the present
        ("So the motion carries, and the statement goes to the main session.", True),
        ("Team Solar won, by two points, after the tie-break question.", True),
        ("If the motion passes, the coalition will write to the ministry.", False),
        ("Everyone wins when the data is open.", False),
    ],
)
def test_a_ruling_or_a_vote_is_an_outcome(text: str, expected: bool) -> None:
    assert is_outcome(text) is expected


MOOT = """\
MODERATOR: Welcome to this moot court on platform blocking. The case is invented. A blogger filmed an officer taking bribes at a checkpoint and posted the video on a large platform. The ministry ordered the whole platform blocked for three weeks.
ANA PEREIRA: For the petitioner, blocking the entire platform to reach one video is plainly disproportionate. Millions of users lost access to news, education and their small businesses. The order was issued without a hearing, without a court and without an end date.
JONAS MEIER: For the State, the officer's family received threats after the video showed their home address. The platform did not answer the ministry's letter for ten days. Blocking was the only measure the ministry could enforce quickly.
LINA OKAFOR: As intervener, our network of access providers received the blocking order by fax on a Friday evening. No legal basis was cited and there was no way to appeal. Providers in small markets cannot assess the legality of such orders alone.
ANA PEREIRA: The threats against the family are serious, but they were addressed once the comments with the address were removed. Blocking the platform did not remove the video, which was copied to other sites within hours.
JONAS MEIER: The State accepts that the blocking lasted too long. Courts must still be able to order effective measures against unlawful content.
RUTH ADEYEMI: After deliberation, the court holds, unanimously, that the block of the whole platform was unlawful and disproportionate, and that any future order must come from a judge with a time limit.
RUTH ADEYEMI: We now open the floor for comments from participants in the room.
PARTICIPANT: Platforms sometimes ignore letters from small countries, so governments feel they have no other lever than blocking.
PARTICIPANT: Access providers should publish every blocking order they receive, with its legal basis and duration.
RUTH ADEYEMI: Thank you all for taking part in this exercise today.
"""


def test_the_holding_is_a_takeaway_with_a_verbatim_citation() -> None:
    session = parse_transcript(MOOT, source="moot.txt", sha256="moot")
    report = build_report(session)
    holding = [b for b in report.takeaways if any("court holds" in c.quote for c in b.citations)]
    assert holding, [b.text for b in report.takeaways]
    assert "unlawful and disproportionate" in holding[0].text
    assert check_citations(report, [session]) == []


def test_the_holding_is_the_rooms_decision_before_the_closing() -> None:
    session = parse_transcript(MOOT, source="moot.txt", sha256="moot")
    ctx = build_context(session, None)
    holding = [u for u in ctx.units if "court holds" in u.text]
    assert holding and all(u.position < CLOSING for u in holding)  # not in the closing
    assert all(room_decision(u, ctx.chairs) for u in holding)
    # a plan said as early is one party's, not the session's decision
    others = [u for u in ctx.units if u.position < CLOSING and "court holds" not in u.text]
    assert others and not any(room_decision(u, ctx.chairs) for u in others)


@pytest.mark.parametrize(
    "said",
    [
        "So the court holds, unanimously, that the ban on the messaging service was unlawful.",
        "After deliberation, the bench finds, by a majority, that the removal order went too far.",
        "The tribunal therefore rules that the operator must restore the service within a day.",
    ],
)
def test_a_decision_keeps_its_decider(said: str) -> None:
    """The head naming who decided is the main clause, not a framing phrase to cut (issue 23)."""
    rendered = render_sentence(said)
    assert rendered is not None
    decider = re.search(r"the (court|bench|tribunal) \w+", said, re.IGNORECASE)
    assert decider and decider.group(0).lower() in rendered.text.lower(), rendered.text
    assert "repair" not in rendered.steps


def test_the_holding_takeaway_says_who_held_it() -> None:
    session = parse_transcript(MOOT, source="moot.txt", sha256="moot")
    report = build_report(session)
    holding = [b for b in report.takeaways if any("court holds" in c.quote for c in b.citations)]
    assert holding and "the court holds, unanimously," in holding[0].text.lower(), holding[0].text


DEMO_DAY = """\
HOST: Welcome to the demo day of our weekend hackathon on open data for fishing communities. Four teams will show their prototypes, and the jury will pick a winner.
AMINA SAIDI: Our team built a text message service that tells fishers the wave height for the next morning. We used the open forecasts and the reports of the fishers themselves.
PEDRO LIMA: Our team built a shared register where the landing sites record their catch and decide together who may use the data and at what price.
JURY: How accurate is the wave forecast close to the shore, and who carries the loss when the advice is wrong?
AMINA SAIDI: We have not measured it yet, and we need a season of reports to show it.
JURY: Who pays for the messages when the pilot grant ends?
PEDRO LIMA: The landing sites would pay from the sale of the pooled data, which is the point of the register.
HOST: The jury has deliberated. Grace, you speak for the jury.
GRACE MWANGI: Every team collected phone numbers before thinking about who holds them. Every team has a cost per message and no partner who pays it.
GRACE MWANGI: The winner, and this was not unanimous, is the shared register, because it changes who decides over the fishers' data.
HOST: Congratulations. Thank you all, and thanks to the captioners.
"""


def test_a_jurys_verdict_is_a_takeaway() -> None:
    """A demo day has no asks to anchor on: the verdict is what the session decided."""
    session = parse_transcript(DEMO_DAY, source="demo.txt", sha256="demo")
    ctx = build_context(session, None)
    said = [u for u in ctx.units if "The winner" in u.text]
    assert said and all(room_decision(u, ctx.chairs) for u in said)  # kept whatever its centrality
    report = build_report(session)
    verdict = [b for b in report.takeaways if any("The winner" in c.quote for c in b.citations)]
    assert verdict, [b.text for b in report.takeaways]
    assert "the shared register" in verdict[0].text
    assert check_citations(report, [session]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("So the results, with 64 votes: 38 percent for the motion, 47 percent against.", True),
        ("Almost everybody is in favour, nobody against.", True),
        ("For the record, twenty-five votes to ten, with three abstentions.", True),
        # a show of positions is the room's mood (its harvest restates it), not a vote
        ("For the record, I would say most people are on the disagree side, maybe thirty-five people.", False),
        ("Dragana, you are a teacher, and you are on the agree side.", False),
        ("Who in favour of the motion wants to speak first?", False),
        ("Two things matter for the small cafés in the villages.", False),
    ],
)
def test_a_count_of_the_vote_is_a_tally(text: str, expected: bool) -> None:
    assert is_tally(text) is expected


def test_a_tally_read_for_the_record_is_not_procedure() -> None:
    """ "For the record" is procedure when a speaker gives their name, not when the chair
    reads out the vote: that is the session's outcome."""
    assert is_procedural("Please state your name for the record.")
    assert not is_procedural("For the record, almost everybody voted in favour, maybe forty of you.")


VOTE = """FACILITATOR: Welcome. The motion is that every Internet cafe must register the ID of each customer.
FACILITATOR: For the record, the vote: most of you, maybe thirty people, against the motion, and five in favour.
FACILITATOR: Who against the motion wants to explain the position of the group? I give the floor to Amir for the record.
AMIR HADDAD: Registers of Internet cafe customers are copied and sold, and the people you want to find go to another cafe.
LENA VOSS: In my town the Internet cafe is the only access for students, and many of them have no identity card at all.
AMIR HADDAD: A register of every customer of an Internet cafe costs the small owners money and time every day.
"""


def test_a_vote_read_for_the_record_is_ranked_not_dropped_as_procedure() -> None:
    """The count is scored like any of the chair's sentences; a hand-over is still dropped."""
    session = parse_transcript(VOTE, source="spectrum.txt", sha256="spectrum")
    ranking = rank_units(session_units(session), frozenset({"FACILITATOR"}))
    ranked = {p.unit.text for p in ranking.parts if p.factor > 0}
    assert any(t.startswith("For the record, the vote") for t in ranked), ranked
    assert not any("give the floor" in t for t in ranked)
