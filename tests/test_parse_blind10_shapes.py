"""Label shapes first seen on the tenth blind set (issue 22), each read by a general rule:
a tab-separated word-processor table (`tables.py`), full-width colons and brackets
(`fullwidth.py`), labels all in lower case where that is the file's habit (`shapes.py`),
emoji and flags in display names and a role before a pipe, other-language forms of address,
role nouns that name nobody (`speakers.py`).

Every example is written for this file (invented names and sessions); none is copied from a
development transcript. Each turn's text must stay an exact slice of the file."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name, generic_label, title_word, without_symbols


def _turns(text: str) -> list[tuple[int, str | None, str | None, str]]:
    session = parse_transcript(text)
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text  # citations stay verbatim
    return [(t.line, t.label, t.speaker, t.kind) for t in session.turns]


def _starts(text: str) -> list[str]:
    return [" ".join(t.text.split())[:24] for t in parse_transcript(text).turns]


# --- a word-processor table saved as text: cells separated by a tab ---------------------------

TAB_TABLE = (
    "Regional dialogue on rural libraries, record of statements\n"
    "Speaker\tStatement\n"
    "Chairperson\tWelcome. The first statement comes from the library service.\n"
    "Mrs. Efua Ansah-Mensima, Director\tThank you, Chair. Our vans reach ninety villages.\n"
    "\tThe second point is fuel: each van needs it weekly. (Applause)\n"
    "Participant\tWho pays for the fuel?\n"
    "Mrs. Efua Ansah-Mensima, Director\tThe district does.\n"
)


def test_a_tab_separated_table_states_its_turns() -> None:
    assert _turns(TAB_TABLE) == [
        (3, "Chairperson", None, "speech"),
        (4, "Mrs. Efua Ansah-Mensima, Director", "Efua Ansah-Mensima", "speech"),  # row 5 goes on with her
        (6, "Participant", None, "speech"),
        (7, "Mrs. Efua Ansah-Mensima, Director", "Efua Ansah-Mensima", "speech"),
    ]
    assert "The second point is fuel" in parse_transcript(TAB_TABLE).turns[1].text


def test_tab_separated_prose_without_a_header_is_no_table() -> None:
    text = "Notes\tday one\nWe met\tat noon and spoke\nThen\twe left.\n"
    assert parse_transcript(text).turns == ()


# --- full-width punctuation from an East Asian captioning service ------------------------------

FULLWIDTH = (
    "WORKSHOP\u3000ON\u3000TSUNAMI SIGNAGE\n"
    ">> CHAIR\uff1aGood evening, we begin.\n"
    ">> TANIGUCHI HARUKA\uff1aThank you. Our signs use one rule\uff1aone picture.\n"
    ">>\u3000SEO-YEON PARK\uff08online\uff09\uff1aCan you hear me?\n"
    ">> \uff08\u62cd\u624b\uff09\n"
    ">> TANIGUCHI HARUKA\uff1aYes, clearly.\n"
)


def test_full_width_colons_brackets_and_spaces_mark_labels() -> None:
    turns = _turns(FULLWIDTH)
    assert [(line, speaker, kind) for line, _, speaker, kind in turns] == [
        (2, None, "speech"),
        (3, "Taniguchi Haruka", "speech"),  # the colon inside the speech is no label
        (4, "Seo-Yeon Park", "speech"),  # the mode in full-width brackets is no part of the name
        (5, None, "note"),  # a stage note in full-width brackets
        (6, "Taniguchi Haruka", "speech"),
    ]
    assert _starts(FULLWIDTH)[1].startswith("Thank you. Our signs")
    assert parse_transcript(FULLWIDTH).turns[1].text.endswith("rule\uff1aone picture.")  # as written


# --- labels all in lower case -------------------------------------------------------------------

LOWER = (
    "youth caucus, notes typed during the call\n"
    "moderator: hi all, we start now.\n"
    "kofi mensah-bonsu: thanks. two points from accra.\n"
    "first the cost of data, then the schools.\n"
    "moderator: and the second?\n"
    "kofi mensah-bonsu: schools, yes.\n"
    "ana lúcia ferraz: can i add one thing?\n"
    "all: (applause)\n"
)


def test_lower_case_labels_are_read_where_they_are_the_files_habit() -> None:
    assert _turns(LOWER) == [
        (2, "moderator", None, "speech"),
        (3, "kofi mensah-bonsu", "Kofi Mensah-Bonsu", "speech"),  # line 4 goes on with him
        (5, "moderator", None, "speech"),
        (6, "kofi mensah-bonsu", "Kofi Mensah-Bonsu", "speech"),
        (7, "ana lúcia ferraz", "Ana Lúcia Ferraz", "speech"),  # once, beside the file's recurring labels
        (8, "all", None, "speech"),
    ]


@pytest.mark.parametrize(
    "prose",
    [
        # ordinary lower-case prose with colons at line starts: one word, or a sentence word
        "note: the room changed.\nso: we start later.\nnote: bring the badge.\nso: see you there.\n",
        "the plan: meet at ten.\nthe plan: then lunch.\nthe plan: then home.\n",
        # one lower-case phrase recurring is a list's, not a conversation's
        "minutes of the call\naction item: send the draft.\naction item: book the room.\naction item: invite Jo.\n",
        # …and a one-word phrase beside it is no second voice
        "results\nstill open: item 4.\ndone: item 1.\nstill open: item 7.\ndone: item 2.\nstill open: item 9.\n",
        # a lower-case name-like span that never recurs is no file habit
        ">> JO LI: Welcome.\nmain point: the cost.\n>> ANA RUIZ: Thanks.\nnext step: a survey.\n",
    ],
)
def test_lower_case_prose_with_colons_is_not_split(prose: str) -> None:
    labels = [t.label for t in parse_transcript(prose).turns]
    assert not any(label and label.islower() for label in labels)


# --- display names with emoji, flags and a role before a pipe ----------------------------------

EMOJI = (
    "Island connectivity call -- saved chat transcript\n"
    "\U0001f334 Host | Mele Taufa: Welcome, everyone, to the call.\n"
    "Sione Latu \U0001f1f9\U0001f1f4: Thank you. The cable is back.\n"
    "\U0001f334 Host | Mele Taufa: Since when?\n"
    "Sione Latu \U0001f1f9\U0001f1f4: Since Monday.\n"
    "Nauru NRI \U0001f4e1: Hello from the three of us here.\n"
    "\U0001f4ac Chat Moderator: A question from the chat: what did it cost?\n"
)


def test_emoji_and_flags_are_kept_in_the_label_and_dropped_from_the_speaker() -> None:
    assert _turns(EMOJI) == [
        (2, "\U0001f334 Host | Mele Taufa", "Mele Taufa", "speech"),  # the role before the pipe
        (3, "Sione Latu \U0001f1f9\U0001f1f4", "Sione Latu", "speech"),
        (4, "\U0001f334 Host | Mele Taufa", "Mele Taufa", "speech"),
        (5, "Sione Latu \U0001f1f9\U0001f1f4", "Sione Latu", "speech"),
        (6, "Nauru NRI \U0001f4e1", display_name("Nauru NRI"), "speech"),  # a shared account, named as a hub is
        (7, "\U0001f4ac Chat Moderator", None, "speech"),  # a role
    ]


def test_without_symbols_keeps_letters_of_every_script() -> None:
    assert without_symbols("Ōta Kenji \U0001f469\u200d\U0001f4bb") == "Ōta Kenji "
    assert without_symbols("Zoë Ngũgĩ (© notes)") == "Zoë Ngũgĩ (© notes)"  # below U+2000: untouched


# --- forms of address in other languages; role nouns and hubs -----------------------------------


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("FRAU DR. HILDEGARD POSCH-WENINGER", "Hildegard Posch-Weninger"),
        ("HERR MAG. LUKAS EDLINGER", "Lukas Edlinger"),
        ("Herr Edlinger", "Edlinger"),
        ("DOTT.SSA GIULIA FERRANTE", "Giulia Ferrante"),
        ("Avv. Piero Zanetti", "Piero Zanetti"),
        ("ME CLAIRE DUBOIS-FAVRE", "Claire Dubois-Favre"),  # Maître
        ("Me Dubois-Favre", "Dubois-Favre"),
    ],
)
def test_other_language_forms_of_address_are_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize(
    "label",
    ["VOICE INTERPRETER", "International Sign Interpreter", "Chat Moderator", "session rapporteur"],
)
def test_role_nouns_name_nobody(label: str) -> None:
    assert display_name(label) is None
    assert generic_label(label)


def test_a_pronoun_is_no_form_of_address() -> None:
    assert not title_word("me.")  # "Thank you for inviting me." ends a sentence
    assert title_word("Me")  # "Me Dubois-Favre": the French "Maître"


# --- numbered paragraphs of an edited transcript -------------------------------------------------

NUMBERED = (
    "PLENARY ON OPEN DATA -- EDITED RECORD\n"
    "1. CHAIR: Welcome. We have one hour.\n"
    "2. MS. SIGRÚN HALLDÓRSDÓTTIR: Thank you, Chair. Two points.\n"
    "3. First, the registers must be open by default.\n"
    "4. Second, nobody pays for the maintenance, and in the end the\n"
    "\fPlenary on Open Data -- page 2\n"
    "5. registers simply decay.\n"
    "6. (Applause)\n"
    "7. PARTICIPANT: Who should pay, then?\n"
    "8. MR. OUSMANE LE BRIS: The state, as the first user.\n"
)


def test_paragraph_numbers_are_furniture_and_a_numbered_paragraph_goes_on() -> None:
    assert [(line, speaker) for line, _, speaker, _ in _turns(NUMBERED)] == [
        (2, None),
        (3, "Sigrún Halldórsdóttir"),  # paragraphs 3-6 and the page break stay in her turn
        (9, None),
        (10, "Ousmane Le Bris"),  # "LE" right after a given name opens the surname
    ]
    turns = parse_transcript(NUMBERED).turns
    assert turns[0].text.startswith("Welcome.")  # the number and the label are no speech
    assert "3. First, the registers" in turns[1].text  # the source keeps its numbers


def test_a_numbered_list_inside_a_speech_is_left_alone() -> None:
    text = (
        ">> MODERATOR: The rapporteur reads the messages.\n"
        ">> NEHA KAPOOR: Thank you. Three messages.\n"
        "1. Funding: it must be predictable.\n"
        "2. Access: schools first.\n"
        "3. Youth: a seat at every table.\n"
        "4. Languages: captions in all six.\n"
        "That is all.\n"
        ">> MODERATOR: Thank you, Neha.\n"
        ">> PARTICIPANT: A question on point 2.\n"
        ">> NEHA KAPOOR: Please.\n"
        ">> PARTICIPANT: Who pays?\n"
        ">> MODERATOR: We close here.\n"
    )
    turns = parse_transcript(text).turns
    assert [t.line for t in turns] == [1, 2, 8, 9, 10, 11, 12]
    assert "1. Funding: it must be predictable." in turns[1].text


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("JEAN-MARC DE LA TOUR", "Jean-Marc de la Tour"),
        ("Ana la Rosa", "Ana la Rosa"),
        ("ERWAN LE MEUR", "Erwan Le Meur"),
    ],
)
def test_an_article_is_a_particle_only_after_a_particle(label: str, name: str) -> None:
    assert display_name(label) == name


# --- CART dialogue dashes ------------------------------------------------------------------------

DASHES = (
    "WORKSHOP 12: COMMUNITY NETWORKS\n"
    ">> MODERATOR: Welcome. First, from Tartu.\n"
    ">> KADRI TAMM: Thank you. Our network -- I mean the village network -- has ninety homes.\n"
    "-- How much does a home pay?\n"
    "-- Five euros a month.\n"
    ">> KADRI TAMM: Exactly, and the growth came when --\n"
    "(Laughter)\n"
    "-- the school joined, then everybody joined.\n"
    ">> MODERATOR: Thank you.\n"
)


def test_a_dialogue_dash_line_is_a_new_unlabelled_voice() -> None:
    turns = parse_transcript(DASHES).turns
    assert [(t.line, t.speaker) for t in turns] == [
        (2, None),
        (3, "Kadri Tamm"),  # the dashes inside her line are no turn marks
        (4, None),
        (5, None),
        (6, "Kadri Tamm"),  # the lower-case dash line resumes her cut-off sentence
        (9, None),
    ]
    assert turns[2].text == "How much does a home pay?"  # the dash is no speech


def test_one_dash_line_is_no_habit() -> None:
    text = ">> JO LI: I quote the report:\n-- Access is a right.\n>> ANA RUIZ: Agreed.\n"
    assert [t.line for t in parse_transcript(text).turns] == [1, 3]


# --- a deaf speaker's voice on the card; a room system's display name ----------------------------


def test_how_a_signed_voice_is_heard_is_no_part_of_the_label() -> None:
    text = (
        ">> CHAIR: The floor is open.\n"
        ">> PARTICIPANT (signing, voiced by interpreter): Who pays for captions?\n"
        ">> LUCÍA PARRA (signed, relayed by interpreter): The city does.\n"
    )
    assert _turns(text) == [
        (1, "CHAIR", None, "speech"),
        (2, "PARTICIPANT (signing, voiced by interpreter)", None, "speech"),
        (3, "LUCÍA PARRA (signed, relayed by interpreter)", "Lucía Parra", "speech"),
    ]


def test_a_room_system_is_a_label_with_no_speaker() -> None:
    text = (
        "Workshop 88 - exported transcript\n"
        "Milena Dvořák (Host): Welcome to the room and online.\n"
        "Pavel Horák (Brno Digital): Thank you, Milena.\n"
        "Brno Room 2 (Guest): Hello, this is the room microphone.\n"
        "Milena Dvořák (Host): Go ahead.\n"
        "Pavel Horák (Brno Digital): One more point.\n"
    )
    assert [(line, speaker) for line, _, speaker, _ in _turns(text)] == [
        (2, "Milena Dvořák"),
        (3, "Pavel Horák"),
        (4, None),
        (5, "Milena Dvořák"),
        (6, "Pavel Horák"),
    ]
    assert generic_label("Conference Room B") and not generic_label("Michael Room")
