"""Who's-who defects a new user met on sessions of their own, second walk (issue 22), each
checked where it must apply and where it must not.

Inputs are written for this file (invented people and bodies). A coalition's session: a chair
who says she chairs the coalition owns the coalition her welcome names, so the first (remote)
voice after her does not take it by position, while a member who says "I have been part of
this coalition" still speaks for it, and without the chair's statement the first voice keeps
it. A chair's "NAME from ORG" names the body of the person introduced also when ORG is an
acronym with a word before the capitals ("the NordSSIG") or a lower-case ministry of a country
("the ministry of digital economy in Jordan"). A chair's collective "our Dynamic Coalition" in a
welcome does not outweigh her own "I lead the X School"; "I'm N, the coordinator of our
coalition" still makes the coalition hers. A voice labelled by a first name alone (">> WANGARI:")
is the one full name the session says with it ("Our first speaker is Wangari Kimotho-Njeru"),
and stays as labelled when the session says two.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session, voice
from forumlens.resolve.orgwords import ACRONYM
from forumlens.resolve.selfnames import full_name_said
from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2019 Berlin\nNovember 27, 2019 - 15:00\nDynamic Coalition on Community Connectivity\n\n"

Row = tuple[str, str | None, str | None]


def _cast(body: str) -> dict[str | None, Row]:
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    return {p.name or p.labels[0]: (p.role, p.affiliation, p.mode) for p in cast.people}


def _session(chair_intro: str) -> str:
    return f"""\
>> HALDIS VIK:  Good afternoon and welcome to the session of the Dynamic Coalition on Community Connectivity.  {chair_intro}  We have speakers here in the room and one speaker joining us remotely.

>> HALDIS VIK:  Our first remote speaker is Ilse Varga-Torok.  Ilse, can you hear us?

>> ILSE VARGA-TOROK:  Yes, I can hear you.  I am joining online from Graz.  Small networks need spectrum that they can afford.

>> HALDIS VIK:  Thank you, Ilse.  Next, in the room, Bruno Tavares-Lemos.

>> BRUNO TAVARES-LEMOS:  Thank you.  I have been part of this coalition since 2015.  Our members built forty village networks last year.

>> HALDIS VIK:  Thank you all.  The session is closed.
"""


def test_a_chair_who_chairs_the_coalition_owns_it_not_the_first_remote_voice() -> None:
    cast = _cast(_session("I am Haldis Vik, the chair of the coalition, and I will moderate today."))
    assert cast["Haldis Vik"] == ("moderator", "DC on Community Connectivity", "onsite")
    role, affiliation, mode = cast["Ilse Varga-Torok"]
    assert affiliation != "DC on Community Connectivity" and role != "dc-representative"
    assert mode == "online"
    # a member saying so of herself keeps the coalition
    assert cast["Bruno Tavares-Lemos"][:2] == ("dc-representative", "DC on Community Connectivity")


def test_without_the_chairs_own_statement_the_first_voice_still_presents_the_coalition() -> None:
    cast = _cast(_session("I will moderate today."))
    assert cast["Ilse Varga-Torok"][:2] == ("dc-representative", "DC on Community Connectivity")


def test_a_member_of_this_coalition_in_the_first_person_singular_owns_it() -> None:
    assert voice.owns("I have been part of this coalition since 2015.")
    assert voice.owns("I am an active member of the coalition.")
    assert not voice.owns("I am not a member of this coalition.")
    assert not voice.owns("I would recommend that the coalition publishes more.")


INTRODUCED = """\
>> HALDIS VIK:  Welcome.  I will moderate today.  Now in the room, Petra Lindqvist from the NordSSIG.

>> PETRA LINDQVIST:  Thank you.  Users do not read labels.

>> HALDIS VIK:  Thank you, Petra.  A question from the floor.

>> PARTICIPANT:  Thank you.  My name is Omar Haddad-Saleh from the ministry of digital economy in Jordan.  Will the paper be translated?

>> HALDIS VIK:  Yes, it will.  Thank you all.
"""


def test_a_chairs_name_from_acronym_or_a_ministry_of_a_country_is_the_affiliation() -> None:
    cast = _cast(INTRODUCED)
    assert cast["Petra Lindqvist"][1] == "NordSSIG"
    assert cast["Omar Haddad-Saleh"][1] == "ministry of digital economy in Jordan"


def test_an_acronym_may_open_with_a_word_but_a_name_with_one_inner_capital_is_none() -> None:
    assert ACRONYM.fullmatch("NordSSIG") and ACRONYM.fullmatch("AfriNIC")
    assert not ACRONYM.fullmatch("McDonald") and not ACRONYM.fullmatch("DiCaprio")
    assert not ACRONYM.fullmatch("Graz")


def _led(intro: str) -> str:
    return f"""\
>> SIGRUN HOLTE:  Good morning, everyone, welcome to the annual meeting of DC-SIG, our Dynamic Coalition on Schools of Internet Governance.  {intro}

>> SIGRUN HOLTE:  First, Mateus, please.

>> MATEUS OLIVEIRA-BRANDAO:  Thank you, Sigrun.  Our school trained two hundred teachers this year.

>> SIGRUN HOLTE:  Thank you, Mateus.  Good morning.
"""


def test_a_chairs_own_i_lead_x_beats_her_collective_our_coalition() -> None:
    cast = _cast(
        _led(
            "I'm Sigrun Holte, I lead the Fjordane School of Internet Governance, one of the schools in the coalition, and I will moderate today."
        )
    )
    assert cast["Sigrun Holte"][:2] == ("moderator", "Fjordane School of Internet Governance")


def test_a_chair_who_coordinates_the_coalition_keeps_it() -> None:
    cast = _cast(_led("I'm Sigrun Holte, the coordinator of our coalition, and I will moderate today."))
    assert cast["Sigrun Holte"][:2] == ("moderator", "DC on Schools of Internet Governance")


FIRST_NAME_LABEL = """\
>> MODERATOR:  Good morning.  I am Haldis Vik, and I moderate this workshop.  Our first speaker is {named}, from a community radio network.

>> WANGARI:  Thank you.  Community radios need their archives online.

>> MODERATOR:  Thank you, Wangari.  Any questions?

>> PARTICIPANT:  Thank you.  My name is Tobias Lindgren-Ek.  Wangari, who pays for the servers?

>> WANGARI:  We do, with small grants.

>> MODERATOR:  Thank you all.
"""


def test_a_first_name_label_is_the_one_full_name_the_session_says_with_it() -> None:
    cast = _cast(FIRST_NAME_LABEL.format(named="Wangari Kimotho-Njeru"))
    assert "Wangari Kimotho-Njeru" in cast and "Wangari" not in cast
    assert cast["Wangari Kimotho-Njeru"][0] == "guest"


def test_a_first_name_label_said_with_two_surnames_stays_as_labelled() -> None:
    cast = _cast(FIRST_NAME_LABEL.format(named="Wangari Kimotho-Njeru and Wangari Odhiambo-Atieno"))
    assert "Wangari" in cast and "Wangari Kimotho-Njeru" not in cast


def test_full_name_said_is_the_unique_full_name_opening_with_a_first_name() -> None:
    turns = parse_transcript(HEADER + FIRST_NAME_LABEL.format(named="Wangari Kimotho-Njeru"), source="t.txt").turns
    assert full_name_said("Wangari", turns) == "Wangari Kimotho-Njeru"
    assert full_name_said("Haldis", turns) == "Haldis Vik"
    assert full_name_said("Tobias Lindgren-Ek", turns) is None  # not a first name alone
    assert full_name_said("Amina", turns) is None  # never said in full
