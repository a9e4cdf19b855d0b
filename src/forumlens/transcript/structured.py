"""Structured exports (JSON, XML) read by their schema, whatever the file is called.

Speech-recognition jobs, annotation tools and meeting platforms save a transcript as data: a
JSON list of segments (`{"transcript": "…", "speaker_label": "spk_1", …}`), an XML file of
repeated elements (`<Turn speaker="spk2">…</Turn>`, the ids named in a `<Speakers>` list). Such
files are saved as `.txt` as often as not, so the content says what the file is. Rather than one
reader per tool, the schema is learned from the file:

- it is parsed with the standard library (`json` string scanning, `pyexpat`), keeping where each
  string or character run starts in the ORIGINAL text, so a turn's line is the line its speech
  starts on and its text an exact slice of the file;
- the record is the repeated thing (a list of objects, JSON lines, elements of one tag holding
  text) with a long varying text field (the speech) and a short field that varies over a small
  set (the speaker: a key, an attribute, a leaf child's text); an attribute whose values are ids
  of other elements that carry a `name` gives that name as the label. An element's speech is a
  leaf child holding most of its text (`<text>`), else all the text inside it (`<p><span>…`, a
  `<Turn>` between `<Sync/>` marks);
- consecutive records of one speaker are one turn (`exportmarks.voice_changes`); fields other
  than the speech (times, ids, word lists) are never speech (`ExportMarks.speech`).

Hostile input fails safe: a file over `_MAX_CHARS`, nested deeper than `_MAX_DEPTH` or declaring
entities (the "billion laughs" expansion) is not read as records here (None), so the caption
rules see it as text; nothing is expanded, nothing fetched, nothing hangs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from json import decoder as _decoder
from typing import Any

from .exportmarks import ExportMarks, Mark, voice_changes

__all__ = ["Field", "Record", "StructureRefused", "read_structured", "record_marks", "speech_field"]

# The standard library's JSON string scanner (C-accelerated): the value and the offset after it.
scanstring: Callable[[str, int], tuple[str, int]] = _decoder.scanstring  # type: ignore[attr-defined]

_MAX_CHARS = 20_000_000
_MAX_DEPTH = 64
_LEAST = 3  # records
_FIELD_SHARE = 0.8  # of the records, the share that must hold a field
_LABEL_CHARS = 80
# A field whose name says it names the voice: preferred when several short fields vary.
_VOICE_NAME = re.compile(
    r"speaker|spk|voice|who|name|author|sender|agent|participant|person|^from$|^by$"
    r"|sprecher|redner|orat|interv|locut|hablante|falante|nom\b|nombre",  # German, French, Spanish, Portuguese
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")
_SPACE = " \t\r\n"


class StructureRefused(ValueError):
    """A structured file this reader will not read (too big, too deep, entity declarations)."""


@dataclass(frozen=True)
class Field:
    """A string value and the (start, end) span of its content in the source text."""

    value: str
    start: int
    end: int


@dataclass
class Record:
    """One record: its string fields (a JSON object's keys, an element's attributes) and the
    source spans of its text (an element's character runs; a JSON record names its text field)."""

    fields: dict[str, Field]
    spans: list[tuple[int, int]] = field(default_factory=list)


def read_structured(text: str) -> ExportMarks | None:
    """The turns of a JSON or XML transcript export (see the module doc); None for other text."""
    head = text.lstrip("\ufeff" + _SPACE)[:1]
    if head not in ("{", "[", "<") or len(text) > _MAX_CHARS:
        return None
    try:
        if head == "<":
            return _xml_marks(text)
        return _json_marks(text)
    except (StructureRefused, ValueError, RecursionError):
        return None


# --- JSON ---------------------------------------------------------------------------------------


def _json_value(text: str, i: int, depth: int) -> tuple[Any, int]:
    """The JSON value at `text[i:]` (strings as `Field`, objects as dicts, arrays as lists, other
    scalars as None) and the offset after it."""
    if depth > _MAX_DEPTH:
        raise StructureRefused(f"JSON nested deeper than {_MAX_DEPTH} levels")
    i = _skip(text, i)
    ch = text[i : i + 1]
    if ch == '"':
        value, end = scanstring(text, i + 1)
        return Field(value, i + 1, end - 1), end
    if ch == "{":
        obj: dict[str, Any] = {}
        i = _skip(text, i + 1)
        if text[i : i + 1] == "}":
            return obj, i + 1
        while True:
            i = _skip(text, i)
            if text[i : i + 1] != '"':
                raise ValueError(f"JSON key expected at offset {i}")
            key, i = scanstring(text, i + 1)
            i = _skip(text, i)
            if text[i : i + 1] != ":":
                raise ValueError(f"':' expected at offset {i}")
            obj[key], i = _json_value(text, i + 1, depth + 1)
            closed, i = _after_item(text, i, "}")
            if closed:
                return obj, i
    if ch == "[":
        items: list[Any] = []
        i = _skip(text, i + 1)
        if text[i : i + 1] == "]":
            return items, i + 1
        while True:
            item, i = _json_value(text, i, depth + 1)
            items.append(item)
            closed, i = _after_item(text, i, "]")
            if closed:
                return items, i
    m = _SCALAR.match(text, i)
    if m is None:
        raise ValueError(f"JSON value expected at offset {i}")
    return None, m.end()


def _after_item(text: str, i: int, close: str) -> tuple[bool, int]:
    """After a member or an item: (True, the offset after `close`) at the container's end, else
    (False, the offset after the comma)."""
    i = _skip(text, i)
    if text[i : i + 1] == close:
        return True, i + 1
    if text[i : i + 1] != ",":
        raise ValueError(f"',' or '{close}' expected at offset {i}")
    return False, i + 1


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACE:
        i += 1
    return i


def _json_lists(node: Any) -> list[list[dict[str, Any]]]:
    """Every list of objects in the tree (the tree is at most `_MAX_DEPTH` deep)."""
    found: list[list[dict[str, Any]]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            objects = [x for x in item if isinstance(x, dict)]
            if len(objects) >= _LEAST:
                found.append(objects)
            stack.extend(item)
    return found


def _json_marks(text: str) -> ExportMarks | None:
    """The turns of a JSON export: the list of objects with the most speech (see the module doc)."""
    tree, end = _json_value(text, text.find(text.lstrip("\ufeff" + _SPACE)[:1]), 0)
    if text[end:].strip():  # JSON lines: one object a line, the lines the list of records
        lines = [tree]
        while (end := _skip(text, end)) < len(text):
            item, end = _json_value(text, end, 0)
            lines.append(item)
        if not all(isinstance(item, dict) for item in lines):
            return None  # a log of mixed values, not records
        tree = lines
    best: ExportMarks | None = None
    best_size = 0
    for objects in _json_lists(tree):
        records = [Record(_flat(o)) for o in objects]
        speech = speech_field(records)
        if speech is None:
            continue
        for r in records:
            if speech in r.fields and r.fields[speech].value.strip():
                r.spans = [(r.fields[speech].start, r.fields[speech].end)]
        found = record_marks(text, records, exclude=speech)
        size = sum(e - s for r in records for s, e in r.spans)
        if found is not None and size > best_size:
            best, best_size = found, size
    return best


def _flat(obj: dict[str, Any]) -> dict[str, Field]:
    """An object's string fields, those of an object inside it too (`"speaker": {"name": …}` is
    `speaker.name`)."""
    fields = {}
    for key, value in obj.items():
        if isinstance(value, Field):
            fields[key] = value
        elif isinstance(value, dict):
            fields.update({f"{key}.{k}": v for k, v in value.items() if isinstance(v, Field)})
    return fields


def speech_field(records: list[Record]) -> str | None:
    """The field that holds the speech: in most records, mostly distinct, holding spaces, the
    longest on average."""
    counts = Counter(k for r in records for k in r.fields)
    best, best_len = None, 0.0
    for key, n in counts.items():
        if n < _FIELD_SHARE * len(records):
            continue
        values = [r.fields[key].value for r in records if key in r.fields]
        spaced = sum(" " in v.strip() for v in values)
        mean = sum(len(v) for v in values) / len(values)
        if spaced * 2 >= len(values) and len(set(values)) * 2 > len(values) and mean > best_len:
            best, best_len = key, mean
    return best


# --- XML ----------------------------------------------------------------------------------------


class _Offsets:
    """Byte offsets of the UTF-8 encoding of a text turned into character offsets."""

    def __init__(self, text: str, data: bytes) -> None:
        self.ascii = len(data) == len(text)
        self.data = data
        self.byte_lines = [0] + [m.end() for m in re.finditer(rb"\n", data)]
        self.char_lines = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def char(self, at: int) -> int:
        if self.ascii:
            return at
        line = bisect_right(self.byte_lines, at) - 1
        start = self.byte_lines[line]
        return self.char_lines[line] + len(self.data[start:at].decode("utf-8", errors="ignore"))


@dataclass
class _Element:
    """An element while parsing: its own character runs (byte offsets) and text, whether it has
    child elements, and its leaf children's text by tag (value, character spans)."""

    tag: str
    attrs: dict[str, str]
    runs: list[tuple[int, int]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    parent: bool = False
    leaves: dict[str, tuple[list[str], list[tuple[int, int]]]] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)  # own text, character offsets
    deep: list[tuple[int, int]] = field(default_factory=list)  # its own and its descendants' text
    named: str = ""  # the text of its first name element (`<persName>`), its own or a descendant's


_OWN_TEXT = "#text"  # the field of an element's own text (beside its attributes and leaf children)


def _xml_marks(text: str) -> ExportMarks | None:
    """The turns of an XML export: the repeated element holding speech (see the module doc)."""
    import pyexpat  # only for a file that opens with `<`

    data = text.lstrip("\ufeff").encode("utf-8")
    shift = len(text) - len(text.lstrip("\ufeff"))
    parser = pyexpat.ParserCreate(encoding="UTF-8")
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_Element] = []
    done: list[_Element] = []
    run_start: list[int] = []  # the open character run, its byte offset
    offsets = _Offsets(text.lstrip("\ufeff"), data)

    def close_run() -> None:
        if run_start and stack:
            stack[-1].runs.append((run_start[0], parser.CurrentByteIndex))
        run_start.clear()

    def start(tag: str, attrs: dict[str, str]) -> None:
        close_run()
        if len(stack) >= _MAX_DEPTH:
            raise StructureRefused(f"XML nested deeper than {_MAX_DEPTH} elements")
        if stack:
            stack[-1].parent = True
        stack.append(_Element(tag, attrs))

    def end(tag: str) -> None:
        close_run()
        element = stack.pop()
        element.spans = _trimmed(data, element.runs, offsets, shift)
        element.deep = sorted(element.deep + element.spans)
        if _NAME_TAG.search(tag) and element.deep:
            element.named = " ".join(" ".join(text[a:b].split()) for a, b in element.deep)
        if stack:
            stack[-1].deep.extend(element.deep)
            stack[-1].named = stack[-1].named or element.named
        if stack and not element.parent and element.spans:  # a leaf child's text: a field of its parent
            values, spans = stack[-1].leaves.setdefault(tag, ([], []))
            values.append(" ".join("".join(element.text).split()))
            spans.extend(element.spans)
        done.append(element)

    def chars(piece: str) -> None:
        if not run_start:
            run_start.append(parser.CurrentByteIndex)
        if stack:
            stack[-1].text.append(piece)

    def refuse(*_: object) -> None:
        raise StructureRefused("XML declares entities; not expanded")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except pyexpat.ExpatError:
        return None  # not well-formed XML (an HTML page, a caption line opening with `<`)
    ids = {e.attrs[key]: e for e in done for key in _ID_ATTRS if key in e.attrs}
    by_tag: dict[str, list[Record]] = {}
    referenced: dict[str, set[str]] = {}  # per tag, the attributes that name another element's id
    dangling: dict[str, set[str]] = {}  # per tag, the `#id` attributes some of whose ids name nothing
    for element in done:
        fields = {}
        for key, value in element.attrs.items():
            target = ids.get(value[1:] if value.startswith("#") else value)
            name = _element_name(target) if target is not None and target is not element else ""
            if name:
                referenced.setdefault(element.tag, set()).add(key)
            elif value.startswith("#") and target is not None and target is not element:
                referenced.setdefault(element.tag, set()).add(key)  # a listed voice with no name
                name = target.attrs.get("role", "").strip() or value[1:]  # its role ("audience"), else its id
            elif value.startswith("#"):
                dangling.setdefault(element.tag, set()).add(key)
            fields[key] = Field(name or value, 0, 0)
        for tag, (values, spans) in element.leaves.items():
            fields[tag] = Field(" ".join(values), spans[0][0], spans[-1][1])
        if element.deep:
            inner = " ".join(" ".join(text[a:b].split()) for a, b in element.deep)
            fields[_OWN_TEXT] = Field(inner, element.deep[0][0], element.deep[-1][1])
            by_tag.setdefault(element.tag, []).append(Record(fields, list(element.deep)))
    best: ExportMarks | None = None
    best_size = 0
    for tag, records in [*by_tag.items(), *_kindred(by_tag)]:
        # the speech: a leaf child holding it (`<text>`), else all the text inside the element
        # (its own runs and inline children: `<p><span>…</span></p>`, `<Turn>` with `<Sync/>`s)
        speech = speech_field([Record({k: v for k, v in r.fields.items() if k != _OWN_TEXT}) for r in records])
        if speech is not None and 2 * _mean(records, speech) < _mean(records, _OWN_TEXT):
            speech = None  # a short field (a name) beside much more text: the text is the element's
        if speech is None:
            if speech_field([Record({_OWN_TEXT: r.fields[_OWN_TEXT]}) for r in records]) is None:
                continue
            speech = _OWN_TEXT
        else:
            for r in records:
                r.spans = [(r.fields[speech].start, r.fields[speech].end)] if speech in r.fields else []
        tags = tag.split("|")
        found = record_marks(
            text,
            records,
            exclude=speech,
            referenced=set().union(*(referenced.get(t, set()) for t in tags)),
            ids_only=set().union(*(dangling.get(t, set()) for t in tags)),
        )
        size = sum(e - s for r in records for s, e in r.spans)
        if found is not None and size > best_size:
            best, best_size = found, size
    return best


# Attributes that give an element its id, and those that give the name an id stands for: a plain
# `id`, XML's own `xml:id`, a legislative record's `eId` (Akoma Ntoso's `<TLCPerson eId=…
# showAs=…/>`), so that `<speech by="#chair">` reads the person the reference list names.
_ID_ATTRS = ("id", "xml:id", "eId")
_NAME_ATTRS = ("name", "showAs", "label")


# A name element, with or without a namespace: TEI's `<persName>`, `<name>`, `<fullName>`.
_NAME_TAG = re.compile(r"(?:^|[:}])(?:pers)?(?:full)?name$", re.IGNORECASE)


def _element_name(element: _Element) -> str:
    """The name an element gives whatever refers to it by id ('' when it gives none): a name
    attribute (`showAs`), else the text of a name element inside it (TEI's `<person xml:id="mod">
    <persName><forename>Moza</forename> <surname>…</surname></persName>`)."""
    named = next((element.attrs[k].strip() for k in _NAME_ATTRS if element.attrs.get(k, "").strip()), "")
    return named or (element.named if len(element.named) <= _LABEL_CHARS else "")


def _kindred(by_tag: dict[str, list[Record]]) -> list[tuple[str, list[Record]]]:
    """Records of different tags with the same fields, read as one kind, in document order: a
    debate record writes one turn as `<speech>`, `<question>` or `<answer>`, each with the same
    `by` attribute and `<from>` child, so the turns are all of them, not those of one tag."""
    by_fields: dict[frozenset[str], list[str]] = {}
    for tag, records in by_tag.items():
        keys = frozenset(k for r in records for k in r.fields if k != _OWN_TEXT)
        if keys:
            by_fields.setdefault(keys, []).append(tag)
    groups = []
    for tags in by_fields.values():
        if len(tags) > 1:
            records = sorted((r for t in tags for r in by_tag[t]), key=lambda r: r.spans[0][0] if r.spans else 0)
            groups.append(("|".join(tags), records))
    return groups


def _mean(records: list[Record], key: str) -> float:
    values = [len(r.fields[key].value) for r in records if key in r.fields]
    return sum(values) / len(values) if values else 0.0


def _trimmed(data: bytes, runs: list[tuple[int, int]], offsets: _Offsets, shift: int) -> list[tuple[int, int]]:
    """The character spans of the non-blank byte runs, blanks trimmed at both ends."""
    spans = []
    for a, b in runs:
        piece = data[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            spans.append((offsets.char(a + lead) + shift, offsets.char(a + trail) + shift))
    return spans


# --- records to turns ---------------------------------------------------------------------------


def _voice_field(
    records: list[Record],
    exclude: str | None,
    referenced: set[str],
    *,
    unnamed: bool = False,
    ids_only: frozenset[str] | set[str] = frozenset(),
) -> str | None:
    """The short field that varies over a small set (the speaker): in most records, with letters,
    short, two or more values and some coming back (an id resolved to a name need not repeat);
    a field whose name says it names a voice first, then the fewest values. `unnamed`: the
    fields have no names (a table with no header row), so the one such field is the voice.
    `ids_only`: `#id` references some of which name nothing (an id, not a name: never the label)."""
    counts = Counter(k for r in records for k in r.fields if k != exclude and k not in ids_only)
    candidates = []
    for key, n in counts.items():
        if n < _FIELD_SHARE * len(records):
            continue
        values = [r.fields[key].value.strip() for r in records if key in r.fields]
        if not all(v and len(v) <= _LABEL_CHARS and _LETTER.search(v) for v in values):
            continue
        distinct = len(set(values))
        if distinct < 2 or (key not in referenced and distinct > 0.6 * len(values)):
            continue
        candidates.append((key not in referenced, _VOICE_NAME.search(key) is None, distinct, key))
    if not candidates:
        return None
    best = min(candidates)
    if unnamed:
        return best[3] if len(candidates) == 1 else None  # two such fields: which is the voice?
    if best[0] and best[1]:
        return None  # neither resolved from a list of people nor named as a voice: a style, a region
    return best[3]


def record_marks(
    text: str,
    records: list[Record],
    exclude: str | None,
    referenced: set[str] | None = None,
    *,
    unnamed: bool = False,
    ids_only: frozenset[str] | set[str] = frozenset(),
) -> ExportMarks | None:
    """The turns of `records`: one mark where each record's speech starts, labelled by its voice
    field; None when they have no voice field or too few records hold speech (`unnamed`: see
    `_voice_field`)."""
    spoken = [r for r in records if r.spans]
    if len(spoken) < _LEAST:
        return None
    voice = _voice_field(spoken, exclude, referenced or set(), unnamed=unnamed, ids_only=ids_only)
    if voice is None:
        return None
    marks = []
    for r in spoken:
        label = _unescaped_bytes(r.fields[voice].value.strip()) if voice in r.fields else None
        at = r.spans[0][0]
        if label and _about_sender(text[at : r.spans[0][1]].lstrip("\"'"), label):
            continue  # the app's line about its sender ("Jo Li added Ana Ruiz to the group."): no speech
        marks.append(Mark(at, at, label or None))
    if not marks:
        return None
    spans = tuple(sorted(s for r in spoken for s in r.spans))
    first = text.rfind("\n", 0, marks[0].at) + 1
    return ExportMarks(voice_changes(marks), first, speech=spans)


def _unescaped_bytes(value: str) -> str:
    """`value` with UTF-8 bytes escaped one by one read as the characters they spell: a social
    network's download writes `Sēmisi` as `S\\u00c4\\u0093misi`, which JSON reads as `SÄ\\x93misi`. Only a
    value of code points below 256 that holds some above 127 and is valid UTF-8 as bytes is read
    again (a Latin-1 name such as `José` is no valid UTF-8 and stays as it is)."""
    if value.isascii() or any(ord(ch) > 0xFF for ch in value):
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return value


def _about_sender(speech: str, sender: str) -> bool:
    """Whether a record's speech is the app's line about its sender: it opens with the sender's
    name and goes on in lower case (`Jo Li added Ana Ruiz to the group.`, `Jo Li left the group.`)."""
    rest = speech[len(sender) :] if speech.startswith(sender) else ""
    return rest[:1] == " " and rest.lstrip()[:1].islower()
