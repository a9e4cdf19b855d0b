"""Thread items are credited as the briefs are: never to a caption label the analysis flagged."""

from __future__ import annotations

from forumlens.ingest import prepare_bytes
from forumlens.threads import extract_items
from forumlens.threads.items import credited_session

from .conftest import MAIN_SESSION


def test_an_item_on_a_flagged_turn_is_credited_to_the_likely_speaker() -> None:
    p = prepare_bytes(MAIN_SESSION.read_bytes(), MAIN_SESSION.name)
    assert p.failure is None, p.failure
    flags = {f["line"]: f for f in p.analyses.get("flags") or []}
    assert flags, "the shared session holds a caption mis-attribution the resolve stage flags"
    items = extract_items(p.session, p.analyses, "main").items
    on_flagged = [
        (i, flags[t.line])
        for i in items
        for t in p.session.turns
        if t.kind == "speech" and t.line in flags and t.line <= i.line <= max(t.line, t.end_line)
    ]
    assert on_flagged, "an item (the glossary promise) sits on the flagged turn"
    for item, flag in on_flagged:
        assert item.speaker == flag["likely_speaker"], (item.line, item.speaker)
        assert item.speaker.lower() != str(flag["label"]).lower()
        assert item.quote in MAIN_SESSION.read_text("utf-8").splitlines()[item.line - 1]


def test_a_session_without_analyses_keeps_its_caption_speakers() -> None:
    p = prepare_bytes(MAIN_SESSION.read_bytes(), MAIN_SESSION.name)
    assert credited_session(p.session, {}) is p.session
