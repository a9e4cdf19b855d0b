import pytest

from forumlens.transcript.speakers import display_name, looks_like_label, name_key


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
