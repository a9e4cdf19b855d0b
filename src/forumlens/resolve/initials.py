"""Initials labels ("DR. M.R.", "H.E. S.B.") → the person whose name they abbreviate.

Some captioners of the early IGF wrote a speaker's initials as the label until they had the
name in full ("DR. M.R." for the chair who then says "My name is Dr. Meenakshi Raghunathan",
later "DR. RAGHUNATHAN"). Left alone, "M.r" is a person of its own, without the self-
introduction or hand-off that the full name carries, and the session counts one person twice.

The rule: a label whose name part is only initials (each letter followed by a period, two to
four of them, a hyphen joining the letters of one hyphenated given name: "J.-P. M.") is the one
person of the session whose name has those initials: another speaker's full name, or a full
name said in a speech turn ("His Excellency Dr. Saleh Barakzai, Deputy Minister …"). A
hyphenated family name counts once ("Otieno Wekesa-Barasa" is O.W.) or by every part
("O.W.-B."). As with titled surnames (`resolve.titled`), the join happens only when exactly one
person fits, and a title's gender on the label vetoes a name said with the other gender's title
("MS. S.Q." is no "Mr. Samir Qaderi"). A label without periods ("VK", "AB") is left alone:
two-letter surnames ("Li", "Ng") are written the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.titled import given_word, merge_groups, persons, title_gender, turn_words
from forumlens.resolve.titles import is_title_word, parse_title
from forumlens.transcript.speakers import normalise_label, sentence_word

__all__ = ["join_initials", "label_initials"]

# "M.R", "M. R.", "J.-P. M", "A.B.C": letters each closed by a period (the last one's may be
# dropped by the label normaliser), a hyphen joining two letters of one given name
_INITIALS = re.compile(r"(?:[^\W\d_]\.(?:\s*-\s*[^\W\d_]\.?)*\s*){1,3}[^\W\d_](?:\.(?:\s*-\s*[^\W\d_])*)?\.?")
_UNIT = re.compile(r"[^\W\d_](?:\.?\s*-\s*[^\W\d_])*")
_PARTICLES = frozenset({"de", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den", "la", "le"})


def label_initials(label: str) -> tuple[str, ...] | None:
    """The initials a label's name part is made of, one unit per name word, lower case
    ("DR. M.R." → ("m", "r"); "J.-P. M." → ("j-p", "m")); None when the name is anything else."""
    name = parse_title(normalise_label(label)).name
    if not name or "." not in name or not _INITIALS.fullmatch(name.strip()):
        return None
    units = tuple(re.sub(r"[.\s]", "", u).casefold() for u in _UNIT.findall(name))
    units = tuple(name_key(u.replace("-", " ")).replace(" ", "-") for u in units)
    return units if 2 <= len(units) <= 4 and all(units) else None


def _word_units(word: str) -> set[str]:
    """The initials one name word may be written as: its first letter, and for a hyphenated
    word the first letter of every part ("Wekesa-Barasa": "w" and "w-b")."""
    parts = name_key(word).split()
    if not parts:
        return set()
    return {parts[0][0], "-".join(p[0] for p in parts)}


def _fits(words: Sequence[str], units: Sequence[str]) -> bool:
    names = [w for w in words if w.casefold() not in _PARTICLES]
    return len(names) == len(units) and all(u in _word_units(w) for w, u in zip(names, units))


def _said_with_initials(units: Sequence[str], turns: Sequence[Turn]) -> list[tuple[str, str | None]]:
    """Every full name said in a speech turn whose words have exactly these initials, with
    the gender of a title right before it. The name is a whole run of name words: neither
    a given name before it nor a name word after it ("Otieno Wekesa Barasa" is no O.W.)."""
    n = len(units)
    first = units[0][0]
    found: list[tuple[str, str | None]] = []
    for turn in turns:
        if turn.kind != "speech":
            continue
        words = turn_words(turn.text)
        tokens, text = words.tokens, turn.text
        for i in words.by_initial.get(first, ()):
            if i > 0 and not text[tokens[i - 1].end() : tokens[i].start()].strip():
                before = tokens[i - 1].group()
                if given_word(before) and not is_title_word(before):
                    continue  # the middle of a longer name
            run: list[str] = []
            j = i
            while j < len(tokens) and len(run) < n + 2:
                word = tokens[j].group()
                if run and text[tokens[j - 1].end() : tokens[j].start()].strip():
                    break  # punctuation: the name ended
                bare = word.rstrip(".")
                if not bare[:1].isupper() and bare.casefold() not in _PARTICLES:
                    break
                if sentence_word(bare) or is_title_word(word) or (word.endswith(".") and len(bare) == 1):
                    break
                run.append(bare)
                j += 1
                if word.endswith("."):
                    break  # a sentence ends with the word
            while run and run[-1].casefold() in _PARTICLES:
                run.pop()
            if len(run) >= 2 and _fits(run, units):
                gender = title_gender(tokens, i - 1, text) if i > 0 and is_title_word(tokens[i - 1].group()) else None
                found.append((" ".join(run), gender))
    return found


def _gender(group: LabelGroup) -> str | None:
    genders = {parse_title(lab).gender for lab in group.labels} - {None}
    return genders.pop() if len(genders) == 1 else None


def join_initials(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Join each group labelled only by initials to the one person whose name has them: merged
    into that speaker's group, or named after the one full name said; left alone when no
    person or two fit, or when the label's title and the name's title say different genders."""
    result = list(groups)
    for group in list(result):
        if not group.labels:
            continue
        found = {label_initials(lab) for lab in group.labels}
        if len(found) != 1 or None in found:
            continue
        units = found.pop()
        assert units is not None
        speakers = [
            g
            for g in result
            if g is not group and g.name and label_initials(g.name) is None and _fits(g.name.split(), units)
        ]
        said = _said_with_initials(units, turns)
        people = persons([*(g.name for g in speakers if g.name), *(name for name, _ in said)])
        if len(people) != 1:
            continue
        person = people[0]
        gender = _gender(group)
        said_genders = {g for name, g in said if g and name in person}
        if gender and said_genders and said_genders != {gender}:
            continue
        owner = next((g for g in speakers if g.name and any(same_person(g.name, n) for n in person)), None)
        if owner is not None:
            merge_groups(owner, group)
            result.remove(group)
        else:
            group.name = max(person, key=lambda n: (person[n], len(n)))
    return sorted(result, key=lambda g: g.turns[0])
