"""Whom a speaker speaks for: the body they introduced themself with holds for all their turns of the session
and, where nothing says, in their other sessions; a forum the caption writes in lower case ("the best practice
forum on gender and access") is the same actor as its report, whose title capitalises it.
"""

from __future__ import annotations

from forumlens.threads import place_items

from .threads_support import items_of

FIRST = """IGF 2031 – Open forum on access

>> KATJA LUND: Good afternoon. We have the best practice forum on gender and access and the dynamic coalition on community connectivity with us today.

>> NADIA RAHIMI: Thank you, Katja. I am Nadia Rahimi, one of the coordinators of the best practice forum on gender and access.

>> NADIA RAHIMI: Regulators should publish the numbers of who is connected, split by women and men, every year.

>> NADIA RAHIMI: So we will publish a toolkit for community networks led by women before the next IGF.

>> KATJA LUND: Thank you, Nadia. We close here.
"""

LATER = """IGF 2033 – Coordination session

>> HIWOT TADESSE: Good morning. Nadia, please.

>> NADIA RAHIMI: Thank you. The platforms should let women report harassment in their own language.
"""

REPORT = """---
title: Best Practice Forum on Gender and Access – output report 2032
---

# Recommendations

Regulators should collect and publish data on Internet use disaggregated by sex, every year.
"""

FORUM = "Best Practice Forum on Gender and Access"


def test_a_speaker_speaks_for_the_body_she_introduced_herself_with_in_every_paragraph():
    found = items_of(FIRST, "igf2031-open-forum-access.txt")
    nadia = [i for i in found.items if i.speaker == "Nadia Rahimi"]
    assert {i.signal for i in nadia} >= {"need", "promise"}
    assert {(i.coalition, i.org) for i in nadia} == {(None, FORUM)}
    assert found.bodies == {"Nadia Rahimi": FORUM}


def test_the_lower_case_forum_of_a_caption_is_the_capitalised_forum_of_its_report():
    report = items_of(REPORT, "bpf-gender-access-report-2032.md")
    assert {i.org for i in report.items} == {FORUM}


def test_where_nothing_says_whom_she_speaks_for_she_speaks_for_the_body_she_gave_elsewhere():
    later = items_of(LATER, "igf2033-coordination.txt")
    harassment = [i for i in later.items if "harassment" in i.quote]
    assert harassment and harassment[0].org is None  # the session itself does not say
    placed = place_items([(2031, (2031,), items_of(FIRST, "igf2031-open-forum-access.txt")), (2033, (2033,), later)])
    assert {i.org for i in placed if "harassment" in i.quote} == {FORUM}
