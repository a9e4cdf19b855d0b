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
from dataclasses import dataclass

from .speakers import display_name, generic_label, looks_like_label, name_key, parse_name_card

__all__ = ["LineLabel", "Shapes", "label_shapes", "name_shaped", "person_key"]

Separator = str  # "colon", "dash", "bracket" or "caps" (a label in capitals with no separator)

# A line start: indentation, an optional time stamp ("[00:12:01]", "00:12"), an optional `>>`
# marker, then the candidate.
_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]?[ \t]+)?(?P<marker>>>+)?[ \t]*(?P<rest>[^\n]*)",
    re.MULTILINE,
)
_COLON = re.compile(r"(?P<label>[^\s:>\[(][^:\n]{0,80}?)[ \t]*:(?=[ \t\r]|$)")
_DASH = re.compile(r"(?P<label>[^\s:>\[(][^:\n]{0,60}?)[ \t]+(?:--?|\u2013|\u2014)[ \t]+(?=\S)")
_BRACKET = re.compile(r"\[[ \t]*(?P<label>[^\]\[\n]{1,60}?)[ \t]*\][ \t]*:?[ \t]*(?=\S)")
# Two to four words in capitals, then speech that starts with a capitalised word in lower case.
_CAPS = re.compile(r"(?P<label>(?:[A-Z][A-Z.'\u00C0-\u00DE\u2011-]+[ \t]+){2,4})(?=[A-Z][a-z'’])")
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


@dataclass(frozen=True)
class Shapes:
    """The separators this captioner used (`in_use`: with names that recur on three or more line
    starts; `seen_with_recurring`: with one recurring name, enough after `>>` or for a whole name)
    and every name-shaped candidate found."""

    in_use: frozenset[Separator]
    candidates: tuple[LineLabel, ...]
    recurring: frozenset[str]  # name keys seen at two or more line starts, any separator
    seen_with_recurring: frozenset[Separator] = frozenset()  # separators used with a recurring name at least once

    def accepted(self, candidate: LineLabel) -> bool:
        """A candidate is a label when its separator is in use in this file, or when its name
        opens several lines (a recurring name is strong evidence whatever the separator); a
        single word that is no role ("Note:", "Disallow:") needs both."""
        key = person_key(candidate.label)
        # after a `>>` marker a turn starts anyway: one recurring name with this separator is enough
        in_use = candidate.sep in (self.seen_with_recurring if candidate.marked else self.in_use)
        if len(candidate.label.split()) < 2 and not generic_label(candidate.label):
            return in_use and key in self.recurring  # one word ("Note:", "Disallow:"): both signs
        # a whole name with a separator some recurring name also uses: "PAUL AMADI:" once beside "JANE DOE:" twice
        return in_use or key in self.recurring or candidate.sep in self.seen_with_recurring


def person_key(label: str) -> str:
    """The key of the person a label names, so "Chair — Jo Li" and "JO LI" count as one name."""
    return name_key(display_name(label) or label)


def name_shaped(label: str) -> bool:
    """Whether a span reads as a speaker label by its shape: a generic role ("Participant",
    "Speaker 2"), or one to five capitalised name words (titles and particles allowed),
    optionally with name-card pieces after it; no digits, no sentence words."""
    text = label.strip()
    if not text or len(text) > 120:
        return False
    if generic_label(text):
        return True
    if not looks_like_label(text):
        return False
    name = parse_name_card(text).name.strip()
    words = name.split()
    if not 1 <= len(words) <= 5 or re.search(r"\d", name):
        return False
    return all(w[:1].isupper() or w.lower() in _LOWER_OK for w in words)


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
    if match and name_shaped(match.group("label")):
        return LineLabel(offset, match.group("label").strip(), offset + match.end(), "caps", marked, line_at)
    return None


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
            found.append(candidate)
    by_sep: dict[Separator, Counter[str]] = {}
    for c in found:
        by_sep.setdefault(c.sep, Counter())[person_key(c.label)] += 1
    in_use = frozenset(
        sep for sep, counts in by_sep.items() if sum(n for n in counts.values() if n >= 2) >= _MIN_RECURRING_LINES
    )
    everywhere = Counter(person_key(c.label) for c in found)
    recurring = frozenset(k for k, n in everywhere.items() if n >= 2)
    seen = frozenset(c.sep for c in found if person_key(c.label) in recurring)
    return Shapes(in_use, tuple(found), recurring, seen)
