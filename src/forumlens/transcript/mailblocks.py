"""Turns under a mail header block: the author in a `From:` field above the message.

A reply chain pasted as text (an Outlook `-----Original Message-----` chain, a list digest)
puts each message under a block of header fields, `From: … / Sent: … / To: … / Subject: …`,
then the body. No label opens the body's lines and the fields look like labels to the caption
rules (`Sent: Friday, …` read as a speaker `Sent`).

Learned from the file's regularity, not from a list of mail clients' field names:

- a *block* is a run of at least `_FIELDS` consecutive `Key: value` lines with distinct keys,
  the message's first line below it (past blank lines);
- the file's blocks share one key sequence in at least `_LEAST` blocks (every message of the
  chain has the same header), or in two whose header is long enough that the two hold as many
  fields as `_LEAST` short ones (a list digest of two messages, six fields each): the evidence is
  the fields that repeat, not the messages. When no sequence repeats so, every block holding the
  same `_FIELDS` or more keys in any order is the chain, on the same count of fields (a reply
  history whose messages came from different mail programs, `To:` before `From:` in one);
- a message forwarded inside the chain without such a block (`----- Forwarded by … -----`, then
  the sender alone on a line with the address, `"Jo Li" <jo@x.org>`, and a few lines of its
  own header) is a message of that sender, its text after the next blank line;
- the author's field is the key whose values are names in most blocks (mostly capitalised words
  and no digit once the addresses, `[mailto:…]` and quotes are set aside): the date field has
  digits, the subject lower-case words;
- a quote inside a message under its attribution line (`On Fri, 13 Nov 2015, Jo Li wrote:`) is
  the quoted writer's turn, and the message's text after it its sender's again.
"""

from __future__ import annotations

import re
from collections import Counter

from .exportmarks import ExportMarks, Mark

__all__ = ["field_name", "read_mail_blocks"]

_FIELDS = 3  # header lines a block holds at least
_LEAST = 3  # blocks of one key sequence
_PAIR = 2  # …or two blocks, holding `_LEAST * _FIELDS` fields between them
_SEPARATED = 2  # lines between a separator of dashes and a forwarded message's sender line

_SENDER = re.compile(r"\"?(?P<name>[^\"<>@:]{2,60}?)\"?\s*<[^<>@\s]+@[^<>\s]+>")  # `"Jo Li" <jo@x.org>`
_DASHES = re.compile(r"-{3,}")
_FIELD = re.compile(r"(?P<key>[A-Z][\w-]{0,24}):[ \t]+(?P<value>\S.*)$")
# A field of a fixed-width header (a reader program's `From : Jo Li      2:50/11   16 Nov 07`):
# the key padded before its colon, the value's first column (up to a run of blanks) its own.
# Inside a block a key may be lower case (`cc:`, `bcc:`, as some mail programs write them).
_INNER_FIELD = re.compile(r"(?P<key>[A-Za-z][\w-]{0,24}):[ \t]+(?P<value>\S.*)$")
# A directory's hierarchical name (`Jo Li/GVA/ITUX`): the units after the name are its organisation.
_UNITS = re.compile(r"(?<=[^\W\d_])(?:/[A-Z][A-Z0-9-]{1,15})+(?=@|\s|$)")
_PADDED_FIELD = re.compile(r"(?P<key>[A-Z][\w-]{0,24})[ \t]+:[ \t]+(?P<value>\S.*?)(?:[ \t]{3,}.*)?$")
_BRACKETED = re.compile(r"\[[^\]]*\]|<[^>]*>|[\"']")  # `[mailto:…]`, `<jo@x.org>`, quotes
_ADDRESS = re.compile(r"\S+@\S+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DIGIT = re.compile(r"\d")
# A quote's attribution line (`On Fri, 13 Nov 2015 20:41, Jo Li wrote:`, `Jo Li <jo@x.org> wrote:`)
# and a quoted line under it (`> …`, the quote's speech after the marks).
_ATTRIBUTION = re.compile(r"(?:On\s.{4,80}?,\s*)?(?P<who>[^,<>:]{2,60}?)\s*(?:<[^<>\s]+>\s*)?wrote:")
_QUOTED = re.compile(r"[ \t]*(?:>[ \t]?)+")
# The older form `address (Name)` (RFC 822): once the address is set aside, a name in brackets.
_COMMENT_NAME = re.compile(r"\((?P<name>[^()]+)\)")


def _name_value(value: str) -> str | None:
    """A field value as the author's label, brackets, quotes and a hierarchical name's units set
    aside (`Jo Li [mailto:jo@x.org]` → `Jo Li`, `Jo Li/GVA/ITUX` → `Jo Li`, `list@x.org On Behalf Of Jo Li` kept whole), or None when it is
    no name once the addresses are set aside too: a digit in it (a date) or mostly lower-case
    words (a subject)."""
    label = " ".join(_UNITS.sub("", _BRACKETED.sub(" ", value)).split()).strip(" ;,")
    name = _ADDRESS.sub(" ", label)
    if (comment := _COMMENT_NAME.fullmatch(name.strip())) is not None and name != label:
        label = name = comment.group("name").strip()  # `jo@x.org (Jo Li)` → `Jo Li`
    words = _WORD.findall(name)
    if not words or _DIGIT.search(name) or 2 * sum(w[0].isupper() for w in words) <= len(words):
        return None
    return label


def field_name(line: str) -> str | None:
    """The name a header field line holds (`From: "Jo Li" <jo@x.org>` → `Jo Li`), or None when
    the line is no field or its value no name (`Date: …`, `Subject: …`)."""
    found = _FIELD.match(line.strip()) or _PADDED_FIELD.match(line.strip())
    return _name_value(found.group("value").strip()) if found is not None else None


def _blocks(lines: list[str]) -> list[tuple[int, list[tuple[str, str]], int]]:
    """The header blocks: (first line, [(key, value)], the body's first line)."""
    blocks = []
    i = 0
    while i < len(lines):
        fields = []
        j = i
        while j < len(lines) and (found := (_FIELD if j == i else _INNER_FIELD).match(lines[j].strip())) is not None:
            fields.append((found.group("key"), found.group("value").strip()))
            j += 1
        keys = [k for k, _ in fields]
        if len(fields) >= _FIELDS and len(set(keys)) == len(keys):
            body = j
            while body < len(lines) and not lines[body].strip():
                body += 1
            if body < len(lines):
                blocks.append((i, fields, body))
        i = max(j, i + 1)
    return blocks


def _shared_keys(blocks: list[tuple[int, list[tuple[str, str]], int]]) -> tuple[str, ...]:
    """The keys every block holds, in the first block's order: a chain whose messages were
    written by different mail programs (`Subject/From/To/Date` above `To/From/Date/cc/Subject`)
    repeats its fields, not their order. Two blocks at least, or none."""
    if len(blocks) < _PAIR:
        return ()
    held = set.intersection(*({k for k, _ in fields} for _, fields, _ in blocks))
    return tuple(k for k, _ in blocks[0][1] if k in held)


def read_mail_blocks(text: str) -> ExportMarks | None:
    """The messages of a reply chain under their header blocks (see the module doc), as an
    export's marks; None when the file shows no such regularity."""
    if ":" not in text or "@" not in text:  # a mail header names an address
        return None
    lines = text.split("\n")
    blocks = _blocks(lines)
    shapes = Counter(tuple(k for k, _ in fields) for _, fields, _ in blocks)
    if not shapes:
        return None
    keys, n = shapes.most_common(1)[0]
    if n < _PAIR or (n < _LEAST and n * len(keys) < _LEAST * _FIELDS):
        keys = _shared_keys(blocks)  # each client of the chain wrote its header in its own order
        if len(keys) < _FIELDS or sum(len(fields) for _, fields, _ in blocks) < _LEAST * _FIELDS:
            return None
        chain = [(i, dict(fields), body) for i, fields, body in blocks]
    else:
        chain = [(i, dict(fields), body) for i, fields, body in blocks if tuple(k for k, _ in fields) == keys]
    named = Counter(k for _, fields, _ in chain for k in keys if _name_value(fields[k]) is not None)
    author, votes = named.most_common(1)[0] if named else ("", 0)
    if 2 * votes <= len(chain):
        return None
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    marks = [Mark(starts[i], starts[body], _name_value(fields[author])) for i, fields, body in chain]
    marks.extend(Mark(starts[i], starts[body], name) for i, name, body in _forwarded(lines))
    marks.sort(key=lambda m: m.at)
    marks = _with_quotes(lines, starts, marks)
    return ExportMarks(tuple(marks), marks[0].at)


def _with_quotes(lines: list[str], starts: list[int], marks: list[Mark]) -> list[Mark]:
    """`marks` with the quotes inside the messages: an attribution line (`On 13 Nov 2015, Jo Li
    wrote:`, `Jo Li <jo@x.org> wrote:`) right above the quoted paragraph (its lines quoted with `>`,
    or with the marks already taken out by the reading view, `quoted.py`) is the quoted author's
    turn, its speech after the first `> `; text of the message after the quote is its sender's
    again. A quote of no name (an address alone before `wrote:`) stays in the message."""
    out = list(marks)
    for i, line in enumerate(lines[:-1]):
        found = _ATTRIBUTION.fullmatch(line.strip())
        if found is None or not lines[i + 1].strip() or starts[i] < marks[0].at:
            continue
        name = _name_value(found.group("who").rsplit(",", 1)[-1])
        if name is None:
            continue
        sender = next(m for m in reversed(marks) if m.at <= starts[i])
        quoted = _QUOTED.match(lines[i + 1])
        out.append(Mark(starts[i], starts[i + 1] + (quoted.end() if quoted else 0), name))
        end = next((k for k in range(i + 1, len(lines)) if not lines[k].strip()), len(lines))
        after = next((k for k in range(end, len(lines)) if lines[k].strip()), len(lines))
        following = next((m.at for m in marks if m.at > starts[i]), starts[-1])
        if after < len(lines) and starts[after] < following and not _DASHES.match(lines[after].strip()):
            out.append(Mark(starts[after], starts[after], sender.label))
    return sorted(out, key=lambda m: m.at)


def _forwarded(lines: list[str]) -> list[tuple[int, str, int]]:
    """The messages forwarded inside a chain without a header block of `Key:` fields: a line of
    dashes (`----- Forwarded by … -----`), then within `_SEPARATED` lines the sender alone on a
    line with an address (`"Jo Li" <jo@x.org>`), the message after the next blank line.
    (sender line, name, body line) each."""
    found = []
    for i, line in enumerate(lines):
        sender = _SENDER.fullmatch(line.strip())
        if sender is None or not any(_DASHES.search(lines[k]) for k in range(max(0, i - _SEPARATED), i)):
            continue
        name = _name_value(sender.group("name"))
        blank = next((k for k in range(i + 1, len(lines)) if not lines[k].strip()), len(lines))
        body = next((k for k in range(blank, len(lines)) if lines[k].strip()), len(lines))
        if name is not None and body < len(lines):
            found.append((i, name, body))
    return found
