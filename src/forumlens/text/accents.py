"""Accent folding that keeps offsets: every character of the text becomes one character.

Name look-ups compare a caption's "Fernández" with a label's "FERNANDEZ", yet a quote or a
name span must still be cut from the original text. So the fold maps each code point to
its base letter (NFKD's first character) instead of normalising the whole string, which
would change its length: an offset found in the folded copy is an offset in the original.
Hyphen look-alikes (U+2010-U+2012, the non-breaking "Jean‑Paul") read as "-", so name
forms typed either way still match. Case is kept: callers match case-insensitively or
look at the original's capitals. Resolve's name cues and the question analysis share it.

`ascii_fold` is the other fold, for keys rather than spans: it may change the length
("ß" is "ss"), and it also spells the Latin letters NFKD leaves whole ("ı", "ł", "ø", "đ",
"æ" …) as captioners type them in capitals, so "Çakırsoy" and "CAKIRSOY" key alike. The
name keys of the parser, resolve and the who's-who scorer all fold through it, so a name
the pipeline matches is one the scorer matches too.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["UNDECOMPOSED", "ascii_fold", "unaccented"]

# Latin letters that Unicode decomposition leaves whole, spelled as captions in capitals do
# ("Yıldız" is "YILDIZ", "Łukasz" is "LUKASZ"): without this a name lost its letters in the key.
UNDECOMPOSED = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ħ": "h",
        "Ħ": "H",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
    }
)


def ascii_fold(text: str) -> str:
    """The text with its accents taken off and the undecomposed Latin letters spelled out;
    case kept (callers casefold). Non-Latin scripts stay as they are.

    >>> ascii_fold("Çakırsoy, Łukasz Sørensen")
    'Cakirsoy, Lukasz Sorensen'
    """
    if text.isascii():  # no ASCII character is a combining mark or an undecomposed letter
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
