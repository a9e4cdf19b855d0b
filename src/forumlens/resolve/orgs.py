"""Organisations a person is tied to, whether or not a registry knows them.

Registries cover coalitions, IGF and UN bodies and national IGFs; most speakers come from
elsewhere (a university, a start-up, a ministry, a radio network, a newspaper). What ties
an organisation to a person is the grammar around it, not its name:

- the speaker's own words: "I work for X", "I'm with X", "I am co-founder of X", "I'm a
  researcher at X", "my name is N from X", "I am N, a student at X", "a start-up called X",
  "my university, X", "I come from X", "We at X", "the policy team of X", and (only for a name
  with an organisation word) "I build networks for X";
- somebody else's words about them: "N from X", "N, director of … at X", "N, who is with X",
  "N runs a start-up called X", "N, who teaches at X", "N, a colleague from X", "N, joining us
  remotely from Kisumu, from X", a name card read out ("N, X Network, Ghana."; a bare name such
  as "PayLoop" only when a known place closes the card: "N, PayLoop, Kigali."); "the
  Secretariat" after such a cue is the IGF Secretariat (`after_cue` in the registry);
- more own-word shapes: "I do research at X", "X, where I am the head of …", "our
  organisation, X", "I am with the IT committee of X" (the unit's body), "I am here with a group
  of colleagues from X" (one's delegation, not "we work with colleagues from X");
- a bare "the Institute" after a cue stands for the one full name with that word said before
  it in the session ("the Caspian Institute of …"), and for none when two were said.

A body the speaker addresses or denies ("my question is for X", "I am not with X") is not
theirs, and in an unpunctuated caption a new "I"/"we" starts a new clause, so a body in it
("… in Quito I wrote a report for UNDP") is not tied to the cue before it.

An organisation named elsewhere in the sentence ("I took a course by UNESCO", "what UNESCO
said") is not tied to anybody. After a cue the name is read as a run of capitalised words
with their connectors ("Universidad de los Andes", "Ministry of Health of Nigeria"), an
acronym ("KAIST"), or a definite description ending in an organisation noun ("the national
broadcaster of Lebanon"). A cue that can also introduce a place ("from") needs more: a
word such as University or Ministry, an acronym, or two or more words that are not a
known place. Registry entities found at the cue keep their canonical names. The name is read
whole ("Fundación Redes por la Diversidad"), without an acronym glued to its end ("Kenya ICT
Action Network KICTANet"), and with its place when the rest says nothing distinctive
("American University in Cairo", but "Makerere University" alone).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from forumlens.resolve import voice
from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.datafiles import shipped_toml
from forumlens.resolve.mentions import Mention
from forumlens.resolve.platforms import TOOLS
from forumlens.text.alternation import alternation

__all__ = [
    "Gazetteer",
    "Org",
    "after_name",
    "before_name",
    "card_name",
    "is_office",
    "is_place",
    "load_gazetteer",
    "looks_org",
    "office_orgs",
    "org_at",
    "self_orgs",
]

# Capitalised words that make a run of names an organisation ("Panoptykon Foundation").
_ORG_WORDS = frozenset(
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
_ORG_NOUNS = frozenset(
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
_CONNECTORS = frozenset(
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
_ROLES = (
    r"(?:(?:senior|deputy|vice|co-?|executive|policy|programme|program|project|general|regional|national|"
    r"chief|founding|managing|technical|legal|digital|data|health|research|communications?|media|news|"
    r"(?-i:[A-Z][\w'’\u2011-]+))\s+){0,3}"  # and any capitalised title word: "State Minister", "Chief Technology Officer"
    r"(?:chair|chairperson|chairman|chairwoman|co-?chair|coordinator|advisor|adviser|officer|member|representative|director|"
    r"head|lead|leader|manager|founder|co-?founder|secretary|president|facilitator|convenor|convener|"
    r"rapporteur|researcher|specialist|expert|analyst|consultant|professor|lecturer|ambassador|minister|"
    r"counsellor|counselor|fellow|engineer|employee|delegate|journalist|reporter|editor|correspondent|"
    r"producer|lawyer|student|teacher|scientist|developer|activist|volunteer|intern|postdoc|"
    r"postdoctoral researcher|CEO|CTO|COO|partner|staff|economist|librarian|attorney|judge|official|"
    r"nurse|physician|doctor|surgeon|pharmacist|midwife|farmer|entrepreneur|architect|designer|programmer|"
    r"assistant|associate|educator|instructor|tutor|principal|dean|rector|mayor|councillor|councilor|"
    r"parliamentarian|legislator|diplomat|negotiator|auditor|accountant|administrator|planner|advocate|"
    r"campaigner|writer|blogger|broadcaster|presenter|host|anchor|photographer|filmmaker|statistician|"
    r"commissioner|envoy|spokesperson|trainer|organi[sz]er|focal point|part|colleague|candidate)s?(?:[ -]general)?"
)
_NAME = r"(?-i:[A-Z][\w'’\u2011-]+(?:\s+[A-Z][\w'’\u2011-]+){0,3})"
_I_AM = r"I(?:'m|’m| am)"
# Cues in the speaker's own words, by what may follow them:
# - "direct": the organisation right after the cue ("I work for X", "I'm with X");
# - "place": the same, but a place or a person may follow too ("I'm from X", "my name is N
#   from X", "on behalf of X"), so the name must look like an organisation;
# - "role": a role word; the organisation follows a linking word ("a researcher at X");
# - "lead": a verb of running something ("I run a start-up called X", "I lead the unit at X").
_SELF_CUES = SharedCue(
    re.compile(
        rf"\b(?:(?P<direct>{_I_AM}\s+(?:(?:also|now|currently|here|still|just)\s+)?with"
        r"(?!\s+(?:(?:a|our|my)\s+(?:group|delegation|team)\s+of\s+)?(?:my\s+|our\s+)?colleagues)|"
        r"I\s+(?:work|am working|'m working|’m working|volunteer|intern)\s+(?:for|at|with)|(?:co-?)?founder of|"
        r"I\s+(?:do|conduct|am doing)\s+(?:my\s+)?(?:research|a\s+PhD|my\s+PhD|PhD)\s+(?:at|for|with)|"
        r"(?:my|our) (?:organi[sz]ation|company|employer|university|ministry|institution|newspaper|station|"
        r"network|office|lab|laboratory|institute|agency)\b(?:\s+is\b)?[\s,]*)|"
        rf"(?P<place>{_I_AM}\s+(?:(?:also|originally|here|just)\s+)?(?:from|representing|coming from)|"
        r"I\s+(?:also\s+)?(?:come|came)\s+from|I\s+(?:work|am working|'m working|’m working)\s+in|"
        r"(?-i:We|we) at|(?-i:We|we) here at|"  # "We at Paradigm Youth Lab train young people" (whole literals)
        r"(?:I|we)\s+represent|representing|on behalf of|(?:I am |I'm |I’m |we are )?speaking (?:here |today )?for|"
        r"(?:I|we) speak (?:here |today )?for|"
        r"(?:from|on) the side of|"
        # a self-introduction said in French, Spanish or Portuguese in a bilingual session: "je suis
        # coordonnatrice de Lakou Dijital", "trabajo para …", "sou pesquisadora da …"
        r"(?-i:[Jj]e suis|[Jj]e travaille|[Ss]oy|[Tt]rabajo|[Ss]ou|[Tt]rabalho)\s+(?:(?-i:[a-zà-ÿ][\w\u2011-]*)\s+){0,3}?"
        r"(?-i:de|du|des|chez|pour|para|en|na|no|da|do)\s+(?:(?-i:la|el|a|o)\s+)?(?=(?-i:[A-Z]))|"
        rf"(?:{_I_AM}|my name is|this is)\s+{_NAME},?\s+(?:and\s+)?(?:{_I_AM}\s+)?(?:from|with|of))|"
        rf"(?P<role>(?:(?:{_I_AM}|as)\s+|(?:{_I_AM}|my name is|this is)\s+{_NAME},?\s+(?:and\s+{_I_AM}\s+)?)"
        rf"(?:(?:also|now|currently)\s+)?"  # "I am Jacques Lemaire, a student at Sciences Po"
        rf"(?:(?:a|an|the|one of the)\s+(?:(?-i:[a-z][\w\u2011-]*)\s+){{0,2}}?)?{_ROLES})|"
        r"(?P<lead>(?:I|we)\s+(?:lead|run|head|direct|manage|coordinate|chair|founded|co-?founded|set up|"
        r"teach|study|lecture|research)))\b",
        re.IGNORECASE,
    )
)
# Cues right after a person's name in somebody else's words (same kinds).
_AFTER_NAME = re.compile(
    r"[\s,]*(?:(?:who|he|she)\s+(?:is|was)\s+(?:also\s+)?|who's\s+|is\s+(?:also\s+)?|also\s+(?=from\b)|"
    r"(?:who|he|she)\s+(?=\w+s\b))?"
    r"(?:(?P<place>from|of|representing|(?:speaks|is speaking|is here|will speak)\s+(?:here\s+|today\s+)?(?:for|on behalf of))|(?P<direct>with|at|(?:works?|is working|volunteers?)\s+(?:for|at|with)|writes\s+(?:(?-i:[a-z]\w*)\s+){0,3}?for)|"
    # a verb of running something before a role word: "who leads X" is X's leader, not a role
    # "lead" (plural) that needs a linking word after it
    r"(?P<lead>runs|leads|heads|directs|manages|founded|co-?founded|coordinates|chairs|"
    r"teaches|lectures|studies|researches|does research)|"
    r"(?P<role>(?:(?:a|an|the|our|one of the)\s+)*" + _ROLES + r"))\b",
    re.IGNORECASE,
)
# Where the words about one person stop: a new clause, sentence or speaker.
_CLAUSE_END = re.compile(
    r"[.;:?!](?:\s|$)|\s(?:‑‑|--|—)\s|,\s+(?:I|we|but|and I|and we|so|which|who|where|because|it|this|that|"
    r"they|he|she|there|when|while|if|as|since|before|after)\b|\n|"
    # unpunctuated captions: a new "I"/"we" starts a new clause ("an independent researcher in
    # Sao Paulo I did a consultancy for the ILO"); any cue after it is read on its own
    r"\s(?-i:I)\s|\s(?:and\s+)?we\s",
    re.IGNORECASE,
)
# Words after which an organisation may be named, for role and lead cues.
_ROLE_LINK = re.compile(r"\b(?:(?P<place>from)|(?P<part>in)|(?P<of>of)|at|with|for|called|named)\s+", re.IGNORECASE)
_LEAD_LINK = re.compile(r"\b(?:at|called|named|(?P<place>in))\s+", re.IGNORECASE)
_NAMED_LINK = re.compile(r"\b(?:called|named)\s+", re.IGNORECASE)
_AGAIN_FROM = re.compile(r"\b(?:called|named)\s+|,\s+(?P<place>from)\s+", re.IGNORECASE)
# A unit of the body just named, before the link to what it covers: "UNICEF('s) regional office for".
_UNIT_OF_BODY = re.compile(
    r"(?:['’]s)?\s+(?:(?:regional|country|national|local|liaison|field)\s+)?"
    r"(?:office|bureau|team|section|department|unit|division|desk|branch|chapter|programme|program)\s+",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\S+")
_LIST_AFTER = re.compile(r"\s+(?:and|&)\s+")
# The unit of a body before "of <body>": "Board of", "Secretariat of the", "Office of".
_PART_OF = re.compile(r"(?:[A-Z][\w'’\u2011-]+\s+){1,2}of\s+(?:the\s+)?")
_WORDLIKE = re.compile(r"[^\W\d_][\w'’\u2011.&-]*|&")
_TRAIL = ",.;:!?)]}\"”'’"
# "KICTANet", "ICT4D"; not a name spelled out letter by letter ("W-O-J-C-I-K"): a spelling, no body
_ACRONYM = re.compile(
    r"(?![A-Z](?:-[A-Z]){3,}$)(?:[A-Z][A-Z0-9&.\-]*[A-Z0-9]|(?=(?:[a-z]*[A-Z]){3})[A-Z]{2,}[a-z]+[A-Za-z]*)"
)
_LOWER_WORD = re.compile(r"[a-z][\w\u2011-]*")
_NOT_ORG = frozenset(
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
_MAX_WINDOW = 180  # characters of a clause read after a cue


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
        return self.mention.entity_id if self.mention else "org:" + _fold(self.name)


@dataclass(frozen=True)
class Gazetteer:
    """Place names (folded) and the names of the session's speakers, which are not organisations."""

    places: frozenset[str]
    people: frozenset[str] = frozenset()
    # Names that stand for a registry body only after a cue ties them to a person: folded
    # name -> (entity id, kind, canonical name) (`after_cue` in data/institutions.toml).
    bodies: Mapping[str, tuple[str, str, str]] = field(default_factory=dict, hash=False, compare=False)

    def with_people(self, names: Iterable[str]) -> Gazetteer:
        return Gazetteer(self.places, frozenset(_fold(n) for n in names if n), self.bodies)


def _fold(text: str) -> str:
    """Accent-, case- and hyphen-free form of a name or short span, to compare names.

    Remembered for short texts: a speaker's name forms are folded again for every sentence."""
    return _fold_short(text) if len(text) <= 200 else _fold_text(text)


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return _fold_text(text)


def _fold_text(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2011", "-"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().replace("-", " ").split())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Cities of the shipped `data/places.toml`, countries of `data/countries.toml`, and the
    names institutions go by after an affiliation cue (`after_cue` in `data/institutions.toml`)."""
    places = shipped_toml("places.toml")
    countries = shipped_toml("countries.toml")
    names = {_fold(c) for c in places["cities"]}
    names |= {_fold(str(v)) for row in places["venues"] for v in row[1:]}
    names |= {_fold(n) for row in countries["countries"] for n in row}
    institutions = shipped_toml("institutions.toml")
    bodies = {
        _fold(name): (row["id"], row["kind"], row["name"])
        for row in institutions["institution"]
        for name in row.get("after_cue", [])
    }
    return Gazetteer(frozenset(names), bodies=bodies)


def _mention_at(mentions: Sequence[Mention], start: int) -> Mention | None:
    return next((m for m in mentions if m.start == start), None)


# Heads of French, Spanish, Portuguese and Italian body names, which write the adjectives after
# them in lower case ("Institut supérieur des études numériques", "Secretaría nacional de …").
_ROMANCE_HEADS = frozenset(
    [
        "collège",
        "université",
        "universidad",
        "universidade",
        "università",
        "institut",
        "instituto",
        "istituto",
        "ministère",
        "ministerio",
        "ministério",
        "ministero",
        "secretaría",
        "secretaria",
        "secrétariat",
        "école",
        "escuela",
        "escola",
        "agence",
        "agencia",
        "agência",
        "fondation",
        "fundación",
        "fundação",
        "asociación",
        "associação",
        "conseil",
        "consejo",
        "conselho",
        "autorité",
        "autoridad",
        "autoridade",
        "observatoire",
        "observatorio",
        "observatório",
        "laboratoire",
        "laboratorio",
        "laboratório",
        "réseau",
        "rede",
        "centro",
        "faculté",
        "facultad",
        "faculdade",
        "mairie",
        "direction",
        "dirección",
        "direção",
    ]
)


def _proper_run(text: str, pos: int, stop: int) -> tuple[int, list[str]] | None:
    """End offset and words of a run of capitalised words (with connectors) starting at pos."""
    words: list[str] = []
    pending: list[str] = []
    end = pos
    prev = pos
    ends: list[int] = []  # where each word of `words` ends (connectors: where the word before ends)
    for m in _TOKEN.finditer(text, pos, stop):
        if m.start() != pos and "\n" in text[prev : m.start()]:
            break
        raw = m.group()
        core = raw.rstrip(_TRAIL)
        if _PLURAL_POSSESSIVE.match(raw) and _CAPITAL_NEXT.match(text, m.end()):
            core = raw  # "Efate Telecom Users' Council", "Journalists’ Union": a plural possessive, not a close
        closed = core != raw
        if not core or not _WORDLIKE.fullmatch(core):
            break
        if core.lower() in _NOT_ORG:
            if not words:
                return None
            break
        if core[0].isupper() or (core == "&" and words):
            ends += [end] * len(pending) + [m.start() + len(core)]
            words += [*pending, core]
            pending = []
            end = m.start() + len(core)
        elif words and (core.lower() in _CONNECTORS or core == "in") and len(pending) < 2 and not closed:
            pending.append(core)
        elif len(words) == 1 and words[0].lower() in _ROMANCE_HEADS and len(pending) < 3 and not closed:
            # "Collège numérique du Bas-Saint-Laurent": French, Spanish and Portuguese names write
            # the adjectives after their head in lower case; kept only if a capital follows
            pending.append(core)
        else:
            break
        if closed:
            break
        prev = m.end()
    if "in" in words:
        # "Najd Women in Technology Circle" is one name; "the Ministry in Addis Ababa" is a body
        # and where it is: "in" joins only when the words after it end with a body's word
        k = words.index("in")
        if words[-1].lower() not in _ORG_WORDS:
            words, end = words[:k], ends[k - 1]
    return (end, words) if words else None


# A word ending in "s'" (a plural's possessive) and a capitalised word after it, within one name
_PLURAL_POSSESSIVE = re.compile(r"[^\W\d_][\w\u2011-]*[sS]['’]$")
_CAPITAL_NEXT = re.compile(r"[ \u00a0](?-i:[A-Z])")


def org_at(
    text: str, pos: int, stop: int, mentions: Sequence[Mention], gazetteer: Gazetteer, *, place_cue: bool
) -> Org | None:
    """The organisation named at `pos` (after a cue), if any.

    `place_cue` is set after words that may introduce a place ("from"): then the name must
    look like an organisation, not like a city or a country.
    """
    while pos < stop and text[pos] in " \u00a0\t":
        pos += 1
    if re.match(r"(?:an?|An?)\s", text[pos:stop]):
        return None  # "a think tank": not a name
    article = re.match(r"(?:the|The)\s+", text[pos:stop])
    start = pos + (article.end() if article else 0)
    mention = _mention_at(mentions, start) or _mention_at(mentions, pos)
    run = _proper_run(text, start, stop)
    if mention is not None and (run is None or mention.end >= run[0] or _LIST_AFTER.match(text, mention.end)):
        return Org(mention.start, mention.end, mention.name, mention)  # "the World Bank and UNDP": the first
    if mention is not None and run is not None and re.match(r"['’]s\b", text[mention.end : run[0]]):
        return Org(mention.start, run[0], mention.name, mention)  # "UNESCO's Section for …": a part of it
    acronym_unit = _ACRONYM_UNIT.match(text, start, stop) if article else None
    if acronym_unit is not None:
        # "the IT committee of the Azerbaijan Bar Association": a unit named by its field, then its body
        unit = _UNIT.match(text, acronym_unit.end(), stop)
        if unit is not None:
            return org_at(text, unit.end(), stop, mentions, gazetteer, place_cue=unit.group("link").lower() != "of")
    if run is not None:
        # a body inside ("the Board of ICANN"), not a stakeholder group ("the Ministry of Youth")
        inner = next(
            (m for m in mentions if start < m.start and m.end <= run[0] and m.kind != "stakeholder-group"), None
        )
        if inner is not None and _PART_OF.fullmatch(text, start, inner.start):
            return Org(start, run[0], inner.name, inner)  # "the Board of ICANN": a part of ICANN
        return _named(text, start, _with_listed_fields(text, run, stop), stop, gazetteer, place_cue)
    if article:
        described = _described(text, start, stop, gazetteer)
        if described is not None:
            return described
        unit = _UNIT.match(text, start, stop)
        if unit is not None:  # "the faculty of law of the University of Warsaw": the university
            # a unit "of" something is part of a body, not of a town ("the policy team of Telenor");
            # "at"/"in" may still introduce a place ("the team in Nairobi")
            of_body = unit.group("link").lower() == "of"
            return org_at(text, unit.end(), stop, mentions, gazetteer, place_cue=not of_body)
    return None


# A unit inside an organisation, in lower case, and the link to the organisation's name.
_UNIT = re.compile(
    r"(?:[a-z][\w\u2011-]*\s+){0,2}(?:faculty|department|school|unit|division|team|section|office|chair|"
    r"centre|center|lab|laboratory|programme|program|desk|bureau|committee|working group|task force|"
    r"delegation|chapter|branch)\s+"
    r"(?:(?:of|for|on)\s+(?:[a-z][\w\u2011-]*\s+){1,3}?)?(?P<link>of|at|in)\s+(?=(?:the\s+)?[A-Z])"
)


# An acronym naming a unit's field before the lower-case unit word: "IT (committee)", "ICT (unit)".
_ACRONYM_UNIT = re.compile(r"(?-i:[A-Z]{2,5})\s+(?=(?:[a-z][\w\u2011-]*\s+){0,2}(?-i:[a-z]))")


def _named(
    text: str, start: int, run: tuple[int, list[str]], stop: int, gazetteer: Gazetteer, place_cue: bool
) -> Org | None:
    end, words = run
    folded = _fold(text[start:end])
    if folded in gazetteer.places or folded in gazetteer.people or folded in TOOLS:
        return None
    body = gazetteer.bodies.get(folded)
    if body is not None:  # "Tomasz from the Secretariat": at an IGF session, the IGF Secretariat
        entity_id, kind, name = body
        return Org(start, end, name, Mention(entity_id, kind, name, start, end, 0, text[start:end], 0.9, "after-cue"))
    if len(words) == 1 and words[0].lower() in _ORG_WORDS:
        # "the Ministry", "the Institute": the one named earlier in the session, if any
        return (
            _named_before(text, start, end, words[0], gazetteer)
            if _THE_BEFORE.search(text, max(0, start - 16), start)
            else None
        )
    if len(words) == 1 and _THE_BEFORE.search(text, max(0, start - 16), start):
        # "also from the Medienwerkstatt": a body said in full before ("the Medienwerkstatt
        # Pleißenufer"), called by its first word
        opened = _named_before(text, start, end, words[0], gazetteer, first=True)
        if opened is not None:
            return opened
    head = any(w.lower() in _ORG_WORDS for w in words)
    acronym = any(_ACRONYM.fullmatch(w) for w in words)
    spelt = _SPELT_AFTER.match(text, end, stop)
    if spelt is not None and abbreviates(spelt.group(1), words):
        acronym = True  # "the Digital Policy Circle of Kenya, DPCK,": a body spelt out, then abbreviated
    if place_cue and not head and not acronym:
        capitalised = [w for w in words if w[:1].isupper()]
        if len(capitalised) < 2 or any(_fold(w) in gazetteer.places | gazetteer.people for w in capitalised):
            return None  # "from Accra", "from Lagos State": where they are, not whom for
        if is_landform(words):
            return None  # "in the Cook Islands", "from the Rift Valley": a place the gazetteer lacks
    if len(words) >= 3 and abbreviates(words[-1], words[:-1]):
        end = start + len(text[start:end].rsplit(maxsplit=1)[0])  # "Kenya ICT Action Network KICTANet"
        words = words[:-1]
    inner = _INNER_LINK.match(text, end, stop)
    if inner and not head and inner.group("head").lower() in _ORG_WORDS:
        end = inner.end()  # "Kano Women in Tech Initiative": "in" inside a name that ends in its body word
        words = [*words, *text[inner.start("rest") : end].split()]
        head = True
    tail = re.match(r"[ \u00a0]+([a-z]+)\b", text[end:stop])
    if tail and tail.group(1) in _ORG_WORDS and not head:
        end += tail.end()  # "the Smart Nation office"; but "the … Forum secretariat" is the Forum's
    elif head and _generic(words, gazetteer):
        place = _IN_PLACE.match(text, end, stop)
        if place and _fold(place.group(1)) in gazetteer.places:
            end = place.end()  # "the American University in Cairo": the place is part of the name
    return Org(start, end, text[start:end])


_THE_BEFORE = re.compile(r"\b(?:the|The)[ \u00a0]+$")
# An acronym said right after a name, between commas or in brackets: ", DPCK," or " (DPCK)".
_SPELT_AFTER = re.compile(r"[ \u00a0]*[,(][ \u00a0]*((?-i:[A-Z][A-Za-z]{1,9}))[ \u00a0]*[,.;)]")
_BACK_WINDOW = 4000  # characters before a bare "the Institute" searched for the name it stands for


# A run of capitalised words, joined by connectors ("Caspian Institute of Information Technologies").
_NAME_RUN = re.compile(
    rf"(?-i:[A-Z][\w'’\u2011-]*)(?:[ \u00a0]+(?:(?:{'|'.join(sorted(_CONNECTORS - {'&'}))})[ \u00a0]+)?"
    rf"(?-i:[A-Z][\w'’\u2011.-]*)){{0,6}}"
)


def _named_before(
    text: str, start: int, end: int, word: str, gazetteer: Gazetteer, *, first: bool = False
) -> Org | None:
    """The body a bare "the Institute" stands for: the one full name with that organisation
    word said before it ("the Caspian Institute of Information Technologies … my colleague,
    also from the Institute"); with two different ones said, none. A name that is only generic
    words says no more than the word. `first`: the word must open the name ("the Medienwerkstatt"
    for "the Medienwerkstatt Pleißenufer"), as a body's short name does."""
    lo = max(0, start - _BACK_WINDOW)
    best: tuple[int, int] | None = None
    said: set[str] = set()
    for m in _NAME_RUN.finditer(text, lo, start):
        words = m.group().split()
        if len(words) >= 2 and (words[0] == word if first else word in words) and not _generic(words, gazetteer):
            best = (m.start(), m.end())
            said.add(_fold(m.group()))
    if best is None or len(said) > 1:
        return None  # none, or two institutes said: which one is not clear
    run = _proper_run(text, best[0], best[1])
    name = text[best[0] : run[0]] if run else text[best[0] : best[1]]
    return Org(start, end, name)


# "in"/"on" inside a name: capitalised words after it, the last an organisation word.
_INNER_LINK = re.compile(
    r"[ \u00a0]+(?:in|on)[ \u00a0]+(?P<rest>(?:(?-i:[A-Z][\w'’\u2011-]*)[ \u00a0]+){0,3}(?P<head>(?-i:[A-Z][a-z]+)))\b"
)
_IN_PLACE = re.compile(r"[ \u00a0]+in[ \u00a0]+((?-i:[A-Z][\w'’\u2011-]+)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+))?)")
# Words that do not tell one body from another ("American University", "National Institute"):
# a name made only of them and organisation words needs its place to say which one it is.
_GENERIC_WORDS = frozenset(
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


def _generic(words: Sequence[str], gazetteer: Gazetteer) -> bool:
    """Only organisation words, connectors, generic adjectives and country names or adjectives
    ("American", which `countries.toml` lists, so the gazetteer's places hold it)."""
    return all(
        w.lower() in _ORG_WORDS
        or w.lower() in _CONNECTORS
        or w.lower() in _GENERIC_WORDS
        or _fold(w) in gazetteer.places
        for w in words
    )


def abbreviates(token: str, words: Sequence[str]) -> bool:
    """Whether `token` is an acronym of `words` ("APNIC" of "Asia Pacific Network Information Centre",
    "KICTANet" of "Kenya ICT Action Network"): it starts with the first word's first letter and
    is the concatenation of leading parts of the following words, in order (words may be skipped)."""
    letters = "".join(ch for ch in token if ch.isalnum()).lower()
    caps = sum(ch.isupper() for ch in token)
    names = [w.lower() for w in words if w.lower() not in _CONNECTORS]
    if len(letters) < 3 or caps < 2 or len(names) < 2 or not letters.startswith(names[0][:1]):
        return False

    @cache
    def cover(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(names):
            return False
        if j and cover(i, j + 1):
            return True
        word = names[j]
        return any(word[:k] == letters[i : i + k] and cover(i + k, j + 1) for k in range(1, len(word) + 1))

    return cover(0, 0)


def _described(text: str, start: int, stop: int, gazetteer: Gazetteer) -> Org | None:
    """ "the national broadcaster of Lebanon": a definite description ending in an organisation
    noun, with a modifier or an "of <Name>" that says which one."""
    pos, modifiers, end, head = start, 0, None, ""
    for _ in range(5):
        word = _LOWER_WORD.match(text, pos, stop)
        if word is None:
            return None
        if word.group() in _ORG_NOUNS:
            head, end = word.group(), word.end()
            more = re.match(r"[ \u00a0]+([a-z][\w\u2011-]*)", text[end:stop])
            while more and more.group(1) in _ORG_NOUNS:  # "the national radio network"
                end += more.end()
                more = re.match(r"[ \u00a0]+([a-z][\w\u2011-]*)", text[end:stop])
            break
        modifiers += 1
        gap = re.match(r"[ \u00a0]+", text[word.end() : stop])
        if gap is None:
            return None
        pos = word.end() + gap.end()
    if end is None:
        return None
    if head in _LISTED_HEAD:
        field = _LOWER_FIELD.match(text, end, stop)
        if field is not None:  # "the ministry of commerce": a ministry is named by its field
            return Org(start, field.end(1), text[start : field.end(1)])
    of = re.match(r"[ \u00a0]+of[ \u00a0]+", text[end:stop])
    tail = _proper_run(text, end + of.end(), stop) if of else None
    if tail is not None:
        end = tail[0]
    elif not modifiers:
        return None  # "the ministry", "the university": which one is not said
    if _fold(text[start:end]) in gazetteer.places:
        return None
    return Org(start, end, text[start:end], proper=False)


# The field a lower-case "ministry" is named by, up to a stop: " of commerce,", " of trade and industry."
_LOWER_FIELD = re.compile(
    r"[ \u00a0]+(?:of|for)[ \u00a0]+((?:the[ \u00a0]+)?[a-z][\w\u2011-]*(?:[ \u00a0]+(?:and[ \u00a0]+)?[a-z][\w\u2011-]*){0,2})"
    r"(?=[ \u00a0]*(?:[,.;:?!)]|$))"
)


def _clause_end(text: str, start: int, stop: int) -> int:
    m = _CLAUSE_END.search(text, start, min(stop, start + _MAX_WINDOW))
    return m.start() if m else min(stop, start + _MAX_WINDOW)


def _orgs_after_cue(
    text: str, cue: re.Match[str], stop: int, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[Org]:
    """Organisations a cue ties to its person, by the cue's kind (see `_SELF_CUES`)."""
    end = _clause_end(text, cue.end(), stop)
    kind = cue.lastgroup
    found: list[Org] = []
    if kind != "role":  # a role word needs a linking word: "a researcher at X"
        first = org_at(text, cue.end(), end, mentions, gazetteer, place_cue=kind == "place")
        if first is not None:
            found.append(first)
    # "I am from Tunisia, from the ministry of commerce": where, then whom for, one cue each
    links = {"role": _ROLE_LINK, "lead": _LEAD_LINK, "place": _AGAIN_FROM}.get(kind or "", _NAMED_LINK)
    for link in links.finditer(text, cue.end(), end):
        if any(o.start <= link.start() < o.end for o in found):
            continue
        if any(_UNIT_OF_BODY.fullmatch(text, o.end, link.start()) for o in found):
            continue  # "the UNICEF office for the Middle East": the unit's remit, not another body
        groups = link.groupdict()
        org = org_at(text, link.end(), end, mentions, gazetteer, place_cue=groups.get("place") is not None)
        if org is None or any(o.start == org.start for o in found):
            continue
        if groups.get("part") is not None and org.mention is None and not looks_org(org.name):
            continue  # "an expert in AI and Human Rights": a field; "a specialist in UNESCO's …": a body
        if (
            kind == "role"
            and groups.get("of") is not None
            and (org.mention is None or org.mention.kind == "stakeholder-group")
            and _MINISTER.search(cue.group())
        ):
            org = _ministry(text, link.end(), end) or org  # "Minister of Youth": the Ministry of Youth
        rank = _link_rank(groups, text[max(0, link.start() - 40) : link.start()])
        if groups.get("of") is not None and kind == "role" and _field_like(org):
            rank += 0.5  # "Head of Policy at Kuda Networks": "Policy" is the office's field
        found.append(replace(org, rank=rank + 0.01 * len(found)))
    return found


def _field_like(org: Org) -> bool:
    """A name after "<office> of" that reads as a field, not a body: one word, no organisation
    word, no acronym, no registry match ("Head of Policy", "Professor of Law")."""
    words = org.name.split()
    return org.mention is None and len(words) == 1 and not looks_org(org.name) and not _ACRONYM.fullmatch(words[0])


_BELONGS = re.compile(
    r"\b(?:member|part|head|chair\w*|co-?chair|director(?:[ -]general)?|founder|co-?founder|coordinator|"
    r"president|secretary(?:[ -]general)?|representative|leader|lead|CEO|CTO|COO|manager|convenor|convener|"
    r"focal point|officer|staff)s?\s*$",
    re.IGNORECASE,
)


def _link_rank(groups: dict[str, str | None], before: str) -> float:
    """ "at/with/for X" ties a role to an employer, and so does "of X" after "member", "head",
    "founder" …; after other words "of X" may be a field ("professor of Law"); "from X" or
    "in X" least: so "a professor of Law at Oxford University" is Oxford's."""
    if groups.get("of") is not None:
        return 0.0 if _BELONGS.search(before) else 0.2
    if groups.get("place") is not None or groups.get("part") is not None:
        return 0.3
    return 0.0


def looks_org(name: str) -> bool:
    """A name with an organisation word in it ("the Ministry of …", "the National Assembly"); after
    "in" an acronym alone is a field as often as a body ("an expert in AI and Human Rights")."""
    return any(w.lower().strip(_TRAIL) in _ORG_WORDS for w in name.split())


_MINISTER = re.compile(r"\bminister\s*$", re.IGNORECASE)
# "Communication, Telecommunications and the Digital Economy": a list of capitalised fields.
_FIELD_LIST = re.compile(
    r"(?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*))*"
    r"(?:,\s+(?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*))*)*"
    r",?\s+and\s+(?:the\s+)?(?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*))*"
)


# An office named by a list of fields: "Ministry of Agriculture, Forestry and Fisheries (of Cambodia)".
_LISTED_HEAD = frozenset({"ministry", "department", "ministère", "ministerio", "secretariat", "directorate"})
_FIELDS_TAIL = re.compile(
    r"(?:,\s+(?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*))*)+"
    r",?\s+(?:and|&)\s+(?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*))*"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*)){0,2})?"
)


def _with_listed_fields(text: str, run: tuple[int, list[str]], stop: int) -> tuple[int, list[str]]:
    """A ministry's run read on through the list of its fields (a run stops at the comma)."""
    end, words = run
    if len(words) < 3 or words[0].casefold() not in _LISTED_HEAD or words[1].casefold() not in ("of", "for"):
        return run
    listed = _FIELDS_TAIL.match(text, end, stop)
    if listed is None:
        return run
    return listed.end(), [*words, *text[end : listed.end()].replace(",", " ").split()]


def _ministry(text: str, pos: int, stop: int) -> Org | None:
    """The ministry a "Minister of <fields>" heads, as "Ministry of <fields>" (a minister speaks
    for the ministry), with the fields' list read whole ("Communication, Telecommunications and
    the Digital Economy") and a trailing "of <Country>" kept."""
    listed = _FIELD_LIST.match(text, pos, stop)
    run = _proper_run(text, pos, stop)
    end = max(listed.end() if listed else 0, run[0] if run else 0)
    if end <= pos:
        return None
    tail = re.match(r"\s+of\s+((?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*)){0,2})", text[end:stop])
    if listed and end == listed.end() and tail:
        end += tail.end()
    return Org(pos, end, "Ministry of " + text[pos:end])


_DELEGATION = SharedCue(
    re.compile(
        r"\bwith\s+(?:(?:a|our|my)\s+(?:group|delegation|team)\s+of\s+)?(?:my\s+|our\s+)?colleagues\s+(?:from|of)\s+",
        re.IGNORECASE,
    )
)
# Where one is, right before "with … colleagues": "I am here", "sitting in the room", "we came".
_PRESENT_WITH = re.compile(
    r"\b(?:here|sitting|seated|came|come|travell?ed|(?:I|we)\s+(?:am|are|'m|’m|'re|’re))"
    r"(?:\s+(?:here|in|at|the|room|hall|today|also|together))*\s+$",
    re.IGNORECASE,
)
# `self_orgs` asks these of every sentence of every speaker: each behind its literal
# prefilter (`text.fastre`), which gives the pattern's own answers.
# "at Deutsche Welle Akademie, where I work": the cue comes after the organisation.
_WHERE_AFTER = SharedCue(
    re.compile(
        r",?\s+where\s+(?:I|we)\s+(?:work|am working|study|teach|am based|am employed|"
        rf"am\s+(?:(?:the|a|an|one of the)\s+)?{_ROLES})\b",
        re.IGNORECASE,
    )
)
_WHERE_LINK = re.compile(r"\b(?:at|with|for|in|by)\s+", re.IGNORECASE)
# A sentence that starts with a name and a link: "Lucía Fernández-Ruiz, for the DC on …".
# (also after a greeting and "I'm": "Yes, hello, I'm Jannik Oberholz, also from the …")
_NAME_LINK = SharedCue(
    re.compile(
        rf"\s*(?:(?:[\w'’]+,?\s+){{0,3}}?(?i:I'm|I’m|I am|my name is|this is)\s+)?(?P<name>{_NAME}),\s+"
        r"(?:also\s+)?(?:for|from|representing|with)\s+"
    )
)
# A speaker reading out their own card: "My name is Kenji Watanabe, Hitotsubashi University."
_OWN_CARD = re.compile(rf"\s*(?:(?:I'm|I’m|I am|my name is|this is)\s+)?(?P<name>{_NAME})(?=,)", re.IGNORECASE)


# Another person as the subject right before a cue that has none of its own ("founder of").
_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|who)\s+(?:is|was|are|were)\s+(?:(?:also|now|the|a|an|one\s+of\s+the)\s+)*(?:co-?)?$",
    re.IGNORECASE,
)


def self_orgs(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    own_names: Sequence[str] = (),
) -> list[Org]:
    """Organisations the speaker ties themselves to in the sentence text[start:end].

    `own_names` are the speaker's name forms: a sentence that opens with one of them and a
    link ("Lucía Fernández-Ruiz, for the DC on …") is how speakers introduce themselves, while
    the same shape with another name is a hand-off ("Daniel, for the DC on …").
    """
    found: list[Org] = []
    for cue in _SELF_CUES.finditer(text, start, end):
        if _THIRD_PERSON.search(text, max(start, cue.start() - 40), cue.start()):
            continue  # "He is the founder of Kianda Sistemas": a chair presenting somebody else
        for org in _orgs_after_cue(text, cue, end, mentions, gazetteer):
            if not any(o.start == org.start for o in found) and not _spoken_to(text, start, org.start):
                found.append(org)
    named = _NAME_LINK.match(text, start, end)
    full_names = {_fold(n) for n in own_names if " " in n.strip()}
    if named is not None and _fold(named.group("name")) in full_names:
        opened = org_at(text, named.end(), end, mentions, gazetteer, place_cue=True)
        if opened is not None and not any(o.start == opened.start for o in found):
            found.append(opened)
    carded = _OWN_CARD.match(text, start, end) if full_names else None
    if carded is not None and _fold(carded.group("name")) in full_names:
        for org in _card_after(text, carded.end("name"), end, mentions, gazetteer):
            if not any(o.start == org.start for o in found):
                found.append(org)
    for cue in _DELEGATION.finditer(text, start, end):
        # "I am sitting here in the room with a group of colleagues from the German IGF": one's
        # own delegation, said with where one is (not "we work with colleagues from the ITU")
        if _PRESENT_WITH.search(text, max(start, cue.start() - 40), cue.start()) is None:
            continue
        delegation = org_at(text, cue.end(), _clause_end(text, cue.end(), end), mentions, gazetteer, place_cue=True)
        if delegation is not None and not any(o.start == delegation.start for o in found):
            found.append(delegation)
    for after in _WHERE_AFTER.finditer(text, start, end):
        # the link nearest the cue whose name runs up to it ("by the Agency for Digital Chile,
        # where I am …": not "for", inside the name)
        for link in reversed(list(_WHERE_LINK.finditer(text, start, after.start()))[-3:]):
            before = org_at(text, link.end(), after.start(), mentions, gazetteer, place_cue=True)
            if before is None or before.end < after.start() - 1:
                continue
            if not any(o.start == before.start for o in found):
                found.append(before)
            break
    for work in _WORK_FOR.finditer(text, start, end):
        client = org_at(text, work.end(), _clause_end(text, work.end(), end), mentions, gazetteer, place_cue=True)
        if (
            client is not None
            and client.mention is None
            and (looks_org(client.name) or _DESCRIBED_AFTER.match(text, client.end, end) is not None)
            and not any(o.start == client.start for o in found)
            and not _spoken_to(text, start, client.start)
        ):
            found.append(replace(client, rank=0.3))
    for described in _DESCRIBED_THEN_NAMED.finditer(text, start, end):
        named_org = org_at(
            text, described.end(), _clause_end(text, described.end(), end), mentions, gazetteer, place_cue=True
        )
        if (
            named_org is not None
            and named_org.mention is None
            and not any(o.start == named_org.start for o in found)
            and not _spoken_to(text, start, named_org.start)
        ):
            found.append(replace(named_org, rank=0.3))
    return found


# The kind of body said in the same breath as its name, which is how a name without an
# organisation word ("Kurier Pojezierza", "PayNaija") shows it is one: after the name ("…, it
# is a regional newspaper", "…, a fintech start-up") or before it, in the speaker's own tie to
# it ("I run a small NGO, Kampala Digital Literacy Trust", "I work for a start-up called Zeta").
_ORG_KIND = (
    r"(?:"
    + alternation(_ORG_NOUNS)
    + r"|paper|weekly|monthly|journal|publication|outlet|firm|charity|non-?profit|newsroom|collective|consultancy|"
    + r"think[\s-]tank|cooperative|co-op)"
)
_DESCRIBED_AFTER = re.compile(
    rf"[ \u00a0]*,[ \u00a0]*(?:(?:it|which|that)[ \u00a0]+(?:is|was)[ \u00a0]+|it['’]s[ \u00a0]+)?"
    rf"(?:a|an|the|our)[ \u00a0]+(?:[\w'’\u2011-]+[ \u00a0]+){{0,3}}?{_ORG_KIND}s?\b",
    re.IGNORECASE,
)
_DESCRIBED_THEN_NAMED = SharedCue(
    re.compile(
        r"\bI\s+(?:run|lead|founded|co-?founded|manage|direct|coordinate|head|work\s+(?:for|at|with|in)|"
        r"am\s+with|volunteer\s+(?:for|with|at))\s+(?:a|an|our|my)\s+(?:[\w'’\u2011-]+\s+){0,3}?"
        + _ORG_KIND
        + r"(?:\s*,\s*|\s+)(?:(?:called|named)\s+)?(?=(?-i:[A-Z]))",
        re.IGNORECASE,
    )
)


# What one does for a living, then the body it is done for: "I build networks for Liquid
# Intelligent Technologies", "I write for the Lusaka Daily Mail". Looser than the cues above (the
# object may be anything), so only a name with an organisation word counts, never a registry
# body ("I do consultancy for the ILO" is a client, not an employer).
_WORK_FOR = SharedCue(
    re.compile(
        r"\bI\s+(?:build|develop|design|write|report|produce|code|program|train|teach|edit|manage|run)\b"
        r"[^.,;:?!]{0,40}?\s(?:for|at|with)\s+",
        re.IGNORECASE,
    )
)


def _spoken_to(text: str, sentence_start: int, org_start: int) -> bool:
    """A body the speaker addresses or denies, not one they belong to: "I am a librarian from
    Nairobi, and my question is for DC-PAL", "I am not with the ministry" (`voice`)."""
    return voice.addressed(text, sentence_start, org_start) or voice.negated(text, sentence_start, org_start)


def after_name(text: str, name_end: int, stop: int, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Org]:
    """Organisations others tie a person to right after naming them ("Ana Lima from X",
    "Ana, director of … at X", "Ana runs a start-up called X")."""
    cue = _AFTER_NAME.match(text, name_end, stop)
    if cue is None or cue.lastgroup is None:
        where = _WHERE_APPOSITION.match(text, name_end, stop)
        if where is not None:  # "Beatrice, joining us remotely from Kisumu, from the … Network"
            cue = _AFTER_NAME.match(text, where.end(), stop)
            if cue is not None and cue.lastgroup is not None:
                return _orgs_after_cue(text, cue, stop, mentions, gazetteer)
        return _card_after(text, name_end, stop, mentions, gazetteer)
    return _orgs_after_cue(text, cue, stop, mentions, gazetteer)


# Where a person is, said between their name and their body: ", joining us remotely from Kisumu,".
_WHERE_APPOSITION = re.compile(
    r"[ \u00a0]*,[ \u00a0]*(?:who is[ \u00a0]+)?(?:joining|connecting|connected|calling in|dialling in|here)"
    r"(?:[ \u00a0]+(?:us|in|with us|today))?(?:[ \u00a0]+(?:remotely|online|virtually|in person))?"
    r"(?:[ \u00a0]+(?:from|in)[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+))?)?[ \u00a0]*,",
    re.IGNORECASE,
)


# A name card read out: "Amina Mensah, Ministry of Communications and Digitalisation, Ghana." —
# the body right after the name and a comma, itself followed by a comma or the sentence end.
_CARD_AFTER = re.compile(r",[ \u00a0]+(?=(?:the[ \u00a0]+)?[A-Z])")
_CARD_END = re.compile(r"[ \u00a0]*(?:[,.;]|$)")


def _card_after(text: str, name_end: int, stop: int, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Org]:
    """The body of a name card a chair reads out ("Moussa Diallo, Senegal Digital Rights Network,
    also remote"): it must name an organisation outright (a registry body, an organisation word
    or an acronym; not a place or a person) and stand alone between commas, so a list of names or
    places is not read as one."""
    comma = _CARD_AFTER.match(text, name_end, stop)
    if comma is None:
        return []
    org = org_at(text, comma.end(), _clause_end(text, comma.end(), stop), mentions, gazetteer, place_cue=True)
    if org is None:
        return _card_with_place(text, comma.end(), stop, gazetteer)
    if not _CARD_END.match(text, org.end, stop):
        return []
    if org.mention is None and not looks_org(org.name) and not any(_ACRONYM.fullmatch(w) for w in org.name.split()):
        return []  # "Thank you, Lina Saab, Omar Aziz and Ana Lima": more names, not a body
    return [org]


_THEN_PLACE = re.compile(
    r"[ \u00a0]*,[ \u00a0]*((?-i:[A-Z][\w'’\u2011-]+)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+))?)[ \u00a0]*(?:[.;]|,[ \u00a0]*(?:and|&)\b|$)"
)


def _card_with_place(text: str, pos: int, stop: int, gazetteer: Gazetteer) -> list[Org]:
    """A card's body that is a bare name ("Daniel Osei, PayLoop, Kigali."): the card's shape says
    it is a body when a known place closes it; the name itself must be neither a place nor a person."""
    run = _proper_run(text, pos, stop)
    if run is None or len(run[1]) > 4:
        return []
    end = run[0]
    place = _THEN_PLACE.match(text, end, stop)
    name = text[pos:end]
    if place is None or _fold(place.group(1)) not in gazetteer.places:
        return []
    if (
        _fold(name) in gazetteer.places
        or _fold(name) in gazetteer.people
        or any(_fold(w) in gazetteer.people for w in name.split())
    ):
        return []
    return [Org(pos, end, name)]


# An office written on its own, as on a name card: the office, then nothing or a link to its
# body ("Deputy Minister", "Minister of Digital Economy", "Director of Research at Foo University").
_OFFICE = re.compile(rf"(?:(?:the|a|an)\s+)?(?P<role>{_ROLES})(?=\s*$|\s+(?:of|at|for|with|in|to|on)\b)", re.IGNORECASE)


def is_office(piece: str) -> bool:
    """Whether a name-card piece is an office ("CEO", "Minister of …"), not a body's name."""
    return _OFFICE.match(piece.strip()) is not None


def office_orgs(piece: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Org]:
    """The bodies an office written on its own names, read as after a role cue ("Minister of
    Digital Economy" → "Ministry of Digital Economy"; "Director of Research at Foo University"
    → "Foo University"); `mentions` are the registry mentions in `piece`."""
    cue = _OFFICE.match(piece)
    return _orgs_after_cue(piece, cue, len(piece), mentions, gazetteer) if cue is not None else []


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
    return bool(words) and words[-1].lower().strip(_TRAIL) in _LANDFORMS


def is_platform(name: str) -> bool:
    """Whether a name is a meeting platform, caption service or streaming site (`platforms.TOOLS`)."""
    return _fold(name) in TOOLS


def never_body(words: Sequence[str]) -> bool:
    """A capitalised span that cannot be anyone's affiliation: a landform or a platform."""
    return is_landform(words) or is_platform(" ".join(words))


def is_place(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is a known city or country ("GHANA", "Addis Ababa")."""
    return _fold(text) in gazetteer.places


def card_name(card: str) -> str:
    """An organisation as written on a name-card label, in reading case when the captioner
    wrote it in capitals ("RESEARCH ICT AFRICA" -> "Research ICT Africa")."""
    text = " ".join(card.split())
    if any(ch.islower() for ch in text):
        return text
    words = []
    for k, word in enumerate(text.split(" ")):
        bare = word.strip(",").lower()
        if k and bare in _CONNECTORS:
            words.append(word.lower())
        elif len(word.strip(",")) <= 3:
            words.append(word)  # "ICT", "UN": an acronym
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


_BEFORE_LINK = re.compile(r"\b(?:from|representing|with)\s+", re.IGNORECASE)
_TO_NAME = re.compile(
    r"[\s,]*(?:(?:we have|we welcome|please welcome|is|comes|joins us)\s+)?"
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador|Minister|Honourable|Hon|H\.E)\.?\s+)*",
    re.IGNORECASE,
)


def before_name(
    text: str, start: int, name_start: int, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> Org | None:
    """An organisation said right before a person's name: "From the University of Ghana,
    Professor Ama Owusu", "Representing Access Now, Sara Lind"."""
    for link in reversed(list(_BEFORE_LINK.finditer(text, start, name_start))):
        org = org_at(text, link.end(), name_start, mentions, gazetteer, place_cue=True)
        if org is not None and _TO_NAME.fullmatch(text, org.end, name_start):
            return org
    return None
