"""Turns the captioner did not mark: new voices told by what the text says.

A first turn after the page header, a new voice after a blank line that opens in lower case
with a word that takes the floor, the speech after a note turn, a CART dialogue-dash line
(`-- How much…?`), and a paragraph that thanks the speaker of the turn it sits in by name (`parse.py` lists the rules). Each gives an
implicit `Marker`: a turn with no label.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Turn
from .cues import is_cue_file
from .furniture import NOTE
from .header import BOILERPLATE, DISCLAIMER, first_line_end, furniture_end
from .markers import Marker
from .shapes import Shapes, person_key
from .speakers import name_key

__all__ = ["implicit_markers", "thanked_by_name"]

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
        and not DISCLAIMER.search(paragraph)
    )


def implicit_markers(text: str, markers: list[Marker], shapes: Shapes) -> list[Marker]:
    """Turns with no `>>` in a marked transcript: a first turn after the page header, and a
    new voice after a blank line (`_UNMARKED_VOICE`). The first turn keeps its label when it
    opens with a name the captioner used as a `>>` label elsewhere ("Chair — Jo Li: Good
    morning" before ">> Chair — Jo Li: Thank you")."""
    if not markers or not text.startswith(">>", markers[0].at) or is_cue_file(text):
        return []  # bare-label transcripts and cue files (`cues.first_speech`) have their own rule
    found = []
    first = markers[0].at
    furniture = furniture_end(text, first)
    head_end = furniture or first_line_end(text, first)
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
                    Marker(at, opening.body, label=opening.label) if opening.sep != "colon" else Marker(at, opening.at)
                )
            else:
                found.append(Marker(at, at, implicit=True))
            break
    found += [
        Marker(m.end(), m.end(), implicit=True)
        for m in _UNMARKED_VOICE.finditer(text, first)
        if not _mid_sentence(text, m.start())
    ]
    found += _after_note_turns(text, markers)
    found += _dialogue_dashes(text, first)
    return found


# A line opening with a dialogue dash and a capital ("-- How much of it is in Latvian?"): CART
# captioners mark a quick exchange between voices they cannot name this way. A dash inside a
# line or ending one is a cut-off sentence, and a dash line in lower case ("-- the point is…")
# resumes the cut-off sentence of the speaker before, so neither starts a turn.
_DIALOGUE_DASH = re.compile(r"\n[ \t]*(?:--|\u2014|\u2013)[ \t]+(?=[A-Z\u00C0-\u00DE])")
_LEAST_DASHES = 2  # one dash line may be a quotation; two or more are the captioner's habit


def _dialogue_dashes(text: str, first: int) -> list[Marker]:
    """A new unlabelled voice at each dialogue-dash line after the first marker, when the file
    has two or more; the turn's text starts after the dash."""
    if "\n--" not in text and "\u2014" not in text and "\u2013" not in text:
        return []  # the common case, without a regex scan
    found = [Marker(m.start() + 1, m.end(), implicit=True) for m in _DIALOGUE_DASH.finditer(text, first)]
    return found if len(found) >= _LEAST_DASHES else []


# A `>>` marker followed by a stage note alone on its line ("(Off microphone)", "[inaudible]").
_NOTE_LINE = re.compile(r"[ \t]*[(\[][^()\[\]\n]{0,120}[)\]][.,;]?[ \t\r]*\n[ \t\r]*\n\s*")


def _after_note_turns(text: str, markers: list[Marker]) -> list[Marker]:
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
            found.append(Marker(at, at, implicit=True))
    return found


def _spoken_line(line: str) -> bool:
    """A line of speech, not a note, a time stamp, a page number, a header or the disclaimer:
    three or more words, some in lower case."""
    words = line.split()
    return (
        len(words) >= 3
        and any(w[:1].islower() for w in words)
        and not NOTE.match(line)
        and not DISCLAIMER.search(line)
        and not BOILERPLATE.search(line)
    )


# After a blank line, thanks to a person by name ("Thank you, Joseph.", "Thanks so much, Ms.
# Mwakyusa."): the name word is group 1.
_THANKS_NAME = re.compile(
    r"\n[ \t\r]*\n\s*(?=(?:[Tt]hank you|[Tt]hanks)(?:\s+(?:very|so)\s+much)?,?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Madam|Madame|Sir)\.?\s+)?([A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*)\b)"
)


def thanked_by_name(text: str, turns: list[Turn]) -> list[Marker]:
    """New voices with no marker found by what they say: a paragraph after a blank line that
    thanks the speaker of the turn it sits in, by name ("Thank you, Joseph.  Now Tanzania." in
    Joseph's turn), is somebody else — nobody thanks themselves. Capitalised or not, so it also
    finds what the lower-case rule (`_UNMARKED_VOICE`) cannot: a new voice written as a sentence.
    A name word two speakers share proves nothing and starts no turn."""
    found: list[Marker] = []
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
            found.append(Marker(match.end(), match.end(), implicit=True))
    return found
