"""Work on a promise told as going on is an update of it, about the deliverable the work is on."""

from __future__ import annotations

import pytest

from forumlens.threads import link_items
from forumlens.threads.cues import find_cue
from forumlens.threads.nounphrase import unknown_family

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("Our second output, the census of rural operators, is going on.", "update"),
        ("The work on the school connectivity almanac continued with fewer volunteers.", "update"),
        ("We will continue the work on the handbook announced last year.", "update"),
        # what is going on is no work on a promise, and neither is a free relative
        ("We will continue to ask for travel money for young people.", "need"),
    ],
)
def test_continuation_is_an_update(sentence, signal):
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == signal


FIRST = """IGF 2031 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome.  Tariq, the floor is yours.

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  By next year we will launch an affordability ranking of the ten biggest operators.
"""

LATER = """IGF 2032 – Coalitions roundtable

>> MIRA SOLBERG:  Welcome back.  Tariq, the floor is yours.

>> TARIQ BELLO:  Thank you, Mira.  Tariq Bello, Dynamic Coalition on Community Connectivity.  The work on the operator affordability ranking continued with fewer volunteers than planned.
"""


def test_work_on_a_deliverable_that_continued_updates_its_promise():
    first = [i.placed(2031, (2031,)) for i in items_of(FIRST, "ranking-2031.txt").items]
    later = [i.placed(2032, (2032,)) for i in items_of(LATER, "ranking-2032.txt").items]
    assert [(i.signal, i.family) for i in later] == [("update", unknown_family("ranking"))]
    linked = link_items([*first, *later], model=False)
    assert [([i.signal for i, _ in t.entries], t.status) for t in linked.threads] == [
        (["promise", "update"], "pending")
    ]
