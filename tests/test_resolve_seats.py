"""A label held in turn by several people, a seat or a side: one person per holder (`resolve.seats`)."""

from __future__ import annotations

from forumlens.resolve.cast import Cast, resolve_session
from forumlens.resolve.people import LabelGroup
from forumlens.resolve.seats import holders, is_word_label
from forumlens.transcript.parse import parse_transcript

# A "hot seat" panel: whoever comes up from the room sits in it and the captions write the seat.
HOT_SEAT = (
    ">> MODERATOR:  Welcome, everyone.  I am Marit Holvik-Strand, from the Tromsø Library Network, and I host "
    "today.  Our first guest is Ms. Odile Ferrand-Bazin, from the Lyon Repair Café.  Odile, please.\n\n"
    ">> ODILE FERRAND-BAZIN:  Thank you, Marit.  Repair cafés keep phones alive for years.\n\n"
    ">> MODERATOR:  Thank you, Odile.  The hot seat is open, come up.\n\n"
    ">> HOT SEAT:  Hello.  My name is Tomasz Wierzbicki-Kral, I run a small phone repair shop in Gdynia.  "
    "Spare parts are the problem, not the skills.\n\n"
    ">> MODERATOR:  Thank you, Tomasz.  Odile, do you see this too?\n\n"
    ">> ODILE FERRAND-BAZIN:  Every week.  The parts are locked to the maker.\n\n"
    ">> HOT SEAT:  And the prices of the parts went up again this year.\n\n"
    ">> MODERATOR:  Thank you.  Somebody new in the hot seat, yes.\n\n"
    ">> HOT SEAT:  Hi.  I am Ilse Vandermeer-Koch, from the Ghent Open Hardware Club.  We print parts.\n\n"
    ">> MODERATOR:  Printing parts, thank you, Ilse.  And the gentleman now.\n\n"
    ">> HOT SEAT:  Good evening.  I would rather not say my name, I work for a phone maker.  The locks are "
    "there for safety, or so we are told.\n\n"
    ">> MODERATOR:  Thank you.  Ilse, a reply?\n\n"
    ">> ODILE FERRAND-BAZIN:  Safety is a word that covers many things.\n\n"
    ">> HOT SEAT:  I only say what we are told.\n\n"
    ">> MODERATOR:  Thank you all, Odile, Tomasz, Ilse, and our guest without a name.\n"
)

# A debate whose sides are the labels and whose debaters never say their names.
DEBATE = (
    ">> CHAIR:  Good evening.  I am Brigitte Laurendeau-Roy, from the Québec Civic Forum, and I chair.  "
    "For the motion, Mr. Kofi Asantewaa-Boateng and Ms. Lena Brückner-Haas.  Against it, "
    "Ms. Amaru Quispe-Mamani and Mr. Pekka Nurmela-Aho.  Kofi, you open.\n\n"
    ">> FOR:  Thank you, Chair.  The motion protects the weakest users.\n\n"
    ">> CHAIR:  Thank you, Kofi.  Amaru, against.\n\n"
    ">> AGAINST:  Thank you.  The motion protects nobody, it only watches everybody.\n\n"
    ">> CHAIR:  Lena, for the motion.\n\n"
    ">> FOR:  Watching is not the motion.  Checking once is.\n\n"
    ">> CHAIR:  Thank you, Lena.  Pekka, to close against.\n\n"
    ">> AGAINST:  Checking once is enough to leak once.\n\n"
    ">> CHAIR:  Thank you both sides, Kofi, Lena, Amaru, Pekka.\n"
)


def _cast(text: str) -> Cast:
    return resolve_session(parse_transcript(text, source="t.txt"))


def _lines_of(cast: Cast, name: str | None, label: str) -> list[tuple[int, ...]]:
    return [p.lines for p in cast.people if p.name == name and label in p.labels]


def test_a_seat_taken_in_turn_is_one_person_per_holder_and_a_silent_turn_stays_with_its_holder():
    cast = _cast(HOT_SEAT)
    tomasz = next(p for p in cast.people if p.name == "Tomasz Wierzbicki-Kral")
    ilse = next(p for p in cast.people if p.name == "Ilse Vandermeer-Koch")
    # "And the prices … went up again" introduces nobody: still Tomasz, who held the seat before
    assert tomasz.lines == (7, 13)
    assert ilse.lines == (17,)
    assert "HOT SEAT" in tomasz.labels and "HOT SEAT" in ilse.labels


def test_a_holder_who_keeps_their_name_is_an_unnamed_person_of_their_own():
    cast = _cast(HOT_SEAT)
    # "Good evening.  I would rather not say my name": a new holder, never merged with Ilse before
    assert _lines_of(cast, None, "HOT SEAT") == [(21, 27)]
    assert not any(p.name == "Hot Seat" for p in cast.people)


def test_a_seat_label_makes_nobody_the_moderator():
    cast = _cast(HOT_SEAT)
    assert [p.name for p in cast.people if p.role == "moderator"] == ["Marit Holvik-Strand"]


def test_sides_whose_debaters_never_say_their_names_are_told_apart_by_the_chairs_hand_offs():
    cast = _cast(DEBATE)
    assert _lines_of(cast, "Kofi Asantewaa-Boateng", "FOR") == [(3,)]
    assert _lines_of(cast, "Lena Brückner-Haas", "FOR") == [(11,)]
    assert _lines_of(cast, "Amaru Quispe-Mamani", "AGAINST") == [(7,)]
    # "Thank you, Lena.  Pekka, to close": the name thanked is the one just heard, not the one called
    assert _lines_of(cast, "Pekka Nurmela-Aho", "AGAINST") == [(15,)]


def test_a_nickname_the_speech_uses_as_a_name_is_one_person_not_a_seat():
    text = (
        ">> CHAIR:  Welcome.  I am Rosa Villanueva-Paz.  Sarge, you start.  Then Ms. Amaru Quispe-Mamani.\n\n"
        ">> SARGE:  Thank you, Rosa.  The radios worked.\n\n"
        ">> CHAIR:  Thank you, Sarge.  Ms. Odile Ferrand-Bazin, a question?  Then back to Sarge.\n\n"
        ">> SARGE:  Yes, the radios worked for three days.\n"
    )
    cast = _cast(text)
    assert [p.lines for p in cast.people if "SARGE" in p.labels] == [(3, 7)]


def test_a_duty_holder_who_names_herself_once_is_not_split_by_the_names_said_before_her_turns():
    text = (
        ">> MC:  Good evening.  My name is Rosa Villanueva-Paz and I am your host.  Mr. Kofi Asantewaa-Boateng.\n\n"
        ">> KOFI ASANTEWAA-BOATENG:  Thank you.  I thank Ms. Lena Brückner-Haas for the prize.\n\n"
        ">> MC:  Thank you, Kofi.  Next is the youth prize.\n\n"
        ">> LENA BRUCKNER-HAAS:  Thank you.  I hand it to Mr. Pekka Nurmela-Aho.\n\n"
        ">> MC:  Congratulations.  Good night.\n"
    )
    cast = _cast(text)
    assert [p.lines for p in cast.people if "MC" in p.labels] == [(1, 5, 9)]


def test_holders_continue_the_previous_holder_and_start_unnamed_ones_at_a_new_voice():
    turns = list(
        parse_transcript(
            ">> SEAT:  Hello, I am here.\n\n>> SEAT:  More words.\n\n>> SEAT:  Told turn.\n\n"
            ">> SEAT:  Going on.\n\n>> SEAT:  Good morning, new voice.\n\n>> SEAT:  Still the new voice.\n",
            source="t.txt",
        ).turns
    )
    group = LabelGroup(None, ["SEAT"], [t.index for t in turns])
    owner: dict[int, str | None] = {t.index: None for t in turns}
    owner[turns[2].index] = "Ana Ruiz-Toledo"
    held, runs = holders(group.turns, owner, [], turns)
    # before any holder: an unnamed one; after the told turn: hers; a greeting: a new unnamed one
    assert runs == [[turns[0].index, turns[1].index], [turns[4].index, turns[5].index]]
    assert held[turns[3].index] == "Ana Ruiz-Toledo"


def test_a_word_label_is_ordinary_words_the_speech_never_writes_as_a_name():
    speech = "The proposition opens.  Thank you, Doc.  Doc, your answer?\nOpposition next."
    assert is_word_label("PROPOSITION", speech)
    assert is_word_label("OPPOSITION", speech)  # capitalised only where a line opens
    assert not is_word_label("DOC", speech)  # "Thank you, Doc": a name
    assert not is_word_label("ABBASQULIYEVA", speech)  # not English words
