"""Name-card labels: "AMINA MENSAH, MINISTRY OF COMMUNICATIONS, GHANA (online)" read into pieces.

Why a module of its own: a name card carries a person, a role or office, a body, a place and
a mode in one label, and telling those pieces apart is a grammar of its own (office heads,
role words, occupations, voices, dashes and commas); the rest of the label rules
(`speakers`) only need to know whether a label is a card and what its pieces are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from forumlens.transcript.labelwords import (
    COLLECTIVE_LABELS,
    FUNCTION_WORDS,
    GENERIC_LABELS,
    INITIAL_WORD,
    NAME_WORD,
    OPENING_WORDS,
    PARTICLES,
    ROOM_NUMBER,
    ROOM_WORDS,
    clean_label,
    is_title,
    name_word,
)

__all__ = [
    "MAX_CARD",
    "NameCard",
    "card_like",
    "occupation_word",
    "office_holder_label",
    "parse_name_card",
    "piece_kind",
    "place_of_voice",
    "room_piece",
    "split_name_card",
]


# A name card may be longer than a bare label: "H.E. NAME SURNAME, DEPUTY MINISTER, MINISTRY OF
# COMMUNICATIONS, COUNTRY" (the 80-character limit still holds for the name part).
MAX_CARD = 160


# Lower-case words inside an organisation's or a place's name on a card; a name particle is one
# too ("Val di Sole Institute of Law", "Universiteit van Amsterdam").
_CARD_CONNECTORS = (
    frozenset(
        ["of", "for", "and", "the", "de", "la", "le", "du", "des", "del", "on", "in", "&", "y", "e", "für", "und"]
    )
    | PARTICLES
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
    r"|in unison|together|simultaneously|overlapping|off[ -]?mic\w*|inaudible|laughing|applauding"
    # what the turn is in a house's procedure, written after the name in a verbatim report ("Jo
    # Li (ECR), blue-card question", "Ana Ruiz, reply", "Bo Yu, point of order")
    r"|(?:[\w-]+ )?(?:question|answer|reply|rebuttal|point of order|explanation of vote)"
    # the pronouns a meeting tool's display name adds ("Jo Li (she/her)", "(they/them)",
    # "(he/him/his)"): how the person is referred to, no body, role or mode
    r"|(?:he|him|his|she|her|hers|they|them|theirs|ze|zir|xe|xem)(?:[ \t]*/[ \t]*(?:he|him|his|she|her|hers|they|them|theirs|ze|zir|xe|xem)){1,2}",
    re.IGNORECASE,
)


# Whom the speaker speaks for, written after the name ("Jo Li, on behalf of the PPE Group",
# "Ana Ruiz, on behalf of the Group of 77 and China"): a body, like an organisation on the card.
_BEHALF_PIECE = re.compile(r"(?:speaking )?on behalf of (?:the )?[^\W\d_][^,;:!?]{0,70}", re.IGNORECASE)


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
    """A role (`co-moderator`, `rapporteur`), perhaps after the acronym of the body the role is
    held in (`MAG chair`, `BPF co-facilitator`: one or two words in capitals)."""
    lead = clean.split()
    while len(lead) > 1 and _ACRONYM.fullmatch(lead[0]) and len(clean.split()) - len(lead) < 2:
        lead.pop(0)
    words = [w for w in re.split(r"[\s-]+", " ".join(lead).lower()) if w]
    return 0 < len(words) <= 4 and words[-1] in _ROLE_HEADS and all(w in _ROLE_QUALIFIERS for w in words[:-1])


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


@lru_cache(maxsize=4096)
def piece_kind(piece: str) -> str:
    """What one piece of a name card says: "mode", "voice" (how the speaker is heard), "role",
    "office", "org" (an organisation or place: capitalised words), or "other" (not a card)."""
    clean = clean_label(piece)
    if _MODE_PIECE.fullmatch(clean):
        return "mode"
    if _VOICE_PIECE.fullmatch(clean):
        return "voice"
    if _role_piece(clean):
        return "role"
    if _BEHALF_PIECE.fullmatch(clean):
        return "org"
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


# An agent noun in lower case: what a person does (`operator`, `engineer`, `economist`, `librarian`).
_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:or|er|ist|ian|eur)")


def _occupation_piece(clean: str) -> bool:
    """A card piece in lower case naming what the person is ("student", "PhD student", "youth
    delegate"): one to four words, the last an occupation, none a sentence word. A last word
    not listed is an occupation when it is an agent noun after a word that qualifies it
    ("registry operator", "network engineer", "policy researcher")."""
    words = clean.split()
    if not 1 <= len(words) <= 4:
        return False
    last = words[-1].lower()
    if last not in _OCCUPATIONS and not (len(words) >= 2 and _AGENT_NOUN.fullmatch(last)):
        return False
    return all(
        NAME_WORD.fullmatch(w) is not None and w.lower() not in FUNCTION_WORDS and w.lower() not in OPENING_WORDS
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
    role_first = _role_first(name) and (_person_piece(pieces[0]) or _given_name_piece(name, pieces[0]))
    # An office with a titled holder ("The Minister for ICT (Mr. Jo Li)"); an untitled holder
    # ("The Convener (Jo Li)") keeps its order here: swapping it too changes who's who's cards,
    # unmeasured, and `officenames` already reads that person from the label.
    if role_first or (is_title(pieces[0].split()[0]) and _office_holder(name, pieces[0])):
        name, pieces = pieces[0], (name, *pieces[1:])  # "MODERATOR (Jane Doe)", "Moderator (Sunniva)"
    elif place_of_voice(name) and piece_kind(pieces[0]) == "org" and len(pieces[0].split()) <= 4:
        name, pieces = f"{pieces[0]} {name}", pieces[1:]  # "HUB, BUKAVU": the hub at Bukavu, no name card
        if not pieces:
            return NameCard(name=name)
    organisation: list[str] = []
    role = mode = None
    for piece in pieces:
        kind = piece_kind(piece)
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
    return _PLACE_OF_VOICE.fullmatch(clean_label(text)) is not None


def _role_first(name: str) -> bool:
    """A card that opens with the role, not the name ("MODERATOR (Jane Doe)", "Chair — Jane Doe")."""
    clean = clean_label(name)
    return clean.lower() in GENERIC_LABELS or _role_piece(clean)


# Articles that open an office's name in the records that print one ("The Convener", "An Ceann").
_ARTICLE_WORDS = frozenset(w for w in FUNCTION_WORDS if len(w) <= 3 and w.isalpha()) - PARTICLES
# Words of a sentence, never of an office's name: a line "We (Jo Li and I) …" is speech.
_SENTENCE_WORDS = frozenset(["i", "we", "you", "me", "us", "my", "our", "your", "is", "are", "was", "will"])


def office_holder_label(label: str) -> bool:
    """Whether `label` is an office written out with its holder in brackets at its end, in the
    shape parliaments print their chairs and ministers (`The Convener (Jo Li-Rae)`, `The Minister
    for Economy (Jo Li)`, `Minister of State at the Department of …, Climate and Communications
    (Deputy Jo Li)`, `The Assistant Minister for ICT (Mr. Sitienei-Koech)`), whatever the
    office's words (`_office_holder` says which shapes)."""
    office, bracket, rest = label.partition("(")
    rest = rest.rstrip()
    if not bracket or not rest.endswith(")") or "(" in rest or ")" in rest[:-1]:
        return False
    return _office_holder(office, rest[:-1])


def _office_holder(office: str, holder: str) -> bool:
    """Whether `office` is an office's name and `holder` the person holding it.

    The holder reads as a person's name: two to five capitalised mixed-case words (particles,
    initials and one-letter particles inside); after a title one such word is enough and it may
    be in capitals (`Mr. Li`, `Mr. LI`: the title says a person follows). The office: capitalised
    words joined by short lower-case words ("the", "for", "of", "at", "w"), in pieces split by
    commas, with at least one word no name holds (a lower-case joining word, or an opening
    article); no digit, no sentence word, and no sentence opening first (`_sentence_opening`)."""
    named = holder.split()
    titled = bool(named) and is_title(named[0])
    if titled:
        named = named[1:]
    if not (1 if titled else 2) <= len(named) <= 5 or named[-1] in PARTICLES:
        return False
    if not all(
        _holder_word(w, titled) or (i < len(named) - 1 and INITIAL_WORD.fullmatch(w)) for i, w in enumerate(named)
    ):
        return False  # an initial or a one-letter particle inside (`Jo K. Li`, `Cormac Ó Faoláin`)
    pieces = [p.split() for p in office.split(",")]
    if not all(_office_words(words) for words in pieces):
        return False
    first = pieces[0]
    if _sentence_opening(first) or _no_post(first):
        return False
    if any(w.islower() and w not in PARTICLES for w in first[1:]) or first[0].lower() in _ARTICLE_WORDS:
        return True
    # an office opened by a form of address, an article then a title (`O Sr. Secretário de Estado da
    # Cultura (Jo Li)`): its joining words may be the language's particles ("de", "da")
    addressed = len(first) > 3 and len(first[0]) <= 2 and first[0].isalpha() and is_title(first[1])
    return addressed and any(w.islower() for w in first[2:])


def _sentence_opening(words: list[str]) -> bool:
    """Whether an office's words open a sentence instead ("Thanks to the Secretariat (Jo Li):",
    "Good morning to the Minister (Jo Li):"): its first word, past an article, is a sentence word
    (`FUNCTION_WORDS`: "thanks", "good", "please" …), which no office's name opens with."""
    head = words[1:] if len(words) > 1 and words[0].lower() in _ARTICLE_WORDS else words
    return head[0].lower().strip(".") in FUNCTION_WORDS


# Nouns for what is said, not for who says it: an office's name never opens with one
# ("Question for the Minister (Mr. Li)" is a question put to the minister, said by nobody named).
_SPEECH_ITEMS = frozenset(
    [
        *["question", "questions", "comment", "comments", "answer", "answers", "reply", "response"],
        *["remark", "remarks", "statement", "intervention", "follow-up", "note", "message", "point"],
    ]
)


def _no_post(words: list[str]) -> bool:
    """Whether an office's opening words name no post one person holds: past an article and any
    titles, its head word is a collective noun (`The Panel (Dr. Li)`: many people, `COLLECTIVE_LABELS`)
    or an item of speech (`Question for the Minister (Mr. Li)`, `_SPEECH_ITEMS`)."""
    rest = list(words)
    while len(rest) > 1 and (rest[0].lower() in _ARTICLE_WORDS or is_title(rest[0])):
        rest = rest[1:]
    head = rest[0].lower().strip(".,")
    return head in COLLECTIVE_LABELS or head in _SPEECH_ITEMS


def _holder_word(word: str, titled: bool) -> bool:
    """A word of the holder's name: a name word (`labelwords.name_word`), or after a title a
    surname in capitals (`Mr. LI`)."""
    return name_word(word) or (titled and word.isupper() and name_word(word.capitalize()))


def _office_words(words: list[str]) -> bool:
    """Capitalised words joined by short lower-case ones, opening with a capital: an office's name."""
    if not words or len(words) > 14 or not words[0][:1].isupper():
        return False
    for w in words:
        low = w.lower().strip(".")
        if low in OPENING_WORDS or low in _SENTENCE_WORDS or re.search(r"[\d?!;:\"“”]", w):
            return False
        if w.islower() and len(w) > 4 and low not in FUNCTION_WORDS:
            return False  # joining words are short ("of", "for", "para", "pour"): a longer one is speech
        if not w.islower() and not w[:1].isupper():
            return False
    return True


def room_piece(piece: str) -> bool:
    """Whether a label part names a meeting room, not a person: a room word in any language
    (`ROOM_WORDS`) that opens it ("Salle Bleue", "Aula Magna", "Plenary Hall") or is followed by
    the room's number, letter or Roman numeral ("SALLE XI", "Conference Room 2"). A room word
    inside a name is a surname ("Jo Hall", "Emiliano Sala")."""
    words = clean_label(piece).split()
    if words and words[0].lower() in ROOM_WORDS:
        return True
    return any(w.lower() in ROOM_WORDS and _ROOM_NUMBER.fullmatch(n) for w, n in pairwise(words))


_ROOM_NUMBER = re.compile(ROOM_NUMBER, re.IGNORECASE)


# Roles one person holds in a session: a bracket after them may give that person's name alone
# ("Moderator (Sunniva)"); a bracket after a voice of many ("Participant (Kenya)", "Audience
# (Room 2)") says where the voice is.
_ONE_HOLDER_ROLES = frozenset(
    [
        *["moderator", "co-moderator", "moderators", "chair", "co-chair", "chairperson", "chairman"],
        *["chairwoman", "host", "co-host", "facilitator", "rapporteur", "presenter", "organiser", "organizer"],
        *["online moderator", "remote moderator", "onsite moderator", "session moderator", "session chair"],
    ]
)


# A bracket word that says where or through what the voice is, never a given name: meeting
# tools and streaming sites ("Host (Zoom)").
_TOOL_WORDS = frozenset(["zoom", "teams", "webex", "skype", "jitsi", "meet", "youtube", "facebook", "chat"])


def _given_name_piece(role: str, piece: str) -> bool:
    """Whether the bracket after a one-holder role is that person's given name alone
    ("Moderator (Sunniva)"): one title-case name word in a mixed-case label (in capitals one
    word may be an acronym: "MODERATOR (ITU)"), not a place of voice, a room, a mode, a tool,
    a body word or a title."""
    words = clean_label(piece).split()
    if clean_label(role).lower() not in _ONE_HOLDER_ROLES or len(words) != 1:
        return False
    word = words[0]
    low = word.lower()
    return (
        NAME_WORD.fullmatch(word) is not None
        and not word.endswith(".")
        and word[:1].isupper()
        and word[1:].islower()
        and piece_kind(word) == "org"
        and not place_of_voice(word)
        and not room_piece(word)
        and low not in _TOOL_WORDS
        and low not in _BODY_WORDS
        and low not in FUNCTION_WORDS
        and low not in GENERIC_LABELS
        and not is_title(word)
        and low not in _place_names()
    )


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Countries, their adjectives and the cities of the shipped gazetteer, lower-cased: a place
    in the bracket ("Moderator (Kenya)", "Chair (Geneva)") says where the voice is, not who.

    Read from the resolve package's data files directly (importing `forumlens.resolve` here
    would be an import cycle); parsed only when a one-holder role has a one-word bracket."""
    import tomllib
    from importlib import resources

    data = resources.files("forumlens").joinpath("resolve", "data")
    countries = tomllib.loads(data.joinpath("countries.toml").read_text(encoding="utf-8"))
    places = tomllib.loads(data.joinpath("places.toml").read_text(encoding="utf-8"))
    names = [name for row in countries.get("countries", []) for name in row]
    names += [str(city) for city in places.get("cities", [])]
    names += [str(field) for row in places.get("venues", []) for field in row[1:]]
    return frozenset(name.lower() for name in names)


def _person_piece(piece: str) -> bool:
    """Whether a card piece reads as a person's name: two to four name words (particles such as
    "de" inside), no body word ("Ministry", "IGF") and, in mixed case, no acronym; a room
    ("SALLE XI") or a piece saying where or how the voice is ("Speaking French") is no person."""
    if room_piece(piece) or piece_kind(piece) in ("mode", "voice"):
        return False
    words = clean_label(piece).split()
    titled = False
    while len(words) > 2 and is_title(words[0]):
        words.pop(0)  # "Dr. Jo Li"
        titled = True
    if not 2 <= len(words) <= 4 or words[0].lower() in PARTICLES or words[-1].lower() in PARTICLES:
        return False
    mixed = any(ch.islower() for ch in piece)
    for word in words:
        low = word.lower().strip(".")
        if low in PARTICLES:
            continue
        if low in _BODY_WORDS or low in FUNCTION_WORDS or low in _CARD_CONNECTORS or is_title(word):
            return False
        # in mixed case a word in capitals is an acronym, unless a title says a person follows: a
        # UN name card writes the family name in capitals ("Mr. Dietmar KRONAUER", "Mr. QIAO Hanlin")
        acronym = mixed and word.isupper() and len(word) > 1 and not titled
        if NAME_WORD.fullmatch(word) is None or not word[0].isupper() or acronym:
            return False
    return True


def split_name_card(label: str) -> tuple[str, str | None]:
    """(name, affiliation) of a label written as a name card: "ALISON GILLWALD, RESEARCH ICT
    AFRICA", "Jane Doe (UNICEF)"; the affiliation is None when the label is only a name or
    the card holds only a role or a mode ("Paolo Conti, co-moderator", "Dr. Jo Li (online)")."""
    card = parse_name_card(label)
    return card.name, card.organisation


def card_like(text: str) -> bool:
    """Whether the words after a name in a label read as an organisation: capitalised words
    and connectors, no sentence words or digits ("University of Ghana", "MINISTRY OF ICT, KENYA")."""
    words = clean_label(text).replace(",", " ").split()
    if not words or len(words) > 10 or re.search(r"[\d?!;:]", text):
        return False
    return all(w[:1].isupper() or w.lower() in _CARD_CONNECTORS for w in words) and words[0][:1].isupper()
