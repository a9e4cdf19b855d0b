"""A document's table of outputs: each row is a delivery, slip or update of its output (`threads/tables.py`)."""

from __future__ import annotations

import pytest

from forumlens.ingest import prepare_bytes
from forumlens.threads import extract_items, link_items, place_items
from forumlens.threads.tables import row_signal, table_rows

REPORT = """---
title: "Dynamic Coalition on Community Connectivity -- Annual Report 2031"
coalition: Dynamic Coalition on Community Connectivity
date: 2031-10-01
---

# Dynamic Coalition on Community Connectivity -- Annual Report 2031

## What we ask for

- Regulators should set aside spectrum for community networks in every country.
* Operators should sell backhaul to village networks at cost.

## Our outputs

| Output | Promised at | Status in 2031 | Notes |
|---|---|---|---|
| Handbook on maintaining village networks | IGF 2028, Oslo | Published May 2030 | In four languages |
| Register of community networks in Africa | IGF 2029, Lima | Stopped | Nobody kept it up to date |
| Toolkit on solar power for village masts | IGF 2030, Nairobi | In progress: two of five chapters written | |
| Webinar series on spectrum | IGF 2030, Nairobi | To be discussed | |
"""

SESSION = """IGF 2028 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  First, the Dynamic Coalition on Community Connectivity.  Tariq?

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  We will publish a handbook on maintaining village networks before the next forum.
"""


@pytest.fixture(scope="module")
def report():
    p = prepare_bytes(REPORT.encode(), "dc3-annual-report-2031.md")
    assert p.failure is None, p.failure
    return p, extract_items(p.session, p.analyses, "dc3-annual-report-2031.md")


def _line(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


def test_each_row_of_a_table_of_outputs_is_the_fate_its_status_cell_says(report):
    p, found = report
    rows = {i.line: i for i in found.items if "|" in i.quote}
    handbook = rows[_line(p.session.text, "Handbook on maintaining")]
    register = rows[_line(p.session.text, "Register of community")]
    toolkit = rows[_line(p.session.text, "Toolkit on solar")]
    assert (handbook.signal, handbook.head) == ("delivery", "Handbook")
    assert register.signal == "slip"
    assert toolkit.signal == "update"
    for item in (handbook, register, toolkit):
        assert item.coalition == "DC on Community Connectivity"  # the registry name
        assert item.quote in p.session.text.split("\n")[item.line - 1]  # verbatim, on the row's own line
    # a status that says no fate ("To be discussed") and the header row are no items
    assert _line(p.session.text, "Webinar series") not in rows
    assert _line(p.session.text, "| Output |") not in rows


def test_a_list_items_marker_is_not_kept_in_its_quote(report):
    _, found = report
    needs = [i for i in found.items if i.signal == "need"]
    assert {i.quote.split()[0] for i in needs} == {"Regulators", "Operators"}


def test_a_row_delivers_the_promise_made_in_an_earlier_session(report):
    _, found = report
    s = prepare_bytes(SESSION.encode(), "roundtable-2028.txt")
    assert s.failure is None, s.failure
    said = extract_items(s.session, s.analyses, "roundtable-2028.txt")
    threads = link_items(place_items([(2028, (2028,), said), (2031, (2031,), found)])).threads
    [thread] = [t for t in threads if any("Handbook on maintaining" in i.quote for i in t.items)]
    assert [i.signal for i in thread.items] == ["promise", "delivery"]
    assert thread.status == "fulfilled"


def test_table_rows_need_a_header_and_separator_and_read_the_status_column():
    text = "| A | B |\n| x | Published |\n\n| Output | Notes | Status |\n| --- | :---: | --- |\n| Guide | Stopped | Published in 2020 |\n"
    rows = table_rows(text, 0, len(text))
    assert [r.output.text for r in rows] == ["Guide"]  # the first table has no separator row: no table
    [row] = rows
    assert [c.text for c in row.statuses] == ["Published in 2020"]  # not the notes' "Stopped"
    said = row_signal(row)
    assert said is not None and said[0].signal == "delivery"
    assert text[row.start : row.end] == "Guide | Stopped | Published in 2020"
