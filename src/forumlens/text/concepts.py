"""The concept lexicon: which words say one idea ("fund", "grant", "financ*", "money" → @money).

People name one idea with many words, and two stages need to know which: threads links
"a small grants fund" (2021) to "seed money" (2022), and a topic brief on "funding" also
looks for "financing" and "funds" (summarise's `vocabulary`). Both read one file,
`data/concepts.toml`, kept here in `text` (the building blocks every stage shares) so that
neither stage reaches into the other's package for it. The file also holds the threads
stage's need categories and deliverable families (`threads.lexicon` parses those); this
module reads the file and parses its `[concepts]` table, the part both stages use.

The file's I/O is at the edge (`read_concept_file`); `parse_concepts` is pure. A file that
cannot be read, or a word put in two concepts, is a `ConfigError` naming the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .stems import stem
from .tokens import word_spans

__all__ = ["CONCEPTS_PATH", "Concepts", "load_concepts", "parse_concepts", "read_concept_file", "stems_of"]

CONCEPTS_PATH = Path(__file__).with_name("data") / "concepts.toml"


def read_concept_file(path: Path = CONCEPTS_PATH) -> dict[str, Any]:
    """The TOML tables of a concept lexicon file (default: the packaged one).

    Raises `ConfigError` naming the file when it is missing or not valid TOML."""
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"the concept lexicon cannot be read ({exc})", source=str(path)) from exc


def stems_of(entry: str) -> tuple[str, ...]:
    """The stems of a lexicon entry's words, in order ("grants fund" → ("grant", "fund"))."""
    return tuple(stem(text) for text in (entry[a:b] for a, b in word_spans(entry)) if text)


@dataclass(frozen=True)
class Concepts:
    """The `[concepts]` table: one stem → its concept, stem phrases, and stem prefixes.

    Concept names carry an "@" ("@money") so that they never meet a word's stem."""

    concept_of: dict[str, str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (stems in order, concept), longest first
    prefixes: tuple[tuple[str, str], ...]  # (lower-case prefix, concept), in file order

    def concept(self, stemmed: str) -> str | None:
        """The concept a single stem says: its own entry first, else the first prefix it starts with."""
        found = self.concept_of.get(stemmed)
        if found is None:
            found = next((concept for prefix, concept in self.prefixes if stemmed.startswith(prefix)), None)
        return found

    @cached_property
    def members(self) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
        """Concept → (its single stems, its prefixes): the words that say the same idea
        (worked out once per lexicon; do not modify)."""
        stems: dict[str, set[str]] = {}
        for s, concept in self.concept_of.items():
            stems.setdefault(concept, set()).add(s)
        prefixes: dict[str, list[str]] = {}
        for prefix, concept in self.prefixes:
            prefixes.setdefault(concept, []).append(prefix)
        return {c: (frozenset(stems.get(c, ())), tuple(prefixes.get(c, ()))) for c in {*stems, *prefixes}}


def parse_concepts(data: Mapping[str, Any], source: str) -> Concepts:
    """The `[concepts]` table of a lexicon file's data (`source` names the file in errors).

    An entry ending in "*" is a prefix of stems; an entry of several words is a phrase
    matched on stems in order; any other entry is one stem, which may belong to one
    concept only (else `ConfigError`: a word in two concepts would join unrelated items).
    """
    concept_of: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    prefixes: list[tuple[str, str]] = []
    for name, entries in data.get("concepts", {}).items():
        concept = "@" + name
        for entry in entries:
            if entry.endswith("*"):
                prefixes.append((entry[:-1].lower(), concept))
                continue
            key = stems_of(entry)
            if len(key) > 1:
                phrases.append((key, concept))
            elif key:
                owner = concept_of.setdefault(key[0], concept)
                if owner != concept:
                    raise ConfigError(
                        f"the stem {key[0]!r} is in two concepts ({owner}, {concept})",
                        source=source,
                        hint="keep each word in one [concepts] entry",
                    )
    phrases.sort(key=lambda p: -len(p[0]))
    return Concepts(concept_of, tuple(phrases), tuple(prefixes))


@lru_cache(maxsize=4)
def load_concepts(path: Path = CONCEPTS_PATH) -> Concepts:
    """The concepts of the lexicon file at `path` (default: the packaged one), read once."""
    return parse_concepts(read_concept_file(path), str(path))
