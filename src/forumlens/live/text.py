"""Bytes that keep arriving → text, by the same rules as `ingest` (read/text.py).

Why incremental: a caption file grows by a few hundred bytes a second for hours;
decoding all of it on every poll would make each update cost more than the last. The
stream is decoded piece by piece (a character split between two reads waits for the
next), with ingest's newline rule ("\\r\\n" and "\\r" become "\\n"), so the text, and
therefore every line number, is the one a later `ingest` of the finished file reads.

Whatever the incremental path cannot promise to decode exactly as ingest would (bytes
that are not valid in the encoding chosen at the start — the client changed encoding —,
UTF-16 without a byte-order mark, characters ingest repairs or turns into line breaks)
switches the feed to whole-text mode: from then on every change is decoded in full with
`decode_text`, which is exact but costs a pass over the text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError
from ..read.text import decode_text

__all__ = ["Decoded", "TextFeed"]

# BOMs the incremental decoder understands; longest first (UTF-32 LE starts like UTF-16 LE)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# characters ingest's repair step (ftfy) may change — the same class as read/text.py's
# `_NEEDS_REPAIR`: UTF-8 read as cp1252 ("Ã©", "â€™"), C1 controls, Unicode line separators
# (which become line breaks, and so would move line numbers), terminal escapes
_REPAIRED = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f]|[\u2028\u2029\u0085]|\x1b\\["
)


@dataclass(frozen=True)
class Decoded:
    """What a feed made of new bytes: text to append, or (`whole`) the entire text anew."""

    text: str
    whole: bool = False
    note: str | None = None  # why the feed switched to whole-text mode, said once


class TextFeed:
    """All bytes so far and their text; `append` returns what the new bytes added."""

    def __init__(self, source: str = "") -> None:
        self.source = source
        self.raw = bytearray()
        self.text = ""
        self._decoder: codecs.IncrementalDecoder | None = None
        self._encoding = "utf-8"
        self._whole = False  # whole-text mode: every change decoded in full
        self._pending_cr = False

    @property
    def whole_mode(self) -> bool:
        return self._whole

    def append(self, data: bytes) -> Decoded:
        """Decode bytes appended to the source."""
        if not data:
            return Decoded("")
        self.raw += data
        if self._whole:
            return self._redecode(None)
        if self._decoder is None:
            start = self._start()
            if start == "wait":
                return Decoded("")
            if start == "whole":
                return self._redecode(None)
            data = bytes(self.raw[self._bom_len :])
        assert self._decoder is not None
        try:
            piece = self._decoder.decode(data)
        except UnicodeDecodeError as exc:
            offset = len(self.raw) - len(data) + exc.start
            return self._redecode(
                f"bytes at offset {offset} are not valid {self._encoding} (did the captioning client change"
                " encoding?); from now on the whole text is decoded as `ingest` would"
            )
        if _REPAIRED.search(piece):
            return self._redecode(None)
        piece = self._newlines(piece)
        self.text += piece
        return Decoded(piece)

    def replace(self, data: bytes) -> Decoded:
        """The source's whole content anew (an HTTP page fetched in full, a rewritten file)."""
        self.raw = bytearray()
        self._decoder = None
        self._pending_cr = False
        if self._whole:
            self.raw += data
            return self._redecode(None)
        old, self.text = self.text, ""
        decoded = self.append(data)
        whole = self.text
        self.text = old
        return self._settle(whole, decoded.note)

    # -- inside --------------------------------------------------------------------------
    _bom_len = 0

    def _start(self) -> str:
        """Choose the encoding from the first bytes, as `decode_text` does: "ok", "wait" or "whole"."""
        head = bytes(self.raw[:4])
        for bom, encoding in _BOMS:
            if head.startswith(bom):
                self._encoding, self._bom_len = encoding, len(bom)
                break
            if len(head) < len(bom) and bom.startswith(head):
                return "wait"  # too few bytes to tell a byte-order mark from text
        else:
            self._encoding, self._bom_len = "utf-8", 0
            sample = bytes(self.raw[:4096])
            if b"\x00" in sample:  # UTF-16 without a byte-order mark: only the whole-text rules know it
                self._whole = True
                return "whole"
        self._decoder = codecs.getincrementaldecoder(self._encoding)("strict")
        return "ok"

    def _newlines(self, piece: str) -> str:
        """Ingest's newline rule, across pieces: "\\r\\n" and "\\r" → "\\n"."""
        if self._pending_cr:
            piece = "\r" + piece
            self._pending_cr = False
        if piece.endswith("\r"):  # maybe the first half of "\\r\\n": wait for the next piece
            piece, self._pending_cr = piece[:-1], True
        return piece.replace("\r\n", "\n").replace("\r", "\n")

    def _redecode(self, note: str | None) -> Decoded:
        """Whole-text mode, from now on: decode everything with ingest's rules."""
        self._whole = True
        try:
            text = decode_text(bytes(self.raw), self.source)[0]
        except InputError:  # empty so far, or not text yet: nothing to show
            text = ""
        return self._settle(text, note)

    def _settle(self, text: str, note: str | None) -> Decoded:
        """Report `text` (the whole text now) as an append when it extends the old text."""
        old, self.text = self.text, text
        if text.startswith(old):
            return Decoded(text[len(old) :], note=note)
        return Decoded(text, whole=True, note=note)
