"""A later short form of a name the file used in full: `GONZALEZ:` after `MARIA GONZALEZ:`.

Captioners write a speaker's whole name at the first turn and then, to keep up, only the
surname (`>>KAZLAUSKAITĖ:` after `>>IEVA KAZLAUSKAITĖ:`), or the title and surname
(`CHAIRMAN FONSECA`). A one-word name that is one of the words of exactly one multi-word name
seen *earlier* in the same file is that person; when two earlier names share the word
(`ALI` after `ALI HASSAN` and `FATIMA ALI`), or the word came first, nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .speakers import name_key

__all__ = ["expand_short_names"]

# Particles and single letters are no evidence of a person ("de", "J.").
_MIN_WORD = 2


def expand_short_names(names: Iterable[str | None]) -> list[str | None]:
    """Each name in file order, a one-word name replaced by the unique earlier whole name that
    holds it as one of its words (see the module doc); None and other names unchanged."""
    names = list(names)
    if all(not name or " " in name.strip() for name in names):
        return names  # no one-word name: nothing to expand (the common case, checked cheaply)
    by_word: dict[str, set[str]] = {}
    whole: dict[str, str] = {}  # key of a whole name -> the name as first displayed
    out: list[str | None] = []
    for name in names:
        if not name:
            out.append(name)
            continue
        key = name_key(name)
        words = key.split()
        if len(words) == 1:
            owners = by_word.get(key, set())
            out.append(whole[next(iter(owners))] if len(owners) == 1 else name)
            continue
        out.append(name)
        if len(words) >= 2 and key not in whole:
            whole[key] = name
            for word in words:
                if len(word) >= _MIN_WORD:
                    by_word.setdefault(word, set()).add(key)
    return out
