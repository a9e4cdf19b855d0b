"""The words and characters speaker labels are made of, and the word tests built on them.

Generic roles, collective voices, titles, name particles, sentence words; hyphen and space
look-alikes and emoji (`clean_label`); whether a word is a title or opens a sentence.

Why a module of its own: these tables and tests are what the label rules (`speakers`) and the
name-card reader (`namecards`) both read; kept apart from the rules, a new title or a new
generic role is a one-line change here, and the card reader needs nothing from `speakers`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from forumlens.text.accents import UNDECOMPOSED

__all__ = [
    "CAPITAL_TITLES",
    "COLLECTIVE_LABELS",
    "FUNCTION_WORDS",
    "GENERIC_LABELS",
    "HYPHENS",
    "INITIAL_WORD",
    "NAME_WORD",
    "OPENING_WORDS",
    "PARTICLES",
    "ROOM_NUMBER",
    "ROOM_WORDS",
    "SPACES",
    "TITLES",
    "TITLE_QUALIFIERS",
    "TRAILING_TITLES",
    "UNDECOMPOSED",
    "clean_label",
    "is_title",
    "name_word",
    "sentence_word",
    "without_symbols",
]


# Hyphen look-alikes captioners use inside names (U+2011 non-breaking hyphen above all).
HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212\u00ad"), "-")


SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t"), " ")


# Labels that name a role, not a person: kept as `label`, `speaker` is null.
GENERIC_LABELS = frozenset(
    {
        "moderator",
        "co-moderator",
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "co-chair",
        "audience",
        "audience member",
        "audience members",
        "participant",
        "participants",
        "floor",
        "speaker",
        # a film's or a podcast's voice over the pictures; a voice told only by who it is
        *["narrator", "woman", "man"],
        "female speaker",
        "male speaker",
        "unidentified speaker",
        "unknown speaker",
        "speakers",
        "interpreter",
        "interpretation",
        # an ad hoc interpreter (a relative, a colleague) is captioned by the job, like the booth
        "translator",
        "translation",
        "captioner",
        "remote participant",
        "remote moderator",
        "online participant",
        "online moderator",
        "host",
        "presenter",
        "panelist",
        "panellist",
        "rapporteur",
        "secretariat",
        "facilitator",
        "organizer",
        "organiser",
        "question",
        "voice",
        "voices",
        "unidentified male",
        "unidentified female",
        "student",
        "attendee",
        "from the floor",
        "audience speaker",
        "onsite moderator",
        "online speaker",
        "the chair",
        *["the court", "court"],  # a court-style record's bench
        "the moderator",
        "microphone",  # "MICROPHONE 1": a floor microphone, numbered, not a person
        "mic",
        "floor microphone",
        "floor mic",
        "delegate",
        "parliamentarian",
        "guest",  # a meeting tool's name for an unsigned-in caller ("Guest (Unverified)")
        # a video-conference system's default display name for a guest who gave none (Jitsi Meet)
        "fellow jitster",
        # a meeting tool's name for a caller on the phone line ("Call-in User_3", "Dial-in User 2")
        *["call-in user", "dial-in user", "caller", "phone caller", "telephone user"],
        # a press briefing: the press officer, and `Q:` / `A:` for a question from a journalist
        # and an answer whose speaker the transcriber did not name
        *["spokesperson", "spokesman", "spokeswoman", "press officer", "q", "a"],
        # a voice an editor or a recogniser could not tell, written alone ("Unknown", "UNIDENTIFIED");
        # a diariser's numbered voice, written short ("spk_0", "SPKR 2")
        *["unknown", "unidentified", "spk", "spkr"],
        # a messaging app's sender whose account was removed; a chat client's own account,
        # shown to its owner as `me` (`me: yes, fourth row`): the file never says who that is
        *["deleted account", "me"],
        # the same roles in French, Spanish and Portuguese captions
        *["président", "présidente", "presidente", "presidenta", "modérateur", "modératrice"],
        *["moderador", "moderadora", "intervenant", "intervenante", "participante", "interprète"],
        *["intervenant de la salle", "intervenante de la salle", "público", "publico", "audiência"],
        *["co-moderadora", "co-moderador", "moderatrice", "ponente", "intérprete", "interprete"],
        # Russian captions (national and regional IGFs of the CIS): moderator (a man, a woman),
        # chair, interpreter, participant, speaker, rapporteur, secretary, voice, audience
        *["ведущий", "ведущая", "модератор", "председатель", "председательствующий", "переводчик"],
        *["переводчица", "участник", "участница", "выступающий", "выступающая", "докладчик"],
        *["докладчица", "спикер", "секретарь", "секретариат", "голос", "зал", "аудитория", "слушатель"],
        # Arabic captions (the Arab IGF, Arabic channels): moderator and session moderator (a man,
        # a woman), chair, facilitator, interpreter, participant, speaker, audience, rapporteur
        *["مدير الجلسة", "مديرة الجلسة", "المدير", "المديرة", "رئيس الجلسة", "رئيسة الجلسة"],
        *["الرئيس", "الرئيسة", "الميسر", "الميسرة", "ميسر", "ميسرة", "المترجم", "المترجمة"],
        *["مترجم", "مترجمة", "الترجمة", "مشارك", "مشاركة", "المشارك", "المشاركة", "متحدث"],
        *["متحدثة", "المتحدث", "المتحدثة", "الجمهور", "الحضور", "المقرر", "المقررة"],
        # German captions: moderator (a woman), chair (a man, a woman), interpreter, participant, audience
        *["moderatorin", "vorsitzender", "vorsitzende", "dolmetscher", "dolmetscherin", "teilnehmer"],
        *["teilnehmerin", "publikum"],
        # Chinese (traditional and simplified), Japanese and Korean captions and name cards:
        # moderator, chair, interpreter, participant, speaker, audience, host
        *["主持人", "主持", "主席", "口譯員", "口译员", "口譯", "口译", "翻譯", "翻译", "與會者", "与会者"],
        *["參與者", "参与者", "發言人", "发言人", "聽眾", "听众", "觀眾", "观众", "司會", "司会", "司会者"],
        *["通訳", "参加者", "発言者", "聴衆", "座長", "사회자", "좌장", "통역사", "통역", "참가자", "청중", "발표자"],
        # Amharic captions (Ethiopic script): moderator, chair, interpreter, participant, speaker,
        # presenter, audience
        *["አወያይ", "አወያይዋ", "ሰብሳቢ", "ሊቀመንበር", "አስተርጓሚ", "ተሳታፊ", "ተሳታፊዎች", "ተናጋሪ", "አቅራቢ", "ታዳሚ"],
        # Hindi captions (Devanagari): moderator, chair, interpreter, participant, speaker, audience
        *["संचालक", "संचालिका", "अध्यक्ष", "दुभाषिया", "अनुवादक", "प्रतिभागी", "वक्ता", "श्रोता", "दर्शक"],
        # Thai captions: moderator, master of ceremonies, chair, interpreter, participant, speaker
        # (a lecturer on a panel), panellist, audience
        *["ผู้ดำเนินรายการ", "พิธีกร", "ประธาน", "ล่าม", "ผู้เข้าร่วม", "ผู้พูด", "วิทยากร", "ผู้ร่วมอภิปราย", "ผู้ฟัง"],
        # Greek captions (the Hellenic IGF): moderator (a woman, a man), chair, interpreter,
        # participant (a woman, a man), speaker (a man, a woman), audience
        *["συντονίστρια", "συντονιστής", "πρόεδρος", "διερμηνέας", "συμμετέχουσα", "συμμετέχων"],
        *["ομιλητής", "ομιλήτρια", "ακροατήριο", "κοινό"],
        # Hebrew captions (no letter case): moderator (a man, a woman), chair, interpreter (a woman,
        # a man), participant (a man, a woman), speaker (a man, a woman), audience
        *["מנחה", "מנחת", 'יו"ר', "יו״ר", "מתורגמנית", "מתורגמן", "משתתף", "משתתפת", "דובר", "דוברת", "קהל"],
        # Georgian captions (Mkhedruli, no capitals in running text): moderator, chair, interpreter,
        # participant, speaker, audience
        *["მოდერატორი", "თავმჯდომარე", "თარჯიმანი", "მონაწილე", "მომხსენებელი", "აუდიტორია"],
        # a delegation or a person seated to follow, not a member ("An observer", "OBSERVER")
        "observer",
        # the chair of a Nordic parliament's sitting in the minutes, in the definite form ("the
        # President", "the Chairman", "the Speaker"): Norwegian, Danish, Swedish; Finnish, Icelandic
        *["presidenten", "præsidenten", "formanden", "ordføreren", "møtelederen", "talmannen", "ordföranden"],
        *["puhemies", "forseti"],
    }
)


# Labels for several voices at once (">> Everyone:", ">> ALL PARTICIPANTS:"): a label, never
# a person. Spelled with function words, so `looks_like_label` must accept them by name.
COLLECTIVE_LABELS = frozenset(
    {
        "all",
        "everyone",
        "everybody",
        "all participants",
        *["все", "все участники"],  # Russian "everyone", "all participants"
        *["الجميع", "جميع المشاركين", "المشاركون"],  # Arabic "everyone", "all participants", "participants"
        "all panelists",
        "all panellists",
        "all speakers",
        "participants",
        "panelists",
        "panellists",
        "audience members",
        "several speakers",
        "multiple speakers",
        "several voices",
        "many voices",
        "crowd",
        "group",
        "in unison",
        "both",
        "both speakers",
        "panel",
        "the panel",
        "the audience",
        "the room",
        "delegates",
        "members",  # "Hon. Members": the house answering together
        "youth delegates",
        "parliamentarians",
        "members of parliament",
        *["全體", "全体", "大家", "全員", "모두", "일동"],  # Chinese, Japanese, Korean "everyone"
    }
)


# Honorifics and offices written before a name; dropped from the display name.
TITLES = frozenset(
    [
        "ambassador",
        "amb",
        "chairman",
        "chairperson",
        "chairwoman",
        "chair",
        "dr",
        "doctor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "professor",
        "h.e",
        "he",
        "hon",
        "honourable",
        "honorable",
        "sir",
        "dame",
        "madam",
        "madame",
        "lord",
        "lady",
        "fed",
        "coun",
        "minister",
        "deputy",
        "president",
        "vice",
        "secretary-general",
        "sg",
        "senator",
        "rep",
        "excellency",
        "his",
        "her",
        "mp",
        "moderator",
        "co-moderator",
        "secretariat",
        "rapporteur",
        "judge",
        "justice",
        "rev",
        "father",
        "sheikh",
        "sen",
        "gov",
        "governor",
        "mayor",
        "eng",
        "engr",
        "dep",  # "Dep. Ana Ruiz": a deputy (member of parliament)
        # French, Spanish and Portuguese forms of address ("M. Diagne", "Mme Fontaine", "Sra. Brandão")
        *["m", "mme", "mlle", "sr", "sra", "srta", "dra", "dña"],
        # Spanish academic forms of address ("Lic. Rodrigo Samaniego", "Ing. Ana Ruiz", "Mtra. Lía Paz")
        *["lic", "lcdo", "lcda", "ing", "mtro", "mtra"],
        # German and Austrian forms of address and degrees ("Frau Dr. Anna Huber", "Herr Mag. Jo Li")
        *["frau", "herr", "mag", "dipl", "univ"],
        # Italian ("Dott.ssa Chiara Rossi", "Avv. Marco Bini", "Sig.ra Rossi", "Prof.ssa Neri")
        *["dott", "dott.ssa", "dottssa", "prof.ssa", "avv", "sig", "sig.ra", "arch"],
        # Turkish academic and professional titles ("DOÇ. DR. Ayşe Kaya": associate professor and
        # doctor; "Yrd. Doç.", "Öğr. Gör." a lecturer, "Av." a lawyer, "Müh." an engineer, "Sayın")
        *["doç", "yrd", "öğr", "gör", "av", "müh", "uzm", "sayın"],
        # Polish, Czech and Slovak degrees and Dutch and Indonesian ones ("dr hab. inż. Jan Nowak",
        # "Mgr. Eva Dvořáková", "doc. JUDr. Petr Novák", "Ir. Budi Santoso", "Drs. Jan de Vries")
        *["hab", "inż", "mgr", "doc", "judr", "mudr", "phdr", "rndr", "ir", "drs"],
        # French "Maître" (a lawyer's form of address), written out
        *["maître", "maitre"],
        # Russian: Mr, Ms, Dr, Prof., academician, written short or out ("Д-Р ТИМУР САДЫКБАЕВ")
        *["г-н", "г-жа", "д-р", "проф", "акад", "господин", "госпожа"],
        # Arabic, written short with a dot or out: doctor, professor, engineer, ustadh/ustadha
        # ("د. رنا الشامي"), Mr, Mrs, His Excellency
        *["د", "أ.د", "م", "أ", "دكتور", "الدكتور", "الدكتورة", "الأستاذ", "الأستاذة", "المهندس"],
        *["السيد", "السيدة", "معالي", "سعادة"],
        # Amharic, written short with a slash or out: Mr, Mrs, Miss, doctor, professor, engineer,
        # honourable (a man, a woman) ("ዶ/ር ሳባ ኃይሉ" is Dr. Saba Hailu)
        *["አቶ", "ወ/ሮ", "ወ/ት", "ወ/ሪት", "ዶ/ር", "ዶክተር", "ፕ/ር", "ፕሮፌሰር", "ኢ/ር", "ኢንጂነር", "ክቡር", "ክብርት"],
        # Malay honorifics and forms of address ("DATO' HAIRUDDIN MOKHZANI", "Encik Kamal", "Puan
        # Siti"): an honour conferred by a state, Mr, Mrs; written with or without the apostrophe
        *["dato'", "dato’", "datuk", "datin", "encik", "puan"],
        # Hindi: Mr, Mrs, Ms, doctor, professor (written short with a dot or out), honourable
        *["श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉ", "डॉक्टर", "प्रो", "प्रोफेसर", "माननीय"],
        # Greek, written short or out: Mr/Mrs ("κ."), Mrs ("κα", "κυρία"), Mr ("κος", "κύριος"),
        # doctor, professor ("κ. Στυλιανός Χατζηπαναγιώτου" is Mr Stylianos Chatzipanagiotou)
        *["κ", "κα", "κος", "κύριος", "κυρία", "δρ", "δρα", "καθ", "καθηγητής", "καθηγήτρια"],
        # Hebrew, written short with a geresh or gershayim (ASCII or Hebrew marks) or out: Mr, Mrs,
        # doctor, advocate, accountant, professor, Member of the Knesset, rabbi
        *["מר", "גב'", "גב׳", "גברת", 'ד"ר', "ד״ר", 'עו"ד', "עו״ד", 'רו"ח', "רו״ח", "פרופ'", "פרופ׳"],
        *["פרופסור", 'ח"כ', "ח״כ", "הרב"],
        # Nordic offices written before a minister's name in parliamentary minutes ("Statsråd Jo Li":
        # a cabinet minister; "Statsminister": the prime minister; Finnish "Ministeri")
        *["statsråd", "statsrådet", "statsminister", "statsministeren", "ministeri"],
        # Georgian, written short with a hyphen or out: Mr ("ბ-ნი", "ბატონი"), Mrs ("ქ-ნი",
        # "ქალბატონი"), professor, doctor
        *["ბ-ნი", "ქ-ნი", "ბატონი", "ქალბატონი", "პროფ", "პროფესორი", "დოქტ", "დოქტორი"],
    ]
)


# Titles that Chinese, Japanese and Korean write after the name, as a word of their own on a name
# card (`吳佩珊 博士`: Dr. Wu Peishan): doctor, professor, Mr, Ms, Miss, teacher, Japanese
# and Korean forms of address. Dropped from the end of the display name; the name stays as written.
TRAILING_TITLES = frozenset(
    [
        "博士",
        "教授",
        "先生",
        "女士",
        "小姐",
        "老師",
        "老师",
        "部長",
        "部长",
        "さん",
        "様",
        "氏",
        "박사",
        "교수",
        "님",
        "씨",
        # Hindi: the respectful "ji" after a name or surname ("त्रिवेदी जी")
        "जी",
    ]
)


# Titles that Thai writes glued to the given name, with no space (`นายธนากร` is Mr Thanakorn,
# `ผศ.ดร.ปิยะนุช` Assistant Professor Dr Piyanut): Mr, Miss, Mrs, Khun (a polite form of address),
# Ajarn (teacher), and the academic ranks and doctor written short with their full stops. Thai
# writes no space between words, so a label's first word is the title and the given name; the
# longest title is taken first (`นางสาว` before `นาง`).
GLUED_TITLES = tuple(
    sorted(
        ["นาย", "นาง", "นางสาว", "คุณ", "อาจารย์", "ดร.", "ผศ.", "รศ.", "ศ.", "ท่าน"],
        key=len,
        reverse=True,
    )
)


# Forms of address that are also ordinary words in lower case: a title only written with a capital
# ("ME ISABELLE ROCHAT", "Me Rochat": the French "Maître"; "me" is a pronoun).
CAPITAL_TITLES = frozenset(["me"])


# Lower-case particles that stay lower case inside a name.
PARTICLES = frozenset(
    [
        "de",
        "la",
        "le",
        "du",
        "da",
        "das",
        "dos",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "ter",
        "zu",
        "y",
        "e",
        "bin",
        "binti",
        "bint",  # the Arabic patronymics with "bin": daughter of, son of
        "ibn",
        "al",
        "el",
    ]
)


# Words that mark a sentence, not a label, when they start the text after ">>".
FUNCTION_WORDS = frozenset(
    [
        "i",
        "i'm",
        "im",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "am",
        "thank",
        "thanks",
        "hello",
        "hi",
        "yes",
        "no",
        "okay",
        "ok",
        "so",
        "and",
        "or",
        "but",
        "if",
        "the",
        "a",
        "an",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "my",
        "our",
        "your",
        "good",
        "morning",
        "afternoon",
        "evening",
        "can",
        "could",
        "would",
        "should",
        "will",
        "may",
        "might",
        "let",
        "please",
        "just",
        "well",
        "now",
        "here",
        "there",
        "what",
        "why",
        "how",
        "who",
        "when",
        "where",
        "which",
        "not",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "all",
        "everyone",
        "everybody",
    ]
)


@lru_cache(maxsize=4096)
def clean_label(label: str) -> str:
    """`label` in NFC with one kind of hyphen and space, no emoji, single spaces, no edge dots or colons.

    Remembered (a pure function of a short string): a session asks it ~1,100 times of its few
    dozen labels and names, through `generic_label` and `name_key` (issue 19)."""
    text = unicodedata.normalize("NFC", label).translate(HYPHENS).translate(SPACES)
    return re.sub(r"\s+", " ", without_symbols(text)).strip(" .:")


# Emoji, flags and their joiners: pictographs (category So), emoji modifiers (Sk: skin tones),
# and the invisible marks that build one emoji from several (variation selectors, the zero-width
# joiner, the keycap). Only above U+2000, so an ASCII label is never touched.
_SYMBOL_CATEGORIES = frozenset(["So", "Sk"])


_EMOJI_GLUE = frozenset(["\u200d", "\ufe0e", "\ufe0f", "\u20e3"])
# any character at or above U+2000: a label without one keeps every character
_HIGH = re.compile("[\u2000-\U0010ffff]")


def without_symbols(text: str) -> str:
    """`text` without emoji and flags: a meeting tool's display name often carries them
    ("Tevita Folaumahina 🇹🇴", "🌊 Host | Losana Vakacegu"), but they are no part of a name, so
    a label is read, and a speaker named, without them (the label keeps them as written)."""
    if _HIGH.search(text) is None:  # the same test as every character below U+2000, at C speed (issue 19)
        return text
    kept = (
        ch
        for ch in text
        if ord(ch) < 0x2000 or (ch not in _EMOJI_GLUE and unicodedata.category(ch) not in _SYMBOL_CATEGORIES)
    )
    return "".join(kept)


# Words that name a meeting room in the languages of IGF host countries and their captioners
# ("SALLE XI", "Sala 2", "Saal 3", "Zaal B", "v sále 4", "Aula Magna"), the English ones
# included: a room is where voices sit, never a person ("AUDIENCE (SALLE XI)" is the audience).
ROOM_WORDS = frozenset(
    [
        *["room", "boardroom", "hall", "studio", "auditorium", "plenary"],
        *["salle", "sala", "salón", "salon", "saal", "zaal", "sál", "sále", "aula", "plenaria", "plénière"],
    ]
)


# What numbers a room after its word: digits, a letter, or a Roman numeral ("Salle XI", "Room IV").
ROOM_NUMBER = r"(?:\d{1,4}|[^\W\d_]|(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"


# Words that make an office of the title after them ("Under-Secretary-General", "Vice Chair",
# "Acting Minister"); alone they are no title.
TITLE_QUALIFIERS = frozenset(["under", "vice", "deputy", "co", "assistant", "acting"])


# The ordinal indicators and raised letters Portuguese and Spanish abbreviations end with
# (`Sr.ª`, `Dr.ª`, `D.ª`): the abbreviation is the word before them.
_RAISED_ENDING = re.compile(r"(?<=\.)[ªºᵃᵒ]+$")


def is_title(token: str) -> bool:
    """Whether `token` is a title ("Dr.", "Mme", "Sr.ª": an abbreviation's raised ending is no letter of it)."""
    token = _RAISED_ENDING.sub("", token)
    bare = token.lower().strip(".,")
    if bare in TITLES or token.lower().rstrip(".") in TITLES:
        return True
    if bare in CAPITAL_TITLES and token[:1].isupper():
        return True
    head, hyphen, rest = bare.partition("-")
    return bool(hyphen) and head in TITLE_QUALIFIERS and is_title(rest)


def sentence_word(word: str) -> bool:
    """Whether a word opens or carries a sentence ("Thank", "we", "Excellencies"), so a label
    written without a colon cannot go on through it."""
    low = word.lower().strip(".,;:!?")
    return low in FUNCTION_WORDS or low in OPENING_WORDS


# Words that open a speech, not a name, when written in title case after ">>" ("Excellencies",
# "Distinguished colleagues", "Dear friends"): a colon-less label never contains them.
OPENING_WORDS = frozenset(
    [
        "excellencies",
        "excellency",
        "distinguished",
        "dear",
        "ladies",
        "gentlemen",
        "colleagues",
        "friends",
        "delegates",
        "honourable",
        "honorable",
        "mister",
        "welcome",
        "greetings",
        "bonjour",
        "hola",
        "namaste",
        "next",
        "first",
        "then",
        "also",
        "again",
        "sorry",
        "right",
        "great",
        "indeed",
        "absolutely",
        "sure",
        "exactly",
        "perfect",
        "wonderful",
        "alright",
        "hey",
        "speaker",
        "chair",
    ]
)


NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\u2011-][^\W\d_]+)*\.?")
# A one-letter word inside a name, with or without its full stop: an initial (`Jo K. Li`) or a
# one-letter particle (`Cormac Ó Faoláin`).
INITIAL_WORD = re.compile(r"[^\W\d_]\.?")
# A word of letters joined by apostrophes and hyphens (U+2011 too), with no full stop.
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’\u2011-][^\W\d_]+)*")


def name_word(word: str) -> bool:
    """Whether a word is written as a word of a person's name: capitalised and in mixed case
    (`Tvedebrink-Hjorth`, `O’Neill`), or a name particle (`de`, `van`).

    No full stop: a word ending in one is an abbreviation, a title (`Sr.`) or an initial, never
    a name word by itself — `Ministeren (Sr. Jo Li)` must not read `Sr.` as a given name (the
    office readers take a title or an initial apart, where they allow one)."""
    if word in PARTICLES:
        return True
    return _LETTER_WORD.fullmatch(word) is not None and word[:1].isupper() and any(ch.islower() for ch in word)
