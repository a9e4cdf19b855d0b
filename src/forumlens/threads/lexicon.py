"""The lexical representation threads are linked by: stems, concepts, categories, deliverables. Pure.

Two wordings of one need rarely share their words ("a small grants fund" in 2021,
"seed money for hardware" in 2022), so words are first folded to stems
(`forumlens.text.stem`, the one stemmer every stage shares), then to the concept
they say (`text/data/concepts.toml`: "grant", "fund", "money", "seed" → `@money`). An item
is then a bag of features: concepts, and the stems no concept claims. Coalition names
are cut out before this (they say who, not what; the actor is compared separately).

The lexicon also holds the need categories (to keep two needs of one actor apart) and
the deliverable families (to keep two promised outputs apart); both are read once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..text import FORUM_WORDS, STOPWORDS, stem
from ..text.concepts import CONCEPTS_PATH, parse_concepts, read_concept_file, stems_of
from ..text.tokens import WORD

__all__ = ["LEXICON_PATH", "Lexicon", "load_lexicon"]

LEXICON_PATH = CONCEPTS_PATH  # the concept lexicon `text.concepts` reads (shared with summarise)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# words that say an item is an ask, a promise or a report, not what it is about
_FRAME = _words(
    """
    need needs needed require requires required lack lacks lacking call called calls ask asked asks request
    requested would like want wish seek also again once still now year years next last first half time today
    will shall plan planning planned going intend aim promise publish published release released produce
    produced present presented launch launched deliver delivered complete completed finish finished share
    shared prepare prepared please thank thanks really very new more many much lot say said tell told
    make made get got take taken give given put use used work working member members coalition dc dcs
    question questions answer answers answered second third
    """
)
_STOP = STOPWORDS | FORUM_WORDS | _FRAME
# the per-lexicon memos (one entry per distinct stem or feature) stop growing past this
_MEMO_LIMIT = 200_000
_TEXT_MEMO_LIMIT = 4096  # sentences whose stems, features and deliverables are kept (then all dropped)


@dataclass(frozen=True)
class Lexicon:
    """Concepts (stem → concept, stem phrases, stem prefixes), categories and deliverable families."""

    concept_of: dict[str, str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    prefixes: tuple[tuple[str, str], ...]
    categories: tuple[tuple[str, tuple[str, ...]], ...]
    families: tuple[tuple[tuple[str, ...], str], ...]  # (noun as stems, family), longest first
    objects: tuple[tuple[str, tuple[str, ...]], ...] = ()  # category → its signals that say what it is for

    # -- features ----------------------------------------------------------------------
    def concept(self, stemmed: str) -> str | None:
        memo = self._memo("_concepts")
        if stemmed in memo:
            return memo[stemmed]
        found = self.concept_of.get(stemmed)
        if found is None:
            found = next((concept for prefix, concept in self.prefixes if stemmed.startswith(prefix)), None)
        if len(memo) < _MEMO_LIMIT:
            memo[stemmed] = found
        return found

    def features(self, text: str) -> list[str]:
        """Concepts (`@money`) and the content stems no concept claims, in order (duplicates kept).

        Remembered per text (a copy is returned): `items` asks the features of the same sentences
        once per question it matches an answer to, and again for a need's category."""
        memo = self._memo("_text_features")
        found = memo.get(text)
        if found is None:
            found = memo[text] = tuple(self._features(text))
            if len(memo) > _TEXT_MEMO_LIMIT:
                memo.clear()
        return list(found)

    def _stems(self, text: str) -> tuple[str, ...]:
        """The stems of the words of `word_spans`, without their offsets: one tokenisation per sentence,
        shared by `features` and `deliverables` (each sentence is asked both)."""
        memo = self._memo("_text_stems")
        found: tuple[str, ...] | None = memo.get(text)
        if found is None:
            found = memo[text] = tuple(map(stem, WORD.findall(text)))
            if len(memo) > _TEXT_MEMO_LIMIT:
                memo.clear()
        return found

    def _features(self, text: str) -> list[str]:
        stems_ = self._stems(text)
        memo = self._memo("_word_features")
        out: list[str] = []
        i = 0
        while i < len(stems_):
            matched = self._phrase_at(stems_, i)
            if matched:
                length, concept = matched
                out.append(concept)
                i += length
                continue
            word = stems_[i]
            i += 1
            if word in memo:
                kept = memo[word]
            else:  # what one stem alone gives: its concept, itself (a content stem) or nothing
                claimed = self.concept(word)
                kept = claimed if claimed is not None else _content_stem(word)
                if len(memo) < _MEMO_LIMIT:
                    memo[word] = kept
            if kept is not None:
                out.append(kept)
        return out

    def _phrase_at(self, stems_: Sequence[str], i: int) -> tuple[int, str] | None:
        # only the phrases that start with this stem can match here (each list keeps the longest-first order)
        for phrase, concept in self._phrases_by_first().get(stems_[i], ()):
            if tuple(stems_[i : i + len(phrase)]) == phrase:
                return len(phrase), concept
        return None

    def _memo(self, name: str) -> dict[str, Any]:
        """A per-lexicon memo (the frozen dataclass's fields never change, so neither do its answers)."""
        memo: dict[str, Any] | None = self.__dict__.get(name)
        if memo is None:
            memo = {}
            object.__setattr__(self, name, memo)  # frozen dataclass: a cache, not state
        return memo

    def _phrases_by_first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        cached: dict[str, list[tuple[tuple[str, ...], str]]] | None = getattr(self, "_phrase_index", None)
        if cached is None:
            cached = _index(self.phrases)
            object.__setattr__(self, "_phrase_index", cached)
        return cached

    def _families_by_first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        cached: dict[str, list[tuple[tuple[str, ...], str]]] | None = getattr(self, "_by_first", None)
        if cached is None:
            cached = _index(self.families)
            object.__setattr__(self, "_by_first", cached)  # frozen dataclass: a cache, not state
        return cached

    # -- categories and deliverables -----------------------------------------------------
    def category_signals(self, category: str) -> tuple[str, ...]:
        return next((signals for name, signals in self.categories if name == category), ())

    def residual_signals(self, category: str) -> tuple[str, ...]:
        """The signals of a category set aside to compare two needs' objects: all but those that say what
        the need is for (`[objects]`: travel money and server money are both funding, not the same need)."""
        kept = next((signals for name, signals in self.objects if name == category), ())
        return tuple(s for s in self.category_signals(category) if s not in kept)

    @staticmethod
    def signals_match(feature: str, signals: Iterable[str]) -> bool:
        """Whether a feature is one of a category's signals (a concept, a stem, or a stem prefix ending in *)."""
        return any(feature == s or (s.endswith("*") and feature.startswith(s[:-1])) for s in signals)

    def category_scores(self, features: Iterable[str]) -> dict[str, int]:
        """Hits per need category among the features (a concept or a stem prefix listed for it)."""
        memo = self._memo("_feature_categories")
        counts = [0] * len(self.categories)
        for f in features:
            found = memo.get(f)
            if found is None:  # the categories one feature is a signal of, worked out once per feature
                found = tuple(k for k, (_, signals) in enumerate(self.categories) if self.signals_match(f, signals))
                if len(memo) < _MEMO_LIMIT:
                    memo[f] = found
            for k in found:
                counts[k] += 1
        return {self.categories[k][0]: hits for k, hits in enumerate(counts) if hits}

    def category(self, features: Iterable[str], focus: Iterable[str] = ()) -> str | None:
        """The best need category: hits in `focus` (the words after the ask's verb) count three times."""
        scores = self.category_scores(features)
        for name, hits in self.category_scores(focus).items():
            scores[name] = scores.get(name, 0) + 2 * hits
        if not scores:
            return None
        order = {name: i for i, (name, _) in enumerate(self.categories)}
        return max(scores, key=lambda k: (scores[k], -order[k]))

    def deliverables(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, family) of every deliverable noun in `text`, in order (longest noun wins).

        Remembered per text (a copy is returned): `items` asks each sentence, then again the
        sentences whose cue needs a deliverable."""
        memo = self._memo("_text_deliverables")
        known = memo.get(text)
        if known is None:
            known = memo[text] = tuple(self._deliverables(text))
            if len(memo) > _TEXT_MEMO_LIMIT:
                memo.clear()
        return list(known)

    def _deliverables(self, text: str) -> list[tuple[int, int, str]]:
        stems_ = self._stems(text)
        by_first = self._families_by_first()
        found: list[tuple[int, int, str]] = []
        if by_first.keys().isdisjoint(stems_):
            return found  # most sentences name no deliverable: their words' offsets are never needed
        spans = [m.span() for m in WORD.finditer(text)]
        i = 0
        while i < len(stems_):
            for noun, family in by_first.get(stems_[i], ()):
                if tuple(stems_[i : i + len(noun)]) == noun:
                    found.append((spans[i][0], spans[i + len(noun) - 1][1], family))
                    i += len(noun)
                    break
            else:
                i += 1
        return found


def _content_stem(word: str) -> str | None:
    """A stem no concept claims is a feature when it is content: not a stop/frame word, a number or short."""
    return word if word not in _STOP and len(word) > 2 and not word.isdigit() else None


def _index(families: tuple[tuple[tuple[str, ...], str], ...]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for noun, family in families:  # already longest first
        out.setdefault(noun[0], []).append((noun, family))
    return out


def _parse(data: dict[str, dict[str, list[str]]], source: str) -> Lexicon:
    concepts = parse_concepts(data, source)  # the shared concept table (text/concepts.py)
    categories = []
    for name, signals in data.get("categories", {}).items():
        out = []
        for signal in signals:
            if signal.startswith("@"):
                if signal[1:] not in data.get("concepts", {}):
                    raise ConfigError(
                        f"category {name!r} names an unknown concept {signal!r}",
                        source=source,
                        hint="add it under [concepts] or fix the name",
                    )
                out.append(signal)
            elif signal.endswith("*"):
                out.append(signal.lower())
            else:
                out.extend(stems_of(signal))
        categories.append((name, tuple(out)))
    known = {name for name, _ in categories}
    objects = []
    for name, signals in data.get("objects", {}).items():
        listed = dict(categories).get(name, ())
        wrong = [s for s in signals if s not in listed]
        if name not in known or wrong:
            raise ConfigError(
                f"[objects] {name!r}: {'unknown category' if name not in known else f'not its signals: {wrong}'}",
                source=source,
                hint="list, per [categories] entry, some of its own signals",
            )
        objects.append((name, tuple(signals)))
    families = [(stems_of(noun), family) for family, nouns in data.get("deliverables", {}).items() for noun in nouns]
    families.sort(key=lambda f: -len(f[0]))
    return Lexicon(
        concepts.concept_of, concepts.phrases, concepts.prefixes, tuple(categories), tuple(families), tuple(objects)
    )


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The lexicon in `path` (default: the packaged one), read once; a broken file is a ConfigError."""
    return _parse(read_concept_file(path), str(path))
