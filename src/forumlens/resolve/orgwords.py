"""The words organisation names are made of, and the records every organisation reader shares.

Why a module of its own: the name scanner (`orgnames`), the cue grammar (`orgs`), the name
cards (`cards`) and the affiliation candidates (`affcands`) all ask the same questions of a
capitalised span (is there an organisation word in it, "University", "Ministry"; is it a
place, a landform or a meeting platform) and hand each other the same `Org` and `Gazetteer`.
Keeping the vocabulary and those records here lets each reader stay small and read the same
tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from forumlens.resolve.datafiles import shipped_toml
from forumlens.resolve.mentions import Mention
from forumlens.resolve.platforms import TOOLS
from forumlens.text.accents import ascii_fold
from forumlens.text.englishwords import english_word

__all__ = [
    "ACRONYM",
    "CONNECTORS",
    "GENERIC_WORDS",
    "NOT_ORG",
    "ORG_NOUNS",
    "ORG_WORDS",
    "ROMANCE_LINKS",
    "TRAIL",
    "Gazetteer",
    "Org",
    "elided_name_word",
    "fold",
    "foreign_joiner",
    "foreign_word",
    "is_landform",
    "is_place",
    "is_platform",
    "load_gazetteer",
    "looks_org",
    "never_body",
    "place_qualifier",
    "romance_link",
]


# Capitalised words that make a run of names an organisation ("Panoptykon Foundation").
ORG_WORDS = frozenset(
    [
        "university",
        "universidad",
        "universidade",
        "università",
        "université",
        "universite",
        "universität",
        "universitat",
        "universiteit",
        "college",
        "school",
        "academy",
        "akademie",
        "institute",
        "instituto",
        "institut",
        "institution",
        "ministry",
        "ministerio",
        "ministère",
        "ministere",
        "ministerium",
        "department",
        "agency",
        "agence",
        "agencia",
        "authority",
        "autorité",
        "commission",
        "council",
        "conseil",
        "consejo",
        "foundation",
        "fundación",
        "fundacion",
        "fondation",
        "stiftung",
        "association",
        "asociación",
        "asociacion",
        # Portuguese and Italian forms of the same nouns ("Associação de Provedores do …")
        "associação",
        "associacao",
        "associazione",
        "fundação",
        "fundacao",
        "fondazione",
        "ministério",
        "ministero",
        "sociedade",
        "società",
        "cooperativa",
        "society",
        "sociedad",
        "network",
        "networks",
        "radio",
        "broadcasting",
        "broadcaster",
        "corporation",
        "corporate",
        "company",
        "group",
        "bank",
        "centre",
        "center",
        "centro",
        "initiative",
        "forum",
        "office",
        "government",
        "parliament",
        "assembly",
        "senate",
        "court",
        "lab",
        "labs",
        "laboratory",
        "laboratorio",
        "telecom",
        "telecoms",
        "telecommunications",
        "times",
        "daily",
        "news",
        "post",
        "herald",
        "tribune",
        "gazette",
        "journal",
        "press",
        "media",
        "union",
        "federation",
        "alliance",
        "coalition",
        "consortium",
        "trust",
        "fund",
        "programme",
        "program",
        "project",
        "partnership",
        "secretariat",
        "organisation",
        "organization",
        "inc",
        "ltd",
        "gmbh",
        "llc",
        "plc",
        "technologies",
        "systems",
        "solutions",
        "observatory",
        "mission",
        "embassy",
        "directorate",
        "bureau",
        "board",
        "chamber",
        "cooperative",
        "collective",
        "club",
        "circle",  # "Najd Women in Technology Circle", "the Readers' Circle of Lomé"
        "clinic",
        "clinica",
        "clínica",
        "hospital",
        "league",
        "movement",
        "party",
        "ngo",
    ]
)


# Nouns that end a lower-case definite description of an organisation ("the national broadcaster").
ORG_NOUNS = frozenset(
    [
        "broadcaster",
        "broadcasting",
        "network",
        "radio",
        "newspaper",
        "daily",
        "ministry",
        "university",
        "company",
        "agency",
        "authority",
        "regulator",
        "commission",
        "council",
        "institute",
        "foundation",
        "association",
        "parliament",
        "bank",
        "operator",
        "station",
        "secretariat",
        "organisation",
        "organization",
        "ngo",
        "union",
        "federation",
        "alliance",
        "laboratory",
        "lab",
        "school",
        "college",
        "court",
        "assembly",
        "senate",
        "channel",
        "magazine",
        "startup",
        "start-up",
        "cooperative",
        "observatory",
        "embassy",
        "directorate",
    ]
)


# Words that join the capitalised words of one name ("Centre for Internet and Society").
CONNECTORS = frozenset(
    [
        "of",
        "for",
        "and",
        "de",
        "des",
        "du",
        "en",  # "Association … des Médias en Langues Locales"
        "la",
        "le",
        "les",
        "los",
        "las",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "y",
        "e",
        "on",
        "für",
        "und",
        "van",
        "von",
        "der",
        "den",
        "the",
        "&",
        # "Fundación Redes por la Diversidad", "Instituto para …", "Ligue pour …", "Stiftung zur …"
        "por",
        "para",
        "pour",
        "sur",
        "pela",
        "pelo",
        "zur",
        "zum",
        "voor",
    ]
)
# The articles and prepositions (with their contractions) of Spanish, Portuguese, French and
# Italian that stand between the capitalised words of a body's name ("Red de Mujeres por una
# Radio Libre", "Università degli Studi di …", "Fondazione per …", "Conseil national des …
# aux …"): a closed class, so a name in these languages is read whole, not cut at its first
# article. They join only in lower case (`romance_link`): "UN", "Al", "El" are names' words.
ROMANCE_LINKS = frozenset(
    [
        *["de", "des", "du", "la", "le", "les", "los", "las", "del", "della", "di", "da", "do", "dos", "das"],
        *["y", "e", "en", "por", "para", "pour", "sur", "pela", "pelo"],
        *["el", "al", "un", "una", "une", "au", "aux", "per", "dei", "degli", "delle", "dello", "nel", "nella"],
    ]
)


def romance_link(word: str) -> bool:
    """Whether `word`, as written, is one of `ROMANCE_LINKS` (lower case only)."""
    return word in ROMANCE_LINKS


# An elided article or preposition glued to the capitalised word after it ("l'Internet",
# "d'Ivoire", "dell'Informazione", "all'Innovazione"): inside a name it is a word of the name, as
# capitalised as the word it carries.
# An elided article glued to a capitalised word ("l'Internet", "dell'Università"), or the Arabic
# article joined by a hyphen, as names are transliterated ("Sawt al-Nagaa", "Dar ash-Shorouk").
_ELIDED = re.compile(
    r"(?:(?:[dl]|dell|dall|all|nell|sull|degl|dagl|quell)['’]|(?:al|el|ad|ar|as|ash|at|az|an)-)"
    r"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]*"
)


def elided_name_word(word: str) -> bool:
    """Whether `word` is an elided article glued to a capitalised word ("l'Internet", "al-Nagaa")."""
    return _ELIDED.fullmatch(word) is not None


TRAIL = ",.;:!?)]}\"”'’"


# English's own short lower-case words: never the function word inside a body's name.
_ENGLISH_SHORT = frozenset(
    [
        "a",
        "an",
        "am",
        "as",
        "at",
        "be",
        "by",
        "go",
        "he",
        "if",
        "is",
        "it",
        "me",
        "my",
        "no",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "ok",
        "oh",
    ]
)


def foreign_joiner(word: str) -> bool:
    """A short lower-case word that is no English word ("w", "z", "i", "na", "im"): in a name
    written in another language it is that language's "in", "of" or "and" ("Gminna Biblioteka
    Publiczna w Zadrożnem"), which the connector list cannot hold for every language. It joins
    only between capitalised words, as a connector does."""
    return 0 < len(word) <= 2 and word.isalpha() and word.islower() and word not in _ENGLISH_SHORT


def foreign_word(word: str) -> bool:
    """A lower-case word of another language: a letter outside English's alphabet ("komunitná",
    "sieť") or no word of the English vocabulary ("nettpolitikk", "bibliotekssamarbeid",
    `text.englishwords`). After a capitalised word it goes on that name in another language
    ("Spišská komunitná sieť", "Ungdomsforum for nettpolitikk"), which writes its adjectives and
    head noun in lower case."""
    if not (len(word) > 2 and word[:1].islower() and word.isalpha()):
        return False
    return any(not ch.isascii() for ch in word) or not english_word(word)


# "KICTANet", "ICT4D", and a word then capitals ("EuroSSIG", "AfriNIC": a region's or a field's
# short word before the initials); not a name spelled out letter by letter ("W-O-J-C-I-K"): a
# spelling, no body; not a name with one inner capital ("McDonald", "DiCaprio")
ACRONYM = re.compile(
    r"(?![A-Z](?:-[A-Z]){3,}$)(?:[A-Z][A-Z0-9&.\-]*[A-Z0-9]|(?=(?:[a-z]*[A-Z]){3})[A-Z]{2,}[a-z]+[A-Za-z]*|"
    r"[A-Z][a-z]+[A-Z]{2,}[A-Za-z0-9]*)"
)


NOT_ORG = frozenset(
    [
        "i",
        "i'm",
        "i’m",
        "i'll",
        "i’ll",
        "i've",
        "i’ve",
        "i'd",
        "i’d",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "our",
        "my",
        "your",
        "their",
        "his",
        "her",
        "its",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "professor",
        "excellency",
        "madam",
        "sir",
        "chair",
        "minister",
        "honourable",
    ]
)


@dataclass(frozen=True)
class Org:
    """An organisation tied to a person: its span, the name to show, and the registry mention it is."""

    start: int
    end: int
    name: str
    mention: Mention | None = None
    proper: bool = True  # a name, not a description ("the national broadcaster")
    rank: float = 0.0  # subtracted from its weight: how loosely the cue ties it (see `_link_rank`)

    @property
    def key(self) -> str:
        """Registry id, or "org:" and a case/accent-free form of the name."""
        return self.mention.entity_id if self.mention else "org:" + fold(self.name)


@dataclass(frozen=True)
class Gazetteer:
    """Place names (folded) and the names of the session's speakers, which are not organisations."""

    places: frozenset[str]
    people: frozenset[str] = frozenset()
    # Names that stand for a registry body only after a cue ties them to a person: folded
    # name -> (entity id, kind, canonical name) (`after_cue` in data/institutions.toml).
    bodies: Mapping[str, tuple[str, str, str]] = field(default_factory=dict, hash=False, compare=False)

    def with_people(self, names: Iterable[str]) -> Gazetteer:
        return Gazetteer(self.places, frozenset(fold(n) for n in names if n), self.bodies)


def fold(text: str) -> str:
    """Accent-, case- and hyphen-free form of a name or short span, to compare names.

    Remembered for short texts: a speaker's name forms are folded again for every sentence."""
    return _fold_short(text) if len(text) <= 200 else _fold_text(text)


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return _fold_text(text)


def _fold_text(text: str) -> str:
    return " ".join(ascii_fold(text.replace("\u2011", "-")).casefold().replace("-", " ").split())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Cities of the shipped `data/places.toml`, countries of `data/countries.toml`, and the
    names institutions go by after an affiliation cue (`after_cue` in `data/institutions.toml`)."""
    places = shipped_toml("places.toml")
    countries = shipped_toml("countries.toml")
    names = {fold(c) for c in places["cities"]}
    names |= {fold(str(v)) for row in places["venues"] for v in row[1:]}
    names |= {fold(n) for row in countries["countries"] for n in row}
    institutions = shipped_toml("institutions.toml")
    bodies = {
        fold(name): (row["id"], row["kind"], row["name"])
        for row in institutions["institution"]
        for name in row.get("after_cue", [])
    }
    return Gazetteer(frozenset(names), bodies=bodies)


# Words that do not tell one body from another ("American University", "National Institute"):
# a name made only of them and organisation words needs its place to say which one it is.
GENERIC_WORDS = frozenset(
    [
        "national",
        "federal",
        "state",
        "central",
        "open",
        "international",
        "catholic",
        "islamic",
        "christian",
        "technical",
        "public",
        "free",
        "new",
        "royal",
        "global",
        "regional",
        "metropolitan",
        "municipal",
        "city",
        "people's",
        "peoples",
        "democratic",
        "united",
    ]
)


def looks_org(name: str) -> bool:
    """A name with an organisation word in it ("the Ministry of …", "the National Assembly"); after
    "in" an acronym alone is a field as often as a body ("an expert in AI and Human Rights")."""
    return any(w.lower().strip(TRAIL) in ORG_WORDS for w in name.split())


# Nouns of geography that end a place's name, never a body's ("Cook Islands", "Rift Valley",
# "Gold Coast"): a body named after one ends in its own word ("Cook Islands Tourism Corporation").
_LANDFORMS = frozenset(
    [
        "islands",
        "island",
        "isles",
        "archipelago",
        "atoll",
        "atolls",
        "peninsula",
        "coast",
        "valley",
        "mountains",
        "highlands",
        "lowlands",
        "delta",
        "gulf",
        "bay",
    ]
)


def is_landform(words: Sequence[str]) -> bool:
    """Whether a capitalised name ends in a noun of geography, so it names a place."""
    return bool(words) and words[-1].lower().strip(TRAIL) in _LANDFORMS


def is_platform(name: str) -> bool:
    """Whether a name is a meeting platform, caption service or streaming site (`platforms.TOOLS`)."""
    return fold(name) in TOOLS


def never_body(words: Sequence[str]) -> bool:
    """A capitalised span that cannot be anyone's affiliation: a landform or a platform."""
    return is_landform(words) or is_platform(" ".join(words))


def is_place(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is a known city or country ("GHANA", "Addis Ababa")."""
    return fold(text) in gazetteer.places


def place_after_name(words: Sequence[str]) -> int | None:
    """Where "in <Place>" starts in a span that names a body and then where it is ("Atlas Cable
    Secretariat in Rabat"): the words before "in" end in an organisation word, or the words after
    it are a place the gazetteer knows ("Kaduna Girls Code Hub in Nigeria": a body's name may end
    in any word, a country or city after "in" is still where it is), and hold a word that says
    which body (not only generic words, as "American University" of "… in Cairo", whose place is
    part of its name), and one or two capitalised words after "in", none an organisation word,
    follow. A name that opens with its organisation word and says what it is of ("University of
    the Coral Coast in Queensland") is whole before "in" too, whatever the place. None when the
    span has no such tail."""
    if "in" not in words:
        return None
    k = len(words) - 1 - list(reversed(words)).index("in")
    head, tail = words[:k], words[k + 1 :]
    if not head or not 1 <= len(tail) <= 2:
        return None
    if any(not w[:1].isupper() or w.lower() in ORG_WORDS for w in tail):
        return None
    places = load_gazetteer().places
    # "University of the Coral Coast in Queensland": a name that opens with its organisation word
    # and says what it is of is whole before the "in"
    headed = head[0].lower() in ORG_WORDS and "of" in head[1:]
    if head[-1].lower() not in ORG_WORDS and fold(" ".join(tail)) not in places and not headed:
        return None
    return None if generic_name(head, places) else k


# The last word of a country's own long form ("Republic of Ghana", "Kingdom of Tonga"): before
# "of <Place>" it makes the place part of the name, not where the body is.
_STATE_FORMS = frozenset(["republic", "kingdom", "state", "states", "commonwealth", "union", "islands", "federation"])


def place_qualifier(words: Sequence[str]) -> int | None:
    """Where "of <Place>" or "in (the) <Place>" starts in a body's name that then says whose
    country or town it is: "Ministry of Posts and New Technologies of Mali", "Patients Online
    Foundation in the Netherlands". The place is one the gazetteer knows and the words before it
    name a body in full: an organisation word, a word that says which body, and, before an
    "of", an inner "of"/"for" of the name's own ("Ministry of Health" of "… of Nigeria"), since a
    body named after its country has one "of" only ("Central Bank of Nigeria", "University of
    Ghana"), and a "National …" body says its nation as part of its name. None when the span
    has no such tail."""
    links = [i for i, w in enumerate(words) if w in ("of", "in")]
    if not links:
        return None
    k = links[-1]
    head, tail = words[:k], list(words[k + 1 :])
    if tail[:1] == ["the"]:
        tail = tail[1:]
    if len(head) < 2 or not 1 <= len(tail) <= 3:
        return None
    if any(not w[:1].isupper() or w.lower() in ORG_WORDS for w in tail) or head[-1].lower() in _STATE_FORMS:
        return None
    places = load_gazetteer().places
    if fold(" ".join(tail)) not in places or not any(w.lower() in ORG_WORDS for w in head):
        return None
    if words[k] == "of" and not any(w in ("of", "for") for w in head[1:]):
        return None
    if head[0].lower() in ("national", "federal"):
        return None  # "National Network of Community Telecentres of Malawi": a national body says its nation
    return None if generic_name(head, places) else k


def generic_name(words: Sequence[str], places: frozenset[str]) -> bool:
    """Only organisation words, connectors, generic adjectives and country names or adjectives
    ("American", which `countries.toml` lists, so the gazetteer's places hold it)."""
    return all(
        w.lower() in ORG_WORDS or w.lower() in CONNECTORS or w.lower() in GENERIC_WORDS or fold(w) in places
        for w in words
    )
