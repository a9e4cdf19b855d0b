"""One body under its acronym, its qualifier and a third party's word for it (issue 20): "DC-SFO" is the one body
whose initials it is (`actors.body_aliases`), "the Malawi IGF" is the Malawian Internet Governance Forum speaking of
itself (`actors.body_pattern`), and a rapporteur restating "the farmers' coalition"'s ask gives the ask to that
coalition (`restated.restated_asks`)."""

from __future__ import annotations

from dataclasses import replace

from forumlens.threads.actors import body_aliases, body_pattern
from forumlens.threads.models import Item
from forumlens.threads.restated import restated_asks

FULL = "Dynamic Coalition on Remote Fishing Villages"


def test_an_acronym_alone_is_the_one_body_of_its_initials():
    names = {FULL, "DC-RFV", "DCRFV", "the R.F.V.", "IFAD"}
    aliases = body_aliases(names)
    assert aliases == {"DC-RFV": FULL, "DCRFV": FULL, "the R.F.V.": FULL}


def test_an_acronym_two_bodies_share_names_neither():
    names = {FULL, "Dynamic Coalition on Rural Fibre Ventures", "DC-RFV"}
    assert "DC-RFV" not in body_aliases(names)


def test_a_body_by_its_qualifier_and_its_heads_initials():
    own = body_pattern("Malawian Internet Governance Forum")
    assert own is not None and own.search("And the Malawi IGF will hold a session next year.")
    assert not own.search("At the Kyoto IGF we said it.")  # another qualifier: a meeting, not this body


def _need(quote: str, *, coalition: str | None = None, speaker: str = "Ana Ruiz") -> Item:
    return Item(session="s", line=1, quote=quote, signal="need", speaker=speaker, coalition=coalition)


def test_a_rapporteurs_restated_ask_is_the_coalitions_it_names():
    said = _need("Every village should get the fish prices by radio.", coalition=FULL, speaker="Tala Fifita")
    other = _need("Every school should have a library.", coalition="Dynamic Coalition on School Libraries")
    told = _need("The fishing coalition put its old ask again: the prices, by radio, every morning.")
    lead = _need("On libraries, they said again that every school needs one.")
    out = restated_asks([said, other, told, lead])
    assert out[2] == replace(told, coalition=FULL)
    assert out[3] == replace(lead, coalition="Dynamic Coalition on School Libraries")


def test_a_word_no_body_or_two_bodies_have_leaves_the_ask_alone():
    a = _need("Connect the islands.", coalition=FULL)
    b = _need("Connect the schools.", coalition="Dynamic Coalition on Village Schools")
    vague = _need("The village coalition asked again for cheaper data.")  # "village": both topics hold it
    unknown = _need("The farmers' coalition asked again for cheaper data.")  # no body's topic holds it
    out = restated_asks([a, b, vague, unknown])
    assert out[2] == vague and out[3] == unknown
