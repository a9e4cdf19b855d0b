"""A label the captioner cut short of the name the session says in full: the chair introduces
"Heloísa Pedrosa Uchôa" and "Mereani Naisoro-Tikoduadua", the captioner labels them ">> HELOISA
PEDROSA:" and ">> MEREANI NAISORO:"; or types the surname as heard and stops (">> PRABHAKAR TIRU:"
for "Prabhakar Thiruvengadam", ">> ALIOUNE MBOJ:" before ">> ALIOUNE MBODJ-DIONE:").

Why: a captioner types a long name once, fast, before the speaker has finished saying it, and
keeps that label; the introduction (or a later, corrected label) has the whole name. Label by
label the panellist is a second, unknown person and the introduced one is "not found". What tells
the cut label from another person, taken together:

- the first names are one (the same key);
- the label's surname is the start of the full surname (its letters, a hyphenated part left off:
  "Naisoro" of "Naisoro-Tikoduadua", "Pedrosa" of "Pedrosa Uchôa"), or that start typed by ear,
  a letter or two apart ("Tiru" of "Thiru…", "Kaguria" of "Kagwiria-…"), and the full surname
  is longer;
- there is one such full name in the session, and nobody else speaks under that first name;
- a full name that is another label's voice never answers the cut label's (one person does not
  answer themselves).

The person takes the full name; the cut label stays among the labels.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.respelled import join_or_name
from forumlens.resolve.selfnames import full_name_at
from forumlens.resolve.soundalike import answer_each_other

__all__ = ["cut_surname", "join_cut_labels", "said_full_names", "speech_texts"]

_CAPITALISED = re.compile(r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’]+")


def cut_surname(short: Sequence[str], full: Sequence[str], heard: bool = True) -> bool:
    """Whether the surname words `short` (a label's, name keys) are those of `full` cut short:
    its first words, the last of them perhaps cut ("pedrosa" of "pedrosa uchoa", "naisoro" of
    "naisoro tikoduadua"); or (`heard`) one word that is the start of `full`'s letters typed by
    ear (the first letter kept, at most one letter apart, two from six letters on) with three
    letters or more left off. A surname as long give or take a slip is a misheard name
    (`selfnames`), not a cut one ("ekpenyong" is no cut "eck pen young")."""
    if not short or not full:
        return False
    k = len(short)
    if len(full) >= k and list(short[:-1]) == list(full[: k - 1]) and full[k - 1].startswith(short[-1]):
        return len(full) > k or len(full[-1]) > len(short[-1]) + 1
    one, letters = short[0], "".join(full)
    if not heard or k != 1 or len(one) < 3 or one[0] != letters[0] or len(letters) < len(one) + 3:
        return False
    allowed = 1 if len(one) < 6 else 2
    return min(Levenshtein.distance(one, letters[:m]) for m in range(len(one) - 1, len(one) + 3)) <= allowed


def _fold(text: str) -> str:
    """`text` with each letter's accent dropped, as long as `text` (one character for one)."""
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKD", ch)[0] for ch in text)


def speech_texts(turns: Sequence[Turn]) -> list[tuple[str, str]]:
    """Each speech turn's text and its accent-free lower-case form, made once a session."""
    return [(t.text, _fold(t.text).lower()) for t in turns if t.kind == "speech"]


def said_full_names(first: str, texts: Sequence[tuple[str, str]]) -> list[str]:
    """The full names the speech says that open with the first name `first` (a name key)."""
    word: re.Pattern[str] | None = None
    found: list[str] = []
    for text, low in texts:
        if first not in low:
            continue  # one substring test per turn before the patterns
        if word is None:  # compiled only when a turn says the word (issue 19)
            word = re.compile(rf"\b{re.escape(first)}\b")
        # the folded form keeps the text's places, unless lower-casing changed a length
        starts = (
            [m.start() for m in word.finditer(low)]
            if len(low) == len(text)
            else [m.start() for m in _CAPITALISED.finditer(text) if name_key(m.group()) == first]
        )
        for start in starts:
            name = full_name_at(text, start) if text[start].isupper() else None
            if name is not None and name_key(name).split()[0] == first:
                found.append(name)
    return found


def _said_as_labelled(name: str, texts: Sequence[tuple[str, str]]) -> bool:
    """Whether the speech says the last word of `name` as a word of its own."""
    last = name_key(name).split()[-1]
    if not any(last in low for _, low in texts):
        return False  # no pattern compiled for a word no turn says (issue 19)
    word = re.compile(rf"\b{re.escape(last)}\b")
    return any(last in low and word.search(low) for _, low in texts)


def _split(name: str) -> tuple[str, list[str]] | None:
    """(first name, surname words) of a name key; None for a lone word."""
    words = name_key(name).split()
    return (words[0], words[1:]) if len(words) >= 2 else None


def _labelled(group: LabelGroup) -> bool:
    """Whether the group's name is its label's (the captioner's typing, which may be cut)."""
    return group.name is not None and any(name_key(lab) == name_key(group.name) for lab in group.labels)


def join_cut_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> tuple[list[LabelGroup], dict[str, str]]:
    """The groups with each cut label given its full name (see the module's docstring), joined
    with the full name's own group where it has one, and the renames made (old -> new name)."""
    speech = [t.index for t in turns if t.kind == "speech"]
    texts: list[tuple[str, str]] | None = None  # made when a label first asks (issue 19)
    gone: set[int] = set()
    renamed: dict[str, str] = {}
    for group in groups:
        if id(group) in gone or group.name is None or not _labelled(group):
            continue
        split = _split(group.name)
        if split is None:
            continue
        first, surname = split
        others = [g for g in groups if g is not group and id(g) not in gone and g.name]
        if texts is None:
            texts = speech_texts(turns)
        # a surname the speech says as the label spells it is no mishearing ("Ekpenyong.  (Laughter.)")
        heard = not _said_as_labelled(group.name, texts)
        fuller = [
            g for g in others if (s := _split(g.name or "")) and s[0] == first and cut_surname(surname, s[1], heard)
        ]
        said = [
            n
            for n in said_full_names(first, texts)
            if (s := _split(n)) and cut_surname(surname, s[1], heard) and not same_person(n, group.name)
        ]
        names = [g.name for g in fuller if g.name] + said
        if not names or any(not same_person(n, names[0]) for n in names[1:]):
            continue
        full = max(names, key=len)
        # nobody else goes by this first name, and the full name is nobody else's
        if any(
            g not in fuller and ((_split(g.name or "") or ("",))[0] == first or same_person(full, g.name or ""))
            for g in others
        ):
            continue
        if len(fuller) > 1 or (fuller and answer_each_other(group, fuller[0], speech)):
            continue
        other = join_or_name(group, fuller[0] if fuller else None, full, renamed)
        if other is not None:
            gone.add(id(other))
    return [g for g in groups if id(g) not in gone], renamed
