"""An unmarked turn right after a hand-off said to one speaker by first name is that speaker's
(`resolve.handedturns`); anything else stays an unnamed voice. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.handedturns import handed_to
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nSHARM EL SHEIKH, 16 NOVEMBER 2009\nOPEN FORUM: SMALL ISLANDS\n\n"
PANEL = (
    ">> MODERATOR:  Welcome.  My name is Mereoni Vakacegu, I moderate from the table.  With us online is "
    "Tomasi Lalabalavu, from the Lau Islands Radio Trust.  Tomasi, we start with you.\n\n"
    ">> TOMASI LALABALAVU:  Thank you, Mereoni.  Our radio reaches nine islands.\n\n"
)


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def test_a_bare_turn_after_the_chair_unmutes_someone_is_theirs() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  Tomasi, I have unmuted you again, please go on.\n\n"
        ">> Hello?  Yes.  The second island has no power in the evening.\n\n"
        ">> MODERATOR:  Thank you all, the session is closed.\n"
    )
    assert people["Tomasi Lalabalavu"].lines == (7, 11)
    assert None not in people


def test_a_bare_turn_after_a_name_and_a_question_mark_is_theirs() -> None:
    people = _people(PANEL + ">> MODERATOR:  One last word.  Tomasi?\n\n>> Keep the radios on the air.\n")
    assert people["Tomasi Lalabalavu"].lines == (7, 11)


def test_a_bare_turn_that_thanks_the_one_called_stays_unnamed() -> None:
    # somebody answering Tomasi, not Tomasi: the captions do not say who
    people = _people(PANEL + ">> MODERATOR:  Tomasi, the last word.\n\n>> Thank you, Tomasi, we heard you.  Goodbye.\n")
    assert people["Tomasi Lalabalavu"].lines == (7,)
    assert people[None].lines == (11,)


def test_a_bare_turn_after_a_hand_off_in_an_earlier_sentence_stays_unnamed() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Tomasi, thank you.  Now the room, please.\n\n>> I am from Nadi, a question.\n"
    )
    assert people["Tomasi Lalabalavu"].lines == (7,)
    assert people[None].lines == (11,)


def test_handed_to_reads_the_last_sentence_only() -> None:
    assert handed_to("Thank you.  And Dorota, the last word goes to Kraków.") == "Dorota"
    assert handed_to("Kofi?") == "Kofi"
    assert handed_to("Kofi, thank you.  Now the room.") is None
    assert handed_to("Thank you, the last word.") is None
    assert handed_to("Yes, please.") is None


FLOOR = (
    ">> MODERATOR:  Thank you, Tomasi.  Now the room, the microphone is in the aisle.\n\n"
    ">> AUDIENCE:  Good afternoon.  Losana Tuilau, I serve on the Multistakeholder Advisory Group this year.  Who pays the radio?\n\n"
    ">> TOMASI LALABALAVU:  The churches, mostly.\n\n"
)


def test_a_floor_voice_called_back_by_first_name_joins_its_earlier_turn() -> None:
    people = _people(
        PANEL + FLOOR + ">> MODERATOR:  Thank you.  We have five minutes.  Losana, you had your hand up again?\n\n"
        ">> AUDIENCE:  Very short.  Speaking as a MAG member: the churches cannot pay for the power.\n"
    )
    assert people["Losana Tuilau"].lines == (11, 17)
    assert people["Losana Tuilau"].role == "participant"
    assert None not in people


def test_a_floor_voice_called_by_a_panellists_name_stays_unnamed() -> None:
    # a floor microphone is anyone's: a panellist is not taken to speak from it
    people = _people(
        PANEL + FLOOR + ">> MODERATOR:  Tomasi, anything to add?\n\n"
        ">> AUDIENCE:  Good afternoon.  I am a teacher from Levuka.  May I ask one thing?\n"
    )
    assert people["Tomasi Lalabalavu"].lines == (7, 13)
    assert people[None].lines == (17,)


def test_a_floor_voice_signing_off_with_the_name_called_takes_it() -> None:
    # the name comes at the end of a long turn, where a self-introduction is no longer looked for
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  Vilisi, you asked me for the floor before the session, please.\n\n"
        ">> PARTICIPANT:  Thank you, Mereoni.  A question for Tomasi, as a Fijian.  The radio on every island "
        "is a beautiful idea, but I remember that in 2004 the same idea was announced, with speeches and a "
        "ceremony, and then nothing happened.  Why should the people on the islands believe it this time?  "
        "What is different?  And if the answer is the donors, what happens when the donors leave?  I am asking "
        "because I will have to explain it to our readers tomorrow.  Vilisi Naivalu, from the Fiji Sun.\n"
    )
    assert people["Vilisi Naivalu"].lines == (11,)
    assert None not in people


def test_a_floor_voice_thanked_by_the_next_voice_takes_the_full_name_it_signed_off_with() -> None:
    # no hand-off names the floor voice; it signs off with its name past the turn's opening (where
    # self-introductions are read) and the chair thanks that name
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  The lady at the window, please.\n\n"
        ">> AUDIENCE:  Thank you very much.  I do research on how islanders listen to the radio.  "
        "I want to add one thing the panel did not say.  The batteries are the problem, not the "
        "transmitters, because a family buys one battery a month and keeps it for the phone, and the radio "
        "is the last thing that gets power when the money is short, so the warning comes to nobody.  Salote "
        "Fifita-Hausia, Tonga Radio Listeners Club.  Thank you.\n\n"
        ">> MODERATOR:  Thank you, Salote, a good point.  We close.\n"
    )
    assert people["Salote Fifita-Hausia"].lines == (11,)
    assert people["Salote Fifita-Hausia"].role == "participant"


def test_a_floor_voice_thanked_by_a_name_it_does_not_say_stays_unnamed() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  The lady at the window, please.\n\n"
        ">> AUDIENCE:  I want to add one thing about the batteries, as Salote Fifita-Hausia wrote.\n\n"
        ">> MODERATOR:  Thank you, Mele, a good point.  We close.\n"
    )
    assert "Salote Fifita-Hausia" not in people
    assert people[None].lines == (11,)


# Two people who share a given name: the one handed to says whose turn it is (issue 22, round 28's shape).
SHARED_GIVEN = (
    ">> MODERATOR:  Welcome.  My name is Mereoni Vakacegu.  Next to me is Tevita Fonua, from the Tonga "
    "Cable Users Group.  Tevita, you start, please.\n\n"
    ">> TEVITA FONUA:  Thank you, Mereoni.  Our cable was cut twice this year.\n\n"
    ">> MODERATOR:  Thank you, Tevita.  Now the other Tevita, who is online.  Tevita, please go ahead.\n\n"
    ">> Thank you.  Two of us with one name today.  The outer islands wait three weeks for a repair ship, "
    "and in those weeks the schools close their computer rooms, the clinics send their reports by boat, and "
    "the radio is the only thing that still works, so we read the news from the capital on the air every "
    "evening at seven, for everybody who has a battery.  I forgot to present myself, sorry.  "
    "I am Tevita Havili, I coordinate the Ha'apai Radio Network.\n\n"
    ">> MODERATOR:  Thank you both, the session is closed.\n"
)


def test_a_bare_turn_that_names_another_holder_of_the_called_given_name_is_a_new_person() -> None:
    people = _people(SHARED_GIVEN)
    assert people["Tevita Fonua"].lines == (7,)  # the panellist keeps only his own turn
    assert people["Tevita Havili"].lines == (11,)
    assert None not in people


def test_a_bare_turn_that_gives_the_called_holder_s_own_full_name_is_still_theirs() -> None:
    people = _people(SHARED_GIVEN.replace("I am Tevita Havili, I coordinate", "I am Tevita Fonua again, I coordinate"))
    assert people["Tevita Fonua"].lines == (7, 11)
    assert "Tevita Havili" not in people


NOBODY_HOLDS = (
    ">> MODERATOR:  Welcome.  My name is Mereoni Vakacegu.  With us online from Apia is a researcher of "
    "the island clinics.  Sefo, go ahead.\n\n"
    ">> Thank you, can you hear me?  The clinics share one satellite link, and it fails in every storm.\n\n"
    ">> MODERATOR:  Thank you, Sefo.  For the captioners, her full name is Sefo Leavasa-Tuilagi.  Sefo?\n\n"
    ">> Only one more thing, the storm season is also the season of the fevers.\n\n"
    ">> MODERATOR:  Thank you, the session is closed.\n"
)


def test_a_bare_voice_handed_the_floor_by_a_given_name_nobody_holds_takes_the_session_s_full_name() -> None:
    people = _people(NOBODY_HOLDS)
    assert people["Sefo Leavasa-Tuilagi"].lines == (7, 11)  # her second bare turn after "Sefo?" too
    assert None not in people


def test_a_bare_voice_only_spoken_to_by_that_name_is_not_given_the_session_s_full_name() -> None:
    # "Sefo, a good question …" speaks to Sefo; it does not give her the floor
    people = _people(NOBODY_HOLDS.replace("Sefo, go ahead.", "Sefo, a good question, I come back to it later."))
    assert people[None].lines == (7,)
    assert people["Sefo Leavasa-Tuilagi"].lines == (11,)  # "Sefo?" does give her the floor


def test_handed_to_reads_the_call_before_a_last_sentence_that_only_gives_the_floor() -> None:
    assert handed_to("Now we go online.  Tevita, can you hear us?  Please go ahead.") == "Tevita"
    assert handed_to("Thank you.  Please, Tevita, go ahead.") == "Tevita"
    # a last sentence that says more than the floor is read alone, as before
    assert handed_to("Tevita, can you hear us?  Please go ahead and tell us about the cable.") is None
    assert handed_to("Please go ahead.") is None


def test_a_bare_turn_after_a_call_then_go_ahead_is_the_one_called() -> None:
    people = _people(
        PANEL + ">> MODERATOR:  Thank you.  Tomasi, can you hear us?  Please go ahead.\n\n"
        ">> Yes, hello.  The second island has no power in the evening.\n\n"
        ">> MODERATOR:  Thank you all, the session is closed.\n"
    )
    assert people["Tomasi Lalabalavu"].lines == (7, 11)
    assert None not in people
