"""Turn-marker labels → display names, and the test of whether a label is a name.

Caption writers label turns in capitals ("JENNIFER CHUNG"), mixed case ("Courtney
Rausch"), lower case ("jean-luc de la fontaine"), with titles ("AMBASSADOR", "DR.",
"H.E.") and with generic roles ("MODERATOR", "AUDIENCE MEMBER"). The display name
must be the same for every variant so later stages can merge people, and a generic
role must not become a person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "COLLECTIVE_LABELS",
    "GENERIC_LABELS",
    "NameCard",
    "card_like",
    "card_reads_ok",
    "colonless_label",
    "display_name",
    "generic_label",
    "looks_like_label",
    "name_key",
    "normalise_label",
    "occupation_word",
    "parse_name_card",
    "place_of_voice",
    "sentence_word",
    "split_name_card",
    "title_word",
    "without_symbols",
]

# Hyphen look-alikes captioners use inside names (U+2011 non-breaking hyphen above all).
_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212\u00ad"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t"), " ")
# Latin letters that Unicode decomposition leaves whole, spelled as captions in capitals do
# ("Yıldız" is "YILDIZ", "Łukasz" is "LUKASZ"): without this a name lost its letters in the key.
_UNDECOMPOSED = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ħ": "h",
        "Ħ": "H",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
    }
)

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
        "female speaker",
        "male speaker",
        "unidentified speaker",
        "unknown speaker",
        "speakers",
        "interpreter",
        "interpretation",
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
        "the moderator",
        "microphone",  # "MICROPHONE 1": a floor microphone, numbered, not a person
        "mic",
        "floor microphone",
        "floor mic",
        "delegate",
        "parliamentarian",
        "guest",  # a meeting tool's name for an unsigned-in caller ("Guest (Unverified)")
        # a meeting tool's name for a caller on the phone line ("Call-in User_3", "Dial-in User 2")
        *["call-in user", "dial-in user", "caller", "phone caller", "telephone user"],
        # a press briefing: the press officer, and `Q:` / `A:` for a question from a journalist
        # and an answer whose speaker the transcriber did not name
        *["spokesperson", "spokesman", "spokeswoman", "press officer", "q", "a"],
        # a voice an editor or a recogniser could not tell, written alone ("Unknown", "UNIDENTIFIED");
        # a diariser's numbered voice, written short ("spk_0", "SPKR 2")
        *["unknown", "unidentified", "spk", "spkr"],
        # a messaging app's sender whose account was removed
        "deleted account",
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
        "youth delegates",
        "parliamentarians",
        "members of parliament",
        *["全體", "全体", "大家", "全員", "모두", "일동"],  # Chinese, Japanese, Korean "everyone"
    }
)

# Honorifics and offices written before a name; dropped from the display name.
_TITLES = frozenset(
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
        # French "Maître" (a lawyer's form of address), written out
        *["maître", "maitre"],
        # Russian: Mr, Ms, Dr, Prof., academician, written short or out ("Д-Р ТИМУР САДЫКБАЕВ")
        *["г-н", "г-жа", "д-р", "проф", "акад", "господин", "госпожа"],
        # Arabic, written short with a dot or out: doctor, professor, engineer, ustadh/ustadha
        # ("د. رنا الشامي"), Mr, Mrs, His Excellency
        *["د", "أ.د", "م", "أ", "دكتور", "الدكتور", "الدكتورة", "الأستاذ", "الأستاذة", "المهندس"],
        *["السيد", "السيدة", "معالي", "سعادة"],
    ]
)
# Titles that Chinese, Japanese and Korean write after the name, as a word of their own on a name
# card (`吳佩珊 博士`: Dr. Wu Peishan): doctor, professor, Mr, Ms, Miss, teacher, Japanese
# and Korean forms of address. Dropped from the end of the display name; the name stays as written.
_TRAILING_TITLES = frozenset(
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
    ]
)
# Forms of address that are also ordinary words in lower case: a title only written with a capital
# ("ME ISABELLE ROCHAT", "Me Rochat": the French "Maître"; "me" is a pronoun).
_CAPITAL_TITLES = frozenset(["me"])

# Lower-case particles that stay lower case inside a name.
_PARTICLES = frozenset(
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
        "al",
        "el",
    ]
)

# Words that mark a sentence, not a label, when they start the text after ">>".
_FUNCTION_WORDS = frozenset(
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


# A generic label numbered or lettered by the captioner ("Speaker 1", "PARTICIPANT 2", "Audience
# Member B"), or by a diariser that joins the number with an underscore ("SPEAKER_00"): still a
# role, not a person.
_NUMBERED = re.compile(r"(?P<role>.+?)[ \t]*(?:[#_][ \t]*)?(?:\d{1,3}|[A-Z])")


# Where a generic voice is, written after the role ("SPEAKER FROM THE FLOOR", "Participant in the
# room", "QUESTION FROM THE AUDIENCE", "PARTICIPANT FROM KENYA", "Speaker online"): still the
# role, not a person.
_WHERE = re.compile(
    r"(?P<role>.+?)[ \t]+(?:from[ \t]+\S.*|(?:in|on)[ \t]+the[ \t]+(?:floor|audience|room|hall|line|chat)"
    r"|online|on-?line|remote|remotely|on[ \t]?site|in[ \t]person"
    r"|из[ \t]+(?:зала|аудитории)|онлайн|дистанционно)",  # Russian: from the floor, online
    re.IGNORECASE,
)


# A caller shown by a phone number, often masked by the meeting tool ("+255 71 XXX XX41",
# "+1 202-555-0100"): an international `+`, then groups of digits or mask characters.
_PHONE = re.compile(r"\+\d{1,4}(?:[ .\-]?(?:\(\d{1,4}\)|[\dXx*\u2022#]{1,5})){2,7}")


def phone_label(label: str) -> bool:
    """Whether a label is a caller's phone number (masked or not): a label, never a person."""
    return _PHONE.fullmatch(label.strip()) is not None


def generic_label(label: str) -> bool:
    """Whether a label names a role or a group, not a person, numbered or not, and wherever the
    voice is ("SPEAKER FROM THE FLOOR"); a caller's phone number is no person either."""
    text = _clean(label)
    if _role_only(text) or phone_label(text):
        return True
    where = _WHERE.fullmatch(text)
    if where is not None and _role_only(where.group("role")):
        return True
    # a room system shown by the room's name ("Katowice Room 3 (Guest)", "Conference Room B"): no person
    return _ROOM_LABEL.fullmatch(text.split(" (", 1)[0]) is not None


# Words a captioner writes before a role to tell generic voices apart ("MALE VOICE", "FEMALE
# PARTICIPANT", "ANOTHER SPEAKER", "THE AUDIENCE", "SEVERAL PARTICIPANTS"): still no person.
_VOICE_QUALIFIERS = frozenset(
    [
        *["male", "female", "unidentified", "unknown", "another", "other", "next", "new", "young", "older"],
        *["first", "second", "third", "the", "a", "an", "one", "several", "many", "some", "multiple"],
        *["online", "remote", "onsite", "on-site", "virtual", "in-person", "anonymous"],
    ]
)


# A role noun that is nobody's surname: whatever qualifies it ("VOICE INTERPRETER", "INTERNATIONAL
# SIGN INTERPRETER", "Chat Moderator"), the label names a job, not a person ("Host", "Chair",
# "Speaker" are surnames too, so they stay with `_VOICE_QUALIFIERS`).
_OCCUPATION_ROLES = frozenset(
    [
        *["moderator", "moderators", "interpreter", "interpreters", "rapporteur", "captioner", "facilitator"],
        # a chat account that is no person: a bot ("SpeakTimer BOT"), whatever its name (a hub
        # stays a voice of its own: "HUB, BUKAVU" is "Bukavu Hub", `test_transcript_hub_labels`)
        "bot",
    ]
)


def _role_only(text: str) -> bool:
    """A role or group label as written (`text` cleaned), numbered or not ("Speaker 2"), perhaps
    after words that only tell voices apart ("FEMALE PARTICIPANT")."""
    low = text.lower()
    if low in GENERIC_LABELS or low in COLLECTIVE_LABELS:
        return True
    words = low.split(" ")
    if len(words) in (2, 3) and words[0] in _VOICE_QUALIFIERS:
        return _role_only(text.split(" ", 1)[1])
    if 2 <= len(words) <= 4 and words[-1] in _OCCUPATION_ROLES:
        # the words before only qualify the job: plain words, none that carries a sentence ("Right, moderator")
        return all(w.isalpha() and not sentence_word(w) for w in words[:-1])
    numbered = _NUMBERED.fullmatch(text)
    return numbered is not None and numbered.group("role").lower() in GENERIC_LABELS


def _clean(label: str) -> str:
    text = unicodedata.normalize("NFC", label).translate(_HYPHENS).translate(_SPACES)
    return re.sub(r"\s+", " ", without_symbols(text)).strip(" .:")


# Emoji, flags and their joiners: pictographs (category So), emoji modifiers (Sk: skin tones),
# and the invisible marks that build one emoji from several (variation selectors, the zero-width
# joiner, the keycap). Only above U+2000, so an ASCII label is never touched.
_SYMBOL_CATEGORIES = frozenset(["So", "Sk"])
_EMOJI_GLUE = frozenset(["\u200d", "\ufe0e", "\ufe0f", "\u20e3"])


def without_symbols(text: str) -> str:
    """`text` without emoji and flags: a meeting tool's display name often carries them
    ("Tevita Folaumahina 🇹🇴", "🌊 Host | Losana Vakacegu"), but they are no part of a name, so
    a label is read, and a speaker named, without them (the label keeps them as written)."""
    if all(ord(ch) < 0x2000 for ch in text):
        return text
    kept = (
        ch
        for ch in text
        if ord(ch) < 0x2000 or (ch not in _EMOJI_GLUE and unicodedata.category(ch) not in _SYMBOL_CATEGORIES)
    )
    return "".join(kept)


def normalise_label(label: str) -> str:
    """The label with hyphen and space look-alikes unified and outer punctuation trimmed."""
    return _clean(label)


# Words that make an office of the title after them ("Under-Secretary-General", "Vice Chair",
# "Acting Minister"); alone they are no title.
_TITLE_QUALIFIERS = frozenset(["under", "vice", "deputy", "co", "assistant", "acting"])


def _is_title(token: str) -> bool:
    bare = token.lower().strip(".,")
    if bare in _TITLES or token.lower().rstrip(".") in _TITLES:
        return True
    if bare in _CAPITAL_TITLES and token[:1].isupper():
        return True
    head, hyphen, rest = bare.partition("-")
    return bool(hyphen) and head in _TITLE_QUALIFIERS and _is_title(rest)


def _leading_title(tokens: list[str]) -> int:
    """How many of the first tokens are one title: "Dr." is one, "Assistant Secretary-General" two.

    The French "M." is also an initial: it is a title only written with its full stop and not
    followed by another initial ("M. DIAGNE", but "M. A. RAHMAN" and "M SHAH" keep their initial)."""
    if tokens[0].lower().strip(".,") == "m" and (not tokens[0].endswith(".") or _initial(tokens[1])):
        return 0
    if _is_title(tokens[0]):
        return 1
    if tokens[0].lower().strip(".,") in _TITLE_QUALIFIERS and len(tokens) > 2 and _is_title(tokens[1]):
        return 2
    return 0


def _initial(token: str) -> bool:
    """One letter, with or without its full stop ("A.", "J")."""
    return re.fullmatch(r"[^\W\d_]\.?", token) is not None


def title_word(token: str) -> bool:
    """Whether a word is a title or an initial ("Dr.", "H.E.", "J."), so a full stop after it
    ends no sentence."""
    bare = token.strip('(["“')
    return _is_title(bare) or re.fullmatch(r"(?:[A-Za-z]\.)+", bare) is not None


# Articles that are particles only after another particle ("de la Fontaine"); right after a given
# name in a capitals or lower-case label they open the surname ("THIBAUT LE GOFFIC" is "Thibaut
# Le Goffic", "MARCO LA ROSA" "Marco La Rosa").
_ARTICLES = frozenset(["le", "la"])


# Turkish (and Azeri) casing: a dotted capital İ or a Ğ in a label says the writer typed the
# Turkish alphabet, where I lowers to dotless ı and İ to i ("KADİR IŞIK" is Kadir Işık);
# str.lower() gives "i̇" (i and a combining dot) for İ and "i" for I. Ş and Ç alone say nothing
# (Romanian, French and Albanian write them too), so "SEMRA YALÇINKAYA" keeps a dotted i.
_TURKISH_HINT = re.compile("[İıĞğ]")
_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_TURKISH_UPPER = str.maketrans({"i": "İ", "ı": "I"})


def _lower(word: str, turkish: bool) -> str:
    return word.translate(_TURKISH_LOWER).lower() if turkish else word.replace("İ", "i").lower()


def _capital(part: str, turkish: bool) -> str:
    head = (part[:1].translate(_TURKISH_UPPER) if turkish else part[:1]).upper()
    return head + part[1:]


def _case_word(
    word: str, first: bool, last: bool, written: bool = False, after: str = "", turkish: bool = False
) -> str:
    """`word` of a name in display case; `written`: the label is in mixed case, so a particle
    written with a capital was chosen ("Danh Van Thach": a Vietnamese middle name, no particle);
    `after`: the word before it; `turkish`: the label is in the Turkish alphabet (`_TURKISH_HINT`)."""
    if not any(ch.isalpha() for ch in word):
        return word
    low = _lower(word, turkish)
    # an article is a particle after another particle, or where a mixed-case label wrote it so
    particle = low in _PARTICLES and (low not in _ARTICLES or after.lower() in _PARTICLES or (written and word == low))
    if particle and not first and not last and not (written and word[:1].isupper()):
        return low  # "de", "van der": a surname follows
    if word.isupper() or word.islower():
        parts = re.split(r"([-'’])", low)
        out = []
        for i, part in enumerate(parts):
            # after an apostrophe, a capital follows a one-letter elided prefix ("O'Brien",
            # "D'Souza"); inside a word the apostrophe is a glottal stop ("Fa'amausili")
            inside = i >= 2 and parts[i - 1] in ("'", "’") and len(parts[i - 2]) > 1
            out.append(part if part in "-'’" or inside else _capital(part, turkish))
        return "".join(out)
    return word  # already mixed case: the writer chose it


_FROM = re.compile(r"\s+from\s+", re.IGNORECASE)


# A token that mixes letters and digits ("SM-A525F", "A52s"), or a number of its own: a device
# model or a cue, never a word of a person's name ("Speaker 2" is a numbered role, read before).
_DEVICE_TOKEN = re.compile(r"[^\W\d_]\d|\d[^\W\d_]|^\d+$")


# A meeting tool shows a phone or a computer by its kind when its owner never set a name
# ("iPhone de Lucía", "Ana's iPad", "Galaxy A52s"): a device, not the person who speaks.
_DEVICE_WORDS = frozenset(
    ["iphone", "ipad", "ipod", "android", "galaxy", "pixel", "macbook", "laptop", "tablet", "smartphone"]
)
# …and a room system by the room's name and its number or letter ("Conference Room B", "Katowice
# Room 2"); "Michael Room" is a person.
_ROOM = re.compile(r"\b(?:room|boardroom|hall|studio)[ \t]+(?:[A-Za-z]|\d{1,4})\b", re.IGNORECASE)
# …as a whole label: up to three capitalised words of place, then the room and its number or letter
_ROOM_LABEL = re.compile(
    r"(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:Room|ROOM|Boardroom|BOARDROOM|Hall|HALL)[ \t]+(?:[A-Z]|\d{1,4})"
)


# A directory name, family name first: `Przybysz-Zając, Halina (KPRM)`, `van Dijk, Anna`.
_DIRECTORY = re.compile(r"(?P<family>[^,()\n]+),[ \t]+(?P<given>[^\W\d_][\w'’-]*)(?P<tag>(?:[ \t]+\([^()\n]*\))?)")


def _proper(word: str) -> bool:
    """A word in title case (`Zając`, `Przybysz-Zając`), not in capitals."""
    return word[:1].isupper() and any(ch.islower() for ch in word) and word[1:2].islower()


def given_first(label: str) -> str:
    """A directory display name turned to given-family order (`Przybysz-Zając, Halina (KPRM)` is
    `Halina Przybysz-Zając (KPRM)`): a family name of one title-case word, perhaps after
    lower-case particles (`van`, `de la`), a comma, one title-case given name and perhaps a
    bracketed tag. Any other label is returned as it is (`Jo Li, UNESCO`, `HUB, BUKAVU`, a name
    card with a role after the comma)."""
    m = _DIRECTORY.fullmatch(label.strip())
    if m is None:
        return label
    *particles, family = m.group("family").split() or [""]
    given = m.group("given")
    if len(particles) > 3 or any(not (w.isalpha() and w.islower() and len(w) <= 3) for w in particles):
        return label
    if not (_proper(family) and _proper(given)) or _is_title(given) or generic_label(given):
        return label
    return f"{given} {m.group('family').strip()}{m.group('tag')}"


@lru_cache(maxsize=4096)
def display_name(label: str | None) -> str | None:
    """Display name for a turn label, or None when the label is a role, not a person.

    >>> display_name("CHAIRMAN DESAI")
    'Desai'
    >>> display_name("jean-luc de la fontaine")
    'Jean-Luc de la Fontaine'
    >>> display_name("AUDIENCE MEMBER") is None
    True
    """
    if not label:
        return None
    label = given_first(label)  # "Li, Jo (ICT)": a directory name, family name first
    text = _clean(parse_name_card(label).name)  # "NAME, ROLE, ORGANISATION (MODE)": the name part
    text = _FROM.split(text, maxsplit=1)[0] or text  # "Paulo Reis from Brazil": where from is no name
    if "_" in text and " " not in text:  # a chat nick joins the words of a name: "Eleni_Markaki"
        text = " ".join(w for w in text.split("_") if w)
    if not text or generic_label(text):
        return None
    tokens = text.split(" ")
    while len(tokens) > 1 and (taken := _leading_title(tokens)):
        del tokens[:taken]
    while len(tokens) > 1 and tokens[-1] in _TRAILING_TITLES:  # "吳佩珊 博士": the title follows the name
        tokens.pop()
    # "H.E.", "FED.COUN." glued together
    while (
        len(tokens) > 1
        and re.fullmatch(r"(?:[A-Za-z]{1,4}\.){2,}", tokens[0])
        and all(_is_title(p + ".") for p in tokens[0].split(".") if p)
    ):
        tokens.pop(0)
    if not tokens or (len(tokens) == 1 and _is_title(tokens[0])):
        return None
    if any(_DEVICE_TOKEN.search(t) or t.lower() in _DEVICE_WORDS for t in tokens) or _ROOM.search(text):
        return None  # a device shown as the display name ("Samsung SM-A525F", "iPhone 13 Pro"): nobody named
    rest = " ".join(tokens)
    if rest.lower() in GENERIC_LABELS:
        return None
    written = any(ch.isupper() for ch in rest) and any(ch.islower() for ch in rest)
    last = len(tokens) - 1
    turkish = _TURKISH_HINT.search(rest) is not None
    words = [
        _case_word(w, i == 0, i == last, written, tokens[i - 1] if i else "", turkish) for i, w in enumerate(tokens)
    ]
    return " ".join(words)


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Case-, accent- and hyphen-insensitive key for comparing names (DESIGN.md): the letters
    that carry no separable accent are spelled as captioners type them ("Sørensen" and
    "SORENSEN" key alike)."""
    text = unicodedata.normalize("NFKD", _clean(name).translate(_UNDECOMPOSED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@lru_cache(maxsize=4096)
def looks_like_label(candidate: str) -> bool:
    """Whether the text before a colon after `>>` reads as a name or role.

    General rule from the caption styles: a few words, no sentence punctuation; an
    all-capitals label may be longer and contain any word ("REPRESENTATIVE OF
    KENYA"), a mixed- or lower-case one must not contain sentence words ("Thank you").
    A name card ("Paolo Conti, co-moderator", "JANE DOE, MINISTRY OF ICT, GHANA (online)")
    is a name followed by pieces that each read as a role, an organisation or place, or a
    mode; it may be longer than a bare label.
    """
    text = _clean(candidate)
    if not text or len(text) > _MAX_CARD or not any(ch.isalpha() for ch in text):
        return False
    if generic_label(text):
        return True
    if re.search(r"[?!;\"“”]", text):
        return False
    words = text.split(" ")
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    if upper >= 0.8 and len(letters) > 1 and len(words) <= 10 and len(text) <= 80:
        return True
    card = parse_name_card(text)
    if card.pieces:
        return _card_name_ok(card.name) and _card_pieces_ok(card)
    if len(text) > 80 or upper >= 0.8:
        return False
    if len(words) > 6 or re.search(r"[,()\[\]\d]|\.\s+[a-z]", text):
        return False
    lowered = [w.lower().strip(".") for w in words]
    return not any(w in _FUNCTION_WORDS for w in lowered)


# A name card may be longer than a bare label: "H.E. NAME SURNAME, DEPUTY MINISTER, MINISTRY OF
# COMMUNICATIONS, COUNTRY" (the 80-character limit still holds for the name part).
_MAX_CARD = 160


# Lower-case words inside an organisation's or a place's name on a card; a name particle is one
# too ("Val di Sole Institute of Law", "Universiteit van Amsterdam").
_CARD_CONNECTORS = (
    frozenset(
        ["of", "for", "and", "the", "de", "la", "le", "du", "des", "del", "on", "in", "&", "y", "e", "für", "und"]
    )
    | _PARTICLES
)


# Roles written after a name on a card ("co-moderator", "Online Moderator", "RAPPORTEUR", "lead
# discussant"): the last word names the role, the words before it only qualify it.
_ROLE_HEADS = frozenset(
    [
        "moderator",
        "chair",
        "chairperson",
        "chairman",
        "chairwoman",
        "rapporteur",
        "speaker",
        "discussant",
        "respondent",
        "organiser",
        "organizer",
        "host",
        "panelist",
        "panellist",
        "facilitator",
        "presenter",
        "keynote",
        "interpreter",
        "participant",
        "member",
    ]
)
_ROLE_QUALIFIERS = frozenset(
    [
        "the",
        "our",
        "session",
        "workshop",
        "panel",
        "lead",
        "main",
        "co",
        "online",
        "onsite",
        "on-site",
        "remote",
        "in-person",
        "keynote",
        "audience",
        "floor",
        "youth",
        "vice",
        "deputy",
        "guest",
        "invited",
        "special",
    ]
)
# Offices written after a name ("DEPUTY MINISTER", "Minister of Digital Economy", "CEO"): a role;
# when they name the body ("Minister of …") the body is also the affiliation.
_OFFICE_HEADS = frozenset(
    [
        "minister",
        "deputy",
        "director",
        "director-general",
        "ceo",
        "cto",
        "coo",
        "founder",
        "co-founder",
        "head",
        "chief",
        "president",
        "vice-president",
        "secretary",
        "secretary-general",
        "under-secretary-general",
        "ambassador",
        "professor",
        "commissioner",
        "executive",
        "senior",
        "coordinator",
        "adviser",
        "advisor",
        "officer",
        "manager",
        "researcher",
        "lecturer",
        "journalist",
        "editor",
        "fellow",
        "consultant",
        "lawyer",
        "engineer",
        "mp",
        "senator",
    ]
)
# Where the speaker is, written on the card ("(online)", "remote", "on site", "via video").
_MODE_PIECE = re.compile(
    r"(?:joining |participating |speaking |connected |connecting )?"
    r"(?:online|on-line|remote|remotely|virtual|virtually|on ?site|on-site|in person|in-person|in the room"
    r"|via video|by video|video|via zoom|by phone|via phone|pre-?recorded|recorded|video message|audio only"
    r"|онлайн|дистанционно|в зале|по видеосвязи)",  # Russian: online, remote, in the room, by video
    re.IGNORECASE,
)
# How the speaker is heard, written on the card ("(Speaking in French)", "(through interpretation)",
# a deaf speaker's "(signing, voiced by interpreter)"): neither a body nor a role.
_VOICE_PIECE = re.compile(
    r"(?:speaking|speaks|spoke|interpret\w*|translat\w*|(?:through|via|with) interpret\w*|sign language)\b.*"
    r"|(?:voiced|signed|relayed) (?:by|through|via)\b.*|signing"
    r"|in unison|together|simultaneously|overlapping|off[ -]?mic\w*|inaudible|laughing|applauding",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameCard:
    """A label written as a name card, split into its parts.

    `name` is the person (or role) before the first comma or parenthesis; `pieces` are the
    parts after it, as written. A place-of-voice word before a place ("HUB, BUKAVU") is no
    name card: `name` is the hub at that place, place first as the sessions call hubs
    ("BUKAVU HUB"), and the place is no piece. `organisation` joins the pieces that name a body or a place
    (what `split_name_card` has always returned as the affiliation), `role` the first piece
    that names a part in the session or an office, `mode` the piece that says where the
    speaker is; a piece saying how the speaker is heard ("Speaking in French") is none of
    them. The turn keeps the raw label, so later stages can read all of it.
    """

    name: str
    pieces: tuple[str, ...] = ()
    organisation: str | None = None
    role: str | None = None
    mode: str | None = None


def _role_piece(clean: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", clean.lower()) if w]
    return 0 < len(words) <= 4 and words[-1] in _ROLE_HEADS and all(w in _ROLE_QUALIFIERS for w in words[:-1])


@lru_cache(maxsize=4096)
def _piece_kind(piece: str) -> str:
    """What one piece of a name card says: "mode", "voice" (how the speaker is heard), "role",
    "office", "org" (an organisation or place: capitalised words), or "other" (not a card)."""
    clean = _clean(piece)
    if _MODE_PIECE.fullmatch(clean):
        return "mode"
    if _VOICE_PIECE.fullmatch(clean):
        return "voice"
    if _role_piece(clean):
        return "role"
    if not card_like(clean) or len(clean) > 80:
        return "office" if _occupation_piece(clean) else "other"
    words = clean.split()
    return "office" if words[0].lower().strip(".,") in _OFFICE_HEADS else "org"


# What a person is, written in lower case after the name on a card ("HAKAN DEMIR, student,
# Bilkent", "Jo Li, youth delegate", "Ana Ruiz, independent researcher"): the last word names
# the person's occupation or standing, the words before it (at most three) only qualify it.
_OCCUPATIONS = (
    _ROLE_HEADS
    | _OFFICE_HEADS
    | frozenset(
        [
            *["student", "activist", "representative", "delegate", "volunteer", "teacher", "expert", "analyst"],
            *["developer", "scientist", "entrepreneur", "intern", "advocate", "scholar", "candidate", "graduate"],
            *["academic", "author", "writer", "reporter", "blogger", "official", "diplomat", "practitioner"],
            *["specialist", "trainer", "educator", "librarian", "lead", "leader", "mentor", "observer", "doctor"],
            *["citizen", "parent", "user", "staff", "youth", "programmer", "designer", "technologist"],
        ]
    )
)


def _occupation_piece(clean: str) -> bool:
    """A card piece in lower case naming what the person is ("student", "PhD student", "youth
    delegate"): one to four words, the last an occupation, none a sentence word."""
    words = clean.split()
    if not 1 <= len(words) <= 4 or words[-1].lower() not in _OCCUPATIONS:
        return False
    return all(
        _NAME_WORD.fullmatch(w) is not None and w.lower() not in _FUNCTION_WORDS and w.lower() not in _OPENING_WORDS
        for w in words
    )


def occupation_word(word: str) -> bool:
    """Whether a lower-case word may name what a person is on a name card ("student", "delegate")."""
    return word.lower() in _OCCUPATIONS


def _names_a_body(piece: str) -> bool:
    return re.search(r"\b(?:of|for|at|to)\b", piece, re.IGNORECASE) is not None


@lru_cache(maxsize=4096)
def parse_name_card(label: str) -> NameCard:
    """The parts of a label written as a name card (`NameCard`); a plain name has no pieces.

    Pieces are separated by commas, parentheses or a dash between spaces ("Jo Li — UNICEF");
    a card that opens with its role ("MODERATOR (Jo Li)", "Chair — Dr. Jo Li") is read with the
    person's name first, when the piece after the role reads as one (`_person_piece`).

    >>> parse_name_card("Paolo Conti, co-moderator").role
    'co-moderator'
    >>> card = parse_name_card("JANE DOE, MINISTRY OF ICT, GHANA (online)")
    >>> (card.name, card.organisation, card.mode)
    ('JANE DOE', 'MINISTRY OF ICT, GHANA', 'online')
    """
    text = label.strip()
    dash = _CARD_DASH.search(text)
    cut = min((i for i in (text.find(","), text.find("("), dash.start() if dash else -1) if i > 0), default=-1)
    if cut <= 0 or text.count("(") != text.count(")") or re.search(r"\([^()]*\(", text):
        return NameCard(name=label)
    name = text[:cut].strip()
    pieces = tuple(p.strip() for p in _CARD_SPLIT.split(text[cut:]) if p.strip())
    if not name or not pieces:
        return NameCard(name=label)
    if _role_first(name) and _person_piece(pieces[0]):
        name, pieces = pieces[0], (name, *pieces[1:])  # "MODERATOR (Jane Doe)", "Chair — Jane Doe"
    elif place_of_voice(name) and _piece_kind(pieces[0]) == "org" and len(pieces[0].split()) <= 4:
        name, pieces = f"{pieces[0]} {name}", pieces[1:]  # "HUB, BUKAVU": the hub at Bukavu, no name card
        if not pieces:
            return NameCard(name=name)
    organisation: list[str] = []
    role = mode = None
    for piece in pieces:
        kind = _piece_kind(piece)
        if kind == "mode":
            mode = mode or piece
        elif kind in ("role", "office"):
            role = role or piece
            if kind == "office" and _names_a_body(piece):
                organisation.append(piece)  # "Minister of Digital Economy": the body is in it
        elif kind != "voice":
            organisation.append(piece)
    return NameCard(name, pieces, ", ".join(organisation) or None, role, mode)


# A dash between spaces separates a card's pieces like a comma ("Jane Doe — Ministry of ICT",
# "Jo Li - moderator"); a hyphen inside a name ("Jean-Luc") has no spaces around it.
# A meeting tool's display name may put the role before a pipe ("Host | Jo Li"): the same cut.
_CARD_DASH = re.compile(r"\s+(?:[\u2013\u2014|]|--?)\s+")
_CARD_SPLIT = re.compile(r"[,()]|\s+(?:[\u2013\u2014|]|--?)\s+")
# Words that make a piece a body, not a person, when the whole label is in capitals.
_BODY_WORDS = frozenset(
    [
        "ministry",
        "university",
        "institute",
        "foundation",
        "association",
        "network",
        "agency",
        "authority",
        "commission",
        "council",
        "forum",
        "centre",
        "center",
        "society",
        "union",
        "group",
        "company",
        "bank",
        "office",
        "department",
        "secretariat",
        "coalition",
        "organisation",
        "organization",
        "government",
        "igf",
        "un",
        "ict",
        "online",
        "remote",
    ]
)


# Where a group of voices is, not who speaks ("HUB, BUKAVU", "REMOTE HUB, GOMA", "ROOM, KISUMU"):
# an optional word that says how the place takes part, then the place-of-voice noun.
_PLACE_OF_VOICE = re.compile(
    r"(?:(?:remote|online|local|virtual|regional|national|satellite|viewing)[ \t]+)?(?:hub|room|site|chapter)",
    re.IGNORECASE,
)


def place_of_voice(text: str) -> bool:
    """Whether a label part names where a group of voices sits ("Hub", "REMOTE HUB", "Room"),
    not a person: a card "HUB, BUKAVU" is the hub at Bukavu, and a lone "HUB" is no surname
    to expand to an earlier hub's label (`shortnames`)."""
    return _PLACE_OF_VOICE.fullmatch(_clean(text)) is not None


def _role_first(name: str) -> bool:
    """A card that opens with the role, not the name ("MODERATOR (Jane Doe)", "Chair — Jane Doe")."""
    clean = _clean(name)
    return clean.lower() in GENERIC_LABELS or _role_piece(clean)


def _person_piece(piece: str) -> bool:
    """Whether a card piece reads as a person's name: two to four name words (particles such as
    "de" inside), no body word ("Ministry", "IGF") and, in mixed case, no acronym."""
    words = _clean(piece).split()
    titled = False
    while len(words) > 2 and _is_title(words[0]):
        words.pop(0)  # "Dr. Jo Li"
        titled = True
    if not 2 <= len(words) <= 4 or words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    mixed = any(ch.islower() for ch in piece)
    for word in words:
        low = word.lower().strip(".")
        if low in _PARTICLES:
            continue
        if low in _BODY_WORDS or low in _FUNCTION_WORDS or low in _CARD_CONNECTORS or _is_title(word):
            return False
        # in mixed case a word in capitals is an acronym, unless a title says a person follows: a
        # UN name card writes the family name in capitals ("Mr. Dietmar KRONAUER", "Mr. QIAO Hanlin")
        acronym = mixed and word.isupper() and len(word) > 1 and not titled
        if _NAME_WORD.fullmatch(word) is None or not word[0].isupper() or acronym:
            return False
    return True


def split_name_card(label: str) -> tuple[str, str | None]:
    """(name, affiliation) of a label written as a name card: "ALISON GILLWALD, RESEARCH ICT
    AFRICA", "Jane Doe (UNICEF)"; the affiliation is None when the label is only a name or
    the card holds only a role or a mode ("Paolo Conti, co-moderator", "Dr. Jo Li (online)")."""
    card = parse_name_card(label)
    return card.name, card.organisation


def _card_pieces_ok(card: NameCard) -> bool:
    """Every piece after the name reads as a role, a mode, or an organisation or place."""
    return all(_piece_kind(p) != "other" for p in card.pieces)


def _card_name_ok(name: str) -> bool:
    """The part before a card's pieces reads as a person's name or a role label: a label by
    itself, with no word that opens a sentence ("Sorry, chair", "Okay, online")."""
    text = _clean(name)
    if not text or len(text) > 80 or re.search(r"\d", text) or not looks_like_label(text):
        return False
    if text.lower() in GENERIC_LABELS:
        return True
    words = [w.lower().strip(".") for w in text.split()]
    return len(words) <= 6 and not any(w in _FUNCTION_WORDS or w in _OPENING_WORDS for w in words)


def card_reads_ok(card: NameCard) -> bool:
    """Whether a label split as a name card reads as one: it has pieces, its name part is a name
    or a role (`_card_name_ok`), and every piece is a role, a mode, a voice or a body."""
    return bool(card.pieces) and _card_name_ok(card.name) and _card_pieces_ok(card)


def sentence_word(word: str) -> bool:
    """Whether a word opens or carries a sentence ("Thank", "we", "Excellencies"), so a label
    written without a colon cannot go on through it."""
    low = word.lower().strip(".,;:!?")
    return low in _FUNCTION_WORDS or low in _OPENING_WORDS


def card_like(text: str) -> bool:
    """Whether the words after a name in a label read as an organisation: capitalised words
    and connectors, no sentence words or digits ("University of Ghana", "MINISTRY OF ICT, KENYA")."""
    words = _clean(text).replace(",", " ").split()
    if not words or len(words) > 10 or re.search(r"[\d?!;:]", text):
        return False
    return all(w[:1].isupper() or w.lower() in _CARD_CONNECTORS for w in words) and words[0][:1].isupper()


# Words that open a speech, not a name, when written in title case after ">>" ("Excellencies",
# "Distinguished colleagues", "Dear friends"): a colon-less label never contains them.
_OPENING_WORDS = frozenset(
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
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\u2011-][^\W\d_]+)*\.?")


def _name_word(word: str) -> bool:
    low = word.lower().strip(".")
    return (
        _NAME_WORD.fullmatch(word) is not None
        and word[0].isupper()
        and any(ch.islower() for ch in word)
        and low not in _FUNCTION_WORDS
        and low not in _OPENING_WORDS
    )


def colonless_label(head: str) -> int:
    """Length of a leading title-case name written as a label without a colon, else 0.

    Captioners sometimes type `>> Markus Kummer Excellencies, …`: the name in title case,
    then the speech. The general shape: two to four name words (particles such as "de"
    allowed inside), no function or greeting words among them, then a word that starts
    with a capital letter (a new sentence). All-capitals labels are the parser's other rule.
    """
    words = list(re.finditer(r"\S+", head[:160]))
    run = 0
    while run < min(len(words), 5):
        word = words[run].group()
        if word.endswith(".") and not _is_title(word) and not _INITIAL.fullmatch(word):
            break  # "Gracias." ends a sentence; "Dr." and "K." do not
        if _name_word(word) or (run and (word in _PARTICLES or _INITIAL.fullmatch(word))):
            run += 1  # "John K. Mwangi": an initial inside the name
            continue
        break
    while run and (words[run - 1].group() in _PARTICLES or _INITIAL.fullmatch(words[run - 1].group())):
        run -= 1
    for k in range(min(run, 4), 1, -1):
        if k >= len(words) or not words[k].group()[:1].isupper():
            continue
        label = head[: words[k - 1].end()]
        if display_name(label) and not _is_title(words[k - 1].group()):
            return words[k - 1].end()
    return 0


_INITIAL = re.compile(r"[A-Z]\.")
