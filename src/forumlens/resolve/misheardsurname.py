"""A surname-only label typed by ear: ">> WIERZCHOWSKA:" right after "Bożena, we start with the
operators, please.", in a session that introduced "Bożena Wierzchosławska" (and later labels her
">> WIERZCHOSLAWSKA:").

Why: the IGF captions of 2006–2012 label speakers by their surname alone, and a hard surname is
typed as heard before the captioner has the spelling. The label then matches no name the session
says (`firstnames` wants the same first name called twice, `cutlabels` and `soundalike` a first
name in the label), so the panellist becomes two people, the first without a name or a body.
What tells it, taken together:

- the turn before one of the label's turns is said to a first name ("Bożena, …": the chair
  giving the floor), and nobody else of the cast goes by that first name;
- the session says one full name with that first name (a speaker's name or the chair's
  introduction), and its surname is close to the label as sounds typed by ear are: the same
  first letter, at most a third of the letters apart;
- the label's speaker and that full name's speaker never answer each other.

The label then takes the full name, joined with that name's own group where it has one (the
earlier keeps its place).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from forumlens.models import Turn
from forumlens.resolve.cutlabels import said_full_names, speech_texts
from forumlens.resolve.firstnames import called_before
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.respelled import join_or_name
from forumlens.resolve.soundalike import answer_each_other

__all__ = ["heard_alike", "join_misheard_surnames"]


def heard_alike(label: str, surname: str) -> bool:
    """Whether a label's one word (a name key) is `surname` (a name key) or could be it typed by ear."""
    a, b = label.replace(" ", ""), surname.replace(" ", "")
    return a == b or (
        min(len(a), len(b)) >= 5 and a[0] == b[0] and Levenshtein.distance(a, b) <= max(len(a), len(b)) // 3
    )


def _surname_label(group: LabelGroup) -> str | None:
    """The name key of a group named by a label of one word (">> WIERZCHOWSKA:"), else None."""
    if group.name is None or len(group.name.split()) != 1:
        return None
    key = name_key(group.name)  # a hyphenated surname is one word of the label, two of the key
    return key if any(name_key(lab) == key for lab in group.labels) else None


def join_misheard_surnames(
    groups: Sequence[LabelGroup], turns: Sequence[Turn]
) -> tuple[list[LabelGroup], dict[str, str]]:
    """The groups with each misheard surname label given its full name (see the module's
    docstring), and the renames made (old name -> full name)."""
    speech = [t.index for t in turns if t.kind == "speech"]
    texts: list[tuple[str, str]] | None = None  # made when a label first asks (issue 19)
    gone: set[int] = set()
    renamed: dict[str, str] = {}
    for group in groups:
        label = _surname_label(group) if id(group) not in gone else None
        if label is None:
            continue
        called = {n for n in (called_before(turns, i) for i in group.turns) if n is not None}
        if len(called) != 1:
            continue
        first = name_key(called.pop())
        if first == label:
            continue  # a given name alone, or one name badged twice ("SUTARNI SUTARNI"): no surname
        others = [g for g in groups if g is not group and id(g) not in gone and g.name]
        holders = [g for g in others if name_key(g.name or "").split()[0] == first]
        if len(holders) > 1:
            continue
        if texts is None:
            texts = speech_texts(turns)
        names = [h.name for h in holders if h.name and len(h.name.split()) >= 2]
        names += said_full_names(first, texts)
        fits = [n for n in names if heard_alike(label, " ".join(name_key(n).split()[1:]))]
        if not fits or any(not same_person(n, fits[0]) for n in fits[1:]):
            continue
        full = max(fits, key=len)
        if holders and not same_person(full, holders[0].name or ""):
            continue  # the one who goes by that first name is somebody else
        if holders and answer_each_other(group, holders[0], speech):
            continue
        other = join_or_name(group, holders[0] if holders else None, full, renamed)
        if other is not None:
            gone.add(id(other))
    return [g for g in groups if id(g) not in gone], renamed
