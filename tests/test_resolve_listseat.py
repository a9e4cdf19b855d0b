"""A seat said once after a list of panellists holds for each name of the list (resolve.listseat)."""

from __future__ import annotations

from forumlens.resolve import listseat, resolve_session
from forumlens.transcript.parse import parse_transcript


def test_only_a_join_or_a_short_body_joins_a_list():
    assert listseat.joins_list(" and ")
    assert listseat.joins_list(", and Dr. ")
    assert listseat.joins_list(", from the Lab in Lyon, and ")
    assert not listseat.joins_list(", who is online, and ")  # the first one's own place
    assert not listseat.joins_list(" says that ")
    assert not listseat.joins_list(", ")


def test_the_words_after_the_last_name_hold_for_the_list_only_when_glued_or_plural():
    assert listseat.shared_tail(" here next to me") == (0, 1)
    assert listseat.shared_tail(" online, and to the interpreters") == (1, 0)
    assert listseat.shared_tail(", from the Lab in Lyon, both here at the table.") == (0, 1)
    assert listseat.shared_tail(", all three on Zoom") == (1, 0)
    assert listseat.shared_tail(", who is here next to me") == (0, 0)  # said of the last one
    assert listseat.shared_tail(" runs a library") == (0, 0)


_OPENING = (
    "IGF 2019 - WS 40 - Village Networks\nBerlin, 27 November 2019\n\n"
    ">> MODERATOR:  Good morning.  I am Clara Meier, and I chair this workshop.  {panel}  "
    "Amara, please.\n\n"
    ">> AMARA DIALLO:  Thank you, Clara.  Our village network lends phones as well as books.\n\n"
    ">> MODERATOR:  Thank you.  Jonas.\n\n"
    ">> JONAS KELLER:  Thank you.  We teach older users to use the e-book loans.\n\n"
)


def _modes(panel: str) -> dict[str | None, str | None]:
    text = _OPENING.format(panel=panel)
    return {p.name: p.mode for p in resolve_session(parse_transcript(text, source="t.txt")).people}


def test_a_seat_after_the_list_places_every_name_of_it():
    modes = _modes("Our speakers are Amara Diallo and Jonas Keller here next to me.")
    assert modes["Amara Diallo"] == "onsite"
    assert modes["Jonas Keller"] == "onsite"
    modes = _modes(
        "Our speakers are Amara Diallo, from the Bamako Reading Network, and Jonas Keller, "
        "from the Zurich Public Library, both with us on Zoom."
    )
    assert modes["Amara Diallo"] == "online"
    assert modes["Jonas Keller"] == "online"


def test_a_seat_said_of_the_last_name_alone_is_not_the_lists():
    modes = _modes("Our speakers are Amara Diallo and Jonas Keller, who is here next to me.")
    assert modes["Amara Diallo"] is None
    assert modes["Jonas Keller"] == "onsite"
    # the first one's own place stops the list: the seat after Jonas is not hers
    modes = _modes("Our speakers are Amara Diallo, who joins us online, and Jonas Keller here next to me.")
    assert modes["Amara Diallo"] == "online"
