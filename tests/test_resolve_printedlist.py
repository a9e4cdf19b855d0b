"""A printed speaker list outside the turns gives a speaker's body (resolve.printedlist)."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.printedlist import printed_cards
from forumlens.transcript.parse import parse_transcript

_HEAD = (
    "INTERNET GOVERNANCE FORUM\n"
    "RIO DE JANEIRO, BRAZIL\n"
    "OPEN FORUM: RURAL TELEPHONY\n\n"
    "PANELLISTS (AS PRINTED):\n"
    "MS. TERESINHA VALADARES-BRUM, CHAIR, COOPERATIVA DE TELEFONIA DO SERTAO, BRAZIL (MODERATOR)\n"
    "MR. KOFI ANSAH-BOATENG, DIRECTOR, VOLTA VILLAGE RADIO NETWORK, GHANA\n"
    "DR. LINNEA HOLMSTRAND, SENIOR ADVISER, NORRLAND FIBRE TRUST, SWEDEN\n\n"
)


def _people(body: str) -> dict[str | None, str | None]:
    cast = resolve_session(parse_transcript(_HEAD + body, source="t.txt"))
    return {p.name: p.affiliation for p in cast.people}


def test_the_printed_list_is_the_only_source_of_a_speakers_body() -> None:
    body = (
        ">> MS. VALADARES-BRUM:  Good morning.  My name is Teresinha Valadares-Brum and I chair this "
        "forum.  Kofi Ansah-Boateng needs no introduction.  Kofi, please.\n\n"
        ">> MR. ANSAH-BOATENG:  Thank you, Teresinha.  Our group puts a radio in every village and the "
        "telephone comes after the radio.\n\n"
        ">> MS. VALADARES-BRUM:  Thank you, Kofi.\n"
    )
    people = _people(body)
    assert people["Kofi Ansah-Boateng"] == "Volta Village Radio Network"  # the country is where he is from


def test_a_listed_panellist_who_never_speaks_gives_nobody_a_body() -> None:
    body = (
        ">> MS. VALADARES-BRUM:  Good morning.  My name is Teresinha Valadares-Brum.  Linnea could not "
        "come.  Kofi, please.\n\n"
        ">> MR. ANSAH-BOATENG:  Thank you.  Our group puts a radio in every village.\n"
    )
    people = _people(body)
    assert "Linnea Holmstrand" not in people
    assert "Norrland Fibre Trust" not in people.values()


def test_only_lines_outside_the_turns_are_read_as_cards() -> None:
    text = _HEAD + ">> MS. VALADARES-BRUM:  Welcome.\nMR. PEDRO ALVES, DIRECTOR, SOMETHING ELSE, BRAZIL\n"
    turn_start = text.index(">> MS.")
    keys = [key for _, _, key, _ in printed_cards(text, ((turn_start, len(text)),))]
    assert "kofi ansah boateng" in keys
    assert "pedro alves" not in keys  # inside a turn: the speaker's words, not the printed list
    assert not any(len(key.split()) < 2 for key in keys)  # "RIO DE JANEIRO, BRAZIL" names nobody
