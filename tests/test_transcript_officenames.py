"""The person in a label that opens with an office, a role or a form of address (`officenames.py`),
and one speaker's time-marked export lines read as one turn (`cuerepeats.join_stamped_repeats`).
Every record here is invented for these tests."""

from __future__ import annotations

import pytest

from forumlens.transcript.labelwords import name_word
from forumlens.transcript.namecards import office_holder_label, parse_name_card
from forumlens.transcript.officenames import office_name, office_names, offices_written_in
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import looks_like_label


@pytest.mark.parametrize(
    ("label", "person"),
    [
        # the office's holder in brackets after it
        ("Kulturministeren (Ingrid Lykkeberg-Strand)", "Ingrid Lykkeberg-Strand"),
        ("O SR. PRESIDENTE (Deputado Cláudio Serravalle)", "Deputado Cláudio Serravalle"),
        ("La señora MINISTRA DE CIENCIA E INNOVACIÓN (Etxeberria Lasarte)", "Etxeberria Lasarte"),
        # a lower-case form of address before a surname in capitals
        ("El señor GARMENDIA OLAZÁBAL", "Garmendia Olazábal"),
        ("La señora PRESIDENTA", None),
        # an article before a title
        ("A SRA. ROSÂNGELA QUEIROGA", "Rosângela Queiroga"),
        # a role word before the name
        ("PANELIST TUMAINI MWAKYUSA", "Tumaini Mwakyusa"),
        ("Moderator Ilse Brandvold", "Ilse Brandvold"),
    ],
)
def test_the_label_names_its_person(label: str, person: str | None) -> None:
    assert office_name(label) == (True, person)


@pytest.mark.parametrize(
    "label",
    [
        "Councillor Ewan Dunmore (Fife Council)",  # a name before the bracket: the bracket is its body
        "Lord Pellworth (Con)",  # a party tag of one word
        "Agnese Vilumsone (Riga Digital Rights Association of Latvia)",  # an organisation
        "MEI LIN TAN",  # a given name in capitals, no role
        "A KOFI ANSAH",  # a one-letter voice, no title after it
        "Chair — Wanjiru Kamau",  # a separator the name readers already know
        "MODERATOR OF THE DAY",  # a description, not a name
        "REPRESENTATIVE OF MALAWI",
        "Kofi Ansah",
    ],
)
def test_a_name_or_a_description_is_left_alone(label: str) -> None:
    assert office_name(label) == (False, None)


def test_a_word_opening_three_names_that_go_on_differently_is_an_address() -> None:
    labels = ["DEPUTADO A", "DEPUTADO B", "DEPUTADO C", "REMOTE HUB X", "REMOTE HUB Y", "SIDI OULD A", "SIDI OULD B"]
    names = [
        "Deputado Cláudio Serravalle",
        "Deputado Heitor Vasconcelos",
        "Deputado Irineu Castanheda",
        "Remote Hub Lagos",
        "Remote Hub Quito",
        "Sidi Ould Boubacar",
        "Sidi Ould Boubakar",
    ]
    out = office_names(labels, [(n, False) for n in names])
    assert [n for n, _ in out] == [
        "Cláudio Serravalle",
        "Heitor Vasconcelos",
        "Irineu Castanheda",
        "Remote Hub Lagos",  # the same word after it: a fixed phrase
        "Remote Hub Quito",
        "Sidi Ould Boubacar",  # one person written twice
        "Sidi Ould Boubakar",
    ]
    assert [d for _, d in out] == [True, True, True, False, False, False, False]


def test_two_people_sharing_a_given_name_keep_it() -> None:
    names = ["Maria Elena Lopez", "Maria Jose Gonzalez", "Mohamed Ali Haddad", "Mohamed Salah Ben Amor"]
    out = office_names(["A", "B", "C", "D"], [(n, False) for n in names])
    assert [n for n, _ in out] == names


_CORTES = """DIARIO DE SESIONES
COMISIÓN DE CIENCIA, INNOVACIÓN Y UNIVERSIDADES
Sesión núm. 7, celebrada el martes 4 de marzo de 2025

Se abre la sesión a las diez de la mañana.

La señora PRESIDENTA: Buenos días, señorías. Comparece la señora ministra para informar sobre el foro.
La señora MINISTRA DE CIENCIA E INNOVACIÓN (Etxeberria Lasarte): Gracias, presidenta. Fuimos seis personas al foro y volvimos con dos convenios firmados.
El señor GARMENDIA OLAZÁBAL: Gracias, presidenta. ¿Quién pagó los billetes de avión de los asesores?
La señora PRESIDENTA: Tiene la palabra la señora ministra para responder.
La señora MINISTRA DE CIENCIA E INNOVACIÓN (Etxeberria Lasarte): Los pagó el ministerio, y la cifra está en el portal de transparencia.
El señor GARMENDIA OLAZÁBAL: Pido que se me envíe por escrito.
La señora PRESIDENTA: Así se hará. Se levanta la sesión.

Eran las once menos cuarto.
"""


def test_a_record_of_addresses_and_offices_reads_its_people() -> None:
    turns = parse_transcript(_CORTES).turns
    read = {t.label: t.speaker for t in turns}
    assert read["La señora PRESIDENTA"] is None  # the chair's office names nobody
    assert read["El señor GARMENDIA OLAZÁBAL"] == "Garmendia Olazábal"
    assert len(turns) >= 5
    # the minister's long label is read by the label model or not at all (a miss this change
    # leaves alone); when it is read, its person is the one in brackets
    assert read.get("La señora MINISTRA DE CIENCIA E INNOVACIÓN (Etxeberria Lasarte)", "Etxeberria Lasarte") == (
        "Etxeberria Lasarte"
    )


_EXPORT = """Coalition on Rural Spectrum - monthly call
Meeting recording transcript
Tuesday, March 4, 2025

00:00:04 Aroha Tane-Whitu: Kia ora everyone, we can start, there are eight of us today.
00:00:12 Aroha Tane-Whitu: First item is the spectrum consultation, second the annual report.
00:00:21 Lwazi Mthembu: Before that, the consultation closes on Friday, not next week.
00:00:30 Aroha Tane-Whitu: Thank you, I had the wrong date.
00:00:35 Lwazi Mthembu: I can draft our comment tonight.
00:00:41 Lwazi Mthembu: Two pages at most, with the map of the villages.
00:00:50 Aroha Tane-Whitu: Perfect. Next item.
"""


def test_one_speakers_stamped_export_lines_are_one_turn() -> None:
    turns = parse_transcript(_EXPORT).turns
    assert [t.speaker for t in turns] == [
        "Aroha Tane-Whitu",
        "Lwazi Mthembu",
        "Aroha Tane-Whitu",
        "Lwazi Mthembu",
        "Aroha Tane-Whitu",
    ]
    assert turns[0].text.startswith("Kia ora everyone") and "second the annual report." in turns[0].text
    assert "with the map of the villages." in turns[3].text


_PARAGRAPHS = """Open Forum on Rural Spectrum
Hybrid session, 4 March 2025

[14:01:05] AROHA TANE-WHITU: Good afternoon, I think we can begin.

[14:02:20] AROHA TANE-WHITU: My co-moderator joins from Durban. Lwazi, over to you.

[14:02:31] LWAZI MTHEMBU: Thank you, Aroha. Good afternoon from Durban.

[14:03:40] LWAZI MTHEMBU: I will follow the chat and give the floor online.

[14:03:48] AROHA TANE-WHITU: Thank you. Our first speaker, the floor is yours.
"""


def test_stamped_paragraphs_with_a_blank_line_between_keep_their_cuts() -> None:
    turns = parse_transcript(_PARAGRAPHS).turns
    assert len(turns) == 5


@pytest.mark.parametrize(
    "label",
    [
        "The Convener (Morag Tulloch-Baird)",
        "The Minister for Rural Affairs (Deputy Cormac Ó Faoláin)",
        "Minister of State at the Department of Transport, Tourism and Sport (Deputy Aoife Brennan-Keogh)",
        "The Presiding Officer (Gwenllian Tudur-Pryce)",
        "The Deputy Minister for Broadband (Ms. Achieng-Otuoma)",  # after a title one name word is enough
        "The Minister for Broadband (Mr. ODHIAMBO)",  # and it may be in capitals
    ],
)
def test_an_office_with_its_holder_in_brackets_is_a_label(label: str) -> None:
    assert office_holder_label(label)
    assert looks_like_label(label)


@pytest.mark.parametrize(
    "label",
    [
        "Dr Morag Tulloch-Baird (Centre for Island Policy)",  # a name, then a body
        "The Convener",  # no holder
        "The Convener (Highland)",  # one word in the bracket: a place
        "We thank the witnesses (Morag Tulloch-Baird)",  # a sentence
        "The Minister for Rural Affairs (2019 Morag Tulloch)",
        "The Minister for Rural Affairs (MORAG TULLOCH)",  # capitals: a heading, not a name as written
        "The Minister for Rural Affairs (TULLOCH)",  # one word with no title before it
        "The Minister for Rural Affairs (Mr. Tulloch.)",  # a word ending in a full stop is no name word
        "Thanks to the Secretariat (Aoife Brennan-Keogh)",  # a sentence's opening, no office
        "Good morning to the Minister (Aoife Brennan-Keogh)",
    ],
)
def test_a_name_card_a_place_or_a_sentence_is_no_office_label(label: str) -> None:
    assert not office_holder_label(label)


_OFFICIAL_REPORT = """Rural Affairs Committee
Tuesday 3 March 2026
09:30
The Convener (Morag Tulloch-Baird): Good morning. Under item 1 we take evidence on rural broadband.
The Minister for Rural Affairs (Deputy Cormac Ó Faoláin): Thank you, convener. Two hundred villages are still waiting for a connection.
Iain Strachan-Moffat: Minister, when will the last of them be connected?
The Minister for Rural Affairs (Deputy Cormac Ó Faoláin): By the end of next year, if the contractor keeps to the plan.
Iain Strachan-Moffat: And if the contractor does not?
The Minister for Rural Affairs (Deputy Cormac Ó Faoláin): Then we will say so in this committee.
The Convener (Morag Tulloch-Baird): Thank you, minister. That ends item 1.
"""


def test_an_official_report_reads_its_office_holders() -> None:
    turns = parse_transcript(_OFFICIAL_REPORT).turns
    assert [t.speaker for t in turns] == [
        "Morag Tulloch-Baird",
        "Cormac Ó Faoláin",
        "Iain Strachan-Moffat",
        "Cormac Ó Faoláin",
        "Iain Strachan-Moffat",
        "Cormac Ó Faoláin",
        "Morag Tulloch-Baird",
    ]


def test_a_titled_holder_is_the_card_name_and_an_untitled_one_keeps_its_place() -> None:
    assert parse_name_card("The Deputy Minister for Broadband (Ms. Achieng-Otuoma)").name == "Ms. Achieng-Otuoma"
    assert parse_name_card("The Convener (Morag Tulloch-Baird)").name == "The Convener"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Tvedebrink-Hjorth", True),
        ("Tvedebrink\u2011Hjorth", True),  # a non-breaking hyphen inside
        ("O’Faoláin", True),
        ("van", True),  # a particle
        ("Sr.", False),  # a full stop: an abbreviation or a title
        ("Li.", False),
        ("LI", False),  # capitals: no mixed case
        ("li", False),
        ("Li2", False),
    ],
)
def test_a_name_word_is_capitalised_mixed_case_letters(word: str, expected: bool) -> None:
    assert name_word(word) is expected


def test_a_titled_bracket_after_a_one_word_office_is_not_read_by_shape() -> None:
    """`Sr.` is no name word, so the bracket is not two to four name words and the office reader
    leaves the label to the card reader (the reading stop 44 shipped)."""
    assert office_name("Ministeren (Sr. Ana Ruiz)") == (False, None)
    assert office_name("Ministeren (Ana Ruiz)") == (True, "Ana Ruiz")


def test_a_line_opening_with_thanks_is_speech_not_an_office_label() -> None:
    record = (
        "The Convener (Morag Tulloch-Baird): Good morning. We begin.\n"
        "Iain Strachan-Moffat: A question on the budget.\n"
        "Thanks to the Secretariat (Aoife Brennan-Keogh): the papers came on time.\n"
        "The Convener (Morag Tulloch-Baird): Thank you.\n"
    )
    turns = parse_transcript(record).turns
    assert [t.speaker for t in turns] == ["Morag Tulloch-Baird", "Iain Strachan-Moffat", "Morag Tulloch-Baird"]
    assert turns[1].text.endswith("the papers came on time.")


_OFFICE_IN_SPEECH = """Sitting of the Committee on Digital Affairs

Przewodniczący Komisji Tomasz Wierzba-Okoye:
Thank you. The question is answered by the przewodniczący komisji of the other chamber, then by Mr. Hope Adeyemi-Lund.
Hope Adeyemi-Lund:
Thank you, Chair. I hope the delegation includes young people.
Przewodniczący Komisji Tomasz Wierzba-Okoye:
Thank you, Hope. That closes the item.
"""


def test_an_office_the_speech_writes_in_lower_case_is_no_part_of_the_name() -> None:
    named = [("Przewodniczący Komisji Tomasz Wierzba-Okoye", False), ("Hope Adeyemi-Lund", False)]
    assert offices_written_in(_OFFICE_IN_SPEECH, named) == [
        ("Tomasz Wierzba-Okoye", True),  # `przewodniczący komisji` is written as a phrase in lower case
        ("Hope Adeyemi-Lund", False),  # two words stay a name: `hope` in lower case is no evidence then
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Hope Wanjiru Adeyemi",  # `hope` written in lower case, but `Thank you, Hope.` inside a sentence
        "Remote Hub Nairobi",  # the rest holds `hub`, a word the speech writes too
        "Ana Maria Ruiz",  # nothing written in lower case
    ],
)
def test_a_name_whose_opening_is_no_office_of_the_speech_is_kept(name: str) -> None:
    text = "Thank you, Hope. I hope the remote hub in Nairobi can hear us, and ana maria ruiz too.\n"
    assert offices_written_in(text, [(name, False)]) == [(name, False)]


def test_a_one_word_role_the_speech_writes_in_lower_case_keeps_its_name() -> None:
    # `the timekeeper` in the speech: the label is still the name its people are resolved by
    text = "Thank you. The timekeeper rings the bell, and the timekeeper is strict.\n"
    assert offices_written_in(text, [("Timekeeper", False)]) == [("Timekeeper", False)]


def test_an_initial_may_stand_for_the_given_name_after_an_office() -> None:
    assert office_name("Kultūras ministre L. Ozola-Asante") == (True, "L. Ozola-Asante")


@pytest.mark.parametrize(
    ("label", "person"),
    [
        ("MINISTER ZA KMETIJSTVO DR. JANA OKORN-BALOGUN", "Jana Okorn-Balogun"),  # the office, then a title
        ("Vizekanzlerin Prof. Greta Lindqvist-Amadi", "Greta Lindqvist-Amadi"),
        ("Verkehrs- und Umweltminister (Lars Holm-Adjei)", "Lars Holm-Adjei"),  # a compound cut at its hyphen
        ("Session chair (Ana Ruiz)", "Ana Ruiz"),  # a lower-case office word in the head
    ],
)
def test_an_office_before_a_title_or_before_a_bracketed_holder_is_no_part_of_the_name(label: str, person: str) -> None:
    assert office_name(label) == (True, person)


@pytest.mark.parametrize(
    "label",
    [
        "Jo Li, moderator (Internet Society)",  # a card: the bracket is the body
        "Jo Li (Highland Council)",  # a name before the bracket
        "Hon. Dr. Jo Li",  # titles only before the name
    ],
)
def test_a_name_before_a_bracket_or_after_titles_alone_is_kept(label: str) -> None:
    assert office_name(label) == (False, None)
