"""Labels the session itself says as offices ("the Permanent Secretary", "the MC"), not names.

A captioner who does not know a dignitary's name labels the turn by the office the MC called
("PERMANENT SECRETARY", "MASTER OF CEREMONIES", "MC"). No fixed list of offices can hold every
one of them, and read as a name the label becomes a person of its own ("Permanent Secretary")
that none of the MC's read-out ("The Permanent Secretary, Ministry of …, Mr. Barnabas …") or
the speaker's own "My name is …" ever reaches. The session tells the two apart by its shape: a
name is not said after "the" on its own ("the Permanent Secretary", "the MC said"), an office
is. A label qualifies when its whole wording follows "the" in some speech turn and no
capitalised word goes on after it ("the Okoro Foundation" is an organisation, not an office),
and it carries no honorific (then it is a titled name: `resolve.titled`).

`acronym_of`: "MC" beside "MASTER OF CEREMONIES" is one office written two ways (its initials),
so one person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup
from forumlens.resolve.titles import parse_title

__all__ = ["acronym_of", "office_key", "said_office_labels"]

_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_MAX_WORDS = 4
# small words that an office's initials leave out ("Master of Ceremonies" → MC)
_LINKS = frozenset({"of", "the", "for", "and", "de", "du", "des"})
# a remote hub's or a room's label is said with "the" too ("the Yerevan hub"), but it is a place
# whose voices `resolve.hubvoices` tells apart, not an office one person holds
_ROOM = re.compile(r"\b(?:hub|room)\b", re.IGNORECASE)


def _words(label: str) -> list[str]:
    return _WORDS.findall(label)


def _office_words(label: str) -> list[str]:
    """A label's words without a leading "the": "THE CHIEF REGISTRAR" and "CHIEF REGISTRAR" say
    one office, and the speech's own "the" is what `_said_after_the` looks for."""
    words = _words(label)
    return words[1:] if words and words[0].casefold() == "the" else words


def office_key(label: str) -> str:
    """The office a label says, as `resolve.titled` keys offices ("master-of-ceremonies")."""
    return "-".join(w.casefold() for w in _office_words(label))


@cache
def _caseless(char: str) -> str:
    """One character as `re.IGNORECASE` compares it: its simple lower case ("İ" and "ı" are "i",
    "ς" is "σ"), then case-folded so the pairs `re` also treats as one ("ẞ"/"ß", "ﬅ"/"ﬆ") meet;
    checked against `re` over every cased character of Unicode. A fold of more than one letter
    is bracketed: "ß" is one character to `re`, so it must never meet "ss"."""
    upper = char.upper()
    folded = (upper if len(upper) == 1 else char).lower()[0].casefold()
    return folded if len(folded) == 1 else f"<{folded}>"


def _fold(word: str) -> str:
    """A word as a `re.IGNORECASE` pattern compares it, character by character: "Kadıköy" meets
    "KADIKÖY" but "Straße" never meets "STRASSE"."""
    return word.lower() if word.isascii() else "".join(map(_caseless, word))


# "the" as a word of its own, and the run of up to `_MAX_WORDS` words after it (a look-ahead, so
# a "the" inside the run starts a run of its own: "the Head of the Delegation")
_THE_WORDS = re.compile(rf"(?<![\w-])(?i:the)\s+(?=({_WORDS.pattern}(?:\s+{_WORDS.pattern}){{0,{_MAX_WORDS - 1}}}))")
# what may not follow an office's last word: a word character or a hyphen ("the MC-led", "the MC2")
_JOINED = re.compile(r"[\w-]")
# a capitalised word after it makes the phrase part of a longer name ("the Okoro Foundation")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # `_CAPITAL_NEXT`'s test on a run's next word
# an apostrophe inside a word: "the MC's remarks" says "the MC"
_APOSTROPHES = frozenset("'’")

_Wording = tuple[str, ...]  # a phrase's words, each `_fold`ed


def _said_after_the(speech: str) -> set[_Wording]:
    """Every phrase of one to `_MAX_WORDS` words the speech says after "the" that no word or hyphen
    joins and no capitalised word goes on after ("the Okoro Foundation" does not say "Okoro"), as
    `_fold`ed words: one pass over the speech, so
    checking a label is a set look-up, not a scan per label. A phrase's last word may be a word's
    part before an apostrophe ("the MC's" says "MC"): an apostrophe joins nothing."""
    said: set[_Wording] = set()
    for run in _THE_WORDS.finditer(speech):
        tokens = run.group(1).split()  # `\s` and `str.split` agree on what whitespace is
        end = run.end(1)
        run_stands = not _JOINED.match(speech, end) and not _CAPITAL_NEXT.match(speech, end)
        words: list[str] = []
        for i, text in enumerate(tokens):
            said.update((*words, _fold(text[:cut])) for cut, char in enumerate(text) if char in _APOSTROPHES)
            folded = _fold(text)
            if run_stands if i == len(tokens) - 1 else tokens[i + 1][0] not in _CAPITALS:
                said.add((*words, folded))
            words.append(folded)
    return said


def _office_wording(label: str) -> _Wording | None:
    """The `_fold`ed words a label would be said with after "the", or None when it cannot be an
    office: too long, titled (`resolve.titled`'s) or a hub's or room's (`resolve.hubvoices`')."""
    words = _office_words(label)
    if not words or len(words) > _MAX_WORDS or parse_title(label).titles or _ROOM.search(label):
        return None
    return tuple(_fold(w) for w in words)


def said_office_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> set[str]:
    """The labels of named-by-label groups that the speech says as offices (see the module doc)."""
    named = [(g.labels, [_office_wording(lab) for lab in g.labels]) for g in groups if g.name is not None and g.labels]
    candidates = [(labels, wordings) for labels, wordings in named if None not in wordings]
    if not candidates:  # no label could be an office: no pass over the speech
        return set()
    said = _said_after_the("\n".join(t.text for t in turns if t.kind == "speech"))
    return {lab for labels, wordings in candidates if all(w in said for w in wordings) for lab in labels}


def acronym_of(short: str, label: str) -> bool:
    """Whether `short` ("MC") is the initials of the office `label` ("MASTER OF CEREMONIES")."""
    letters = re.sub(r"[^\w]", "", short)
    if not (2 <= len(letters) <= 4) or not letters.isupper():
        return False
    words = [w for w in _words(label) if w.casefold() not in _LINKS]
    return len(words) == len(letters) and all(w[:1].upper() == c for w, c in zip(words, letters, strict=True))
