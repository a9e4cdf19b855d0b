"""A national IGF's report lists its recommendations as a table (`| No. | Recommendation | Addressed to | Follow-up |`):
a row that names whom it asks is the report's ask, an instruction the body reports progress on is its own promise,
and the report is by the body its front matter names, not by a coalition it reports about."""

from __future__ import annotations

from forumlens.threads.link import actor_of

from .threads_support import items_of

REPORT = """---
title: "Andes IGF 2030 -- National report"
nri: Andes IGF
---

# Andes IGF 2030: national report

## 1. Our answer to a coalition

At the last IGF the Dynamic Coalition on Mountain Networks asked the national IGFs to meet in the highlands.

## 2. Recommendations

| No. | Recommendation | Addressed to | Follow-up |
|---|---|---|---|
| 1 | The regulator should publish the price of every rural licence | Regulator | New |
| 2 | Publish a glossary of network terms in Aymara for local radios | Organising committee | Drafting |
| 3 | Translate the report into Quechua | Organising committee | New |
"""


def test_rows_of_recommendations_are_the_reports_asks_and_promises():
    items = {i.line: i for i in items_of(REPORT, "andes-2030.md").items}
    ask, promise = items[16], items[17]
    assert ask.signal == "need" and ask.quote == "The regulator should publish the price of every rural licence"
    assert promise.signal == "promise"
    assert promise.quote == "Publish a glossary of network terms in Aymara for local radios"
    # no one has taken up the third row: an instruction, not yet the body's promise
    assert 18 not in items or items[18].signal != "promise"
    # the report is the national IGF's (its front matter), not the coalition its first section names
    assert {actor_of(i) for i in (ask, promise)} == {"org:Andes IGF"}
