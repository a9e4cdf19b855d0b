"""The room's logistics are procedure, never a point (issue 23, a new user's walk).

Interpretation into the session's languages, where a speaker joins from, a dropped line
and the audio are how the session ran, not what it said: none is a takeaway, a speaker's
key point or a "Key issues raised" line of the IGF template. An ask *about* interpretation
("keep interpretation in every main session") is a point and stays.
"""

from __future__ import annotations

import pytest

from forumlens.pipeline import analyse_session
from forumlens.summarise import build_report, check_citations
from forumlens.summarise.procedural import is_procedural
from forumlens.summarise.template import igf_report
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "said",
    [
        "We have interpretation into Swahili and English.",
        "Today there is simultaneous interpretation in Arabic, French and Spanish.",
        "Interpretation is available on channel two.",
        "Could everyone please speak slowly so the interpreters can follow.",
        "I am joining online from Lagos.",
        "We're connecting remotely from the hub in Dhaka.",
        "Apologies, I lost my connection for a second.",
        "I got disconnected.",
        "You are breaking up a little.",
        "There is an echo in the room.",
    ],
)
def test_logistics_is_procedure(said: str) -> None:
    assert is_procedural(said)


@pytest.mark.parametrize(
    "said",
    [
        "We ask the Secretariat to keep interpretation in every regional session.",
        "We need interpretation into local languages, not only the six UN languages.",
        "There is no interpretation into Quechua in most national meetings.",
        "We have interpretation into 14 languages on our platform, paid by the members, and it is costly.",
        "Rural schools lost their connection for three weeks during the shutdown.",
        "I am speaking from the perspective of small rural operators.",
        "Interpretation is available for deaf users in only two public broadcasters.",
        "We need funding for the interpreters.",
        "Whole villages were cut off from the Internet for a month.",
        "We were cut off from the mobile network during the elections.",
    ],
)
def test_substance_about_language_or_connectivity_stays(said: str) -> None:
    assert not is_procedural(said)


SESSION = """\
IGF 2030 Harare - Workshop 7 - Who pays for content in local languages?
3 December 2030

>> MODERATOR: Welcome. I am Tendai Moyo and I moderate this workshop. We have interpretation into Shona and English. Please speak slowly for the interpreters.

>> NOMSA DUBE: Thank you. I am joining online from Bulawayo. Most news sites in Zimbabwe publish only in English. Community publishers cannot afford translators for Shona and Ndebele.

>> NOMSA DUBE: We ask the national regulator to fund a public corpus of Shona and Ndebele texts.

>> FARAI CHIKWANHA: Sorry, I lost the connection for a moment. Radio stations in rural districts already broadcast in six local languages. Their archives could seed the corpus if they were digitised.

>> FARAI CHIKWANHA: I also ask the IGF Secretariat to keep interpretation in every main session next year.

>> MODERATOR: Thank you both. We are out of time.
"""


def test_no_logistics_in_the_report_or_the_template() -> None:
    session = parse_transcript(SESSION, source="harare.txt", sha256="harare")
    analyses = analyse_session(session)
    report = build_report(session, analyses)
    shown = [b.text for _section, b in report.bullets()]
    logistics = ("interpretation into", "joining online", "lost the connection", "speak slowly")
    assert shown and not [t for t in shown if any(w in t.lower() for w in logistics)], shown
    assert any("keep interpretation" in t for t in shown), shown  # an ask about it is a point
    assert check_citations(report, [session]) == []
    template = igf_report(session, analyses)
    issues = [b.text for b in template.section("Key issues raised").items]
    assert issues and not [t for t in issues if any(w in t.lower() for w in logistics)], issues
    assert check_citations(template, [session]) == []
