"""Display names from labels written in French, Spanish and Portuguese captions, and the case of
a name with an apostrophe (`transcript/speakers.py`). Invented names."""

from __future__ import annotations

import pytest

from forumlens.transcript.speakers import display_name


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("M. BAKARY KONATÉ", "Bakary Konaté"),  # Monsieur
        ("MME AURÉLIE VASSEUR-LAMBERT", "Aurélie Vasseur-Lambert"),
        ("Sra. Beatriz Nunes", "Beatriz Nunes"),
        ("SR. TOMÁS AGUIRRE", "Tomás Aguirre"),
        ("Dra. Elena Paz", "Elena Paz"),
        ("DON TAPIA", "Don Tapia"),  # a given name, not the Spanish "don"
    ],
)
def test_forms_of_address_are_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize("label", ["PRÉSIDENTE", "Moderadora", "INTERVENANT DE LA SALLE", "Participante"])
def test_roles_in_other_languages_name_nobody(label: str) -> None:
    assert display_name(label) is None


def test_an_apostrophe_capitalises_only_after_a_one_letter_prefix() -> None:
    assert display_name("SIOSAIA KA'IANUA") == "Siosaia Ka'ianua"  # a glottal stop inside the word
    assert display_name("NIAMH O'DONOVAN") == "Niamh O'Donovan"
    assert display_name("RAHUL D’MELLO") == "Rahul D’Mello"


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("M. A. RAHMAN", "M. A. Rahman"),  # initials: the first one is no Monsieur
        ("M SHAH", "M Shah"),  # Monsieur is written "M." with its full stop
        ("M. NDIAYE", "Ndiaye"),
    ],
)
def test_an_initial_m_is_kept_and_monsieur_is_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Д-Р ОЛЕСЯ КРАПИВИНА (онлайн)", "Олеся Крапивина"),  # a doctor title, a mode after the name
        ("Г-ЖА ЗЛАТА ВОРОНЦОВА-ДАШКОВА", "Злата Воронцова-Дашкова"),
        ("ЕВГЕНИЙ БЕЛОКУРОВ", "Евгений Белокуров"),
    ],
)
def test_russian_titles_and_modes_are_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize("label", ["МОДЕРАТОР", "Ведущий", "ПЕРЕВОДЧИЦА", "УЧАСТНИК ИЗ ЗАЛА", "ВСЕ", "Спикер 2"])
def test_russian_roles_name_nobody(label: str) -> None:
    assert display_name(label) is None


def test_a_directory_name_is_read_given_name_first() -> None:
    from forumlens.transcript.speakers import display_name, given_first

    assert display_name("Kowalczyk-Nowak, Agata (MAC)") == "Agata Kowalczyk-Nowak"
    assert display_name("de Groot, Sanne") == "Sanne de Groot"
    # a family name of several words, a short capitalised particle first (Māori, Dutch, Arabic)
    assert display_name("Te Rangi-Hohaia, Aroha (Guest)") == "Aroha Te Rangi-Hohaia"
    assert display_name("Al Mansouri, Huda") == "Huda Al Mansouri"
    # a name card, an organisation in capitals, a role: not a directory name
    assert given_first("Jo Li, UNESCO") == "Jo Li, UNESCO"
    assert given_first("HUB, BUKAVU") == "HUB, BUKAVU"
    assert display_name("Jo Li, co-moderator") == "Jo Li"
    assert display_name("Okafor, Moderator") == "Okafor"


def test_arabic_roles_titles_and_collectives_are_no_person() -> None:
    from forumlens.transcript.parse import parse_transcript

    text = (
        "المنتدى العربي لحوكمة الإنترنت\n\n"
        ">> مدير الجلسة: Good morning, we begin.\n"
        ">> أ. سامي الخطيب: Thank you. Two points.\n"
        ">> مشاركة: A question from Rabat.\n"
        ">> الجميع: (Laughter)\n"
        ">> سامي الخطيب: Yes, gladly.\n"
    )
    session = parse_transcript(text)
    assert [t.speaker for t in session.turns] == [None, "سامي الخطيب", None, None, "سامي الخطيب"]
    assert display_name("د. ليلى حداد") == "ليلى حداد"


def test_a_phone_line_caller_is_no_person() -> None:
    from forumlens.transcript.speakers import display_name

    assert display_name("Call-in User_3") is None
    assert display_name("Dial-in User 2") is None


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("KADİR IŞIK", "Kadir Işık"),  # a dotted İ: the label is in the Turkish alphabet, I is ı
        ("İLKNUR ÖZTÜRK", "İlknur Öztürk"),  # no combining dot left after the i
        ("DOĞAN IRMAK", "Doğan Irmak"),  # Ğ says Turkish too: IRMAK keeps its capital I
        ("SELİN ALTINTAŞ", "Selin Altıntaş"),
        ("FRANÇOIS ISAAC", "François Isaac"),  # Ç alone is no Turkish: French keeps its dotted i
        ("ŞTEFANIA POP", "Ştefania Pop"),  # a Romanian Ş with a cedilla: no Turkish either
    ],
)
def test_turkish_capitals_lower_in_the_turkish_alphabet(label: str, shown: str) -> None:
    assert display_name(label) == shown
    assert "\u0307" not in (display_name(label) or "")


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("ዶ/ር መቅደስ አበበ", "መቅደስ አበበ"),  # Amharic: doctor, written short with a slash
        ("ወ/ሮ ብርቱካን ታደሰ", "ብርቱካን ታደሰ"),  # Mrs.
        ("አቶ ሙሉጌታ", "ሙሉጌታ"),  # Mr., with the given name only
        ("डॉ अनिता वर्मा", "अनिता वर्मा"),  # Hindi: doctor
        ("श्रीमती कविता जोशी", "कविता जोशी"),  # Mrs.
    ],
)
def test_titles_in_ethiopic_and_devanagari_are_dropped_and_the_name_kept_whole(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize("label", ["አወያይ", "ተሳታፊ", "संचालक", "प्रतिभागी", "An observer", "OBSERVER"])
def test_roles_in_ethiopic_and_devanagari_name_nobody(label: str) -> None:
    assert display_name(label) is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("PROF. DOÇ. DR. AYŞE DEMİR", "Ayşe Demir"),  # Turkish: professor, associate professor, doctor
        ("Yrd. Doç. Dr. Elif Şahin", "Elif Şahin"),  # assistant associate professor, doctor
        ("Av. Kerem Aydın", "Kerem Aydın"),  # a lawyer
        ("dr hab. inż. Anna Kowalska", "Anna Kowalska"),  # Polish degrees
        ("doc. JUDr. Jana Horáková", "Jana Horáková"),  # Czech: docent, doctor of law
        ("Ir. Dewi Lestari", "Dewi Lestari"),  # Indonesian: engineer
    ],
)
def test_academic_titles_of_other_languages_are_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("นายสมชาย ทองคำ", "สมชาย ทองคำ"),  # Mr, glued to the given name
        ("นางสาววิไล แสงทอง", "วิไล แสงทอง"),  # Miss: the longer title, not "นาง" (Mrs)
        ("รศ.ดร.กมล ใจดี", "กมล ใจดี"),  # associate professor and doctor, both glued
        ("คุณสมชาย", "สมชาย"),  # Khun before a given name alone
        ("นายก", "นายก"),  # one letter after the title: a word, not a title and a name
    ],
)
def test_thai_titles_glued_to_the_name_are_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize("label", ["ผู้ดำเนินรายการ", "ล่าม", "ผู้เข้าร่วม"])
def test_thai_roles_name_nobody(label: str) -> None:
    assert display_name(label) is None


def test_the_hindi_ji_after_a_surname_is_dropped() -> None:
    assert display_name("शर्मा जी") == "शर्मा"


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Hon. (Ms.) Ochola-Odera", "Ochola-Odera"),  # a title in brackets after a title
        ("Dr. (Mrs.) Wanjiru Kamau", "Wanjiru Kamau"),
        ("Hon. Wanjiru Kamau (Kenya)", "Wanjiru Kamau"),  # a country in brackets stays a card piece
        ("Hon. Members", None),  # the house answering together, a collective label
    ],
)
def test_commonwealth_hansard_labels(label: str, name: str | None) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("κ. Αριστείδης Βλαχογιάννης", "Αριστείδης Βλαχογιάννης"),  # Greek: Mr
        ("κα Δέσποινα Ζαφειρίου-Κόκκαλη", "Δέσποινα Ζαφειρίου-Κόκκαλη"),  # Mrs
        ("Δρ Ζαφειρίου", "Ζαφειρίου"),
        ("ΚΑ ΔΕΣΠΟΙΝΑ ΖΑΦΕΙΡΙΟΥ", "Δεσποινα Ζαφειριου"),  # capitals fold to title case
        ('ד"ר נועה שטרנהל', "נועה שטרנהל"),  # Hebrew: doctor (gershayim typed as an ASCII quote)
        ("עו״ד שטרנהל", "שטרנהל"),  # advocate, with the Hebrew gershayim
        ("גב' רינת אלמוגי-דהן (Eilat)", "רינת אלמוגי-דהן"),
        ("ბ-ნი ლევან კვირიკაშვილი", "ლევან კვირიკაშვილი"),  # Georgian: Mr, short
        ("ქალბატონი თამთა", "თამთა"),  # Mrs, written out, the given name in the nominative
    ],
)
def test_greek_hebrew_and_georgian_titles_are_dropped(label: str, name: str) -> None:
    assert display_name(label) == name


@pytest.mark.parametrize("label", ["Συντονίστρια", "Διερμηνέας", "מנחה", "מתורגמנית", "მოდერატორი", "თარჯიმანი"])
def test_greek_hebrew_and_georgian_roles_name_nobody(label: str) -> None:
    assert display_name(label) is None


def test_a_georgian_name_keeps_its_letters() -> None:
    """Mkhedruli letters are lower case to `str.islower`, but Georgian running text has no capitals:
    an upper-case first letter would turn the name into Mtavruli, the capitals of all-caps text."""
    assert display_name("ლევან კვირიკაშვილი") == "ლევან კვირიკაშვილი"
    assert display_name("ᲚᲔᲕᲐᲜ ᲙᲕᲘᲠᲘᲙᲐᲨᲕᲘᲚᲘ") == "ლევან კვირიკაშვილი"  # all in Mtavruli: folded to Mkhedruli
