"""Who's-who defects a new user met on sessions of their own (issue 22), each checked where it
must apply and where it must not.

Inputs are written for this file (invented people and bodies). A voice under a remote hub's
label that says who she is becomes a person (a participant, online, with her own organisation),
and the hub keeps its other turns; a hub heard only through one named voice, or through its
moderator, stays the hub. A "we" that asks about a coalition ("who should we contact at the
coalition?") stands outside it: a floor voice is not made the coalition's representative by
its own question. A youth or national IGF said with "in"/"of" its country ("from the youth IGF
in Chile") is that national initiative, an organisation like any other. A chair's hand-off
("First, Rafael …, connecting from Cusco.") places the one handed to, not the chair; a floor voice
saying "I am Wanjiru from …" is Wanjiru.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session, voice
from forumlens.resolve.mentions import find_mentions
from forumlens.resolve.orgs import looks_org
from forumlens.resolve.registry import load_registry
from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2019 Berlin\nNovember 27, 2019 - 15:00\nDC on Community Connectivity\n\n"

Row = tuple[str, str | None, str | None, tuple[int, ...]]


def _cast(body: str) -> dict[str | None, Row]:
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    return {p.name or p.labels[0]: (p.role, p.affiliation, p.mode, p.lines) for p in cast.people}


HUB_TWO_VOICES = """\
>> ODILE MARCHETTI-SOW:  Good afternoon.  My name is Odile Marchetti-Sow, I chair this session.  A remote hub in Lusaka joins us.

>> ODILE MARCHETTI-SOW:  Let us go to Lusaka.  Can you hear us?

>> LUSAKA REMOTE HUB:  Yes, we hear you.  We are thirty people at the library.  My name is Chipo Banda-Mulenga from the Copperbelt Mesh Collective.  How do small networks pay for backhaul?

>> ODILE MARCHETTI-SOW:  Thank you, Chipo.  Lusaka, anything else?

>> LUSAKA REMOTE HUB:  Sorry, the line dropped.  We would like the slides sent to the hub, please.

>> ODILE MARCHETTI-SOW:  We will send them.  Thank you all.
"""


def test_a_named_voice_under_a_hub_label_is_a_person_and_the_hub_keeps_the_rest() -> None:
    cast = _cast(HUB_TWO_VOICES)
    role, affiliation, mode, lines = cast["Chipo Banda-Mulenga"]
    assert (role, affiliation, mode) == ("participant", "Copperbelt Mesh Collective", "online")
    assert lines == (9,)
    hub = next(row for name, row in cast.items() if name and "Hub" in name)
    assert hub[0] == "remote-hub" and hub[1] is None and hub[3] == (13,)


HUB_ONE_VOICE = """\
>> ODILE MARCHETTI-SOW:  Good afternoon.  My name is Odile Marchetti-Sow, I chair this session.  A remote hub in Lusaka joins us.

>> LUSAKA REMOTE HUB:  Hello from Lusaka.  My name is Chipo Banda-Mulenga and I coordinate the Zambia IGF.  We are thirty people here.  How do small networks pay for backhaul?

>> ODILE MARCHETTI-SOW:  Thank you, Lusaka.
"""

HUB_MODERATOR = """\
>> ODILE MARCHETTI-SOW:  Good afternoon.  My name is Odile Marchetti-Sow, I chair this session.  A remote hub in Lusaka joins us.

>> LUSAKA HUB:  Hello.  I am Chipo Banda-Mulenga, I am moderating the hub here today.  We have thirty people.

>> ODILE MARCHETTI-SOW:  Thank you, Lusaka.  Your question?

>> LUSAKA HUB:  How do small networks pay for backhaul?
"""


def test_a_hub_heard_only_through_one_named_voice_or_its_moderator_stays_the_hub() -> None:
    for body in (HUB_ONE_VOICE, HUB_MODERATOR):
        cast = _cast(body)
        assert "Chipo Banda-Mulenga" not in cast
        hubs = [row for name, row in cast.items() if name and "Hub" in name]
        assert len(hubs) == 1 and hubs[0][0] == "remote-hub" and hubs[0][2] == "online"


ASKED_COALITION = """\
>> ODILE MARCHETTI-SOW:  Good afternoon.  My name is Odile Marchetti-Sow, I coordinate the Dynamic Coalition on Community Connectivity.  Questions from the room?  Yes, the gentleman at the back.

>> AUDIENCE:  Thank you.  My name is Rui Tavares-Lobo, I am from a university in Portugal.  Will the coalition write a guide for towns?  And who should we contact at the coalition?

>> ODILE MARCHETTI-SOW:  We will come back to that.
"""


def test_a_floor_voice_asking_whom_to_contact_at_the_coalition_does_not_represent_it() -> None:
    role, affiliation, _, _ = _cast(ASKED_COALITION)["Rui Tavares-Lobo"]
    assert role == "participant" and affiliation is None


def test_a_we_that_asks_about_a_coalition_stands_outside_it_but_our_coalition_is_owned() -> None:
    assert not voice.owns("And who should we contact at the coalition?")
    assert not voice.owns("Is the coalition open to us?")
    assert voice.owns("How can our coalition reach more towns?")
    assert voice.owns("We started the coalition in 2015.")


def test_a_named_coalition_in_a_we_question_is_not_spoken_for_unless_ours() -> None:
    registry = load_registry()
    for sentence, owned in (
        ("Who should we contact at the Dynamic Coalition on Community Connectivity?", False),
        ("Can I apply as a member of the Dynamic Coalition on Community Connectivity?", True),
        ("Will our Dynamic Coalition on Community Connectivity meet in June?", True),
        ("We in the Dynamic Coalition on Community Connectivity wrote a guide.", True),
    ):
        (mention,) = [m for m in find_mentions(sentence, registry=registry) if m.kind == "dc"]
        assert voice.speaks_for(sentence, 0, len(sentence), mention) is owned, sentence


YOUTH_NRI = """\
>> ODILE MARCHETTI-SOW:  Good afternoon.  My name is Odile Marchetti-Sow, I chair this session.  Questions?  Yes, please.

>> AUDIENCE:  Hello, I am Inés Valdivia-Rocha from the youth IGF in Peru.  Who pays for the fibre?

>> ODILE MARCHETTI-SOW:  Thank you.  Another question?

>> AUDIENCE:  Yes, I am Kofi Mensah-Boateng, I chair the national IGF in Ghana.  Is spectrum the barrier?

>> ODILE MARCHETTI-SOW:  The IGF in Brazil discussed it in 2015.  Thank you both.
"""


def test_a_youth_or_national_igf_in_a_country_is_that_countrys_initiative() -> None:
    cast = _cast(YOUTH_NRI)
    assert cast["Inés Valdivia-Rocha"][1] == "Youth IGF Peru"
    assert cast["Kofi Mensah-Boateng"][1] == "Ghanaian Internet Governance Forum"
    # the global IGF held in a country is no national initiative
    assert cast["Odile Marchetti-Sow"][1] is None


ASKED_NAMED_COALITION = """\
>> ODILE MARCHETTI-SOW:  Good afternoon.  My name is Odile Marchetti-Sow, I chair this session.  Questions from the room?  Yes, the gentleman at the back.

>> AUDIENCE:  Thank you.  My name is Rui Tavares-Lobo, I am from a university in Portugal.  And who should we contact at the Dynamic Coalition on Community Connectivity?

>> ODILE MARCHETTI-SOW:  We will come back to that.

>> AUDIENCE:  Thank you.  My name is Ana Beatriz Lemos.  We in the Dynamic Coalition on Community Connectivity wrote a guide for towns.  Is it online?
"""


def test_a_coalition_named_only_in_ones_own_question_is_no_affiliation() -> None:
    cast = _cast(ASKED_NAMED_COALITION)
    assert cast["Rui Tavares-Lobo"][:2] == ("participant", None)
    # said as a statement, the same coalition is hers
    assert cast["Ana Beatriz Lemos"][:2] == ("dc-representative", "DC on Community Connectivity")


def test_portuguese_and_italian_universities_are_bodies() -> None:
    assert looks_org("Universidade Federal de Pernambuco")
    assert looks_org("Università di Bologna")


# The session met in Berlin in 2019 (HEADER): "here in Berlin" is the room.
CHAIR_HANDS_TO_ONLINE = """\
>> MODERATOR:  Good morning.  I am Odile Marchetti-Sow and I chair this session.  We have panelists here in Berlin and online.

>> ODILE MARCHETTI-SOW:  First, Rafael Quispe-Huamán of the Andean Mesh Cooperative, connecting from Cusco.

>> RAFAEL QUISPE-HUAMÁN:  Thank you.  Our cooperative links forty villages with shared towers.

>> ODILE MARCHETTI-SOW:  Thank you, Rafael.  We have a question.

>> AUDIENCE:  Thank you, I am Wanjiru from the Nyeri Youth Radio Club.  Who pays for the towers?

>> RAFAEL QUISPE-HUAMÁN:  The villages do, with a small monthly fee.
"""


def test_a_chairs_hand_off_places_the_person_handed_to_and_not_the_chair() -> None:
    """Issue 22: "First, Rafael …, connecting from Cusco." is said of Rafael; the chair, "here in
    Berlin" where the session met, is in the room (before, the two cues tied and left no mode)."""
    cast = _cast(CHAIR_HANDS_TO_ONLINE)
    assert cast["Odile Marchetti-Sow"][0] == "moderator"
    assert cast["Odile Marchetti-Sow"][2] == "onsite"
    assert cast["Rafael Quispe-Huamán"][2] == "online"


def test_a_chair_speaking_of_themselves_after_a_name_still_counts() -> None:
    """The first person after the name is the chair's own: "Rafael, I am connecting from Cusco too"."""
    body = CHAIR_HANDS_TO_ONLINE.replace(
        "We have panelists here in Berlin and online.", "We have panelists in two places."
    ).replace("connecting from Cusco.", "and I am connecting from Cusco too.")
    assert _cast(body)["Odile Marchetti-Sow"][2] == "online"


def test_a_floor_voice_saying_i_am_and_a_single_name_from_a_body_is_named() -> None:
    """Issue 22: "I am Wanjiru from the Nyeri Youth Radio Club" names the floor voice (it was
    "(unnamed)" in speaking time and on the session page)."""
    cast = _cast(CHAIR_HANDS_TO_ONLINE)
    assert cast["Wanjiru"][:2] == ("participant", "Nyeri Youth Radio Club")
    assert cast["Wanjiru"][3] == (13,)  # body line 9, after the four-line header
