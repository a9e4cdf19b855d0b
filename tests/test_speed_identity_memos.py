"""Speed work of stop 36 (issue 19) must give the answers of the plain code.

Three steps were made cheaper without changing their results: the floor-management check of a
sentence (`is_housekeeping`) and the procedural-cue search (`is_procedural`) are remembered
process-wide instead of per analysis, as the analysis and the threads ask them of the same
sentences; the rename and merger shapes (`threads.renames`) sit behind their literal prefilters.
Each is compared here with the plain code on every sentence or turn of real transcripts.
"""

from __future__ import annotations

from forumlens.analyse import cues, questionsentences
from forumlens.threads import renames
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sentences import split_sentences

from .conftest import MAIN_SESSION, RESOURCES

# a few transcripts of each kind the analysis is tested on, besides the shared session
_FILES = [MAIN_SESSION, *sorted(RESOURCES.glob("asks_*/*.txt"))[:12], *sorted(RESOURCES.glob("intel_*/*.txt"))[:12]]


def _turns() -> list[str]:
    return [t.text for f in _FILES for t in parse_transcript(f.read_text("utf-8")).turns if t.text.strip()]


def _sentences() -> list[str]:
    return [text[a:b] for text in _turns() for a, b in split_sentences(text)]


def test_housekeeping_and_procedural_answers_are_the_plain_searches() -> None:
    sentences = _sentences()
    assert len(sentences) > 1000
    plain_housekeeping = questionsentences._housekeeping.__wrapped__
    housekeeping = procedural = 0
    for sentence in sentences:
        # asked twice: the second answer comes from the memo
        for _ in range(2):
            found = questionsentences.is_housekeeping(sentence)
            assert found is plain_housekeeping(sentence.strip()), sentence
            is_proc = cues.is_procedural(sentence)
            assert is_proc is bool(cues.PROCEDURAL.search(sentence)), sentence
        housekeeping += found
        procedural += is_proc
    assert housekeeping > 20 and procedural > 20  # both answers occur: the comparison is not of constants


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
