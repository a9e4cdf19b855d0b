"""Regex prefilters: skip a pattern when the text lacks every literal a match must contain.

The procedural, cue and self-introduction patterns (summarise's ranking, resolve's
roles, modes and organisations) are long alternations ("the floor is yours", "can you
hear me", ...). Python's engine tries every alternative at every position, ~150 µs a
sentence, and most sentences match none. Each pattern's parse tree tells which literal
strings any match must contain (at least one of them); when the lower-cased text holds
none, the pattern cannot match and is not run. The answer is always the pattern's own:
the filter only decides whether asking is needed, and it only ever says "no" when a
match is impossible (a pattern whose literals cannot be worked out is always run).
It lives in `text` (standard library only) so that resolve can use it without importing
summarise, which imports resolve.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from re import _constants as _sre_constants  # Python 3.11+ (the project's minimum)
from re import _parser as _sre_parse
from typing import Any

from .recache import kept_fact

__all__ = ["PatternSet", "Prefiltered", "branch_literals", "fold", "required_literals"]

# Characters that match an ASCII letter under IGNORECASE but do not lower() to it.
_FOLD = str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s", "\u212a": "k"})
_LOOK_ALIKES = tuple(map(chr, _FOLD))

_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_AT = _sre_constants.AT
_BRANCH = _sre_constants.BRANCH
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT)
_ZERO_WIDTH = (_sre_constants.AT,)


def fold(text: str) -> str:
    """The text as the prefilter compares it (lower-cased, case-fold look-alikes mapped).

    The look-alikes are all non-ASCII, so ASCII text (`isascii` is a flag check) skips the
    per-character translation, and so does a text holding none of the four (a search for
    each runs in C): `translate` looks every character up, ~14 µs a sentence with a curly
    apostrophe and 5 ms for a whole transcript, where the four searches take ~1 µs."""
    if text.isascii() or not any(map(text.__contains__, _LOOK_ALIKES)):
        return text.lower()
    return text.translate(_FOLD).lower()


_FOLDED: dict[str, str] = {}
_FOLDED_LIMIT = 512  # texts kept: a sentence is asked by several patterns in a row, then never again
_FOLDED_LONGEST = 20_000  # longer texts (a 2 MB caption line) are folded each time, never kept


def _folded(text: str) -> str:
    """`fold(text)`, remembered for the last texts asked: the cue patterns of resolve each
    test the same sentence, and folding it once serves them all. Bounded in count and size."""
    found = _FOLDED.get(text)
    if found is None:
        found = fold(text)
        if len(text) <= _FOLDED_LONGEST:
            if len(_FOLDED) >= _FOLDED_LIMIT:
                _FOLDED.clear()
            _FOLDED[text] = found
    return found


# Most strings in one required set: the alternatives of a phrase multiply ("I(?:'m| am)
# (?:from|with)" is six strings), and past this the phrase is split into its parts.
_CAP = 64
_HEAD = 4  # `PatternSet.present` tests needles only under a head of this many characters found in the text
_GRAMS_UP_TO = 4_000  # texts up to this many characters find their heads through their own grams...
_GRAMS_FROM_HEADS = 200  # ...in a set of at least this many heads (measured break-even ≈ 150)
_TRIE_FROM = 64  # fewer heads of `_HEAD` characters: one search each (see `PatternSet.__init__`)


def _char(code: int) -> str | None:
    """A literal as the folded text shows it, or None when case folding makes it uncertain.

    ASCII letters lower-case (`fold` maps their non-ASCII look-alikes); a non-ASCII
    character without case ("’", "‑") matches only itself; other non-ASCII ones are skipped.
    """
    ch = chr(code)
    if ch.isascii():
        return ch.lower()
    if not ch.isalpha() and ch == ch.lower() == ch.upper() == ch.casefold():
        return ch
    return None


def _pure(op: Any, av: Any) -> frozenset[str] | None:
    """Every string one node can match, when it is a literal, a group or an alternation of
    literal sequences (at most `_CAP` strings); None otherwise."""
    if op is _LITERAL:
        ch = _char(av)
        return None if ch is None else frozenset([ch])
    if op is _SUBPATTERN:
        return _pure_seq(av[-1])
    if op is _BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _pure_seq(branch)
            if strings is None:
                return None
            out |= strings
            if len(out) > _CAP:
                return None
        return frozenset(out)
    return None


def _pure_seq(seq: Any) -> frozenset[str] | None:
    """Every string a sequence can match, when each node is `_pure` (boundaries consume nothing)."""
    out = frozenset([""])
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        part = _pure(op, av)
        if part is None or len(out) * len(part) > _CAP:
            return None
        out = frozenset(a + b for a in out for b in part)
    return out


def _required(seq: Any) -> list[frozenset[str]]:
    """Sets of strings such that every match of `seq` contains a string of *each* set.

    (A conjunction of disjunctions; an empty list means nothing is known.) Adjacent literal
    nodes join into one contiguous set, alternatives multiplied out ("the floor is
    (yours|open)" needs "the floor is yours" or "the floor is open"); any other node ends
    the run and adds what it requires itself.
    """
    options: list[frozenset[str]] = []
    run: frozenset[str] | None = None

    def close() -> None:
        nonlocal run
        if run is not None:
            options.append(run)
            run = None

    for op, av in seq:
        if op in _ZERO_WIDTH:  # a boundary does not consume: the run stays contiguous in the text
            continue
        part = _pure(op, av)
        if part is not None:
            if run is not None and len(run) * len(part) > _CAP:
                close()  # too many combinations: each half is still required on its own
            run = part if run is None else frozenset(a + b for a in run for b in part)
            continue
        close()
        if op is _SUBPATTERN:
            options.extend(_required(av[-1]))
        elif op is _BRANCH:
            best = [_best(_required(branch)) for branch in av[1]]
            parts = [p for p in best if p is not None]
            if len(parts) == len(best):  # every branch needs one of its strings
                options.append(frozenset(s for part in parts for s in part))
        elif op in _REPEATS and av[0] >= 1:
            options.extend(_required(av[2]))
    close()
    return [o for o in options if o and all(s.strip() for s in o)]


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The single most selective set: its shortest string is longest, then fewest strings."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _kept(kind: str, pattern: re.Pattern[str], compute: Callable[[re.Pattern[str]], Any]) -> Any:
    """`compute(pattern)`, through the disk cache of compiled patterns when the command line
    installed it (`text.recache`): the parse-tree walks below cost ~60 ms of every start."""
    return kept_fact("fastre", __file__, kind, pattern, compute)


def required_literals(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """The literals a pattern requires: lower-case string sets such that any match of
    `pattern` contains one string of *each* set (compare with `fold(text)`).

    [] when nothing is known (a verbose pattern, nothing but classes and repeats, or a
    parser this module does not know): a caller must then always run the pattern.

    >>> [sorted(o) for o in required_literals(re.compile(r"\\bthe floor is (?:yours|open)\\b", re.I))]
    [['the floor is open', 'the floor is yours']]
    """
    found: list[frozenset[str]] = _kept("required", pattern, _required_literals)
    return found


def _required_literals(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    if pattern.flags & re.VERBOSE:
        return []
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - the parser's internals changed: never filter
        return []
    return _required(tree)


def branch_literals(pattern: re.Pattern[str]) -> tuple[tuple[frozenset[str], ...], ...]:
    """The literals each alternative requires, for a pattern that is one alternation.

    For `\\b(?:A|B|C)\\b` (boundaries and one enclosing group allowed), one entry per
    alternative in order: the sets that alternative requires, as `required_literals` gives
    them for a whole pattern. () when the pattern is not one alternation or some
    alternative requires nothing (then no per-alternative test is sound).

    Why: `required_literals` keeps only what *every* alternative shares ("i", "as" for a
    list of self-introductions), so most texts pass it. A match of the pattern is a match
    of one alternative, so "some alternative has all its sets present" is a necessary
    condition too, and a much tighter one.

    >>> branch_literals(re.compile(r"\\b(?:I am online|my camera)\\b", re.I))
    ((frozenset({'i am online'}),), (frozenset({'my camera'}),))
    """
    found: tuple[tuple[frozenset[str], ...], ...] = _kept("branches", pattern, _branch_literals)
    return found


def _branch_literals(pattern: re.Pattern[str]) -> tuple[tuple[frozenset[str], ...], ...]:
    if pattern.flags & re.VERBOSE:
        return ()
    try:
        nodes = [n for n in _sre_parse.parse(pattern.pattern, pattern.flags) if n[0] is not _AT]
        if len(nodes) == 1 and nodes[0][0] is _SUBPATTERN:
            nodes = [n for n in nodes[0][1][-1] if n[0] is not _AT]
        if len(nodes) != 1 or nodes[0][0] is not _BRANCH:
            return ()
        branches = tuple(tuple(_required(branch)) for branch in nodes[0][1][1])
    except Exception:  # pragma: no cover - the parser's internals changed: no branch filter
        return ()
    return branches if all(branches) else ()


def _trie_pattern(heads: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose `findall` lists the `heads` (distinct strings, all as long) that occur in
    a text: a lookahead at every position, so overlapping heads are all found; as all heads
    have the same length, at most one matches at a position."""
    trie: dict[str, Any] = {}
    for head in heads:
        node = trie
        for ch in head:
            node = node.setdefault(ch, {})

    def emit(node: dict[str, Any]) -> str:
        alternatives = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items())]
        if len(alternatives) <= 1:
            return "".join(alternatives)
        return "(?:" + "|".join(alternatives) + ")"

    return re.compile("(?=(" + emit(trie) + "))")


class PatternSet:
    """Patterns run only when the text holds a literal of each set they require.

    `present(text)` finds which of all the patterns' literals occur (one `in` test per
    distinct literal, done once per text); a pattern is then possible only when each of
    its required sets meets them. Soundness: a pattern is skipped only when it cannot
    match, so every answer is the pattern's own.
    """

    def __init__(self, patterns: Any) -> None:
        self.patterns: tuple[re.Pattern[str], ...] = tuple(patterns)
        self.options = tuple(tuple(required_literals(p)) for p in self.patterns)
        self.needles = tuple(sorted({n for opts in self.options for o in opts for n in o}))
        # Needles by their first characters: a needle can occur only where its head does, and
        # hundreds of needles share a hundred heads ("i'm from", "i'm with", "i'm here" ...).
        by_head: dict[str, list[str]] = {}
        for n in self.needles:
            by_head.setdefault(n[:_HEAD], []).append(n)
        self._heads = tuple(by_head)
        self._by_head = {head: tuple(ns) for head, ns in by_head.items()}
        # With many heads, those of `_HEAD` characters are looked up among the text's own
        # `_HEAD`-grams (one pass over the text, then a set intersection) and only the shorter
        # ones by `in`: 370 substring searches per unit were most of the asks model's filter
        # (issue 19). With fewer heads the searches are cheaper than building the grams.
        long_heads = frozenset(h for h in self._heads if len(h) == _HEAD)
        self._long_heads = long_heads if len(long_heads) >= _GRAMS_FROM_HEADS else frozenset()
        self._short_heads = tuple(h for h in self._heads if h not in self._long_heads)
        # Otherwise, with enough heads of `_HEAD` characters, one pass of a pattern shaped as
        # their trie finds those in the text: at each position `re` compares a character per
        # level ("the f|the p|thro" -> "th(?:e (?:f|p)|ro)") instead of one search per head
        # (issue 19: the summary's 160 procedural heads, 42 -> 30 µs a sentence).
        full = [h for h in self._heads if len(h) == _HEAD] if not self._long_heads else []
        self._trie = _trie_pattern(full) if len(full) >= _TRIE_FROM else None
        self._trie_short = tuple(h for h in self._heads if len(h) < _HEAD) if self._trie is not None else ()
        # Each pattern under the needles of one of its required sets (its smallest), for `any_search`
        # and `count`: a possible pattern meets all its sets, so it is under a needle the text holds,
        # and only those patterns are then tested, in order (issue 19: the summary's procedural test
        # walked its 75 patterns in Python for every sentence, to find the two or three possible).
        # A pattern that requires nothing is always possible.
        self._always = tuple(i for i, opts in enumerate(self.options) if not opts)
        under: dict[str, list[int]] = {}
        for i, opts in enumerate(self.options):
            if opts:
                for n in min(opts, key=len):
                    under.setdefault(n, []).append(i)
        self._under = {n: tuple(ids) for n, ids in under.items()}

    def present(self, text: str) -> frozenset[str]:
        """The needles (literals of all the patterns) that occur in `fold(text)`."""
        folded = fold(text)
        has = folded.__contains__  # every `in` test below runs in C: filter, map, chain
        heads: Iterable[str]
        if self._long_heads and len(folded) <= _GRAMS_UP_TO:
            # a head of `_HEAD` characters occurs exactly when it is one of the text's grams
            grams = {folded[i : i + _HEAD] for i in range(len(folded) - _HEAD + 1)}
            heads = chain(self._long_heads.intersection(grams), filter(has, self._short_heads))
        elif self._trie is not None and len(folded) <= _GRAMS_UP_TO:  # one pass finds the full heads
            heads = chain(set(self._trie.findall(folded)), filter(has, self._trie_short))
        else:  # test each head (see __init__)
            heads = filter(has, self._heads)
        return frozenset(filter(has, chain.from_iterable(map(self._by_head.__getitem__, heads))))

    def possible(self, i: int, present: frozenset[str]) -> bool:
        # each required set meets `present`: no set is disjoint from it (tested in C)
        return not any(map(present.isdisjoint, self.options[i]))

    def search(self, i: int, text: str, present: frozenset[str]) -> re.Match[str] | None:
        # `possible` inlined: resolve's cue filter asks ~1,500 of these a session
        return None if any(map(present.isdisjoint, self.options[i])) else self.patterns[i].search(text)

    def match(self, i: int, text: str, present: frozenset[str]) -> re.Match[str] | None:
        return self.patterns[i].match(text) if self.possible(i, present) else None

    def findall(self, i: int, text: str, present: frozenset[str]) -> list[Any]:
        return self.patterns[i].findall(text) if self.possible(i, present) else []

    def any_search(self, text: str, present: frozenset[str] | None = None) -> bool:
        """`any(p.search(text) for p in patterns)`, asking only the possible ones."""
        if present is None:
            present = self.present(text)
        disjoint = present.isdisjoint
        options, patterns = self.options, self.patterns
        return any(patterns[i].search(text) for i in self._candidates(present) if not any(map(disjoint, options[i])))

    def count(self, text: str, present: frozenset[str] | None = None) -> int:
        """How many of the patterns match `text`."""
        if present is None:
            present = self.present(text)
        patterns = self.patterns
        return sum(1 for i in self._candidates(present) if self.possible(i, present) and patterns[i].search(text))

    def _candidates(self, present: frozenset[str]) -> list[int]:
        """In order, the patterns that may be possible with `present`: those under a present needle
        (see `__init__`) and those that require nothing; every possible pattern is among them."""
        under = self._under
        found = set(self._always).union(*(under[n] for n in present if n in under))
        return sorted(found)


_GUARD = r"(?:(?<!\w)(?=\w)|^)"  # `text.wordstart.GUARD` (that module imports this one's neighbour `recache` only)


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern inside a word-start guard (`text.wordstart.guarded` puts `GUARD(?:...)` around it),
    else the pattern itself: the guard is zero-width, so the alternatives inside are the pattern's own."""
    source = pattern.pattern
    if isinstance(source, str) and source.startswith(_GUARD + "(?:") and source.endswith(")"):
        try:  # an inner part that compiles is balanced: the last ")" closes the guard's own group
            return re.compile(source[len(_GUARD) + 3 : -1], pattern.flags)
        except re.error:
            return pattern
    return pattern


class Prefiltered:
    """One pattern behind its literal prefilter, asked like the pattern itself.

    `search`, `match`, `finditer` and `findall` take the pattern's own arguments (`pos`,
    `endpos`) and give its own answers; the pattern runs only when text[pos:endpos] holds a
    literal of each set it requires. A match lies inside text[pos:endpos], so a literal
    missing there makes a match impossible. For a module that asks a few cue patterns once
    per sentence; `PatternSet` shares the literal test among many patterns.
    """

    __slots__ = ("_only", "alternatives", "options", "pattern")

    def __init__(self, pattern: re.Pattern[str], alternatives: bool = False) -> None:
        self.pattern = pattern
        self.options = tuple(required_literals(pattern))
        # most patterns require one set: tested without a generator (~20,000 calls a report)
        self._only = self.options[0] if len(self.options) == 1 else None
        # With `alternatives`, a text must also hold the sets of one alternative of a pattern that is one
        # alternation (`branch_literals`; of the pattern inside a word-start guard, `text.wordstart`):
        # the sets every alternative shares ("we", "i") are in most sentences, one alternative's all
        # sets are in few. Worth it only where the pattern costs much more than the test (issue 19:
        # the questions' reply cues, 100-400 µs a sentence, most sentences holding no alternative).
        self.alternatives = branch_literals(_unguarded(pattern)) if alternatives and self.options else ()

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in text[pos:endpos]."""
        if not self.options:
            return True
        has = _folded(text[max(pos, 0) : endpos] if pos > 0 or endpos < len(text) else text).__contains__
        if self._only is not None:
            if not any(map(has, self._only)):
                return False
        elif not all(any(map(has, o)) for o in self.options):
            return False
        # a match is a match of one alternative: all of that alternative's sets are in the text
        return not self.alternatives or any(all(any(map(has, o)) for o in sets) for sets in self.alternatives)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.possible(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos) if self.possible(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.possible(text, pos, endpos) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.pattern.findall(text, pos, endpos) if self.possible(text, pos, endpos) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        """`pattern.sub`: a text that cannot hold a match comes back as it is (as `sub` gives it)."""
        return self.pattern.sub(repl, text, count) if self.possible(text) else text
