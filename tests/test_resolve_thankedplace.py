"""A voice thanked with the place it is in, not the host city, is online (resolve.thankedplace)."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

_OPENING = (
    "IGF 2017 - WS 21 - Libraries Online\nGeneva, 19 December 2017\n\n"
    ">> MODERATOR:  Good morning.  I am Clara Meier, and I chair this workshop.  Our first speaker is "
    "Amara Diallo, from the Bamako Reading Network.  Amara, please.\n\n"
    ">> AMARA DIALLO:  Thank you, Clara.  Our libraries lend phones as well as books.\n\n"
    ">> MODERATOR:  Thank you.  Next is Jonas Keller, from the Zurich Public Library.  Jonas.\n\n"
    ">> JONAS KELLER:  Thank you.  We teach older readers to use the e-book loans.\n\n"
)


def _modes(closing: str) -> dict[str | None, str | None]:
    text = _OPENING + closing
    return {p.name: p.mode for p in resolve_session(parse_transcript(text, source="t.txt")).people}


def test_a_voice_thanked_with_its_city_is_online():
    modes = _modes(">> MODERATOR:  Thank you very much to Jonas, to Amara in Bamako, and to the captioners.\n")
    assert modes["Amara Diallo"] == "online"
    assert modes["Jonas Keller"] is None


def test_the_host_city_or_a_room_of_the_venue_says_nothing_of_elsewhere():
    modes = _modes(">> MODERATOR:  Thank you very much to Jonas, to Amara in Geneva, and to everyone in Room F.\n")
    assert modes["Amara Diallo"] is None
    modes = _modes(">> MODERATOR:  Thank you, Jonas, and Amara in Room XII, for the good answers.\n")
    assert modes["Amara Diallo"] is None


def test_a_place_beside_a_name_outside_thanks_is_not_read_here():
    modes = _modes(">> MODERATOR:  Amara in Bamako runs twelve libraries, so she knows the numbers.\n")
    assert modes["Amara Diallo"] is None
