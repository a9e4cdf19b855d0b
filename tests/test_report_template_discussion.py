"""The IGF template's Discussion (issue 23): the exchanges of questions and answers, cited,
and the floor's interventions even when another section already reports them; "none
recorded" only when no one but the chair and the presenters spoke, and it says so."""

from __future__ import annotations

import hashlib
from typing import Any

from forumlens.models import Session
from forumlens.pipeline import analyse_session
from forumlens.summarise import check_citations
from forumlens.summarise.template import NO_DISCUSSION, IgfReport, _relayed, igf_report
from forumlens.summarise.template_render import render_template
from forumlens.transcript.parse import parse_transcript

# A short workshop: a researcher presents, a remote hub asks her a question she answers on
# the next line, a second hub comments and asks the regulators for something.
HUBS = """Workshop 45: Rural schools online

>> ANNA BERG: Welcome to workshop 45. I'm Anna Berg from the Open Schools Network, and I will moderate. Karl Meyer will present first.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer, a researcher at the University of Tartu. In our study of 400 rural schools, only 22 percent had a stable connection for lessons. Teachers lose a third of every online lesson to dropped calls.
>> ANNA BERG: Thanks, Karl. Now the Nairobi hub.
>> NAIROBI HUB: Hello from Nairobi. Our question is for Karl: did the study compare schools with solar power?
>> KARL MEYER: Yes, it did. Schools with solar panels kept their connection through the evening power cuts in nine cases out of ten.
>> ANNA BERG: Quito hub, please.
>> QUITO HUB: Good afternoon. Rural schools in the mountains pay twice the city price for bandwidth. We ask the ministries here to fund shared satellite links for rural schools.
>> ANNA BERG: Thank you all. The network will publish the study on its website next month.
"""

# A panel with no one from the floor and no question put to the speakers.
PANEL = """Workshop 46: Libraries and open data

>> ANNA BERG: Welcome. I'm Anna Berg from the Open Schools Network, and I will moderate. Karl Meyer will present.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer, a researcher at the University of Tartu. Public libraries hold the only free connection in half of the villages we surveyed. Library budgets fell by a fifth since 2019.
>> ANNA BERG: Thank you, Karl. That closes our session.
"""


def _report(text: str, name: str) -> tuple[Session, IgfReport]:
    session = parse_transcript(text, source=name, sha256=hashlib.sha256(text.encode()).hexdigest())
    analyses: dict[str, Any] = analyse_session(session)
    return session, igf_report(session, analyses)


def test_a_question_and_its_answer_are_the_discussion() -> None:
    session, report = _report(HUBS, "hubs.txt")
    section = report.section("Discussion")
    assert section.value is None and section.paragraphs
    exchange = section.paragraphs[0]
    assert exchange.lead.startswith("Question from a participant from the Nairobi hub")  # a hub is a place
    question, *answer = exchange.sentences
    assert question.citations[0].line == 6 and "solar power?" in question.text
    assert answer, "the answer on the next line is reported with the question"
    assert all(b.citations[0].line == 7 for b in answer)
    assert any("solar panels" in b.text for b in answer)
    assert check_citations(report, [session]) == []


def test_a_hub_comment_reported_elsewhere_is_still_in_the_discussion() -> None:
    _, report = _report(HUBS, "hubs.txt")
    lines = {b.citations[0].line for p in report.section("Discussion").paragraphs for b in p.sentences}
    assert 9 in lines  # the Quito hub's intervention, whatever other section also holds it
    text = render_template(report, "text")
    assert "none recorded" not in text.split("DISCUSSION", 1)[1].split("WAY FORWARD", 1)[0]


def test_none_recorded_only_without_anyone_else_and_it_says_why() -> None:
    _, report = _report(PANEL, "panel.txt")
    section = report.section("Discussion")
    assert not section.paragraphs and section.value == NO_DISCUSSION
    assert "no question" in NO_DISCUSSION and "none recorded" in render_template(report, "md")


# A question from the floor that the chair closes on without an answer.
PARKED = """Workshop 47: Open data for cities

>> ANNA BERG: Welcome. I'm Anna Berg from the Open Schools Network, and I will moderate. Karl Meyer will present.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer, a researcher at the University of Tartu. Cities that publish their budgets as open data receive a third more public comments.
>> ANNA BERG: Thank you, Karl. One question from the floor.
>> PAULA REIS: Paula Reis, from a civic lab in Porto. Which cities publish their procurement contracts as well?
>> ANNA BERG: We are out of time, so we will close here. Thank you all.
"""


def test_an_unanswered_question_says_so_and_is_cited() -> None:
    session, report = _report(PARKED, "parked.txt")
    (exchange,) = [p for p in report.section("Discussion").paragraphs if p.lead.startswith("Question from ")]
    (question,) = exchange.sentences
    assert question.citations[0].line == 6 and "procurement contracts" in question.text
    assert question.text.endswith("It was not answered in the session.")
    assert check_citations(report, [session]) == []


# The moderator reads out a question from the chat, whose sender the captions do not name.
CHAT = """Workshop 48: Community networks

>> ANNA BERG: Welcome. I'm Anna Berg from the Open Schools Network, and I will moderate. Karl Meyer will present.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer, a researcher at the University of Tartu. Community networks connect villages that no operator serves, and forty of them now run in the Baltic region.
>> ANNA BERG: Thank you, Karl. Karl, an online participant from the Riga hub asks: how do the community networks pay for their equipment?
>> KARL MEYER: Most of them pay for equipment with small grants from the municipalities, and members repair the routers themselves.
>> ANNA BERG: Thank you all. That closes our session.
"""


def test_an_unnamed_asker_is_described_with_its_article_and_opens_in_upper_case() -> None:
    session, report = _report(CHAT, "chat.txt")
    exchange = report.section("Discussion").paragraphs[0]
    question = exchange.sentences[0]
    assert question.citations[0].line == 5
    # the analysis gives the sender as a bare description ("remote participant"): never pasted in bare;
    # the read-out says more ("an online participant from the Riga hub asks: …"), and is not quoted twice
    assert exchange.lead.startswith("Question from an online participant from the Riga hub, answered by Karl Meyer")
    assert question.text == (
        "An online participant from the Riga hub asked Karl Meyer: “how do the community networks pay for their equipment?”"
    )
    text = render_template(report, "text")
    assert "participant asked" not in text.replace("Riga hub asked", "")
    assert check_citations(report, [session]) == []


# A question read out with its sender.
READ_OUT = """Workshop 49: Library connectivity

>> ANNA BERG: Welcome. I'm Anna Berg from the Open Schools Network, and I will moderate. Karl Meyer will present.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer, a researcher at the University of Tartu. Libraries offer the only free connection in many villages.
>> ANNA BERG: A remote participant from the Accra hub asks: how can national IGFs use the library data?
>> KARL MEYER: National IGFs can put the library data into their consultations on broadband plans.
"""


def test_a_read_out_question_names_its_asker_once_and_quotes_only_the_question() -> None:
    session, report = _report(READ_OUT, "readout.txt")
    questions = [p.sentences[0].text for p in report.section("Discussion").paragraphs]
    assert "A remote participant from the Accra hub asked" in questions[0]
    assert questions[0].endswith("“how can national IGFs use the library data?”")
    # someone else's words a named asker quotes stay whole
    assert _relayed("Lena Okafor", "My minister asked: who pays?") == ("Lena Okafor", "My minister asked: who pays?")
    assert check_citations(report, [session]) == []


# A remote hub whose caption label is only its place (city and country), as IGF captions write them.
PLACE_HUB = """Workshop 48: Schools and satellites

>> ANNA BERG: Welcome. I'm Anna Berg from the Open Schools Network, and I will moderate. Karl Meyer will present, then we go to the Quito hub.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer, a researcher at the University of Tartu. Satellite links cut the cost of a rural school connection by half in our pilot.
>> ANNA BERG: Thanks, Karl. The Quito hub has a question.
>> QUITO ECUADOR: Good afternoon from Quito. Karl, how long did the satellite contracts in the pilot run?
>> KARL MEYER: Three years each, with a price review after the first year.
>> ANNA BERG: Thank you all. That closes our session.
"""


def test_a_hub_named_by_its_place_asks_as_a_place_not_a_person() -> None:
    session, report = _report(PLACE_HUB, "placehub.txt")
    question = next(p for p in report.section("Discussion").paragraphs if "contracts" in p.sentences[0].text)
    assert question.sentences[0].text.startswith("A participant from the Quito hub (Ecuador) asked")
    assert question.lead.startswith("Question from a participant from the Quito hub (Ecuador)")
    assert "Quito Ecuador asked" not in render_template(report, "text")
    assert check_citations(report, [session]) == []


# A chair checks a remote speaker hears her, a floor voice asks for the floor, a question read
# from the chat keeps the captioner's quotation marks, another is announced as "one question from".
FLOOR = """Workshop 48: Solar power for rural clinics

>> ANNA BERG: Welcome. I'm Anna Berg from the Open Schools Network, and I will moderate. Karl Meyer will present.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer, a researcher at the University of Tartu. Clinics with solar panels kept their vaccine fridges cold through nine power cuts out of ten.
>> ANNA BERG: Thank you, Karl. Ms. Okafor, online, do you hear the question?
>> CHIOMA OKAFOR: Yes, I hear you. Clinics in our district pay for diesel before they pay for medicine.
>> PARTICIPANT: May I, one sentence?
>> ANNA BERG: Please.
>> PARTICIPANT: Who pays for the batteries when they fail after five years?
>> KARL MEYER: In our study the district paid, from the health budget, and half of them were not replaced.
>> LIDIA ROSSI: From the chat, Tomas Varga asks Karl: "Do the panels need a technician to clean them?"
>> KARL MEYER: No, the nurses clean them once a month with water.
>> LIDIA ROSSI: One question from a remote participant in Accra for Karl: how much did one clinic's system cost?
>> KARL MEYER: About four thousand dollars, installed.
"""


def _asked(report: IgfReport) -> list[str]:
    return [b.text for p in report.section("Discussion").paragraphs for b in p.sentences if b.kind == "question"]


def test_asking_for_the_floor_or_checking_the_line_is_no_exchange() -> None:
    session, report = _report(FLOOR, "floor.txt")
    asked = " ".join(_asked(report))
    assert "batteries" in asked  # the real question is there
    assert "do you hear" not in asked and "one sentence" not in asked
    assert check_citations(report, [session]) == []


def test_a_quoted_or_announced_question_shows_the_question_alone() -> None:
    session, report = _report(FLOOR, "floor.txt")
    asked = _asked(report)
    panels = next(t for t in asked if "technician" in t)
    assert "“Do the panels need a technician to clean them?”" in panels  # no stray mark inside
    assert "asks Karl" not in panels and panels.startswith("Tomas Varga asked")
    cost = next(t for t in asked if "cost" in t)
    assert "One question from" not in cost and "“how much did one clinic's system cost?”" in cost
    assert check_citations(report, [session]) == []


def test_the_answer_to_a_handed_over_floor_stays_without_the_handover() -> None:
    text = FLOOR.replace(
        ">> PARTICIPANT: May I, one sentence?\n>> ANNA BERG: Please.\n",
        ">> PARTICIPANT: Karl, you want to respond?\n",
    ).replace(">> PARTICIPANT: Who pays for the batteries when they fail after five years?\n", "")
    session, report = _report(text, "handover.txt")
    paragraphs = report.section("Discussion").paragraphs
    assert "you want to respond" not in " ".join(_asked(report))
    said = [b.text for p in paragraphs for b in p.sentences]
    assert any("health budget" in t for t in said), said  # what Karl said when given the floor
    assert check_citations(report, [session]) == []
