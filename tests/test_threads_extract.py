"""Extraction rules of issue 20 (H2): tense of promises, delivery and slip phrasings, asks put as
imperatives, non-asks filtered, and a question's same-session fate taken from the questions analysis.

Sessions go through the real pipeline (`prepare_bytes`), as `forumlens ingest` does.
"""

from __future__ import annotations

import pytest

from forumlens.threads import SessionItems, link_items, place_items
from forumlens.threads.cues import find_cue, is_non_ask
from forumlens.threads.models import Item

from .threads_support import items_of


def threads_of(*sessions: tuple[int, SessionItems]):
    placed = place_items([(year, (year, n), found) for n, (year, found) in enumerate(sessions)])
    return link_items(placed).threads


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        # promises in the present tense and as a plan
        ("We are compiling a directory of community networks for the next forum.", "promise"),
        ("We are writing a short guide on DNS abuse for small registries.", "promise"),
        ("Right now we are translating the charter into Arabic.", "update"),  # work on a known output
        ("A second edition of the handbook is planned for 2031.", "promise"),
        # deliveries in other words
        ("The map of rural networks went online in May.", "delivery"),
        ("Our survey of NRIs, published last spring, is used by four governments.", "delivery"),
        ("The regional workshops took place in Dakar and in Lima.", "delivery"),
        ("The handbook is finished, and you can download it from our page.", "delivery"),
        # slips
        ("The database was announced for 2031; it has been postponed.", "slip"),
        ("Honestly, the webinar series is not happening, so we let it go.", "slip"),
        # updates
        ("The glossary is almost ready, only two languages are missing.", "update"),
        # asks: "still asking", imperatives, recommendations, not being able to come for want of money
        ("We keep asking the host country for cheaper visas for activists.", "need"),
        ("Fund the coalitions!", "need"),
        ("Please, ministers: include libraries in your broadband plans.", "need"),
        ("Give the national IGFs a seat at the preparatory meetings.", "need"),
        ("We strongly recommend that donors pay for captioning at regional IGFs.", "need"),
        ("Many of our members could not attend because there is no travel money at all.", "need"),
        # not asks: thanks, floor procedure, rhetoric
        ("I would like to thank the hosts for the support they gave to every coalition.", None),
        ("Please keep to three minutes each, we need to move on.", None),
        ("Let us close the session here.", None),
        ("Make no mistake, everybody in this room needs the Internet.", None),
        ("Who here does not need a free and open Internet?", None),
        ("Many of our members could not attend this morning, the room was changed.", None),
    ],
)
def test_new_cues(sentence, signal):
    found = find_cue(sentence)
    assert (found.signal if found else None) == signal


@pytest.mark.parametrize(
    ("sentence", "non_ask"),
    [
        ("Thanks to all the members who sent data this year.", True),
        ("I would like to give the floor to our next speaker.", True),
        ("I want to hear from the Secretariat on this point.", True),
        ("Is this the room for the coalition session?", True),
        ("We need a small fund for replacement radios.", False),
        ("Please fund the translation of our outputs.", False),
    ],
)
def test_non_asks(sentence, non_ask):
    assert is_non_ask(sentence) is non_ask


ROUNDTABLE = """IGF 2030 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  I will moderate.  First, the Dynamic Coalition on Community Connectivity.  Tariq?

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  Let me start by thanking the hosts, the venue is wonderful.  Our plan is to issue a handbook on maintaining village networks by next year.

Please, regulators in this room:  open the unused spectrum to village networks.

>> MIRA SOLBERG:  Thank you.  Questions?  Yes, Lena.

>> LENA OKAFOR:  Lena Okafor, from the IGF Secretariat.  Will the handbook cover solar power?

>> TARIQ BELLO:  Yes, a full chapter.  And we are preparing a training course on solar kits for technicians in Mali.

>> MIRA SOLBERG:  Thank you both.  We close here.
"""

REPORT_2031 = """---
title: Dynamic Coalition on Community Connectivity – Annual Report 2031
date: 2031-11
---

# Dynamic Coalition on Community Connectivity – Annual Report 2031

## Outputs

A study on spectrum sharing for village networks was announced for 2031; it has been delayed for lack of volunteers.

The handbook on village networks that we promised in 2030 is out, in English and French.
"""


def test_imperative_ask_promise_and_promise_in_an_answer_are_items_thanks_is_not():
    found = items_of(ROUNDTABLE, "roundtable-2030.txt")
    got = {(i.signal, i.family) for i in found.items}
    assert ("promise", "guide") in got  # "Our plan is to issue a handbook"
    assert ("promise", "course") in got  # said in the answer to Lena's question
    needs = [i for i in found.items if i.signal == "need"]
    assert [n.quote for n in needs] == [
        "Please, regulators in this room:  open the unused spectrum to village networks."
    ]
    # the sentence that promises the handbook is not also an ask, whatever the asks analysis read into it
    promised = next(i for i in found.items if i.signal == "promise" and i.family == "guide")
    assert not [i for i in found.items if i.signal == "need" and i.seq == promised.seq]


def test_a_slip_or_delivery_naming_its_promise_puts_the_promise_on_record():
    report = items_of(REPORT_2031, "dc3-report-2031.md")
    by_line: dict[int, list[Item]] = {}
    for i in report.items:
        by_line.setdefault(i.line, []).append(i)
    study = next(v for v in by_line.values() if any(i.signal == "slip" for i in v))
    assert [(i.signal, i.family) for i in sorted(study, key=lambda i: i.seq)] == [
        ("update", "report"),
        ("slip", "report"),
    ]
    # on its own (the 2030 study promise is nowhere in the store) the report still says the study slipped
    threads = threads_of((2031, report))
    commitments = {t.items[0].family: t.status for t in threads if t.kind == "commitment"}
    assert commitments == {"report": "unfulfilled", "guide": "fulfilled"}


def test_the_handbook_promise_of_2030_is_fulfilled_by_the_2031_report():
    threads = threads_of((2030, items_of(ROUNDTABLE, "roundtable-2030.txt")), (2031, items_of(REPORT_2031, "r.md")))
    guide = [t for t in threads if t.kind == "commitment" and t.items[0].family == "guide"]
    assert len(guide) == 1
    assert guide[0].status == "fulfilled"
    assert {i.session for i in guide[0].items} == {"roundtable-2030.txt", "r.md"}


FLOOR = """IGF 2030 – Open forum on coalitions

>> ANA LIMA:  Welcome, I am Ana Lima and I moderate.  We go straight to the floor.

>> AUDIENCE MEMBER:  Thank you.  How will the coalitions report to the Leadership Panel next year?

>> ANA LIMA:  A good question; nobody from the Panel is here, so we note it.  Next, Paul.

>> PAUL OKAFOR:  Paul Okafor, Nigeria IGF.  When will the coalitions get a line in the IGF Trust Fund?

>> HANS BERG:  Hans Berg, Norway.  And a second question from me:  who chooses the host countries after 2030?

>> ANA LIMA:  We are out of time, both questions go to the report.  Thank you.
"""


def test_an_unnamed_asker_is_shown_as_a_participant_of_the_session():
    found = items_of(FLOOR, "floor-2030.txt")
    questions = [i for i in found.items if i.signal == "question"]
    assert questions
    anonymous = next(q for q in questions if "Leadership Panel" in q.quote)
    assert anonymous.speaker == "a participant in IGF 2030 – Open forum on coalitions"


def test_a_question_followed_by_another_question_stays_open():
    found = items_of(FLOOR, "floor-2030.txt")
    threads = threads_of((2030, found))
    fates = {t.items[0].quote.split()[0]: t.status for t in threads if t.kind == "question"}
    assert fates.get("When") == "open"  # Hans's turn asks a second question; it answers nothing
    assert all(status == "open" for status in fates.values())


def test_a_same_session_response_does_not_answer_what_the_questions_analysis_left_open():
    def it(signal: str, quote: str, session: str, year: int, **kw) -> Item:
        return Item(session, kw.pop("line", 3), quote, signal, **kw).placed(year, (year, session))

    question = it("question", "Will the MAG keep a plenary slot for the coalitions?", "s1", 2030, speaker="Rui Sa")
    same = it(
        "response",
        "To answer the question raised on the MAG slot: we will discuss it.",
        "s1",
        2030,
        line=9,
        org="MAG",
        speaker="Mia Berg",
        about="question",
    )
    later = it(
        "response",
        "To answer the question raised last year on the plenary slot: the MAG keeps one for the coalitions.",
        "s2",
        2031,
        org="MAG",
        speaker="Mia Berg",
        about="question",
    )
    [alone] = link_items([question, same]).threads
    assert alone.status == "open"
    [both] = link_items([question, same, later]).threads
    assert both.status == "answered-later"
