"""Coalitions the registry does not know yet, found by the shape of their name. Pure.

New Dynamic Coalitions are formed every year, and a session of one must still list it
("Dynamic Coalition on Internet and Climate Change", formed after the registry was written).
A coalition's name has one shape: "Dynamic Coalition on / for / of" and a topic written as a
name, in capitalised words with lower-case connectors inside ("Digital Inclusion of Older
Persons", "Sustainable Devices and Repair"). "DC on X" counts only in a session that says
"Dynamic Coalition" somewhere (elsewhere "DC" is as likely Washington).

The rules, each from the shape of the text, none from one session's words:

- the topic ends at the first word that is neither capitalised nor a connector, at any
  punctuation, at a digit and at a blank line, and before a person's title that opens the next
  name ("… Connectivity and Dr. Ravi Menon": `titles.opens_name`); trailing connectors are
  dropped ("…Change and");
- a name is not read where the case tells nothing: in a stretch of text in capitals or in
  lower case ("DYNAMIC COALITION ON X WAS FORMED" has no end), nor with a sentence word
  ("I", "We") or a date ("on Monday", "for March") as its topic;
- a name the registry holds is not new: a registry name or acronym written inside it, or a
  topic of two or more words all among one registered coalition's (a shortened registered
  name: "Small Island States" of "Small Island Developing States in the Internet Economy"),
  a one-word topic the registry lists ("Gender"), or a near spelling of one (a caption typo);
  one word of a longer registered name ("Sustainability" of "… Sustainability of Journalism")
  is a coalition of its own;
- a topic that is only a place or a body the registry knows ("of Kenya", "of the IGF") is no
  coalition's topic;
- a registry mention guessed from a part of a name (`mentions`' fuzzy layers: "Dynamic
  Coalition on Digital Inclusion" of "… Digital Inclusion of Older Persons" taken for "Digital
  Financial Inclusion", "… on Open Transit" of "Open Transit Data" for "Open Standards") gives
  way to the whole name when the name goes on past the guess with words the guessed
  coalition's names never have, at least half of the name's words are such, and the registry
  knows no coalition by the whole name (`superseded`); a guess that spans the whole name, or
  holds most of its words, stands (a misheard registered name);
- in the header a name ends with its line (a header's lines are separate fields); in speech
  it may go on over one line break (a wrapped caption line);
- two names whose topic words are one a prefix of the other are one coalition (a speaker cut
  off, a title that runs on): the form said most often names it, a form said in speech before
  one said only in the header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from forumlens.resolve.mentions import Mention
from forumlens.resolve.orgs import Org
from forumlens.resolve.registry import Registry
from forumlens.resolve.text import LineIndex, line_index, norm_word
from forumlens.resolve.titles import opens_name

__all__ = [
    "NewCoalition",
    "coalition_mentions",
    "coalition_name",
    "find_new_coalitions",
    "named_topics",
    "org_key",
    "same_coalition",
    "superseded",
    "topic_key",
]

# "Dynamic Coalition" in any case; "DC" only in capitals (a word "dc" is no cue).
_CUE = re.compile(r"\b(?:(?i:dynamic\s+coalition)|DC)[ \t]+(?i:on|for|of)[ \t]+")
_SAYS_DYNAMIC = re.compile(r"\bdynamic\s+coalition\b", re.IGNORECASE)
# one word of a name: letters with inner hyphens and apostrophes, perhaps an acronym ("ICT", "IoT"), or a plural
# possessive whose apostrophe ends it ("First Peoples' Languages": cut at the apostrophe, two coalitions named
# "… First Peoples' X" and "… First Peoples' Y" would be one)
_WORD = re.compile(r"[^\W\d_]+(?:['’\u2011-][^\W\d_]+)*(?:(?<=s)['’](?![^\W\d_]))?|&")
# a gap between two words of a name: spaces, or one line break of a wrapped caption line
_GAP = re.compile(r"[ \t]+|[ \t]*\n[ \t]*(?!\n)")
_SPACES = re.compile(r"[ \t]+")  # in a header every line is its own: no name runs on to the next
_CONNECTORS = frozenset(["and", "of", "in", "for", "on", "the", "&", "to", "with", "de", "la", "des", "du"])
_SENTENCE = frozenset(["i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "our", "my"])
_DATES = frozenset(
    [
        *["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow"],
        *["january", "february", "march", "april", "may", "june", "july", "august", "september"],
        *["october", "november", "december"],
    ]
)
# Registry mentions found by these layers are the name as written, never a guess.
_SURE = frozenset(["exact", "acronym"])
_MAX_WORDS = 12  # a topic longer than this is a sentence in title case, not a name
_TYPO = 90  # fuzz.ratio at which a topic is a registered one misspelt


@dataclass(frozen=True)
class NewCoalition:
    """One unregistered coalition of a session: its name as said, its topic key, and where it
    was named (`spans`: (start, end) offsets into the session text, `lines`: 1-based)."""

    key: str
    name: str
    spans: tuple[tuple[int, int], ...]
    lines: tuple[int, ...]


def topic_key(name: str) -> str:
    """Comparable form of a coalition name's topic: case-, accent- and "&"-insensitive, without
    the cue ("Dynamic Coalition on", "DC for") and a leading "the"."""
    cue = _CUE.match(name)
    topic = name[cue.end() :] if cue else name
    words = [norm_word(w) for w in re.findall(r"[^\W_]+|&", topic)]
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _topic_end(text: str, pos: int, stop: int, wrapped: bool = True) -> tuple[int, int, list[str]]:
    """(start, end) offsets and words of the name's topic after the cue, which ends at `pos`
    (see the module doc); no words when no name follows."""
    words: list[str] = []
    first = end = pos
    at = pos
    while at < stop and len(words) <= _MAX_WORDS:
        m = _WORD.match(text, at, stop)
        if m is None:
            break
        word = m.group()
        low = word.lower()
        if low in _SENTENCE or not (_capitalised(word) or low in _CONNECTORS):
            break  # "… on Gender I think", "… on Climate was formed"
        if words and opens_name(text, m.start(), m.end()):
            break  # "… Connectivity and Dr. Ravi Menon": the title opens the next person's name
        if not any(_capitalised(w) for w in words):
            if not _capitalised(word) and low != "the":
                break  # "Dynamic Coalition on this topic": no name
            first = m.start()
        words.append(word)
        if _capitalised(word):
            end = m.end()
        gap = (_GAP if wrapped else _SPACES).match(text, m.end(), stop)
        if gap is None:
            break  # punctuation ends the name
        at = gap.end()
    if len(words) > _MAX_WORDS:
        return first, end, []
    while words and not _capitalised(words[-1]):
        words.pop()  # trailing connectors ("… Change and")
    return first, end, words


def _case_tells(text: str) -> bool:
    """Whether the text around a name is in mixed case, so capitals mark names."""
    # per character through C (`filter`/`map` over str methods): a session asks this of
    # a few long windows, ~8k characters each, and the generators were its whole cost
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 20:
        return any(map(str.islower, letters)) and any(map(str.isupper, letters))
    upper = sum(map(str.isupper, letters)) / len(letters)
    return 0.03 < upper < 0.6


@lru_cache(maxsize=4)
def _registered(registry: Registry) -> tuple[tuple[frozenset[str], str], ...]:
    """(content words, key) of every form a registered coalition is known by."""
    forms = []
    for entity in registry.of_kind("dc"):
        for form in (entity.name, *entity.phrases, *entity.topics):
            key = topic_key(form)
            if key:
                forms.append((frozenset(key.split()) - _CONNECTORS, key))
    return tuple(forms)


@lru_cache(maxsize=4)
def _places(registry: Registry) -> frozenset[str]:
    return frozenset(" ".join(norm_word(w) for w in n.split()) for c in registry.countries for n in c.names)


def _known(key: str, registry: Registry) -> bool:
    """A registered coalition's name, shortened or misspelt, or a topic that names only a
    place or a body the registry knows. A shortening keeps two or more of the name's words
    ("Small Island States"); one word is a registered name only when the registry lists that
    word as one (`topics`: "Gender", "Journalism"): one word of a longer name ("Sustainability"
    of "Sustainability of Journalism") is as likely another coalition's whole topic, and a name
    read as registered that no registry mention covers is listed nowhere."""
    words = frozenset(key.split()) - _CONNECTORS
    if not words:
        return True
    for form_words, form_key in _registered(registry):
        shortened = words <= form_words and (len(words) > 1 or words == form_words)
        if shortened or fuzz.ratio(key, form_key) >= _TYPO:
            return True
    return key in _places(registry)


def _runs_on(text: str, mention: Mention, first: int, end: int, registry: Registry) -> bool:
    """A fuzzy layer's guess inside a name that goes on past it with words the guessed
    coalition's names never have, and at least half of the name's words are such words ("… on
    Open Transit" + "Data" is not "Open Standards"). A registry name or acronym as written never
    gives way, nor a guess that spans the whole name, nor one that holds most of its words (a
    misheard "Children's Rights in the Digital Investment" is still "… Digital Environment")."""
    if mention.via in _SURE:
        return False
    known = _words_of(mention.entity_id, registry)
    rest = _content(text, mention.end, end) - known
    words = _content(text, first, end)
    return bool(rest) and 2 * len(words - known) >= len(words)


def _content(text: str, start: int, end: int) -> set[str]:
    """The words of a stretch of a name that carry its topic (no connectors, no "s" of "'s")."""
    return {w for w in topic_key(text[start:end]).split() if len(w) > 1} - _CONNECTORS


@lru_cache(maxsize=256)
def _words_of(entity_id: str, registry: Registry) -> frozenset[str]:
    """Every word of every name a registered coalition is known by."""
    entity = registry.get(entity_id)
    return frozenset(w for form in (entity.name, *entity.phrases, *entity.topics) for w in topic_key(form).split())


def _other_body(start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """The topic is one registry body of another kind ("Dynamic Coalition of the IGF")."""
    return any(m.kind != "dc" and m.start <= start and end <= m.end for m in mentions)


@dataclass(frozen=True)
class _Said:
    key: str
    name: str
    start: int
    end: int
    in_speech: bool


def _said(
    text: str, spans: Sequence[tuple[int, int, bool]], mentions: Sequence[Mention], registry: Registry
) -> list[_Said]:
    dc_mentions = [m for m in mentions if m.kind == "dc"]
    short_ok = _SAYS_DYNAMIC.search(text) is not None
    found: list[_Said] = []
    for lo, hi, speech in spans:
        for cue in _CUE.finditer(text, lo, hi):
            if cue.group().startswith("DC") and not short_ok:
                continue
            first, end, words = _topic_end(text, cue.end(), hi, wrapped=speech)
            content = [w for w in words if w.lower() not in _CONNECTORS]
            if not content or content[0].lower() in _DATES:
                continue
            start = cue.start()
            if not _case_tells(text[max(lo, start - 200) : min(hi, end + 200)]):
                continue
            overlap = [m for m in dc_mentions if m.start < end and start < m.end]
            if any(not _runs_on(text, m, first, end, registry) for m in overlap) or _other_body(first, end, mentions):
                continue  # the registry's name as written, or a guess the whole name does not outrun
            key = topic_key(text[start:end])
            if key and not _known(key, registry):
                found.append(_Said(key, text[start:end], start, end, speech))
    return found


def _same(a: str, b: str) -> bool:
    """One topic's words are the first words of the other's."""
    x, y = a.split(), b.split()
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return long[: len(short)] == short


def find_new_coalitions(
    text: str,
    spans: Sequence[tuple[int, int, bool]],
    mentions: Sequence[Mention],
    registry: Registry,
    lines: LineIndex | None = None,
) -> list[NewCoalition]:
    """Unregistered coalitions named in `text` within `spans` ((start, end, is_speech): the
    speech turns and the header), in order of first naming; `mentions` are the registry
    mentions of the same text (a name they cover is registered)."""
    said = _said(text, spans, mentions, registry)
    groups: list[list[_Said]] = []
    for item in said:
        group = next((g for g in groups if any(_same(item.key, other.key) for other in g)), None)
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    index = lines or line_index(text)
    out = []
    for group in groups:
        counts: dict[str, int] = {}
        for item in group:
            counts[item.name] = counts.get(item.name, 0) + 1
        # most said; then said in speech, spelled out ("Dynamic Coalition", not "DC"), first said
        best = min(
            group,
            key=lambda s: (-counts[s.name], not s.in_speech, s.name.startswith("DC"), s.start),
        )
        name = " ".join(best.name.split())
        out.append(
            NewCoalition(
                topic_key(name),
                name,
                tuple((s.start, s.end) for s in group),
                tuple(sorted({index.line(s.start) for s in group})),
            )
        )
    return out


def coalition_mentions(found: Sequence[NewCoalition], text: str, lines: LineIndex) -> list[Mention]:
    """Every naming of the coalitions in `found` as a coalition mention keyed as a free
    organisation ("org:" and the folded name, as `orgs` keys a body said in full), so that a
    speaker who speaks for one ("our coalition", "I coordinate the Dynamic Coalition on X", a
    hand-off) gets it as an affiliation the way a registered coalition's speaker does; the
    name is the one the session says most (`find_new_coalitions`)."""
    out = [
        Mention(org_key(c.name), "dc", c.name, a, b, lines.line(a), text[a:b], 1.0, "new-name")
        for c in found
        for a, b in c.spans
    ]
    return sorted(out, key=lambda m: m.start)


def org_key(name: str) -> str:
    """The affiliation key of an unregistered coalition: what `orgs.Org.key` gives its name."""
    return Org(0, len(name), name).key


def coalition_name(text: str, registry: Registry) -> str | None:
    """`text` itself when the whole of it reads as an unregistered coalition's name (an
    affiliation such as "Dynamic Coalition for Rural Data Centres", in any case: a name card
    may be in capitals), else None: a sentence fragment ("Dynamic Coalition on this issue")
    or a registered coalition's name is none."""
    name = " ".join(text.split())
    cue = _CUE.match(name)
    if cue is None:
        return None
    _first, end, words = _topic_end(name, cue.end(), len(name))
    content = [w for w in words if w.lower() not in _CONNECTORS]
    if end != len(name) or not content or content[0].lower() in _DATES:
        return None
    key = topic_key(name)
    return None if not key or _known(key, registry) else name


def same_coalition(a: str, b: str) -> bool:
    """Two topic keys name one coalition (one is the other cut short)."""
    return _same(a, b)


def named_topics(text: str) -> list[str]:
    """Topic keys of the coalition names `text` holds with their cue ("Dynamic Coalition on
    X", "DC for X"), registered or not: what a session title says the session is of."""
    keys = []
    for cue in _CUE.finditer(text):
        _first, end, words = _topic_end(text, cue.end(), len(text))
        if words:
            keys.append(topic_key(text[cue.start() : end]))
    return keys


def superseded(mentions: Sequence[Mention], found: Sequence[NewCoalition]) -> list[Mention]:
    """`mentions` without the coalition mentions a fuzzy layer guessed inside the name of a
    coalition the registry does not know (the whole name said is another coalition's)."""
    spans = [span for c in found for span in c.spans]
    return [
        m for m in mentions if m.kind != "dc" or m.via in _SURE or not any(m.start < b and a < m.end for a, b in spans)
    ]
