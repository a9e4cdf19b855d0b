"""One speaker whose surname the captioner types three ways, as heard: ">> GREGORZ HSHONSHEVSKI:",
later ">> GRZEGORZ CHRZASZCZEWSKI:" and ">> GRZEGORZ CHSHONSZEVSKI:".

Why: a hard surname is typed by ear, and each try is its own label. Too far apart for a caption
variant (`people.same_person`), and nobody spells it out between the labels (`respelled`), so the
one panelist becomes two people, the second without a body. What tells the respellings from two
people who share a first name, taken together:

- the first names are one (at most one letter apart: "Gregorz", "Grzegorz");
- the surnames are close as sounds typed by ear are: at most half their letters apart (compared
  label by label, so "Hshonshevski" reaches "Chrzaszczewski" through "Chshonszevski");
- the two voices never answer each other: no turn of one comes straight after a turn of the
  other (two Leylas in one session speak to each other; one person does not);
- no third speaker goes by that first name (then the first name no longer tells who is who).

The name kept is the one said in the speech ("Grzegorz Chrząszczewski", the chair saying it
slowly for the captioners), else the one with more turns; the other spellings stay as labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, pairwise

from rapidfuzz.distance import Levenshtein

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key
from forumlens.resolve.respelled import merge_into

__all__ = ["answer_each_other", "join_soundalikes"]


def _split(name: str) -> tuple[str, str] | None:
    """(first name, surname) on the name key; None for a lone word."""
    words = name_key(name).split()
    return (words[0], "".join(words[1:])) if len(words) >= 2 else None


def _close(a: str, b: str) -> bool:
    """Surnames a captioner could type for one sound: different, at most half the letters apart."""
    return a != b and min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) <= max(len(a), len(b)) // 2


def _keys(group: LabelGroup) -> list[tuple[str, str]]:
    """The (first, surname) pairs of a group's name and of each of its labels."""
    keys = [_split(n) for n in [group.name or "", *group.labels]]
    return [k for k in keys if k]


def _sound_alike(a: LabelGroup, b: LabelGroup) -> bool:
    return any(
        Levenshtein.distance(x[0], y[0]) <= 1 and len(x[0]) >= 3 and _close(x[1], y[1])
        for x in _keys(a)
        for y in _keys(b)
    )


def answer_each_other(a: LabelGroup, b: LabelGroup, speech: Sequence[int]) -> bool:
    """Whether a turn of one comes straight after a turn of the other."""
    pair = (set(a.turns), set(b.turns))
    return any((x in pair[0] and y in pair[1]) or (x in pair[1] and y in pair[0]) for x, y in pairwise(speech))


def _first_shared(group: LabelGroup, others: Sequence[LabelGroup]) -> bool:
    """Whether another speaker (full name or first name alone) goes by this group's first name."""
    first = {k[0] for k in _keys(group)}
    return any(g is not group and g.name and (name_key(g.name).split() or [""])[0] in first for g in others)


def join_soundalikes(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> tuple[list[LabelGroup], dict[str, str]]:
    """The groups with each pair of a surname's respellings joined (see the module's docstring),
    and the renames made (old name -> kept name, so a chair found under one stays the chair)."""
    speech = [t.index for t in turns if t.kind == "speech"]
    spoken: str | None = None  # the whole talk's name key: only a joined pair asks it (issue 19)
    named = [g for g in groups if g.name and len(g.name.split()) >= 2]
    gone: set[int] = set()
    renamed: dict[str, str] = {}
    for a, b in combinations(named, 2):
        if id(a) in gone or id(b) in gone or not _sound_alike(a, b) or answer_each_other(a, b, speech):
            continue
        rest = [g for g in groups if g is not a and g is not b]
        if _first_shared(a, rest) or _first_shared(b, rest):
            continue
        if spoken is None:
            spoken = name_key(" ".join(turns[i].text for i in speech))
        said = [g.name for g in (a, b) if g.name and f" {name_key(g.name)} " in f" {spoken} "]
        final = said[0] if len(said) == 1 else max((a, b), key=lambda g: len(g.turns)).name
        if a.name is None or b.name is None or final is None:
            continue
        merge_into(a, b, final, renamed)  # the earlier speaker's place in the cast, under the spoken name
        gone.add(id(b))
    return [g for g in groups if id(g) not in gone], renamed
