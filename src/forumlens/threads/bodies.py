"""One body under one name: the wordings of a coalition's or a forum's name that differ only in case, apostrophes or
the field that holds it read as one actor. Pure.

Why: linking never joins two actors, and the actor key is the name as an item holds it. The same coalition reaches
items in several wordings: a caption label in capitals that is the body itself (">> DYNAMIC COALITION ON SEAFARERS'
CONNECTIVITY:", read as a speaker), an introduction the registry does not know (an institution, "Dynamic Coalition
on Seafarers' Connectivity"), a document's metadata (a coalition). Its ask of one year then never meets the same ask
of the next. A name is compared by its head and topic (`renames.name_key`: "DC on X" and "Dynamic Coalition on X"
are one), with case and apostrophes ignored; each body is then written as most of its items write it, a coalition
(the registry's or a document's word for it) before an institution.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..text import stem
from .models import Item
from .renames import name_key

__all__ = ["body_key", "unified_bodies"]

_APOSTROPHE = re.compile(r"['’`]")


def body_key(name: str | None) -> tuple[str, str] | None:
    """How two wordings of a body's name compare (head, topic without case or apostrophes); None when the name is
    no head-and-topic name (a person, an office)."""
    if not name:
        return None
    plain = _APOSTROPHE.sub("", name)
    key = name_key(plain) or name_key(plain.lower())  # a label in capitals or in title case ("… Coalition On …")
    return None if key is None else (key[0], " ".join(key[1].split()))


# a topic that holds another body's name: a name of several bodies ("… on Rivers and the Dynamic Coalition on Lakes")
_SEVERAL = re.compile(r"\b(?:coalition|forum|network|dc)\b")


def _short_topics(seen: dict[tuple[str, str], Counter[tuple[int, str]]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Key of a body named only in short by a run of words of its topic ("the languages coalition", read as
    an institution "Dynamic Coalition on Languages"; "the domestic workers' coalition" of "… on Migrant Domestic Workers
    Online") → the key of the one body whose topic holds them as whole words
    ("Dynamic Coalition on First Peoples' Languages", "… on Schools of Internet Governance"); a short name two bodies end with, or that is itself a coalition's
    name somewhere (a registry's or a document's), is left alone.

    Why: a member says their coalition's name in short once its full name is known to the room; read as a body
    of its own, their asks never meet the same coalition's asks of the years it was said in full."""
    out = {}
    for key, counts in seen.items():
        if any(rank == 0 for rank, _ in counts):
            continue
        longer = [
            k
            for k in seen
            if k != key and k[0] == key[0] and _within(_stems(key[1]), _stems(k[1])) and not _SEVERAL.search(k[1])
        ]
        if len(longer) == 1:
            out[key] = longer[0]
    return out


Key = tuple[str, str]


def _heard_as(
    seen: dict[Key, Counter[tuple[int, str]]],
    apart: Callable[[list[str], list[str]], bool],
    rank: Callable[[Key], tuple[object, ...]],
) -> dict[Key, Key]:
    """Key of a body → the key of the one body of the same head, ranked before it (`rank`, lower first), whose
    topic is `apart` from its own by one word heard otherwise; a key with no such body, or two, is left alone.

    Why one loop: a mishearing of a letter (`_one_slip`) and of an ending (`_other_ending`) are the same repair,
    a wording read as the body more items write; only the word test and which wording wins differ."""
    out = {}
    for key in seen:
        near = [
            other
            for other in seen
            if other[0] == key[0] and rank(other) < rank(key) and apart(key[1].split(), other[1].split())
        ]
        if len(near) == 1:
            out[key] = near[0]
    return out


def _misheard(seen: dict[Key, Counter[tuple[int, str]]]) -> dict[Key, Key]:
    """Key of a body written by fewer items → the key of the one body of the same head whose topic differs from it
    in one letter of one word (a letter put for another, or two letters swapped, inside a word of five letters or
    more, never its first): "Dynamic Coalition on E-waste Pickets" → "… on E-waste Pickers".

    Why: a captioner mishears a coalition's name the year it is new ("e-waste pickets"), and its speaker's ask and
    promise of that year, read as another body's, never meet the same coalition's items of the years it was heard
    right. One letter inside a long word is a slip, not another topic; of the two wordings the one more items write
    is kept, and two bodies as often written, or a topic near two others, are left alone."""
    weight = {key: sum(counts.values()) for key, counts in seen.items()}
    return _heard_as(seen, _one_slip, lambda key: (-weight[key],))


def _misheard_ending(seen: dict[Key, Counter[tuple[int, str]]]) -> dict[Key, Key]:
    """Key of a body → the key of the one body of the same head whose topic differs from it in the ending of one
    word only (`_other_ending`: "Dynamic Coalition on Community Radio Memorial" → "… Radio Memory"), written as the
    wording more items write; of two written equally often, a coalition's (the registry's or a document's word)
    before an institution's, then the shorter word.

    Why: a captioner or a screen writes a new coalition's name by ear, with another ending on one of its words
    ("memorial" for "memory"), and its coordinator then says the name as the screen has it; read as another body,
    her asks of that year never meet the coalition's asks of the years it was written right. One word of a long
    topic that keeps its first five letters and only ends otherwise is the same word heard twice, not a topic of
    its own; a plural alone is not such an ending (a body on "Repair Kiosk" is not read as one on "… Kiosks")."""

    def rank(key: Key) -> tuple[int, int, int, str]:
        counts = seen[key]
        return (-sum(counts.values()), min(r for r, _ in counts), len(key[1]), key[1])

    return _heard_as(seen, _other_ending, rank)


def _other_ending(words: list[str], others: list[str]) -> bool:
    """Whether two topics of as many words differ in one word only, the two wordings sharing their first five
    letters or more and each going on past them with an ending of its own (`_ENDINGS`: "memory" / "memorial"; not
    "kiosk" / "kiosks", not "data" / "date", not "fishers" / "fisherfolk")."""
    differ = _the_word_apart(words, others)
    if differ is None or not (differ[0].isalpha() and differ[1].isalpha()):
        return False
    a, b = differ
    shared = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared >= 5 and a[shared:] in _ENDINGS and b[shared:] in _ENDINGS


# the endings one English word takes in its forms ("memor-y", "memor-ial", "digit-al", "connect-ion"); a word that
# goes on with a word of its own ("fisher-s" / "fisher-folk") is another word
_ENDINGS = frozenset(
    re.findall(
        r"\w+",
        "y ies ial ials al als ic ics ical ion ions ive ives ity ities ism ist ists ian ians ing ings ed er ers es s"
        " ment ments",
    )
)


def _the_word_apart(words: list[str], others: list[str]) -> tuple[str, str] | None:
    """The one pair of words two topics of as many words differ in; None when they differ in none or several."""
    if len(words) != len(others):
        return None
    differ = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
    return differ[0] if len(differ) == 1 else None


def _one_slip(words: list[str], others: list[str]) -> bool:
    """Whether two topics differ in one word only, by one letter put for another or two neighbours swapped, the
    word five letters or more and its first letter kept."""
    differ = _the_word_apart(words, others)
    if differ is None:
        return False
    a, b = differ
    if len(a) != len(b) or len(a) < 5 or a[0] != b[0] or not a.replace("-", "").isalpha():
        return False
    at = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    swapped = len(at) == 2 and at[1] == at[0] + 1 and a[at[0]] == b[at[1]] and a[at[1]] == b[at[0]]
    return len(at) == 1 or swapped


def _stems(topic: str) -> str:
    """A topic with each word's light stem (`text.stem`: a plural, "-ing", "-isation" taken off), so "the pastoralists
    coalition" meets "… on Pastoralist Mobile Services": a member says the coalition's people in the plural (or its
    work as a verb), the name has them as a noun before another."""
    return " ".join(stem(word) for word in topic.split())


def _within(short: str, topic: str) -> bool:
    """Whether `short` opens or ends `topic` as whole words, or, when it has two words or more, stands inside it ("domestic
    workers" in "migrant domestic workers online"; one word inside a topic says too little: "data" in "open data
    standards")."""
    if topic == short:
        return False
    if topic.startswith(short + " ") or topic.endswith(" " + short):
        return True
    return " " in short and f" {short} " in f" {topic} "


def unified_bodies(items: Sequence[Item]) -> list[Item]:
    """The items with each body's name written one way (coalition first, then its most frequent wording), and an
    item whose speaker is a body's name (a label that names no person) and that has no actor of its own read as
    that body's."""
    seen: dict[tuple[str, str], Counter[tuple[int, str]]] = {}
    for item in items:
        for rank, value in ((0, item.coalition), (1, item.org)):
            if (key := body_key(value)) is not None and value:
                seen.setdefault(key, Counter())[(rank, value)] += 1
    if not seen and not any(body_key(i.speaker) for i in items):
        return list(items)
    best = {key: min(counts, key=lambda rv: (rv[0], -counts[rv], rv[1])) for key, counts in seen.items()}
    best.update({slip: best[heard] for slip, heard in _misheard(seen).items()})
    best.update({slip: best[heard] for slip, heard in _misheard_ending(seen).items()})
    best.update({short: best[full] for short, full in _short_topics(seen).items()})
    topics = _bare_topics(best)
    out = []
    for item in items:
        if item.coalition is None and item.org and body_key(item.org) is None and (bare := _bare(item.org)) in topics:
            rank, name = topics[bare]  # "Santiago, Open Court Records": the coalition named by its topic alone
            item = replace(item, coalition=name, org=None) if rank == 0 else replace(item, org=name)
        elif item.coalition is None and item.org is None and (key := body_key(item.speaker)) is not None:
            rank, name = best.get(key, (1, item.speaker or ""))
            item = replace(item, coalition=name) if rank == 0 else replace(item, org=name)
        else:  # the field linking reads (`linkrecords.actor_of`): the coalition, else the institution
            held = (0, item.coalition) if item.coalition else (1, item.org or "")
            key = body_key(held[1])
            if key is not None and key in best and best[key] != held:
                rank, name = best[key]
                item = replace(item, coalition=name) if rank == 0 else replace(item, coalition=None, org=name)
        out.append(item)
    return out


def _bare(name: str) -> str:
    return " ".join(_APOSTROPHE.sub("", name).lower().split())


def _bare_topics(best: dict[tuple[str, str], tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """A body's topic alone ("open court records") → how the body is written, for the topics one body has.

    Why: a member introduces themself with their coalition's topic and no "Dynamic Coalition on" ("Santiago
    Bermudez-Zuluaga, Open Court Records."); read as an institution of that name, their ask never met the same
    coalition's asks of the years it was said in full. A topic two bodies share (a coalition and a forum on one
    topic) says neither."""
    by_topic: dict[str, set[tuple[int, str]]] = {}
    for (_, topic), written in best.items():
        by_topic.setdefault(topic, set()).add(written)
    return {topic: next(iter(w)) for topic, w in by_topic.items() if len(w) == 1 and " " in topic}
