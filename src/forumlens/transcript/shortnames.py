"""A later short form of a name the file used in full: `GONZALEZ:` after `MARIA GONZALEZ:`.

Captioners write a speaker's whole name at the first turn and then, to keep up, only the
surname (`>>KAZLAUSKAITĖ:` after `>>IEVA KAZLAUSKAITĖ:`), or the title and surname
(`CHAIRMAN FONSECA`). A one-word name that is one of the words of exactly one multi-word name
seen *earlier* in the same file is that person; when two earlier names share the word
(`ALI` after `ALI HASSAN` and `FATIMA ALI`), or the word came first, nothing is guessed.

A place-of-voice word ("HUB", "ROOM") is no surname: it is never expanded to the earlier
label that holds it ("REMOTE HUB KATHMANDU").

A surname written after a title (`MR. QIAO:`, `SRA. BRANDÃO:`, `CHAIRMAN RAO:`) is kept as
written: a title and a family name is how the room addresses a person formally, the label says
it in full, and the annotated caption sets give the speaker as that name (`Qiao`); which whole
name it is stays for the resolve stage, which merges label variants with their evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .speakers import name_key, place_of_voice

__all__ = ["expand_short_names"]

# Particles and single letters are no evidence of a person ("de", "J.").
_MIN_WORD = 2


def expand_short_names(names: Iterable[str | None], titled: Sequence[bool] = ()) -> list[str | None]:
    """Each name in file order, a one-word name replaced by the unique earlier whole name that
    holds it as one of its words (see the module doc); None and other names unchanged, and so
    is a name whose `titled` flag (same order) says its label put a title before it."""
    names = list(names)
    if all(not name or " " in name.strip() for name in names):
        return names  # no one-word name: nothing to expand (the common case, checked cheaply)
    by_word: dict[str, set[str]] = {}
    whole: dict[str, str] = {}  # key of a whole name -> the name as first displayed
    out: list[str | None] = []
    for i, name in enumerate(names):
        if not name:
            out.append(name)
            continue
        key = name_key(name)
        words = key.split()
        if len(words) == 1 and ((i < len(titled) and titled[i]) or place_of_voice(name)):
            # "MR. QIAO": the formal address, kept as written; "HUB": a place of voices, no
            # surname, so never another hub's label ("REMOTE HUB KATHMANDU")
            out.append(name)
            continue
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
