"""Ask and question shapes studied on round 17's misses (issue 22, stop 33; from the kinds of
misses, never their sentences): a voted wish list read as "we wish that …" items, each an ask;
a recommendation whose own words "give it to" a place is no floor hand-off."""

from __future__ import annotations

from forumlens.analyse.asks import classify_type, find_asks
from forumlens.analyse.context import build_context
from forumlens.transcript.parse import parse_transcript


def _asks(turn: str) -> list[dict]:
    text = f">> MODERATOR:  Now Tove, please.\n\n>> TOVE LINDQVIST:  Thank you.  {turn}\n"
    ctx = build_context(parse_transcript(text), mentions=[])
    return [a.to_json() for a in find_asks(ctx)]


def test_a_wish_that_or_for_something_is_a_request() -> None:
    assert classify_type("We wish that every library lends laptops for a month.") == "ask"
    assert classify_type("And we all wish for a second hub in the north.") == "ask"


def test_a_wish_to_the_room_is_no_request() -> None:
    assert classify_type("We wish you a good evening and a safe trip home.") is None


def test_each_item_of_a_wish_list_on_one_line_is_its_own_ask() -> None:
    turn = (
        "Our members voted the list online.  Item one.  We wish that every public library lends laptops "
        "for a month, free of charge.  Item two.  We wish that the ferries have free wifi on the long routes.  "
        "And item three:  we wish for a repair cafe in each district."
    )
    quotes = [a["quote"] for a in _asks(turn)]
    assert [q for q in quotes if "wish" in q.lower()] == [
        "We wish that every public library lends laptops for a month, free of charge.",
        "We wish that the ferries have free wifi on the long routes.",
        "we wish for a repair cafe in each district.",
    ], quotes


def test_a_recommendation_saying_what_to_give_to_whom_is_no_floor_hand_off() -> None:
    sentence = "I recommend that ministries stop paying the old kiosks, give it to the clinic that stays open late."
    assert classify_type(sentence) == "recommendation"
    assert [a["quote"] for a in _asks(sentence)] == [sentence]


def test_a_hand_off_of_the_floor_stays_floor_talk() -> None:
    assert classify_type("And now I give it to Maria, who should know the numbers better.") is None
    assert classify_type("I will pass it to our next speaker, we need to keep time.") is None
