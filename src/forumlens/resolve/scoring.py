"""Score a resolved cast and a parse against hand annotations (pure; for bench/intel.py and tests).

Gold files (`*.people.json`, tests/resources/resolve and tests/resources/intel_blind)
list every speaker with `role`, `affiliation` and, where annotated, `mode`. The mode convention
(issue 22): `"mode": null` means the session never says where the person is, and is scored
(the right answer is no mode; a floor label alone places nobody); a missing `mode` key means the
annotation says nothing, and is not scored.
An unnamed speaker is found by `line` among the cast's unnamed people (or, failing that, a
person named from their own words under generic labels only: the earlier sets leave such a
voice unnamed, the later ones name it). `affiliation_also`
lists other spellings an annotator accepts for one organisation ("Ministry of X" and
"Ministry of X of Kenya"); the comparison ignores case, accents, hyphen style and a
leading "the" and a legal-form suffix ("Kiez Netz e.V." is "Kiez Netz"), and a spelling the
shipped registry knows is one affiliation with that entity's canonical name and every other
spelling of it, both ways ("Benin IGF" accepts "Beninese Internet Governance Forum", "MAG" the
"Multistakeholder Advisory Group", and the reverse). An optional `turns` list of `[line, speaker or null]` scores the parse:
a turn is right when it starts on that line with that speaker. An `annotation-updates.json`
next to gold files holds corrections to them (`load_gold` applies them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumlens.models import Session
from forumlens.text.accents import ascii_fold
from forumlens.transcript.speakers import generic_label

if TYPE_CHECKING:  # annotations only: the resolve stage's models use `affiliation_key` at import
    from forumlens.resolve.cast import Cast, Person

__all__ = [
    "PeopleScore",
    "TurnScore",
    "affiliation_key",
    "load_gold",
    "same_affiliation_keys",
    "score_people",
    "score_person_turns",
    "score_turns",
]


def affiliation_key(name: str | None) -> str | None:
    """Case-, accent-, hyphen- and article-insensitive key of a name (DESIGN.md comparison)."""
    if name is None:
        return None
    text = ascii_fold(name.replace("\u2011", "-")).casefold().replace("-", " ")
    words = text.replace(",", " ").replace(".", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


# A legal form after a body's name ("Kiez Netz e.V.", "Netzbrücke gGmbH", "Routerwerk Ltd"), as keys
# (`affiliation_key` turns "e.V." into "e v"): one body with or without it, whichever side says it.
_LEGAL_FORMS = (
    ("e", "v"),
    ("ev",),
    ("ggmbh",),
    ("gmbh",),
    ("ag",),
    ("ltd",),
    ("limited",),
    ("inc",),
    ("llc",),
    ("plc",),
    ("ngo",),
    ("s", "a"),
    ("sa",),
    ("sarl",),
    ("srl",),
    ("b", "v"),
    ("bv",),
    ("pty", "ltd"),
    ("co", "ltd"),
    ("corp",),
)


def without_legal_form(key: str) -> str:
    """An affiliation key without a legal-form suffix at its end; a key that is nothing but one stays."""
    words = key.split()
    for form in sorted(_LEGAL_FORMS, key=len, reverse=True):
        if len(words) > len(form) and tuple(words[-len(form) :]) == form:
            return " ".join(words[: -len(form)])
    return key


def same_affiliation_keys(key: str | None) -> frozenset[str]:
    """Every key that counts as the same affiliation as `key`: itself and its form without a legal
    suffix; for a spelling the shipped registry knows, the canonical name of each entity it stands
    for and every other spelling of that entity (name, official/former names, aliases, acronyms).

    Issue 22: registry matches are reported under their canonical names, and an annotation keeps the
    form the session says ("MAG"); so a canonical name and its aliases are one answer, both ways."""
    if not key:
        return frozenset()
    keys = {key, without_legal_form(key)}
    spellings = _registry_spellings()
    for canonical in {c for k in tuple(keys) for c in _registry_names().get(k, ())}:
        keys.add(canonical)
        keys |= spellings.get(canonical, frozenset())
    return frozenset(keys | {without_legal_form(k) for k in keys})


@cache
def _registry_spellings() -> dict[str, frozenset[str]]:
    """Key of each registry entity's canonical name -> keys of all its spellings."""
    spellings: dict[str, set[str]] = {}
    for key, canonicals in _registry_names().items():
        for canonical in canonicals:
            spellings.setdefault(canonical, set()).add(key)
    return {canonical: frozenset(keys) for canonical, keys in spellings.items()}


@cache
def _registry_names() -> dict[str, frozenset[str]]:
    """Key of every spelling the shipped registry knows (name, phrase, acronym) -> keys of the
    canonical names it stands for.

    The issue asks that registry matches be reported under their canonical names, so an
    annotator's "Benin IGF" and the cast's "Beninese Internet Governance Forum" are one answer;
    an annotation need not list every registry spelling in `affiliation_also`."""
    from forumlens.resolve.registry import load_registry

    names: dict[str, set[str]] = {}
    for entity in load_registry().entities.values():
        canonical = affiliation_key(entity.name)
        assert canonical is not None
        for spelling in (entity.name, *entity.phrases, *entity.acronyms):
            key = affiliation_key(spelling)
            if key:
                names.setdefault(key, set()).add(canonical)
    return {key: frozenset(v) for key, v in names.items()}


def load_gold(path: Path) -> dict[str, Any]:
    """A `people.json`, with the corrections listed for it in `annotation-updates.json` beside it."""
    gold: dict[str, Any] = json.loads(path.read_text("utf-8"))
    updates = path.parent / "annotation-updates.json"
    if updates.exists():
        for change in json.loads(updates.read_text("utf-8")).get(path.name, []):
            person = next((p for p in gold["people"] if p.get("name") == change["name"]), None)
            if person is None:
                raise ValueError(f"{updates}: {change['name']!r} is not in {path.name}; fix or drop the update")
            person.update({k: v for k, v in change.items() if k not in ("name", "reason")})
    return gold


@dataclass(frozen=True)
class PeopleScore:
    """Right answers out of annotated people (mode: out of people with an annotated mode)."""

    people: int
    found: int
    role: int
    affiliation: int
    mode: int
    mode_total: int
    extra: int  # cast people no annotation stands for
    errors: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class TurnScore:
    tp: int
    fp: int
    fn: int

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0


def _find(
    cast: Cast,
    expected: Mapping[str, Any],
    gold_names: frozenset[str] = frozenset(),
    generic_self_named: bool = False,
    taken: frozenset[int] = frozenset(),
) -> Person | None:
    """The cast person an annotated one stands for. `gold_names` (keys of the annotation's named
    people): a named person standing in for an unnamed annotated voice must not be one of them.

    `generic_self_named`: the annotation follows the earlier sets' convention, which leaves a
    voice the captions label generically ("PARTICIPANT") unnamed even when it says its name
    ("My name is Yara Nassar"); the later sets name it, so there an unnamed voice means the
    session gave no name and only an unnamed cast person stands for it. `taken`: ids of cast
    people already matched, so one named person never stands for two unnamed voices."""
    if expected.get("name") is None:
        unnamed = next((p for p in cast.people if p.name is None and expected["line"] in p.lines), None)
        if unnamed is not None or not generic_self_named:
            return unnamed
        return next(
            (
                p
                for p in cast.people
                if expected["line"] in p.lines
                and id(p) not in taken
                and p.labels
                and all(generic_label(lab) for lab in p.labels)
                and affiliation_key(p.name) not in gold_names
            ),
            None,
        )
    want = affiliation_key(expected["name"])
    found = next((p for p in cast.people if p.name and affiliation_key(p.name) == want), None)
    if found is None and want:
        # family name first or last is the speaker's convention, not another person: "Oshikiri
        # Takuma" and "Takuma Oshikiri" are one name when their words are the same
        words = sorted(want.split())
        found = next(
            (p for p in cast.people if p.name and sorted((affiliation_key(p.name) or "").split()) == words), None
        )
    if found is None and expected.get("role") == "remote-hub":
        # the annotations name one hub shape two ways ("Kathmandu Hub" in one set, "Kampala Remote
        # Hub" in another, both for "<PLACE> REMOTE HUB"): a hub is the room of a place
        place = _hub_place(expected["name"])
        found = next(
            (p for p in cast.people if p.role == "remote-hub" and p.name and _hub_place(p.name) == place), None
        )
    return found


_HUB_WORDS = frozenset({"remote", "hub", "participation", "node"})
_HUB = re.compile(r"\bhub\b", re.IGNORECASE)


def _hub_place(name: str) -> frozenset[str]:
    """The place words of a hub's name, whatever the order and the words every hub shares."""
    return frozenset(
        w for w in (affiliation_key(name.replace("(", " ").replace(")", " ")) or "").split() if w not in _HUB_WORDS
    )


def score_people(cast: Cast, gold: Mapping[str, Any], generic_self_named: bool = False) -> PeopleScore:
    """Role, affiliation and mode accuracy of one cast against one `people.json`
    (`generic_self_named`: the annotation's convention for self-named generic voices, `_find`)."""
    found = role = affiliation = mode = mode_total = 0
    errors: list[str] = []
    matched: set[int] = set()
    named = frozenset(k for e in gold["people"] if (k := affiliation_key(e.get("name"))) is not None)
    for expected in gold["people"]:
        who = expected.get("name") or f"line {expected['line']}"
        person = _find(cast, expected, named, generic_self_named, frozenset(matched))
        if "mode" in expected:
            mode_total += 1
        if person is None:
            errors.append(f"{who}: not found")
            continue
        matched.add(id(person))
        found += 1
        if person.role == expected["role"]:
            role += 1
        else:
            errors.append(f"{who}: role {person.role}, annotated {expected['role']}")
        said = [affiliation_key(a) for a in (expected["affiliation"], *expected.get("affiliation_also", []))]
        accepted = {same for key in said for same in same_affiliation_keys(key)}
        got = affiliation_key(person.affiliation)
        if got in said or same_affiliation_keys(got) & accepted:
            affiliation += 1
        else:
            errors.append(f"{who}: affiliation {person.affiliation!r}, annotated {expected['affiliation']!r}")
        if "mode" in expected:
            if person.mode == expected["mode"]:
                mode += 1
            else:
                errors.append(f"{who}: mode {person.mode}, annotated {expected['mode']}")
    extra = sum(1 for p in cast.people if id(p) not in matched)
    return PeopleScore(len(gold["people"]), found, role, affiliation, mode, mode_total, extra, tuple(errors))


def score_turns(session: Session, gold_turns: Sequence[Sequence[Any]]) -> TurnScore:
    """Turn F1: a speech turn counts when its first line and speaker match an annotated turn."""
    got = {(t.line, affiliation_key(t.speaker)) for t in session.turns if t.kind == "speech"}
    want = {(int(line), affiliation_key(speaker)) for line, speaker in gold_turns}
    return TurnScore(len(got & want), len(got - want), len(want - got))


def score_person_turns(session: Session, cast: Cast, gold_turns: Sequence[Sequence[Any]]) -> TurnScore:
    """Turn F1 after resolve: a turn counts when it starts on an annotated line and the cast
    gives it to the annotated person.

    `score_turns` scores the parse's labels, so ">>KAZLAUSKAITĖ:" after ">>IEVA KAZLAUSKAITĖ:"
    or ">> MODERATOR:" for a moderator who named herself counts as a miss there although the
    turn is split right; here it counts for the person the label was resolved to. A turn the
    annotation leaves unnamed (`null`: a voice the captions do not name) is scored on the
    parse's label as in `score_turns`, since the annotation says nothing about who it is.
    """
    # a hub is the room of a place, however the annotation words its name (`_find`)
    hubs = {
        _hub_place(str(speaker)): str(speaker) for _, speaker in gold_turns if speaker and _HUB.search(str(speaker))
    }
    owner = {
        line: hubs.get(_hub_place(person.name), person.name)
        if person.role == "remote-hub" and person.name
        else person.name
        for person in cast.people
        for line in person.lines
    }
    unnamed = {int(line) for line, speaker in gold_turns if speaker is None}
    got = {
        (t.line, affiliation_key(t.speaker if t.line in unnamed else owner.get(t.line, t.speaker)))
        for t in session.turns
        if t.kind == "speech"
    }
    want = {(int(line), affiliation_key(speaker)) for line, speaker in gold_turns}
    return TurnScore(len(got & want), len(got - want), len(want - got))
