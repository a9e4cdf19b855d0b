"""Fates of promises told in few words: a work plan's status cell that opens "Done", a slip whose "it" is the promise
told just before ("… promised a network of reporters. It never took off."), a delivery whose output the promise before
it names, "It is not online yet" (an update), and "our promise for this year: …" (a promise)."""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.cues import find_cue
from forumlens.threads.linknames import promised_by
from forumlens.threads.similarity import make_scorer
from forumlens.threads.tables import row_signal, table_rows

from .threads_support import items_of

PLAN = """---
title: "Dynamic Coalition on Lake Shore Radio -- Work plan 2031"
coalition: Dynamic Coalition on Lake Shore Radio
date: 2031-02-01
---

# Work plan 2031

## Review of 2030

| # | Deliverable | Lead | Status (January 2031) |
|---|---|---|---|
| A1 | Training of radio volunteers in audio editing | Coordinator | Done: 40 volunteers trained in Kisumu |
| A2 | Directory of lake shore stations | Coordinator | Completed |
| A3 | Survey of listeners | Coordinator | Delayed to 2032 |
| A4 | Workshop for station owners | Coordinator | To be discussed |

### Partners' commitments

The Ministry of Fisheries promised in Entebbe to translate its safety guidelines for boat crews into Luo. The Luo version was published in December and we have sent it to every station.
"""

BROKEN = """IGF 2034 - Main session: radio on the lakes

>> CHAIR: Thank you. Now Ochieng, for the coalition.

>> OCHIENG ODHIAMBO-WERE: Thank you. Ochieng Odhiambo-Were, Dynamic Coalition on Lake Shore Radio. In Kyoto our coalition promised a circle of young lake reporters on the air. It never took off. The young people moved to the towns.

>> CHAIR: Thank you. We close here.
"""


def _line(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


@pytest.mark.parametrize("cell", ["Done: 40 volunteers trained", "Done", "Completed", "Achieved, in two languages"])
def test_a_status_cell_opening_on_done_is_a_delivery(cell: str) -> None:
    text = f"| Deliverable | Status |\n|---|---|\n| Guide to audio editing | {cell} |\n"
    [row] = table_rows(text, 0, len(text))
    said = row_signal(row)
    assert said is not None and said[0].signal == "delivery"


def test_a_status_cell_that_says_nothing_done_is_no_delivery() -> None:
    text = "| Deliverable | Status |\n|---|---|\n| Guide to audio editing | Not done |\n| Map | Donated by FAO |\n"
    said = [row_signal(r) for r in table_rows(text, 0, len(text))]
    assert [s[0].signal if s else None for s in said] == ["slip", None]  # "Not done" is a slip, "Donated" nothing


def test_each_reviewed_row_of_a_work_plan_is_the_fate_its_status_says() -> None:
    found = items_of(PLAN, "dc-lake-radio-work-plan-2031.md")
    rows = {i.line: i.signal for i in found.items if "|" in i.quote}
    assert rows == {
        _line(PLAN, "Training of radio"): "delivery",
        _line(PLAN, "Directory of lake"): "delivery",
        _line(PLAN, "Survey of listeners"): "slip",
    }


def test_a_delivery_that_names_no_output_is_quoted_with_the_promise_before_it() -> None:
    found = items_of(PLAN, "dc-lake-radio-work-plan-2031.md")
    [done] = [i for i in found.items if i.signal == "delivery" and "Luo version" in i.quote]
    assert done.quote.startswith("The Ministry of Fisheries promised in Entebbe")  # who promised it, for linking
    assert done.head == "guidelines"


def test_a_slip_takes_its_output_from_the_promise_told_just_before() -> None:
    found = items_of(BROKEN, "igf2034-main-session-lake-radio.txt")
    [slip] = [i for i in found.items if i.signal == "slip"]
    assert slip.quote == (
        "In Kyoto our coalition promised a circle of young lake reporters on the air. It never took off."
    )
    assert slip.head == "circle"


def test_a_pronoun_slip_with_no_promise_before_it_is_still_no_item() -> None:
    text = BROKEN.replace("In Kyoto our coalition promised a circle of young lake reporters on the air.", "Hello.")
    found = items_of(text, "igf2034-main-session-lake-radio.txt")
    assert [i for i in found.items if i.signal == "slip"] == []


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("It is not online yet; the rest of the work is for next year.", "update"),
        ("The map isn't available yet.", "update"),
        ("And our promise for this year: a short handbook on solar chargers.", "promise"),
    ],
)
def test_fates_and_promises_said_in_few_words(sentence: str, signal: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == signal


def test_not_available_without_yet_is_no_update() -> None:
    cue = find_cue("The site is not available in Luo.")
    assert cue is None or cue.signal != "update"


REPEATED = """IGF 2031 - Workshop: radio on the lakes

>> ADHIAMBO OTIENO-LUSWETI: Good morning. I am Adhiambo Otieno-Lusweti and I will moderate this workshop. Ochieng, please.

>> OCHIENG ODHIAMBO-WERE: Thank you. Ochieng Odhiambo-Were, Dynamic Coalition on Lake Shore Radio. We will publish a radio guide for station owners.

>> ADHIAMBO OTIENO-LUSWETI: Thank you. Questions. The gentleman by the window.

>> PARTICIPANT: (Off microphone.) -- in Luo --

>> ADHIAMBO OTIENO-LUSWETI: For the record, this is Mr. Baraka Wafula-Simiyu, from a fishing cooperative in Homa Bay, and his question to Ochieng is: will the radio guide be translated into Luo?

>> OCHIENG ODHIAMBO-WERE: A good question. We have no Luo translator yet. Come and talk to me.

>> ADHIAMBO OTIENO-LUSWETI: Thank you all. We close here.
"""


def test_a_floor_question_the_chair_repeats_aloud_is_the_floors_question() -> None:
    found = items_of(REPEATED, "igf2031-workshop-lake-radio.txt")
    [question] = [i for i in found.items if i.signal == "question"]
    assert question.quote.endswith("will the radio guide be translated into Luo?")
    assert question.speaker != "Adhiambo Otieno-Lusweti"  # not the chair's own question


PROMISED_THEN = """IGF 2023 - Workshop: shores and herds

>> ADHIAMBO OTIENO-LUSWETI: Good morning. First the herders' coalition. Lemayian?

>> LEMAYIAN OLE-SANKALE: Lemayian Ole-Sankale, Dynamic Coalition on Herders Online. We will start a pilot of shared phones in Kajiado before the next forum.

>> ADHIAMBO OTIENO-LUSWETI: Thank you. Now Ochieng.

>> OCHIENG ODHIAMBO-WERE: Ochieng Odhiambo-Were, Dynamic Coalition on Lake Shore Radio. We will also train young people in the fishing villages as reporters, who post the news of the lake on the air.
"""


def test_our_coalition_promised_is_the_tellers_own_promise() -> None:
    assert (
        promised_by("In Entebbe our coalition promised a circle of young reporters. It never took off.") == frozenset()
    )
    assert promised_by("In Entebbe the Bureau promised us a map. We never saw it.") == {"bureau"}
    first = items_of(PROMISED_THEN, "igf2023-workshop-shores-herds.txt")
    later = items_of(BROKEN, "igf2034-main-session-lake-radio.txt")
    items = place_items([(2023, (2023,), first), (2034, (2034,), later)])
    linked = link_items(items, make_scorer(items, "lexical"))
    [slipped] = [t for t in linked.threads if any(i.signal == "slip" for i in t.items)]
    assert [i.signal for i in slipped.items] == ["promise", "slip"]
    assert "reporters" in slipped.items[0].quote  # the teller's own coalition's promise, not the herders' pilot
