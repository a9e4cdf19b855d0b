"""A coalition's name said three ways is one actor: in full with "in" inside its topic ("the Dynamic Coalition on
Radio Access in Hospitals", not "… on Radio Access"), in short after the speaker's name with no article ("Ama Boateng,
hospitals coalition."), by its topic alone ("Ama Boateng, Radio Access in Hospitals."), and by a run of words from
the middle of its topic ("the night nurses' coalition" of "… on Rural Night Nurses Online")."""

from __future__ import annotations

from forumlens.threads.actors import _family_body, _short_coalition
from forumlens.threads.bodies import unified_bodies
from forumlens.threads.link import actor_of
from forumlens.threads.models import Item


def test_in_before_a_plural_noun_stays_inside_a_titled_name():
    text = "I speak for the Dynamic Coalition on Radio Access in Hospitals since May."
    topic = "Radio Access in Hospitals"
    at = text.index(topic)
    assert _family_body(text) == ("Dynamic Coalition on Radio Access in Hospitals", at, at + len(topic))


def test_in_before_a_place_ends_the_name():
    found = _family_body("Dynamic Coalition on Radio Access in Nairobi this year")
    assert found is not None and found[0] == "Dynamic Coalition on Radio Access"
    found = _family_body("Dynamic Coalition on Radio Access in Athens")  # a plural-looking city the gazetteer knows
    assert found is not None and found[0] == "Dynamic Coalition on Radio Access"


def test_a_short_name_after_a_comma_needs_no_article():
    assert _short_coalition("Ama Boateng, hospitals coalition.") == ("Dynamic Coalition on Hospitals", 13, 22)
    assert _short_coalition("Ama Boateng, hospitals coalition.".replace("hospitals", "our")) is None
    assert _short_coalition("Thank you, and the whole coalition agrees.") is None


def _need(session: str, quote: str, org: str) -> Item:
    return Item(session, 1, quote, "need", org=org)


def test_a_body_said_by_its_topic_alone_or_by_words_inside_it_is_the_body():
    items = [
        _need("a", "Every ward should have a radio for patients.", "Dynamic Coalition on Rural Night Nurses Online"),
        _need("b", "Night nurses should be paid for the radio rounds.", "Dynamic Coalition on Night Nurses"),
        _need("c", "Patients must be able to call a night nurse by radio.", "Rural Night Nurses Online"),
    ]
    assert [actor_of(i) for i in unified_bodies(items)] == [
        "org:Dynamic Coalition on Rural Night Nurses Online",
        "org:Dynamic Coalition on Rural Night Nurses Online",
        "org:Dynamic Coalition on Rural Night Nurses Online",
    ]
    one_word = [items[0], _need("d", "Wards need radios.", "Dynamic Coalition on Nurses")]  # too little to tell
    assert [actor_of(i) for i in unified_bodies(one_word)][1] == "org:Dynamic Coalition on Nurses"
