"""How a turn opens (`resolve.salutation`), a chair found by her place under a duty label
(`resolve.dutylabel`), and the round-26 kinds read with them: hubs said in other shapes, bare turns
handed to a voice named by its own words, a label typed with and without a space, a turn's line
never a printed card. Invented inputs."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.salutation import salutation_end
from forumlens.resolve.selfnames import said_names
from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2014 ISTANBUL\nSEPTEMBER 3, 2014\nWORKSHOP ON RIVER DATA\n\n"


def _people(text: str) -> dict[str | None, Person]:
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def _opening(text: str) -> str:
    return text[: salutation_end(text, 0, len(text))]


def test_a_greeting_before_a_pleasantry_or_a_name_claim_is_the_opening() -> None:
    assert _opening("Wuraola ekaaro, good morning, everyone.  I am glad") == "Wuraola ekaaro,"
    assert _opening("Dzień dobry.  My name is Ola Wrona, from Łódź.") == "Dzień dobry."
    assert _opening("Yes, thank you, Mzee Otieno.  Hello.  I am Amani from Kisumu.") == ("Yes, thank you, Mzee Otieno.")


def test_no_greeting_when_the_clause_is_english_a_body_or_goes_on_otherwise() -> None:
    assert _opening("Good morning.  My name is Ola Wrona.") == ""
    assert _opening("Brda Riverkeepers Foundation, good morning.") == ""  # a body named first
    assert _opening("Ola Wronasz.  For many years I built dams.") == ""  # nothing confirms it
    assert _opening("Wuraola ekaaro.  We measure the river.") == ""
    assert _opening("Thank you.  So I worked on rivers, hello.") == ""
    # a name and an acronym said as one's own body, then "Yes": a self-introduction, no greeting
    assert _opening("Omar Haddou, UN DESA.  Yes, the call goes out in March.") == ""
    assert _opening("ICANN.  Good morning.") == ""


def test_a_greeting_goes_on_in_lower_case_and_after_a_stage_note() -> None:
    assert _opening("(Speaking by telephone)  Yes, I hear you.  Boa tarde, a todos no Brasil, good afternoon.") == (
        "(Speaking by telephone)  Yes, I hear you.  Boa tarde, a todos no Brasil,"
    )


def test_a_greeting_is_no_second_name_of_a_voice_that_says_its_own() -> None:
    text = "Wuraola Ekaaro.  Good morning.  My name is Tunde Afolabi-Ige and I am from the Ogun Water Trust."
    assert said_names(text) == ["Tunde Afolabi-Ige"]
    # with no name claimed the opening name reading is as before (it may be a name)
    assert said_names("Tunde Afolabi-Ige.  Good morning, I am from the Ogun Water Trust.") == ["Tunde Afolabi-Ige"]


CHAIRED = (
    ">> NILUFAR KARIMOVA:  Okay, so let us still begin.  I am Nilufar Karimova, from the Amu Darya "
    "Data Cooperative, and I co-chair our coalition together with Teodor Balan.  Teodor, good evening.\n\n"
    ">> TEODOR BALAN:  Wuraola ekaaro, good evening, Nilufar.  At the Prut Basin Sensor Network our "
    "money went into a boat this year.\n\n"
    ">> NILUFAR KARIMOVA:  Thank you.  Ioana, the first data question is yours.\n\n"
    ">> IOANA MUNTEANU:  Thank you, Nilufar.  I run the Siret Gauges Association, forty volunteers.\n\n"
    ">> NILUFAR KARIMOVA:  Teodor, anything online?\n\n"
    ">> TEODOR BALAN:  Nothing online yet.\n\n"
    ">> CHAIR:  Thank you.  Now the room, the gentleman at the back.\n\n"
    ">> FROM THE FLOOR:  Salam aleykum.  Good morning.  My name is Rustam Nazarov and I am from the "
    "Zarafshan Youth Water Club.  Who pays for the gauges?\n\n"
    ">> CHAIR:  Ioana?\n\n"
    ">> The volunteers pay, mostly.\n\n"
    ">> CHAIR:  Thank you all, the coalition will send the notes.\n"
)


def test_a_duty_label_after_the_chair_name_label_stops_is_the_chair() -> None:
    people = _people(CHAIRED)
    chair = people["Nilufar Karimova"]
    assert chair.role == "moderator"
    assert chair.labels == ("NILUFAR KARIMOVA", "CHAIR")
    assert chair.lines == (5, 9, 13, 17, 21, 25)
    # whom she says she co-chairs with shares the part; his greeting is no body of his
    assert people["Teodor Balan"].role == "moderator"
    assert people["Teodor Balan"].affiliation != "Wuraola ekaaro"
    # the floor voice that opens with a greeting is named by the name it claims
    assert people["Rustam Nazarov"].affiliation == "Zarafshan Youth Water Club"
    # the bare answer after "Ioana?" is Ioana's
    assert people["Ioana Munteanu"].lines == (11, 23)
    assert None not in people


def test_a_duty_label_does_not_join_a_first_voice_that_never_hands_the_floor() -> None:
    text = (
        ">> NILUFAR KARIMOVA:  Okay, so let us still begin.  Our river data is open now.\n\n"
        ">> IOANA MUNTEANU:  I run the Siret Gauges Association.\n\n"
        ">> NILUFAR KARIMOVA:  And the gauges are cheap.\n\n"
        ">> CHAIR:  Thank you.  Now the room.\n\n"
        ">> FROM THE FLOOR:  A question on the gauges.\n"
    )
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt")).people
    assert next(p for p in cast if p.name == "Nilufar Karimova").labels == ("NILUFAR KARIMOVA",)
    assert [p.lines for p in cast if p.labels == ("CHAIR",)] == [(11,)]


HUBS = (
    ">> MODERATOR:  Welcome.  I am Ola Wrona, I moderate.  The hub in Kumasi and the Sikasso hub are with us.  "
    "Kumasi, please.\n\n"
    ">> KUMASI:  Good morning.  We are twelve at the hub in Kumasi.  Who pays for the gauges?\n\n"
    ">> MODERATOR:  Thank you.  Now the other hub.\n\n"
    ">> REMOTE HUB:  Good morning, Istanbul.  We are at the hub in Sikasso, nine students.  The same question.\n\n"
    ">> MODERATOR:  And a third one.\n\n"
    ">> HUB IN KAYES:  Thank you.  Nothing to add.\n"
)


def test_hubs_said_in_other_shapes_are_hubs_named_by_their_place() -> None:
    hubs = {p.name: p.role for p in _people(HUBS).values() if p.role == "remote-hub"}
    assert hubs == {"Kumasi": "remote-hub", "Sikasso Hub": "remote-hub", "Kayes Hub": "remote-hub"}


def test_a_given_name_of_two_words_hands_the_bare_turn_to_its_owner() -> None:
    text = (
        ">> MODERATOR:  Welcome.  I am Ola Wrona, I moderate.  Jean-Baptiste Ouedraogo joins us online.\n\n"
        ">> JEAN BAPTISTE OUEDRAOGO:  Thank you, Ola.  The river rose in June.\n\n"
        ">> MODERATOR:  Thank you.  Jean-Baptiste, you are unmuted again, please go on.\n\n"
        ">> Yes, and it fell in August.\n"
    )
    people = _people(text)
    assert people["Jean Baptiste Ouedraogo"].lines == (7, 11)
    assert None not in people


def test_a_label_typed_with_and_without_a_space_takes_the_spelling_the_speech_says() -> None:
    text = (
        ">> MODERATOR:  Welcome.  I am Ola Wrona, I moderate.  Next to me, Maribel Quispecondori, of the "
        "Titicaca Fishers Network.\n\n"
        ">> MARIBEL QUISPE CONDORI:  Thank you.  The lake is lower every year.\n\n"
        ">> MODERATOR:  Thank you, Maribel.\n\n"
        ">> MARIBEL QUISPECONDORI:  And the fish go deeper.\n"
    )
    names = {p.name for p in _people(text).values()}
    assert "Maribel Quispecondori" in names
    assert "Maribel Quispe Condori" not in names


def test_a_short_turn_line_with_commas_is_no_printed_card() -> None:
    text = (
        ">> MODERATOR:  Welcome.  I am Ola Wrona, I moderate.  Dr. Kemal Aydin, from the Ministry of "
        "Water Works, is with us.  Kemal?\n\n"
        ">> KEMAL AYDIN:  Thank you, Ola.  The river is shared by three countries.\n\n"
        ">> MODERATOR:  Who checks the data?\n\n"
        ">> KEMAL AYDIN:  (Laughter.)  A fair question, the auditor, the parliament.\n"
    )
    assert _people(text)["Kemal Aydin"].affiliation == "Ministry of Water Works"


def test_with_us_on_the_platform_said_of_another_is_online() -> None:
    text = (
        ">> MODERATOR:  Welcome.  I am Ola Wrona, I moderate, and Teodor Balan, who could not travel, "
        "is with us on the Zoom from Chisinau.  Teodor, please.\n\n"
        ">> TEODOR BALAN:  Thank you, Ola.  The river rose in June.\n"
    )
    assert _people(text)["Teodor Balan"].mode == "online"


def test_a_greeting_goes_on_with_the_one_name_it_greets() -> None:
    assert _opening("Tank yu tumas, Losana.  Good morning.  I am a radio engineer.") == "Tank yu tumas, Losana."
    # two capitalised words after a name are a body said with it, not the greeting going on
    assert _opening("Omar Haddou, Sasak Mesh.  Good morning.") == ""
