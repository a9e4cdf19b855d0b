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
from dataclasses import dataclass

from ..errors import BinaryInput, InputError
from ..read.text import BOMS, NEEDS_REPAIR, decode_text

__all__ = ["Decoded", "TextFeed"]


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
        self._refuse_nul(self.text, piece)
        if NEEDS_REPAIR.search(piece):  # mojibake, C1 controls, line separators (they would move line
            return self._redecode(None)  # numbers), terminal escapes: ingest's repair may change them
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
        for bom, encoding in BOMS:
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
            text = self._decode_whole()
        except BinaryInput as exc:
            if exc.line is not None:  # a NUL further on: decode_text names the line in the decoded text
                raise BinaryInput(
                    "contains NUL bytes: binary data, not captions", source=self.source or None, line=exc.line
                ) from exc
            self._refuse_nul("", "\x00")  # NUL bytes in the first 8 KB: where they start, as below
            raise
        except InputError:  # empty so far, or not text yet: nothing to show
            text = ""
        return self._settle(text, note)  # decode_text refuses a NUL anywhere in the text, at its line

    def _decode_whole(self) -> str:
        """All bytes so far by ingest's rules; UTF-16 cut after an odd byte waits for the next one.

        Why: UTF-16 without a byte-order mark is told from binary data by its NUL at every other
        byte, which an odd number of bytes (a read that ended inside a character) or fewer than
        four cannot show yet; refusing them as binary would stop a follower on a valid file.
        """
        raw = bytes(self.raw)
        try:
            return decode_text(raw, self.source)[0]
        except BinaryInput:
            if len(raw) < 4:
                raise InputError("not text yet", source=self.source or None) from None
            if len(raw) % 2:
                return decode_text(raw[:-1], self.source)[0]
            raise

    def _refuse_nul(self, before: str, piece: str) -> None:
        """Raise BinaryInput naming the line where U+0000 first appears in `piece` (after `before`).

        Why: NUL is valid UTF-8, so a client that crashed and padded the file with NUL bytes fed
        them into the stored turns (SQLite kept them; PostgreSQL refused the write, and the follower
        died with a database error). `ingest` refuses such a file as binary; so does the follower,
        at the line the bytes begin. Checked on the decoded text, so UTF-16 captions are not refused.
        """
        at = piece.find("\x00")
        if at < 0:
            return
        if not before and piece == "\x00":  # the whole text could not be decoded: count in the raw bytes
            nul = bytes(self.raw).find(b"\x00")
            line = bytes(self.raw)[: max(nul, 0)].count(b"\n") + 1
        else:
            line = before.count("\n") + piece[:at].count("\n") + 1
        raise BinaryInput("contains NUL bytes: binary data, not captions", source=self.source or None, line=line)

    def _settle(self, text: str, note: str | None) -> Decoded:
        """Report `text` (the whole text now) as an append when it extends the old text."""
        old, self.text = self.text, text
        if text.startswith(old):
            return Decoded(text[len(old) :], note=note)
        return Decoded(text, whole=True, note=note)
