"""A label the captioner re-spells mid-speech: ">> MAREK SHEFCHIK:" twice, then, after the speaker
spells it out ("It is Szewczyk, S-Z-E-W-C-Z-Y-K"), ">> MAREK SZEWCZYK:" for the rest.

Why: a captioner types a name as heard and corrects the label once the speaker (or a card)
gives the spelling. The two spellings are too far apart for a fuzzy match ("Shefchik",
"Szewczyk"), so label by label the one speaker becomes two people, the first with the right
body and the second a participant with none. Three things together tell the correction from two
people who share a first name: the new label follows the old one with nobody between, both give
the same first name, and the new surname was said in the old label's own words (the speaker
spelling it). The person keeps the corrected name; the old spelling stays among the labels.

Also one person under two labels that become caption variants of one name only once the
labels are named (">> Eng. Ceesay:" named "Bakary Ceesay" from his own words, later ">> Bakary
Cessay:"): the label grouping compared the labels before the names were complete, so the two
groups are joined here (`join_variants`), under the spelling the speech says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key, same_person

__all__ = ["join_respelled", "join_variants", "merge_into"]


def _corrects(old: LabelGroup, new: LabelGroup, turns: Sequence[Turn]) -> bool:
    """Whether `new`'s name is `old`'s re-spelled: same first name, another surname, that surname
    said in `old`'s own turns."""
    if old.name is None or new.name is None:
        return False
    was, now = name_key(old.name).split(), name_key(new.name).split()
    if len(was) < 2 or len(now) < 2 or was[0] != now[0] or was[-1] == now[-1] or len(now[-1]) < 3:
        return False
    surname = new.name.split()[-1]
    said = re.compile(rf"\b{re.escape(surname)}\b", re.IGNORECASE)
    return any(said.search(turns[i].text) for i in old.turns)


def join_respelled(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """The groups with each label a captioner re-spelled joined into the corrected one (see the
    module's docstring); groups left alone otherwise."""
    owner = {index: group for group in groups for index in group.turns}
    speech = [t for t in turns if t.kind == "speech"]
    gone: set[int] = set()
    for before, after in pairwise(speech):
        old, new = owner.get(before.index), owner.get(after.index)
        if old is None or new is None or old is new or id(old) in gone or not _corrects(old, new, turns):
            continue
        new.turns = sorted([*old.turns, *new.turns])
        new.labels = [*old.labels, *(lab for lab in new.labels if lab not in old.labels)]
        for index in old.turns:
            owner[index] = new
        old.turns = []
        gone.add(id(old))
    if not gone:
        return list(groups)
    return [g for g in groups if id(g) not in gone]


_HUB = re.compile(r"\bhub\b", re.IGNORECASE)


def join_variants(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> tuple[list[LabelGroup], dict[str, str]]:
    """The groups with any two whose full names are caption variants of one name joined, and
    the renames made (old name -> kept name, so a chair found under one stays the chair). The
    name kept is the one said in the speech, else the first group's."""
    spoken = "\n".join(t.text for t in turns if t.kind == "speech").casefold()
    result: list[LabelGroup] = []
    renamed: dict[str, str] = {}
    for group in groups:
        name = group.name
        if name is None or len(name.split()) < 2 or _HUB.search(name):
            result.append(group)
            continue
        others = [
            g for g in result if g.name and g.name != name and len(g.name.split()) >= 2 and not _HUB.search(g.name)
        ]
        kept = next((g for g in others if g.name and same_person(g.name, name)), None)
        if kept is None:
            shortened = [g for g in others if g.name and _shortened(g.name, name) and _answers_to(g, group, turns)]
            # only one person the shorter name can be: two Quillas keep "WILFREDO QUILLA" apart
            kept = shortened[0] if len(shortened) == 1 and _shortened_once(name, groups) else None
        if kept is None or kept.name is None:
            result.append(group)
            continue
        said = [n for n in (kept.name, name) if n.casefold() in spoken]
        merge_into(kept, group, said[0] if said else kept.name, renamed)
    return result, renamed


def _shortened(a: str, b: str) -> bool:
    """Whether one full name is the other written short by the next captioner: a family name
    left off the end ("WILFREDO QUILLA" of Wilfredo Quilla Mayhuire), or the same family name
    with a given name that is the start or end of the other's ("KEMI FADIPE-IGE" of Oluwakemi
    Fadipe-Ige, "ALEX" of Alexandra): at least two words each, the short given name three letters."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False  # a name in a script the key keeps nothing of ("王 伟")
    short, full = sorted((ka, kb), key=lambda k: (len(k), len(k[0])))
    if len(short) < 2 or short == full:
        return False
    if len(short) < len(full) and full[: len(short)] == short:
        return True
    given, whole = short[0], full[0]
    return (
        short[1:] == full[len(full) - len(short) + 1 :]
        and len(given) >= 3
        and given != whole
        and (whole.startswith(given) or whole.endswith(given))
    )


def _answers_to(a: LabelGroup, b: LabelGroup, turns: Sequence[Turn]) -> bool:
    """Whether the short name's given name is one its bearer gives in their own words ("I am
    Oluwakemi Fadipe-Ige, everybody calls me Kemi"); a family name left off needs no such word.
    Two people of one family name ("Ana Silva", "Mariana Silva") stay apart unless one says so."""
    if a.name is None or b.name is None:
        return False
    ka, kb = name_key(a.name).split(), name_key(b.name).split()
    if not ka or not kb or len(ka) != len(kb):
        return True
    (short, _), (_, long_group) = sorted(((ka, a), (kb, b)), key=lambda p: len(p[0][0]))
    said = re.compile(rf"\b{re.escape(short[0])}\b", re.IGNORECASE)
    return any(said.search(name_key(turns[i].text)) for i in long_group.turns)


def _shortened_once(name: str, groups: Sequence[LabelGroup]) -> bool:
    """Whether exactly one other named group is `name` written in full (or short)."""
    return sum(1 for g in groups if g.name and g.name != name and _shortened(g.name, name)) == 1


def merge_into(kept: LabelGroup, other: LabelGroup, final: str, renamed: dict[str, str]) -> None:
    """One person under two groups: `kept` takes `other`'s turns and labels under the name
    `final`, and `renamed` records each name that is not `final` (old name -> kept name, so a
    chair found under either stays the chair)."""
    for old in (kept.name, other.name):
        if old is not None and old != final:
            renamed[old] = final
    kept.turns = sorted([*kept.turns, *other.turns])
    kept.labels += [lab for lab in other.labels if lab not in kept.labels]
    kept.name = final


def join_or_name(group: LabelGroup, holder: LabelGroup | None, full: str, renamed: dict[str, str]) -> LabelGroup | None:
    """`group` is the person named `full`: joined with `holder`, that name's own group, when
    there is one (the earlier speaker keeps its place; the later group is returned, gone), else
    renamed. `renamed` records the old names (`merge_into`)."""
    if holder is None:
        if group.name is not None:
            renamed[group.name] = full
        group.name = full
        return None
    kept, other = (group, holder) if min(group.turns) < min(holder.turns) else (holder, group)
    merge_into(kept, other, full, renamed)
    return other
