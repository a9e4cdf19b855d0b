"""Caption text → turns, for every IGF caption style since 2006.

The general rules (see shared/corpus/formats/README.md):
- a turn starts at a `>>` marker at the start of a line (after any indentation), or
  inside a line when line breaks were lost; the label is the text before the first
  colon when it reads as a name or role, or a label already seen in this session;
- a marker followed only by a stage note "(Applause)" / "[ Laughter ]" is a `note`;
- lines before the first marker (site boilerplate, title, disclaimer, date) are header;
- documents with no `>>` at all may mark turns with `NAME:` at the start of a line.

Turns the captioner marked in other ways (seen on unseen sessions, issue 22):
- a label without a colon, in capitals or in title case (`>> Markus Kummer Excellencies, …`):
  two to four name words, then a capitalised word that starts the speech;
- a collective label (`>> Everyone:`, `>> ALL PARTICIPANTS:`) is a label with no speaker;
- a first turn with no marker after the page header: the first spoken paragraph after the
  disclaimer, date or separator starts a turn with no label;
- a new voice with no marker: after a blank line, a paragraph opening with a lower-case
  "thank you" / "hello" (perhaps after "yes,") starts a turn with no label, unless the
  paragraph before stopped in the middle of a sentence;
- a name card as the label (`>> Jo Li, co-moderator:`, `>> JO LI, MINISTRY OF ICT, GHANA (online):`):
  the speaker is the name, the raw label keeps the card (`speakers.parse_name_card` reads its
  role, organisation and mode), and a later `>> Jo Li Thank you…` is a known label; the card
  may open with the role (`MODERATOR (Jo Li):`, `Chair — Jo Li:`) and use spaced dashes for
  commas (`Jo Li — Ministry of ICT:`);
- in a transcript with no `>>`, a title line with a colon is not a `NAME:` label: the part
  before the colon is a session-type phrase ("Open Forum: …"), or the rest of the line is a
  title (every word but small ones capitalised, no sentence punctuation at its end).

By the shape of the transcript (stop 19, `shapes.py`): before splitting, every line start is
read once for a label shape — a short name-like span followed by a colon, a dash between spaces
(`JO LI -- …`, `Jo Li – …`), written in square brackets (`[Jo Li] …`) or in capitals with no
separator (`JO LI Thank you`), after any time stamp (`[00:12:01]`) — and a separator counts
as this captioner's when names recur with it across the file (after `>>`, one recurring name is
enough). Then `[Jo Li]` and dash labels split a transcript with no `>>`, dash and bracket labels
after `>>` are read as labels, colon labels that the stricter bare-label rule leaves out
(`Speaker 2:`, `Participant:`, `Jo Li (online):`) count once the colon shape is in use, and a
first turn before the markers keeps its label when the name recurs as a `>>` label later. A
label shape seen on one line only stays speech; a role in capitals without a colon
(`>> PARTICIPANT Yes, …`) is a label.

Stop 20 (the fourth blind set's misses, by general rules): a name card without a colon after
`>>` (`colonless.py`: `>> CO-MODERATOR (Jo Li) Good morning`, `>> JO LI, Deputy Minister of
ICT, Ghana Thank you.`); capitals with no separator and no `>>` open a turn as a role or as the
short form of a name written in full before (`OKAFOR Thank you`), never when they hold a
sentence word (`THANK YOU Everyone`), an unrecurring body acronym (`UN DESA Reports …`) or start
a title line; an agenda line listing names ("Speakers: Dr. Jo Li; Ana Ruiz (online)") is no
turn; in a transcript with no `>>` whose line breaks were lost, a label the file uses at line
starts, written the same way right after a sentence end, starts a turn inside the line; a
one-word speaker that is a word of exactly one whole name used earlier is that person
(`shortnames.py`: `KAZLAUSKAITĖ:` after `IEVA KAZLAUSKAITĖ:`).

Stop 21 (the fifth blind set's misses, by general rules): a role or group label without a colon
in title case before a word that opens speech (`>> Audience Yes, my name…`); a lower-case piece
on a card that says what the person is (`HAKAN DEMIR, student, Bilkent:`); a generic voice told
apart by a qualifier or by where it is (`SPEAKER FROM THE FLOOR`, `FEMALE PARTICIPANT`) has no
speaker; a new voice with no marker after a blank line: a paragraph after a note turn
(`>> [inaudible]` then "okay so, can you repeat…"), one opening in lower case with a reply word
("yeah, hi", "okay so"), or one thanking the speaker of the turn it is in by name ("Thank you,
Joseph." in Joseph's turn); a mixed-case label alone on its `>>` line; a turn body holding only
stage notes and time stamps is a `note`.

Stop 23 (the seventh blind set: every new round brought label shapes no rule knew): a learned
label-line detector (`labellines.py`, weights trained by `bench/train_parse.py`) decides where the
rules are silent — in a file whose turns the rules mostly missed, every line they left open (an
automatic-transcription `Speaker 1  0:04` line above its speech, a name and affiliation alone on
a line, WebVTT cues `Name: …`); elsewhere the `>>` lines whose label the rules could not read (a
time stamp before the colon, a mis-keyed `;` or `.`, pronouns in a display name). The evidence
is the shape of the line and its recurrence across the file, never a list of strings.

Stop 24 (the eighth blind set): subtitle cue files are read as cue files (`cues.py`), told from
their lines, not their name: a WebVTT voice span `<v Name>` is a label and a change of voice a
turn, an SRT or WebVTT line opening with a dialogue dash is a voice of its own, and a turn ends
before the next cue's identifier and timing lines. A named label written twice in a row means
somebody spoke between (`interjections.py`): the last line of the first turn that opens a
sentence after one ended is an unlabelled voice. A label the label-line model read is known to
the file's other markers; a time stamp opening a turn's text is furniture; with lost line breaks
and no `>>`, a capitals name and a colon after a sentence end is a label when that is the file's
label shape; a cue file's first cue is a turn, and a short greeting after the disclaimer too.

Turn text is an exact slice of the document text so citations stay verbatim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Literal

from ..models import Session, Turn, TurnKind
from .colonless import colonless_card
from .cues import cue_marks, cues_begin, first_speech, is_cue_file, speech_end
from .exportmarks import ExportMarks
from .furniture import NOTE, TIME_STAMP
from .interjections import voices_between
from .labellines import LabelModel, candidates, load_label_model
from .readers import export_marks, reading_view
from .shapes import LineLabel, Shapes, label_shapes, person_key, title_rest
from .shortnames import expand_short_names
from .speakers import (
    COLLECTIVE_LABELS,
    colonless_label,
    display_name,
    generic_label,
    looks_like_label,
    name_key,
    parse_name_card,
    phone_label,
    sentence_word,
    title_word,
)
from .view import View

__all__ = ["asked_lines", "find_title", "guess_year", "parse_transcript"]

_MARKER = re.compile(r">>+")
# A time stamp opening a turn's text before more text on its line ("[10:08:01] (Audio feedback)",
# "14:02:11 Thank you"): page furniture, so the turn's text starts after it.
_LEAD_TIME = re.compile(
    r"(?:\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]|\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)[ \t]+(?=\S)"
)
_BARE_LABEL = re.compile(r"^[ \t]*([^\s:>][^:\n]{0,60}?)[ \t]*:(?=[ \t\r]|$)", re.MULTILINE)
_DISCLAIMER = re.compile(
    r"(output|outputs|raw|unedited).{0,40}(caption|transcri)|should not be treated as an authoritative record"
    r"|realtime|real-time captioning|CART",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(warning|notice|deprecated|fatal error|parse error)\b.*\bon line \d+|legacy site|skip to (main )?content"
    r"|^(home|menu|search|login|log in|sign in|language|english|français|español)\s*(\||$)|cookie"
    r"|^\*+$|^[-=_~#]+$|javascript|^you are here"
    r"|^WEBVTT$|^(kind|language):\s*[\w-]+$",  # a WebVTT file's bare signature and header metadata
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^\W*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)?,?\s*"
    r"(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}?,?\s*\d{4}\W*$"
    r"|^\W*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\W*$",
    re.IGNORECASE,
)
# a year stands alone or ends a name's letters ("igf2019-berlin-….txt", "IGF2023"): no digit before it,
# no digit or letter after it ("Room 2025B" is no year)
_YEAR = re.compile(r"(?<![0-9])(200[6-9]|20[1-9]\d)(?![0-9A-Za-z])")


# The longest text before a colon that can be a label: a name card such as "H.E. NAME, DEPUTY
# MINISTER, MINISTRY OF …, COUNTRY (online)"; `looks_like_label` decides on the words.
_LABEL_MAX = 160


@dataclass(frozen=True)
class _Marker:
    at: int  # offset of ">>" (or of the label for bare-label styles)
    body: int  # offset just after the marker
    implicit: bool = False  # a turn the captioner did not mark (see `_implicit_markers`)
    label: str | None = None  # a label already read from the file's shape (`shapes.py`), body after it


def _notes_only(body: str) -> bool:
    """Whether a turn body holds only stage notes and time stamps, each alone on its line
    ("(Applause)", then "(Session ends)" or "[00:12:31]"): a note turn, no speech."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    return all(NOTE.match(line) or TIME_STAMP.fullmatch(line) for line in lines)


def _line_starts(text: str) -> list[int]:
    return [0, *accumulate(len(line) + 1 for line in text.split("\n"))][:-1]


def _line_of(starts: list[int], offset: int) -> int:
    """1-based line number of a character offset."""
    return bisect_right(starts, offset)


def _bare_label_markers(text: str) -> list[_Marker]:
    """`NAME:` at the start of a line, for transcripts that never use `>>`."""
    markers = []
    for match in _BARE_LABEL.finditer(text):
        label = match.group(1)
        words = label.split()
        if phone_label(label):  # a dial-in caller shown by the number: "+255 71 XXX XX41:"
            markers.append(_Marker(match.start(1), match.start(1)))
            continue
        if not looks_like_label(label) or len(words) > 6 or label[:1] in "([{" or re.search(r"\d", label):
            continue  # "[IGF 2019:" or "Session 2:" is a heading, not a speaker
        letters = [ch for ch in label if ch.isalpha()]
        all_caps = sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
        # a card's brackets and dashes are not words: "Chair — Jane Doe", "MODERATOR (Jane Doe)"
        named = [w.strip("()[]") for w in words if w.strip("()[]\u2013\u2014-")]
        title_case = len(named) >= 2 and all(w[:1].isupper() or w in {"de", "la", "van", "von", "da"} for w in named)
        if (all_caps or title_case) and not _heading(label, text, match.end()):
            markers.append(_Marker(match.start(1), match.start(1)))
    return markers


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
    way ("Speakers: Dr. Jo Li; Ana Ruiz (online)"): asides in brackets are not words of it."""
    if _SESSION_KIND.fullmatch(label.strip()):
        return True
    line_end = text.find("\n", after)
    return title_rest(text[after : line_end if line_end != -1 else len(text)])


def _split_head(text: str, body: int, end: int, known: dict[str, str]) -> tuple[str | None, int]:
    """(label, offset where the spoken text starts) for the turn body text[body:end]."""
    line_end = text.find("\n", body, end)
    line_end = end if line_end == -1 else line_end
    head = text[body:line_end]
    colon = head.find(":")
    if 0 < colon <= _LABEL_MAX:
        candidate = head[:colon]
        if looks_like_label(candidate) and not candidate.strip().startswith(("(", "[")):
            start = body + colon + 1
            return candidate.strip(), start
    wrapped = _wrapped_label(text, head, line_end, end) if colon == -1 else None
    if wrapped is not None:
        return wrapped
    # a label without a colon: a label seen elsewhere, or a run of capitalised words
    stripped = head.lstrip()
    lead = body + (len(head) - len(stripped))
    if line_end < end and text[line_end:end].strip() and _label_alone(stripped):
        name = parse_name_card(stripped).name
        if generic_label(stripped) or name_key(stripped) in known or name_key(name) in known:
            return stripped.rstrip(), line_end + 1  # ">> Ana Lima" alone on its line, the speech below
    card = colonless_card(
        stripped, known
    )  # ">> CO-MODERATOR (Jo Li) Good morning", ">> JO LI, Ministry of ICT Thank you"
    if card:
        return stripped[:card].strip(), lead + card
    lowered = name_key(stripped[:90])
    for key, label in sorted(known.items(), key=lambda kv: -len(kv[0])):
        if lowered.startswith(key + " ") and len(key) >= 5:
            raw_len = _raw_prefix_len(stripped, label)
            if raw_len:
                return stripped[:raw_len].strip(), lead + raw_len
    caps = re.match(r"((?:[A-Z][A-Z.'\u00C0-\u00DE\u2011-]+ ){2,5})(?=[A-Z][a-z])", stripped)
    if caps and looks_like_label(caps.group(1)) and not any(sentence_word(w) for w in caps.group(1).split()):
        return caps.group(1).strip(), lead + caps.end(1)
    role = _colonless_role(stripped)
    if role:
        return stripped[:role].strip(), lead + role
    titled = colonless_label(stripped)
    if titled:
        return stripped[:titled], lead + titled
    return None, body


# Capitals name words of a label cut by a hard wrap ("NOUR" / "AL-HUDA QANDEEL:").
_CAPS_WORDS = re.compile(
    r"[ \t]*((?:[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.-]*[ \t]+){0,3}[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.-]*)[ \t]*"
)


def _wrapped_label(text: str, head: str, line_end: int, end: int) -> tuple[str, int] | None:
    """(label, speech start) of a capitals label a hard wrap cut in two, `>> NOUR` at a line end
    and "AL-HUDA QANDEEL: May I?" below: the marker's line holds only capitals words, the next
    line opens with capitals words and a colon, and the two together read as one label of at
    most five words (whitespace collapsed). None otherwise."""
    first = _CAPS_WORDS.fullmatch(head)
    if first is None or line_end >= end:
        return None
    second = _CAPS_WORDS.match(text, line_end + 1, end)
    if second is None or not text.startswith(":", second.end()):
        return None
    label = f"{first.group(1)} {second.group(1)}"
    words = label.split()
    if len(words) > 5 or any(sentence_word(w) for w in words) or not looks_like_label(label):
        return None
    return label, second.end() + 1


def _label_alone(line: str) -> bool:
    """Whether a `>>` line reads as a label with no colon, the speech on the lines below
    (">> Ana Lima", ">> MODERATOR", ">> John K. Mwangi (online)"): a role, or two to five name
    words, each capitalised (particles and initials inside), no sentence word, no sentence end.
    A name is taken as a label only when the file uses it as one elsewhere (with a colon, or
    alone on another `>>` line), so a heading after `>>` (">> OPENING CEREMONY") stays text."""
    text = line.strip()
    if not text or len(text) > 80 or text[-1] in ".?!,;:" or not looks_like_label(text):
        return False
    if generic_label(text):
        return True
    name = parse_name_card(text).name.strip() if "(" in text or "," in text else text
    words = name.split()
    return (
        2 <= len(words) <= 5
        and not any(sentence_word(w) for w in words)
        and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)
        and display_name(text) is not None
    )


_NAME_PARTICLES = frozenset(["de", "la", "le", "du", "da", "das", "dos", "di", "del", "della", "der", "van", "von"])
_ROLE_WORD = re.compile(r"(?:[A-Z][A-Za-z'’-]*|\d{1,3})[ \t]+")
_ROLE_WORD_LOWER = re.compile(r"[a-z][a-z'’-]*[ \t]+")  # "Audience member": a role in sentence case


def _colonless_role(head: str) -> int:
    """Length of a role or group label written without a colon, else 0: in capitals before a
    capitalised word (">> PARTICIPANT Yes, thank you", ">> AUDIENCE MEMBER Hello"), or in title
    case before a word that opens speech (">> Audience Yes, my name is…", ">> Remote Participant
    Hello"); a title-case role before any other word may be the speech itself ("Host Country
    representatives…"). The longest run of up to four words that is a role wins."""
    ends: list[int] = []
    at = 0
    while len(ends) < 4 and (word := _ROLE_WORD.match(head, at) or (ends and _ROLE_WORD_LOWER.match(head, at))):
        at = word.end()
        ends.append(at)
    for end in reversed(ends):
        nxt = re.match(r"[A-Z][a-z'’]*\b", head[end:])
        label = head[:end].strip()
        if nxt is None or not generic_label(label):
            continue
        if label.upper() == label or sentence_word(nxt.group()):
            return end
    return 0


def _raw_prefix_len(text: str, label: str) -> int:
    """Length of the prefix of `text` that spells `label` (ignoring case/hyphen style)."""
    words = len(label.split())
    match = re.match(r"\s*" + r"\s+".join([r"\S+"] * words), text)
    if match and name_key(match.group(0)) == name_key(label):
        return match.end()
    return 0


_GLUED_AFTER = frozenset('.?!)]"”’…')  # a ">>" right after these starts a turn


def _find_markers(text: str, shapes: Shapes) -> list[_Marker]:
    """Every turn start the captioner marked: `>>` markers, or line-start labels in a transcript
    with none; in a subtitle cue file, also the voice spans and dialogue dashes inside its cues
    (`cues.py`), which take the place of any other marker on their line."""
    found = _text_markers(text, shapes)
    marks = cue_marks(text)
    if not marks:
        return found
    starts = _line_starts(text)
    cue_lines = {_line_of(starts, m.at) for m in marks}
    kept = [m for m in found if _line_of(starts, m.at) not in cue_lines]
    # a dash carries no name: the rules read a label written after it ("- JO LI: Thank you")
    voiced = [_Marker(m.at, m.body, label=m.label) if m.label else _Marker(m.at, m.body) for m in marks]
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


def _text_markers(text: str, shapes: Shapes) -> list[_Marker]:
    # ">>" at a line start or after whitespace (line breaks lost), or glued to the end of the
    # sentence before ("… no.>> MODERATOR: So what happens?>> SALMA …"); not inside "a>>b"
    markers = [
        _Marker(m.start(), _after_marker(text, m.end()))
        for m in _MARKER.finditer(text)
        if m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in _GLUED_AFTER
    ]
    if len(markers) > _STRAY_MARKERS or (markers and is_cue_file(text)):
        return markers  # a cue file's `Name:` lines are read by the label-line model (`_learned_markers`)
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


def _inline_markers(text: str, at_line_starts: list[_Marker]) -> list[_Marker]:
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
                found.append(_Marker(at, at))
            continue
        for label, tail in options:
            after = tail.match(text, at + len(label)) if text.startswith(label, at) else None
            if after is not None:
                colon = after.group().strip() == ":"
                found.append(_Marker(at, at if colon else after.end(), label=None if colon else label))
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


def _label_form(text: str, marker: _Marker) -> tuple[str, str] | None:
    """(label as written, separator) of a line-start marker: ":" for a colon label, the dash for a
    dash label, "" for capitals with no separator; None for a bracket label (its brackets are
    not in the label text) or anything else."""
    if marker.label is None:
        colon = text.find(":", marker.body, marker.body + _LABEL_MAX + 1)
        label = text[marker.body : colon].strip() if colon != -1 else ""
        return (label, ":") if label else None
    between = text[marker.at : marker.body]
    head, found, rest = between.partition(marker.label)
    if not found or "[" in head:
        return None
    sep = rest.strip()
    return (marker.label, sep) if sep in ("", "-", "--", "\u2013", "\u2014") else None


def _shape_markers(text: str, shapes: Shapes) -> list[_Marker]:
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
                found.append(_Marker(c.line_at, c.at))
        else:
            found.append(_Marker(c.line_at, c.body, label=c.label))
    return found


def _shape_head(marker: _Marker, by_offset: dict[int, LineLabel], shapes: Shapes) -> LineLabel | None:
    """A dash or bracket label right after a `>>` marker (`>> JO LI -- …`, `>> [Jo Li] …`) when
    this file uses that separator or the name recurs; colon labels stay with `_split_head`."""
    for offset in range(marker.body, marker.body + 4):
        c = by_offset.get(offset)
        if c is not None:
            return c if c.sep in ("dash", "bracket") and shapes.accepted(c) else None
    return None


# A new voice the captioner did not mark: after a blank line, a paragraph opening in lower
# case with a word that takes the floor — a greeting, thanks, or a reply ("thank you very much,
# Thomas.  Yes, briefly…", "okay so, can you repeat…", "yes, hello, can I ask…"). A speaker
# going on after a pause starts a sentence in upper case, or in lower case with a word that
# carries the sentence on ("and the second thing…"); a lower-case greeting or reply is the
# caption of somebody else taking the microphone before the captioner caught the name.
# "right" only before thanks ("right, thank you"): alone it as often carries a speaker on.
_UNMARKED_VOICE = re.compile(
    r"\n[ \t\r]*\n\s*(?=(?:right[,.]?\s+)?"
    r"(?:thank you|thanks|hello|hi|good (?:morning|afternoon|evening)|greetings|excuse me"
    r"|yes|yeah|okay|ok|sorry)\b)"
)
# …unless the paragraph before stops in the middle of a sentence ("I want to say\n\nthank you
# to the hosts"): it ends in a comma or a word a sentence cannot end with.
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "to",
        "of",
        "for",
        "with",
        "from",
        "by",
        "in",
        "on",
        "at",
        "as",
        "that",
        "than",
        "so",
        "if",
        "because",
        "also",
        "just",
        "very",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "we",
        "i",
        "you",
        "they",
        "say",
        "said",
        "tell",
        "told",
        "thank",
    ]
)


def _mid_sentence(text: str, at: int) -> bool:
    """Whether the paragraph before offset `at` stops in the middle of a sentence (bounded look-back)."""
    before = text[max(0, at - 80) : at].rstrip()
    if before.endswith((",", ";", ":")):
        return True
    words = re.findall(r"[A-Za-z']+$", before)
    return bool(words) and words[0].lower() in _DANGLING


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _header_end(text: str, stop: int) -> int:
    """Offset just after the last line of page furniture before `stop` (disclaimer, date,
    separator, site boilerplate), or after the first non-empty line (the title) if none."""
    return _furniture_end(text, stop) or _first_line_end(text, stop)


def _first_line_end(text: str, stop: int) -> int:
    """Offset just after the first non-empty line before `stop` (0 when there is none)."""
    for m in re.finditer(r"[^\n]*", text[:stop]):
        if m.group().strip():
            return m.end()
    return 0


def _furniture_end(text: str, stop: int) -> int:
    """Offset just after the last line of page furniture before `stop`, 0 when there is none."""
    end = 0
    for m in re.finditer(r"[^\n]*", text[:stop]):
        line = m.group().strip().replace("\u00a0", " ")
        if not line:
            continue
        if (
            (_DISCLAIMER.search(line) and len(line) > 60)
            or _DATE_LINE.match(line)
            or _BOILERPLATE.search(line)
            or re.fullmatch(r"[*\-=_~#]{3,}", line)
        ):
            end = m.end()
    return end


_SPOKEN = re.compile(
    r"\b(?:I|I'm|I’m|we|we're|we’re|you|my|our|us|hello|welcome|good (?:morning|afternoon|evening)|thank)\b",
    re.IGNORECASE,
)


def _speech_like(paragraph: str, least: int = 12) -> bool:
    """Spoken sentences: mostly lower case, with a sentence end and words people say to a room
    (I, we, you, welcome, thank); not a title, a heading, a disclaimer or a session description.
    Twelve words or more, or `least` where page furniture already closed the header."""
    words = paragraph.split()
    lower = sum(1 for w in words if w[:1].islower())
    return (
        len(words) >= least
        and _SENTENCE_END.search(paragraph) is not None
        and lower >= 0.5 * len(words)
        and _SPOKEN.search(paragraph) is not None
        and not _DISCLAIMER.search(paragraph)
    )


def _implicit_markers(text: str, markers: list[_Marker], shapes: Shapes) -> list[_Marker]:
    """Turns with no `>>` in a marked transcript: a first turn after the page header, and a
    new voice after a blank line (`_UNMARKED_VOICE`). The first turn keeps its label when it
    opens with a name the captioner used as a `>>` label elsewhere ("Chair — Jo Li: Good
    morning" before ">> Chair — Jo Li: Thank you")."""
    if not markers or not text.startswith(">>", markers[0].at) or is_cue_file(text):
        return []  # bare-label transcripts and cue files (`cues.first_speech`) have their own rule
    found = []
    first = markers[0].at
    furniture = _furniture_end(text, first)
    head_end = furniture or _first_line_end(text, first)
    # after a disclaimer, date or separator the header is over: a short greeting is speech too
    least = 4 if furniture else 12
    by_offset = {c.line_at: c for c in shapes.candidates if not c.marked}
    marked = {person_key(c.label) for c in shapes.candidates if c.marked}
    for para in re.finditer(r"\S(?:.|\n(?![ \t\r]*\n))*", text[head_end:first]):
        if _speech_like(para.group(), least):
            at = head_end + para.start()
            opening = by_offset.get(at)
            if opening is not None and person_key(opening.label) in marked:
                found.append(
                    _Marker(at, opening.body, label=opening.label)
                    if opening.sep != "colon"
                    else _Marker(at, opening.at)
                )
            else:
                found.append(_Marker(at, at, implicit=True))
            break
    found += [
        _Marker(m.end(), m.end(), implicit=True)
        for m in _UNMARKED_VOICE.finditer(text, first)
        if not _mid_sentence(text, m.start())
    ]
    found += _after_note_turns(text, markers)
    return found


# A `>>` marker followed by a stage note alone on its line ("(Off microphone)", "[inaudible]").
_NOTE_LINE = re.compile(r"[ \t]*[(\[][^()\[\]\n]{0,120}[)\]][.,;]?[ \t\r]*\n[ \t\r]*\n\s*")


def _after_note_turns(text: str, markers: list[_Marker]) -> list[_Marker]:
    """Speech after a blank line that follows a note turn (`>> [inaudible]`, then "okay so, can
    you repeat…"): a note turn holds only the note, so the paragraph after it is a voice the
    captioner did not name, whatever its first word. A paragraph that is itself a note, a time
    stamp or page furniture is not speech and starts nothing."""
    found = []
    for i, marker in enumerate(markers):
        note = _NOTE_LINE.match(text, marker.body)
        if note is None:
            continue
        stop = markers[i + 1].at if i + 1 < len(markers) else len(text)
        at = note.end()
        end = text.find("\n", at, stop)
        line = text[at : end if end != -1 else stop].strip()
        if at < stop and _spoken_line(line):
            found.append(_Marker(at, at, implicit=True))
    return found


def _spoken_line(line: str) -> bool:
    """A line of speech, not a note, a time stamp, a page number, a header or the disclaimer:
    three or more words, some in lower case."""
    words = line.split()
    return (
        len(words) >= 3
        and any(w[:1].islower() for w in words)
        and not NOTE.match(line)
        and not _DISCLAIMER.search(line)
        and not _BOILERPLATE.search(line)
    )


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+")


def find_title(header: str) -> str:
    """The session title from the lines before the first turn.

    The title is the line just before the captioning disclaimer when there is one
    (site boilerplate may precede it), otherwise the first substantive line.
    """
    # a Markdown heading's `#` marks are no part of the title ("# Main Session: …")
    lines = [_MD_HEADING.sub("", ln.strip().replace("\u00a0", " ")) for ln in header.split("\n")]
    candidates = [
        (i, ln)
        for i, ln in enumerate(lines)
        if ln and not _BOILERPLATE.search(ln) and not _DATE_LINE.match(ln) and any(c.isalpha() for c in ln)
    ]
    disclaimer = next((i for i, ln in candidates if _DISCLAIMER.search(ln) and len(ln) > 60), None)
    if disclaimer is not None:
        before = [ln for i, ln in candidates if i < disclaimer]
        if before:
            return _short(before[-1])
    rest = [ln for i, ln in candidates if i != disclaimer]
    return _short(rest[0]) if rest else ""


def _short(line: str) -> str:
    line = re.sub(r"\s+", " ", line).strip()
    return line if len(line) <= 300 else line[:297].rstrip() + "…"


def guess_year(*texts: str) -> int | None:
    """The first plausible IGF year (2006 on) in the title, source name or header."""
    for text in texts:
        match = _YEAR.search(text or "")
        if match:
            return int(match.group(1))
    return None


# After a blank line, thanks to a person by name ("Thank you, Joseph.", "Thanks so much, Ms.
# Mwakyusa."): the name word is group 1.
_THANKS_NAME = re.compile(
    r"\n[ \t\r]*\n\s*(?=(?:[Tt]hank you|[Tt]hanks)(?:\s+(?:very|so)\s+much)?,?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Madam|Madame|Sir)\.?\s+)?([A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*)\b)"
)


def _thanked_by_name(text: str, turns: list[Turn]) -> list[_Marker]:
    """New voices with no marker found by what they say: a paragraph after a blank line that
    thanks the speaker of the turn it sits in, by name ("Thank you, Joseph.  Now Tanzania." in
    Joseph's turn), is somebody else — nobody thanks themselves. Capitalised or not, so it also
    finds what the lower-case rule (`_UNMARKED_VOICE`) cannot: a new voice written as a sentence.
    A name word two speakers share proves nothing and starts no turn."""
    found: list[_Marker] = []
    matches = list(_THANKS_NAME.finditer(text))
    if not matches:
        return found
    owners: dict[str, set[str]] = {}  # a name word -> the speakers whose name holds it
    for turn in turns:
        if turn.speaker:
            for word in name_key(turn.speaker).split():
                owners.setdefault(word, set()).add(name_key(turn.speaker))
    ends = [t.end for t in turns]
    for match in matches:
        i = bisect_right(ends, match.end())
        if i >= len(turns) or not turns[i].start < match.end() < turns[i].end or not turns[i].speaker:
            continue
        # "Thank you, Ana." in Ana Lima's turn is Ana Lima thanking Ana Ruiz when both speak
        if owners.get(name_key(match.group(1))) == {name_key(turns[i].speaker)}:
            found.append(_Marker(match.end(), match.end(), implicit=True))
    return found


def _build_turns(
    text: str,
    markers: list[_Marker],
    starts: list[int],
    shapes: Shapes,
    known: dict[str, str],
    export: ExportMarks | None = None,
) -> list[Turn]:
    """One turn per marker: its label (read by the marker's rule), kind and exact text slice;
    in an export (`readers.py`), the speech ends where the export's furniture starts."""
    marked_heads = {c.at: c for c in shapes.candidates if c.marked}
    cue_file = is_cue_file(text)
    turns: list[Turn] = []
    for i, marker in enumerate(markers):
        end = markers[i + 1].at if i + 1 < len(markers) else len(text)
        shaped = _shape_head(marker, marked_heads, shapes) if not marker.implicit and marker.label is None else None
        if marker.implicit:
            label, body_start = None, marker.body
        elif marker.label is not None:
            label, body_start = marker.label, marker.body
        elif shaped is not None:
            label, body_start = shaped.label, shaped.body
        else:
            label, body_start = _split_head(text, marker.body, end, known)
        raw = text[body_start:end]
        body = raw.strip()
        a = body_start + (len(raw) - len(raw.lstrip()))
        b = a + len(body)
        lead = _LEAD_TIME.match(text, a, b)  # ">> [10:08:01] (Audio feedback)": the time is no speech
        if lead:
            a, body = lead.end(), text[lead.end() : b]
        if cue_file:  # the next cue's identifier and timing, a closing `</v>`: not speech
            b = speech_end(text, a, b)
            body = text[a:b]
        elif export is not None:  # a table cell's closing quote, a heading after the speech
            b = export.speech_end(text, a, b)
            body = text[a:b]
        kind: TurnKind = "speech"
        if label is None and body[:1] in "([" and _notes_only(body):
            kind = "note"
        if label is None and not body:
            continue  # a stray ">>" with nothing after it
        # a `>>` ending its line opens the turn on the line below, where its label is
        wrapped = text.startswith(">>", marker.at) and text.find("\n", marker.at, marker.body) != -1
        line = _line_of(starts, marker.body if wrapped else marker.at)
        turns.append(
            Turn(
                index=len(turns),
                line=line,
                label=label,
                speaker=display_name(label) if label else None,
                kind=kind,
                text=body,
                start=a,
                end=b,
                end_line=_line_of(starts, max(a, b - 1)),
            )
        )
    return turns


def _split_turns(text: str, turns: list[Turn], at: list[_Marker], starts: list[int]) -> list[Turn]:
    """`turns` cut where an unmarked voice starts inside one (`at`, implicit markers): the turn
    before keeps its label and ends there, the new one has none; the same turns `_build_turns`
    gives with those markers added, without reading every label again."""
    cuts = sorted(m.at for m in at)
    out: list[Turn] = []
    k = 0
    for turn in turns:
        pieces = [turn]
        while k < len(cuts) and cuts[k] < turn.end:
            last = pieces[-1]
            if cuts[k] > last.start:
                head = text[last.start : cuts[k]].rstrip()
                raw = text[cuts[k] : last.end]
                body = raw.strip()
                a = cuts[k] + (len(raw) - len(raw.lstrip()))
                kind: TurnKind = "note" if body[:1] in "([" and _notes_only(body) else "speech"
                pieces[-1] = replace(
                    last, text=head, end=last.start + len(head), end_line=_line_of(starts, last.start + len(head) - 1)
                )
                pieces.append(
                    Turn(
                        index=0,
                        line=_line_of(starts, cuts[k]),
                        label=None,
                        speaker=None,
                        kind=kind,
                        text=body,
                        start=a,
                        end=a + len(body),
                        end_line=_line_of(starts, max(a, a + len(body) - 1)),
                    )
                )
            k += 1
        out.extend(pieces)
    return [replace(t, index=i) for i, t in enumerate(out)]


def _doubtful(turn: Turn) -> bool:
    """A label the rules read at a split no label shape explains: brackets left open in the label
    ("HIWOT TESFAYE [10" before the colon of a time), or speech that opens with a digit or with
    separator punctuation (": Thank you" after a doubled colon) or a bracket ("(she/her): Kia ora"
    after a name read without its display-name brackets); the model may still confirm it."""
    label = turn.label or ""
    return (
        label.count("(") != label.count(")")
        or label.count("[") != label.count("]")
        or turn.text[:1].isdigit()
        or turn.text[:1] in ":;.-])("
    )


# Lines per turn the rules found (blank lines included), above which the rules missed the file's turns: every
# line they left open is asked about (a file with no `>>`, WebVTT cues). Below it the rules found
# the structure, and only the marked lines whose label they could not read are asked.
_SPARSE = 16


def asked_lines(
    text: str, turns: Sequence[Turn], starts: Sequence[int] | None = None
) -> tuple[frozenset[int], Counter[str]]:
    """(line offsets the label-line model is asked about, the labels the rules read soundly, as
    `name_key` counts for the model's recurrence features). Asking only where the rules are
    silent or doubtful keeps parsing fast and leaves the rules' readings alone."""
    starts = starts if starts is not None else _line_starts(text)
    sound = [t for t in turns if t.label is not None and not _doubtful(t)]
    known = Counter(name_key(t.label) for t in sound if t.label)
    settled = {starts[t.line - 1] for t in sound}
    if len(starts) > _SPARSE * max(1, len(turns)):
        return frozenset(at for at in starts if at not in settled), known
    unread = {starts[t.line - 1] for t in turns if t.label is None or _doubtful(t)}
    return frozenset(at for at in unread if text[at : at + 40].lstrip(" \t").startswith(">>")), known


# A label the rules read is replaced only when the model gives the rules' split less than this:
# a split no label shape explains (inside a time stamp "[10:", between doubled colons).
_RULE_DOUBT = 0.1


def _learned_markers(
    text: str, markers: list[_Marker], turns: list[Turn], starts: list[int], model: LabelModel
) -> list[_Marker] | None:
    """The markers with the label-line model's reading (`labellines.py`) on the lines
    `asked_lines` gives it: a line no rule marked (in a file whose turns the rules mostly missed),
    or a `>>` line whose label the rules could not read (none, or `_doubtful`). A doubtful label
    the model finds plausible (P ≥ `_RULE_DOUBT`) stands. None when the model changes nothing."""
    best: dict[int, tuple[float, int, str, int, tuple[str, ...]]] = {}  # line offset -> (P, at, label, body, template)
    prob_of: dict[tuple[int, int], float] = {}  # (line offset, body) -> P
    asked, known = asked_lines(text, turns, starts)
    if not asked:
        return None
    for c in candidates(text, asked, known):
        p = model.probability(c.feats)
        prob_of[(c.line_at, c.body)] = max(p, prob_of.get((c.line_at, c.body), 0.0))
        if p >= model.threshold and p > best.get(c.line_at, (0.0,))[0]:
            best[c.line_at] = (p, c.at, c.label, c.body, c.template)
    if not best:
        return None
    line_at = {m.at: starts[_line_of(starts, m.at) - 1] for m in markers}
    first = min((line_at[m.at] for m in markers if not m.implicit), default=None)
    head_end = _header_end(text, first) if first is not None else 0
    # before the rules' first turn, a label line must sit below the page header and share its
    # template with two more label lines there (WebVTT cues `Name: …` before the first `>>`): the
    # lines there are mostly title, date and an agenda ("Speakers: …", "Rapporteur: …")
    early = Counter(b[4] for at_line, b in best.items() if first is not None and head_end <= at_line < first)
    turn_on = {starts[t.line - 1]: t for t in turns}
    by_line: dict[int, _Marker] = {}
    for m in markers:
        by_line.setdefault(line_at[m.at], m)
    changed = False
    taken: set[int] = set()  # lines holding the speech of a label alone on the line above
    out = list(markers)
    for at_line, (_p, at, label, body, template) in sorted(best.items()):
        if at_line in taken or (first is not None and at_line < first and (at_line < head_end or early[template] < 3)):
            continue
        below = starts[_line_of(starts, body) - 1]
        if below != at_line and (below_turn := turn_on.get(below)) is not None and below_turn.label is not None:
            continue  # the line below opens a labelled turn of its own: this line is no label
        rule = by_line.get(at_line)
        if rule is not None and not rule.implicit:
            turn = turn_on.get(at_line)
            if turn is None or turn.start == body:
                continue
            if turn.label is not None and prob_of.get((at_line, turn.start), 0.0) >= _RULE_DOUBT:
                continue  # the rules read a label the model finds plausible: the rules stand
        if rule is not None:
            out.remove(rule)
        out.append(_Marker(at, body, label=label))
        changed = True
        nxt = text.find("\n", at)
        if nxt != -1 and body > nxt:
            taken.add(starts[_line_of(starts, body) - 1])
    if not changed:
        return None
    # an unmarked turn the rules guessed (the first spoken paragraph) gives way to a label line
    # the model found in the same paragraph
    learned_at = sorted(m.at for m in out if m.label is not None and m.at not in line_at)
    for m in [m for m in out if m.implicit]:
        k = bisect_right(learned_at, m.at)
        if k < len(learned_at) and not re.search(r"\n[ \t\r]*\n", text[m.at : learned_at[k]]):
            out.remove(m)
    drop = {m.at for m in out if m.at in line_at and line_at[m.at] in taken}
    return sorted((m for m in out if m.at not in drop), key=lambda m: m.at)


def parse_transcript(
    text: str, source: str = "", sha256: str = "", *, label_model: LabelModel | Literal["shipped"] | None = "shipped"
) -> Session:
    """Parse caption text into a `Session` with 1-based lines and exact text slices.

    A text with no turn markers is still a session (with zero turns) and a warning;
    the caller decides whether that is acceptable. `label_model` is the label-line model
    (default: the shipped one; None: the rules alone; the training bench passes its own).
    Exports are read first (`readers.py`): marks written another way (`&gt;&gt;`, `»`) are
    read in a view of the text, and turns cut from `text` again; a table, saved captions or a
    Markdown page with bold labels states its own turns.
    """
    view = reading_view(text)
    if view.changed:
        return _in_source(_parse(view.text, source, sha256, label_model), text, view)
    return _parse(text, source, sha256, label_model)


def _in_source(session: Session, text: str, view: View) -> Session:
    """`session`, parsed from `view`, with each turn cut from the source `text` again (a view
    keeps every line where it is, so line numbers stand)."""
    turns = []
    for turn in session.turns:
        a, b = view.source_span(turn.start, turn.end)
        turns.append(replace(turn, text=text[a:b], start=a, end=b))
    return replace(session, turns=tuple(turns), text=text)


def _parse(text: str, source: str, sha256: str, label_model: LabelModel | Literal["shipped"] | None) -> Session:
    """`parse_transcript` of a text the rules read as it is (see there)."""
    starts = _line_starts(text)
    export = export_marks(text)
    if export is not None:
        return _parse_export(text, source, sha256, export, starts)
    shapes = label_shapes(text)
    markers = _find_markers(text, shapes)
    markers = sorted(markers + _implicit_markers(text, markers, shapes), key=lambda m: m.at)
    cue_start = first_speech(text)  # a cue file's first cue is speech, marked or not
    if cue_start is not None and (not markers or cue_start < markers[0].at):
        markers.insert(0, _Marker(cue_start, cue_start, implicit=True))
    known: dict[str, str] = {}
    alone: dict[str, int] = {}  # names written alone on a `>>` line, no colon, and how often
    for m in markers:  # first pass: labels written with a colon, for colon-less markers
        if m.implicit or m.label is not None:
            continue
        end = text.find("\n", m.body)
        head = text[m.body : end if end != -1 else len(text)]
        colon = head.find(":")
        if 0 < colon <= _LABEL_MAX and looks_like_label(head[:colon]):
            written = head[:colon].strip()
            if written.lower() not in COLLECTIVE_LABELS:  # ">> Everyone is…" is speech
                known.setdefault(name_key(written), written)
                card = parse_name_card(written)  # "Jo Li, co-moderator:" may come back as ">> Jo Li Thank…"
                if card.pieces and display_name(card.name):
                    known.setdefault(name_key(card.name), card.name.strip())
        elif colon == -1 and _label_alone(head):
            alone[name_key(head)] = alone.get(name_key(head), 0) + 1
    for key, n in alone.items():  # a name alone on two or more `>>` lines is this file's label
        if n >= 2:
            known.setdefault(key, key)

    turns = _build_turns(text, markers, starts, shapes, known)
    model = load_label_model() if label_model == "shipped" else label_model
    if isinstance(model, LabelModel):
        learned = _learned_markers(text, markers, turns, starts, model)
        if learned is not None:
            markers = learned
            # a label the model read is this file's label for the other markers too: a later
            # ">> JO LI. And…" after ">> JO LI; Thank you" (the `known` prefix rule of `_split_head`)
            for m in learned:
                if m.label is not None and display_name(m.label) and not generic_label(m.label):
                    known.setdefault(name_key(m.label), m.label)
            turns = _build_turns(text, markers, starts, shapes, known)
    thanked = _thanked_by_name(text, turns)  # "Thank you, Joseph." inside Joseph's own turn
    # a voice on a line of its own before the same speaker's label comes back
    thanked += [_Marker(at, at, implicit=True) for at in voices_between(text, turns)]
    if thanked:
        turns = _split_turns(text, turns, thanked, starts)

    header_end = markers[0].at if markers else len(text)
    if cue_start is not None:  # a cue file's header ends where its cues begin: a cue id is no title
        header_end = min(header_end, cues_begin(text))
    return _session(text, source, sha256, turns, header_end if markers else None)


def _parse_export(text: str, source: str, sha256: str, export: ExportMarks, starts: list[int]) -> Session:
    """The turns an export states (`readers.py`): each mark's label as the export wrote it, the
    speech up to the export's furniture; the caption rules add no turn."""
    markers = [
        _Marker(m.at, m.body, label=m.label) if m.label else _Marker(m.at, m.body, implicit=True) for m in export.marks
    ]
    turns = _build_turns(text, markers, starts, label_shapes(""), {}, export)
    return _session(text, source, sha256, turns, export.header_end)


def _session(text: str, source: str, sha256: str, turns: list[Turn], header_end: int | None) -> Session:
    """The session of `turns`: short names expanded, the title and year read from the header
    (the text before `header_end`; the first 40 lines when nothing marked a turn)."""
    titled = [
        title_word(t.label.split()[0]) if t.label and t.label.strip() else False for t in turns
    ]  # "MR. QIAO:" stays "Qiao"
    full = expand_short_names([t.speaker for t in turns], titled)  # "KAZLAUSKAITĖ:" after "IEVA KAZLAUSKAITĖ:"
    turns = [t if t.speaker == name else replace(t, speaker=name) for t, name in zip(turns, full, strict=True)]
    header = text[:header_end] if header_end is not None else "\n".join(text.split("\n")[:40])
    title = find_title(header)
    warnings: tuple[str, ...] = ()
    if not turns:
        warnings = ("no turn markers (>> NAME:) found; kept as a document with zero turns",)
    return Session(
        title=title,
        sha256=sha256,
        source=source,
        turns=tuple(turns),
        text=text,
        year=guess_year(title, source, header[:2000]),
        warnings=warnings,
    )
