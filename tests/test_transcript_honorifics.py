"""Forms of address found by where they stand in a file's labels and how they repeat."""

from forumlens.transcript.honorifics import drop_addresses
from forumlens.transcript.parse import parse_transcript

# Invented captions whose labels carry forms of address no title list holds (`KUMU`, `BWANA`,
# `sahib`): the labels themselves show them, kept while the name beside them is shortened.
CAPTIONS = """>> MODERATOR: Welcome. First the ministry, then the operators.
>> KUMU ANELA KEAWE NAKOA: Thank you. The island has two towers and one of them is down.
>> MODERATOR: Thank you. The operators now.
>> ODHIAMBO OKELLO BWANA: We will fix the second tower before the rains.
>> KUMU NAKOA: And the school? It has had no signal since March.
>> OKELLO BWANA: The school comes first, I promise it here.
>> MODERATOR: Good. Rafiq sahib, a last word?
>> Rafiq sahib: Only that the school should get the old tower's battery.
"""


def test_an_opening_word_kept_while_the_name_is_shortened_is_dropped() -> None:
    session = parse_transcript(CAPTIONS)
    speakers = [t.speaker for t in session.turns]
    assert speakers[1] == "Anela Keawe Nakoa"
    assert speakers[4] == "Nakoa"  # the formal address, kept as written, not expanded


def test_a_closing_word_kept_while_the_name_is_shortened_is_dropped() -> None:
    speakers = [t.speaker for t in parse_transcript(CAPTIONS).turns]
    assert speakers[3] == "Odhiambo Okello"
    assert speakers[5] == "Okello"


def test_a_lower_case_last_word_in_a_mixed_case_label_is_an_address() -> None:
    assert parse_transcript(CAPTIONS).turns[7].speaker == "Rafiq"


def test_two_people_who_share_a_given_name_keep_it() -> None:
    labels = ["JOHN SMITH", "JOHN DOE", "JOHN SMITH"]
    assert drop_addresses(labels, ["John Smith", "John Doe", "John Smith"]) == [
        ("John Smith", False),
        ("John Doe", False),
        ("John Smith", False),
    ]


def test_a_second_surname_after_a_title_is_no_address() -> None:
    labels = ["MR. RODRIGO ARMOA ZÁRATE", "MR. ARMOA ZÁRATE"]
    names = ["Rodrigo Armoa Zárate", "Armoa Zárate"]
    assert [name for name, _ in drop_addresses(labels, names)] == names


def test_a_name_is_never_emptied_and_roles_pass_through() -> None:
    assert drop_addresses(["KUMU", None], ["Kumu", None]) == [("Kumu", False), (None, False)]


def test_a_name_cut_at_its_end_keeps_its_given_name() -> None:
    labels = ["Aroha Mere Tane", "Aroha Mere"]
    names = ["Aroha Mere Tane", "Aroha Mere"]
    assert [name for name, _ in drop_addresses(labels, names)] == names


def test_a_word_the_speech_says_as_often_as_the_labels_is_a_name() -> None:
    text = ">> LUZ MARINA ORTEGA: Hello.\n>> CHAIR: Thank you Luz.\n>> LUZ ORTEGA: Yes.\n>> CHAIR: Luz, go on.\n"
    names = ["Luz Marina Ortega", "Luz Ortega"]
    assert [name for name, _ in drop_addresses(["LUZ MARINA ORTEGA", "LUZ ORTEGA"], names, text)] == names
    assert drop_addresses(["LUZ MARINA ORTEGA", "LUZ ORTEGA"], names)[1] == ("Ortega", True)  # no speech to ask


def _names(labels: list[str]) -> list[str | None]:
    return [name for name, _ in drop_addresses(labels, labels)]


def test_a_shortening_may_drop_a_suffix_or_a_glued_initial() -> None:
    # the family name kept from inside the name (`… Jr.` after it), the given name after a glued initial
    assert _names(["Tuan Ramon Dalisay-Cruz Jr.", "Tuan Dalisay-Cruz"])[1] == "Dalisay-Cruz"
    assert _names(["Kyrie Ж.Долгормаа", "Kyrie Долгормаа"]) == ["Ж.Долгормаа", "Долгормаа"]


def test_each_label_has_its_own_address_once_the_file_shows_two() -> None:
    # `Tuan` and `Puan` found by shortening; `Datin` opens one label only and is taken by its place
    labels = ["Tuan Rahmat Ishak", "Puan Aziza Omar", "Tuan Ishak", "Puan Omar", "Datin Nor Haslina"]
    assert _names(labels) == ["Rahmat Ishak", "Aziza Omar", "Ishak", "Omar", "Nor Haslina"]


def test_one_address_found_is_no_slot() -> None:
    labels = ["Tuan Rahmat Ishak", "Tuan Ishak", "Nor Haslina Yusof"]
    assert _names(labels) == ["Rahmat Ishak", "Ishak", "Nor Haslina Yusof"]


def test_a_word_inside_another_name_stays_a_name_word() -> None:
    labels = ["Tuan Rahmat Ishak", "Puan Aziza Omar", "Tuan Ishak", "Puan Omar", "Nor Haslina", "Siti Nor Aini"]
    assert _names(labels)[4] == "Nor Haslina"  # `Nor` stands inside `Siti Nor Aini`


def test_where_labels_close_with_an_address_a_two_word_name_is_left_whole() -> None:
    # `sahib` closes two shortened labels, `Kumu` opens two: `Pono Lee` could be either shape
    labels = ["Kumu Anela Keawe", "Kumu Keawe", "Rafiq Malik sahib", "Malik sahib", "Pono Lee", "Kumu Maka Ho Ane"]
    names = _names(labels)
    assert names[4] == "Pono Lee"
    assert names[5] == "Maka Ho Ane"
