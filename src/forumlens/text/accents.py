"""Accent folding that keeps offsets: every character of the text becomes one character.

Name look-ups compare a caption's "Fernández" with a label's "FERNANDEZ", yet a quote or a
name span must still be cut from the original text. So the fold maps each code point to
its base letter (NFKD's first character) instead of normalising the whole string, which
would change its length: an offset found in the folded copy is an offset in the original.
Hyphen look-alikes (U+2010-U+2012, the non-breaking "Jean‑Paul") read as "-", so name
forms typed either way still match. Case is kept: callers match case-insensitively or
look at the original's capitals. Resolve's name cues and the question analysis share it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["unaccented"]


class _FoldMap(dict[int, str]):
    """Code point -> its base letter, filled on first use (str.translate calls __getitem__)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "-" if ch in "\u2010\u2011\u2012" else (unicodedata.normalize("NFKD", ch)[:1] or ch)
        self[code] = base
        return base


_FOLD = _FoldMap()


@lru_cache(maxsize=256)
def unaccented(text: str) -> str:
    """Accent-free copy of the text with the same length, so offsets still apply.

    >>> unaccented("Ms. Fernández‑Ruiz")
    'Ms. Fernandez-Ruiz'

    Remembered for the last texts: the cue patterns of resolve ask the same turn in turn.
    """
    return text if text.isascii() else text.translate(_FOLD)
