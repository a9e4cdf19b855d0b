"""Who's-who rules of round 15's development stop (issue 22): the misses round 14's sets showed
(intel_blind14, first run in bench/data/whoswho-blind14-first-run.txt).

Inputs are written for this file (invented people and bodies) in the shapes those sets showed,
never their sentences. An honorific before one's own name ("I am Honourable …") is no part of it;
a delegate behind a country's or their body's nameplate is named by the name they give for the
record; a family name the label runs into one word with its particle ("ELTAYEB") is spelled as
the speech says it ("El Tayeb"); a display name that shortens a two-word family name to its
initials ("Maeve OD") is the full name its speaker says. Each rule is also checked where it
must not apply.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.transcript.parse import parse_transcript

CONSULTATION = (
    "OPEN CONSULTATIONS, GENEVA, 12 MAY 2015\n\n"
    ">> CHAIR:  Good morning.  My name is Ottilie Brandvold, I chair this morning for the Norwegian "
    "Mission.  I see the flag of Namibia first.  Namibia, please.\n\n"
    ">> NAMIBIA:  Thank you, Chair.  For the record, Petrus Hamutenya-Shikongo, Ministry of Information "
    "and Communication Technology, Namibia.  We ask for a session on community networks.\n\n"
    ">> CHAIR:  Thank you, Namibia.  Now the observer with the nameplate at the back.\n\n"
    ">> ALDA:  Thank you, Chair.  Gwenaëlle Kervella-Moal, I am the director of the Association of "
    "Libraries for Digital Access, ALDA, in Brest.  Libraries are public access points.\n\n"
    ">> CHAIR:  Thank you.  We close here.\n"
)


def _people(text: str) -> dict[str | None, Person]:
    return {p.name: p for p in resolve_session(parse_transcript(text, source="t.txt")).people}


def test_a_name_given_for_the_record_behind_a_nameplate_names_the_label():
    people = _people(CONSULTATION)
    assert "Namibia" not in people and "Alda" not in people
    petrus = people["Petrus Hamutenya-Shikongo"]
    assert petrus.lines == (5,)
    assert "NAMIBIA" in petrus.labels
    gwen = people["Gwenaëlle Kervella-Moal"]
    assert gwen.affiliation == "Association of Libraries for Digital Access"


def test_a_name_opening_a_turn_under_a_personal_label_stays_an_address():
    # a person's own label, and a name at the opening that is the one addressed: no renaming
    text = CONSULTATION.replace(">> NAMIBIA:", ">> PETRA NDJAVERA:").replace(
        "For the record, Petrus Hamutenya-Shikongo, Ministry", "Ottilie Brandvold, the Ministry"
    )
    people = _people(text)
    assert "Petra Ndjavera" in people
    # an acronym label the speaker never says as a body's is not a nameplate
    text = CONSULTATION.replace("Access, ALDA, in Brest", "Access in Brest")
    assert "Gwenaëlle Kervella-Moal" not in _people(text)


HONORIFICS = (
    "IGF 2024 - Day 3 - Parliamentary Track - Roundtable\n\n"
    ">> HON. SALAMA ELTAYEB:  Good morning.  I am Salama El Tayeb, member of the Pan-African Parliament, "
    "and I chair this roundtable.  We take the floor in order.  Yes, the member at the microphone.\n\n"
    ">> PARTICIPANT:  Thank you, Chair.  I am Honourable Lemuel Ochieng Waweru, member of the "
    "Legislative Assembly of Kisumu.  My question is on the tariffs.\n\n"
    ">> HON. SALAMA ELTAYEB:  Thank you.  Now online, the researcher from Cork.\n\n"
    ">> Maeve OD - Cork Data Lab:  Good morning.  My name is Maeve Ó Donnabháin, and I work at the "
    "Cork Data Lab.  Who sets the limit?\n\n"
    ">> HON. SALAMA ELTAYEB:  Thank you, Ms. El-Tayeb will answer later; no, that is me.  We close.\n"
)


def test_an_honorific_before_ones_own_name_is_no_part_of_it():
    people = _people(HONORIFICS)
    assert "Lemuel Ochieng Waweru" in people
    assert not any(name and name.startswith("Honourable") for name in people)


def test_a_particle_run_into_the_family_name_is_spelled_as_the_speech_says():
    people = _people(HONORIFICS)
    # said "El Tayeb" once and "El-Tayeb" once: a tie goes to the first said
    assert "Salama El Tayeb" in people and "Salama Eltayeb" not in people
    # never said apart: the label's spelling stays
    text = HONORIFICS.replace("Salama El Tayeb", "Salama").replace("Ms. El-Tayeb", "the colleague")
    assert "Salama Eltayeb" in _people(text)


def test_initials_of_a_two_word_family_name_in_a_display_name_are_the_said_name():
    people = _people(HONORIFICS)
    maeve = people["Maeve Ó Donnabháin"]
    assert maeve.lines == (9,)
    # initials that do not spell the family name: the display name stays as it is
    text = HONORIFICS.replace("Maeve OD", "Maeve OK")
    assert "Maeve Ó Donnabháin" not in _people(text)


RENAMED = (
    "IGF 2020 - Virtual - Workshop #88 - Repair Cafés\n\n"
    ">> Lucía Fernández (she/her) – Taller Abierto:  Welcome, everyone, we are all on Zoom.  I am Lucía "
    "Fernández, I coordinate Taller Abierto.  My co-host should rename herself.\n\n"
    ">> Co-host 3:  Sorry, one second.  Hello, I am Wanjiru, I will watch the chat.\n\n"
    ">> Wanjiru Kamau (she/her) – Fundi Network:  Better now.  Wanjiru Kamau, Fundi Network.  Hands up, "
    "please.\n\n"
    ">> Zoom User:  Hi, I cannot change my name.  I'm Baraka Otieno, I volunteer with Repair Kisumu.  Who "
    "pays the spare parts?\n\n"
    ">> Baraka O – Repair Kisumu:  OK, I renamed myself.  So, the spare parts.\n\n"
    ">> Lucía Fernández (she/her) – Taller Abierto:  Thank you all.\n"
)


def test_a_placeholder_voice_that_renames_itself_is_the_renamed_label():
    people = _people(RENAMED)
    assert None not in people
    assert people["Wanjiru Kamau"].lines == (5, 7)
    # the display name that shortens the surname gives way to the full name the voice said
    baraka = people["Baraka Otieno"]
    assert baraka.lines == (9, 11)
    assert baraka.affiliation == "Repair Kisumu"


def test_a_placeholder_voice_of_another_first_name_stays_apart():
    # the co-host says another name, and the renamed label is not right after the placeholder voice
    text = RENAMED.replace("Hello, I am Wanjiru, I will", "Hello, I will").replace("OK, I renamed myself.", "OK.")
    text = text.replace(
        ">> Baraka O – Repair Kisumu:",
        ">> Lucía Fernández (she/her) – Taller Abierto:  Thank you.\n\n>> Baraka O – Repair Kisumu:",
    )
    people = _people(text)
    assert "Wanjiru Kamau" in people and people["Wanjiru Kamau"].lines == (7,)
    assert "Baraka O" in people or "Baraka Otieno" in people
    assert sum(1 for p in people.values() if 9 in p.lines or 13 in p.lines) == 2


def test_a_delegate_behind_a_nameplate_is_named_by_the_chairs_thanks():
    text = CONSULTATION.replace(
        "For the record, Petrus Hamutenya-Shikongo, Ministry", "I speak for the Ministry"
    ).replace("Thank you, Namibia.  Now", "Thank you very much, Mr. Petrus Hamutenya-Shikongo.  Now")
    people = _people(text)
    assert people["Petrus Hamutenya-Shikongo"].lines == (5,)
    # thanked by a name only later in the chair's turn, not opening it: the plate stays unnamed
    text = text.replace(
        "Thank you very much, Mr. Petrus Hamutenya-Shikongo.  Now",
        "Thank you.  Now, Mr. Petrus Hamutenya-Shikongo asked",
    )
    assert "Petrus Hamutenya-Shikongo" not in _people(text)


SEATED = (
    "IGF 2024 - Day 2 - Parliamentary Track - Roundtable\n\n"
    ">> HON. SALAMA ELTAYEB:  Good morning.  I am Salama El Tayeb, and I chair this roundtable here at the "
    "head of the table.  Now the Deputy Minister, who is sitting on my left.\n\n"
    ">> DEPUTY MINISTER (MONGOLIA):  Thank you, Chair.  My name is Oyunbileg Batsaikhan, I am Deputy "
    "Minister of Digital Development.  Our law is new.\n\n"
    ">> HON. SALAMA ELTAYEB:  Thank you.  Now the member from Fiji.\n\n"
    ">> HON. SEMI RATUVOU:  Thank you, Chair.  I am Semi Ratuvou, member of the Parliament of Fiji.  We "
    "have no law yet.\n"
)


def test_a_speaker_the_chair_seats_beside_them_is_in_the_room():
    people = _people(SEATED)
    assert people["Oyunbileg Batsaikhan"].mode == "onsite"
    # described by nothing about a seat: no mode from the hand-off
    assert people["Semi Ratuvou"].mode != "onsite"
    text = SEATED.replace(", who is sitting on my left", "")
    assert _people(text)["Oyunbileg Batsaikhan"].mode is None
