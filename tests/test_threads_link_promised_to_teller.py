"""A follow-up that says the promise was made to its teller ("the workshop they promised us") is another's promise."""

from __future__ import annotations

from forumlens.threads.cues import find_cue
from forumlens.threads.link import link_items
from forumlens.threads.linknames import promised_to_teller
from forumlens.threads.models import Item
from tests.test_threads_link_rules import _item, _threads_of


def test_promised_to_the_teller_by_another() -> None:
    assert promised_to_teller("The map they promised us in Kyoto is online.")
    assert promised_to_teller("And the ministry had promised us a guide in Tagalog.")
    assert promised_to_teller("The training we were promised took place in May.")
    # the teller's own promise, or a promise to others, is not one made to the teller
    assert not promised_to_teller("We promised a guide, and here it is.")
    assert not promised_to_teller("As I promised, the map is online.")
    assert not promised_to_teller("The ministry promised the regulators a course.")


def _workshops(delivery: str) -> list[Item]:
    institution = _item(
        2014,
        3,
        "promise",
        "We will run a workshop on open data for the transport ministries in 2015.",
        org="Example Agency",
        family="event",
        head="workshop",
    )
    own = _item(
        2015,
        5,
        "promise",
        "Our coalition will hold a workshop on open data for city planners next year.",
        coalition="DC on Test",
        family="event",
        head="workshop",
    )
    told = _item(2016, 7, "delivery", delivery, coalition="DC on Test", family="event", head="workshop")
    return [institution, own, told]


def test_a_delivery_of_what_was_promised_to_the_teller_joins_the_makers_promise() -> None:
    linked = link_items(_workshops("The workshop they promised us for the transport ministries took place in June."))
    assert _threads_of(linked, 7) == [[3, 7]]
    assert _threads_of(linked, 5) == [[5]]
    # told as the coalition's own, the same delivery is the coalition's workshop: the words decide, not the actor
    own = link_items(_workshops("The workshop for the transport ministries took place in June."))
    assert _threads_of(own, 7) == [[5, 7]]


def test_a_fate_told_with_what_was_said_of_it_is_the_fate() -> None:
    cue = find_cue("It was never written; in 2017 they told us there was no translator.")
    assert cue is not None and (cue.signal, cue.text) == ("slip", "was never written")
    # reported speech with no fate stays a response to the ask it takes up
    told = find_cue("In Nairobi the health ministries told us that they need maps of the clinics.")
    assert told is not None and told.signal == "response"
    # a caller that has tried the slip already still gets the response (its retries run out)
    again = find_cue("It was never written; in 2017 they told us there was no translator.", signals=("response",))
    assert again is not None and again.signal == "response"
