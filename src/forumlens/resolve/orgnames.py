"""Reading an organisation's name at a position: where it starts, where it ends, what it is called.

Why a module of its own: once a cue (`orgs`) has said "an organisation follows here", what
remains is a question about the words alone: a run of capitalised words with their
connectors ("Universidad de los Andes"), a registry mention, an acronym, a unit of a body
("the faculty of law of the University of Warsaw"), a definite description ("the national
broadcaster of Lebanon"), a bare "the Institute" standing for the one said before, or a
ministry named by its list of fields. None of it depends on which cue led there, so it is
read here once, for every cue.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from forumlens.resolve.mentions import Mention
from forumlens.resolve.orgwords import (
    ACRONYM,
    CONNECTORS,
    NOT_ORG,
    ORG_NOUNS,
    ORG_WORDS,
    TRAIL,
    Gazetteer,
    Org,
    elided_name_word,
    fold,
    foreign_joiner,
    foreign_word,
    generic_name,
    is_landform,
    place_qualifier,
    romance_link,
)
from forumlens.resolve.platforms import TOOLS
from forumlens.resolve.titles import opens_name

__all__ = ["MentionsByStart", "abbreviates", "ministry_of", "org_at", "proper_run"]


_TOKEN = re.compile(r"\S+")


_LIST_AFTER = re.compile(r"\s+(?:and|&)\s+")


# The unit of a body before "of <body>": "Board of", "Secretariat of the", "Office of".
_PART_OF = re.compile(r"(?:[A-Z][\w'’\u2011-]+\s+){1,2}of\s+(?:the\s+)?")


_WORDLIKE = re.compile(r"[^\W\d_][\w'’\u2011.&-]*|&")


_LOWER_WORD = re.compile(r"[a-z][\w\u2011-]*")


class MentionsByStart(tuple[Mention, ...]):
    """A session's mentions in order of their start (a stable sort: mentions at one offset keep
    their order), with the starts beside them.

    Why: `org_at` looks up the mention at an offset for every organisation cue of every sentence,
    and a scan of all the session's mentions each time was quadratic on a long session; sorted,
    the lookup is a bisection and gives the same mention (the first at that offset)."""

    starts: list[int]

    def __new__(cls, mentions: Iterable[Mention]) -> MentionsByStart:
        self = super().__new__(cls, sorted(mentions, key=lambda m: m.start))
        self.starts = [m.start for m in self]
        return self


def _mention_at(mentions: Sequence[Mention], start: int) -> Mention | None:
    """The first of `mentions` that starts at `start`, if any."""
    if isinstance(mentions, MentionsByStart):
        k = bisect.bisect_left(mentions.starts, start)
        return mentions[k] if k < len(mentions) and mentions.starts[k] == start else None
    return next((m for m in mentions if m.start == start), None)


def _starting_inside(mentions: Sequence[Mention], start: int, end: int) -> Iterator[Mention]:
    """The mentions that start after `start` and end by `end`, in their order (sorted ones: only
    those that start up to `end`, found by bisection)."""
    if isinstance(mentions, MentionsByStart):
        k = bisect.bisect_right(mentions.starts, start)
        stop = bisect.bisect_right(mentions.starts, end, k)
        return (m for m in mentions[k:stop] if m.end <= end)
    return (m for m in mentions if start < m.start and m.end <= end)


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
        # a regulator and a youth or regional parliament, named the same way ("Régie québécoise
        # des …", "Parlement des jeunes de …")
        "régie",
        "parlement",
        "parlamento",
    ]
)

# Romance connectors inside a lower-case run after a head: with one of them, a run closed by a
# comma or a full stop is the whole name ("Régie québécoise des télécommunications rurales,");
# without ("Fondation, which"), or with English words, it is not.
_ROMANCE_LINKS = frozenset(["de", "des", "du", "del", "della", "do", "da", "dos", "das", "di", "pour", "para"])
_MAX_LOWER_TAIL = 5  # lower-case words read after a head before a closing comma


# A name its speaker glosses in English right after it: a capitalised word, up to five more words
# on the same line (lower case allowed: "Association des maires ruraux du Fouta", "Nordfjord
# bibliotekssamarbeid"), then a comma and the gloss (", the association of …", ", which is …",
# ", in English …"). The gloss is the shape that says the words before it are one name in another
# language, whatever that language writes in lower case; no English function word may be inside.
_GLOSSED = re.compile(
    r"(?!(?:I|We|The|A|An|And|So|Please|Let's|Next|When|In|Very|Our|My|One|Another|If|This|That|It)\b)"
    r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’\u2011-]*(?:[ \u00a0]+(?!(?:the|a|an|and|of|in|on|at|for|to|with|is|are|was|"
    r"our|my|we|i|you|it|that|this|which|who|but|or|so|very|also|from|here|there)\b)[\w'’\u2011-]+){1,5}"
    r"(?=[ \u00a0]*,[ \u00a0]+(?:the|which\s+is|that\s+is|in\s+English|or\s+in\s+English|meaning)\b)",
    re.IGNORECASE,
)


_GLOSS_LOOK = 40  # how far past the clause the gloss's first words are looked for


def _glossed_run(text: str, pos: int, stop: int) -> tuple[int, list[str]] | None:
    """A name glossed in English after a comma (`_GLOSSED`), when a word inside it is lower case."""
    # the gloss may lie past `stop` (a caller's clause ends at the comma before it)
    m = _GLOSSED.match(text, pos, min(len(text), stop + _GLOSS_LOOK))
    if m is None or m.end() > stop:
        return None
    words = m.group().split()
    return (m.end(), words) if any(w[:1].islower() for w in words[1:]) else None


def proper_run(text: str, pos: int, stop: int) -> tuple[int, list[str]] | None:
    """End offset and words of a run of capitalised words (with connectors) starting at pos."""
    glossed = _glossed_run(text, pos, stop)
    if glossed is not None:
        return glossed
    words: list[str] = []
    pending: list[str] = []
    end = pos
    prev = pos
    ends: list[int] = []  # where each word of `words` ends (connectors: where the word before ends)
    for m in _TOKEN.finditer(text, pos, stop):
        if m.start() != pos and "\n" in text[prev : m.start()]:
            break
        raw = m.group()
        core = raw.rstrip(TRAIL)
        if _PLURAL_POSSESSIVE.match(raw) and _CAPITAL_NEXT.match(text, m.end()):
            core = raw  # "Efate Telecom Users' Council", "Journalists’ Union": a plural possessive, not a close
        closed = core != raw
        if not core or not _WORDLIKE.fullmatch(core):
            break
        if core.lower() in NOT_ORG:
            if not words:
                return None
            break
        if words and opens_name(text, m.start(), m.start() + len(core)):
            break  # "the Internet Society and Dr. Ravi Menon": the title opens the next person's name
        if core[0].isupper() or (core == "&" and words) or (words and elided_name_word(core)):
            ends += [end] * len(pending) + [m.start() + len(core)]
            words += [*pending, core]
            pending = []
            end = m.start() + len(core)
        elif (
            words
            and (core.lower() in CONNECTORS or core == "in" or romance_link(core) or foreign_joiner(core))
            and len(pending) < 2
            and not closed
        ):
            pending.append(core)
        elif len(words) == 1 and words[0].lower() in _ROMANCE_HEADS and len(pending) < 3 and not closed:
            # "Collège numérique du Bas-Saint-Laurent": French, Spanish and Portuguese names write
            # the adjectives after their head in lower case; kept only if a capital follows
            pending.append(core)
        elif _romance_tail_closes(words, pending, core, closed):
            # "Régie québécoise des télécommunications rurales, the RQTR": all in lower case after
            # the head, up to the comma that closes the name
            ends += [m.start() + len(core)] * (len(pending) + 1)
            words += [*pending, core]
            pending = []
            end = m.start() + len(core)
            break
        elif words and foreign_word(core) and len(pending) < 3:
            # a lower-case word of another language goes on its name ("Spišská komunitná sieť")
            ends += [end] * len(pending) + [m.start() + len(core)]
            words += [*pending, core]
            pending = []
            end = m.start() + len(core)
        else:
            break
        if closed:
            break
        prev = m.end()
    if "in" in words:
        # "Najd Women in Technology Circle" is one name; "the Ministry in Addis Ababa" is a body
        # and where it is: "in" joins only when the words after it end with a body's word
        k = words.index("in")
        if words[-1].lower() not in ORG_WORDS:
            words, end = words[:k], ends[k - 1]
    return (end, words) if words else None


def _romance_tail_closes(words: Sequence[str], pending: Sequence[str], core: str, closed: bool) -> bool:
    """Whether `core`, closed by punctuation, ends a lower-case run after a Romance head that
    holds a Romance connector ("des", "de", "para"): then the run is the name's own words."""
    return (
        closed
        and len(words) == 1
        and words[0].lower() in _ROMANCE_HEADS
        and len(pending) < _MAX_LOWER_TAIL
        and core[:1].islower()
        and any(w in _ROMANCE_LINKS for w in (*pending, core))
        and all(w[:1].islower() for w in pending)
    )


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
    run = proper_run(text, start, stop)
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
        inner = next((m for m in _starting_inside(mentions, start, run[0]) if m.kind != "stakeholder-group"), None)
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
    folded = fold(text[start:end])
    if folded in gazetteer.places or folded in gazetteer.people or folded in TOOLS:
        return None
    body = gazetteer.bodies.get(folded)
    if body is not None:  # "Tomasz from the Secretariat": at an IGF session, the IGF Secretariat
        entity_id, kind, name = body
        return Org(start, end, name, Mention(entity_id, kind, name, start, end, 0, text[start:end], 0.9, "after-cue"))
    if len(words) == 1 and words[0].lower() in ORG_WORDS:
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
    head = any(w.lower() in ORG_WORDS for w in words)
    acronym = any(ACRONYM.fullmatch(w) for w in words)
    spelt = _SPELT_AFTER.match(text, end, stop)
    if spelt is not None and abbreviates(spelt.group(1), words):
        acronym = True  # "the Digital Policy Circle of Kenya, DPCK,": a body spelt out, then abbreviated
    if _MEMBERS_AFTER.match(text, end, stop):
        head = True  # "of the Alexandria Youth Net volunteers": a body, named by its people
    if place_cue and not head and not acronym:
        capitalised = [w for w in words if w[:1].isupper()]
        if len(capitalised) < 2 or any(fold(w) in gazetteer.places | gazetteer.people for w in capitalised):
            return None  # "from Accra", "from Lagos State": where they are, not whom for
        if is_landform(words):
            return None  # "in the Cook Islands", "from the Rift Valley": a place the gazetteer lacks
    if len(words) >= 3 and abbreviates(words[-1], words[:-1]):
        end = start + len(text[start:end].rsplit(maxsplit=1)[0])  # "Kenya ICT Action Network KICTANet"
        words = words[:-1]
    inner = _INNER_LINK.match(text, end, stop)
    if inner and not head and inner.group("head").lower() in ORG_WORDS:
        end = inner.end()  # "Kano Women in Tech Initiative": "in" inside a name that ends in its body word
        words = [*words, *text[inner.start("rest") : end].split()]
        head = True
    tail = re.match(r"[ \u00a0]+([a-z]+)\b", text[end:stop])
    if tail and tail.group(1) in ORG_WORDS and not head:
        end += tail.end()  # "the Smart Nation office"; but "the … Forum secretariat" is the Forum's
    elif head and _generic(words, gazetteer):
        place = _IN_PLACE.match(text, end, stop)
        if place and fold(place.group(1)) in gazetteer.places:
            end = place.end()  # "the American University in Cairo": the place is part of the name
    said = list(re.finditer(r"\S+", text[start:end]))
    k = place_qualifier([m.group() for m in said])
    if k is not None:  # "the Ministry of Posts and New Technologies of Mali": the ministry, in Mali
        end = start + said[k - 1].end()
    return Org(start, end, text[start:end])


_THE_BEFORE = re.compile(r"\b(?:the|The)[ \u00a0]+$")


# The people of a body right after its name, in lower case: "the Alexandria Youth Net volunteers".
_MEMBERS_AFTER = re.compile(
    r"[ \u00a0]+(?:volunteers|members|staff|fellows|activists|trainers|organi[sz]ers)\b(?![ \u00a0]+of\b)"
)


# An acronym said right after a name, between commas or in brackets: ", DPCK," or " (DPCK)".
_SPELT_AFTER = re.compile(r"[ \u00a0]*[,(][ \u00a0]*((?-i:[A-Z][A-Za-z]{1,9}))[ \u00a0]*[,.;)]")


_BACK_WINDOW = 4000  # characters before a bare "the Institute" searched for the name it stands for


# A run of capitalised words, joined by connectors ("Caspian Institute of Information Technologies").
_NAME_RUN = re.compile(
    rf"(?-i:[A-Z][\w'’\u2011-]*)(?:[ \u00a0]+(?:(?:{'|'.join(sorted(CONNECTORS - {'&'}))})[ \u00a0]+)?"
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
            said.add(fold(m.group()))
    if best is None or len(said) > 1:
        return None  # none, or two institutes said: which one is not clear
    run = proper_run(text, best[0], best[1])
    name = text[best[0] : run[0]] if run else text[best[0] : best[1]]
    return Org(start, end, name)


# "in"/"on" inside a name: capitalised words after it, the last an organisation word.
_INNER_LINK = re.compile(
    r"[ \u00a0]+(?:in|on)[ \u00a0]+(?P<rest>(?:(?-i:[A-Z][\w'’\u2011-]*)[ \u00a0]+){0,3}(?P<head>(?-i:[A-Z][a-z]+)))\b"
)


_IN_PLACE = re.compile(r"[ \u00a0]+in[ \u00a0]+((?-i:[A-Z][\w'’\u2011-]+)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+))?)")


def _generic(words: Sequence[str], gazetteer: Gazetteer) -> bool:
    """Only organisation words, connectors, generic adjectives and country names (`generic_name`)."""
    return generic_name(words, gazetteer.places)


def abbreviates(token: str, words: Sequence[str]) -> bool:
    """Whether `token` is an acronym of `words` ("APNIC" of "Asia Pacific Network Information Centre",
    "KICTANet" of "Kenya ICT Action Network"): it starts with the first word's first letter and
    is the concatenation of leading parts of the following words, in order (words may be skipped)."""
    letters = "".join(ch for ch in token if ch.isalnum()).lower()
    caps = sum(ch.isupper() for ch in token)
    names = [w.lower() for w in words if w.lower() not in CONNECTORS]
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
        if word.group() in ORG_NOUNS:
            head, end = word.group(), word.end()
            more = re.match(r"[ \u00a0]+([a-z][\w\u2011-]*)", text[end:stop])
            while more and more.group(1) in ORG_NOUNS:  # "the national radio network"
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
            return Org(start, field.end(2), text[start : field.end(2)])
    of = re.match(r"[ \u00a0]+of[ \u00a0]+", text[end:stop])
    tail = proper_run(text, end + of.end(), stop) if of else None
    if tail is not None:
        end = tail[0]
    elif not modifiers:
        return None  # "the ministry", "the university": which one is not said
    if fold(text[start:end]) in gazetteer.places:
        return None
    return Org(start, end, text[start:end], proper=False)


# The field a lower-case "ministry" is named by, up to a stop: " of commerce,", " of trade and industry.",
# with the country it serves when said ("the ministry of digital affairs in Tunisia."): group 2 ends the name.
_LOWER_FIELD = re.compile(
    r"[ \u00a0]+(?:of|for)[ \u00a0]+((?:the[ \u00a0]+)?[a-z][\w\u2011-]*(?:[ \u00a0]+(?:and[ \u00a0]+)?[a-z][\w\u2011-]*){0,2})"
    r"((?:[ \u00a0]+(?:in|of)[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]*)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]*)){0,2})?)"
    r"(?=[ \u00a0]*(?:[,.;:?!)]|$))"
)


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


def ministry_of(text: str, pos: int, stop: int) -> Org | None:
    """The ministry a "Minister of <fields>" heads, as "Ministry of <fields>" (a minister speaks
    for the ministry), with the fields' list read whole ("Communication, Telecommunications and
    the Digital Economy") and a trailing "of <Country>" kept."""
    listed = _FIELD_LIST.match(text, pos, stop)
    run = proper_run(text, pos, stop)
    end = max(listed.end() if listed else 0, run[0] if run else 0)
    if end <= pos:
        return None
    tail = re.match(r"\s+of\s+((?-i:[A-Z][\w'’\u2011-]*)(?:\s+(?-i:[A-Z][\w'’\u2011-]*)){0,2})", text[end:stop])
    if listed and end == listed.end() and tail:
        end += tail.end()
    return Org(pos, end, "Ministry of " + text[pos:end])
