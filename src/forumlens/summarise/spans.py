"""Clause trimming: the claim inside a caption run-on, as a quotable span of its own.

Speakers rarely stop: "so what we did is we surveyed 30 data centres, and the first
thing that struck us is that most of them run on diesel, because the grid is not
reliable, and ...". The finding is one or two clauses of a 90-word sentence, and the
whole sentence ranks low (too long, diluted). For each long sentence we try every
window of consecutive clauses (cut at commas, semicolons, colons and caption dashes)
of readable length, score it exactly as a sentence is scored (centrality against the
other speakers, its own turn, informativeness, cue and procedure signals, read after
filler deletion) and keep the sentence's best version — the whole sentence when no
window beats it. A window is an exact slice of the turn with its own start line, so
its citation quotes the source verbatim; the bullet is that window with filler deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from .compress import compress
from .lazy import select_passing
from .rank import (
    CUE_STEP,
    IMPORTANCE_MAX,
    MAX_CUES,
    SUMMARY_BOOST,
    Scored,
    SessionModel,
    best_passing,
    in_wrapup,
    is_summary,
    unit_base,
    unit_factor,
    vector_of,
    wording_free_factor,
)
from .rewrite import opens_clause
from .units import Unit, terms
from .wordingbound import Words, window_wording, words_of

__all__ = ["MIN_TRIM_WORDS", "best_version", "clause_bounds", "trim_pool"]

# Sentences at least this long are worth trimming; windows are kept within readable size.
MIN_TRIM_WORDS = 22
_WINDOW_MIN, _WINDOW_MAX = 9, 38
# The wording factor alone (`rank.unit_factor`: cues 1.12^3, summary 1.3; every other
# multiplier is at most 1): with a window's own boost, a bound that skips rendering it.
_MAX_WORDING = (1.0 + CUE_STEP) ** MAX_CUES * SUMMARY_BOOST
# Upper bound of a sentence's wording factor times the takeaway boost (theme spread 1.25,
# importance signals): used only to skip windows that cannot win.
_MAX_FACTOR = _MAX_WORDING * 1.25 * IMPORTANCE_MAX + 0.01
# Float products taken in another order differ in the last bits: a bound is widened by this.
_SLACK = 1.0 + 1e-9
# Clause boundaries: punctuation or a caption dash (the separator is not part of a clause).
_BOUNDARY = re.compile(r"\s*(?:[,;:]|‑‑|--|—|–)\s+")
# A window that starts with a subordinating word depends on the clause before it.
_DEPENDENT = re.compile(
    r"^\W*(which|because|where|meaning|like|who|whom|whose|when|while|although|though|as|if|than|"
    r"or|to|for|by|with|including|especially|not|nor|then|until|unless|whether|and that|but that)\b",
    re.IGNORECASE,
)
# Cut-off ends: a window that stops on a function word is a fragment.
_DANGLING = re.compile(
    r"\b(the|a|an|of|to|and|or|but|that|which|is|are|was|were|be|in|on|for|with|by|from|at|as|our|their|its|this|these|so)\W*$",
    re.IGNORECASE,
)
# The same words as a whole-word pattern: `dangling` reads only the last word instead of
# letting `_DANGLING.search` try the alternation at every position of a long window.
_DANGLING_WORD = re.compile(_DANGLING.pattern[2:-4], re.IGNORECASE)


def _is_word_char(ch: str) -> bool:
    """Whether `ch` is a regex word character (`\\w` on str patterns: alphanumeric or "_")."""
    return ch.isalnum() or ch == "_"


def dangling(text: str) -> bool:
    """Whether `text` ends on a function word (`_DANGLING.search(text)`, in time linear in the tail).

    A match of `_DANGLING` is always the whole last run of word characters: the word
    starts at a word boundary and only non-word characters may follow it. So it is enough
    to cut the trailing non-word characters, take the word before them and ask the same
    alternation (same case folding) whether it is one of the function words.
    """
    end = len(text)
    while end and not _is_word_char(text[end - 1]):
        end -= 1
    start = end
    while start and _is_word_char(text[start - 1]):
        start -= 1
    return start < end and _DANGLING_WORD.fullmatch(text, start, end) is not None


# What follows a complete window: a new clause, not the rest of this one.
_NEW_CLAUSE = re.compile(
    r"^\W*(and|but|so|because|which|where|while|whereas|although|though|yet|then|and so|I|we|you|they|it|this|that|there|"
    r"he|she|um|uh|you know|I think|I mean|meaning|or)\b",
    re.IGNORECASE,
)


_FILLER_CLAUSE = re.compile(
    r"^\W*(?:you know|I mean|I think|I guess|um|uh|erm|so|and|basically|actually|sort of|kind of|"
    r"let's say|if you like|by the way)\W*$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"(\w+)\W*$")
_FIRST_WORD = re.compile(r"\W*(\w+)")


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the clauses of `text`, separators excluded."""
    out, at = [], 0
    for m in _BOUNDARY.finditer(text):
        before, after = _LAST_WORD.search(text, 0, m.start()), _FIRST_WORD.match(text, m.end())
        if before and after and before.group(1).lower() == after.group(1).lower():
            continue  # a stutter ("most of the, the clinics"): cutting there would drop "most of"
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    if at < len(text):
        out.append((at, len(text)))
    out = [(a, b) for a, b in out if text[a:b].strip()]
    merged: list[tuple[int, int]] = []
    glue = False  # the previous clause was filler fenced off by commas: "run on, you know, solar panels"
    for a, b in out:
        filler = bool(_FILLER_CLAUSE.match(text[a:b]))
        if merged and (glue or filler):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
        glue = filler
    return merged


def _window_unit(unit: Unit, a: int, b: int, window_terms: tuple[str, ...]) -> Unit:
    """The window `unit.text[a:b]` as a unit of its own, `window_terms` being its `terms`."""
    return replace(
        unit,
        start=unit.start + a,
        end=unit.start + b,
        text=unit.text[a:b],
        line=unit.line + unit.text.count("\n", 0, a),
        terms=window_terms,
    )


def _clause_facts(text: str, bounds: Sequence[tuple[int, int]]) -> tuple[list[tuple[str, ...]], list[bool | None]]:
    """Per clause, its `terms` and whether a window ending on it dangles (None: ask the window).

    Computed once per sentence instead of once per window. Exact, because what separates
    two clauses (`_BOUNDARY`: punctuation, dashes, whitespace) holds no token of `terms`
    and every clause starts after whitespace or at the start: a window's terms are its
    clauses' terms in order, and `dangling` reads only the last word, inside the last
    clause when that clause has a word character at all.
    """
    clause_terms, ends = [], []
    for a, b in bounds:
        clause = text[a:b]
        clause_terms.append(tuple(terms(clause)))
        ends.append(dangling(clause) if any(_is_word_char(ch) for ch in clause) else None)
    return clause_terms, ends


def best_version(
    model: SessionModel,
    item: Scored,
    boost: Callable[[Unit], float] | None = None,
    accept: Callable[[Unit], bool] | None = None,
    reading: Callable[[Unit], str | None] | None = None,
    sources: Callable[[Unit], Iterable[str]] | None = None,
) -> Scored | None:
    """The highest-scoring clause window of a long sentence, or the sentence itself.

    With `accept` (can this unit be rendered as a point? `wording.Wording.accept`), only
    acceptable versions compete, and None is returned when none is. With `reading` (the
    bullet text a unit renders to, None when it is no point: `wording.Wording.reading`), a
    window is scored as the reader will see it: a window whose cut head the rendering
    repaired ("that really struck us is that most facilities ..." -> "Most facilities ...")
    is not penalised as a fragment it no longer is, and acceptance is that reading. With
    `sources` too (the texts other than the unit's own that its reading may take words from:
    `wording.Wording.sources`), a window is rendered only when the cue and summary words
    those texts hold leave it a chance to win (`wordingbound`).
    """
    if reading is not None:
        accept = lambda u: reading(u) is not None  # noqa: E731
    unit = item.unit
    bounds = clause_bounds(unit.text) if unit.words >= MIN_TRIM_WORDS and not is_summary(model, unit) else []
    # a wrap-up lists several findings: every clause of it is worth keeping
    windows = _windows(model, unit, bounds) if len(bounds) >= 2 else []
    if not windows:
        return item if accept is None or accept(unit) else None
    search = _WindowSearch(model, unit, bounds, windows, boost, accept, reading, sources if reading else None)
    if accept is None:
        return search.best(item)
    # A window that beats the whole sentence is the answer whether or not the sentence
    # renders (the first window of the best score either way): the sentence is read
    # only when none does.
    found = search.best(item)
    if found is not item:
        return found
    return item if accept(unit) else search.best(None)


_Window = tuple[float, int, int, Unit, dict[str, float]]  # (base score, first clause, last clause, unit, vector)


def _windows(model: SessionModel, unit: Unit, bounds: Sequence[tuple[int, int]]) -> list[_Window]:
    """The clause windows of `unit` worth scoring, best centrality first (ties by position)."""
    words = [len(unit.text[a:b].split()) for a, b in bounds]
    clause_terms, ends = _clause_facts(unit.text, bounds)
    rank_share = model.rank_of.get(unit.span, 0.0)
    windows = []
    default_idf = max(model.idf.values(), default=1.0)  # what `vectorise([span], model.idf)` would use
    for i in range(len(bounds)):
        total = 0
        window_terms: tuple[str, ...] = ()
        for j in range(i, len(bounds)):
            total += words[j]
            if total > _WINDOW_MAX:
                break
            window_terms += clause_terms[j]
            if total < _WINDOW_MIN or (i == 0 and j == len(bounds) - 1):
                continue
            if i > 0 and opens_clause(unit.text[bounds[i - 1][0] : bounds[i - 1][1]]):
                break  # "so that captioning, | sign language ... are guaranteed": inside the clause, not a claim
            if len(window_terms) < 4:
                continue
            span = _window_unit(unit, bounds[i][0], bounds[j][1], window_terms)
            cut = ends[j] if ends[j] is not None else dangling(span.text)
            # a window cut off on a function word, also once filler is gone ("runs on diesel for, you know")
            if cut or dangling(compress(span.text).rstrip(".")):
                continue
            vec = vector_of(span.terms, model.idf, default_idf)
            windows.append((unit_base(model, span, vec, rank_share), i, j, span, vec))
    windows.sort(key=lambda w: (-w[0], w[1], w[2]))
    return windows


class _WindowSearch:
    """The best clause window of one sentence, each window scored (rendered) at most once.

    The wording factor (regex signals, the rendering) is the costly part: windows are
    visited by their centrality part, one is skipped when even the best wording could not
    beat the best found, and the visit stops once no later one can.
    """

    def __init__(
        self,
        model: SessionModel,
        unit: Unit,
        bounds: Sequence[tuple[int, int]],
        windows: list[_Window],
        boost: Callable[[Unit], float] | None,
        accept: Callable[[Unit], bool] | None,
        reading: Callable[[Unit], str | None] | None,
        sources: Callable[[Unit], Iterable[str]] | None = None,
    ) -> None:
        self.model, self.unit, self.bounds, self.windows = model, unit, bounds, windows
        self.boost, self.accept, self.reading, self.sources = boost, accept, reading, sources
        self._clause_words: list[Words] | None = None
        self._lifts: dict[int, float] = {}
        self._ceiling: dict[int, float] = {}
        self._scored: dict[int, Scored | None] = {}

    def best(self, best: Scored | None) -> Scored | None:
        """The first window of the highest score above `best` (visit order), else `best`."""
        for n, window in enumerate(self.windows):
            if best is not None and window[0] * _MAX_FACTOR <= best.score:
                break
            if best is not None and self.ceiling(n) * _SLACK <= best.score:
                continue  # cannot beat the best even with the best wording: not worth rendering
            found = self.scored(n)
            if found is not None and (best is None or found.score > best.score):
                best = found
        return best

    def _cut_short(self, j: int) -> bool:
        """Whether what follows clause `j` continues it (a list, an object)."""
        bounds = self.bounds
        return j < len(bounds) - 1 and not _NEW_CLAUSE.match(self.unit.text[bounds[j + 1][0] : bounds[j + 1][1]])

    def _lift(self, n: int) -> float:
        """The caller's boost of window `n` (1.0 without one), asked once."""
        if n not in self._lifts:
            self._lifts[n] = self.boost(self.windows[n][3]) if self.boost is not None else 1.0
        return self._lifts[n]

    def ceiling(self, n: int) -> float:
        """The highest score window `n` could reach, whatever its reading."""
        if n not in self._ceiling:
            base, j, span = self.windows[n][0], self.windows[n][2], self.windows[n][3]
            # the multipliers no rendering changes (hub share, floor) are known: only the wording is bounded
            known = wording_free_factor(self.model, span)
            wording = self._wording(n)
            self._ceiling[n] = base * wording * known * self._lift(n) * (0.8 if self._cut_short(j) else 1.0)
        return self._ceiling[n]

    def _wording(self, n: int) -> float:
        """A bound of window `n`'s wording factor: `_MAX_WORDING`, or with `sources` the bound
        from the cue and summary words its reading may hold (`wordingbound.window_wording`)."""
        if self.sources is None:
            return _MAX_WORDING
        if self._clause_words is None:  # each clause read once for all the windows holding it
            self._clause_words = [words_of(self.unit.text[a:b]) for a, b in self.bounds]
        _base, i, j, span, _vec = self.windows[n]
        parts = [*self._clause_words[i : j + 1], *(words_of(text) for text in self.sources(span))]
        chair = span.who in self.model.chairs
        return window_wording(parts, in_wrapup(self.model, span), chair, _MAX_WORDING)

    def scored(self, n: int) -> Scored | None:
        """Window `n` scored as it reads, None when it is no point."""
        if n not in self._scored:
            self._scored[n] = self._score(n)
        return self._scored[n]

    def _score(self, n: int) -> Scored | None:
        base, i, j, span, vec = self.windows[n]
        reading, accept, unit = self.reading, self.accept, self.unit
        shown = reading(span) if reading is not None else None
        if accept is not None and (not accept(span) if reading is None else shown is None):
            return None
        read = replace(span, text=shown or compress(span.text))
        factor = unit_factor(self.model, read) * self._lift(n)
        if _DEPENDENT.match(read.text) or (shown is None and _DEPENDENT.match(span.text)):
            factor *= 0.5  # "and by support for ...": the filler-free reading starts dependent too
        if i == 0 and unit.text[:1].islower() and (shown is None or shown[:1].lower() == unit.text[:1]):
            factor *= 0.6  # the head of a cut run-on's tail: as weak as the tail itself (unless repaired away)
        if self._cut_short(j):
            factor *= 0.8  # what follows continues this clause (a list, an object): cut short
        return Scored(span, base * factor, vec)


def trim_pool(
    model: SessionModel | None,
    pool: Sequence[Scored],
    boost: Callable[[Unit], float] | None = None,
    limit: int = 24,
    accept: Callable[[Unit], bool] | None = None,
    reading: Callable[[Unit], str | None] | None = None,
    keep: int | None = None,
    select: Callable[[list[Scored]], list[Scored]] | None = None,
    sources: Callable[[Unit], Iterable[str]] | None = None,
) -> list[Scored]:
    """`pool` with each of its `limit` most promising long sentences replaced by its best version.

    Promise is the sentence's score without the length penalty it paid, so a long
    sentence that ranks low only because of its length still gets its chance. With
    `accept`, only units that can be rendered as a point remain (`best_version`). With
    `keep` (the caller reads only the `keep` best-scored, as `mmr_select` does), the
    other sentences are asked `accept` best first and only until `keep` have passed
    (`rank.best_passing`): the `keep` best of the result are the same.

    With `select` (the caller's selector), what it picks from that pool: the other
    sentences of a pool of at most `keep` are then asked `accept` only as far as `select`
    needs them (`lazy.select_passing`; the best versions pass already). `select` must be
    monotone in its pool and read all of a pool of `keep` or fewer (`rank.mmr_select` with
    a `pool_limit` of at least `keep`). `sources`: as `best_version`'s.
    """
    if model is None:
        plain = [s for s in pool if accept is None or accept(s.unit)]
        return plain if select is None else select(plain)
    from .rank import _length_factor

    def promise(s: Scored) -> float:
        lf = _length_factor(s.unit.words)
        return s.score / lf if lf > 0 else 0.0

    long_ones = sorted(
        (s for s in pool if s.unit.words >= MIN_TRIM_WORDS), key=lambda s: (-promise(s), s.unit.position)
    )
    chosen = {id(s) for s in long_ones[:limit]}
    lazy = select is not None and keep is not None and len(pool) <= keep
    if accept is None or lazy:
        passing = None
    elif keep is None:
        passing = {id(s) for s in pool if id(s) not in chosen and accept(s.unit)}
    else:
        others = [s for s in pool if id(s) not in chosen]
        passing = {id(s) for s in best_passing(others, lambda s: accept(s.unit), keep)}
    out, versions = [], set()
    for s in pool:
        if id(s) in chosen:
            best = best_version(model, s, boost, accept, reading, sources)
            if best is not None:
                versions.add(id(best))
                out.append(best)
        elif passing is None or id(s) in passing:
            out.append(s)
    if select is None:
        return out
    if not lazy or accept is None or keep is None:
        return select(out)
    test = accept
    return select_passing(select, out, lambda s: test(s.unit), keep, known=lambda s: id(s) in versions)
