"""Turn-marker labels → display names, and the test of whether a label is a name.

Caption writers label turns in capitals ("JENNIFER CHUNG"), mixed case ("Courtney
Rausch"), lower case ("jean-luc de la fontaine"), with titles ("AMBASSADOR", "DR.",
"H.E.") and with generic roles ("MODERATOR", "AUDIENCE MEMBER"). The display name
must be the same for every variant so later stages can merge people, and a generic
role must not become a person.

The tables these rules read are in `labelwords`; name-card labels are read in `namecards`.
This module keeps the rules from a label to a display name and stays the entry point other
modules import from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from forumlens.text.accents import ascii_fold
from forumlens.transcript.labelwords import (
    COLLECTIVE_LABELS,
    FUNCTION_WORDS,
    GENERIC_LABELS,
    GLUED_TITLES,
    NAME_WORD,
    OPENING_WORDS,
    PARTICLES,
    ROOM_NUMBER,
    ROOM_WORDS,
    TITLE_QUALIFIERS,
    TRAILING_TITLES,
    clean_label,
    is_title,
    sentence_word,
    without_symbols,
)
from forumlens.transcript.namecards import (
    MAX_CARD,
    NameCard,
    card_like,
    occupation_word,
    office_holder_label,
    parse_name_card,
    piece_kind,
    place_of_voice,
    split_name_card,
)

__all__ = [
    "COLLECTIVE_LABELS",
    "GENERIC_LABELS",
    "NameCard",
    "card_like",
    "card_reads_ok",
    "colonless_label",
    "device_label",
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


# A generic label numbered or lettered by the captioner ("Speaker 1", "PARTICIPANT 2", "Audience
# Member B"), or by a diariser that joins the number with an underscore ("SPEAKER_00"): still a
# role, not a person.
_NUMBERED = re.compile(r"(?P<role>.+?)[ \t]*(?:[#_][ \t]*)?(?:\d{1,3}|[A-Z])")


# Where a generic voice is, written after the role ("SPEAKER FROM THE FLOOR", "Participant in the
# room", "QUESTION FROM THE AUDIENCE", "PARTICIPANT FROM KENYA", "Speaker online"): still the
# role, not a person.
_WHERE = re.compile(
    r"(?P<role>.+?)[ \t]+(?:from[ \t]+\S.*|(?:in|on)[ \t]+(?:the[ \t]+)?(?:floor|audience|room|hall|line|chat)"
    r"|online|on-?line|remote|remotely|on[ \t]?site|in[ \t]person"
    r"|из[ \t]+(?:зала|аудитории)|онлайн|дистанционно)",  # Russian: from the floor, online
    re.IGNORECASE,
)


# A role account named by the session or room it serves ("WS 307 Online Moderator", "WS12 Remote
# Moderator", "Room 3 Host"): a code with a number before the role, still no person.
_SESSION_CODE = re.compile(
    r"(?P<code>[A-Z]{1,6}[ \t#-]?\d{1,4}[A-Za-z]?|(?:room|hall|session|workshop)[ \t]+\w{1,4})[ \t]+(?P<role>\D+)",
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
    text = clean_label(label)
    if _role_only(text) or phone_label(text):
        return True
    where = _WHERE.fullmatch(text)
    if where is not None and _role_only(where.group("role")):
        return True
    coded = _SESSION_CODE.fullmatch(text)
    if coded is not None and generic_label(coded.group("role")):
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


# Words that open a label for several voices at once, in the languages of the records ("Several
# delegates", "Plusieurs députés du groupe …", "Varios participantes", "Mehrere Abgeordnete",
# "Flere representanter"): a group, no person, whatever noun follows.
_GROUP_QUANTIFIERS = frozenset(
    [
        *["several", "various", "multiple"],
        *["plusieurs", "quelques", "divers", "diverses", "nombreux", "nombreuses"],
        *["varios", "varias", "algunos", "algunas", "vários", "várias", "alguns", "algumas"],
        *["mehrere", "einige", "alcuni", "alcune", "diversi", "diverse", "flere", "flera", "nogle", "några"],
        *["несколько"],
    ]
)
# Definite articles between a title and a role ("Mme la présidente", "Sr. el presidente").
_ARTICLES = frozenset(["la", "le", "l'", "el", "il", "lo", "der", "die", "the"])


# A role noun that is nobody's surname: whatever qualifies it ("VOICE INTERPRETER", "INTERNATIONAL
# SIGN INTERPRETER", "Chat Moderator"), the label names a job, not a person ("Host", "Chair",
# "Speaker" are surnames too, so they stay with `_VOICE_QUALIFIERS`).
_OCCUPATION_ROLES = frozenset(
    [
        *[
            "moderator",
            "moderators",
            "interpreter",
            "interpreters",
            "translator",
            "rapporteur",
            "captioner",
            "facilitator",
            "mod",  # a forum's moderator account ("ws_remote_mod")
            "admin",
        ],
        # a chat account that is no person: a bot ("SpeakTimer BOT"), whatever its name (a hub
        # stays a voice of its own: "HUB, BUKAVU" is "Bukavu Hub", `test_transcript_hub_labels`)
        "bot",
    ]
)


# One voice of a collective one ("Member" of "Members", "Delegate" of "Delegates"): no person either.
_ONE_OF_MANY = frozenset(w[:-1] for w in COLLECTIVE_LABELS if w.endswith("s") and " " not in w)


def _role_only(text: str) -> bool:
    """A role or group label as written (`text` cleaned), numbered or not ("Speaker 2"), perhaps
    after words that only tell voices apart ("FEMALE PARTICIPANT")."""
    low = text.lower()
    if low in GENERIC_LABELS or low in COLLECTIVE_LABELS or low in _ONE_OF_MANY:
        return True
    words = low.split(" ")
    if len(words) == 2 and is_title(words[0]) and words[1] in _ONE_OF_MANY:
        return True  # a house's member by its title ("hon. Member" in "An hon. Member"): unnamed
    if len(words) in (2, 3) and words[0] in _VOICE_QUALIFIERS:
        return _role_only(text.split(" ", 1)[1])
    if len(words) >= 2 and words[0] in _GROUP_QUANTIFIERS and words[1].isalpha():
        return True  # several voices of a group, whatever the group ("Plusieurs députés du groupe X")
    if len(words) in (3, 4) and is_title(words[0]) and words[1] in _ARTICLES:
        return _role_only(text.split(" ", 2)[2])  # a role addressed by its title ("Mme la présidente")
    if 2 <= len(words) <= 4 and words[-1] in _OCCUPATION_ROLES:
        # the words before only qualify the job: plain words, none that carries a sentence ("Right, moderator")
        return all(w.isalpha() and not sentence_word(w) for w in words[:-1])
    numbered = _NUMBERED.fullmatch(text)
    return numbered is not None and numbered.group("role").lower() in GENERIC_LABELS


def _without_address_article(text: str) -> str:
    """`text` without an article written before a title (`O Sr. Presidente`, `A Sr.ª Jo Li`,
    `La Sra. Ana Ruiz`): a word of one or two letters, no full stop, then a title and more; the
    article belongs to the form of address, it is no sentence's `a`."""
    words = text.split(" ")
    if len(words) > 2 and len(words[0]) <= 2 and words[0].isalpha() and words[0][:1].isupper() and is_title(words[1]):
        return " ".join(words[1:])
    return text


def normalise_label(label: str) -> str:
    """The label with hyphen and space look-alikes unified and outer punctuation trimmed."""
    return clean_label(label)


def _leading_title(tokens: list[str]) -> int:
    """How many of the first tokens are one title: "Dr." is one, "Assistant Secretary-General" two.

    The French "M." is also an initial: it is a title only written with its full stop and not
    followed by another initial ("M. DIAGNE", but "M. A. RAHMAN" and "M SHAH" keep their initial)."""
    if tokens[0].lower().strip(".,") == "m" and (not tokens[0].endswith(".") or _initial(tokens[1])):
        return 0
    if is_title(tokens[0]):
        return 1
    if tokens[0].lower().strip(".,") in TITLE_QUALIFIERS and len(tokens) > 2 and is_title(tokens[1]):
        return 2
    return 0


_THAI = re.compile("[\u0e01-\u0e2e]")  # a Thai consonant: a given name starts with one


def _unglued(token: str) -> str:
    """A Thai first word without the titles glued before the given name (`ผศ.ดร.ปิยะนุช` is
    `ปิยะนุช`); a title is only taken off when a Thai name of two letters or more follows it."""
    while True:
        title = next((t for t in GLUED_TITLES if token.startswith(t)), None)
        rest = token[len(title) :] if title else ""
        if not title or len(rest) < 2 or not _THAI.match(rest):
            return token
        token = rest


def _initial(token: str) -> bool:
    """One letter, with or without its full stop ("A.", "J")."""
    return re.fullmatch(r"[^\W\d_]\.?", token) is not None


def title_word(token: str) -> bool:
    """Whether a word is a title or an initial ("Dr.", "H.E.", "J."), so a full stop after it
    ends no sentence."""
    bare = token.strip('(["“')
    return is_title(bare) or re.fullmatch(r"(?:[A-Za-z]\.)+", bare) is not None


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
    """`part` with its first letter in title case. Title case, not upper case: Unicode maps a
    Georgian Mkhedruli letter's title case to itself (its capitals, Mtavruli, are only for text
    set all in capitals), so a Georgian name keeps its letters; a script without case
    (Hebrew, Arabic) has none to change."""
    head = (part[:1].translate(_TURKISH_UPPER) if turkish else part[:1]).title()
    return head + part[1:]


# Two or more initials glued together, each closed by a full stop (`P.K.`, `J.R.R.`).
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}")


def _sharp_s_free(word: str) -> str:
    """`word` without `ß`: German writes it inside a word set in capitals (`GRÖßLHUBER`), where it
    has no capital in common use, so it tells nothing of the word's case."""
    return word.replace("ß", "")


def _case_word(
    word: str, first: bool, last: bool, written: bool = False, after: str = "", turkish: bool = False
) -> str:
    """`word` of a name in display case; `written`: the label is in mixed case, so a particle
    written with a capital was chosen ("Danh Van Thach": a Vietnamese middle name, no particle);
    `after`: the word before it; `turkish`: the label is in the Turkish alphabet (`_TURKISH_HINT`)."""
    if not any(ch.isalpha() for ch in word):
        return word
    if _INITIALS.fullmatch(word):
        return word.upper()  # initials glued together (`P.K.`, `j.r.`): each letter a capital
    low = _lower(word, turkish)
    # an article is a particle after another particle, or where a mixed-case label wrote it so
    particle = low in PARTICLES and (low not in _ARTICLES or after.lower() in PARTICLES or (written and word == low))
    if particle and not first and not last and not (written and word[:1].isupper()):
        return low  # "de", "van der": a surname follows
    if _sharp_s_free(word).isupper() or word.islower():
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


# A phone's model after its maker's or series' word ("Galaxy A52", "Samsung SM-A525F", "Redmi Note 9"):
# letters and digits in one token, capitals first.
_MODEL_TOKEN = re.compile(r"[A-Z]{1,3}-?[A-Z]?\d{1,4}[A-Za-z]{0,3}|\d{1,2}")


def device_label(label: str) -> bool:
    """Whether a label is a device a meeting tool shows for a participant who set no name (a
    label with no person, `display_name` None): one to four words, a device word among them
    (`_DEVICE_WORDS`: "iPhone de Lucía", "Ana's iPad", "Galaxy A52"), or a capitalised maker's
    word then a model number ("Samsung SM-A525F"); no sentence word."""
    words = clean_label(label).split(" ")
    if not 1 <= len(words) <= 4 or any(sentence_word(w) for w in words):
        return False
    if any(w.lower() in _DEVICE_WORDS for w in words):
        return True
    return (
        2 <= len(words) <= 3
        and _proper(words[0])
        and _MODEL_TOKEN.fullmatch(words[-1]) is not None
        and any(ch.isalpha() for ch in words[-1])
    )


# …and a room system by the room's name and its number, letter or Roman numeral, in any language
# of the room words ("Conference Room B", "Katowice Room 2", "SALLE XI", "Sala 3"); "Michael Room"
# is a person.
_ROOM = re.compile(rf"\b(?:{'|'.join(sorted(ROOM_WORDS))})[ \t]+{ROOM_NUMBER}(?![\w'’-])", re.IGNORECASE)


# …as a whole label: up to three capitalised words of place, then the room word (capitalised or
# in capitals) and its number
_ROOM_LABEL = re.compile(
    r"(?:[A-Z][\w'’-]*[ \t]+){0,3}"
    rf"(?:{'|'.join(f'{w.capitalize()}|{w.upper()}' for w in sorted(ROOM_WORDS))})[ \t]+{ROOM_NUMBER}"
)


# A directory name, family name first: `Przybysz-Zając, Halina (KPRM)`, `van Dijk, Anna`; a
# record's label may add the office after a second comma (`Li, Jo, minister of ICT`).
_DIRECTORY = re.compile(
    r"(?P<family>[^,()\n]+),[ \t]+(?P<given>[^\W\d_][\w'’-]*)(?P<tag>(?:[ \t]+\([^()\n]*\))?)"
    r"(?P<office>(?:,[ \t]+[^,\n]+)?)"
)


def _proper(word: str) -> bool:
    """A word in title case (`Zając`, `Przybysz-Zając`), not in capitals."""
    return word[:1].isupper() and any(ch.islower() for ch in word) and word[1:2].islower()


def given_first(label: str) -> str:
    """A directory display name turned to given-family order (`Przybysz-Zając, Halina (KPRM)` is
    `Halina Przybysz-Zając (KPRM)`): a family name of one title-case word, perhaps after
    lower-case particles (`van`, `de la`), a comma, one title-case given name and perhaps a
    bracketed tag; a record's office after a second comma stays after the name (`Li, Jo, minister
    of ICT` is `Jo Li, minister of ICT`), a family name before it is one word, perhaps after
    lower-case particles (`Jo Li, Google, USA` is a name card). Any other label is returned as it
    is (`Jo Li, UNESCO`, `HUB, BUKAVU`, a name card with a role after the comma)."""
    m = _DIRECTORY.fullmatch(label.strip())
    if m is None:
        return label
    *particles, family = m.group("family").split() or [""]
    given = m.group("given")
    if m.group("office") and any(not w.islower() for w in particles):
        return label
    # particles in lower case ("van", "de la") or capitalised and short ("Te Awarau-Walker", "Van Dijk", "Al Amin")
    if len(particles) > 3 or any(not (w.isalpha() and len(w) <= 3 and (w.islower() or _proper(w))) for w in particles):
        return label
    # the family name in title case, or in capitals as a report editor or a registry sets it
    # (`ŽILVINSKAITĖ, Rasa (coordinator)`): the case sets it apart from the given name
    capitals = family.isupper() and sum(ch.isalpha() for ch in family) >= 2 and not particles
    if not ((_proper(family) or capitals) and _proper(given)) or is_title(given) or generic_label(given):
        return label
    if capitals and (generic_label(family) or is_title(family)):
        return label  # `MODERATOR, Jo`, `DR, Jo`: a role or a title before a name, no family name
    return f"{given} {m.group('family').strip()}{m.group('tag')}{m.group('office')}"


def _directory_label(text: str) -> bool:
    """Whether `text` is a directory name as a report editor labels a verbatim record: family
    name, a comma, the given name (`given_first` reads the shape), then perhaps the editor's note
    in brackets in any case (`MAKHUBELA-ORTT, Johannes (library association, South Africa)`):
    the shape is the evidence, so the note is only held to a few plain words."""
    m = _DIRECTORY.fullmatch(text.strip())
    if m is None or m.group("office") or given_first(text) == text or not m.group("family").isupper():
        return False  # a family name in title case ("However, Jo") is not set apart by its case
    if any(sentence_word(w) for w in (*m.group("family").split(), m.group("given"))):
        return False  # "However, Jo (…)": a sentence's opening word before the comma
    note = m.group("tag").strip()[1:-1]
    return len(note.split()) <= 8 and not re.search(r"[\d:?!;\"“”]", note)


# A title, then more titles in brackets ("Hon. (Mrs.) …", a Commonwealth parliament's way).
_BRACKETED_TITLE = re.compile(r"(\S+)[ \t]+\(([^()]{1,20})\)[ \t]+(?=[^\s(])")


def _bracketed_titles_dropped(label: str) -> str:
    """`label` without titles written in brackets after a leading title: they belong to the name,
    they are no piece of a name card (the organisation or mode in "Jo Li (ICT)")."""
    found = _BRACKETED_TITLE.match(label)
    if found and is_title(found.group(1)) and all(is_title(w) for w in found.group(2).split()):
        return f"{found.group(1)} {label[found.end() :]}"
    return label


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
    label = _bracketed_titles_dropped(label)  # "Hon. (Ms.) Ochola-Odera": no name card
    text = clean_label(parse_name_card(label).name)  # "NAME, ROLE, ORGANISATION (MODE)": the name part
    text = _without_address_article(text)  # "O Sr. Presidente": the article opens the address
    text = _FROM.split(text, maxsplit=1)[0] or text  # "Paulo Reis from Brazil": where from is no name
    if "_" in text and " " not in text:  # a chat nick joins the words of a name: "Eleni_Markaki"
        text = " ".join(w for w in text.split("_") if w)
    if not text or generic_label(text):
        return None
    tokens = text.split(" ")
    while len(tokens) > 1 and (taken := _leading_title(tokens)):
        del tokens[:taken]
    while len(tokens) > 1 and tokens[-1] in TRAILING_TITLES:  # "吳佩珊 博士": the title follows the name
        tokens.pop()
    tokens[0] = _unglued(tokens[0])  # "นายธนากร": Thai glues the title to the given name
    # "H.E.", "FED.COUN." glued together
    while (
        len(tokens) > 1
        and re.fullmatch(r"(?:[A-Za-z]{1,4}\.){2,}", tokens[0])
        and all(is_title(p + ".") for p in tokens[0].split(".") if p)
    ):
        tokens.pop(0)
    if not tokens or (len(tokens) == 1 and is_title(tokens[0])):
        return None
    if any(_DEVICE_TOKEN.search(t) or t.lower() in _DEVICE_WORDS for t in tokens) or _ROOM.search(text):
        return None  # a device shown as the display name ("Samsung SM-A525F", "iPhone 13 Pro"): nobody named
    rest = " ".join(tokens)
    if rest.lower() in GENERIC_LABELS or rest.lower() in COLLECTIVE_LABELS:  # "Hon. Members": the house
        return None
    written = any(ch.isupper() for ch in rest) and any(ch.islower() for ch in _sharp_s_free(rest))
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
    "SORENSEN" key alike). Remembered: a session keys its few dozen names ~400 times (issue 19)."""
    text = ascii_fold(clean_label(name))
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
    text = clean_label(candidate)
    if phone_label(text):  # a dial-in caller shown by a masked number: "+254 7** *** 318", no letter in it
        return True
    if not text or len(text) > MAX_CARD or not any(ch.isalpha() for ch in text):
        return False
    if generic_label(text) or device_label(text):
        return True
    if re.search(r"[?!;\"“”]", text):
        return False
    if _directory_label(text):
        return True
    written, text = text, _without_address_article(text)
    words = text.split(" ")
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    if upper >= 0.8 and len(letters) > 1 and len(words) <= 10 and len(text) <= 80:
        return True
    card = parse_name_card(text)
    if card.pieces:
        return (_card_name_ok(card.name) and _card_pieces_ok(card)) or office_holder_label(written)
    if len(text) > 80 or upper >= 0.8:
        return False
    if len(words) > 6 or re.search(r"[,()\[\]\d]|\.\s+[a-z]", text):
        return False
    lowered = [w.lower().strip(".") for w in words]
    return not any(w in FUNCTION_WORDS for w in lowered)


def _card_pieces_ok(card: NameCard) -> bool:
    """Every piece after the name reads as a role, a mode, or an organisation or place."""
    return all(piece_kind(p) != "other" for p in card.pieces)


def _card_name_ok(name: str) -> bool:
    """The part before a card's pieces reads as a person's name or a role label: a label by
    itself, with no word that opens a sentence ("Sorry, chair", "Okay, online")."""
    text = _without_address_article(clean_label(name))
    if not text or len(text) > 80 or re.search(r"\d", text) or not looks_like_label(text):
        return False
    if text.lower() in GENERIC_LABELS:
        return True
    words = [w.lower().strip(".") for w in text.split()]
    return len(words) <= 6 and not any(w in FUNCTION_WORDS or w in OPENING_WORDS for w in words)


def card_reads_ok(card: NameCard) -> bool:
    """Whether a label split as a name card reads as one: it has pieces, its name part is a name
    or a role (`_card_name_ok`), and every piece is a role, a mode, a voice or a body."""
    return bool(card.pieces) and _card_name_ok(card.name) and _card_pieces_ok(card)


def _name_word(word: str) -> bool:
    low = word.lower().strip(".")
    return (
        NAME_WORD.fullmatch(word) is not None
        and word[0].isupper()
        and any(ch.islower() for ch in word)
        and low not in FUNCTION_WORDS
        and low not in OPENING_WORDS
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
        if word.endswith(".") and not is_title(word) and not _INITIAL.fullmatch(word):
            break  # "Gracias." ends a sentence; "Dr." and "K." do not
        if _name_word(word) or (run and (word in PARTICLES or _INITIAL.fullmatch(word))):
            run += 1  # "John K. Mwangi": an initial inside the name
            continue
        break
    while run and (words[run - 1].group() in PARTICLES or _INITIAL.fullmatch(words[run - 1].group())):
        run -= 1
    for k in range(min(run, 4), 1, -1):
        if k >= len(words) or not words[k].group()[:1].isupper():
            continue
        label = head[: words[k - 1].end()]
        if display_name(label) and not is_title(words[k - 1].group()):
            return words[k - 1].end()
    return 0


_INITIAL = re.compile(r"[A-Z]\.")
