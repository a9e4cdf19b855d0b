"""Which label shapes the captioner of one transcript used, read from the transcript itself.

Captioners mark a new voice with a short name-like span at the start of a line, followed by
a separator: a colon (`Jo Li:`), a dash between spaces (`JO LI -- `, `Jo Li — `), the name
in square brackets (`[Jo Li] `), or nothing but capitals (`JO LI Thank you`), with or without a
`>>` marker or a time stamp before it. A list of label
forms fitted to the sessions seen so far misses the next captioner's habit; the shape of the
file does not: a label is a span that *recurs* at line starts across the file with the same
separator. One line that happens to read "Brazil - we think …" is weak evidence; the same
name opening three lines with a dash is strong.

`label_shapes` reads every line start once (linear in the text) and returns the separators in
use in this file and the candidates found, so the parser can split by the shapes the captioner
actually used (`parse.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .clock import CLOCK
from .shortnames import expand_short_names
from .speakers import (
    device_label,
    display_name,
    generic_label,
    looks_like_label,
    name_key,
    parse_name_card,
    sentence_word,
)

__all__ = ["LineLabel", "Shapes", "label_shapes", "name_shaped", "person_key"]

Separator = str  # "colon", "dash", "bracket" or "caps" (a label in capitals with no separator)

# A line start: indentation, an optional time stamp ("[00:12:01]", "00:12"), an optional `>>`
# marker, then the candidate.
_LINE = re.compile(
    rf"^(?P<indent>[ \t]*)(?:\[?{CLOCK}\]?[ \t]+)?(?P<marker>>>+)?[ \t]*(?P<rest>[^\n]*)",
    re.MULTILINE,
)
# A bracketed time stamp between the label and its colon is no part of the label (a parliament's
# minutes: `Jo Li (V) [11:03:05]: President!`; `stamp_free` reads the same stamp in a head).
_COLON = re.compile(rf"(?P<label>[^\s:>\[(][^:\n]{{0,80}}?)(?:[ \t]*\[{CLOCK}\])?[ \t]*:(?=[ \t\r]|$)")
_DASH = re.compile(r"(?P<label>[^\s:>\[(][^:\n]{0,60}?)[ \t]+(?:--?|\u2013|\u2014)[ \t]+(?=\S)")
_BRACKET = re.compile(r"\[[ \t]*(?P<label>[^\]\[\n]{1,60}?)[ \t]*\][ \t]*:?[ \t]*(?=\S)")
# One to four words in capitals, then speech that starts with a capitalised word in lower case.
# One word is a label only as a role (`MODERATOR Welcome`) or as the short form of a name the
# file wrote in full before (`OKAFOR Thank you` after `MARIA OKAFOR …`): see `Shapes.accepted`.
_CAPS = re.compile(r"(?P<label>(?:[A-Z][A-Z.'\u00C0-\u00DE\u2011-]+[ \t]+){1,4})(?=[A-Z][a-z'’])")
# Words that name a body, not a person: a capitals run holding one ("UN DESA Reports …") is a
# sentence or a heading unless it opens several lines of the file (a hub: "KENYA IGF Hello").
_BODY_ACRONYMS = frozenset(["un", "igf", "ict", "mag", "wsis", "itu", "icann", "unesco", "oecd", "eu", "au"])
# How many line starts must open with a label that recurs before a separator counts as used.
_MIN_RECURRING_LINES = 3


@dataclass(frozen=True)
class LineLabel:
    """A label candidate at a line start: `label` as written (brackets dropped), `at` the offset of
    the label or its opening bracket,
    `body` where the speech after the separator starts, `marked` when a `>>` came before it."""

    at: int
    label: str
    body: int
    sep: Separator
    marked: bool
    line_at: int = -1  # where the line's text starts (a time stamp or `>>` before the label included)
    lower: bool = False  # written all in lower case ("wayan sudarsana:"): a label only where that is the file's habit


@dataclass(frozen=True)
class Shapes:
    """The separators this captioner used (`in_use`: with names that recur on three or more line
    starts; `seen_with_recurring`: with one recurring name, enough after `>>` or for a whole name)
    and every name-shaped candidate found."""

    in_use: frozenset[Separator]
    candidates: tuple[LineLabel, ...]
    recurring: frozenset[str]  # name keys seen at two or more line starts, any separator
    seen_with_recurring: frozenset[Separator] = frozenset()  # separators used with a recurring name at least once
    # a short form's offset (`LineLabel.at`) -> the key of the whole name written before it
    short_forms: Mapping[int, str] = field(default_factory=dict, compare=False)
    # lower-case labels are this file's habit: three or more line starts open with a lower-case
    # name-shaped label that recurs, two voices at least (volunteers' live notes typed all in
    # lower case; one phrase recurring, "action item:", is a list, not a conversation)
    lower_in_use: bool = False

    def key(self, candidate: LineLabel) -> str:
        """The person key of a candidate; a short form (`GONZALEZ` after `MARIA GONZALEZ`) counts
        as the whole name it stands for."""
        return self.short_forms.get(candidate.at) or person_key(candidate.label)

    def accepted(self, candidate: LineLabel) -> bool:
        """A candidate is a label when its separator is in use in this file, or when its name
        opens several lines (a recurring name is strong evidence whatever the separator); a
        single word that is no role ("Note:", "Disallow:") needs both, and with no separator at
        all (`OKAFOR Thank you`) it must be a role or the short form of a name used before."""
        key = self.key(candidate)
        if candidate.lower and not (self.lower_in_use and (len(key.split()) >= 2 or generic_label(candidate.label))):
            return False  # "note: …", "so: …": lower case is a label only as the file's habit, and never one plain word
        if candidate.sep == "caps" and not self._caps_ok(candidate, key):
            return False
        # after a `>>` marker a turn starts anyway: one recurring name with this separator is enough
        in_use = candidate.sep in (self.seen_with_recurring if candidate.marked else self.in_use)
        if len(candidate.label.split()) < 2 and not generic_label(candidate.label):
            return in_use and key in self.recurring  # one word ("Note:", "Disallow:"): both signs
        # a whole name with a separator some recurring name also uses: "PAUL AMADI:" once beside "JANE DOE:" twice
        return in_use or key in self.recurring or candidate.sep in self.seen_with_recurring

    def _caps_ok(self, candidate: LineLabel, key: str) -> bool:
        """A capitals run with no separator is a label only by the file's evidence: one word is a
        role or a short form; a run holding a body's acronym must recur."""
        words = name_key(candidate.label).split()
        if len(words) == 1 and not generic_label(candidate.label):
            return candidate.at in self.short_forms
        return key in self.recurring or not any(w in _BODY_ACRONYMS for w in words)


def person_key(label: str) -> str:
    """The key of the person a label names, so "Chair — Jo Li" and "JO LI" count as one name."""
    return name_key(display_name(label) or label)


def name_shaped(label: str) -> bool:
    """Whether a span reads as a speaker label by its shape: a generic role ("Participant",
    "Speaker 2"), or one to five capitalised name words (titles and particles allowed),
    optionally with name-card pieces after it; no digits, no sentence words. A span all in
    lower case ("wayan sudarsana") is name-shaped too (`lower_shaped`); `Shapes.accepted` takes
    it only in a file whose labels are written that way."""
    text = label.strip()
    if lower_shaped(text):
        return True
    if not text or len(text) > 120:
        return False
    if generic_label(text) or device_label(text):  # "Galaxy A52": a phone shown for its owner
        return True
    if not looks_like_label(text):
        return False
    name = parse_name_card(text).name.strip()
    words = name.split()
    if not 1 <= len(words) <= 5 or re.search(r"\d", name):
        return False
    return all(w[:1].isupper() or w.lower() in _LOWER_OK for w in words)


def lower_shaped(label: str) -> bool:
    """A label candidate written all in lower case: one to five words of letters (hyphens and
    apostrophes inside), none a sentence word ("so", "the", "thanks"), or a generic role."""
    text = label.strip()
    if not text or not text.islower() or len(text) > 60:
        return False
    if generic_label(text):
        return True
    words = text.split()
    return (
        1 <= len(words) <= 5
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and looks_like_label(text)
        and not any(sentence_word(w) for w in words)
    )


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\u2011-][^\W\d_]+)*")


_LOWER_OK = frozenset(["de", "la", "le", "du", "da", "das", "dos", "di", "del", "della", "der", "van", "von", "bin"])


def _candidate(rest: str, offset: int, marked: bool, line_at: int) -> LineLabel | None:
    """The label candidate at the start of one line's text `rest` (which starts at `offset`)."""
    match = _BRACKET.match(rest)
    if match:
        return LineLabel(offset, match.group("label"), offset + match.end(), "bracket", marked, line_at)
    match = _COLON.match(rest)
    if match and name_shaped(match.group("label")):
        label = match.group("label")
        return LineLabel(offset, label.strip(), offset + match.end(), "colon", marked, line_at)
    match = _DASH.match(rest)
    if match and name_shaped(match.group("label")):
        return LineLabel(offset, match.group("label").strip(), offset + match.end(), "dash", marked, line_at)
    match = None if marked else _CAPS.match(rest)  # after `>>` the parser reads capitals itself
    if match and caps_label(match.group("label"), rest[match.end() :]):
        return LineLabel(offset, match.group("label").strip(), offset + match.end(), "caps", marked, line_at)
    return None


def caps_label(label: str, rest: str) -> bool:
    """Whether a run of capitals with no separator can be a label: name-shaped, no word that opens
    or carries a sentence (`THANK YOU Everyone`, `WE AGREE With …`), and not the start of a title
    line (`DIGITAL RIGHTS Workshop Report`: the rest of the line is itself a title)."""
    return (
        name_shaped(label)
        and not any(sentence_word(w) for w in label.split())
        and not title_rest(rest.split("\n", 1)[0])
    )


_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "at", "by", "with", "from", "vs"]
)
_ASIDE = re.compile(r"[(\[][^()\[\]\n]{0,60}[)\]]")


def title_rest(line: str) -> bool:
    """Whether the text after a label-like span is a title, not speech: two or more words, every
    word but the small ones capitalised, no sentence punctuation at its end; asides in brackets
    are not words of it ("Dr. Jo Li; Ana Ruiz (online)" is an agenda line's list of names)."""
    rest = (_ASIDE.sub(" ", line) if "(" in line or "[" in line else line).strip()
    # an abbreviation with its raised letters written inline is one word (`Ex.mo Sr. Jo Li`)
    words = re.findall(r"[^\W\d_][\w'’\u2011-]*(?:\.[^\W\d_]+(?![\w'’\u2011-]))?", rest)
    if len(words) < 2 or rest[-1:] in ".?!,;:" or not rest[:1].isupper():
        return False
    if _CLOSED_INSIDE.search(rest):
        return False  # a sentence closed inside, then the next begun (`For the Minister. Does`): speech
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


# A full stop after a word of six letters or more, then another word: a sentence closed inside a
# line (`For the Minister. Does`); an abbreviation is shorter (`Prof. Jo Li`, `Assoc. Prof.`).
_CLOSED_INSIDE = re.compile(r"(?<![\w.])[^\W\d_]{6,}\.[ \t]+(?=[^\W\d_])")


def label_shapes(text: str) -> Shapes:
    """Read every line start once; a separator is in use when at least three line starts open
    with a name-shaped label that recurs with it (the same name twice or more)."""
    found: list[LineLabel] = []
    for line in _LINE.finditer(text):
        rest = line.group("rest")
        if not rest:
            continue
        candidate = _candidate(rest, line.start("rest"), line.group("marker") is not None, line.end("indent"))
        if candidate and name_shaped(candidate.label):
            found.append(replace(candidate, lower=True) if lower_shaped(candidate.label) else candidate)
    return label_shapes_of(found)


def label_shapes_of(found: list[LineLabel]) -> Shapes:
    """The `Shapes` of the line-start candidates `found` (see `label_shapes`); lower-case ones
    are kept only where they are the file's habit, else left to the other rules."""
    keys = [person_key(c.label) for c in found]
    # "GONZALEZ" after "MARIA GONZALEZ" counts as her name; a role ("MODERATOR") is nobody's short form
    whole = expand_short_names([k if display_name(c.label) else None for c, k in zip(found, keys, strict=True)])
    short_forms = {c.at: w for c, k, w in zip(found, keys, whole, strict=True) if w and w != k}
    keys = [w or k for k, w in zip(keys, whole, strict=True)]
    by_sep: dict[Separator, Counter[str]] = {}
    for c, key in zip(found, keys, strict=True):
        by_sep.setdefault(c.sep, Counter())[key] += 1
    in_use = frozenset(
        sep for sep, counts in by_sep.items() if sum(n for n in counts.values() if n >= 2) >= _MIN_RECURRING_LINES
    )
    everywhere = Counter(keys)
    recurring = frozenset(k for k, n in everywhere.items() if n >= 2)
    seen = frozenset(c.sep for c, key in zip(found, keys, strict=True) if key in recurring and not c.lower)
    # lower-case labels are a conversation's: three recurring line starts, two or more voices
    lower = [
        key
        for c, key in zip(found, keys, strict=True)
        if c.lower and key in recurring and (len(key.split()) >= 2 or generic_label(c.label))
    ]
    lower_in_use = len(lower) >= _MIN_RECURRING_LINES and len(set(lower)) >= 2
    if not lower_in_use and any(c.lower for c in found):  # not this file's habit: no candidates at all
        return label_shapes_of([c for c in found if not c.lower])
    return Shapes(in_use, tuple(found), recurring, seen, short_forms, lower_in_use)
