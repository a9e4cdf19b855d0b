"""Who's-who rules of round 12's development stop (issue 22): the misses round 11's sets showed
(intel_blind11, first run in bench/data/whoswho-blind11-first-run.txt).

Inputs are written for this file (invented people and bodies) in the shapes those sets showed,
never their sentences. Modes said indirectly, by the speaker: their own picture, sound or slides
("the video is stuck on my side", "I have no camera"), running a hub, a place by the room's
furniture ("standing at the podium", "at the remote participation desk", "sitting next to you"),
things of the room at hand ("the leaflets are here on the table", "on this table", "my bag under
the table", "hold up this card"), the way in ("walked in", "straight from the airport", "from this
building"); of others: "joins by video link", "your picture has frozen", "I see her on the
screen", "behind me with the laptop is …"; of a floor voice: "the lady standing by the pillar",
"walking to the microphone". A remote hub's words about the people with it place them at the
hub (online), and a hub's moderator under their own label is a participant, not the session's
moderator. A username label ("amara_t") takes the full name its voice says. A question put by
description ("for the member of the parliament") goes to the one voice of a shared INTERPRETER
label whose naming sentences hold it, and the interpreter's next turn is that voice's answer.
"Chairman" and "chairwoman" are roles ("who is the chairman of X" ties X). Each rule is also
checked where it must not apply.
"""

from __future__ import annotations

import pytest

from forumlens.resolve import modes, resolve_session
from forumlens.resolve.addressee import described_addressee
from forumlens.resolve.orgs import after_name, load_gazetteer
from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2016 Guadalajara, Mexico\nDecember 7, 2016 - 11:00\nWorkshop 40: Rural libraries online\n\n"


def _cast(body: str) -> dict[str | None, tuple[str, str | None, str | None, tuple[str, ...]]]:
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    return {p.name or p.labels[0]: (p.role, p.affiliation, p.mode, p.labels) for p in cast.people}


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Sorry, the video is stuck on my side, but I can hear you.", 0),
        ("On my end the slides are only a grey box, so I will talk without them.", 0),
        ("I have no camera this morning, apologies.", 0),
        ("I moderate the remote hub here in Pokhara, with twelve students.", 0),
        ("I am standing at the podium because the table microphone is broken.", 1),
        ("I am at the remote participation desk near the entrance if you need me.", 1),
        ("I am sitting next to you, so I see the clock.", 1),
        ("The leaflets are here on the table, please take one.", 1),
        ("The sign-up list is on the table by the door.", 1),
        ("There is only one microphone on this table, so please share it.", 1),
        ("Excuse me, my bag is still under the table, I came straight from the airport.", 1),
        ("I will hold up this yellow card at five minutes.", 1),
        ("My guest house is across the street from this building and I walked in.", 1),
    ],
)
def test_own_sentences_that_say_where_the_speaker_is(sentence: str, side: int) -> None:
    """`side` 0: online, 1: the room; the other side gets nothing."""
    weights = modes.own_cues(sentence, 2016)
    assert weights[side] > 0 and weights[1 - side] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "I was sitting at my kitchen table when the call came.",  # at home, no room of the session
        "We must put this proposal on the table of the council.",
        "There is no company behind me, only my laptop.",
        "The picture of the sector is frozen in time.",
        "We have a question from the hub in Pokhara.",  # a question from a hub is not running it
        "I coordinate the Innovation Hub in Accra.",  # a body named a hub
        "At this stage we cannot say more.",  # a point in time, not a stage of the room
        "On my side, I will show some slides of our study.",  # "for my part": nothing is frozen
        "We are at the entrance of a new era.",
        "We are standing behind you, Minister.",  # support, not a seat
    ],
)
def test_sentences_that_say_nothing_of_the_speaker(sentence: str) -> None:
    assert modes.own_cues(sentence, 2016) == (0.0, 0.0)


def test_words_about_another() -> None:
    assert modes.about_other(", and she joins us by video link from Kathmandu")[0] == 1
    assert modes.about_other(", your picture has frozen, but we heard you")[0] == 1
    assert modes.about_other(", I see her on the screen already")[0] == 1
    assert modes.about_other("Behind me with the laptop is my colleague ") == (0, 1)
    assert modes.about_other(", so no company behind me, only my laptop") == (0, 0)
    assert modes.about_other(", the past year is behind us now") == (0, 0)


def test_a_floor_voice_pointed_at_in_the_room() -> None:
    assert modes.floor_cues("Yes, the lady standing by the pillar.")[1] == 1
    assert modes.floor_cues("The gentleman who is walking to the microphone now.")[1] == 1


_HUBS = """>> LUCIA ORTIZ:  Good afternoon.  My name is Lucia Ortiz, I chair the Jalisco Reading Network, and I am standing at the podium.  We have two remote hubs today.  Pokhara hub, please.

>> POKHARA HUB:  Namaste, Guadalajara, greetings from the hub in Pokhara.  I am Bishal, moderating the hub here, we are twelve people in the room.  Here with us is Sabina Gurung-Tamang, who heads the Kaski District Library.  Sabina, please.

>> SABINA GURUNG-TAMANG:  Thank you, Bishal.  Our libraries close when the electricity goes.

>> LUCIA ORTIZ:  Thank you, Sabina.  Now Dhulikhel.

>> REKHA SHRESTHA:  Hello, this is Rekha Shrestha, I moderate the remote hub here in Dhulikhel, at the Kavre Institute of Technology, where I teach.  A student has a question.

>> DHULIKHEL HUB:  Good afternoon.  My question is for Sabina: do the libraries have a generator?

>> SABINA GURUNG-TAMANG:  Two of them do.

>> LUCIA ORTIZ:  Thank you.  The floor.

>> amara_t:  Hello, am I audible?  I am Amara Kuyateh-Bangura, I work for the Freetown Library Trust.  Do you lend the laptops?

>> LUCIA ORTIZ:  Thank you, Amara.  We close here.
"""


def test_a_hubs_words_place_its_people_online_and_its_moderator_is_a_participant() -> None:
    got = _cast(_HUBS)
    assert got["Sabina Gurung-Tamang"][2] == "online"  # "here with us", said by the hub: the hub's room
    role, affiliation, mode, _ = got["Rekha Shrestha"]
    assert role == "participant"  # she runs a hub, not the session
    assert mode == "online"
    assert affiliation == "Kavre Institute of Technology"
    assert got["Lucia Ortiz"][0] == "moderator" and got["Lucia Ortiz"][2] == "onsite"


def test_a_username_label_takes_the_full_name_its_voice_says() -> None:
    got = _cast(_HUBS)
    assert "Amara Kuyateh-Bangura" in got
    assert got["Amara Kuyateh-Bangura"][3] == ("amara_t",)


_SPEECH = [
    "Our next speaker is Mr. Timur Abdrakhmanov, a member of the Mazhilis, the parliament of "
    "Kazakhstan.  And Ms. Dilnoza Yusupova, the deputy minister of digital development, will follow.",
    "Thank you.  Our exchange has twenty members.",
]


def test_a_question_put_by_description_finds_the_one_it_describes() -> None:
    people = ["Timur Abdrakhmanov", "Dilnoza Yusupova"]
    asked = "My question is for the member of the parliament: who pays?"
    assert described_addressee(asked, people, _SPEECH) == "Timur Abdrakhmanov"
    assert described_addressee("A comment to the deputy minister.", people, _SPEECH) == "Dilnoza Yusupova"
    # generic, fitting nobody, fitting both
    assert described_addressee("My question is for the panel: why?", people, _SPEECH) is None
    assert described_addressee("My question is for the ambassador: why?", people, _SPEECH) is None
    assert described_addressee("A question for the member: why?", [*people, "Aigerim Sadykova"], _SPEECH) == (
        "Timur Abdrakhmanov"
    )


_INTERPRETED = """>> GULNARA ISMAYILOVA:  Good afternoon.  I am Gulnara Ismayilova, I direct the Ganja Press Club, and I will moderate.  Our first speaker will speak in Russian.  He is Mr. Timur Abdrakhmanov, a member of the Mazhilis, the parliament of Kazakhstan.  Channel two, please.

>> INTERPRETER:  Thank you, Madam Chair.  Our law asks the operators to connect inside the country.

>> GULNARA ISMAYILOVA:  Thank you.  Questions from the floor.  Yes, the gentleman by the door.

>> PARTICIPANT:  Good afternoon.  My name is Rauf Guliyev, I write for the Shirvan Herald.  My comment for the parliament member: who pays for the line?

>> INTERPRETER:  I thank the colleague.  The law does not say who pays.

>> GULNARA ISMAYILOVA:  Thank you all.
"""


def test_an_interpreter_turn_after_a_question_by_description_is_the_one_asked() -> None:
    got = _cast(_INTERPRETED)
    assert got["Timur Abdrakhmanov"][3] == ("INTERPRETER",)
    cast = resolve_session(parse_transcript(HEADER + _INTERPRETED, source="test.txt"))
    timur = next(p for p in cast.people if p.name == "Timur Abdrakhmanov")
    rauf = next(p for p in cast.people if p.name == "Rauf Guliyev")
    assert len(timur.lines) == 2  # the answer is his, not the asker's, whose own name the turn before says
    assert len(rauf.lines) == 1
    assert all(p.name for p in cast.people)  # no unnamed interpreter voice left over


def test_a_chairman_of_a_body_is_tied_to_it_with_its_place_in_the_name() -> None:
    text = "And now Mr. Baraka Wekesa, who is the chairman of the Boda Riders Welfare Society of Busia County."
    orgs_found = after_name(text, text.index("Wekesa") + 6, len(text), [], load_gazetteer())
    assert [o.name for o in orgs_found] == ["Boda Riders Welfare Society of Busia County"]
    said = "Ms. Halima Juma, the chairwoman of the Lamu Fisherfolk Union, joins us."
    orgs_found = after_name(said, said.index("Juma") + 4, len(said), [], load_gazetteer())
    assert [o.name for o in orgs_found] == ["Lamu Fisherfolk Union"]
