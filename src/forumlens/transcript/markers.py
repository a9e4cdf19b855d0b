"""Where the captioner marked turns: `>>` markers, labels at line starts, labels inside a line.

`find_markers` gives every marked turn start (`Marker`): `>>` (at a line start, after
whitespace, or glued to a sentence end), `NAME:` and the file's other label shapes at line
starts in a transcript with no `>>` (or a stray one or two), a label the file uses at line
starts written again after a sentence end where line breaks were lost, and a subtitle cue's
voice spans and dialogue dashes. Unmarked voices are `unmarked.py`'s; labels `heads.py`'s.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from .clock import label_colon
from .cues import cue_marks, is_cue_file
from .heads import LABEL_MAX
from .namecards import office_holder_label
from .shapes import LineLabel, Shapes, title_rest
from .speakers import (
    display_name,
    generic_label,
    looks_like_label,
    phone_label,
    sentence_word,
    title_word,
    without_symbols,
)

__all__ = ["Marker", "find_markers", "line_of", "line_starts", "shape_head"]

_MARKER = re.compile(r">>+")
# (up to 140 characters: an office with its holder in brackets is long, `office_holder_label`)
_BARE_LABEL = re.compile(r"^[ \t]*([^\s:>][^:\n]{0,140}?)[ \t]*:(?=[ \t\r]|$)", re.MULTILINE)


@dataclass(frozen=True)
class Marker:
    """A turn start: where the turn's line text begins (`at`) and where its label or speech
    begins (`body`); the rules of `heads.py` read a label between them unless one is given."""

    at: int  # offset of ">>" (or of the label for bare-label styles)
    body: int  # offset just after the marker
    implicit: bool = False  # a turn the captioner did not mark (see `implicit_markers`)
    label: str | None = None  # a label already read from the file's shape (`shapes.py`), body after it


def line_starts(text: str) -> list[int]:
    """Offset of the start of each line (line 1 at index 0)."""
    return [0, *accumulate(len(line) + 1 for line in text.split("\n"))][:-1]


def line_of(starts: list[int], offset: int) -> int:
    """1-based line number of a character offset."""
    return bisect_right(starts, offset)


def _bare_label_markers(text: str) -> list[Marker]:
    """`NAME:` at the start of a line, for transcripts that never use `>>`."""
    markers = []
    for match in _BARE_LABEL.finditer(text):
        label = match.group(1)
        words = label.split()
        if phone_label(label):  # a dial-in caller shown by the number: "+255 71 XXX XX41:"
            markers.append(Marker(match.start(1), match.start(1)))
            continue
        if office_holder_label(label):  # "The Minister for ICT (Mr. Jo Li):"
            markers.append(Marker(match.start(1), match.start(1)))
            continue
        if (
            len(label) > 61
            or not looks_like_label(label)
            or len(words) > 6
            or label[:1] in "([{"
            or re.search(r"\d", label)
        ):
            continue  # "[IGF 2019:" or "Session 2:" is a heading, not a speaker
        letters = [ch for ch in label if ch.isalpha()]
        all_caps = sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
        # a card's brackets and dashes are not words: "Chair — Jane Doe", "MODERATOR (Jane Doe)"
        # and a display name's emoji and pipe are not words either: "🌊 Host | Jo Li"
        named = [w.strip("()[]") for w in without_symbols(label).split() if w.strip("()[]\u2013\u2014-|")]
        title_case = len(named) >= 2 and all(w[:1].isupper() or w in {"de", "la", "van", "von", "da"} for w in named)
        # a generic voice in sentence case with an aside: "Audience member (Guadalajara)"
        generic = generic_label(_ASIDE.sub("", label).strip())
        if (all_caps or title_case or generic) and not _heading(label, text, match.end()):
            markers.append(Marker(match.start(1), match.start(1)))
    return markers


_ASIDE = re.compile(r"\s*\([^()\n]*\)")


# A session-type phrase before a heading's colon ("Open Forum: …", "Main Session: …"); never a
# word a captioner uses for a voice ("PANEL:", "ROOM:" are left to the rest-of-line rule).
_SESSION_KIND = re.compile(
    r"(?:(?:high[\s-]level|main|plenary|opening|closing|parallel|special|thematic|featured|networking|"
    r"pre-?event|day\s+\w+)\s+)*(?:open\s+forum|workshop|session|town\s+hall|lightning\s+talk|"
    r"launch|roundtable|round\s+table|dynamic\s+coalition|best\s+practice\s+forum|policy\s+network|"
    r"theme|topic|title|agenda|subject)s?",
    re.IGNORECASE,
)


def _heading(label: str, text: str, after: int) -> bool:
    """A title line with a colon, not a speaker: "Open Forum: Nordic Approaches to Broadband".

    By shape: the label is a session-type phrase, or the rest of the line is itself a title —
    two or more words, every word but the small ones capitalised, no sentence punctuation at
    its end — which speech after a speaker's label never is. An agenda line lists names the same
    way ("Speakers: Dr. Jo Li; Ana Ruiz (online)"): asides in brackets are not words of it. A
    person's label that opens other lines of the file too is no heading, whatever follows it
    (`Dr. Jo: Chairman Li, Ranking Member` opens a printed hearing's statement)."""
    if _SESSION_KIND.fullmatch(label.strip()):
        return True
    line_end = text.find("\n", after)
    rest = text[after : line_end if line_end != -1 else len(text)]
    return (title_rest(rest) and not _recurring_person(label, text)) or _header_field(label, rest, text, after)


_FIELD_REACH = 4000  # a report's header fields stand in its first lines
# What opens a line before its first colon (`_opens`, counted for every line at once): a label above
# holds no colon, so its count is the number of lines it opens.
_LINE_LABEL = re.compile(r"^[ \t]*([^:\n]*?)[ \t]*:", re.MULTILINE)


def _opens(label: str, text: str) -> int:
    """How many lines of `text` open with `label` and a colon."""
    return len(re.findall(rf"^[ \t]*{re.escape(label.strip())}[ \t]*:", text, re.MULTILINE))


def _header_field(label: str, rest: str, text: str, after: int) -> bool:
    """A report header's field, not a speaker (`Organiser: a consumer coalition from …`,
    `Participants: see the attendance sheet`): a label written with a capital whose value opens
    in lower case, as speech after a speaker's label does not, a label that does not come back,
    in the file's first lines and above every label that comes back (where the header ends)."""
    value = rest.lstrip(" \t")
    if after > _FIELD_REACH or not (value[:1].isalpha() and value[:1].islower() and label.strip()[:1].isupper()):
        return False
    if not text[text.rfind("\n", 0, after) + 1 : after].lstrip().startswith(label.strip()):
        return False  # a stamp or a marker before the label: a chat's or a caption's line, no header
    if _opens(label, text) >= 2:
        return False
    above = re.finditer(r"^[ \t]*([^\W\d_][^:\n]{0,60}?)[ \t]*:", text[: max(0, after - len(label) - 1)], re.MULTILINE)
    opening = Counter(m.group(1) for m in _LINE_LABEL.finditer(text))  # one pass, not one per label above
    return not any(opening[m.group(1)] >= 2 for m in above)


def _recurring_person(label: str, text: str) -> bool:
    """Whether `label` names a person and opens two or more lines of `text` before a colon."""
    written = label.strip()
    if not written or display_name(written) is None:
        return False
    opens = re.compile(rf"^[ \t]*{re.escape(written)}[ \t]*:", re.MULTILINE)
    return len(opens.findall(text)) >= 2


_GLUED_AFTER = frozenset('.?!)]"”’…')  # a ">>" right after these starts a turn


def find_markers(text: str, shapes: Shapes) -> list[Marker]:
    """Every turn start the captioner marked: `>>` markers, or line-start labels in a transcript
    with none; in a subtitle cue file, also the voice spans and dialogue dashes inside its cues
    (`cues.py`), which take the place of any other marker on their line."""
    found = _text_markers(text, shapes)
    marks = cue_marks(text)
    if not marks:
        return found
    starts = line_starts(text)
    cue_lines = {line_of(starts, m.at) for m in marks}
    kept = [m for m in found if line_of(starts, m.at) not in cue_lines]
    # a dash carries no name: the rules read a label written after it ("- JO LI: Thank you")
    voiced = [Marker(m.at, m.body, label=m.label) if m.label else Marker(m.at, m.body) for m in marks]
    return sorted(kept + voiced, key=lambda m: m.at)


_REST_OF_LINE = re.compile(r"[ \t\r]*\n")


def _after_marker(text: str, end: int) -> int:
    """Where the turn after a `>>` ending at `end` begins: right after it, or at the start of the
    next line when the marker ends its line and the next line is not blank (a caption file
    hard-wrapped at a fixed width: "… registry first. >>" / "TAREK ZAHRAN: Thank you.")."""
    rest = _REST_OF_LINE.match(text, end)  # only spaces up to the line break
    if rest is None:
        return end
    line_end = rest.end() - 1
    next_end = text.find("\n", line_end + 1)
    return line_end + 1 if text[line_end + 1 : next_end if next_end != -1 else len(text)].strip() else end


# At most this many `>>` markers in a file may be stray ones in a `NAME:` file (`_text_markers`);
# a file with more uses `>>` as its convention, and is not scanned for labels at line starts.
_STRAY_MARKERS = 3


def _text_markers(text: str, shapes: Shapes) -> list[Marker]:
    # ">>" at a line start or after whitespace (line breaks lost), or glued to the end of the
    # sentence before ("… no.>> MODERATOR: So what happens?>> SALMA …"); not inside "a>>b"
    markers = [
        Marker(m.start(), _after_marker(text, m.end()))
        for m in _MARKER.finditer(text)
        if m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in _GLUED_AFTER
    ]
    if markers and is_cue_file(text):
        return markers  # a cue file's `Name:` lines are read by the label-line model (`learned_markers`)
    if len(markers) > _STRAY_MARKERS:
        return markers + _relief_labels(text, shapes, markers)
    # a `NAME:` file with a stray `>>` or two (a pasted line, a last caption from another
    # export): the labels at line starts stay this file's convention when they are more
    # numerous, and the stray marker starts a turn of its own among them
    marked = {text.rfind("\n", 0, m.at) for m in markers}
    bare = [m for m in _bare_label_markers(text) if text.rfind("\n", 0, m.at) not in marked]
    seen = marked | {text.rfind("\n", 0, m.at) for m in bare}  # one marker per line
    shaped = [m for m in _shape_markers(text, shapes) if text.rfind("\n", 0, m.at) not in seen]
    at_line_starts = sorted(bare + shaped, key=lambda m: m.at)
    if len(at_line_starts) <= len(markers):
        return markers  # a short `>>` file: its markers are the convention
    inline = _inline_markers(text, at_line_starts)
    return sorted(markers + at_line_starts + inline, key=lambda m: m.at)


# A relief captioner's unmarked labels must open at least this many lines after the last `>>`.
_MIN_RELIEF_LABELS = 3


def _relief_labels(text: str, shapes: Shapes, markers: list[Marker]) -> list[Marker]:
    """Turn starts after the last `>>` of a `>>` file whose captioner changed and the relief
    captioner writes labels without it (`>> JO LI:` above, `Jo Li:` below). Why: the rest of the
    file would otherwise be one turn of the last marked speaker, and every commitment in it his.
    Read only when the stretch after the last marker holds three or more accepted, unmarked line
    labels (no title line) and one of their names opens two of its lines or was a `>>` label
    above: the same people under a new hand, not a heading or two after the captions."""
    last = markers[-1].at
    tail = [
        c
        for c in shapes.candidates
        if c.at > last
        and not c.marked
        and shapes.accepted(c)
        and not (c.sep == "colon" and _heading(c.label, text, c.body))
    ]
    if len(tail) < _MIN_RELIEF_LABELS:
        return []
    keys = Counter(shapes.key(c) for c in tail)
    marked = {shapes.key(c) for c in shapes.candidates if c.marked}
    if not any(n >= 2 or key in marked for key, n in keys.items()):
        return []
    return [Marker(c.line_at, c.at) if c.sep == "colon" else Marker(c.line_at, c.body, label=c.label) for c in tail]


def _inline_markers(text: str, at_line_starts: list[Marker]) -> list[Marker]:
    """Turns inside a line whose breaks were lost, in a transcript with no `>>`: a label this file
    uses at line starts, written the same way (same spelling, same separator) right after the end
    of a sentence ("…we agree.  MARIA OKAFOR:  Thank you."). A one-word label must open two or
    more lines, and the word before the full stop must not be a title or an initial ("Dr. Jo
    Li:" is one label), so a stray capitalised word is never read as a label. When the file's
    line-start labels are capitals with a colon (two or more), a name of two to five words
    written the same way after a sentence end is a label too, though it never opened a line
    ("…not unlimited. ANTTI KORHONEN: If I may add…"): capitals and a colon are this captioner's
    label, and speech is not written in capitals."""
    forms: dict[tuple[str, str], int] = {}
    for m in at_line_starts:
        form = _label_form(text, m)
        if form is not None:
            forms[form] = forms.get(form, 0) + 1
    by_first: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for (label, sep), n in sorted(forms.items(), key=lambda kv: -len(kv[0][0])):
        if n >= 2 or len(label.split()) >= 2:
            by_first.setdefault(label.split()[0], []).append((label, _TAILS.get(sep) or _dash_tail(sep)))
    caps_colon = sum(n for (label, sep), n in forms.items() if sep == ":" and _CAPS_NAME.fullmatch(label))
    if not by_first and caps_colon < 2:
        return []
    found = []
    for end in _SENTENCE_GAP.finditer(text):  # one pass: every sentence end followed by a capital
        at = end.end()
        space = _SPACE.search(text, at, at + 80)
        first = text[at : space.start() if space else at + 80]
        options = by_first.get(first) or by_first.get(first.rstrip(":"))
        if title_word(_word_before(text, end.start() + 1)):
            continue
        if not options:
            if caps_colon >= 2 and _caps_label(text, at) is not None:
                found.append(Marker(at, at))
            continue
        for label, tail in options:
            after = tail.match(text, at + len(label)) if text.startswith(label, at) else None
            if after is not None:
                colon = after.group().strip() == ":"
                found.append(Marker(at, at if colon else after.end(), label=None if colon else label))
                break
    return found


_SPACE = re.compile(r"\s")


# A name in capitals: one to five words (apostrophes, hyphens, initials inside), no digits.
_CAPS_WORD = r"[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.\u2011-]*"


_CAPS_NAME = re.compile(rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,4}}")


_CAPS_COLON = re.compile(rf"({_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{1,4}})[ \t]*:(?=[ \t])")


def _caps_label(text: str, at: int) -> str | None:
    """A capitals name of two to five words and a colon at `at` that reads as a label (no
    sentence word: "THANK YOU:" is speech), else None."""
    match = _CAPS_COLON.match(text, at)
    if match is None:
        return None
    label = match.group(1)
    if not looks_like_label(label) or any(sentence_word(w) for w in label.split()):
        return None
    return label


_SENTENCE_GAP = re.compile(r"[.?!][\"”’)\]]?[ \t]+(?=[A-Z\u00C0-\u00DE])")


_TAILS = {":": re.compile(r"[ \t]*:(?=[ \t\r]|$)", re.MULTILINE), "": re.compile(r"[ \t]+(?=[A-Z][a-z])")}


def _word_before(text: str, end: int) -> str:
    """The word that ends at offset `end` (bounded look-back: a title is short)."""
    match = re.search(r"\S+$", text[max(0, end - 16) : end])
    return match.group() if match else ""


def _dash_tail(sep: str) -> re.Pattern[str]:
    return re.compile(r"[ \t]+" + re.escape(sep) + r"[ \t]+")


def _label_form(text: str, marker: Marker) -> tuple[str, str] | None:
    """(label as written, separator) of a line-start marker: ":" for a colon label, the dash for a
    dash label, "" for capitals with no separator; None for a bracket label (its brackets are
    not in the label text) or anything else."""
    if marker.label is None:
        colon = label_colon(text, marker.body, marker.body + LABEL_MAX + 1)
        label = text[marker.body : colon].strip() if colon != -1 else ""
        return (label, ":") if label else None
    between = text[marker.at : marker.body]
    head, found, rest = between.partition(marker.label)
    if not found or "[" in head:
        return None
    sep = rest.strip()
    return (marker.label, sep) if sep in ("", "-", "--", "\u2013", "\u2014") else None


def _shape_markers(text: str, shapes: Shapes) -> list[Marker]:
    """Labels at line starts in a transcript with no `>>`, by the separators this captioner used
    (`shapes.label_shapes`): `[Jo Li] …`, `JO LI -- …`, and colon labels the stricter
    `_bare_label_markers` leaves out (`Speaker 2:`, `Participant:`, `Jo Li (online):`) once the
    colon shape is in use. A title line is still not a label (`_heading`)."""
    found = []
    for c in shapes.candidates:
        if c.marked or not shapes.accepted(c):
            continue
        if c.sep == "colon":
            if not _heading(c.label, text, c.body):
                found.append(Marker(c.line_at, c.at))
        else:
            found.append(Marker(c.line_at, c.body, label=c.label))
    return found


def shape_head(marker: Marker, by_offset: dict[int, LineLabel], shapes: Shapes) -> LineLabel | None:
    """A dash or bracket label right after a `>>` marker (`>> JO LI -- …`, `>> [Jo Li] …`) when
    this file uses that separator or the name recurs; colon labels stay with `split_head`."""
    for offset in range(marker.body, marker.body + 4):
        c = by_offset.get(offset)
        if c is not None:
            return c if c.sep in ("dash", "bracket") and shapes.accepted(c) else None
    return None
