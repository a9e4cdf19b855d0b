"""A document's summary speaks for its author, and a list's items are points of their own (issue 23).

A report's paragraphs are not a participant's turns: its takeaways said "A participant:"
and its points by speaker listed "(unnamed)". A Markdown list ran together into one
takeaway ("- The charter ... - We held ..."). The document is written for this test.
"""

from __future__ import annotations

import pytest

from forumlens.models import Session
from forumlens.pipeline import analyse_session, prepare_document
from forumlens.read import read_bytes
from forumlens.summarise import build_report
from forumlens.summarise.attribution import Credits, document_author
from forumlens.summarise.rewrite import third_person
from forumlens.summarise.units import session_units

REPORT = """---
title: Dynamic Coalition on Community Connectivity – Annual Report 2024
date: 2025-03-01
---

# Dynamic Coalition on Community Connectivity – Annual Report 2024

## Summary

In 2024 the Dynamic Coalition on Community Connectivity continued its work on spectrum licences for community networks. At the IGF 2024 workshop on community networks we promised a toolkit for regulators.

## Activities

- The toolkit was tested by community networks in nine countries across three regions.
- We held four webinars on backhaul for island networks with about 300 participants.
- The first edition of the toolkit was published in January 2025 and is attached.

## Requests

We again ask donors to fund the translations of the toolkit, so that regulators can read it in their own languages.
"""


@pytest.fixture(scope="module")
def document() -> tuple[Session, dict]:
    session, meta = prepare_document(read_bytes(REPORT.encode(), "dc3-annual-report.md"), None, today="2026-12-05")
    analysis = analyse_session(session)
    analysis["document"] = meta.to_json()
    return session, analysis


def test_each_list_item_is_its_own_sentence(document: tuple[Session, dict]) -> None:
    session, _ = document
    texts = [u.text for u in session_units(session)]
    assert "We held four webinars on backhaul for island networks with about 300 participants." in texts
    assert not any(t.count("participants") and "toolkit was tested" in t for t in texts)
    assert not any(t.startswith("- ") for t in texts)


def test_a_paragraph_is_credited_to_the_documents_coalition(document: tuple[Session, dict]) -> None:
    session, analysis = document
    named = analysis["document"]["coalitions"][0]["name"]
    assert "Community Connectivity" in named
    assert document_author(session, analysis) == (named, True)
    assert document_author(session) == (named, True)  # from the title, without the document analysis
    credits = Credits.of(session, analysis)
    assert {credits.who(u) for u in session_units(session)} == {named}


def test_a_documents_report_names_no_participant_and_no_unnamed_speaker(document: tuple[Session, dict]) -> None:
    session, analysis = document
    report = build_report(session, analysis)
    takeaways = [b.text for b in report.takeaways]
    assert takeaways and not any(t.startswith("A participant") for t in takeaways)
    assert not any(" - " in t for t in takeaways), "list items run together"
    assert report.speakers and all(p.speaker != "(unnamed)" for p in report.speakers)
    quotes = [c.quote for b in report.takeaways for c in b.citations]
    assert all(q in session.text for q in quotes)  # still verbatim


def test_an_adverb_between_we_and_the_verb_is_not_conjugated() -> None:
    body = "Dynamic Coalition on Community Connectivity"
    out = third_person("We again ask donors to fund the translations of the toolkit.", body)
    assert out is not None and " again asks donors" in out and "agains" not in out


def test_a_coalitions_own_document_is_its_own_in_its_brief(document: tuple[Session, dict]) -> None:
    """The coalition page credits every ask of the coalition's own document to it; the brief does too."""
    from forumlens.summarise import brief_coalition

    session, analysis = document
    brief = brief_coalition(analysis["document"]["coalitions"][0]["name"], [(session, analysis)])
    asked = [c.quote for b in brief.asked for c in b.citations]
    assert any("fund the translations of the toolkit" in q for q in asked), brief.asked
    assert any(a.session == session.id and a.status == "presented" and not a.speakers for a in brief.appearances)


MAKERSPACES = """---
title: Dynamic Coalition on Rural Library Makerspaces – Annual Report 2030
date: 2031-02-01
---

# Dynamic Coalition on Rural Library Makerspaces – Annual Report 2030

## Summary

In 2030 the Dynamic Coalition on Rural Library Makerspaces opened its first twelve makerspaces in village libraries.

## Partners

The Dynamic Coalition on Community Connectivity lent us its spectrum toolkit. With the Dynamic Coalition on \
Community Connectivity we ran two webinars. The Dynamic Coalition on Community Connectivity also reviewed our survey.

## Requests

We ask donors to fund soldering kits for every makerspace in the network.
"""


def test_a_new_coalition_in_the_title_is_the_author_not_a_partner_the_registry_knows() -> None:
    """The metadata lists a new coalition (outside the registry) after the registry's: the
    partner named on the first page came first, and the report spoke in the partner's voice."""
    from forumlens.coalition_owned import coalition_match, document_coalitions, owns_document

    session, meta = prepare_document(read_bytes(MAKERSPACES.encode(), "makerspaces-2030.md"), None, today="2026-12-05")
    analysis = analyse_session(session)
    analysis["document"] = meta.to_json()
    listed = [c["name"] for c in analysis["document"]["coalitions"]]
    assert listed[0] == "DC on Community Connectivity" and "Rural Library Makerspaces" in listed[1]  # the case
    author = listed[1]
    assert document_author(session, analysis) == (author, True)
    assert document_coalitions(session.title, analysis["document"]) == [author]  # the page's rule: the same
    assert not owns_document(meta.kind, session.title, analysis["document"], coalition_match("DC3")[1])
    credits = Credits.of(session, analysis)
    assert {credits.who(u) for u in session_units(session)} == {author}
