"""Enumerations: a speaker's numbered points, read as one takeaway (issue 23).

Speakers announce and number their points ("Three things.", "First, ... Second, ...
Finally, ...", "One, funding ... Two, ..."), and a rapporteur writes them up as one
takeaway. Sentence selection sees each numbered sentence alone, so a session's bullet
kept one item of three (often the last, which carries "finally" and the closing
weight) or the bare announcement. This module finds such lists inside one speaker's
turn — an optional announcement, then sentences that open with consecutive ordinals —
and renders a chosen item (or the announcement) as the list's items together, each
item cited by its own verbatim quote, within `ENUMERATION_WORDS`.

Only the sentences that open an item are merged: what a speaker says between two
items elaborates the first, and a rapporteur's takeaway names the items, not their
elaboration. Continuation sentences stay ordinary candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Citation
from ..text.numbers import NUMBER_WORDS
from .compress import compress
from .models import Bullet
from .rank import Scored
from .rewrite import attribution_prefix, first_person, problem
from .units import Unit
from .wording import Wording, distinct

__all__ = ["ENUMERATION_WORDS", "Enumeration", "Enumerations", "ordinal"]

# A merged takeaway says at most this many words (rendered): rapporteurs' takeaways run
# 25–48 words (rank.FULL_WEIGHT_WORDS), and a list of three short items fits in 60.
ENUMERATION_WORDS = 60
# A list item shown after the announcement's colon is a short phrase, not a sentence.
LIST_ITEM_WORDS = 12
# Sentences of elaboration allowed between two items before the list is taken as over.
MAX_GAP = 4

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
LAST = 99  # "finally", "lastly", "the last point": closes a list of any length

_LEAD = r"^\W*(?:(?:and|so|now|then|okay|ok|well)\W+)?"
_ORD_WORD = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_NUM_WORD = r"(one|two|three|four|five|six|seven|eight|nine|ten)"
_NOUN = (
    r"(?:point|message|thing|issue|one|finding|recommendation|lesson|observation|remark|comment|concern|"
    r"challenge|ask|element|aspect|area|priority|reason|step|suggestion|proposal|pillar|principle|question|"
    r"takeaway|idea|way|component|dimension|level|goal|objective|request)s?"
)
# "First,", "Firstly", "First of all", "Second:" — the bare ordinal opening a sentence.
_BARE_ORDINAL = re.compile(_LEAD + _ORD_WORD + r"(?:ly)?(?: of all)?\b(?!\s+(?:time|place|step towards)\b)", re.I)
# "The first is", "My second point,", "The third one is": an ordinal with a noun.
_NOUN_ORDINAL = re.compile(
    _LEAD + r"(?:the|my|our|a) " + _ORD_WORD + r"(?: " + _NOUN + r")?\b(?= is\b|,|:| that\b)", re.I
)
# "One, funding", "Two: languages", "Number three, ..."; "1." / "2)" numbering.
_NUMBER = re.compile(_LEAD + r"(?:number )?" + _NUM_WORD + r"\s*[,:;.)]\s", re.I)
_DIGIT = re.compile(_LEAD + r"(\d)[.)]\s", re.I)
_FINAL = re.compile(
    _LEAD
    + r"(?:finally|lastly|last but not least|and last|(?:the|my|our) (?:last|final)(?: "
    + _NOUN
    + r")?(?= is\b|,|:))",
    re.I,
)
# An announcement that counts what follows: "Three things.", "I have two points to make.",
# "There are a few lessons we learned:".
_COUNT = re.compile(
    r"\b(?:two|three|four|five|six|seven|a few|several|a couple of|couple of)\s+(?:\w+\s+)?" + _NOUN + r"\b",
    re.I,
)
ANNOUNCEMENT_WORDS = 20  # an announcement is short; a long sentence counting things says more


def ordinal(text: str) -> int | None:
    """The number of the point a sentence opens (`LAST` for "finally"), or None.

    >>> ordinal("Second, the funding must reach local groups.")
    2
    >>> ordinal("The third one is that nobody trains the trainers.")
    3
    >>> ordinal("Two, languages: captions exist only in English.")
    2
    >>> ordinal("Finally, we will publish the map.")
    99
    >>> ordinal("The last one is money.")
    99
    >>> ordinal("One of the problems is funding.") is None
    True
    """
    if _FINAL.match(text):
        return LAST
    for pattern in (_BARE_ORDINAL, _NOUN_ORDINAL):
        m = pattern.match(text)
        if m:
            return _ORDINALS[m.group(1).lower()]
    m = _NUMBER.match(text)
    if m:
        return NUMBER_WORDS[m.group(1).lower()]
    m = _DIGIT.match(text)
    if m:
        return int(m.group(1)) or None
    return None


def counts_points(text: str) -> bool:
    """Whether a sentence announces a number of points ("Three things.", "I have two points.").

    >>> counts_points("I want to make three points.")
    True
    >>> counts_points("Three things.")
    True
    >>> counts_points("We trained three hundred teachers in two years across the region.")
    False
    """
    return len(text.split()) <= ANNOUNCEMENT_WORDS and bool(_COUNT.search(text))


@dataclass(frozen=True)
class Enumeration:
    """One speaker's numbered points in one turn: the announcement (if any) and the item sentences."""

    announcement: Unit | None
    items: tuple[Unit, ...]


def _find(turn_units: Sequence[Unit]) -> list[Enumeration]:
    """The enumerations of one turn's sentences (in order)."""
    found: list[Enumeration] = []
    items: list[Unit] = []
    announce: Unit | None = None
    last_at, expected = -1, 0

    def close() -> None:
        nonlocal items, announce
        if len(items) >= 2:
            found.append(Enumeration(announce, tuple(items)))
        items, announce = [], None

    for i, u in enumerate(turn_units):
        k = ordinal(u.text)
        if items and i - last_at > MAX_GAP + 1:
            close()
        if k is None:
            continue
        if k == 1:
            close()
            before = turn_units[i - 1] if i > 0 else None
            if before is not None and (counts_points(before.text) or before.text.rstrip().endswith(":")):
                announce = before
            items, last_at, expected = [u], i, 2
        elif items and k in (expected, LAST):
            items.append(u)
            last_at, expected = i, k + 1
            if k == LAST:
                close()
        elif not items and k == 2 and i >= 2 and counts_points(turn_units[i - 2].text):
            # "Three things. Funding is scarce. Second, ...": the first item went unnumbered
            announce = turn_units[i - 2]
            items, last_at, expected = [turn_units[i - 1], u], i, 3
        else:
            close()
    close()
    return found


class Enumerations:
    """The enumerations of a session's units, looked up by any unit inside an item or announcement."""

    def __init__(self, units: Iterable[Unit]) -> None:
        turns: dict[tuple[str, int], list[Unit]] = {}
        for u in units:
            turns.setdefault((u.session, u.turn), []).append(u)
        self._at: dict[tuple[str, int], list[tuple[int, int, Enumeration]]] = {}
        for key, us in turns.items():
            sentences = sorted({u.sent_index: u for u in us}.values(), key=lambda u: u.start)
            for e in _find(sentences):
                for member in (*e.items, *((e.announcement,) if e.announcement else ())):
                    self._at.setdefault(key, []).append((member.start, member.end, e))

    def points(self) -> frozenset[tuple[int, int]]:
        """(turn, sentence index) of every item sentence of every enumeration."""
        return frozenset((u.turn, u.sent_index) for at in self._at.values() for _a, _b, e in at for u in e.items)

    def of(self, unit: Unit) -> Enumeration | None:
        """The enumeration whose item (or announcement) sentence holds `unit` (a sentence or clause window)."""
        for a, b, e in self._at.get((unit.session, unit.turn), ()):
            if a <= unit.start < b:
                return e
        return None

    def merged(
        self, wording: Wording, item: Scored, *, also: Sequence[Unit] = (), attributed: bool = False
    ) -> Bullet | None:
        """The chosen unit's list as one bullet: its items' renderings in order, each cited, or
        None when the unit is in no list or fewer than two items render.

        The chosen items (`item` and the other picks `also` from the same list) always stay,
        as chosen (a clause window keeps its window): they would be shown anyway. The other
        items join in list order while the bullet stays within `ENUMERATION_WORDS`. An item
        whose rendering needs its previous sentence put first (a context merge) is left out:
        that sentence is an elaboration or another item, and the bullet would say it twice.
        After the first item the speaker's numbering ("Second, ...") is dropped (`unnumbered`).
        """
        e = self.of(item.unit)
        if e is None:
            return None
        picked = {i: u for u in (item.unit, *also) for i, it in enumerate(e.items) if _same_item(u, it)}
        if not picked:  # the announcement was chosen: the list says what it announces
            listed = self._listed(wording, e, attributed)
            if listed is not None:
                return Bullet(listed[0], listed[1], "", round(item.score, 4))
        parts: dict[int, tuple[Unit, str]] = {}
        for i, u in enumerate(e.items):
            unit = picked.get(i, u)
            r = wording.render(unit, attributed=True)
            if r is None or r.context:
                if i in picked:
                    return None
                continue
            parts[i] = (unit, r.text)
        kept = sorted(picked)
        words = sum(len(parts[i][1].split()) for i in kept)
        for i in parts:
            n = len(parts[i][1].split())
            if i not in picked and words + n <= ENUMERATION_WORDS:
                kept.append(i)
                words += n
        if len(kept) < 2:
            return None
        kept.sort()
        if any(ordinal(unnumbered(parts[i][1])) is not None for i in kept[1:]):
            # "The first is ... The third is ...": the numbers stay, so none may be missing
            kept = list(range(kept[0], kept[-1] + 1))
            if any(i not in parts for i in kept):
                return None
        rest = [unnumbered(parts[i][1]) for i in kept[1:]]
        text = " ".join([parts[kept[0]][1], *rest])
        if problem(text) is not None:
            return None
        if not attributed:
            voiced = self._voiced(wording, [parts[i] for i in kept])
            if voiced is None:
                return None
            text = voiced
        cites = tuple(parts[i][0].citation() for i in kept)
        return Bullet(text, cites, "", round(item.score, 4))

    @staticmethod
    def _listed(wording: Wording, e: Enumeration, attributed: bool) -> tuple[str, tuple[Citation, ...]] | None:
        """A list of short items (often verbless: "One, mobile money. Two, the language.") as the
        announcement's sentence with its items after a colon ("At our IGF we heard three things:
        mobile money; the SIM registration; the language."), or None when the announcement does
        not render as a sentence or an item is no short phrase (`LIST_ITEM_WORDS`)."""
        if e.announcement is None:
            return None
        head = wording.render(e.announcement, attributed=attributed)
        if head is None or head.context or not head.text.endswith("."):
            return None
        phrases = []
        for u in e.items:
            phrase = unnumbered(compress(u.text)).rstrip(" .;,")
            if not phrase or len(phrase.split()) > LIST_ITEM_WORDS or "?" in phrase or ":" in phrase:
                return None
            phrases.append(_lower_first(phrase))
        text = head.text[:-1] + ": " + "; ".join(phrases) + "."
        if problem(text) is not None:
            return None
        return text, tuple(u.citation() for u in (e.announcement, *e.items))

    @staticmethod
    def _voiced(wording: Wording, parts: Sequence[tuple[Unit, str]]) -> str | None:
        """The items as a section shows them outside their speaker's heading: each rendered for
        its body's voice ("we" -> the coalition) and the attribution ("Name (Org): ") said once,
        in front, when any item speaks in the first person or was rendered with it."""
        prefix = attribution_prefix(wording.voice(parts[0][0]))
        texts, named = [], False
        for n, (unit, fallback) in enumerate(parts):
            r = wording.render(unit, attributed=False)
            said = r.text if r is not None and not r.context else fallback
            if said.startswith(prefix):
                said, named = said[len(prefix) :], True
            texts.append(said if n == 0 else unnumbered(said))
        body = " ".join(texts)
        if problem(body) is not None:
            return None
        return prefix + body if named or first_person(body) else body

    def covers(self, bullet: Bullet, unit: Unit) -> bool:
        """Whether a merged bullet already cites the sentence holding `unit`."""
        return any(c.line == unit.line and (c.quote in unit.text or unit.text in c.quote) for c in bullet.citations)

    def bullets(self, wording: Wording, items: Sequence[Scored]) -> list[Bullet]:
        """`Wording.bullets` of a section, with each list said once as one merged bullet that
        holds every pick from it (a later pick from a list already merged is not repeated)."""
        by_list: dict[int, list[Unit]] = {}
        for s in items:
            e = self.of(s.unit)
            if e is not None:
                by_list.setdefault(id(e), []).append(s.unit)
        done: dict[int, Bullet] = {}
        made: list[tuple[Unit, Bullet]] = []
        for s in items:
            e = self.of(s.unit)
            if e is not None and id(e) in done:
                if self.covers(done[id(e)], s.unit):
                    continue
            elif e is not None:
                others = [u for u in by_list[id(e)] if u is not s.unit]
                b = self.merged(wording, s, also=others)
                if b is not None:
                    done[id(e)] = b
                    made.append((s.unit, b))
                    continue
            single = wording.bullet(s)
            if single is not None:
                made.append((s.unit, single))
        return _named(wording, made)


def unnumbered(text: str) -> str:
    """An item's rendering without the speaker's number, once the list has begun: in one
    bullet "Second, ..." points at a first the reader sees just before it.

    >>> unnumbered("Third, the programme is too crowded.")
    'The programme is too crowded.'
    >>> unnumbered("Second is cheaper.")
    'Second is cheaper.'
    """
    m = _STRIP.match(text)
    if m is None or not text[m.end() :].strip():
        return text
    rest = text[m.end() :]
    return rest[0].upper() + rest[1:]


_STRIP = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?"
    r"|finally|lastly|last but not least|(?:number )?(?:one|two|three|four|five|six|seven|eight|nine|ten))\s*[,:]\s+",
    re.I,
)


_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "more", "less", "no", "better", "local"})


def _lower_first(phrase: str) -> str:
    """A list item inside a sentence starts in lower case, unless it starts with a name or an
    acronym ("SIM registration", "Kenya's law"): a capital inside a word or a capitalised next word
    (after a determiner, "the SIM registration", the capital is the next word's own)."""
    words = phrase.split()
    first = words[0]
    if first.lower() in _DETERMINERS:
        return phrase[0].lower() + phrase[1:]
    if len(first) > 1 and not first[1:].islower():
        return phrase
    if len(words) > 1 and words[1][:1].isupper():
        return phrase
    return phrase[0].lower() + phrase[1:]


def _same_item(unit: Unit, item: Unit) -> bool:
    return item.start <= unit.start < item.end


def _named(wording: Wording, made: list[tuple[Unit, Bullet]]) -> list[Bullet]:
    kept = {id(b) for b in distinct(b for _u, b in made)}
    return wording.named([(u, b) for u, b in made if id(b) in kept])
