"""A form of address or a role in a label, told by how the file's own speech writes its words."""

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.spokenaddress import common_words_role, spoken_addresses, spoken_prefix

# An invented regional chamber's record in Spanish, labels on a line of their own: the chair in
# common words, members by a form of address the chair also says in lower case before the name.
RECORD = """Diario de sesiones, comisión de sociedad digital

El presidente:
Tiene la palabra la señora Quiroga Etxeberria.

La señora Quiroga Etxeberria (GMX):
Gracias. La red comunitaria del valle funciona desde hace un año y pedimos que la comisión pague la luz.

El presidente:
Para una pregunta, tiene la palabra el señor Balbuena.

El señor Balbuena (GPR):
¿Quién repara la antena cuando se rompe?

La señora Quiroga Etxeberria (GMX):
Los estudiantes de la escuela técnica, como parte de su curso.

El presidente:
Gracias. Se vota la semana próxima.
"""


def test_an_address_the_speech_says_before_the_name_is_dropped_and_the_chair_is_a_role() -> None:
    session = parse_transcript(RECORD)
    assert [t.speaker for t in session.turns] == [
        None,
        "Quiroga Etxeberria",
        None,
        "Balbuena",
        "Quiroga Etxeberria",
        None,
    ]


def test_the_opening_words_count_only_where_the_speech_writes_them_before_the_name() -> None:
    assert spoken_prefix("La señora Quiroga Etxeberria (GMX)", RECORD) == 2
    assert spoken_prefix("El señor Balbuena (GPR)", RECORD) == 2
    # the words are said in lower case elsewhere, never before this name: a name, kept whole
    assert spoken_prefix("Bill Hope", "the bill passed, we hope. Thank you, Bill Hope.") == 0
    # a surname's own particle, lower case inside a sentence, stays the name's
    assert spoken_prefix("De Groot", "we thank de Groot and the voorzitter") == 0
    assert spoken_prefix("Van Wijk", "a question from van Wijk") == 0
    # a label in capitals shows no case to set against the speech
    assert spoken_prefix("LA SEÑORA QUIROGA", RECORD) == 0


def test_a_role_in_common_words_needs_its_capitals_written_in_lower_case_by_the_speech() -> None:
    assert common_words_role("El presidente", RECORD)
    assert not common_words_role("Leyla xanım", "Leyla xanım, please. Thank you, Leyla.")  # a given name
    assert not common_words_role("EL PRESIDENTE", RECORD)  # capitals: no case to read
    assert not common_words_role("Jean de la", "de la")  # particles are a name's
    assert not common_words_role("Bill Hope", "the bill, we hope")  # no lower-case word in the label


def test_names_without_evidence_pass_through() -> None:
    addressed = [("Ana Ruiz", False), (None, False), ("Jo", True)]
    assert spoken_addresses(["Ana Ruiz", None, "Mr. Jo"], addressed, "ana ruiz said hello") == addressed
