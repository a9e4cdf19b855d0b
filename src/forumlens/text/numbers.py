"""Numbers said as words, as captions write them ("three speakers", "five minutes each")."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS"]

NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
}
