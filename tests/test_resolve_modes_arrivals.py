"""Where people are, from late arrivals, greetings to the host city, the chair's pointing and seats,
and the remote moderator's floor (resolve.modes, resolve.roles, resolve.handoffs; issue 22)."""

from __future__ import annotations

import pytest

from forumlens.resolve import resolve_session
from forumlens.resolve.modes import about_other, floor_cues, own_cues
from forumlens.transcript.parse import parse_transcript

_HEADER = "IGF 2019 - Day 2 - Raum IX - WS 77 - Radio Archives in Small Towns\nBerlin, 26 November 2019\n\n"


def _people(turns: list[str]) -> dict[str | None, tuple[str | None, str | None]]:
    text = _HEADER + "\n\n".join(turns) + "\n"
    return {p.name: (p.mode, p.affiliation) for p in resolve_session(parse_transcript(text, source="t.txt")).people}


@pytest.mark.parametrize(
    "sentence",
    [
        "Good afternoon, and sorry, the queue at the entrance was endless.",
        "Sorry for the delay, the security would not let my badge through.",
        "My apologies, I was stuck in the plenary hall and ran down two staircases.",
    ],
)
def test_a_late_arrival_excused_by_the_building_is_in_the_room(sentence):
    online, onsite = own_cues(sentence, 2019)
    assert onsite > online


@pytest.mark.parametrize(
    "sentence",
    [
        "Sorry, I was stuck in the Zoom waiting room for ten minutes.",  # the meeting tool, not the building
        "Sorry, security is a hard topic for small radios.",  # nobody was held up
        "The queue for the visa was very long last year.",  # no apology for being late
    ],
)
def test_a_delay_that_is_not_the_buildings_says_nothing_of_the_room(sentence):
    assert own_cues(sentence, 2019)[1] == 0


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("Good morning, Berlin, and good evening to all of you.", 2019),
        ("Salaam, Ahmed, and hello Kyoto.", 2023),
        ("Hello, Addis, hello everybody.", 2022),  # the host city called by its first word
    ],
)
def test_greeting_the_host_city_by_name_is_said_from_elsewhere(sentence, year):
    online, onsite = own_cues(sentence, year)
    assert online > onsite


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("Good morning, Germany.", 2019),  # a country is greeted from home and from the hall alike
        ("Good morning, Ana, welcome.", 2019),  # a person
        ("Good morning, Kyoto.", 2019),  # not the city where the IGF met that year
    ],
)
def test_a_greeting_to_someone_or_somewhere_else_says_nothing(sentence, year):
    assert own_cues(sentence, year) == (0, 0)


@pytest.mark.parametrize(
    "words",
    ["The lady, please.", "The gentleman there first.", "Behind him, yes, please.", "The floor microphone is free."],
)
def test_the_chair_pointing_with_courtesy_words_only_is_the_room(words):
    assert floor_cues(words) == (0, 1)


def test_a_lady_from_a_place_is_not_pointed_at():
    assert floor_cues("The lady from Suva, please.") == (0, 0)


@pytest.mark.parametrize(
    "words",
    [
        "And at the corner of our table, behind the laptop, ",
        "Seated at the far end of our row, ",
        "At the side table, you see my colleague ",
        "And sitting at the far end, ",
    ],
)
def test_a_seat_at_our_table_or_row_is_the_room(words):
    assert about_other(words)[1] > 0


def test_a_kitchen_table_is_not_a_seat_in_the_room():
    assert about_other("She is at the kitchen table with her laptop at home, ") == (0, 0)


def test_a_voice_given_the_floor_by_the_remote_moderator_is_online():
    people = _people(
        [
            ">> MODERATOR:  Good morning.  I am Ilka Brandt, of the Spreewald Radio Archive.  Our remote "
            "moderator is Tomás Ibarra, of the Andes Sound Library.  Tomás, anybody?",
            ">> REMOTE MODERATOR:  Yes, a hand from Cusco.  Paulo, you can speak now.",
            ">> Thank you, Tomás.  This is Paulo Quispe, of the Urubamba Community Radio.  Our tapes are melting.",
            ">> MODERATOR:  Thank you, Paulo.  We close here.",
        ]
    )
    assert people["Paulo Quispe"][0] == "online"


def test_a_chair_greeting_a_colleague_then_the_host_city_is_online():
    people = _people(
        [
            ">> MODERATOR:  Good morning.  I am Ilka Brandt, of the Spreewald Radio Archive, and I chair "
            "together with Sunita Rai.  Sunita?",
            ">> SUNITA RAI:  Namaste, Ilka, and namaste Berlin.  I am Sunita Rai, of the Pokhara Memory "
            "Project, and I coordinate the coalition with Ilka.",
            ">> MODERATOR:  Thank you, Sunita.  We close here.",
        ]
    )
    assert people["Sunita Rai"][0] == "online"


def test_what_belongs_to_a_name_after_of_does_not_place_the_name():
    people = _people(
        [
            ">> MODERATOR:  Good morning.  I am Ilka Brandt, of the Spreewald Radio Archive.  On my right, "
            "Jonas Kehl, of the Lausitz Tape Project.  Jonas, please.",
            ">> JONAS KEHL:  Thank you.  We digitise tapes every Saturday with volunteers.",
            ">> MODERATOR:  Thank you.  The slides of Jonas will be online after the session.",
        ]
    )
    assert people["Jonas Kehl"][0] == "onsite"


def test_the_body_before_but_i_speak_only_for_is_a_seat_not_the_affiliation():
    people = _people(
        [
            ">> MODERATOR:  Good morning.  I am Ilka Brandt, of the Spreewald Radio Archive.  Let us open the "
            "floor.  The lady, please.",
            ">> FLOOR:  Thank you.  I sit on the Multistakeholder Advisory Group this year, but I speak here only "
            "for our small association.  Sorry, I forgot my name: Mira Haddad, from the Byblos Open Archive.",
            ">> MODERATOR:  Thank you, Mira.  We close here.",
        ]
    )
    mode, affiliation = people["Mira Haddad"]
    assert affiliation == "Byblos Open Archive"
    assert mode == "onsite"


def test_the_seat_beside_a_panellist_said_with_is_or_a_title_is_the_room():
    people = _people(
        [
            ">> MODERATOR:  Good morning.  I am Ilka Brandt, of the Spreewald Radio Archive.  On my left, Ada "
            "Lindqvist, of the Umeå Tape Club.  Here next to Ada is Ms. Rana Khoury, of the Tyre Sound Archive.  "
            "Next to Rana, Madame Awa Diallo, of the Thiès Radio Memory.  Rana, please.",
            ">> RANA KHOURY:  Thank you.  Our tapes are in a cellar.",
            ">> AWA DIALLO:  Ours are in a school.",
            ">> ADA LINDQVIST:  Ours are in a church.",
        ]
    )
    assert people["Rana Khoury"][0] == "onsite"
    assert people["Awa Diallo"][0] == "onsite"


def test_next_to_a_panellist_called_by_title_is_the_room():
    assert about_other(", next to the Professor, you see the other side") == (0, 1)
    assert about_other(", next to the window of her office at home") == (0, 0)


def test_the_panellist_a_seat_is_told_from_sits_in_the_room_too():
    people = _people(
        [
            ">> MODERATOR:  Good morning.  I am Ilka Brandt, of the Spreewald Radio Archive.  The panel, starting "
            "on my left.  Ada Lindqvist, who leads the Umeå Tape Club.  Next to Ada, Professor Rana Khoury, of "
            "the Tyre Sound Archive.  Ada, please.",
            ">> ADA LINDQVIST:  Thank you.  Our tapes are in a church.",
            ">> RANA KHOURY:  Ours are in a cellar.",
        ]
    )
    assert people["Ada Lindqvist"][0] == "onsite"
