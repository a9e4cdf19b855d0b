"""Mail read as mail: an mbox file, a list's monthly text archive, a list digest, a saved `.eml`.

Three blind rounds running a mailing-list layout lost turns on first sight (a groups digest, a
daily digest, a Pipermail monthly archive), and each time a rule for that file's furniture came
after. Mail is not a caption layout: RFC 822 (5322) says exactly where a message's header ends
and who wrote it, and Python's `email` package reads that. So this reader finds the messages by
their header, lets the standard library parse it, and attributes each body to its author; the
caption rules never see a header line.

- A *message* starts at an mbox envelope line (`From jo at x.org  Mon Nov  4 09:12:40 2019`, the
  asctime date of RFC 4155; a Pipermail archive obfuscates the `@` as ` at `) or at the first line of
  a *header block*: consecutive `Key: value` lines (folded lines indented under them) ending at a
  blank line. The block is parsed by `email.parser.HeaderParser`; it heads a message when it has a
  `From:` and a second field of a mail header (`Date:`, `Subject:`, `Message-ID:`, `To:`), and its
  `Date:` is a real RFC 5322 date (`email.utils.parsedate_to_datetime`) unless an envelope line
  stands above it. A caption line that looks like a field (`Date: Monday`) never passes both.
- The file is mail when it opens with such a message (a single `.eml`, an mbox, an archive) or
  holds two or more (a digest under its table of contents).
- The author is the `From:` value read by `email.utils.parseaddr` (RFC 2047 words decoded): the
  display name, `Jo Li <jo@x.org>` and the older `jo@x.org (Jo Li)` alike; with no display name
  (or the address again in its place) the address's local part, an account (`ExportMarks.handles`:
  no person).
- The body starts at its first non-blank line (a MIME message: in its first `text/plain` part,
  found by the parser and located in the text). A rule line in the body (`-------------- next part
  --------------`, a digest's `------------------------------`, a list footer's `_____`) ends the
  message's speech: what follows up to the next message (a scrubbed attachment, the list's footer,
  the next digest entry's number) is furniture.
- A quote (a run of `>` lines) under its attribution line ending in a colon (`On Mon, Nov 4, 2019
  at 10:12 AM Jo Li <jo@x.org> wrote:`, wrapped over two lines or not) is the quoted author's turn,
  as the mail sets' gold marks it; text after the quote is the sender's again. A quote with no
  attribution naming someone stays in the message.

- The session's title is the first message's subject without reply marks and list tags (a digest
  keeps its own title line above the first message), its year the first message's date's.

A quoted-printable or base64 body is read decoded: the read stage renders it as its text before any parsing
(`read/mailbodies.py`), so a turn, a span of the text, quotes the words and not `=E2=80=99`.
"""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from email.message import Message
from email.parser import HeaderParser, Parser
from email.policy import compat32
from email.utils import parseaddr, parsedate_to_datetime

from .exportmarks import ExportMarks, Mark, voice_changes
from .mailblocks import name_value
from .quotelevels import quote_turns

__all__ = ["message_lines", "read_mail_archive"]

# RFC 4155's envelope: `From ` + the sender (a list archive's `jo at x.org`) + an asctime date.
_ENVELOPE = re.compile(
    r"From (?:\S+ at \S+|\S+)[ \t]+[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]?\d \d\d?:\d\d(?::\d\d)?(?: [A-Z+-][\w+-]*)? \d{4}[ \t]*"
)
_FIELD = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,40}:(?:[ \t]|$)")  # an RFC 5322 field name and its colon
_FOLDED = re.compile(r"[ \t]+\S")  # a header field's continuation line
_SECOND = ("date", "subject", "message-id", "to")  # fields of a mail header besides `From:`
_RULE = re.compile(r"[-_=*~]{2,}[^\n]*[-_=*~]{2,}|[-_=*~]{8,}")  # a rule, maybe with words inside
_OBFUSCATED = re.compile(r"(?<=\S) at (?=[\w-]+(?:\.[\w-]+)+\b)")  # `jo at x.org`, as Pipermail writes it
_ADDRESS = re.compile(r"<[^<>]*>?|\(?\S+(?:@| at )[\w.-]+\.\w+>?\)?")
_VERB = re.compile(r"\s+\S+\s*:\s*$")  # the attribution's verb (`wrote:`)
# the date and time opening an attribution (`On Mon, Nov 4, 2019 at 10:12 AM`, `… 20:41:52 UTC-3,`)
_TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:UTC|GMT)?\s*[+-]\d{1,4}(?::?\d\d)?)?,?")
_REPLY = re.compile(r"^(?:(?:re|fwd?|aw|sv)(?:\[\d+\])?\s*:\s*|\[[^\]]*\]\s*)+", re.IGNORECASE)  # `Re: [dc-list] `
_MESSAGES = 2  # messages that make a file mail when the first is not at its top


def read_mail_archive(text: str) -> ExportMarks | None:
    """The messages of a mail file (see the module doc) as an export's marks; None when `text`
    is no mail."""
    if "From" not in text or ":" not in text:
        return None
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    heads = _mail_heads(lines)
    if not heads:
        return None
    first = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    marks: list[Mark] = []
    skip: list[int] = []
    for n, (at, block_end, header) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        label = _author(header.get("From", ""))
        found = _body(text, lines, starts, (at, block_end, stop), header)
        if found is None:
            continue
        body, last = found
        end = next((k for k in range(body, last) if _RULE.fullmatch(lines[k].strip())), last)
        skip.extend(k for k in range(end, stop) if lines[k].strip())
        marks.extend(_message_marks(lines, starts, at, (body, end), label, skip))
    if not marks:
        return None
    marks.sort(key=lambda m: m.at)
    spans = tuple((starts[k], starts[k] + len(lines[k])) for k in sorted(set(skip)))
    # a file opening with a message is titled by its first subject; a digest by its own title line
    # above the first message; both are dated by the first message's date
    date = str(heads[0][2].get("Date", ""))
    heading = _heading(heads[0][2]) if heads[0][0] == first else f"{text[: starts[heads[0][0]]]}\n{date}"
    return ExportMarks(tuple(marks), marks[0].at, skip=spans, handles=True, heading=heading)


def message_lines(text: str) -> list[tuple[int, int]]:
    """(first line, the next message's first line) of each message of a mail file, 0-based and in order; [] when
    `text` is no mail (the module doc: a file opening with a message, or holding two or more)."""
    if "From" not in text or ":" not in text:
        return []
    lines = text.split("\n")
    at = [head[0] for head in _mail_heads(lines)]
    return list(zip(at, [*at[1:], len(lines)], strict=True))


def _mail_heads(lines: list[str]) -> list[tuple[int, int, Message]]:
    """`_heads` of a mail file, or [] when the lines are no mail."""
    heads = _heads(lines)
    first = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    if not heads or (len(heads) < _MESSAGES and heads[0][0] != first):
        return []
    return heads


def _heading(header: Message) -> str:
    """The title and date lines of a message's header, for the session: its subject without the
    reply marks and list tags (`Re: [dc-list] Plan` → `Plan`), then its date."""
    subject = " ".join(str(header.get("Subject", "")).split())
    if "=?" in subject:
        subject = " ".join(str(make_header(decode_header(subject))).split())
    subject = _REPLY.sub("", subject)
    return f"Title: {subject}\n{header.get('Date', '')}" if subject else str(header.get("Date", ""))


def _heads(lines: list[str]) -> list[tuple[int, int, Message]]:
    """The message heads of `lines`: (the head's first line, the line after its header block,
    the parsed header), in order."""
    heads = []
    i = 0
    while i < len(lines):
        if not _FIELD.match(lines[i]) or (i > 0 and _FIELD.match(lines[i - 1]) and lines[i - 1].strip()):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (_FIELD.match(lines[j]) or _FOLDED.match(lines[j])):
            j += 1
        enveloped = i > 0 and _ENVELOPE.fullmatch(lines[i - 1]) is not None
        header = _head(lines[i:j], enveloped) if j < len(lines) and not lines[j].strip() else None
        if header is not None:
            heads.append((i - 1 if enveloped else i, j, header))
        i = j
    return heads


def _head(block: list[str], enveloped: bool) -> Message | None:
    """The parsed header of a block that heads a message (a `From:` and a second mail field, and
    a real RFC 5322 date unless an mbox envelope stands above the block), else None."""
    if not any(line[:5].lower() == "from:" for line in block):  # cheap: a caption's `CHAIR:` lines hold none
        return None
    header = HeaderParser(policy=compat32).parsestr("\n".join(block) + "\n\n")
    if not header.get("From") or not any(header.get(key) for key in _SECOND):
        return None
    if enveloped:
        return header
    try:
        parsedate_to_datetime(str(header.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return None
    return header


def _author(value: str) -> str | None:
    """The label of a `From:` value: the display name, else the address's local part (an account)."""
    value = " ".join(str(make_header(decode_header(value))).split()) if "=?" in value else " ".join(value.split())
    plain = value if "@" in value else _OBFUSCATED.sub("@", value)
    if "@" not in plain:  # a name with no address (a digest that strips them): no local part to read
        return name_value(value) or value or None
    name, address = parseaddr(plain)
    name = name.strip(" \"'")
    if name and "@" not in _OBFUSCATED.sub("@", name) and _letters(name):
        return name
    local = (address or plain).split("@", 1)[0].strip(" <>\"'()")
    return local or None


def _letters(name: str) -> bool:
    """Whether a display name holds a letter (`"-"` or `"?"` is no name)."""
    return any(ch.isalpha() for ch in name)


def _body(
    text: str, lines: list[str], starts: list[int], span: tuple[int, int, int], header: Message
) -> tuple[int, int] | None:
    """The lines a message's speech may take, (first, past the last): from the first non-blank
    line after its header to the next message, or in a MIME multipart message its first
    `text/plain` part (the other parts and the boundaries are furniture); None for an empty body.
    `span`: the message's first line, the line after its header block, the next message's first line."""
    at, block_end, stop = span
    first, last = block_end, stop
    if header.get_content_maintype() == "multipart":
        message = Parser(policy=compat32).parsestr(text[starts[at] : starts[stop]])
        part = next((p for p in message.walk() if p.get_content_type() == "text/plain"), None)
        raw = part.get_payload() if part is not None else None
        payload = raw.strip() if isinstance(raw, str) else ""
        found = text.find(payload, starts[block_end], starts[stop]) if payload else -1
        if found == -1:
            return None
        first = next(k for k in range(block_end, stop) if starts[k + 1] > found)
        last = next(k for k in range(first, stop) if starts[k + 1] > found + len(payload)) + 1
    body = next((k for k in range(first, last) if lines[k].strip() and not _RULE.fullmatch(lines[k].strip())), None)
    return (body, last) if body is not None else None


def _message_marks(
    lines: list[str], starts: list[int], head: int, span: tuple[int, int], sender: str | None, skip: list[int]
) -> tuple[Mark, ...]:
    """The turns of one message (its head on line `head`, its speech on lines `span`): by quote
    level (`quotelevels.quote_turns`, the sender's at level 0), the sender's first turn taking the
    head when it opens the message. An attribution's lines join `skip` (no speech: they are
    trimmed from the turn above)."""
    body, end = span

    def attributed(i: int, said: str) -> str | None:
        k = body + i
        skip.append(k)
        above = lines[k - 1].strip() if k > body else ""
        if (above and above.endswith(("<", ","))) or said.startswith(("<", "(")):
            skip.append(k - 1)  # an attribution wrapped inside its address: `… Jo Li <` / `jo@x.org> wrote:`
            said = above + " " + said
        return _attribution_name(said)

    found = quote_turns(lines[body:end], starts[body:end], sender, attributed)
    if not found:
        return ()
    # a quote no attribution names is nobody's turn: in the turn above it, or before the speech
    # when it opens the message
    marks = [m for m in found if m.label is not None or (m is found[0] and m.label == sender)]
    if not marks:
        return ()
    if marks[0].label == sender:
        marks[0] = Mark(starts[head], marks[0].body, marks[0].label)  # the head is its sender's turn's
    else:  # a message opening with a quote: its head names no quoted writer, and is no speech
        skip.extend(k for k in range(head, body) if lines[k].strip())
    return voice_changes(marks)


def _attribution_name(said: str) -> str | None:
    """The name an attribution gives (`On Mon, Nov 4, 2019 at 10:12 AM Jo Li <jo@x.org> wrote:`
    → `Jo Li`): past the addresses, the verb ending it and the date and time opening it; None
    when it ends in no verb and colon or what is left is no name (`mailblocks.name_value`)."""
    said, verbs = _VERB.subn("", _ADDRESS.sub(" ", said))
    if not verbs:  # a name and what it did (`Jo Li wrote:`); a lone `Earlier:` names nobody
        return None
    times = list(_TIME.finditer(said))
    if times:
        said = said[times[-1].end() :]
    elif "," in said:
        said = said.rsplit(",", 1)[1]
    return name_value(said.strip(" \"',"))
