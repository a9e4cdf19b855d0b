"""A promise that came to nothing, told by those it was made to ("In Lima the Bureau promised us a map of the
landing sites. We never saw it.") or by its maker ("It never took off."): a slip, quoted with the sentence before it
that says who promised what, so it closes the promiser's commitment and not one of the teller's."""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.cues import find_cue
from forumlens.threads.similarity import make_scorer

from .threads_support import items_of

PROMISED = """IGF 2012 - Open forum: landing sites

>> ASTRID VOLKOVA: Good morning. Mr. Okafor, for the Bureau, please.

>> EMEKA OKAFOR-LINDQVIST: Thank you. Emeka Okafor-Lindqvist, Telecommunication Development Bureau. After this meeting we will publish a map of mobile coverage at the landing sites of the Gulf of Guinea.

>> ASTRID VOLKOVA: Thank you. We close here.
"""

BROKEN = """IGF 2014 - Open forum: landing sites again

>> ASTRID VOLKOVA: Good morning. Adaeze, please.

>> ADAEZE NWOSU-BERG: Thank you. Adaeze Nwosu-Berg, Dynamic Coalition on Landing Sites. In Baku the Bureau promised us a map of mobile coverage at the landing sites. We never saw it. I asked for it by e-mail twice.

>> ASTRID VOLKOVA: Thank you. We close here.
"""


@pytest.mark.parametrize(
    "sentence",
    ["We never saw it.", "It never took off.", "The radio project never got off the ground."],
)
def test_a_promise_that_came_to_nothing_is_a_slip(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "slip"


def test_i_never_saw_it_coming_is_no_slip() -> None:
    cue = find_cue("I never saw it coming.")
    assert cue is None or cue.signal != "slip"


def test_the_slip_is_quoted_with_the_promise_it_tells_of() -> None:
    found = items_of(BROKEN, "igf2014-open-forum-landing-sites.txt")
    slips = [i for i in found.items if i.signal == "slip"]
    assert [i.quote for i in slips] == [
        "In Baku the Bureau promised us a map of mobile coverage at the landing sites. We never saw it."
    ]


def test_the_slip_closes_the_promisers_commitment() -> None:
    first = items_of(PROMISED, "igf2012-open-forum-landing-sites.txt")
    second = items_of(BROKEN, "igf2014-open-forum-landing-sites.txt")
    items = place_items([(2012, (2012,), first), (2014, (2014,), second)])
    linked = link_items(items, make_scorer(items, "lexical"))
    thread = next(t for t in linked.threads if any("We never saw it" in i.quote for i in t.items))
    assert [i.signal for i in thread.items] == ["promise", "slip"]
    assert thread.status == "unfulfilled"
