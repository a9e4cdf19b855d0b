"""Spoken-corpus transcriptions in ICE markup (`transcript/icemarkup.py`). Invented text."""

from __future__ import annotations

from forumlens.transcript.icemarkup import read_ice_markup
from forumlens.transcript.parse import parse_transcript

CORPUS = """<ICE-XX:S1A-003#1:1:A> <#> Right <,> we can begin now
<ICE-XX:S1A-003#2:1:A> <#> The first item is the budget
<ICE-XX:S1A-003#3:1:B> <#> <[> Just one </[> thing before that <,,> the minutes
<ICE-XX:S1A-003#4:1:A> <#> Yes of course <O> coughs </O>
"""


def test_each_speaker_letter_change_starts_a_turn_after_the_line_opening_tags() -> None:
    turns = parse_transcript(CORPUS).turns
    assert [t.label for t in turns] == ["A", "B", "A"]
    assert [t.speaker for t in turns] == [None, None, None]  # a corpus speaker letter names nobody
    assert turns[0].text.startswith("Right <,> we can begin now\n")  # the unit after it is the same turn
    assert turns[0].text.rstrip().endswith("The first item is the budget")
    assert turns[1].text.startswith("Just one </[> thing")  # the overlap tag opening the line is no speech


def test_a_locator_here_and_there_is_no_corpus_text() -> None:
    assert read_ice_markup("Notes\n<ICE-XX:S1A-003#1:1:A> quoted once\nthen prose\n") is None
