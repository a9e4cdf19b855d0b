"""Bytes → text: encoding detection from the bytes, and mojibake repair.

Transcripts arrive as UTF-8 (with or without BOM), UTF-16 from Word exports, and
cp1252/latin-1 from old Windows tools, often double-encoded ("GarcÃ­a"). We decide from
the bytes, never from the file name, and refuse binary data instead of returning noise.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import Any

from ..errors import BinaryInput, EmptyInput, UndecodableInput
from ..filetypes import ACCEPTED

__all__ = ["BOMS", "NEEDS_REPAIR", "decode_text", "looks_binary"]

# Byte-order marks and their encodings, longest first (UTF-32 LE starts like UTF-16 LE); the
# live feed (live/text.py) chooses its encoding from the same list.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@cache
def _ftfy_config() -> Any:
    """Only encoding repairs: quotes, widths and ligatures stay as written so quotes stay verbatim.

    ftfy is imported here, when a text needs repair (most do not): its import costs ≈ 45 ms.
    """
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=True,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=True,
        fix_surrogates=True,
        remove_control_chars=True,
        normalization=None,
        explain=False,
    )


def _repair(text: str) -> str:
    import ftfy

    return str(ftfy.fix_text(text, _ftfy_config()))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What UTF-8 read as cp1252/latin-1 looks like ("Ã©", "â€™", "Â "), C1 controls, and line
# separators ftfy normalises; text without any of these needs no repair (ftfy is slow). The live
# feed (live/text.py) leaves its incremental path for whole-text decoding on the same class.
NEEDS_REPAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f]|[\u2028\u2029\u0085]|\x1b\\["
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs at every other byte of ASCII characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    sample = slice(0, 4096)
    if odd[sample].count(0) > 0.6 * len(odd[sample]) and even[sample].count(0) < 0.1 * len(even[sample]):
        encoding = "utf-16-le"
    elif even[sample].count(0) > 0.6 * len(even[sample]) and odd[sample].count(0) < 0.1 * len(odd[sample]):
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def looks_binary(text: str) -> bool:
    """Decoded text that is mostly control characters is not a transcript."""
    sample = text[:8192]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return "\x00" in sample or controls > max(8, len(sample) // 50)


def _decode(data: bytes, source: str) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + "-bom" if encoding == "utf-8" else encoding
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} (byte {exc.start})",
                    source=source,
                    hint="re-save the file as UTF-8",
                ) from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if b"\x00" in data[:8192]:
        raise BinaryInput(
            "contains NUL bytes: this is binary data, not text",
            source=source,
            hint=f"give a transcript or document as {ACCEPTED}",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _refuse_late_nul(text: str, source: str) -> None:
    """Raise BinaryInput naming the line of the first U+0000 anywhere in the decoded text.

    Why: the byte check in `_decode` looks at the first 8 KB only (a binary file shows itself
    there), and NUL is valid UTF-8, so a transcript padded or corrupted with NUL bytes further on
    was stored as turn text: SQLite kept it and PostgreSQL refused the write with a database error.
    Checked on the decoded text (one `find`, linear and cheap), so UTF-16 text is not refused.
    """
    at = text.find("\x00")
    if at < 0:
        return
    line = text.count("\n", 0, at) + text.count("\r", 0, at) - text.count("\r\n", 0, at) + 1
    raise BinaryInput(
        "contains NUL bytes, binary data inside the text",
        source=source,
        line=line,
        hint=f"remove the NUL bytes from line {line}, for example with `tr -d '\\000' < FILE > FIXED`, "
        "and give the fixed file",
    )


def decode_text(data: bytes, source: str = "") -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, warnings) for the bytes of a text file.

    Newlines become "\\n"; mojibake is repaired with ftfy's encoding fixes only.
    Raises `EmptyInput`, `BinaryInput` or `UndecodableInput` with the file name.
    """
    if not data.strip():
        raise EmptyInput("is empty", source=source, hint="there is nothing to read in it: give a file with text")
    text, encoding = _decode(data, source)
    _refuse_late_nul(text, source)
    if looks_binary(text):
        raise BinaryInput(
            "is binary data, not text", source=source, hint=f"give a transcript or document as {ACCEPTED}"
        )
    warnings: list[str] = []
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    fixed = _repair(plain) if NEEDS_REPAIR.search(plain) else plain
    if fixed != plain:
        warnings.append("repaired mis-encoded characters (mojibake)")
    replacement = fixed.count("\ufffd")
    if replacement > max(20, len(fixed) // 20):
        raise UndecodableInput(
            f"could not be decoded: {replacement} undecodable characters",
            source=source,
            hint="re-save the file as UTF-8",
        )
    if not fixed.strip():
        raise EmptyInput("has no text", source=source, hint="there is nothing to read in it: give a file with text")
    return fixed, encoding, tuple(warnings)
