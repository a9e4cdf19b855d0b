"""Taxonomies (SDGs, IGF issue areas, GDC objectives) loaded from the package's TOML data.

The data files hold the words; this module turns each entry's evidence vocabulary into
stem sequences once, so matching a sentence is a dictionary look-up per word rather than a
regex per term. Loading is cached: taxonomies are read-only package data.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from forumlens.errors import ConfigError
from forumlens.text.keep import code_digest, decoded, digest, kept
from forumlens.text.stems import stems

__all__ = ["SCHEMES", "Entry", "Target", "Taxonomy", "load_taxonomy", "match_terms"]

SCHEMES: dict[str, str] = {"sdg": "sdg.toml", "issue-area": "issue_area.toml", "gdc": "gdc.toml"}


@dataclass(frozen=True)
class Target:
    """One target of a goal (SDG targets such as "6.1"), paraphrased."""

    code: str
    text: str


@dataclass(frozen=True)
class Entry:
    """One tag of a scheme: code, label, description, evidence vocabulary (and targets)."""

    code: str
    label: str
    description: str
    terms: tuple[str, ...]
    targets: tuple[Target, ...] = ()
    year: int | None = None

    def document(self) -> str:
        """All the prose of the entry, for training examples and look-ups."""
        parts = [self.label, self.description, *(t.text for t in self.targets)]
        return " ".join(parts)


@dataclass(frozen=True)
class Taxonomy:
    """A scheme's entries plus a phrase index: first stem -> [(stem tuple, entry index)]."""

    scheme: str
    name: str
    source: str
    entries: tuple[Entry, ...]
    index: dict[str, list[tuple[tuple[str, ...], int]]] = field(repr=False, compare=False, default_factory=dict)
    # a digest of the data file and code it was loaded with, so what is derived from the
    # taxonomy can be kept between runs (`text.keep`); None for one built by hand
    digest: str | None = field(default=None, repr=False, compare=False)

    def entry(self, code: str) -> Entry:
        for e in self.entries:
            if e.code == code:
                return e
        raise KeyError(code)

    @property
    def codes(self) -> list[str]:
        return [e.code for e in self.entries]


def _build_index(entries: tuple[Entry, ...]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for i, entry in enumerate(entries):
        for term in entry.terms:
            seq = tuple(stems(term))
            if seq:
                index.setdefault(seq[0], []).append((seq, i))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))  # longest phrase first
    return index


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(
        code=raw["code"],
        label=raw["label"],
        description=raw["description"],
        terms=tuple(raw.get("terms", ())),
        targets=tuple(Target(t["code"], t["text"]) for t in raw.get("targets", ())),
        year=raw.get("year"),
    )


def _parsed(text: str) -> tuple[dict[str, Any], dict[str, list[tuple[tuple[str, ...], int]]]]:
    """The scheme's TOML table and its phrase index (stems of every term): the costly part."""
    raw = tomllib.loads(text)
    return raw, _build_index(tuple(_entry(e) for e in raw["entry"]))


@cache
def load_taxonomy(scheme: str) -> Taxonomy:
    """Load a scheme ("sdg", "issue-area", "gdc"); an unknown name is a `ConfigError`.

    The command line keeps the parsed table and the index between runs (`text.keep`, keyed
    by the file's bytes and this module's code): parsing and stemming cost ~15 ms a process.
    """
    if scheme not in SCHEMES:
        raise ConfigError(f"unknown tag scheme {scheme!r}", hint="choose one of " + ", ".join(sorted(SCHEMES)))
    data = resources.files("forumlens.tag").joinpath("data", SCHEMES[scheme]).read_bytes()
    code = code_digest(__name__)
    source = None if code is None else digest(data, code)
    raw, index = kept(f"taxonomy-{scheme}", source, lambda: _parsed(decoded(data)))
    entries = tuple(_entry(e) for e in raw["entry"])
    return Taxonomy(raw["scheme"], raw["name"], raw.get("source", ""), entries, index, source)


def match_terms(taxonomy: Taxonomy, text_stems: list[str]) -> list[tuple[int, int, int]]:
    """Vocabulary matches in a stem sequence: (entry index, first stem, stem count).

    At each position the longest matching phrase wins for every entry that has it, so
    "climate change" counts once, not also as "climate".
    """
    index = taxonomy.index
    if index.keys().isdisjoint(text_stems):
        return []  # most sentences name no term: one set test in C instead of a look-up per stem
    found: list[tuple[int, int, int]] = []
    resume = 0  # a match covers its stems: the next phrase starts after it (as stepping over them did)
    for i in [i for i, s in enumerate(text_stems) if s in index]:
        if i < resume:
            continue
        best = 0
        seen: set[int] = set()
        for seq, entry in index[text_stems[i]]:
            k = len(seq)
            if k < best or entry in seen:
                continue
            # a one-stem term is its own key, so it matches wherever it is looked up
            if k == 1 or tuple(text_stems[i : i + k]) == seq:
                best = max(best, k)
                seen.add(entry)
                found.append((entry, i, k))
        resume = i + max(best, 1)
    return found
