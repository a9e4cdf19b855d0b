"""Mail bodies a sender's program encoded for transport (quoted-printable, base64) → their text.

Why: a message's body is often sent quoted-printable (`we=E2=80=99ll`, lines cut with a soft `=` break) or base64
(every line a run of letters). The mail reader (`transcript/mailreader.py`) cuts turns as spans of the text, so
read as written such a body's turns quoted `=E2=80=99` and `=20`, or base64 no one can read, and search and the
summaries saw the same. Decoding is the email package's own job: each `text/plain` part declaring one of the two
transfer encodings is decoded by `Message.get_payload(decode=True)` and its declared charset, and the document's
text holds the decoded words in place of the encoded lines, its `Content-Transfer-Encoding` line then saying
`8bit`, as a message holding that text would. Every other line stays as the file writes it. The file's hash is
still that of its bytes.

Bytes the declared charset cannot read (a body declared UTF-8 that is Latin-1) are replaced by U+FFFD, with a
warning naming the message and part; a charset Python does not know is refused (`UndecodableInput`), naming the
file, the message and the part. A part that declares no charset is read as UTF-8 (US-ASCII's superset).
Other parts (HTML alternatives, attachments) are furniture to the mail reader and stay encoded.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message
from email.parser import Parser
from email.policy import compat32

from ..errors import UndecodableInput

__all__ = ["decoded_bodies"]

_ENCODED = re.compile(r"^content-transfer-encoding:[ \t]*(?:quoted-printable|base64)[ \t]*$", re.IGNORECASE | re.M)
_DECODED = "Content-Transfer-Encoding: 8bit"


def decoded_bodies(text: str, source: str = "") -> tuple[str, tuple[str, ...]]:
    """(`text` with its messages' transfer-encoded `text/plain` bodies decoded, warnings). `text` itself, and no
    warning, when it is no mail or declares no such body."""
    if not _ENCODED.search(text):  # most texts: one regex search, no mail parsing
        return text, ()
    from ..transcript.mailreader import message_lines

    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    edits: list[tuple[int, int, str]] = []
    warnings: list[str] = []
    for n, (first, stop) in enumerate(message_lines(text), 1):
        a, b = starts[first], min(starts[stop], len(text))
        message = Parser(policy=compat32).parsestr(text[a:b])
        at = a  # where the next part's lines are looked for
        for k, part in enumerate((p for p in message.walk() if not p.is_multipart()), 1):
            encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
            if part.get_content_type() != "text/plain" or encoding not in ("quoted-printable", "base64"):
                continue
            raw = part.get_payload()
            payload = raw.strip() if isinstance(raw, str) else ""
            found = text.find(payload, at, b) if payload else -1
            if found == -1:
                continue
            where = f"message {n}{_subject(message)}, part {k} (text/plain, {encoding})"
            words, warning = _decoded(part, where, source)
            declared = list(_ENCODED.finditer(text, at, found))
            if declared:  # the part's own header line: the last such line above its body
                edits.append((declared[-1].start(), declared[-1].end(), _DECODED))
            edits.append((found, found + len(payload), words))
            warnings += [warning] if warning else []
            at = found + len(payload)
    if not edits:
        return text, ()
    pieces, at = [], 0
    for start, end, new in sorted(edits):
        pieces += [text[at:start], new]
        at = end
    pieces.append(text[at:])
    return "".join(pieces), tuple(warnings)


def _decoded(part: Message, where: str, source: str) -> tuple[str, str | None]:
    """A part's body as text, by its declared charset, with a warning when bytes had to be replaced."""
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)  # a leaf part's payload, its transfer encoding undone
    charset = part.get_content_charset() or "utf-8"
    try:
        name = codecs.lookup("utf-8" if charset in ("us-ascii", "ascii") else charset).name
    except LookupError:
        raise UndecodableInput(
            f"declares the unknown charset {charset!r} for {where}",
            source=source,
            hint="re-save the message with a charset Python knows (UTF-8, ISO-8859-1, …)",
        ) from None
    try:
        words = data.decode(name)
    except UnicodeDecodeError as exc:
        words = data.decode(name, errors="replace")
        bad = words.count("\ufffd")
        warning = (
            f"{where}: bytes that are not {charset} (the first at byte {exc.start}); "
            f"{bad} character{'s' if bad != 1 else ''} replaced with U+FFFD"
        )
        return _lines(words), warning
    return _lines(words), None


def _lines(words: str) -> str:
    """Decoded words with the document's line breaks ("\\n"), without the blank lines around them."""
    return words.replace("\r\n", "\n").replace("\r", "\n").strip("\n")


def _subject(message: Message) -> str:
    """` ("Subject")` of a message, to name it in a warning or an error; "" with no subject."""
    subject = " ".join(str(message.get("Subject", "")).split())
    return f' ("{subject[:60]}")' if subject else ""
