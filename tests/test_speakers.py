import pytest

from forumlens.transcript.speakers import colonless_label, display_name, looks_like_label, name_key, split_name_card


@pytest.mark.parametrize(
    "label, expected",
    [
        ("JENNIFER CHUNG", "Jennifer Chung"),
        ("CHAIRMAN DESAI", "Desai"),
        ("DR. AMINA OKAFOR", "Amina Okafor"),
        ("AMBASSADOR HANS-PETER MÜLLER", "Hans-Peter Müller"),
        ("MARÍA JOSÉ GARCÍA\u2011LÓPEZ", "María José García-López"),
        ("jean-luc de la fontaine", "Jean-Luc de la Fontaine"),
        ("YASMIN CURZI de MENDONCA", "Yasmin Curzi de Mendonca"),
        ("Courtney Rausch", "Courtney Rausch"),
        ("DEBARATI DAS", "Debarati Das"),
        ("H.E. FED. COUN. DORIS LEUTHARD", "Doris Leuthard"),
        ("HON. DR. JOHN SMITH ", "John Smith"),
        ("LYNN ST. AMOUR", "Lynn St. Amour"),
        ("C. SURNAME", "C. Surname"),
        ("MODERATOR JANE DOE", "Jane Doe"),
        ("ALISON GILLWALD, RESEARCH ICT AFRICA", "Alison Gillwald"),
        ("MODERATOR", None),
        ("AUDIENCE MEMBER", None),
        ("FEMALE SPEAKER", None),
        ("INTERPRETER", None),
        ("CHAIR", None),
    ],
)
def test_display_name(label, expected):
    assert display_name(label) == expected


@pytest.mark.parametrize(
    "candidate, ok",
    [
        ("JENNIFER CHUNG", True),
        ("jean-luc de la fontaine", True),
        ("HON. DR. NAME ", True),
        ("REPRESENTATIVE OF KENYA", True),
        ("The question was", False),
        ("Thank you all", False),
        ("We split in two halves", False),
        ("Yes. So we begin", False),
        ("At 10", False),
    ],
)
def test_looks_like_label(candidate, ok):
    assert looks_like_label(candidate) is ok


def test_name_key_ignores_case_accents_and_hyphen_style():
    assert name_key("OLIVIER CREPIN\u2011LEBLOND") == name_key("Olivier Crépin-Leblond")


@pytest.mark.parametrize(
    "head, label",
    [
        ("Markus Kummer Excellencies, ladies and gentlemen.", "Markus Kummer"),
        ("Olusegun Adeyemi Distinguished colleagues, good morning.", "Olusegun Adeyemi"),
        ("Mei Lin Tan Thank you very much.", "Mei Lin Tan"),
        ("Yasmin Curzi de Mendonca We studied the platforms.", "Yasmin Curzi de Mendonca"),
        ("Good Morning Everyone, we start.", None),
        ("Thank You Chair, I agree.", None),
        ("Excellencies Ladies and gentlemen.", None),
        ("Next Speaker Please.", None),
        ("Markus Kummer", None),  # nothing after it: not enough to tell
        ("Markus Kummer excellencies", None),  # the speech must start with a capital letter
    ],
)
def test_colonless_title_case_labels(head, label):
    end = colonless_label(head)
    assert (head[:end] if end else None) == label


@pytest.mark.parametrize("label", ["Everyone", "ALL", "All Participants", "PANELISTS", "Several speakers"])
def test_collective_labels_are_labels_without_a_speaker(label):
    assert looks_like_label(label)
    assert display_name(label) is None


@pytest.mark.parametrize(
    "label, name, card",
    [
        ("ALISON GILLWALD, RESEARCH ICT AFRICA", "Alison Gillwald", "RESEARCH ICT AFRICA"),
        ("JANE DOE (UNICEF)", "Jane Doe", "UNICEF"),
        ("Tom Berg, University of Oslo", "Tom Berg", "University of Oslo"),
        ("JENNIFER CHUNG", "Jennifer Chung", None),
    ],
)
def test_name_card_labels(label, name, card):
    assert looks_like_label(label)
    assert display_name(label) == name
    assert split_name_card(label)[1] == card


@pytest.mark.parametrize("label", ["Thank you, Chair", "Yes, Marta", "Jane Doe, thank you"])
def test_a_comma_in_a_sentence_is_not_a_name_card(label):
    assert not looks_like_label(label)
