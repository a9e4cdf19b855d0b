"""The clause-window search skips windows that cannot win: its answer is the exhaustive one.

`spans._WindowSearch` renders a window only while its ceiling (centrality part times the
best wording factor and the caller's boost) could still beat the best score found, and
stops once the centrality part alone cannot. Both skips rest on bounds: a change to the
wording factors (`rank.unit_factor`), to the boost or to the window's own penalties that
lifts a score above them would silently drop winners. Here, on real transcripts with the
real rendering and takeaway boost, every window is scored and checked against both
bounds, and `best_version` must return what scoring every window would.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from forumlens.summarise.attribution import Credits
from forumlens.summarise.context import build_context
from forumlens.summarise.rank import Scored, is_summary, unit_factor, wording_free_factor
from forumlens.summarise.report import signals_of, takeaway_boost
from forumlens.summarise.spans import (
    _MAX_FACTOR,
    _MAX_WORDING,
    _SLACK,
    MIN_TRIM_WORDS,
    _windows,
    _WindowSearch,
    best_version,
    clause_bounds,
)
from forumlens.summarise.wording import Wording
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
SOURCES = [
    *sorted((HERE.parent / "examples").glob("*.txt"))[:3],
    *sorted((HERE / "resources" / "summarise").glob("*.txt"))[:4],
]


def _first_best(found: list[Scored | None], floor: Scored | None) -> Scored | None:
    """The first of `found` with the highest score above `floor` (None entries are no point)."""
    best = floor
    for s in found:
        if s is not None and (best is None or s.score > best.score):
            best = s
    return best


def _searches_of(path: Path, with_sources: bool = False) -> list[tuple]:
    """(model, item, boost, wording, search) for each long sentence of one transcript (with
    `with_sources`, each search bounds a window's wording by the words it may show)."""
    session = parse_transcript(path.read_text("utf-8"), source=path.name)
    ctx = build_context(session)
    wording, model = Wording.of(ctx, Credits.of(session, None)), ctx.ranking().model
    boost = takeaway_boost(ctx, signals_of(ctx))
    accept = lambda u: wording.reading(u) is not None  # noqa: E731 (as `best_version` makes it)
    out = []
    for item in ctx.ranking().scored(boost):
        unit = item.unit
        bounds = clause_bounds(unit.text) if unit.words >= MIN_TRIM_WORDS and not is_summary(model, unit) else []
        windows = _windows(model, unit, bounds) if len(bounds) >= 2 else []
        if windows:
            out.append(
                (
                    model,
                    item,
                    boost,
                    wording,
                    _WindowSearch(
                        model,
                        unit,
                        bounds,
                        windows,
                        boost,
                        accept,
                        wording.reading,
                        wording.sources if with_sources else None,
                    ),
                )
            )
    return out


@pytest.fixture(scope="module")
def searches():
    """Every long sentence's search in the real sessions, with the real boost and reading."""
    out = [one for path in SOURCES for one in _searches_of(path)]
    assert len(out) >= 20  # enough long sentences to mean something
    return out


def scored_windows(searches: list[tuple]) -> Iterator[tuple]:
    """(model, search, n, window, scored) for every window of `searches` that renders to a point."""
    for model, _item, _boost, _wording, search in searches:
        for n, window in enumerate(search.windows):
            found = search.scored(n)
            if found is not None:
                yield model, search, n, window, found


def test_every_window_score_is_within_both_bounds(searches):
    scored = 0
    for _model, search, n, window, found in scored_windows(searches):
        scored += 1
        assert found.score <= search.ceiling(n) * _SLACK, found.unit.text
        assert found.score <= window[0] * _MAX_FACTOR, found.unit.text
    assert scored >= 50


def test_best_version_is_the_exhaustive_best(searches):
    beaten = 0
    for model, item, boost, wording, search in searches:
        found = [search.scored(n) for n in range(len(search.windows))]
        over_item = _first_best(found, item)
        expected = over_item if over_item is not item or wording.accept(item.unit) else _first_best(found, None)
        got = best_version(model, item, boost, reading=wording.reading)
        assert (got is None) == (expected is None)
        if got is not None and expected is not None:
            assert (got.unit.span, got.unit.text, got.score) == (expected.unit.span, expected.unit.text, expected.score)
            beaten += got is not item
    assert beaten >= 5  # windows do win: the search is not trivially the sentence


@pytest.mark.parametrize("path", SOURCES[:3], ids=lambda p: p.name)
def test_the_wording_free_part_of_a_factor_times_the_wording_bound_bounds_the_factor(path: Path) -> None:
    # a window's ceiling multiplies its hub share and floor factors, known before it is rendered:
    # the bound must stay above the factor of every unit, read as it renders or not
    session = parse_transcript(path.read_text("utf-8"), source=path.name)
    ctx = build_context(session)
    wording, model = Wording.of(ctx, Credits.of(session, None)), ctx.ranking().model
    assert model is not None
    checked = 0
    for item in ctx.ranking().scored():
        shown = wording.reading(item.unit)
        for unit in (item.unit, replace(item.unit, text=shown or item.unit.text)):
            known = wording_free_factor(model, unit)
            assert unit_factor(model, unit) <= _MAX_WORDING * known * _SLACK
            checked += known < 1.0
    assert checked  # some units pay a hub or floor penalty here: the tighter bound is exercised
