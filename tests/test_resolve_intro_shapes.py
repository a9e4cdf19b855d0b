"""Who's who from the structure of what is said (issue 22, stop 19): an organisation named with
the kind of body it is ("…, it is a weekly paper", "I run a small NGO, X"), a name with "in"
inside it, a list of name cards read out under one "here with me", a chair's hand-off that
opens a question after a closed "Thank you.", the floor opened by "take the room", positions
in the room, a remote moderator "following the online room from <city>", and floor voices that
greet the room as new people.

Sessions are written for this file (invented people and bodies) in shapes other than the
development sessions' wording where possible."""

from __future__ import annotations

import pytest

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Cast, Person
from forumlens.transcript.parse import parse_transcript


def _cast(text: str) -> Cast:
    return resolve_session(parse_transcript(text))


def _person(cast: Cast, name: str) -> Person:
    return next(p for p in cast.people if p.name == name)


def test_an_organisation_shown_by_the_kind_of_body_it_is() -> None:
    cast = _cast(
        ">> HANNA VIRTANEN:  Welcome.  I will moderate.  Let us open the floor.\n\n"
        ">> TOMASZ KOWAL:  Good morning.  I write for Gazeta Nadmorska, it is a weekly paper in Gdynia.  "
        "My question is about the fibre.\n\n"
        ">> HANNA VIRTANEN:  Thank you.  The lady in the front row.\n\n"
        ">> GRACE ACHIENG:  Hello, thank you.  I run a small NGO, Lakeside Youth Media Trust, and we train reporters.  "
        "I read that the World Bank funds the fibre.  Is it true?\n"
    )
    assert _person(cast, "Tomasz Kowal").affiliation == "Gazeta Nadmorska"
    grace = _person(cast, "Grace Achieng")
    assert grace.affiliation == "Lakeside Youth Media Trust"  # the World Bank is only mentioned


def test_a_name_with_in_inside_it_ends_at_its_body_word() -> None:
    cast = _cast(
        ">> MODERATOR:  Our remote participant is Efua Mensah, she is with the Accra Girls in Science Network.  "
        "Efua, please.\n\n"
        ">> EFUA MENSAH:  Thank you.  We run coding clubs.\n"
    )
    assert _person(cast, "Efua Mensah").affiliation == "Accra Girls in Science Network"


def test_positions_in_the_room_and_a_list_of_cards_under_one_here_with_me() -> None:
    cast = _cast(
        ">> SOFIA ROSSI:  Good morning.  I will moderate this workshop.  On my right, Jonas Berg, from Nordlink.  "
        "Next to him, Layla Haddad, a researcher at the Cedar Policy Lab.  The remote moderator is Kofi Mensah, "
        "who is following the online room from Kumasi.  Jonas, please.\n\n"
        ">> JONAS BERG:  Thank you.  The costs are the poles.\n\n"
        ">> SOFIA ROSSI:  Layla?\n\n"
        ">> LAYLA HADDAD:  Thank you.  The rules are old.\n\n"
        ">> KOFI MENSAH:  No hands online yet.\n"
    )
    assert _person(cast, "Jonas Berg").mode == "onsite"
    assert _person(cast, "Layla Haddad").mode == "onsite"
    assert _person(cast, "Kofi Mensah").mode == "online"


def test_following_the_online_side_from_the_back_of_the_room_is_on_site() -> None:
    cast = _cast(
        ">> SOFIA ROSSI:  I will moderate, with Kofi Mensah, who is following the online participation from the "
        "back of the room.\n\n"
        ">> KOFI MENSAH:  Yes, no questions online yet.\n"
    )
    assert _person(cast, "Kofi Mensah").mode == "onsite"


def test_name_cards_read_as_a_list_share_the_words_before_the_list() -> None:
    cast = _cast(
        ">> IRENE WALSH:  Welcome, I am moderating.  On the stage with me: Arjun Mehta, Sahyadri Telecom, and "
        "Beatriz Lima, from the Ministry of Science and Innovation.  Arjun, please.\n\n"
        ">> ARJUN MEHTA:  Thank you.  Rural towers cost more.\n\n"
        ">> IRENE WALSH:  Thank you.  Beatriz, the ministry view?\n\n"
        ">> BEATRIZ LIMA:  We subsidise the towers.\n"
    )
    beatriz = _person(cast, "Beatriz Lima")
    assert beatriz.mode == "onsite"
    assert beatriz.role == "guest"  # "Thank you.  Beatriz, …?" hands her the floor
    assert beatriz.affiliation == "Ministry of Science and Innovation"


def test_after_the_chair_takes_the_room_a_named_voice_is_from_the_floor() -> None:
    cast = _cast(
        ">> IRENE WALSH:  Welcome, I am moderating.  Arjun Mehta is our speaker.  Arjun?\n\n"
        ">> ARJUN MEHTA:  Thank you.  Rural towers cost more.\n\n"
        ">> IRENE WALSH:  Let's take the room now.  I see a hand in the second row.\n\n"
        ">> NOOR KHAN:  Thank you.  Noor Khan, I'm a student at Lahore Technical College.  Who pays?\n\n"
        ">> IRENE WALSH:  And online, Kofi says we have Ama Owusu, she is with the Volta Farmers Cooperative.  Ama?\n\n"
        ">> AMA OWUSU:  Hello, I am joining from Ho.  Do the towers reach the farms?\n"
    )
    noor = _person(cast, "Noor Khan")
    assert (noor.role, noor.mode) == ("participant", "onsite")
    ama = _person(cast, "Ama Owusu")
    assert (ama.role, ama.affiliation) == (
        "participant",
        "Volta Farmers Cooperative",
    )  # introduced after the floor opened


def test_a_floor_voice_that_greets_the_room_is_a_new_person() -> None:
    cast = _cast(
        ">> MODERATOR:  Let us open the floor.\n\n"
        ">> AUDIENCE:  Thank you.  I'm Mira from UNESCO.  Which standards apply?\n\n"
        ">> KIM LEE:  The open ones.\n\n"
        ">> AUDIENCE:  Good afternoon, I am a freelance journalist.  Who pays for them?\n"
    )
    floor = [p for p in cast.people if p.labels == ("AUDIENCE",)]
    assert [len(p.lines) for p in floor] == [1, 1]
    assert [p.affiliation for p in floor] == ["UNESCO", None]


def test_bracket_labels_give_a_cast() -> None:
    cast = _cast(
        "DC Joint Meeting\n\n"
        "[Lerato Dube] Welcome.  The organisers asked me to chair.  First, Kenji.\n\n"
        "[Kenji Sato] Thank you, Lerato.  I am a librarian at the Sendai City Library.\n\n"
        "[Lerato Dube] Thank you, Kenji.  Now Pilar.\n\n"
        "[Pilar Ortega] Thank you.  I work for the Andean Library Network.\n\n"
        "[Lerato Dube] Thank you.  Now the floor.\n\n"
        "[Participant] Hello.  A question for Kenji: is it free?\n"
    )
    assert _person(cast, "Kenji Sato").affiliation == "Sendai City Library"
    assert _person(cast, "Pilar Ortega").role == "guest"
    assert _person(cast, "Lerato Dube").role == "moderator"


def _floor_speaker(sentence: str) -> Person:
    text = (
        "IGF 2024 Riyadh - Workshop 5\n\n"
        ">> TOMAS NOVAK:  Good morning, I am moderating.  Let us open the floor.  Yes, please.\n\n"
        f">> KEMI ADE:  Thank you.  {sentence}  My question is about access.\n"
    )
    return _person(_cast(text), "Kemi Ade")


@pytest.mark.parametrize(
    "sentence, mode",
    [
        ("I am sitting in the second row, next to the door.", "onsite"),
        ("It is good to see so many faces in the hall.", "onsite"),
        ("I just arrived this morning from Nairobi, still tired from the flight.", "onsite"),
        ("I am following from home, I could not get a visa.", "online"),
        ("We are a group of students watching from a hub in Kathmandu.", "online"),
        ("I am watching from the back of the room.", None),
        ("The weather in Riyadh is hot, my colleagues told me.", None),
    ],
)
def test_mode_from_what_a_floor_speaker_says_about_where_they_are(sentence: str, mode: str | None) -> None:
    assert _floor_speaker(sentence).mode == mode


def _handed(sentence: str) -> Person:
    text = (
        f">> TOMAS NOVAK:  Good morning, I am moderating this workshop here in the room.  {sentence}  Kemi?\n\n"
        ">> KEMI ADE:  Thank you, Tomas.  Our point is simple, access first.\n"
    )
    return _person(_cast(text), "Kemi Ade")


@pytest.mark.parametrize(
    "sentence, affiliation",
    [
        ("Kemi Ade, Head of Policy at Kuda Networks, is here with me.", "Kuda Networks"),
        ("Now, Kemi Ade, she works with Paradigm Initiative, connected from Abuja.", "Paradigm Initiative"),
        ("Kemi Ade, who I met at the World Bank meeting last year, is an independent consultant.", None),
        ("Our next speaker is Kemi Ade; the ITU report on her country came out today.", None),
    ],
)
def test_a_chair_s_introduction_names_the_body_not_what_is_mentioned_beside_it(
    sentence: str, affiliation: str | None
) -> None:
    assert _handed(sentence).affiliation == affiliation
