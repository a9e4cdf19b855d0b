"""A body's change of name, stated in a session or document, read as one actor under two names. Pure.

Why: a coalition renamed between years ("Some of you knew us as the coalition on web archiving; since Vilnius we
are the Dynamic Coalition on Digital Heritage") keeps its asks and promises, but its items are read under the old
name in the early sessions and the new one after; linking never joins two actors, so its threads split in two.
The corpus says the rename itself, in a few sentence shapes, and that is the only source of the alias (no list of
names): the old name after "known as", "knew us as", "formerly", "previously", "used to be (called)"; the new one
after "we are (now)", "we became", "is now", "renamed (to)", "now called"; or "NEW (formerly OLD)", "OLD, now
renamed NEW", "changed our name from OLD to NEW". A name is a body's head and its topic ("(Dynamic) Coalition on
X", "… Forum / Network / Group on X"): the words of a rename are read as such names only.

A merger is a rename of each body that merged: "OLD1 and OLD2 are (now) one coalition, NEW", "OLD1 and OLD2 (have)
merged into / to form NEW", "NEW, formed (…) from OLD1 and OLD2"; the merged body keeps both bodies' asks and
promises, so each old name is read as the new one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..text.fastre import Prefiltered
from .models import Item

__all__ = ["name_key", "renamed_actors", "stated_renames"]

# a body's name: a head ending in coalition / forum / network / group, "on" or "for", and its topic (up to the
# end of its clause: punctuation, a conjunction or a relative word)
_HEAD = r"(?:(?:[Dd]ynamic\s+)?[Cc]oalition|DC|(?:[A-Z][\w-]*\s+)*(?:[Ff]orum|[Nn]etwork|[Gg]roup|[Cc]oalition))"
_TOPIC = r"[^\s.,;:()!?]+(?:\s+(?!(?:because|since|but|which|who|that|when|as|from|to|at|until|with|we|our)\b)[^\s.,;:()!?]+)*"
_NAME = rf"(?:[Tt]he\s+)?(?P<{{}}>{_HEAD}\s+(?:on|for)\s+{_TOPIC})"
_OLD = _NAME.format("old")
_NEW = _NAME.format("new")
_WAS = r"\b(?:knew\s+us\s+as|known\s+as|(?:was|were)\s+called|formerly(?:\s+known\s+as|\s+called)?|previously(?:\s+known\s+as|\s+called)?|used\s+to\s+be(?:\s+called)?)\s+"
_NOW = r"\b(?:we\s+are(?:\s+now)?|we're(?:\s+now)?|now\s+we\s+are|we\s+(?:have\s+)?become|we\s+became|(?:it|this)\s+is\s+now|(?:now\s+)?renamed(?:\s+(?:as|to|into))?|now\s+called|(?:our|its)\s+new\s+name\s+is)\s+"
_SHAPES = (
    re.compile(rf"{_WAS}{_OLD}[^.!?]{{0,80}}?{_NOW}{_NEW}"),  # "knew us as OLD; since Vilnius we are NEW"
    re.compile(
        rf"{_NEW}\s*[(,]\s*(?:formerly|previously)(?:\s+known\s+as|\s+called)?\s+{_OLD}"
    ),  # "NEW (formerly OLD)"
    re.compile(rf"{_OLD},?\s+(?:now\s+)?renamed(?:\s+(?:as|to|into))?\s+{_NEW}"),  # "OLD, now renamed NEW"
    re.compile(
        rf"\b(?:renamed|changed\s+(?:our|its|their|the)\s+name)\s+(?:\w+\s+)?from\s+{_OLD}\s+(?:to|into)\s+{_NEW}"
    ),
)


# a merger: two names joined by "and" (read as one `_OLD`, split at the second head), then the body they became
_JOINED = re.compile(r"\s+and\s+(?:the\s+)?(?=(?:[Dd]ynamic\s+)?[Cc]oalition\b|DC\b)")
_BECAME = (
    r"\s+(?:are\s+(?:now\s+)?|have\s+become\s+|became\s+|now\s+form\s+|form(?:ed)?\s+)(?:one|a\s+single)\s+"
    r"(?:coalition|body|group|network)\s*[,:(]?\s*"
    r"|\s+(?:have\s+|had\s+|were\s+)?(?:merged|merge|joined|join|came\s+together)\s+(?:into|to\s+form|to\s+become|as)\s+"
)
_MERGERS = (
    re.compile(rf"{_OLD}(?:{_BECAME}){_NEW}"),  # "A and B are one coalition, NEW" / "A and B merged into NEW"
    re.compile(
        rf"{_NEW},?\s+(?:was\s+)?(?:formed|born|created)\b[^.!?]{{0,40}}?\bfrom\s+(?:the\s+merger\s+of\s+)?{_OLD}"
    ),
)

# each shape behind its literal prefilter ("formerly", "renamed", "formed … from"): a shape opening with a name
# tries every capitalised word of a turn and backtracks through its topic, ~1.5 ms a session each, where most
# turns lack the shape's verb; the prefilter says "no match" only where the pattern has none (issue 19)
_GATED_SHAPES = tuple(map(Prefiltered, _SHAPES))
_GATED_MERGERS = tuple(map(Prefiltered, _MERGERS))


def stated_renames(text: str) -> list[tuple[str, str]]:
    """(old name, new name) of every rename a text states, as worded there ("coalition on web archiving",
    "Dynamic Coalition on Digital Heritage"), and of each body a merger names; a name said twice in one rename is
    none."""
    if not _HINT.search(text):
        return []
    flat = re.sub(r"\*{1,3}|_{2,}", "", " ".join(text.split()))  # Markdown emphasis around a name
    out: list[tuple[str, str]] = []
    for shape in _GATED_SHAPES:
        for m in shape.finditer(flat):
            _add(out, m.group("old"), m.group("new"))
    for shape in _GATED_MERGERS:
        for m in shape.finditer(flat):
            parts = _JOINED.split(m.group("old"))
            if len(parts) > 1:  # a merger is of two bodies or more; one name is a rename `_SHAPES` reads
                for old in parts:
                    _add(out, old, m.group("new"))
    return out


def _add(out: list[tuple[str, str]], old: str, new: str) -> None:
    if name_key(old) is not None and name_key(old) != name_key(new) and (old, new) not in out:
        out.append((old, new))


def name_key(name: str) -> tuple[str, str] | None:
    """How two wordings of one body's name compare: ("coalition", topic in lower case), the head said in short
    ("Dynamic Coalition on X", "DC on X", "coalition on X" are one); None when it is no head-and-topic name."""
    m = re.match(rf"^(?:[Tt]he\s+)?({_HEAD})\s+(?:on|for)\s+(.+)$", " ".join(name.split()))
    if m is None:
        return None
    head = m.group(1).lower().removeprefix("dynamic ")
    head = "coalition" if head == "dc" else head
    return head, m.group(2).casefold()


_HINT = re.compile(
    r"\b(?:known|knew|called|formerly|previously|renamed|name|merged?|joined|join|formed|came\s+together"
    r"|(?:one|a\s+single)\s+(?:coalition|body|group|network))\b",
    re.I,
)


def _merged_into(
    value: str, new_of: dict[tuple[str, str], tuple[str, str]], last: Callable[[tuple[str, str]], tuple[str, str]]
) -> tuple[str, str] | None:
    """The name a body's name is now read under: its rename's last name, or, for a name that holds bodies joined by
    "and" ("the DC on Rivers and the DC on Lakes", a merger's document read as by both), the one body they all
    merged into; None when it was not renamed."""
    key = name_key(value)
    if key is not None and key in new_of:
        return last(key)
    parts = _JOINED.split(" ".join(value.split()))
    keys = [name_key(part) for part in parts]
    if len(parts) < 2 or any(k is None or k not in new_of for k in keys):
        return None
    targets = {last(k) for k in keys if k is not None}
    return targets.pop() if len(targets) == 1 else None


def renamed_actors(items: Sequence[Item], renames: Iterable[tuple[str, str]]) -> list[Item]:
    """The items with every body a stated rename names by its old name read under its new one.

    The new name is the actor the corpus already reads it as (a registry coalition, or an institution's name as
    its items say it, the most frequent wording); a new name no item is under is kept as the rename says it.
    A chain of renames (A → B, later B → C) ends at its last name."""
    new_of: dict[tuple[str, str], tuple[str, str]] = {}
    said: dict[tuple[str, str], str] = {}
    for old, new in renames:
        a, b = name_key(old), name_key(new)
        if a is not None and b is not None and a != b:
            new_of[a] = b
            said.setdefault(b, new)
    if not new_of:
        return list(items)
    seen: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
    for item in items:
        for field, value in (("coalition", item.coalition), ("org", item.org)):
            if value and (key := name_key(value)) is not None:
                seen.setdefault(key, Counter())[(field, value)] += 1

    def last(key: tuple[str, str]) -> tuple[str, str]:
        visited = {key}
        while key in new_of and new_of[key] not in visited:
            key = new_of[key]
            visited.add(key)
        return key

    out = []
    for item in items:
        for field, value in (("coalition", item.coalition), ("org", item.org)):
            target = _merged_into(value, new_of, last) if value else None
            if target is None:
                continue
            kind, name = seen[target].most_common(1)[0][0] if target in seen else ("org", said.get(target, value))
            if kind == "coalition":
                item = replace(item, coalition=name, org=None if field == "org" else item.org)
            else:
                item = replace(item, coalition=None if field == "coalition" else item.coalition, org=name)
            break
        out.append(item)
    return out
