"""Extraction of thread items: cues, the lexicon, and whole sessions through the real pipeline."""

from __future__ import annotations

import pytest

from forumlens.ingest import prepare_bytes
from forumlens.threads import SessionItems, extract_items, link_items, place_items
from forumlens.threads.cues import find_cue
from forumlens.threads.lexicon import load_lexicon

TRANSCRIPT = """IGF 2030 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  I will moderate.  First, the Dynamic Coalition on Community Connectivity.  Tariq?

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  Our members keep telling us one thing.

Village networks struggle to pay for spare parts, so we need a small fund for replacement radios.

We will publish a handbook on maintaining village networks before the next forum.  We are also planning a survey of rural operators.

>> MIRA SOLBERG:  Thank you.  Questions?  Yes, Lena.

>> LENA OKAFOR:  Lena Okafor, from the IGF Secretariat.  How many operators answered your last call for volunteers?

>> TARIQ BELLO:  About sixty operators answered the call, mostly from West Africa.

>> MIRA SOLBERG:  Thank you both.  We close here.
"""

LATER = """IGF 2031 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome back.  Tariq, the floor is yours.

>> TARIQ BELLO:  Thank you.  The handbook we released in April is already in use in nine countries.

The operator survey did not happen this year; we dropped it to concentrate on the handbook.
"""

REPORT = """---
title: Dynamic Coalition on Community Connectivity – Annual Report 2032
date: 2032-12
---

# Dynamic Coalition on Community Connectivity – Annual Report 2032

## Needs

Members repeated that village networks lack money for replacement radios.
"""


def prepared(text: str, name: str):
    p = prepare_bytes(text.encode(), name)
    assert p.failure is None, p.failure
    return p


def items_of(text: str, name: str) -> SessionItems:
    p = prepared(text, name)
    return extract_items(p.session, p.analyses, name)


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("We will publish a handbook on village networks before the next forum.", "promise"),
        ("Our plan is to release a glossary in three languages.", "promise"),
        ("By June we will have a first version of the database online.", "promise"),
        ("We are also planning a survey of rural operators.", "promise"),
        ("The handbook we released in April is already in use.", "delivery"),
        ("The glossary is finally out.", "delivery"),
        ("Our toolkit is still being drafted.", "update"),
        ("We now expect to finish the report early next year.", "update"),
        ("The survey did not happen.", "slip"),
        ("The study has been postponed indefinitely.", "slip"),
        ("We had to cancel the webinar series.", "slip"),
        ("We need a small fund for replacement radios.", "need"),
        ("Libraries lack the money to keep Wi-Fi free of charge.", "need"),
        ("Without seed money for hardware, these networks close.", "need"),
        ("In 2032 the coalition again called for a grants facility.", "need"),
        ("Following the request from the coalitions, our office holds a briefing.", "response"),
        ("To answer the question raised last year: the slot is reserved.", "response"),
        ("Our office now holds a quarterly briefing with the coalitions.", "enacted"),
        ("Last year Rosa asked who would pay for translations; a sponsor was found.", "response"),
        ("The IGF Secretariat should create a page listing all coalition outputs.", "need"),
        ("Thank you very much for having me here today.", None),
        ("The secretariat will publish a report next year.", None),
        ("There is no need to repeat what Ana said about it.", None),
        ("The consultation will include a call for inputs from all of you.", None),
    ],
)
def test_cue_table(sentence, signal):
    found = find_cue(sentence)
    assert (found.signal if found else None) == signal


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("The Dynamic Coalition on Community Connectivity will publish a handbook next year.", "promise"),
        ("The Dynamic Coalition on Community Connectivity has published its handbook.", "delivery"),
        ("The Dynamic Coalition on Community Connectivity met twice and will publish a handbook.", None),
    ],
)
def test_a_coalition_named_as_the_subject_promises_and_delivers(sentence, signal):
    from forumlens.resolve.mentions import find_mentions

    names = [(m.start, m.end) for m in find_mentions(sentence) if m.kind == "dc"]
    assert names
    found = find_cue(sentence, names=names)
    assert (found.signal if found else None) == signal
    assert find_cue(sentence) is None  # without the name, nobody promised anything


def test_lexicon_concepts_categories_and_deliverables():
    lex = load_lexicon()
    assert set(lex.features("grants, seed money and funding")) == {"@money"}
    assert lex.category(lex.features("rural technicians need support to be trained")) == "capacity-building"
    assert [f for *_, f in lex.deliverables("the hybrid meeting guidelines and a tool kit")] == [
        "guidelines",
        "toolkit",
    ]
    # a survey is not a study, but a study and a report are one research output named two ways
    assert [f for *_, f in lex.deliverables("a handbook, a survey and a study")] == ["guide", "survey", "report"]
    assert [f for *_, f in lex.deliverables("the report on IoT, the study of IoT")] == ["report", "report"]


def test_a_transcript_gives_needs_promises_questions_and_answers_with_their_actor():
    found = items_of(TRANSCRIPT, "roundtable-2030.txt")
    got = [(i.signal, i.line, i.family, i.coalition) for i in found.items]
    dc3 = "DC on Community Connectivity"
    assert ("need", 7, None, dc3) in got
    assert ("promise", 9, "guide", dc3) in got
    assert ("promise", 9, "survey", dc3) in got
    assert ("question", 13, None, None) in got  # the Secretariat is an office, not a coalition
    assert ("answer", 15, None, dc3) in got
    assert not any(i.speaker == "Mira Solberg" for i in found.items)  # the moderator manages the floor
    assert found.speakers == {"Tariq Bello": dc3}
    question = next(i for i in found.items if i.signal == "question")
    assert question.org == "IGF Secretariat" and question.quote.endswith("?")
    lines = TRANSCRIPT.split("\n")
    for i in found.items:
        assert i.quote in lines[i.line - 1]  # verbatim, on its line


def test_a_slip_pointing_back_with_a_pronoun_keeps_its_own_deliverable():
    found = items_of(LATER, "roundtable-2031.txt")
    slips = [(i.line, i.family, i.cue) for i in found.items if i.signal == "slip"]
    # "we dropped it to concentrate on the handbook" is about the survey, not the handbook
    assert {family for _, family, _ in slips} == {"survey"}
    assert [(i.family, i.signal) for i in found.items if i.signal == "delivery"] == [("guide", "delivery")]


def test_a_report_speaks_for_the_coalition_it_is_by():
    found = items_of(REPORT, "dc3-report-2032.md")
    assert [(i.signal, i.coalition, i.speaker) for i in found.items] == [("need", "DC on Community Connectivity", None)]


def test_three_years_make_threads_with_their_fate():
    per_year = [(2030, TRANSCRIPT, "a.txt"), (2031, LATER, "b.txt"), (2032, REPORT, "c.md")]
    items = place_items([(year, (year,), items_of(text, name)) for year, text, name in per_year])
    # Tariq did not say in 2031 whom he speaks for: his coalition of 2030 is used
    assert {i.coalition for i in items if i.speaker == "Tariq Bello"} == {"DC on Community Connectivity"}
    threads = link_items(items).threads
    fate = {(t.kind, t.items[0].family or t.category): t.status for t in threads}
    assert fate[("commitment", "guide")] == "fulfilled"
    assert fate[("commitment", "survey")] == "unfulfilled"
    assert fate[("ask", "funding")] == "recurring"
    assert fate[("question", "participation")] == "answered"


def test_items_round_trip_through_json():
    found = items_of(TRANSCRIPT, "roundtable-2030.txt")
    again = SessionItems.from_json("roundtable-2030.txt", found.to_json())
    assert again == found


def test_sentences_of_a_session_share_its_one_cached_line_index() -> None:
    # every sentence asks `find_mentions` for its coalition names; the session text's line index is
    # `resolve.text.line_index`'s shared one, never a second copy kept on the extraction's context
    from forumlens.resolve.text import line_index
    from forumlens.threads.deliverables import _line_index
    from forumlens.threads.itemcontext import _context

    p = prepare_bytes(TRANSCRIPT.encode(), "roundtable.txt")
    ctx = _context(p.session, p.analyses, "roundtable")
    assert _line_index(ctx) is line_index(p.session.text)
    assert _line_index(ctx).line(p.session.text.index("Village networks")) == 7
