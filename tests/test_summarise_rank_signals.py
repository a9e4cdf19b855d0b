"""Importance signals that judge the sentence, not its line or its words alone (stop 21).

Found on the policy-network, debate and town-hall sessions (held_out3, development data
now): a presenter's rhetorical question ("What did we find?") made every finding on its
line weigh like a question; "nobody in this room disagrees on the crime" counted as a
disagreement; "I want to speak about the landing stations, because nobody did" (talk
about the talk) ranked among a town hall's best sentences.
"""

from __future__ import annotations

from pathlib import Path

from forumlens.analyse.models import Question
from forumlens.pipeline import analyse_session
from forumlens.summarise.context import build_context
from forumlens.summarise.models import Findings
from forumlens.summarise.rank import IMPORTANCE, Signals, _importance_cues, _text_factors, importance
from forumlens.summarise.report import signals_of
from forumlens.summarise.units import session_units
from forumlens.transcript.parse import parse_transcript

HELD3 = Path(__file__).resolve().parent / "resources" / "summarise" / "held_out3"

PRESENTATION = """IGF 2024 – Day 1 – Policy Network: a draft presented

***

>> CHAIR:  Welcome.  Nadia, the floor is yours.

>> NADIA OKORO:  What did we find?  First, most public portals publish no data in local languages.  Second, the budgets for maintenance are missing.

>> CHAIR:  Thank you.  Who will maintain the portals when the project ends?  We have seen portals die after two years.
"""


def _session(text: str, name: str = "t.txt"):
    return parse_transcript(text, source=name, sha256=name)


def test_sentences_after_a_rhetorical_question_are_not_the_question() -> None:
    session = _session(PRESENTATION)
    units = session_units(session)
    by_text = {u.text: u for u in units}
    asked = by_text["What did we find?"]
    second = by_text["Who will maintain the portals when the project ends?"]
    questions = (
        Question(asked.line, "Nadia Okoro", "room", "What did we find?", "answered"),
        Question(second.line, "CHAIR", "room", "Who will maintain the portals when the project ends?", "unanswered"),
    )
    ctx = build_context(session, Findings(questions=questions))
    signals = signals_of(ctx, ())
    finding = by_text["First, most public portals publish no data in local languages."]
    follow = by_text["We have seen portals die after two years."]
    assert importance(finding, signals) == 1.3  # answers the question: a numbered point (1.3), not asked (0.6)
    assert importance(asked, signals) == IMPORTANCE["question"]
    assert importance(second, signals) == IMPORTANCE["question"]
    assert importance(follow, signals) == 1.0
    # without the questions' sentences every sentence of a question's line still counts as asked
    assert importance(finding, Signals(questions=frozenset({asked.line}))) == IMPORTANCE["question"]


PREAMBLE = """IGF 2024 – Day 1 – Policy Network: a survey presented

***

>> CHAIR:  Welcome.  Nadia, the floor is yours.

>> NADIA OKORO:  We surveyed forty public portals in ten countries.  So what did we find in those portals?  First, most public portals publish no data in local languages.  Second, the budgets for maintenance are missing.
"""


def test_a_question_of_several_sentences_ends_with_its_last_sentence() -> None:
    """`_after_questions` (review, stop 22): the answer starts after the question's *last*
    sentence, so the question itself ("So what did we find ...?") is never read as its answer."""
    session = _session(PREAMBLE)
    by_text = {u.text: u for u in session_units(session)}
    preamble = by_text["We surveyed forty public portals in ten countries."]
    asked = by_text["So what did we find in those portals?"]
    text = "We surveyed forty public portals in ten countries.  So what did we find in those portals?"
    ctx = build_context(
        session, Findings(questions=(Question(preamble.line, "Nadia Okoro", "room", text, "answered"),))
    )
    signals = signals_of(ctx, ())
    assert importance(preamble, signals) == IMPORTANCE["question"]
    assert importance(asked, signals) == IMPORTANCE["question"]  # the question's own last sentence
    for answer in (
        "First, most public portals publish no data in local languages.",
        "Second, the budgets for maintenance are missing.",
    ):
        assert importance(by_text[answer], signals) == 1.3  # numbered points, not the question (0.6)


def test_policy_network_findings_are_not_taken_for_questions() -> None:
    path = HELD3 / "pn-internet-fragmentation-2023.txt"
    session = _session(path.read_text("utf-8"), path.name)
    ctx = build_context(session, analyse_session(session))
    signals = signals_of(ctx)
    unit = next(u for u in ctx.units if u.text.startswith("First, the technical layer is still largely one network"))
    assert unit.line in signals.questions  # "What did we find?" was put on the same line
    assert importance(unit, signals) == 1.3  # a numbered finding (1.3), not the question (0.6)


def test_a_negated_disagreement_is_not_a_disagreement() -> None:
    assert not _importance_cues("Thank you, and nobody in this room disagrees on the crime.")[2]
    assert _importance_cues("Nobody disagrees on the crime, but I cannot accept scanning every phone.")[2]
    assert not _importance_cues("We do not disagree on the goal.")[2]
    assert _importance_cues("I will disagree with the government speaker, respectfully.")[2]
    assert _importance_cues("No, I disagree: the registries must stay neutral.")[2]
    assert _importance_cues("I cannot accept that every national rule is fragmentation.")[2]


def test_announcing_what_one_will_speak_about_is_talk_about_the_talk() -> None:
    meta = _text_factors("I want to speak about the landing stations, because nobody did.")
    claim = _text_factors(
        "Open access to the landing stations is a resilience measure, not only a competition measure."
    )
    assert 0.5 in meta[2] and 0.5 not in claim[2]
    assert 0.5 in _text_factors("I would like to speak about the cost of repair ships in the Pacific.")[2]
