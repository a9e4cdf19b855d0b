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
- a quote inside a message under its attribution line (`On Fri, 13 Nov 2015, Jo Li wrote:`, a
  list's `--- In list@x.org, "Jo Li" <jo@…> wrote:`) is the quoted writer's turn, and the
  message's text after it its sender's again, unless only the digest's furniture follows.

A list digest's message heads are shorter (issue 22: a Yahoo! Groups daily digest writes a
numbered subject line, then only `Posted by:` and `Date:`): when no chain of three-field blocks
is found, blocks of two fields are one when the same two keys head at least `_LEAST` messages,
one key's values are names in a majority of them and the other's hold a digit in every one (a
date). A key may be two words, the second in lower case (`Posted by`, `Sent by`, `Reply to`); a
value opening with a display name in quotes (`"Jo Li" jo@x.org joli`) is that name, and one
that is an account name (`"jo.li" jo.li@x.org`) a handle, no person. Lines that end
`_LEAST` or more messages alike (`Messages in this topic (3)`) and rules of dashes,
underscores or equals signs are the digest's furniture, not speech.
"""

from __future__ import annotations

import re
from collections import Counter

from .exportmarks import ExportMarks, Mark

__all__ = ["field_name", "name_value", "read_mail_blocks"]

_FIELDS = 3  # header lines a block holds at least
_LEAST = 3  # blocks of one key sequence
_PAIR = 2  # …or two blocks, holding `_LEAST * _FIELDS` fields between them
_SEPARATED = 2  # lines between a separator of dashes and a forwarded message's sender line
_DATED = 2  # fields of a digest's short message head (a name and a date)

_SENDER = re.compile(r"\"?(?P<name>[^\"<>@:]{2,60}?)\"?\s*<[^<>@\s]+@[^<>\s]+>")  # `"Jo Li" <jo@x.org>`
_DASHES = re.compile(r"-{3,}")
_RULE = re.compile(r"[-_=*]{8,}")  # a digest's rule between messages
# A field key: one word, or two with the second in lower case (`Posted by`, `Reply to`).
_KEY = r"[\w-]{0,24}(?: [a-z][\w-]{0,11})?"
_FIELD = re.compile(rf"(?P<key>[A-Z]{_KEY}):[ \t]+(?P<value>\S.*)$")
# A field of a fixed-width header (a reader program's `From : Jo Li      2:50/11   16 Nov 07`):
# the key padded before its colon, the value's first column (up to a run of blanks) its own.
# Inside a block a key may be lower case (`cc:`, `bcc:`, as some mail programs write them).
_INNER_FIELD = re.compile(rf"(?P<key>[A-Za-z]{_KEY}):[ \t]+(?P<value>\S.*)$")
# A directory's hierarchical name (`Jo Li/GVA/ITUX`): the units after the name are its organisation.
_UNITS = re.compile(r"(?<=[^\W\d_])(?:/[A-Z][A-Z0-9-]{1,15})+(?=@|\s|$)")
_PADDED_FIELD = re.compile(r"(?P<key>[A-Z][\w-]{0,24})[ \t]+:[ \t]+(?P<value>\S.*?)(?:[ \t]{3,}.*)?$")
_BRACKETED = re.compile(r"\[[^\]]*\]|<[^>]*>|[\"']")  # `[mailto:…]`, `<jo@x.org>`, quotes
_ADDRESS = re.compile(r"\S+@\S+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
# A quote's attribution line (`On Fri, 13 Nov 2015 20:41, Jo Li wrote:`, `Jo Li <jo@x.org> wrote:`)
# and a quoted line under it (`> …`, the quote's speech after the marks).
_ATTRIBUTION = re.compile(r"(?:-+\s*)?(?:(?:On|In)\s.{4,80}?,\s*)?(?P<who>[^,<>:]{2,60}?)\s*(?:<[^<>\s]+>\s*)?wrote:")
_QUOTED = re.compile(r"[ \t]*(?:>[ \t]?)+")
# The older form `address (Name)` (RFC 822): once the address is set aside, a name in brackets.
_COMMENT_NAME = re.compile(r"\((?P<name>[^()]+)\)")
# A display name in quotes opening a value, the address and an account id after it.
_QUOTED_NAME = re.compile(r"\"(?P<name>[^\"]{2,60})\"\s+\S+@\S+")
# A one-line message head: the sender with the address, a colon, the date (a digit in it).
_SENDER_HEAD = re.compile(r"(?P<sender>\"?[^\"<>@:]{2,60}?\"?\s*<[^<>@\s]+@[^<>\s]+>):\s+(?P<date>[^\n]*\d[^\n]*)")
# An account name: one token of lower-case letters, digits and `._-` (`jo.li`, `joli_75`).
_HANDLE = re.compile(r"[a-z][a-z0-9._-]{1,40}")


def name_value(value: str) -> str | None:
    """A field value as the author's label, brackets, quotes and a hierarchical name's units set
    aside (`Jo Li [mailto:jo@x.org]` → `Jo Li`, `Jo Li/GVA/ITUX` → `Jo Li`, `list@x.org On Behalf Of Jo Li` kept whole), or None when it is
    no name once the addresses are set aside too: a digit in it (a date) or mostly lower-case
    words (a subject)."""
    quoted = _QUOTED_NAME.match(value.strip())
    if quoted is not None:
        value = quoted.group("name")  # `"Jo Li" jo@x.org joli`: the display name alone
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
    return name_value(found.group("value").strip()) if found is not None else None


def _blocks(lines: list[str], least: int = _FIELDS) -> list[tuple[int, list[tuple[str, str]], int]]:
    """The header blocks of `least` fields or more: (first line, [(key, value)], the body's first line)."""
    blocks = []
    i = 0
    while i < len(lines):
        fields = []
        j = i
        while j < len(lines) and (found := (_FIELD if j == i else _INNER_FIELD).match(lines[j].strip())) is not None:
            fields.append((found.group("key"), found.group("value").strip()))
            j += 1
        keys = [k for k, _ in fields]
        if len(fields) >= least and len(set(keys)) == len(keys):
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
    found = _chain(_blocks(lines)) or _digest(_blocks(lines, _DATED)) or _sender_heads(lines)
    if found is None:
        return None
    chain, author = found
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    marks = [Mark(starts[i], starts[body], _author(fields[author])) for i, fields, body in chain]
    marks.extend(Mark(starts[i], starts[body], name) for i, name, body in _forwarded(lines))
    marks.sort(key=lambda m: m.at)
    furniture = _furniture(lines, [body for _, _, body in chain]) | _subjects(lines, [i for i, _, _ in chain])
    marks = _with_quotes(lines, starts, marks, furniture)
    skip = tuple((starts[k], starts[k] + len(lines[k])) for k in sorted(furniture))
    handles = any(m.label is not None and _HANDLE.fullmatch(m.label) for m in marks)
    return ExportMarks(tuple(marks), marks[0].at, skip=skip, handles=handles)


_Chain = list[tuple[int, dict[str, str], int]]


def _chain(blocks: list[tuple[int, list[tuple[str, str]], int]]) -> tuple[_Chain, str] | None:
    """The chain's blocks and its author key, from blocks of `_FIELDS` fields or more (see the
    module doc); None when they show no chain."""
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
    named = Counter(k for _, fields, _ in chain for k in keys if name_value(fields[k]) is not None)
    author, votes = named.most_common(1)[0] if named else ("", 0)
    return (chain, author) if 2 * votes > len(chain) else None


def _digest(blocks: list[tuple[int, list[tuple[str, str]], int]]) -> tuple[_Chain, str] | None:
    """A digest's short message heads (see the module doc): the same two keys heading `_LEAST`
    messages or more, one key's values names in most, the other's dated in every one."""
    shapes = Counter(tuple(k for k, _ in fields) for _, fields, _ in blocks if len(fields) == _DATED)
    if not shapes:
        return None
    keys, n = shapes.most_common(1)[0]
    if n < _LEAST:
        return None
    chain = [(i, dict(fields), body) for i, fields, body in blocks if tuple(k for k, _ in fields) == keys]
    for author, dated in (keys, keys[::-1]):
        named = sum(name_value(fields[author]) is not None for _, fields, _ in chain)
        if 2 * named > len(chain) and all(_DIGIT.search(fields[dated]) for _, fields, _ in chain):
            return chain, author
    return None


def _sender_heads(lines: list[str]) -> tuple[_Chain, str] | None:
    """A digest whose message head is one line, the sender and the date after a colon (`Jo Li
    <jo@x.org>: Sep 20 06:41AM -0700`, a groups service's topic digest), the body after the next
    blank line; `_LEAST` such heads or more."""
    chain: _Chain = []
    for i, line in enumerate(lines):
        head = _SENDER_HEAD.fullmatch(line.strip())
        if head is None or name_value(head.group("sender")) is None:
            continue
        blank = next((k for k in range(i + 1, len(lines)) if not lines[k].strip()), len(lines))
        body = next((k for k in range(blank, len(lines)) if lines[k].strip()), len(lines))
        if body < len(lines):
            chain.append((i, {"From": head.group("sender"), "Date": head.group("date")}, body))
    return (chain, "From") if len(chain) >= _LEAST else None


def _author(value: str) -> str | None:
    """The label of a message's author field: the name (`name_value`), else the account name a
    digest shows in quotes for a member with no display name (`"jo.li" jo.li@x.org`)."""
    name = name_value(value)
    if name is not None:
        return name
    quoted = _QUOTED_NAME.match(value.strip())
    return quoted.group("name") if quoted is not None and _HANDLE.fullmatch(quoted.group("name")) else None


def _furniture(lines: list[str], bodies: list[int]) -> set[int]:
    """The lines of a digest's furniture: rules, and a line that ends `_LEAST` or more of the
    messages (whose bodies start at `bodies`) alike, the last non-blank line before a rule or
    the next message's head."""
    rules = {k for k, line in enumerate(lines) if _RULE.fullmatch(line.strip())}
    last: dict[str, list[int]] = {}
    for n, body in enumerate(bodies):
        stop = bodies[n + 1] if n + 1 < len(bodies) else len(lines)
        stop = min((k for k in rules if body <= k < stop), default=stop)
        k = next((k for k in range(stop - 1, body - 1, -1) if lines[k].strip()), None)
        if k is not None:
            last.setdefault(lines[k].strip(), []).append(k)
    repeated = {k for at in last.values() if len(at) >= _LEAST for k in at}
    return rules | repeated


def _with_quotes(lines: list[str], starts: list[int], marks: list[Mark], furniture: set[int]) -> list[Mark]:
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
        name = name_value(found.group("who").rsplit(",", 1)[-1])
        if name is None:
            continue
        sender = next(m for m in reversed(marks) if m.at <= starts[i])
        first = i + 1
        while first + 1 < len(lines) and _QUOTED.fullmatch(lines[first]) and _QUOTED.match(lines[first + 1]):
            first += 1  # a bare `>` opening the quote: its speech starts on the next quoted line
        quoted = _QUOTED.match(lines[first])
        out.append(Mark(starts[i], starts[first] + (quoted.end() if quoted else 0), name))
        end = next((k for k in range(i + 1, len(lines)) if not lines[k].strip()), len(lines))
        # the sender's text after the quote, past the digest's repeated lines; a rule ends the message
        after = next(
            (k for k in range(end, len(lines)) if lines[k].strip() and not _furniture_line(lines, k, furniture)),
            len(lines),
        )
        following = next((m.at for m in marks if m.at > starts[i]), starts[-1])
        if (
            after < len(lines)
            and starts[after] < following
            and not _DASHES.match(lines[after].strip())
            and not _RULE.fullmatch(lines[after].strip())
        ):
            out.append(Mark(starts[after], starts[after], sender.label))
    return sorted(out, key=lambda m: m.at)


def _subjects(lines: list[str], heads: list[int]) -> set[int]:
    """The lines heading a digest's message above its fields: those between a rule and the head
    (`1b. Re: hub booking`, the message's number and subject), and a line right above the heads
    that has one shape above `_LEAST` heads or more (`== 2 of 3 ==`, digits aside). They are the
    head's, not the speech of the message above."""
    found: set[int] = set()
    above: dict[str, list[int]] = {}
    for i in heads:
        k = i - 1
        while k >= 0 and i - k <= _SEPARATED and lines[k].strip() and not _RULE.fullmatch(lines[k].strip()):
            k -= 1
        if k >= 0 and k < i - 1 and _RULE.fullmatch(lines[k].strip()):
            found.update(range(k + 1, i))
        if i > 0 and lines[i - 1].strip():
            above.setdefault(_DIGITS.sub("9", lines[i - 1].strip()), []).append(i - 1)
    found.update(k for at in above.values() if len(at) >= _LEAST for k in at)
    return found


def _furniture_line(lines: list[str], k: int, furniture: set[int]) -> bool:
    """Whether line `k` is a digest's repeated line (a rule is furniture too, but ends the message)."""
    return k in furniture and not _RULE.fullmatch(lines[k].strip())


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
        name = name_value(sender.group("name"))
        blank = next((k for k in range(i + 1, len(lines)) if not lines[k].strip()), len(lines))
        body = next((k for k in range(blank, len(lines)) if lines[k].strip()), len(lines))
        if name is not None and body < len(lines):
            found.append((i, name, body))
    return found
