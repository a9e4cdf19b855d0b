"""Every layout of the parsing sets goes through the whole analysis without an error.

A new reader or rule is written for one layout, and the stages after it assume shapes that layout
may not have: a turn dropped without renumbering (a court transcript's `BY …:` headings), a name
card of titles alone, a label whose name has no Latin letters. Each once failed `report` and
`ingest` on a file of these sets with an IndexError or a TypeError. The sets' short excerpts of
many formats make them the cheapest sweep (about 4 s of CPU for 200 files, thread items included); the blind folders of
this round are left out (`blind_sets.is_blind`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.pipeline import analyse_session, thread_items_of
from forumlens.transcript.parse import parse_transcript

from .blind_sets import RESOURCES, is_blind

FOLDERS = sorted(p for p in RESOURCES.glob("parse*") if p.is_dir() and not is_blind(p))


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_each_file_is_analysed_and_its_turns_are_numbered_by_position(folder: Path) -> None:
    files = sorted(folder.glob("*.txt"))
    assert files, f"{folder} holds no transcript"
    for path in files:
        session = parse_transcript(path.read_text(encoding="utf-8"), source=path.name)
        assert [t.index for t in session.turns] == list(range(len(session.turns))), path.name
        report = analyse_session(session)
        assert {"people", "questions", "asks"} <= set(report), path.name
        items = thread_items_of(session, report, path.stem)  # the ingest's last stage: it once never returned
        assert all(item["line"] >= 1 for item in items.data["items"]), path.name


def test_a_name_card_of_titles_alone_and_a_label_without_latin_letters_are_read_without_error() -> None:
    text = (
        "Panel, printed programme:\n"
        "Dr., Prof., Ministry of Posts\n"
        "Li Wen, Dean, Hsinchu Institute of Networks\n"
        "\n"
        ">> 主持人: Welcome. I am Li Wen, dean of the Hsinchu Institute of Networks.\n"
        ">> 李文: Thank you. My name is Li Wen and I will speak for the institute.\n"
        ">> 陳: Is the programme funded?\n"
        ">> 李文: Yes, by the ministry.\n"
    )
    session = parse_transcript(text)
    report = analyse_session(session)
    assert len(session.turns) == 4
    assert report["people"]
