"""Reported speech in a third-person record (issue 20, round 22): a summary's "Ms. X (Body) said that …", "She
announced that … would publish …", "He asked … to …", "Y asked whether …" and "X answered that …" are the reported
speakers' items (`threads/reportedspeech.py`); the writer's own sentences and speech that retells stay as they were."""

from __future__ import annotations

import pytest

from forumlens.resolve.registry import load_registry
from forumlens.threads.reportedspeech import Reported, Voices, backshifted, reported

from .threads_support import items_of

SUMMARY = """# Open forum 12: water meters and the public record

*Reporting service of an invented forum · Tunis · 4 May 2031 · reported by a volunteer*

> Speakers are reported in the third person, not word for word.

## Summary

The session was opened by the moderator, who welcomed the agencies and the coalitions.

Ms. Ines Carvalho-Mendes (UNESCO) said that the agency had looked at the meter data of nine towns.

She announced that UNESCO would publish a handbook for water utilities on open meter data by the end of 2032.

Mr. Tomas Oyelaran-Baptiste (Dynamic Coalition on Open Water Meters) said that the coalition had finished its map of public taps.

He asked town councils once more to publish the readings of every public meter each month.

## Questions from the floor

- Kemal Ardahanli-Sousa (a consumers' league, Sfax) asked whether the handbook would cover villages without a utility.
- Ms. Carvalho-Mendes answered that villages are in its third chapter, with the pumps run by the village committees.
- The moderator closed the session.
"""


@pytest.fixture(scope="module")
def summary():
    return items_of(SUMMARY, "forum-2031-open-forum-12-reporting-service-summary.md").items


def _on(items, words):
    return [i for i in items if words in i.quote]


def test_a_reported_would_is_the_named_persons_promise_with_the_body_in_brackets(summary):
    promise = _on(summary, "would publish a handbook")
    assert [(i.signal, i.speaker, i.org) for i in promise] == [("promise", "Ines Carvalho-Mendes", "UNESCO")]
    assert "would publish" in promise[0].quote  # the quote is the record's words, not the backshifted reading


def test_a_reported_ask_of_others_is_the_pronouns_persons_need_for_the_coalition_named(summary):
    need = _on(summary, "asked town councils once more")
    assert [(i.signal, i.speaker, i.coalition) for i in need] == [
        ("need", "Tomas Oyelaran-Baptiste", "Dynamic Coalition on Open Water Meters")
    ]


def test_a_reported_question_and_the_reported_answer_after_it(summary):
    question = _on(summary, "asked whether the handbook")
    answer = _on(summary, "answered that villages")
    assert [(i.signal, i.speaker, i.org) for i in question] == [("question", "Kemal Ardahanli-Sousa", None)]
    # the surname alone is the person named in full before, with her body
    assert [(i.signal, i.speaker, i.org, i.answers) for i in answer] == [
        ("answer", "Ines Carvalho-Mendes", "UNESCO", question[0].line)
    ]


def test_the_writers_own_sentences_report_nobody(summary):
    assert not [i for i in summary if i.speaker and "moderator" in i.speaker.lower()]
    assert reported("The session was opened by the moderator, who welcomed the agencies.") is None
    assert reported("The moderator closed the session.") is None


def test_the_shapes_read():
    said = reported("Mr. Ali Tembo (Transport Coalition) asked the city once more to publish the routes.")
    assert said == Reported("Ali Tembo", "Transport Coalition", "ask", said.clause if said else 0)
    question = reported("A remote participant asked the agency when the chapter would be ready in French.")
    assert question is not None and (question.kind, question.anonymous) == ("question", True)
    # one word is a name only after an honorific (a sentence may be split after "Ms.")
    assert reported("Okafor said that it was late.") is None
    assert reported("Okafor said that it was late.", "Ms. ") is not None
    assert reported("In March said that …") is None


def test_backshift_keeps_every_offset():
    text = "She added that the agency would write a chapter and would not charge for it."
    shifted = backshifted(text, text.index("the agency"))
    assert len(shifted) == len(text)
    assert "agency shall write a chapter and shall not charge" in shifted


def test_a_pronoun_before_anybody_is_named_is_nobody():
    voices = Voices()
    registry = load_registry()
    she = reported("She said that the report would come out in May.")
    assert she is not None and voices.resolve(she, registry) is None


SPEECH = """>> AMINA KOROMA: Thank you. I coordinate the Dynamic Coalition on Open Water Meters.
Mr. Tembo said that the council would publish the readings, but nothing came. We ask the council again to publish them.
>> CHAIR: Thank you, Amina.
"""


def test_speech_that_retells_is_still_the_speakers():
    items = items_of(SPEECH, "igf2031-water-meters-workshop.txt").items
    assert not [i for i in items if i.speaker and "Tembo" in i.speaker]


JOINT = """# Joint session report: three coalitions report back

Organisers: Dynamic Coalition on Open Water Meters; Dynamic Coalition on Street Addressing

## Session Report

For the Street Addressing coalition, Amara Diallo-Fofana reported that the coalition gave up the printed atlas of street names it had promised in Paris.

Tomas Oyelaran-Baptiste reported that the coalition gave up the printed map of public taps it had promised in Paris.
"""


def test_a_report_paragraph_opened_by_whom_it_reports_for_is_that_bodys():
    said = reported("For the Street Addressing coalition, Amara Diallo-Fofana reported that it was late.")
    assert said is not None and said.lead == "For the Street Addressing coalition"
    assert Voices().resolve(said, load_registry()) == (
        "Amara Diallo-Fofana",
        ("Dynamic Coalition on Street Addressing", None),
    )
    other = reported("In Paris, Amara Diallo-Fofana reported that it was late.")  # a lead that names no body
    assert other is not None and Voices().resolve(other, load_registry()) == ("Amara Diallo-Fofana", (None, None))
    found = items_of(JOINT, "joint-report.md")
    slips = {i.quote[:24]: (i.coalition, i.org) for i in found.items if i.signal == "slip"}
    assert slips["For the Street Addressin"][0] == "Dynamic Coalition on Street Addressing"
    # no lead: the record's own actor, as before (its first organiser)
    assert "Street Addressing" not in str(slips["Tomas Oyelaran-Baptiste "])
