"""A file of repeating records, its shape learned from the file: the fallback reader of exports.

Every round of unseen files brought an export no reader knew: a meeting client's saved chat
(`14:02:11 From  Jo Li  to  Everyone:` above the message), a messaging group's export
(`27/11/2019, 14:52 - Jo Li: text`, `[12/05/19, 10:02] Jo Li: text`), a chat log
(`[10:02] <Jo Li> text`: the name closed by the bracket the stamp opened), a summary record whose
turns open with `Ms. Jo Li, Ministry of ICT, said:`. They share one shape: a *head* line that
repeats, made of an optional stamp (a date or a time), a short name field between fixed words,
a colon, then the speech on the same line or on the lines below. Rather than one reader per
format, this reader learns that shape from the file:

- the stamp: each line's leading run without letters, written as a signature (digit runs as
  `9`); the longest signature start that most stamped lines share and that holds a date or a
  time is the file's stamp (`9/9/9, 9:9 - `), so a sender written in digits (`+211 92 …`) is
  no part of it;
- the fixed words: of the heads (a stamp, or a line that ends in a colon), a word that opens
  nearly all of them (`From`) is a leading word, and the first word after the name that nearly
  all of them hold (`to`, `said`) ends the name field; a number right after the leading word
  counts the records (a parliament's record numbers its speeches, `Anf. 3 Jo Li (S):`) and is no
  part of the name;
- a head is a line of that shape whose name field is short (up to `_NAME_WORDS` words, no
  sentence end); the shape counts when at least `_LEAST` heads write one, some name recurs
  (a chat's senders, a record's speakers come back) and the heads are a good part of the lines.

A national record (`read_label_records`) has no fixed word: each speech opens with a label line
of a name and a party, a constituency or an office in the record's own order (`LI JO (Greens):`,
`Deputy Speaker Jo Li` alone on a line after a clock time, `16.01 Jo Li kesk: …`). Its evidence
is the labels' repetition: a label that comes back, or one written as a name (half its words
capitalised) that opens the way the recurring ones do; at least `_LEAST` of them, a fifth of the
lines, mostly recurring. Not a field whose values are short and hold no sentence (`Posts: 37`), a
column row (`AP 4 (new)   JL:`) nor a cue file's lines. A label may also stand alone on its line
with neither a clock nor a colon (`Li, Jo, minister of ICT` above the speech): such *bare* lines
are labels when the file shows it, several voices (`_LEAST`) written in the form of the ones that
come back (`_label_form`: each comma part opening with a capital or not), each above a line of
speech; they read a record only as its main way, never beside colon or clock labels.

A shape made of a bare `Name:` alone (no stamp, no fixed word) is the caption rules' business,
not a record. `parse.py` asks this reader only when the caption rules found few turns, so a
transcript the rules read is never read as records. Lines between heads (a continuation, a
group's system line) stay in the turn before them. The file states its turns (`exportmarks.py`):
consecutive records of one sender are one turn.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .exportmarks import ExportMarks, Mark, voice_changes

__all__ = ["RecordShape", "learn_record_shape", "read_label_records", "read_records", "record_heads", "stamped"]

_LEAST = 3
_SHARE = 0.8  # of the heads, the share that must hold a fixed word
_STAMP_SHARE = 0.6  # of the stamped lines, the share that must open with the stamp
_LINE_SHARE = 0.25  # of the non-blank lines, the share that must be heads
_NAME_WORDS = 8
_NAME_CHARS = 80
# A line's leading run without letters (a date, a time, brackets, a dash), up to the first letter;
# a time's AM or PM is part of it (`10:02 AM Jo: …`: else `AM` read as a fixed word every head
# opens with, and the heads after noon had none).
_STAMP_RUN = re.compile(
    r"[ \t]*[^\w\n]*\d[^\n]*?(?=[^\W\d_]|$)(?:(?<=[\d ])[AaPp]\.?[Mm]\.?(?![^\W\d_])[^\n]*?(?=[^\W\d_]|$))?"
)
# Either half of the day, however written (`AM`, `p.m.`): one letter in a stamp's signature.
_MERIDIEM = re.compile(r"[AaPp]\.?[Mm]\.?")
# A stamp holds a time or a date: `9:9`, `9/9/9`, `9-9-9`, `9.9.9`.
_DATED = re.compile(r"9:9|9/9/9|9-9-9|9\.9\.9")
# A colon that ends a head's name part: before a space or the line end.
_COLON = re.compile(r"[ \t]*:(?=[ \t]|$)")
# A stamp ending in an opening bracket (`[10:02] <`, a chat log's `<Jo Li> text`) is closed by
# the name's closing bracket, not by a colon.
_CLOSERS = {"<": re.compile(r"[ \t]*>(?=[ \t]|$)"), "[": re.compile(r"[ \t]*\](?=[ \t]|$)")}


def _separator(stamp: str) -> re.Pattern[str]:
    """What ends the name part after `stamp`: its closing bracket, else a colon."""
    return _CLOSERS.get(stamp.rstrip()[-1:], _COLON)


_WORD = re.compile(r"\S+")
# A record's number after the leading word (`3`, `12.`, `#4`): it counts the records, names nobody.
_RECORD_NUMBER = re.compile(r"#?\d{1,4}[.:]?")
# Verbs written in lower case that make a name field a sentence: a chat client's line about the
# room (`(10:01 AM) The topic is: …`, `Jo Li has changed the topic to: …`), no message.
_VERBS = frozenset(["is", "are", "was", "were", "has", "have", "had", "changed", "set"])
_SENTENCE_END = re.compile(r"[.?!;,][\"'”’)]?$")


@dataclass(frozen=True)
class RecordShape:
    """The head shape learned from a file: the stamp signature (`""`: none), the word that opens
    every head after it (`""`: none) and the word that ends the name field (`""`: the colon)."""

    stamp: str
    lead: str
    stop: str


def _signature(run: str) -> str:
    """A stamp run's shape: digit runs as `9`, AM or PM as `m` (morning and afternoon stamps alike)."""
    return _MERIDIEM.sub("m", re.sub(r"\d+", "9", run))


def _lines(text: str) -> list[tuple[int, str]]:
    """Each non-blank line with its offset, `\r` dropped."""
    found = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            found.append((at, line.rstrip("\r")))
        at += len(line) + 1
    return found


def _stamp_length(line: str, stamp: str) -> int:
    """How many characters of `line` its stamp takes (0: it does not open with `stamp`)."""
    run = _STAMP_RUN.match(line) if stamp else None
    if run is None:
        return 0
    cuts = [i + 1 for i, ch in enumerate(run.group()) if ch in " \t"] + [len(run.group())]
    return next((cut for cut in cuts if _signature(run.group()[:cut]) == stamp), 0)


def _learn_stamp(lines: list[tuple[int, str]]) -> str:
    """The stamp signature most stamped lines open with, ending at a space; "" when none."""
    runs = [_signature(m.group()) for _, line in lines if (m := _STAMP_RUN.match(line))]
    if len(runs) < _LEAST:
        return ""
    counts: Counter[str] = Counter()
    for run in runs:
        cuts = {i + 1 for i, ch in enumerate(run) if ch in " \t"} | {len(run)}
        for cut in cuts:
            counts[run[:cut]] += 1
    good = [s for s, n in counts.items() if n >= _STAMP_SHARE * len(runs) and n >= _LEAST and _DATED.search(s)]
    return max(good, key=len) if good else ""


def _rests(lines: list[tuple[int, str]], stamp: str) -> list[tuple[int, int, str]]:
    """(line offset, offset of the rest, rest) of each line that may be a head: after the stamp
    when the file has one, else a line ending in a colon."""
    found = []
    for at, line in lines:
        if stamp:
            n = _stamp_length(line, stamp)
            if n:
                found.append((at, at + n, line[n:]))
        elif line.rstrip().endswith(":") and not line[:1].isspace():
            found.append((at, at, line))
    return found


def _fixed_words(rests: list[str], separator: re.Pattern[str]) -> tuple[str, str]:
    """The leading word nearly every head opens with and the word after the name nearly every
    head holds (each "" when none)."""
    heads = [r[: m.start()] for r in rests if (m := separator.search(r))]
    if len(heads) < _LEAST:
        return "", ""
    firsts = Counter(h.split()[0] for h in heads if h.split())
    lead = ""
    if firsts:
        word, n = firsts.most_common(1)[0]
        if n >= _SHARE * len(heads) and word[:1].isalpha():
            lead = word
    held: Counter[str] = Counter()
    for head in heads:
        held.update(set(head.split()[1:]))  # the name starts the part (after any leading word)
    stops = [w for w, n in held.items() if n >= _SHARE * len(heads) and w != lead and w.isalpha() and w.islower()]
    stop = max(stops, key=lambda w: held[w]) if stops else ""
    return lead, stop


def _name(part: str, shape: RecordShape) -> str | None:
    """The name field of a head's part before the colon, or None when it is no name field."""
    words = part.split()
    if shape.lead:
        if not words or words[0] != shape.lead:
            return None
        words = words[1:]
        if _RECORD_NUMBER.fullmatch(words[0] if words else "") and any(c.isalpha() for w in words[1:] for c in w):
            words = words[1:]  # `Anf. 3 Jo Li:`, `Message 12 Jo Li:`: the record's number, no name
            # (`Speaker 1 (00:00:04):` keeps its number: no name follows, the number is the voice)
    if shape.stop:
        if shape.stop not in words:
            return None
        words = words[: words.index(shape.stop)]
    name = " ".join(words)
    if shape.stop:  # "Ms. Jo Li, Ministry of ICT, said:": the comma before the word is no name
        name = name.rstrip(",;")
    if not name or len(words) > _NAME_WORDS or len(name) > _NAME_CHARS or _SENTENCE_END.search(name):
        return None
    if any(word in _VERBS for word in words):
        return None  # a client's line about the room (`The topic is: …`) is a sentence, no sender
    return name


def _last_word(label: str) -> str:
    """The last word of a label's name part (before a comma or a bracket), case folded."""
    words = re.split(r"[,(\[]", label, maxsplit=1)[0].split()
    return words[-1].casefold() if words else ""


def learn_record_shape(text: str) -> RecordShape | None:
    """The record shape of `text` (see the module doc), or None when it has none."""
    return _learn(_lines(text))


def _learn(lines: list[tuple[int, str]]) -> RecordShape | None:
    """`learn_record_shape` of the non-blank lines of a text."""
    if len(lines) < _LEAST:
        return None
    stamp = _learn_stamp(lines)
    rests = _rests(lines, stamp)
    lead, stop = _fixed_words([r for _, _, r in rests], _separator(stamp))
    if not (stamp or lead or stop):
        return None  # a bare `Name:` line is the caption rules' label, not a record
    return RecordShape(stamp, lead, stop)


# A chat log's nick after the stamp, in angle brackets, perhaps after the user's mode character
# (`10:02 <@ws12_remote> text`, `10:04 < kwaku77> text`): the mode is no part of the name.
_NICK = re.compile(r"<[ @+%&~!]?([^\s<>]{1,40})>(?=[ \t]|$)")


def _nick_heads(rests: list[tuple[int, int, str]]) -> list[Mark]:
    """A mark for each stamped line opening with a bracketed nick (its speech after the bracket)."""
    marks = []
    for at, rest_at, rest in rests:
        nick = _NICK.match(rest)
        if nick is not None:
            body = rest_at + nick.end()
            body += len(rest[nick.end() :]) - len(rest[nick.end() :].lstrip(" \t"))
            marks.append(Mark(at, body, nick.group(1)))
    return marks


def _heads(text: str, lines: list[tuple[int, str]], shape: RecordShape) -> list[Mark]:
    """A mark for each head of `shape` among the `lines` of `text`: at the line, its speech after
    the colon (or on the line below), its label the name field. In a chat log whose stamped lines
    open with a bracketed nick, those are the heads, and the client's other stamped lines (a join,
    a quit, a mode change) stay in the turn before."""
    marks = []
    separator = _separator(shape.stamp)
    rests = _rests(lines, shape.stamp)
    if shape.stamp and not shape.lead and not shape.stop:
        nicks = _nick_heads(rests)
        if len(nicks) >= _LEAST and 2 * len(nicks) >= len(rests):
            return nicks
    for at, rest_at, rest in rests:
        colon = separator.search(rest)
        if colon is None:
            continue
        name = _name(rest[: colon.start()], shape)
        if name is None:
            continue
        body = rest_at + colon.end()
        while body < len(text) and text[body] in " \t\r":
            body += 1
        if body < len(text) and text[body] == "\n":
            body += 1
        marks.append(Mark(at, body, name))
    if shape.stamp:
        marks = sorted(marks + _unstamped_heads(text, lines, shape, marks), key=lambda m: m.at)
    return marks


def _unstamped_heads(text: str, lines: list[tuple[int, str]], shape: RecordShape, heads: list[Mark]) -> list[Mark]:
    """Heads written without the stamp: a web-mail chat writes the time only above the first
    message of a new minute, the others on a line of their own as ` Name: text` (often indented).
    Such a line is a head when its name field is a sender of a stamped head of the file, so a
    continuation line that happens to hold a colon (`Note: …`, `Agenda: …`) stays speech."""
    senders = {m.label for m in heads if m.label}
    starts = {m.at for m in heads}
    unstamped = RecordShape("", shape.lead, shape.stop)
    marks = []
    for at, line in lines:
        if at in starts or _stamp_length(line, shape.stamp) or stamped(line):
            continue
        rest = line.lstrip(" \t")
        colon = _COLON.search(rest)
        if colon is None:
            continue
        name = _name(rest[: colon.start()], unstamped)
        if name is None or name not in senders:
            continue
        body = at + len(line) - len(rest) + colon.end()
        while body < len(text) and text[body] in " \t":
            body += 1
        marks.append(Mark(at, body, name))
    return marks


def stamped(line: str) -> bool:
    """Whether `line` opens with a run without letters that holds a date or a time (a record's
    stamp, `14:41:02 `, `[10:02] `)."""
    run = _STAMP_RUN.match(line)
    return run is not None and _DATED.search(_signature(run.group())) is not None


def record_heads(text: str, span: tuple[int, int]) -> tuple[RecordShape, list[Mark]] | None:
    """The record shape learned from the lines of `text` in `span` alone, with its heads there
    (a chat block saved below a caption transcript); None when those lines hold no shape."""
    lines = [(at, line) for at, line in _lines(text) if span[0] <= at < span[1]]
    shape = _learn(lines)
    return None if shape is None else (shape, _heads(text, lines, shape))


def read_records(text: str) -> ExportMarks | None:
    """The turns of a file of repeating records (see the module doc); None for any other text."""
    lines = _lines(text)
    shape = _learn(lines)
    if shape is None:
        return None
    marks = _heads(text, lines, shape)
    if len(marks) < _LEAST or len(marks) < _LINE_SHARE * len(lines):
        return None
    # some name comes back (its last word: `Mr. Li` after `Mr. Jo Li, Ministry of ICT`)
    names = Counter(_last_word(m.label or "") for m in marks)
    if max(names.values()) < 2:
        return None  # no sender comes back: a list of headed paragraphs, not a conversation
    return ExportMarks(voice_changes(marks), marks[0].at)


# A national record's label line (`read_label_records`): what opens it, a clock time (`16.01 `, `14:37 `,
# `[10:02] `), the record's time of the speech, no part of the label.
_CLOCK = re.compile(r"[ \t]*[\[(]?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[\])]?[ \t]+(?=[^\W\d_])")
# A label's colon: before blanks and speech, or closing the line.
_LABEL_COLON = re.compile(r"[ \t]*:(?:[ \t]+(?=\S)|[ \t]*$)")
_LABEL_WORDS = 14  # outside brackets
_LABEL_CHARS = 160
_LABEL_SHARE = 0.2  # of the non-blank lines, the share a record's label lines must be
# A sentence closed in a line's speech (a full stop, a question, an exclamation; not `4.5`).
_SENTENCE_CLOSED = re.compile(r"[.!?…](?!\d)")
# A word written as a name is: a capital first (an abbreviated title's full stop allowed).
_CAPITALISED = re.compile(r"[(\[]?[^\W\d_a-z]")
# A sentence closed inside a label: `!`, `?`, `;` anywhere, a full stop after a word of five
# letters or more (`DR.`, `Sr.`, `Mr.` are titles; `hlučno.` closes a sentence).
_LABEL_SENTENCE = re.compile(r"[!?;…]|[^\W\d_]{5,}\.(?:\s|$)|\.\s+\S+\.")


@dataclass(frozen=True)
class _LabelLine:
    """A line read as a record's label line: where it starts, its speech, its label, whether a
    clock opens it."""

    at: int
    body: int
    label: str
    clocked: bool
    speech: str | None = None  # the speech on the label's line; None for a label alone on it
    bare: bool = False  # alone on its line with neither a clock nor a colon (`_bare_labels`)


def _label_key(label: str) -> str:
    """What recurs of a label: its words before a card (a bracket, a comma), case folded."""
    return " ".join(re.split(r"[,(\[]", label, maxsplit=1)[0].split()).casefold()


def _named(label: str) -> bool:
    """Whether a label may be a record's: a capital first, no colon, its brackets closed, no
    sentence closed inside, no column gap, at most `_LABEL_WORDS` words outside brackets
    (`Minister of State at the Department … (Deputy Jo Li)`)."""
    if not label or not label[0].isupper() or len(label) > _LABEL_CHARS or ":" in label:
        return False
    if label.count("(") != label.count(")") or label.count("[") != label.count("]") or _LABEL_SENTENCE.search(label):
        return False
    if re.search(r"\S[ \t]{2,}\S", label):
        return False  # columns (`AP 14 (CO)   RH`: an item, its status, who), no label written as one phrase
    return len(_BRACKETED.sub(" ", label).split()) <= _LABEL_WORDS  # a holder in brackets is no more office


# A bracketed part of a label (a party, a holder, a mode); a clock time in brackets inside it
# (`Jo Li [11:09:40]:`, `Jo Li (00:00:41):`): when, not who, no part of the label.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_LABEL_CLOCK = re.compile(r"[ \t]*[\[(]\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?[\])]")
# A subtitle cue's timing line: a cue file is read by its cues (`cues.py`), never as a record.
_CUE_TIMING = re.compile(r"^[ \t]*[\d:.,]+[ \t]+-->[ \t]+[\d:.,]+", re.MULTILINE)


def _written_as_name(label: str) -> bool:
    """Whether at least half the words of a label before its card open with a capital (`Liina
    Pärnaste-Ibekwe`, `Sekretarz Stanu w Kancelarii … Ziemczonek`), two at least, or it is a
    numbered voice (`Speaker 2`): a label that does not come back must look a name."""
    words = re.split(r"[,(\[]", label, maxsplit=1)[0].split()
    if len(words) == 2 and _CAPITALISED.match(words[0]) and words[1].isdigit():
        return True  # a numbered voice: `Speaker 2`, `Participant 12`
    capitals = sum(bool(_CAPITALISED.match(w)) for w in words)
    return capitals >= 2 and 2 * capitals >= len(words)


def _label_line(at: int, line: str, below: str) -> _LabelLine | None:
    """`line` read as a label line: `[clock] Label: speech`, `[clock] Label:` above its speech,
    or `clock Label` alone above its speech (a clock must open a label with no colon)."""
    clock = _CLOCK.match(line)
    start = clock.end() if clock else len(line) - len(line.lstrip(" \t"))
    rest = line[start:]
    colon = _LABEL_COLON.search(rest)
    if colon is not None and colon.start() > 0:
        label = _LABEL_CLOCK.sub("", rest[: colon.start()]).strip()
        if not _named(label):
            return None
        if colon.end() >= len(rest.rstrip()):  # the speech on the lines below
            return _LabelLine(at, at + len(line) + 1, label, clock is not None)
        body = at + start + rest.index(":", colon.start()) + 1  # the separator's own dash (`: — `) is `build_turns`'
        return _LabelLine(at, body, label, clock is not None, rest[colon.end() :].strip())
    if clock is None or not below.strip():
        return None
    label = rest.strip()
    if not _named(label) or not _written_as_name(label):
        return None
    return _LabelLine(at, at + len(line) + 1, label, True)


def _field_keys(found: list[_LabelLine]) -> set[str]:
    """The labels that head a field, not speech: no line of theirs holds a sentence
    (`Joined: 16 Oct 2006`, `Posts: 37`, a mail's `Subject: RE: your letter`), as a member's
    speech does."""
    values: dict[str, list[str | None]] = {}
    for r in found:
        values.setdefault(_label_key(r.label), []).append(r.speech)
    return {key for key, said in values.items() if all(v is not None and not _SENTENCE_CLOSED.search(v) for v in said)}


def _label_record_lines(lines: list[tuple[int, str]]) -> list[_LabelLine]:
    """The label lines of a record (`read_label_records`): every line read as one whose label
    comes back in the file, or that is written as a name (`_written_as_name`) and opens the way
    the recurring ones do (with a clock or without); and the bare label lines the file's own
    repetition shows (`_bare_labels`)."""
    found = []
    bare = []
    for i, (at, line) in enumerate(lines):
        below = lines[i + 1][1] if i + 1 < len(lines) else ""
        read = _label_line(at, line, below)
        if read is not None:
            found.append(read)
        elif (alone := _bare_label(lines, i)) is not None:
            bare.append(alone)
    fields = _field_keys(found)
    found = [r for r in found if _label_key(r.label) not in fields]
    keys = Counter(_label_key(r.label) for r in found)
    recurring = [r for r in found if keys[_label_key(r.label)] >= 2]
    ways = {r.clocked for r in recurring}
    found = [r for r in found if keys[_label_key(r.label)] >= 2 or (r.clocked in ways and _written_as_name(r.label))]
    bare = _bare_labels(bare)
    if len(bare) < len(found):  # bare lines read a record only as its main way, never beside another
        return found
    return sorted(found + bare, key=lambda r: r.at)


# A bare label's end that is a sentence's or a wrapped phrase's: a comma, a dash, a joining word.
_OPEN_END = re.compile(r"[,;:\-–—/&]\s*$")


def _bare_label(lines: list[tuple[int, str]], i: int) -> _LabelLine | None:
    """Line `i` read as a label alone on its line with no clock and no colon (`Li, Jo, minister
    of ICT` above the speech): a name-like label (`_named`, `_bare_named`) not opening with blanks,
    ending open or closing a sentence, above a line of speech that is longer than it or closes a
    sentence. The line above is not asked: a record's untidy header may stand right above its
    first label (`_bare_labels` asks the file's repetition instead)."""
    at, line = lines[i]
    label = line.strip()
    if line[:1].isspace() or i + 1 >= len(lines) or not _named(label) or _OPEN_END.search(label):
        return None
    if _LABEL_SENTENCE.search(label) or label.endswith(".") or not _bare_named(label):
        return None
    below = lines[i + 1][1].strip()
    if not (_SENTENCE_CLOSED.search(below) or len(below) > len(label)):
        return None
    return _LabelLine(at, lines[i + 1][0], label, False, bare=True)


def _bare_named(label: str) -> bool:
    """Whether a bare label's name part (its first two comma parts: `Li, Jo`) is written as a
    name: every word holds a letter (no `Reply ↓`, no `→`) and at least half open with a capital
    (`Questions from the floor` is a heading)."""
    words = " ".join(_BRACKETED.sub(" ", label).split(",")[:2]).split()
    capitals = sum(bool(_CAPITALISED.match(w)) for w in words)
    return bool(words) and all(any(ch.isalpha() for ch in w) for w in words) and 2 * capitals >= len(words)


def _label_form(label: str) -> tuple[str, ...]:
    """A bare label's form: for each comma part, whether it opens with a capital (`A`) or not
    (`a`), brackets as `()`: `Li, Jo, minister of ICT` is `(A, A, a)`."""
    form = []
    for part in _BRACKETED.sub(" () ", label).split(","):
        words = part.split()
        form.append("" if not words else "()" if words[0] == "()" else "A" if _CAPITALISED.match(words[0]) else "a")
    return tuple(form)


def _bare_labels(found: list[_LabelLine]) -> list[_LabelLine]:
    """The bare label lines that a file's repetition shows to be its labels: of the forms
    (`_label_form`) of those whose label comes back, the lines written in one of them; kept when
    at least `_LEAST` voices are written so (a record has speakers; a page footer, a heading that
    recurs are one or two) and a name comes back among them."""
    keys = Counter(_label_key(r.label) for r in found)
    forms = {_label_form(r.label) for r in found if keys[_label_key(r.label)] >= 2}
    kept = [r for r in found if _label_form(r.label) in forms]
    voices = {_label_key(r.label) for r in kept}
    return kept if len(kept) >= _LEAST and len(voices) >= _LEAST else []


def read_label_records(text: str, lines: list[tuple[int, str]] | None = None) -> ExportMarks | None:
    """The turns of a national record read from its own repetition: each speech opens with a
    label line, a name, a party, a constituency or an office in a fixed order, perhaps after a
    clock time (`16.01 Jo Li kesk: …`, `14:37 Aseesimees Jo Li` above its speech, `LI JO
    (független): …`), and the labels come back as the members take the floor again. A file whose
    label lines are at least `_LEAST`, a good part of its lines, with labels of at least two
    voices and mostly recurring, is read by them; else None."""
    lines = _lines(text) if lines is None else lines
    if len(_CUE_TIMING.findall(text)) >= _LEAST:
        return None
    heads = _label_record_lines(lines)
    if len(heads) < _LEAST or len(heads) < _LABEL_SHARE * len(lines):
        return None
    keys = Counter(_label_key(r.label) for r in heads)
    if len(keys) < 2 or 2 * sum(n for n in keys.values() if n >= 2) < len(heads):
        return None
    marks = [Mark(r.at, r.body, r.label) for r in heads]
    return ExportMarks(voice_changes(marks), marks[0].at)
