"""National records' labels read by their shape (transcript/speakers.py, officenames.py, turns.py):
an article and a title before the name, the party in brackets, a dash after the colon, an office
with its holder in brackets, a directory name with the family name in capitals, and a device shown
for a participant in a cue export. Invented examples."""

from __future__ import annotations

import pytest

from forumlens.transcript.namecards import office_holder_label
from forumlens.transcript.officenames import office_name
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import device_label, display_name, given_first, looks_like_label

RECORD = """DIÁRIO DA ASSEMBLEIA
O Sr. Presidente: — Srs. Deputados, está aberta a sessão. Tem a palavra a Sr.ª Deputada.
A Sr.ª Beatriz Lemos-Vidal (XP): — Sr. Presidente, a proposta é clara: mais acesso.
Aplausos do XP.
O Sr. Secretário de Estado da Inovação Digital (Rui Pestana-Góis): — Sr. Presidente, respondo já.
O Sr. Presidente: — Está encerrado o debate.
"""


def test_a_record_label_with_article_title_and_party_ends_at_the_colon_and_dash() -> None:
    turns = parse_transcript(RECORD).turns
    assert [t.speaker for t in turns] == [None, "Beatriz Lemos-Vidal", "Rui Pestana-Góis", None]
    assert turns[1].label == "A Sr.ª Beatriz Lemos-Vidal (XP)"
    assert [t.text[:3] for t in turns] == ["Srs", "Sr.", "Sr.", "Est"]  # the dash is the separator's
    assert "Aplausos do XP." in turns[1].text


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("O Sr. Presidente", None),  # the chair by office alone: nobody named
        ("A Sr.ª Ana Brito", "Ana Brito"),  # the raised ending is the abbreviation's, not a letter
        ("La Sra. Ana Brito", "Ana Brito"),
    ],
)
def test_an_article_before_a_title_is_the_form_of_address(label: str, name: str | None) -> None:
    assert looks_like_label(label)
    assert display_name(label) == name


DIRECTORY = """Annex: verbatim record
NGUYEN-HALVORSEN, Tuyet (network coordinator): Welcome. We read the draft paragraph by paragraph.
ABERNETHY-KOLA, Marcus (library board, Accra): Paragraph one is fine for us.
NGUYEN-HALVORSEN, Tuyet (network coordinator): Good. Paragraph two.
"""


def test_a_directory_label_with_the_family_name_in_capitals_reads_given_name_first() -> None:
    turns = parse_transcript(DIRECTORY).turns
    assert [t.speaker for t in turns] == ["Tuyet Nguyen-Halvorsen", "Marcus Abernethy-Kola", "Tuyet Nguyen-Halvorsen"]
    assert given_first("MODERATOR, Jo") == "MODERATOR, Jo"  # a role before the comma is no family name
    assert not looks_like_label("However, Jo (see below)")


def test_an_office_in_capitals_names_a_holder_with_an_initial_in_brackets() -> None:
    assert office_name("PIRMININKAS (J. ORTAS-VILKAS)") == (True, "J. Ortas-Vilkas")
    assert office_name("MODERATOR (UNITED STATES)") == (False, None)  # capitals alone: no person
    assert office_name("A. VILKAS (XYZ)") == (False, None)  # a member and the faction


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Toinen varapuhemies Ilkka Sorvari", "Ilkka Sorvari"),  # a lower-case office word
        ("Předsedkyně VV Jana Hrubá", "Jana Hrubá"),  # an acronym after an office word
    ],
)
def test_office_words_before_a_name_are_the_office(label: str, name: str) -> None:
    assert office_name(label) == (True, name)


@pytest.mark.parametrize("label", ["Dr. KIM Ji Won", "Maria de la Cruz Ortega", "Jo van der Berg"])
def test_a_family_name_in_capitals_or_particles_are_no_office(label: str) -> None:
    assert office_name(label)[1] in (None, display_name(label))


CUES = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
Amara Okafor-Lind: Welcome, everyone, to the rehearsal.

2
00:00:04.500 --> 00:00:07.000
Pixel 7: Hi, I'm on my phone, can you hear me?

3
00:00:07.500 --> 00:00:09.000
Amara Okafor-Lind: Yes. Please rename yourself.
"""


def test_a_device_shown_as_the_display_name_is_a_label_with_no_person() -> None:
    turns = parse_transcript(CUES).turns
    assert [t.label for t in turns] == ["Amara Okafor-Lind", "Pixel 7", "Amara Okafor-Lind"]
    assert turns[1].speaker is None
    assert device_label("Galaxy S21") and device_label("Samsung SM-G991B")
    assert not device_label("Room 2") and not device_label("My phone is off")


@pytest.mark.parametrize(
    "label",
    ["Question for the Minister (Mr. Li)", "The Panel (Dr. AI)", "Comments from the Panel (Jo Li-Rae)"],
)
def test_a_speech_item_or_a_collective_noun_is_no_office(label: str) -> None:
    assert not office_holder_label(label)


def test_an_office_with_a_long_joining_word_is_still_an_office() -> None:
    assert office_holder_label("A Secretária de Estado para a Inovação (Rita Lemos-Vidal)")


def test_a_masthead_line_naming_an_officer_is_no_turn() -> None:
    text = "Presidente: Ex.mo Sr. Jo Li-Rae\n" + RECORD
    turns = parse_transcript(text).turns
    assert turns[0].label == "O Sr. Presidente" and len(turns) == 4
