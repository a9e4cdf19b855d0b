"""The object of a need (`threads/objects.py`): the frame of the ask set aside, acronyms read as their words."""

from __future__ import annotations

from forumlens.threads.objects import acronyms, object_of, object_similarity


def test_object_is_what_follows_the_frame() -> None:
    quote = "Three years we keep saying it, since our statement in Geneva: public money for small radio stations"
    assert object_of(quote) == "public money for small radio stations"
    assert object_of("Libraries should get free broadband for their reading rooms.").strip() == (
        "get free broadband for their reading rooms"
    )
    # the object ends where the reason begins
    assert object_of("We need funding so rural operators can buy radios.").strip() == "funding"
    # too little after the cue: the whole quote is the object
    assert object_of("We need it.") == "We need it"


def test_acronym_matches_the_words_it_stands_for() -> None:
    assert "dns" in acronyms("keep away from the domain name system")
    spelled = object_similarity(
        "States should stop filtering at the DNS level.",
        "Governments should not tamper with the domain name system to filter content.",
    )
    unspelled = object_similarity(
        "States should stop filtering at the DNS level.",
        "Governments should not tamper with the routing tables to filter content.",
    )
    assert spelled > unspelled > 0.0


def test_different_objects_share_nothing() -> None:
    assert object_similarity("We ask for travel grants for youth.", "Captions must be in every room.") == 0.0
    travel = "We need funding and grants for the travel of youth delegates."
    servers = "We need funding and grants for servers that host our archive."
    assert object_similarity(travel, servers) > 0.5  # both money…
    assert object_similarity(travel, servers, ["funding"]) == 0.0  # …and nothing else once the category is aside
