"""The IGF template as a rapporteur reads it (issue 23): a speaker is cited where they speak,
never on a captioner's note under their label; a remote hub named "CITY COUNTRY" is the city's
hub with its country after it; a promise quoted as a clause whose "it" was named earlier in its
sentence is shown with that sentence, or not at all."""

from __future__ import annotations

import hashlib
from typing import Any

from forumlens.models import Session
from forumlens.pipeline import analyse_session
from forumlens.summarise import check_citations
from forumlens.summarise.labels import hub_place, speaker_phrase
from forumlens.summarise.rewrite import dangling_object
from forumlens.summarise.template import IgfReport, igf_report
from forumlens.transcript.parse import parse_transcript

# A short workshop: a remote hub whose first turn is only the captioner's note on its sound,
# and a coalition's promise said as the second clause of a sentence ("…, and we will translate it …").
CLINICS = """Workshop 47: Clinics online

>> ANNA BERG: Welcome to workshop 47. I'm Anna Berg from the Open Schools Network, and I will moderate. First the Lima hub. Lima Peru hub, can you speak?
>> LIMA PERU: (Poor audio quality).
>> ANNA BERG: Your sound is muffled. Can you repeat that?
>> LIMA PERU: Is that better? Our clinics in the highlands share one satellite link for forty villages.
>> ANNA BERG: Thank you, Lima. Now Karl Meyer.
>> KARL MEYER: Thank you, Anna. I'm Karl Meyer from the Dynamic Coalition on Community Connectivity. This year the coalition published a handbook on solar power for rural clinics, and we will translate it into Quechua and Aymara next year.
>> ANNA BERG: Thank you all.
"""


def _report(text: str) -> tuple[Session, dict[str, Any], IgfReport]:
    session = parse_transcript(text, source="clinics.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    analyses: dict[str, Any] = analyse_session(session)
    return session, analyses, igf_report(session, analyses)


def test_a_speaker_is_never_cited_on_a_captioners_note() -> None:
    session, analyses, report = _report(CLINICS)
    assert any(p["role"] == "remote-hub" for p in analyses["people"])  # the hub is in the cast
    speakers = report.section("Speakers and their institutional affiliations").items
    hub = next(b for b in speakers if "Lima" in b.text)
    assert hub.citations[0].line == 6  # where the hub speaks, not line 4's "(Poor audio quality)."
    assert "(" not in hub.citations[0].quote
    assert check_citations(report, [session]) == []


def test_a_city_country_hub_reads_as_the_citys_hub_with_its_country() -> None:
    _, _, report = _report(CLINICS)
    speakers = [b.text for b in report.section("Speakers and their institutional affiliations").items]
    assert "Lima hub (Peru)" in speakers
    said = [s.text for p in report.section("Discussion").paragraphs for s in p.sentences]
    assert any(t.startswith("A participant from the Lima hub (Peru): Our clinics") for t in said)
    assert not any("Lima Peru" in t for t in [*speakers, *said])


def test_hub_place_splits_a_country_off_only_after_a_city() -> None:
    assert hub_place("DHAKA BANGLADESH") == "Dhaka hub (Bangladesh)"
    assert hub_place("Port Louis Mauritius Hub") == "Port Louis hub (Mauritius)"
    assert hub_place("Bangladesh hub") == "Bangladesh hub"  # the country alone is the place
    assert hub_place("Nairobi Remote Hub") == "Nairobi hub"
    assert hub_place("Remote Hub") == ""
    assert speaker_phrase("DHAKA BANGLADESH", opens=True, hub=True) == "A participant from the Dhaka hub (Bangladesh)"


def test_a_promise_whose_it_was_named_earlier_in_its_sentence_is_shown_with_it() -> None:
    session, analyses, report = _report(CLINICS)
    promise = next(a for a in analyses["asks"] if a["type"] == "commitment")
    assert promise["quote"].startswith("and we will translate it")  # the analysis quotes the clause
    commitments = [
        s
        for p in report.section("Way forward and key takeaways").paragraphs
        for s in p.sentences
        if "Quechua" in s.text
    ]
    assert commitments, "the promise is reported"
    for b in commitments:
        assert "handbook" in b.text  # what "it" is
        assert "handbook" in b.citations[0].quote  # from the cited sentence, quoted verbatim
    assert check_citations(report, [session]) == []


def test_a_promise_whose_it_is_in_another_sentence_is_not_shown() -> None:
    text = CLINICS.replace("rural clinics, and we will translate it", "rural clinics. Next we will translate it")
    _, analyses, report = _report(text)
    assert any(a["type"] == "commitment" and "translate it" in a["quote"] for a in analyses["asks"])
    promised = [
        s.text
        for p in report.section("Way forward and key takeaways").paragraphs
        if p.lead == "Commitments"
        for s in p.sentences
    ]
    assert not any("translate it" in t for t in promised)


def test_dangling_object_reads_the_clauses_object_pronoun() -> None:
    assert dangling_object("and we will translate it into French and Spanish next year.")
    assert dangling_object("I will send them round after the session.")
    assert not dangling_object("We will translate the report into French.")
    assert not dangling_object("We make it possible to join from any hub.")  # "it" points forward
    assert not dangling_object("The report has a summary, and we will translate it.")
