"""A given name typed by ear and corrected later (`resolve.misheardgiven`), a given name two people
go by (`resolve.titled`, `resolve.handedturns`, `resolve.roles`), a hub captioned "REMOTE HUB IN
<PLACE>" and a chair's room count with the one left over online (`resolve.modes`). Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.misheardgiven import join_misheard_given_names
from forumlens.resolve.modes import speaker_split
from forumlens.resolve.people import LabelGroup
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nBERLIN, 27 NOVEMBER 2019\nWORKSHOP: SMALL ISLANDS, BIG PIPES\n\n"


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def _session(text: str) -> list[Person]:
    return list(resolve_session(parse_transcript(HEADER + text, source="t.txt")).people)


MISHEARD = (
    ">> MARGIT HOLLERBACH:  Welcome.  I am Margit Hollerbach and I moderate here in the room.  "
    "Keoni, is our island speaker ready?\n\n"
    ">> KEONI PALAKIKO:  Yes, Tevita Manukaloa is on the Zoom, from Apia.  Tevita, you are unmuted.\n\n"
    ">> TREVOR MANUKALOA:  Talofa.  I work for the Samoa Reef Data Trust, and our cable is one cable.\n\n"
    ">> MARGIT HOLLERBACH:  Thank you.  Now the floor, the gentleman at the back.\n\n"
    ">> PARTICIPANT:  Thank you.  Who repairs the cable when it breaks?\n\n"
    ">> TEVITA MANUKALOA:  A ship from far away, and it takes a month.\n"
)


def test_a_given_name_misheard_then_corrected_is_one_person_under_the_name_said() -> None:
    people = _people(MISHEARD)
    person = people["Tevita Manukaloa"]
    assert person.labels == ("TREVOR MANUKALOA", "TEVITA MANUKALOA")
    assert person.affiliation == "Samoa Reef Data Trust"
    assert "Trevor Manukaloa" not in people


def test_two_relatives_each_called_by_their_given_name_stay_two() -> None:
    groups = [
        LabelGroup("Tevita Manukaloa", ["TEVITA MANUKALOA"], [1]),
        LabelGroup("Talia Manukaloa", ["TALIA MANUKALOA"], [3]),
    ]
    text = parse_transcript(
        HEADER + ">> CHAIR:  Tevita Manukaloa, please.\n\n>> TEVITA MANUKALOA:  Thanks.\n\n"
        ">> CHAIR:  And his sister Talia, please.\n\n>> TALIA MANUKALOA:  Thanks.\n",
        source="t.txt",
    )
    joined, renamed = join_misheard_given_names(groups, text.turns)
    assert len(joined) == 2 and renamed == {}


SHARED_GIVEN = (
    ">> INES FALKENRATH:  Welcome.  I moderate here in the room.  With me is Oskar Lindqvist, of the "
    "Baltic Cable Club.  And online from Suva, Malia Tuilagi, who runs the Suva Code Club.\n\n"
    ">> INES FALKENRATH:  Malia, you are unmuted on the Zoom, go ahead.\n\n"
    ">> Thank you.  In our club the children write the rules before the code.\n\n"
    ">> OSKAR LINDQVIST:  We do the same with the adults, and they complain more.\n\n"
    ">> INES FALKENRATH:  The floor now.  The lady at the front microphone.\n\n"
    ">> MALIA:  Thank you.  My name is also Malia, so now there are two.  Malia Fonoti, from the Apia "
    "Youth Radio.  Who pays for the club?\n\n"
    ">> INES FALKENRATH:  Two Malias, we will manage: Malia in Suva and Malia in the room.\n"
)


def test_two_people_sharing_a_given_name_are_told_apart_by_their_full_names() -> None:
    people = _people(SHARED_GIVEN)
    assert "Two Malias" not in people
    floor = people["Malia Fonoti"]
    assert floor.labels == ("MALIA",) and floor.role == "participant"
    online = people["Malia Tuilagi"]
    assert online.role == "guest" and len(online.lines) == 1
    # "Malia in Suva and Malia in the room": the shared given name places neither
    assert not any("Malia in Suva" in e.quote for e in online.evidence if e.kind == "mode")


def test_a_remote_hub_in_a_place_is_that_place_s_hub() -> None:
    people = _people(
        ">> CHAIR:  Welcome, I am Rosa Lindgren, here in the room.  The hub in Tamale has a question.\n\n"
        ">> REMOTE HUB IN TAMALE:  Good afternoon from Tamale, we are twelve.  Who pays the cable?\n"
    )
    assert people["Tamale Hub"].role == "remote-hub"


def test_a_room_count_with_the_one_left_over_online_in_the_next_sentence() -> None:
    assert speaker_split("Two of our speakers sit here in the room with me.  The third is on the Zoom.")[:2] == (2, 1)
    assert speaker_split("Three of them are here in the room.  The other one joins us online.")[:2] == (3, 1)
    # the next sentence says something else of the third
    assert speaker_split("Two of our speakers sit here in the room with me.  The third is a lawyer.") is None


def test_a_colleague_described_between_together_with_and_the_name_shares_the_chair() -> None:
    people = _people(
        ">> HANNA KORHOLA:  Good afternoon.  I am Hanna Korhola and I am moderating here in the hall together "
        "with my colleague sitting on my left, Bruno Valdemarsen, of the Aarhus Drafting Lab, who will keep the "
        "time.  Our first speaker is Ines Quiroga, from the Andes Data Guild.  Ines, please.\n\n"
        ">> INES QUIROGA:  Thank you.  Our law has ninety articles and two inspectors.\n\n"
        ">> BRUNO VALDEMARSEN:  Thank you.  Now the room.  The gentleman at the left microphone.\n\n"
        ">> PARTICIPANT:  Thank you.  Who trains the inspectors?\n"
    )
    assert people["Bruno Valdemarsen"].role == "moderator"
    assert people["Ines Quiroga"].role == "guest"


def test_an_office_label_handed_the_floor_by_a_first_name_is_that_speaker() -> None:
    people = _people(
        ">> LENA STRAND:  Good morning, I am Lena Strand and I moderate here in the room.  My co-facilitator "
        "is online.  Tomasi, can you say hello?\n\n"
        ">> REMOTE MODERATOR:  Hello from Nukualofa.  I work for the Tonga Peering Cooperative, and I follow "
        "the chat.\n\n"
        ">> LENA STRAND:  Thank you, Tomasi.  Our first speaker, Olga Brandvold, please.\n\n"
        ">> OLGA BRANDVOLD:  Thank you.  Local traffic should stay local.\n\n"
        ">> LENA STRAND:  Tomasi, anybody online?\n\n"
        ">> TOMASI HAVEA:  Not yet, Lena.\n"
    )
    person = people["Tomasi Havea"]
    assert set(person.labels) == {"REMOTE MODERATOR", "TOMASI HAVEA"}
    assert person.affiliation == "Tonga Peering Cooperative"
    assert None not in people


def test_a_floor_voice_asked_its_name_after_a_panellist_answered_is_the_named_answer() -> None:
    people = _people(
        ">> LENA STRAND:  Good morning, I am Lena Strand and I moderate here in the room.  Our speaker is "
        "Olga Brandvold.  Olga, please.\n\n"
        ">> OLGA BRANDVOLD:  Thank you.  Local traffic should stay local.\n\n"
        ">> LENA STRAND:  The floor.  The lady at the front microphone.\n\n"
        ">> AUDIENCE:  Hello.  I flew in this morning.  My question is to Olga: who pays the generator?\n\n"
        ">> OLGA BRANDVOLD:  We pay by the rack, simple.\n\n"
        ">> LENA STRAND:  Thank you.  Can you say your name and your company, for the report?\n\n"
        ">> MERETE HOLTEN:  Yes, sorry.  Merete Holten, from Fjordcache.\n"
    )
    person = people["Merete Holten"]
    assert set(person.labels) == {"AUDIENCE", "MERETE HOLTEN"}
    assert person.mode == "onsite"
    assert None not in people


def test_the_name_after_a_colleague_named_with_together_with_does_not_share_the_chair() -> None:
    # "together with my colleague Tomasi, Bruno …": the colleague is the one named first; a description of
    # the colleague opens lower-case ("my colleague sitting on my left, Bruno …")
    people = _people(
        ">> HANNA KORHOLA:  Good afternoon.  I am Hanna Korhola and I am co-moderating together with my "
        "colleague Tomasi, Bruno Valdemarsen is our first speaker, from the Aarhus Drafting Lab.  Bruno, "
        "please.\n\n"
        ">> BRUNO VALDEMARSEN:  Thank you.  Our law has ninety articles and two inspectors.\n\n"
        ">> HANNA KORHOLA:  Thank you.  Now the room.  The gentleman at the left microphone.\n\n"
        ">> PARTICIPANT:  Thank you.  Who trains the inspectors?\n\n"
        ">> BRUNO VALDEMARSEN:  Nobody yet.\n"
    )
    assert people["Bruno Valdemarsen"].role == "guest"
