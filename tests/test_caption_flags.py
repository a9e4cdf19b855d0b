"""The one reading of flagged caption labels (`forumlens.caption_flags`), and the surfaces that use it.

`forumlens people NAME`, the portal's missing-person hint, the search's speaker facet,
`forumlens show` and the turn credits all read the stored `flags` analyses through this module: a malformed
flag is skipped alike everywhere, and the sentence about a flag is worded once.
"""

from __future__ import annotations

from typing import Any

from forumlens import views
from forumlens.caption_flags import (
    FlaggedLabel,
    SessionFlag,
    flag_note,
    flagged_labels,
    flagged_lines,
    likely_speakers,
    session_flags,
)
from forumlens.commands.people import flagged_labels as people_notes
from forumlens.credits import credited_lines
from forumlens.models import Session, Turn
from forumlens.web.session_page import line_credits

ROWS: list[tuple[str, str, int | None, Any]] = [
    (
        "s1",
        "Workshop one",
        2023,
        [
            {"line": 7, "label": "PETRA NOVAK", "likely_speaker": "Maria Kovac", "reason": "continues"},
            {"line": 9, "label": "", "likely_speaker": "Nobody"},  # no label: nothing to say
            "not a flag",
            {"line": 11, "label": "JOHN ROE"},
        ],
    ),
    ("s2", "Workshop two", 2024, None),  # a session stored without flags
    ("s3", "Workshop three", 2024, [{"line": 4, "label": "John Roe", "likely_speaker": "Carla Diaz"}]),
    ("s4", "Workshop four", 2025, {"line": 1, "label": "PETRA NOVAK"}),  # not a list: skipped
]


def test_flagged_labels_reads_every_labelled_flag_and_skips_the_rest():
    assert list(flagged_labels(ROWS)) == [
        FlaggedLabel("s1", "Workshop one", 7, "PETRA NOVAK", "Maria Kovac"),
        FlaggedLabel("s1", "Workshop one", 11, "JOHN ROE", None),
        FlaggedLabel("s3", "Workshop three", 4, "John Roe", "Carla Diaz"),
    ]
    assert FlaggedLabel("s1", "t", 7, "PÉTRA  NOVAK", None).key == "petra novak"  # compared as names are


def test_session_flags_reads_one_sessions_flags_as_show_lists_them():
    assert list(session_flags(ROWS[0][3])) == [
        SessionFlag("PETRA NOVAK", 7, "continues", "Maria Kovac"),
        SessionFlag("JOHN ROE", 11, "flagged by the analysis", None),  # no reason stored: the default one
    ]
    assert list(session_flags(None)) == [] and list(session_flags(ROWS[3][3])) == []  # none, or not a list
    assert [f.line for f in session_flags([{"line": "7", "label": "ANA LIMA"}])] == [None]  # not a line number
    assert views.FlaggedLabel is SessionFlag  # `show` lists the same records


def test_likely_speakers_names_one_speaker_or_none():
    assert likely_speakers(ROWS, {"petra novak", "john roe", "ana lima"}) == {
        "petra novak": "Maria Kovac",
        "john roe": None,  # flagged twice: once for nobody, once for Carla Diaz
    }
    assert likely_speakers(ROWS, set()) == {}


def test_flagged_lines_are_the_integer_lines_of_a_list():
    assert flagged_lines(ROWS[0][3]) == {7, 9, 11}
    assert flagged_lines([{"line": "7"}, {"line": None}, 3]) == set()
    assert flagged_lines(None) == set() and flagged_lines({"line": 7}) == set()


def test_the_flag_sentence_and_the_cli_note_built_on_it():
    flag = FlaggedLabel("s1", "Workshop one", 7, "PETRA NOVAK", "Maria Kovac")
    assert flag_note(flag, "“Workshop one”") == (
        "PETRA NOVAK labels line 7 of “Workshop one” in the captions, flagged as a caption mis-attribution"
    )
    assert people_notes(ROWS, "petra") == [
        "PETRA NOVAK labels line 7 of s1 “Workshop one” in the captions, flagged as a caption mis-attribution: "
        "the turn is counted for Maria Kovac"
    ]
    assert [n.split(" of ")[1][:2] for n in people_notes(ROWS, "roe")] == ["s1", "s3"]  # every session, no speaker
    assert people_notes(ROWS, "...") == []  # a name with no letters matches nothing


def test_the_session_page_and_the_turn_credits_read_the_people_analysis_alike():
    people = [
        {"name": "Maria Kovac", "lines": [5, 7, "9"]},
        {"name": "", "lines": [3]},  # no name: credits nobody
        "not a person",
        {"name": "Ana Lima", "lines": [3, 11]},
    ]
    assert credited_lines(people) == {5: "Maria Kovac", 7: "Maria Kovac", 3: "Ana Lima", 11: "Ana Lima"}
    assert credited_lines(tuple(people)) == credited_lines(people)
    assert credited_lines(None) == {} and credited_lines({"name": "Ana Lima"}) == {}
    turns = tuple(
        Turn(index=i, line=line, label=label, speaker=None, kind=kind, text="words")
        for i, (line, kind, label) in enumerate([(1, "note", None), (3, "speech", "ANA LIMA"), (7, "speech", "PETRA")])
    )
    session = Session(title="t", sha256="0" * 64, source="x", turns=turns)
    assert line_credits(session, people, [{"line": 7, "label": "PETRA"}]) == (
        (1, "note", None, False),
        (3, "speech", "Ana Lima", False),
        (7, "speech", "Maria Kovac", True),  # the flagged turn: the likely speaker's, marked
    )
