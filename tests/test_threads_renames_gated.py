"""Speed work on the threads' rename reader must give the answers of the plain code (issue 19).

The rename and merger shapes (`threads.renames`) sit behind their literal prefilters: a shape that
opens with a body's name tries every capitalised word of a turn, where most turns lack the shape's
verb ("formerly", "renamed", "formed … from"). Compared here with every shape searched, on every
turn of real transcripts and on sentences that state each shape.
"""

from __future__ import annotations

from forumlens.threads import renames
from forumlens.transcript.parse import parse_transcript

from .conftest import MAIN_SESSION, RESOURCES

# the shared session and some transcripts the analysis is tested on
_FILES = [MAIN_SESSION, *sorted(RESOURCES.glob("asks_*/*.txt"))[:12], *sorted(RESOURCES.glob("intel_*/*.txt"))[:12]]


def _turns() -> list[str]:
    return [t.text for f in _FILES for t in parse_transcript(f.read_text("utf-8")).turns if t.text.strip()]


def _plain_renames(text: str) -> list[tuple[str, str]]:
    """`stated_renames` with every shape searched, none behind its prefilter."""
    saved = renames._GATED_SHAPES, renames._GATED_MERGERS
    renames._GATED_SHAPES, renames._GATED_MERGERS = renames._SHAPES, renames._MERGERS  # type: ignore[assignment]
    try:
        return renames.stated_renames(text)
    finally:
        renames._GATED_SHAPES, renames._GATED_MERGERS = saved


_STATED = (
    "Some of you knew us as the coalition on web archiving; since Vilnius we are the Dynamic Coalition on Digital Heritage.",
    "The Dynamic Coalition on Schools (formerly the Coalition on Classroom Connectivity) met twice.",
    "The Coalition on Open Maps, now renamed the Dynamic Coalition on Open Geodata, will report.",
    "Last year we changed our name from the Coalition on Rural Access to the Dynamic Coalition on Community Networks.",
    "The DC on Youth Safety and the DC on Child Rights merged into the Dynamic Coalition on Children Online.",
    "The Dynamic Coalition on Data, formed in 2019 from the DC on Privacy and the DC on Open Data, met.",
)


def test_rename_shapes_behind_their_prefilters_find_what_the_plain_shapes_find() -> None:
    texts = [*_turns(), *_STATED]
    found = 0
    for text in texts:
        gated = renames.stated_renames(text)
        assert gated == _plain_renames(text), text
        found += bool(gated)
    # each stated rename or merger is read (the shapes match here, so the comparison is not of empty lists)
    assert found >= len(_STATED)
    assert all(renames.stated_renames(s) for s in _STATED)
