"""A label held in turn by several people: a seat or a side, not a person.

Why: captioners who cannot see who sits down label the place, not the person: every voice that
comes into a fishbowl from the room is ">> EMPTY CHAIR:", two debaters share ">> PROPOSITION:",
four prize-winners come to the stage as ">> AWARDEE:". Read as one person, the label merges
everyone who held it (one name, one affiliation, one mode, and every other holder an extra
person or a lost one). Nothing in the label's spelling says it is a seat: "EMPTY CHAIR" reads as
a name. The session's shape does:

- its turns carry two different people saying their own names ("I am Besa …", "My name is
  Parisa …"), neither of them the label's name; or
- the label is ordinary words (every word an English word) that the speech never uses as a
  name (never written with a capital inside a sentence), and the turns before its turns hand
  the floor to two different people ("Yaw, can you hear us?" … "Anyone from the proposition?
  Anjana.").

A seat's turns are then told apart by `selfnames.split_shared_voices` (self-introductions,
hand-offs, a voice tagging itself "It's Nyasha"), with the rule of a seat (`holders`): a turn
nobody names stays with the one who held the seat before it, unless it opens as a new voice
does (a greeting, "my name …"), which starts an unnamed holder of its own; unnamed holders are
kept apart, never merged with each other or with a named one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, opens_as_new_voice, same_person
from forumlens.resolve.selfnames import is_generic_label, own_names
from forumlens.text.englishwords import english_word
from forumlens.transcript.speakers import display_name

__all__ = ["holders", "is_word_label", "split_seats"]

_OPENING = 300  # characters of a turn where a new holder says their name
SeatSplit = Callable[[Sequence[LabelGroup], Sequence[Turn], Callable[[str], bool]], list[LabelGroup]]


def is_word_label(label: str, speech: str) -> bool:
    """A label of ordinary words ("EMPTY CHAIR", "PROPOSITION") that the speech never writes as a
    name: every word is English, and none appears capitalised after a sentence's first word
    ("Doc, let's start" … "Thank you, Doc": a nickname, a name)."""
    words = re.findall(r"[^\W\d_]+", label)
    if not words or not all(english_word(w.lower()) for w in words):
        return False
    for word in words:
        capital = word[0].upper() + word[1:].lower()
        # a capitalised use not opening a sentence (nor a line, nor a quotation)
        if re.search(rf"(?<![.?!:\"“\n])(?<![.?!:\"“]\s)(?<![.?!:\"“]\s\s)\b{re.escape(capital)}\b", speech):
            return False
    return True


def _own_names(group: LabelGroup, turns: Sequence[Turn]) -> list[str]:
    """The people the group's turns say are themselves (two at most), the label's own name left
    out (not the group's name: an earlier step may have named the seat after its first holder)."""
    found: list[str] = []
    labelled = [n for lab in group.labels if (n := display_name(lab))]
    for index in group.turns:
        # people say who they are as they open ("Hi.  Okay.  … I am Besa …"), not deep in a turn
        for name in own_names(turns[index].text, _OPENING):
            if any(same_person(name, n) for n in labelled):
                continue
            if not any(same_person(name, other) for other in found):
                found.append(name)
        if len(found) >= 2:
            break  # two are all a seat needs
    return found


def holders(
    group_turns: Sequence[int], owner: dict[int, str | None], anonymous: Iterable[int], turns: Sequence[Turn]
) -> tuple[dict[int, str | None], list[list[int]]]:
    """The holders of a seat, turn by turn: `owner` (turn → the person a self-introduction or a
    hand-off told, None for none) completed by the seat's rule, and the unnamed holders' runs of
    turns. A turn nobody told stays with the seat's previous holder; one that declines a name
    (`anonymous`), opens as a new voice, or comes before any holder starts an unnamed holder."""
    declined = set(anonymous)
    held = dict(owner)
    runs: list[list[int]] = []
    previous: str | int | None = None  # a name, or the position of an unnamed holder's run
    for index in group_turns:
        name = held.get(index)
        if name is not None:
            previous = name
            continue
        if index in declined or previous is None or opens_as_new_voice(turns[index].text):
            runs.append([index])
            previous = len(runs) - 1
        elif isinstance(previous, str):
            held[index] = previous
        else:
            runs[previous].append(index)
    return held, runs


def split_seats(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], split: SeatSplit
) -> tuple[list[LabelGroup], frozenset[str]]:
    """The groups with every seat label split into its holders (module docstring), and the seat
    labels. `split` is `selfnames.split_shared_voices` with the seat rule (`holders`) for the
    labels it is given; a label that does not come apart into two named holders keeps its group
    as it was."""
    speech = "\n".join(t.text for t in turns if t.kind == "speech")
    candidates: dict[str, LabelGroup] = {}
    for group in groups:
        if group.name is None or len(group.turns) < 2 or len(group.labels) != 1:
            continue
        label = group.labels[0]
        if is_generic_label(label):
            continue
        said = len(_own_names(group, turns))
        # two self-introductions; or ordinary words no holder names themselves under (one who does
        # and is the only one is the label's holder: "MC: … My name is …")
        if said >= 2 or (said == 0 and is_word_label(label, speech)):
            candidates[label] = group
    if not candidates:
        return list(groups), frozenset()
    kept = _split_apart(groups, turns, split, candidates)
    if set(kept) != set(candidates):
        # a candidate that did not come apart into two named holders is one person after all
        # (and none of its turns may have joined another speaker): the split again without it
        kept = _split_apart(groups, turns, split, {label: candidates[label] for label in kept})
    if not kept:
        return list(groups), frozenset()
    return _split(groups, turns, split, kept), frozenset(kept)


def _split(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], split: SeatSplit, seats: dict[str, LabelGroup]
) -> list[LabelGroup]:
    """The groups with the seats' groups unnamed and split into their holders."""
    chosen = {id(g) for g in seats.values()}
    # copies: the split joins turns to other speakers' groups, and a trial must leave them as they were
    freed = [LabelGroup(None if id(g) in chosen else g.name, list(g.labels), list(g.turns), g.hub) for g in groups]
    return split(freed, turns, lambda lab: lab in seats)


def _split_apart(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], split: SeatSplit, seats: dict[str, LabelGroup]
) -> dict[str, LabelGroup]:
    """The seats that come apart into two named holders or more when split."""
    if not seats:
        return {}
    named: dict[str, int] = {}
    for group in _split(groups, turns, split, seats):
        # a holder who also spoke under a label of their own ("EMPTY CHAIR", then "BESA …") counts
        for label in {lab for lab in group.labels if lab in seats} if group.name is not None else ():
            named[label] = named.get(label, 0) + 1
    return {label: group for label, group in seats.items() if named.get(label, 0) >= 2}
