"""Shapes round 18 showed, written as invented examples: shared floor and platform labels told
apart by self-introductions, a voice back at another microphone, a room microphone's label, and
a body's name in another language glossed in English (resolve: people, selfnames, roles, orgnames)."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cues import DECLINED_NAME, ROOM_MICROPHONE
from forumlens.resolve.orgnames import proper_run
from forumlens.transcript.parse import parse_transcript

_HEAD = "IGF 2019 Berlin - WS 77 - Village libraries and the post office\n\n"


def _cast(body: str) -> dict[str | None, tuple[str | None, str | None]]:
    cast = resolve_session(parse_transcript(_HEAD + body, source="t.txt"))
    return {p.name: (p.affiliation, p.mode) for p in cast.people}


def test_a_one_word_floor_label_is_every_askers_label_split_by_their_names() -> None:
    body = (
        ">> MS. HALVORSEN:  Good afternoon, I am Brita Halvorsen and I chair.  The floor, please.\n\n"
        ">> QUESTIONER:  Thank you.  I am Sofia Lindqvist-Aho, I work for the Tornedalen Reading Circle.  "
        "How do you pay for the van?\n\n"
        ">> MS. HALVORSEN:  The municipality pays.  Next, the gentleman at the back.\n\n"
        ">> QUESTIONER:  Thank you.  My name is not important, I work for an operator.  Who owns the mast?\n\n"
        ">> MS. HALVORSEN:  The village does.  One more.\n\n"
        ">> QUESTIONER:  Good afternoon.  I am Teodor Wrzesniewski-Kiel, from the Kashubian Post Society.  "
        "A short comment only.\n"
    )
    people = _cast(body)
    # "Sofia" is also a capital city: a full name opening with it is still a name
    assert "Sofia Lindqvist-Aho" in people and "Teodor Wrzesniewski-Kiel" in people
    assert "Questioner" not in people
    assert None in people  # the voice that kept its name is a person of its own, unnamed
    assert people[None][0] is None


def test_a_platform_label_is_the_room_account_of_several_remote_voices() -> None:
    body = (
        ">> FACILITATOR:  Good morning.  My name is Ines Carvalho-Reis and I facilitate.  Online now.\n\n"
        ">> WEBEX:  Hello, can you hear me?  My name is Pania Rewiti-Hohaia, I coordinate the Te Tai "
        "Tokerau Library Trust.  We lend tablets.\n\n"
        ">> FACILITATOR:  Thank you, Pania.  Another voice online.\n\n"
        ">> WEBEX:  Good evening from Suva.  I am Josaia Vakatawa-Rokotuibau, from the Lau Islands "
        "Radio Club.  We use the radio.\n"
    )
    people = _cast(body)
    assert {"Pania Rewiti-Hohaia", "Josaia Vakatawa-Rokotuibau"} <= set(people)
    assert "Webex" not in people
    assert people["Pania Rewiti-Hohaia"][1] == "online"


def test_a_voice_back_at_another_microphone_tags_itself_by_its_first_name() -> None:
    body = (
        ">> FACILITATOR:  Good morning.  My name is Ines Carvalho-Reis and I facilitate.  The floor.\n\n"
        ">> MICROPHONE 1:  Good morning.  My name is Kwabena Asiedu-Frimpong, I am a postmaster in "
        "Ho.  We sell airtime.\n\n"
        ">> FACILITATOR:  Thank you.  Microphone two.\n\n"
        ">> MICROPHONE 2:  Hello.  I am Marketa Dvorakova-Hlavata, from the Moravian Library Union.  "
        "We open on Sundays.\n\n"
        ">> FACILITATOR:  Thank you.  Microphone two again.\n\n"
        ">> MICROPHONE 2:  Yes, it is Kwabena again, I moved to this microphone.  One more point on "
        "airtime.\n"
    )
    by_name = {p.name: p for p in resolve_session(parse_transcript(_HEAD + body, source="t.txt")).people}
    kwabena, marketa = by_name["Kwabena Asiedu-Frimpong"], by_name["Marketa Dvorakova-Hlavata"]
    last_turn_line = (_HEAD + body).count("\n", 0, (_HEAD + body).rindex(">> MICROPHONE 2")) + 1
    assert last_turn_line in kwabena.lines and last_turn_line not in marketa.lines
    # a room microphone's label places its voices in the room
    assert kwabena.mode == "onsite" and marketa.mode == "onsite"


def test_room_microphones_and_declined_names_as_the_cues_read_them() -> None:
    assert ROOM_MICROPHONE.fullmatch("MICROPHONE 2") and ROOM_MICROPHONE.fullmatch("Floor mic 3")
    assert ROOM_MICROPHONE.fullmatch("Remote mic") is None and ROOM_MICROPHONE.fullmatch("Mickey") is None
    assert DECLINED_NAME.search("I would rather not give my name, I work for a state company")
    assert DECLINED_NAME.search("My name is Leila, I work for a state company") is None


def test_a_body_glossed_in_english_is_read_whole_in_its_own_language() -> None:
    text = "Association des maires ruraux du Fouta, the association of the rural mayors"
    assert proper_run(text, 0, len(text)) == (38, ["Association", "des", "maires", "ruraux", "du", "Fouta"])
    text = "Nordfjord bibliotekssamarbeid, which is the cooperation of six libraries"
    assert proper_run(text, 0, len(text)) == (29, ["Nordfjord", "bibliotekssamarbeid"])
    # read the same when the caller's clause ends at the comma before the gloss
    assert proper_run(text, 0, text.index(",")) == (29, ["Nordfjord", "bibliotekssamarbeid"])
    text = "I am sorry, the power went out"  # an English sentence before a comma is no name
    assert proper_run(text, 0, len(text)) != (10, ["I", "am", "sorry"])
