"""A file's speaker-marking template, learned from its own regularity: the generic fallback.

Every round of unseen files brought layouts no reader knew (a hearing's `Mr. Surname.` paragraphs,
a messenger's `Name says:` heads, a forum's `[–]name 212 points` post heads, a conversation
analyst's numbered `01  Mod:  so:` lines), and each stop added one reader per layout. This reader
assumes no layout. It reads each line's opening as three parts:

- a *lead*: the run before the first letter (a line number, a time stamp, a bracket), written as a
  shape (digit runs as `9`, blank runs as one space), so `01  ` and `12  ` are one lead;
- a *slot*: one to `_SLOT_WORDS` name-like words (a capital or a handle's lower-case word first,
  a short title's full stop allowed: `Mr. Li`);
- what follows the slot, either a *separator* and speech on the same line (`:`, `.`, a dash,
  a bracket) or nothing but a short fixed *tail* with the speech on the lines below (` says:`,
  ` ‏@handle 6 Nov`, ` 212 points 7 hours ago`; the tail's words in lower case are kept, others
  written as a shape, so each post's own handle and date do not split the template).

A template is a (lead, separator or tail) pair. It counts when it recurs on many lines, its
slot takes a small set of values that come back (the speakers) and what follows varies (speech):
`learn_template` picks the template with the most lines held by recurring values. A slot whose
values all end with the same lower-case word (`Jo says`) has that word as part of the template,
not of the name. The evidence is the file's own regularity, never a list of layouts or names.

`parse.py` asks this reader only when the rest of the parse found few turns for the file's size,
so a file any other reader reads is never read by its template.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .exportmarks import ExportMarks, Mark, voice_changes
from .headblocks import meta_line, read_head_blocks
from .labelwords import is_title
from .mailblocks import read_mail_blocks
from .mailreader import read_mail_archive
from .quotelevels import read_quote_levels
from .records import read_label_records
from .signatures import read_signed_blocks
from .webcomments import dated_meta

__all__ = ["Template", "agreeing_bound", "learn_template", "read_template"]

_SLOT_WORDS = 5
_LEAST = 4  # lines a template must hold
_LINE_SHARE = 0.1  # of the non-blank lines, the share a template must hold
_RECUR_SHARE = 0.5  # of a template's lines, the share whose slot value comes back
_VALUE_SHARE = 0.75  # distinct slot values at most this share of the template's lines
_TOP_SHARE = 0.75  # one value holding this share of the lines is fixed text (`Expand`), not a voice
_SPEECH_SHARE = 0.7  # distinct speech at least this share of the template's lines (inline)
_HEAD_CHARS = 90  # a head line (slot and tail, speech below) is at most this long
_RELAY_SHARE = 0.4  # of a slot value's lines, the share opening with a label of their own: a relay (a scribe)


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane as a character class's ranges. Python's
    `\\w` leaves them out, so a word in an abugida (Bengali `দোভাষী`, Devanagari, Myanmar) or a
    decomposed accent would break at its first vowel sign: a mark belongs to the word it is on."""
    ranges: list[str] = []
    start: int | None = None
    for code in range(0x300, 0x10001):
        mark = code < 0x10000 and unicodedata.category(chr(code)).startswith("M")
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return "".join(ranges)


_MARKS = _mark_ranges()

# The lead: everything before the first letter, on one line.
_LEAD = re.compile(r"(?:[\d_]|[^\w\n]){0,30}(?=[^\W\d_])")
# A slot word: a letter first, then letters, digits, `_`, `-`, apostrophes; a short capitalised
# abbreviation may keep its full stop (`Mr.`, `Dr.`) when another word follows.
# A quote mark or slash between letters stays inside a word (`עו"ד`, `ዶ/ር`: abbreviated titles).
_WORD = rf"[^\W\d_](?:[\w'’{_MARKS}-]|[\"״/](?=[^\W\d_]))*"
# An initial inside the name is no separator (`Kultūras ministre L. Jo-Li.`): a lone letter's full
# stop before a blank and the next word stays in the slot.
_INITIAL = r"(?:[^\W\d_]\.[ \t](?=[^\W\d_]))?"
_SLOT = re.compile(rf"(?:[^\W\d_]{{1,3}}\.[ \t](?=[^\W\d_]))?{_WORD}(?:[ \t]{_INITIAL}{_WORD}){{0,{_SLOT_WORDS - 1}}}")
# A number closing an inline slot (`Speaker 2:`, `Participant 12 –`): a voice the captioner numbered.
_NUMBER = re.compile(r"[ \t]\d{1,3}(?=[ \t]*[^\w\s])")
# A spacing mark closing a slot's last word, then a blank and speech: a script's own colon glued
# to the label (the Bengali visarga `ঃ`), when every label of the file ends with it.
_GLUED = re.compile(rf"(?P<sep>[{_MARKS}])(?=[ \t])")
# An apposition between the slot and its separator: `Grace Wambui (KIXP):`, `Ana Ruiz, Minister. –`.
_APPOSITION = re.compile(r"[ \t]*\([^()\n]{1,60}\)|,[ \t][^,:;.()\n]{1,60}")
# After a titled name (`M. Jo Li`, `Dr. Ana Ruiz`), an office in up to three comma pieces
# (`M. Jo Li, secretary of State to the Prime Minister, for digital affairs.`).
_OFFICE = re.compile(r",[ \t][^,:;.()\n]{1,60}(?:,[ \t][^,:;.()\n]{1,60}){1,2}")
# A time stamp in square brackets between a label and its separator.
_LABEL_STAMP = re.compile(r"[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\](?=[ \t]*[^\w\s])")
# The same stamp inside a card, wherever it stands (`(Sp) [10:02:40]`).
_CARD_STAMP = re.compile(r"[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\]")
# A separator after the slot, then speech on the same line.
# Any punctuation mark (one or two) is a separator: the file's regularity says which one.
_SEPARATOR = re.compile(r"[ \t]*(?P<sep>[^\w\s]{1,3})[ \t]+(?=\S)|\t+(?=\S)|[ \t]{3,}(?=\S)")
# A time stamp between the separator and the speech (`[Jo Li] [5:52 PM] Hello`, `Jo Li: (10:02) Hi`):
# the chat's clock, not the first words of the speech.
_STAMP = re.compile(r"[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\])]?[ \t]+(?=\S)")
_LETTER = re.compile(r"[^\W\d_]")
# A label line's closing colon, nothing after it: the speech is on the line below.
_LABEL_END = re.compile(r"[ \t]*(?P<sep>[:：])[ \t]*$")
# A label inside a line's speech (`Jo Li: we had…`): a name of up to three words and a colon
# (capitalised: `_inner_label`).
_INNER = re.compile(rf"(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,2}}):[ \t]+(?=\S)")
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"[ \t]+")
_TAIL_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
# A word of speech: two letters at least (a queue request `q+` has none: see `_voiced`).
_WORDLIKE = re.compile(r"[^\W\d_]{2}")
# A sentence closed anywhere in a line (`laughs). No,`), not a file name's dot (`FG2.mp3`).
# A coded token: a date or time (`2013-10-24`, `28/09`), a file name (`fg2.mp3`), an address (`://`).
_CODED = re.compile(r"\d[-_./:]\d|\w\.[a-z][a-z\d]{1,3}\b|://")
# A time stamp closing a line (`[00:02:05]`, `#00:00:27-6#`, `(12:04)`).
_END_STAMP = re.compile(r"[ \t]*[\[(#]?\d{1,2}(?:[:.]\d{2}){1,2}(?:[-.]\d+)?[\])#]?[ \t]*$")
_SENTENCE_END = re.compile(r"[.!?…。？！][\W]*(?:\s|$)")
# A stage note opening the speech: a bracket of words (`(Speaking Spanish)`, `[Inaudible]`).
_NOTE = re.compile(r"[(\[][^\W\d_][^()\[\]\n]{0,60}[)\]]")


@dataclass(frozen=True)
class Template:
    """A learned speaker-marking template: `lead` shape, and `sep` (speech on the line, after the
    separator) or `tail` (a head line; speech on the lines below). `literal`: a lower-case word
    every slot value ends with, part of the template (`says`), not of the name."""

    lead: str
    sep: str | None
    tail: str | None
    literal: str | None = None


@dataclass(frozen=True)
class _Reading:
    """One line read against a template: its start, the slot's value, where speech starts (the
    line's end for a head), the speech on the line (empty for a head), and the card written
    between the slot and its separator (`(KIXP)`, `, Minister`; empty when none): the value is
    what recurs, the label keeps the card, so `Moderator (Jo Li, ISOC)` names Jo Li."""

    at: int
    value: str
    body: int
    speech: str
    card: str = ""

    @property
    def label(self) -> str:
        """The label as written: the slot's value and its card (`Grace Wambui (KIXP)`)."""
        if not self.card:
            return self.value
        return f"{self.value}{self.card}" if self.card.startswith(",") else f"{self.value} {self.card}"


def _shape(text: str) -> str:
    """A lead as a shape (digit runs `9`, blank runs one space), so `01  ` and `12  ` are one lead."""
    return _BLANKS.sub(" ", _DIGITS.sub("9", text))


def _tail_shape(tail: str) -> str:
    """A head's tail as a shape: lower-case words kept (`says`, `points`, `ago`), other words as
    `W`, digit runs as `9`, punctuation kept."""
    out = []
    for token in _TAIL_TOKEN.findall(tail):
        if token.isdigit():
            out.append("9")
        elif token[0].isalpha():
            out.append(token if token.islower() else "W")
        else:
            out.append(token)
    return " ".join(out)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def _readings(at: int, line: str, below: str = "") -> Iterator[tuple[Template, _Reading]]:
    """Every template reading of one line: the inline one (slot, separator, speech; or a label
    line `>> JO LI:` with the speech on the line `below`, the same template as `>> JO LI: Hi`)
    and the head one (slot and a short tail alone on the line)."""
    lead = _LEAD.match(line)
    if lead is None:
        return
    slot = _SLOT.match(line, lead.end())
    if slot is None:
        return
    value = slot.group().strip()
    rest = line[slot.end() :]
    shape = _shape(lead.group())
    sep = _inline_separator(line, slot.end())
    if sep is not None and _numbered_stop(line, sep):
        sep = None
    if sep is not None:
        number = _NUMBER.match(line, slot.end())
        value += number.group() if number else ""
        key = (sep.group("sep") or "\t").strip() or " "
        stamp = _STAMP.match(line, sep.end())
        body = stamp.end() if stamp else sep.end()
        card = _card(line[number.end() if number else slot.end() : sep.start()])
        yield Template(shape, key, None), _Reading(at, value, at + body, line[body:].strip(), card)
    elif below.strip() and not _tail_words(value) and (ended := _label_end(line, slot.end())) is not None:
        number = _NUMBER.match(line, slot.end())
        value += number.group() if number else ""
        label, close = ended
        card = _card(line[number.end() if number else slot.end() : close])
        yield Template(shape, label, None), _Reading(at, value, at + len(line) + 1, below.strip(), card)
    seen: set[str] = set()  # one reading a line for each mark: its first place
    for glued in _GLUED.finditer(line, slot.start(), slot.end() + 1):
        if glued.group("sep") in seen:
            continue
        seen.add(glued.group("sep"))
        # a mark closing a slot word (at most `_SLOT_WORDS`) as its colon (Bengali `সঞ্চালকঃ Thank
        # you`): the file's regularity (`_evidence`) says whether one mark closes its labels
        past = _BLANKS.match(line, glued.end())
        speech = past.end() if past else glued.end()
        named = line[slot.start() : glued.start()].strip()
        yield Template(shape, glued.group("sep"), None), _Reading(at, named, at + speech, line[speech:].strip())
    if len(line.strip()) <= _HEAD_CHARS and not re.search(r"[.!?]\s*$", rest):
        # the line's end: `says :`, `9 W` (a date), `hours ago`
        ending = _tail_shape(line[slot.start() :]).split(" ")[-2:]
        words = value.split(" ")
        while len(words) > 1 and words[-1] in ending:  # `arv_mumbai says:`: the tail's word is no name
            words.pop()
        yield Template("", None, " ".join(ending)), _Reading(at, " ".join(words), at + len(line) + 1, "")


def _inline_separator(line: str, end: int) -> re.Match[str] | None:
    """The separator after a slot ending at `end`, past a numbered voice's number (`Speaker 2:`)
    or an apposition (`Grace Wambui (KIXP):`, `Ana Ruiz, Minister. –`) when one stands there."""
    number = _NUMBER.match(line, end)
    if number is not None:
        end = number.end()
    first = _LETTER_WORD.search(line, 0, end)  # the slot's first word, with its full stop (`M.`, `Dr.`)
    titled = first is not None and is_title(
        line[first.start() : first.end()] + line[first.end() : first.end() + 1].strip(" \t")
    )
    for apposition in (_OFFICE, _APPOSITION) if titled else (_APPOSITION,):
        after = apposition.match(line, end)
        sep = _SEPARATOR.match(line, _past_stamp(line, after.end())) if after is not None else None
        if sep is not None:
            return sep
    return _SEPARATOR.match(line, _past_stamp(line, end))


def _numbered_stop(line: str, sep: re.Match[str]) -> bool:
    """Whether a full stop read as a separator closes an abbreviation before a number (`Seduta n.
    398`, `Item No. 5`, `Art. 12`): a number, not speech, follows it (a clock is a chat's stamp)."""
    return sep.group("sep") == "." and line[sep.end() : sep.end() + 1].isdigit() and not _STAMP.match(line, sep.end())


def _past_stamp(line: str, at: int) -> int:
    """Where a label goes on after a bracketed time stamp before its separator (`Jo Li (V)
    [11:03:05]: …`, a parliament's minutes): the stamp says when, not who; `at` when none."""
    stamp = _LABEL_STAMP.match(line, at)
    return stamp.end() if stamp is not None else at


def _tail_words(value: str) -> bool:
    """Whether a slot is a name of two or more capitalised words closed by lower-case words
    (`Amara Osei rang in`, `Jo Li wrote`): a head's fixed tail after a full name, read by the
    head template, not a label line. A role or an address opens with one capitalised word before
    its lower-case words (`De voorzitter`, `Head of delegation`): that is the label itself."""
    words = value.split(" ")
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1].islower():
        return False
    named = len(words)
    while named and words[named - 1].islower():
        named -= 1
    return sum(w[:1].isupper() for w in words[:named]) >= 2


def _card(between: str) -> str:
    """The card written between a slot and its separator (`(KIXP)`, `, Minister`), without a
    time stamp (`[11:03:05]`: when, not who); empty when only blanks or a stamp stand there."""
    between = _CARD_STAMP.sub("", between).strip()
    return between if between[:1] in "(," else ""


def _label_end(line: str, end: int) -> tuple[str, int] | None:
    """The colon closing a label line (`>> JO LI:`, `Ana Ruiz (Lagos Hub):`, `De voorzitter:`)
    after a slot ending at `end`, past a number or an apposition, with nothing after it, and
    where it stands; else None."""
    number = _NUMBER.match(line, end)
    end = number.end() if number else end
    after = _APPOSITION.match(line, end)
    for at in (after.end(), end) if after else (end,):
        closing = _LABEL_END.match(line, at)
        if closing is not None:
            return closing.group("sep"), closing.start()
    return None


def _literal(values: list[str]) -> str | None:
    """A lower-case last word all slot values share (`Jo says`, `Ann Li says`), else None."""
    last = {v.rsplit(" ", 1)[-1] for v in values}
    if len(last) == 1 and all(" " in v for v in values):
        word = next(iter(last))
        return word if word.islower() else None
    return None


def _leading_literal(values: list[str]) -> str | None:
    """A lower-case first word all slot values share before a name (`by Jo Li`), else None."""
    first = {v.split(" ", 1)[0] for v in values}
    if len(first) == 1 and all(" " in v for v in values):
        word = next(iter(first))
        return word if word.islower() else None
    return None


def _unled(value: str, lead: str | None) -> str:
    """A slot value without the template's literal first word (`by Jo Li` → `Jo Li`)."""
    return value.split(" ", 1)[1] if lead and " " in value else value


def _strip(value: str, literal: str | None) -> str:
    """A slot value without the template's literal last word (`Jo says` → `Jo`)."""
    return value.rsplit(" ", 1)[0] if literal and " " in value else value


def _evidence(template: Template, found: list[_Reading], nonblank: int, uses: int = 0) -> int:
    """How many lines the template holds with a slot value that comes back; 0 when its evidence
    is weak (too few lines, values that do not recur, speech that does not vary). `uses`: how
    often the template's separator occurs in the whole file (`_label_like`)."""
    n = len(found)
    if n < _LEAST or n < _LINE_SHARE * nonblank:
        return 0
    literal = _literal([r.value for r in found])  # once: it is the template's, not a line's
    values = Counter(_strip(r.value, literal) for r in found)
    recurring = sum(c for c in values.values() if c >= 2)
    if _label_like(template, found, uses):  # a marked label needs no recurring voice: a hall of one-off speakers
        recurring = max(recurring, n // 2)
    elif len(values) > _VALUE_SHARE * n or recurring < _RECUR_SHARE * n:
        return 0
    if len(values) < 2 or max(values.values()) >= _TOP_SHARE * n:  # a conversation's lines are shared
        return 0
    if template.sep is not None:
        speech = [r.speech for r in found]
        if len(set(speech)) < _SPEECH_SHARE * n:
            return 0
        if 2 * sum(bool(_LETTER.search(t)) for t in speech) < n:  # `Name   0:04`: a time, no speech
            return 0
    return recurring


def _label_like(template: Template, found: list[_Reading], uses: int = 0) -> bool:
    """Whether a template's slot is marked as a label beyond doubt, so one-off values are still
    speakers: a colon after it and either a marker before it (`>> `, `- `) or every value in
    capitals (`MS. ANA RUIZ:`), the captioners' two ways of writing a label; or a glued mark
    (`_GLUED`) the file writes mostly there, as its colon (a vowel sign inside words is not)."""
    if template.sep is not None and _GLUED.match(template.sep + " ") is not None:
        return 2 * len({r.at for r in found}) >= uses  # one line, one label
    if template.sep not in (":", "："):
        return False
    marked = any(not ch.isspace() for ch in template.lead) and "9" not in template.lead
    return marked or all(r.value.upper() == r.value for r in found)


def learn_template(text: str) -> tuple[Template, list[_Reading]] | None:
    """The file's speaker-marking template and the lines it reads (see the module doc); None when
    no template has strong evidence."""
    by_template: dict[Template, list[_Reading]] = {}
    nonblank = 0
    lines = list(_lines(text))
    for i, (at, line) in enumerate(lines):
        if not line.strip():
            continue
        nonblank += 1
        for template, reading in _readings(at, line, lines[i + 1][1] if i + 1 < len(lines) else ""):
            by_template.setdefault(template, []).append(reading)
    scores: dict[Template, int] = {}
    for template, found in by_template.items():
        if template.tail is not None:  # a head is followed by speech, not by a blank or a meta line
            found = [r for r in found if not _next_is_blank(text, r) and not meta_line(_line_at(text, r.body))]
            by_template[template] = found
        score = _evidence(template, found, nonblank, text.count(template.sep) if template.sep else 0)
        if score:
            scores[template] = score
    # a head whose next line mostly opens another template's line is a footer above the next
    # record (a forum's `permalink … reply` line), not a speaker's head
    held = {r.at for template in scores for r in by_template[template]}
    for template in [t for t in scores if t.tail is not None]:
        found = by_template[template]
        if 2 * sum(r.body in held for r in found) >= len(found):
            del scores[template]
    if not scores:
        return None
    template = max(scores, key=lambda t: scores[t])
    found = by_template[template]
    literal = _literal([r.value for r in found])
    template = Template(template.lead, template.sep, template.tail, literal)
    return template, found


def _line_at(text: str, at: int) -> str:
    """The line starting at `at` (empty at the text's end)."""
    return text[at : _line_end(text, at)] if at < len(text) else ""


def _next_is_blank(text: str, reading: _Reading) -> bool:
    """Whether a head line has no speech line below it (the file ends or a blank line follows)."""
    end = text.find("\n", reading.body)
    return not text[reading.body : end if end != -1 else len(text)].strip()


def read_template(
    text: str, label_records: Callable[[str], ExportMarks | None] = read_label_records
) -> ExportMarks | None:
    """The turns a file's learned template marks, as an export's marks; without one, the turns
    under its header blocks (`headblocks.py`: the label on a line above the speech) or a quoting
    reply's levels (`quotelevels.py`: quoted lines are earlier writers' turns); else None.
    Mail read by its headers (`mailreader.py`) and a reply chain's messages under their mail
    headers (`mailblocks.py`) come first: the fields
    (`Sent:`, `To:`) recur as a line-opening template would; so do signed blocks (`signatures.py`:
    the name after the speech), whose speech opens with any word (`For Latgalian: our …`).
    `label_records` reads a national record's label lines (`records.read_label_records`; the
    parse passes the reading its rules made already)."""
    # labels no line opening holds: mail read by its headers, a pasted chain's blocks, signed blocks
    stated = read_mail_archive(text) or read_mail_blocks(text) or read_signed_blocks(text)
    if stated is not None:
        return stated
    learned = learn_template(text)
    record = label_records(text)  # a national record's label lines: longer than a template's slot
    if learned is None:
        return record or read_head_blocks(text) or read_quote_levels(text)
    template, found = learned
    if template.sep == ".":
        found = _named_once(found)
        if not found:
            return record or read_head_blocks(text) or read_quote_levels(text)
    if record is not None and _extends(text, record, found):
        return record
    if template.sep is None:
        marks = [Mark(r.at, r.body, _strip(r.value, template.literal)) for r in found]
        return ExportMarks(voice_changes(marks), marks[0].at)
    if all(dated_meta(r.speech) for r in found):  # `by Jo Li - Monday, 3 May 2014, 8:14 PM`: a post's by-line
        lead = _leading_literal([r.value for r in found])
        marks = [Mark(r.at, min(len(text), _line_end(text, r.at) + 1), _unled(r.value, lead)) for r in found]
        return ExportMarks(voice_changes(marks), marks[0].at)
    return ExportMarks(tuple(_voiced(text, _relayed(text, found))), found[0].at)


def _named_once(found: list[_Reading]) -> list[_Reading]:
    """The readings of a template whose separator is a full stop, without the one-off values that
    read as a sentence or a header: a full stop also ends a short answer (`Yes, there too. I
    ask…`: one word before it) and a header's line above the first label that comes back
    (`Chaired by the deputy speaker of the 13. Saeima.`). A one-off value of two words or more
    after the record has begun stays a label (`Several members of group XP. Oh!`)."""
    counts = Counter(r.value for r in found)
    begun = min((r.at for r in found if counts[r.value] >= 2), default=None)
    return [
        r for r in found if counts[r.value] >= 2 or (begun is not None and r.at > begun and len(r.value.split()) >= 2)
    ]


def _extends(text: str, record: ExportMarks, found: list[_Reading]) -> bool:
    """Whether a record's label lines (`records.read_label_records`) start a turn on every line
    the learned template reads, and on more lines: the template's slot held the short labels,
    the record's long office labels (`Sekretarz Stanu w Kancelarii … Jo Li:`) too."""
    lines = {m.at for m in record.marks}
    return len(record.marks) > len(found) and all(r.at in lines for r in found)


def _inner_label(text: str, at: int) -> re.Match[str] | None:
    """A capitalised label opening the speech at `at` (`Jo:`), not a nick addressed (`jo:`)."""
    label = _INNER.match(text, at)
    return label if label is not None and label.group("name")[0].isupper() else None


def _relayed(text: str, found: list[_Reading]) -> list[Mark]:
    """The inline template's marks, a relay's lines read by the names it relays: a slot value
    (a scribe's nick) whose lines mostly open with a label of their own (`<scribe> Jo: we had…`)
    writes down what others say, so each such line is the inner label's turn and the relay's
    lines without one (`... and then`) go on with the turn above. Everyone else's lines are
    their own turns (`<jo> +1`)."""
    inner = {r.at: _inner_label(text, r.body) for r in found}
    lines = Counter(r.value for r in found)
    labelled = Counter(r.value for r in found if inner[r.at])
    relays = {v for v, n in labelled.items() if n >= 2 and n >= _RELAY_SHARE * lines[v]}
    marks = []
    for r in found:
        if r.value not in relays:
            marks.append(Mark(r.at, r.body, r.label))
        elif (label := inner[r.at]) is not None:
            marks.append(Mark(r.at, label.end(), label.group("name")))
    return marks


def _voiced(text: str, marks: list[Mark]) -> list[Mark]:
    """The inline marks that open speech. Not an event line naming its own voice (`<Zakim>
    Zakim has joined #room`: the log's record of a join, a quit, an action) or a line with no
    word (`q+`, a queue request); not the lines of a voice that never speaks (every line a field
    value, `_field_value`: a bot's `logging to https://…`) when it comes back or comes before
    the first voice that comes back and speaks (a header block's `Audio:`, `Date:`, `Present:`
    fields, each once at the top). Such a line opens no turn; it goes on with the turn above."""
    speeches = [text[m.body : _line_end(text, m.body)].strip() for m in marks]
    events = [s.startswith(f"{m.label} ") or not _WORDLIKE.search(s) for m, s in zip(marks, speeches, strict=True)]
    counts = Counter(m.label for m, event in zip(marks, events, strict=True) if not event)
    # the first voice that comes back and speaks (a bot's `logging to http://…` lines do not)
    spoken = {m.label for m, s, e in zip(marks, speeches, events, strict=True) if not e and not _field_value(s)}
    first_voice = next((m.at for m in marks if counts[m.label] >= 2 and m.label in spoken), len(text))
    return [
        m
        for m, s, event in zip(marks, speeches, events, strict=True)
        if not event and (m.label in spoken or not (counts[m.label] >= 2 or m.at < first_voice))
    ]


def _line_end(text: str, at: int) -> int:
    """The offset of the end of the line holding `at` (its newline, or the text's end)."""
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def _field_value(speech: str) -> bool:
    """Whether what follows a label is a header field's value, not speech: no sentence closed in
    it, and a coded token in it (a date, a file name, an address) or mostly capitalised words (a
    title, a list of names): `Audio: FG2_2013-10-24.mp3`, `Present: Ana Ruiz, Jo Li`, a bot's
    `logging to https://…`. A chat's `see you at 5` is speech: a bare number codes nothing."""
    speech = _END_STAMP.sub("", speech)  # `… after the rain [00:02:05]`: the line's time, no value
    if not speech or _SENTENCE_END.search(speech) or _NOTE.match(speech):
        return False  # a sentence, or a stage note (`(Speaking Spanish) …`): what happened, no value
    if _CODED.search(speech):
        return True
    words = _LETTER_WORD.findall(speech)
    return bool(words) and 2 * sum(w[0].isupper() for w in words) > len(words)


def agreeing_bound(lines: list[str], read: list[str], share: float) -> int:
    """At most how many of `lines` (a file's lines) a template can read when it reads at least
    `share` of `read` (the lines the rules start a turn on) as well: cheap, so the learning is
    skipped where no template could both agree with the rules and outnumber them. An inline
    template reads lines of one lead shape, so the rules' lines must share one and the bound is
    the lines of that shape; a head template reads short lines without a closing full stop."""
    if not read:
        return sum(1 for line in lines if line.strip())
    bound = 0
    shapes = Counter(_lead_shape(line) for line in read)
    shape, n = shapes.most_common(1)[0]
    if shape is not None and n >= share * len(read):
        bound = sum(1 for line in lines if line.strip() and _lead_shape(line) == shape)
    if sum(map(_head_like, read)) >= share * len(read):
        bound = max(bound, sum(map(_head_like, lines)))
    return bound


def _lead_shape(line: str) -> str | None:
    """The shape (`_shape`) of what opens a line before its first letter (`>> `, `[12:01] <`):
    the lines one inline template reads all open alike; None when no letter comes within `_LEAD`'s reach."""
    lead = _LEAD.match(line)
    return _shape(lead.group()) if lead else None


def _head_like(line: str) -> bool:
    """Whether a line can be a head (`_readings`): short and not closed by a full stop."""
    return 0 < len(line.strip()) <= _HEAD_CHARS and not re.search(r"[.!?]\s*$", line)
