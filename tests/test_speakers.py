import pytest

from forumlens.transcript.speakers import (
    colonless_label,
    display_name,
    generic_label,
    looks_like_label,
    name_key,
    parse_name_card,
    split_name_card,
)


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
        # an ad hoc interpreter is captioned by the job too, alone or qualified
        ("TRANSLATOR", None),
        ("VOLUNTEER TRANSLATOR", None),
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


@pytest.mark.parametrize("label", ["Moderadora", "Co-moderador", "Participante", "Modératrice"])
def test_role_labels_of_bilingual_sessions_name_no_speaker(label):
    assert generic_label(label)
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


@pytest.mark.parametrize(
    "label, name, organisation, role, mode",
    [
        ("Paolo Conti, co-moderator", "Paolo Conti", None, "co-moderator", None),
        ("AMINA MENSAH, Ministry of ICT, Ghana", "Amina Mensah", "Ministry of ICT, Ghana", None, None),
        ("Dr. Paolo Conti (online)", "Paolo Conti", None, None, "online"),
        ("KWAME ADJEI, ONLINE MODERATOR", "Kwame Adjei", None, "ONLINE MODERATOR", None),
        (
            "Lena Vogel, Chaos Computer Club (joining remotely)",
            "Lena Vogel",
            "Chaos Computer Club",
            None,
            "joining remotely",
        ),
        (
            "Ana Costa, Lead Discussant, University of Porto",
            "Ana Costa",
            "University of Porto",
            "Lead Discussant",
            None,
        ),
        ("SAMIR HADDAD, CEO, CEDAR NETWORKS", "Samir Haddad", "CEDAR NETWORKS", "CEO", None),
        (
            "Ms. Ruth Kiptoo, Director of ICT, Ministry of Health, Kenya",
            "Ruth Kiptoo",
            "Director of ICT, Ministry of Health, Kenya",
            "Director of ICT",
            None,
        ),
        ("NGOZI EZE (Speaking in French)", "Ngozi Eze", None, None, None),
        ("MODERATOR (on site)", None, None, None, "on site"),
    ],
)
def test_name_cards_with_a_role_an_organisation_or_a_mode(label, name, organisation, role, mode):
    card = parse_name_card(label)
    assert looks_like_label(label)
    assert display_name(label) == name
    assert (card.organisation, card.role, card.mode) == (organisation, role, mode)
    assert split_name_card(label) == (card.name, organisation)


def test_a_long_upper_case_name_card_is_a_label_and_a_long_sentence_is_not():
    card = "H.E. FATIMA AL-ZAHRA, DEPUTY MINISTER, MINISTRY OF COMMUNICATIONS AND DIGITAL ECONOMY, OMAN"
    assert len(card) > 80 and looks_like_label(card) and display_name(card) == "Fatima Al-Zahra"
    assert not looks_like_label("YES, WE DISCUSSED THIS YESTERDAY AND THE DAY BEFORE, AND AGAIN IN THE MORNING")


@pytest.mark.parametrize(
    "label",
    ["Sorry, chair", "Okay, online", "Right, moderator", "Jane Doe, thank you all", "Maria (we agreed on this)"],
)
def test_a_sentence_with_a_role_or_mode_word_is_not_a_name_card(label):
    assert not looks_like_label(label)


def test_pronouns_in_a_display_name_are_no_body_and_the_label_reads() -> None:
    # a meeting tool's display name with the person's pronouns after it
    for label in ("Aroha Ngata (she/her)", "Bastien Roux (he / him)", "Sam Okoro (they/them/theirs)"):
        card = parse_name_card(label)
        assert looks_like_label(label)
        assert card.organisation is None and card.role is None
    assert parse_name_card("Aroha Ngata (she/her)").name == "Aroha Ngata"
    # a bracketed aside of other words is still no card piece
    assert not looks_like_label("Aroha Ngata (she said yes)")


def test_a_role_after_the_acronym_of_its_body_is_a_role() -> None:
    assert parse_name_card("Mele Havili (IGF co-facilitator)").role == "IGF co-facilitator"
    assert parse_name_card("Jo Li (MAG chair)").role == "MAG chair"
    # an acronym alone is still the organisation, and lower-case words before a role are no acronym
    assert parse_name_card("Jo Li (ISOC)").organisation == "ISOC"
    assert parse_name_card("Jo Li (our great chair)").role is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("HEIKE STRAßMANN-OKOYE", "Heike Straßmann-Okoye"),  # `ß` in a word set in capitals
        ("P.J. WANJIKU", "P.J. Wanjiku"),  # initials glued together keep their capitals
        ("a.b. okafor", "A.B. Okafor"),
    ],
)
def test_capitals_with_a_sharp_s_and_glued_initials_read_in_display_case(label: str, name: str) -> None:
    assert display_name(label) == name
