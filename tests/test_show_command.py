"""`forumlens sessions` and `forumlens show` as a careful user reads them (issues 17/21 follow-ups).

- `show` lists one line per person: the label variants the people analysis merged are
  shown as "also captioned as", and a label the analysis flags as a caption
  mis-attribution is listed apart, marked, never as a person.
- a session still being captioned (`forumlens live`) is listed by `sessions`, first and
  marked "live (in progress)" (JSON: `"state": "live"`), and `show` works on it.

The views (forumlens.views) are tested on both stores; the commands through the real CLI.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.models import Session, Turn
from forumlens.store import Store
from forumlens.transcript.speakers import name_key
from forumlens.views import (
    LIVE_STATE,
    STORED_STATE,
    format_session_list,
    format_session_view,
    list_sessions,
    session_people,
    session_view,
    sessions_json,
)

from .conftest import MAIN_SESSION

# Written for this test: label variants of two people (a caption typo, an OCR-like "l" for
# "I"), a role label without a name, non-native English.
VARIANTS = """IGF 2023 Kyoto - Open Forum 31: Digital public goods in Africa

>> MODERATOR: Welcome. First speaker is Ms. Wanjiru Kamau from the Kenya ICT Action Network.
>> WANJIRU KAMAU: Thank you. In Kenya we are building the digital ID but the people in rural areas they don't have the connectivity to use it.
>> MODERATOR: Thank you Wanjiru. Now Mr. Oluwaseun Adeyemi, online from Lagos.
>> OLUWASEUN ADEYEMI: Good morning. Can you hear me? We need the funding for open source, this is the ask to the donors.
>> WANJIRU KAMAU: If I may add, the data protection law must come first.
>> OLUWASEUN ADEYEMl: Yes, I agree with Wanjiru, the law first and then the systems.
>> WANJIRU KAMAO: And the civil society must be in the room when they design it.
>> MODERATOR: Thank you both, we close here.
"""


def _person_lines(text: str) -> list[str]:
    """The lines of the "Speakers (words):" block of `show`."""
    block = text.split("Speakers (words):\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in block.splitlines()]


def _ingest(store: Store, path: Path) -> str:
    outcome = ingest_file(store, path, IngestOptions())
    assert outcome.status == "ingested" and outcome.session, outcome
    return outcome.session


# -- one line per person ---------------------------------------------------------------------------


def test_label_variants_are_one_person_on_both_stores(fresh_store: Store, tmp_path) -> None:
    path = tmp_path / "of31.txt"
    path.write_text(VARIANTS, "utf-8")
    view = session_view(fresh_store, _ingest(fresh_store, path))
    by_name = {p.shown: p for p in view.people}
    assert set(by_name) == {"Wanjiru Kamau", "Oluwaseun Adeyemi", "MODERATOR"}
    assert by_name["Wanjiru Kamau"].also_captioned_as == ("WANJIRU KAMAO",)
    assert by_name["Oluwaseun Adeyemi"].also_captioned_as == ("OLUWASEUN ADEYEMl",)
    assert by_name["MODERATOR"].name is None and by_name["MODERATOR"].also_captioned_as == ()
    # every word of the session is someone's, once
    speech = sum(len(t.text.split()) for t in view.session.turns if t.kind == "speech")
    assert abs(sum(p.words for p in view.people) - speech) <= 3
    shown = format_session_view(view)
    lines = _person_lines(shown)
    assert len(lines) == 3
    assert any(line.startswith("Wanjiru Kamau") and line.endswith("also captioned as WANJIRU KAMAO") for line in lines)
    assert "Flagged labels" not in shown


def test_a_flagged_label_is_marked_and_not_a_person(fresh_store: Store) -> None:
    sid = _ingest(fresh_store, MAIN_SESSION)
    flags = fresh_store.analysis(sid, "flags")
    assert flags, "the main session has a caption mis-attribution the analysis flags"
    flagged = {name_key(f["label"]) for f in flags}
    view = session_view(fresh_store, sid)
    assert {name_key(f.label) for f in view.flagged} == flagged
    assert not flagged & {name_key(p.shown) for p in view.people}  # never listed as a person
    olivier = [p for p in view.people if p.name and "leblond" in name_key(p.name)]
    assert len(olivier) == 1  # the two spellings of one person, one line
    assert {name_key(x) for x in olivier[0].also_captioned_as} == {"olivier repin leblond"}
    text = format_session_view(view)
    for flag in flags:
        assert f"[flagged] {flag['label']}  line {flag['line']}:" in text
    assert len(_person_lines(text)) == len(view.people)


def test_without_a_people_analysis_the_turns_speakers_are_listed(tmp_path) -> None:
    """A session stored with --no-analysis: nothing to merge with, every speaker as captioned."""
    turns = tuple(
        Turn(index=i, line=i + 1, label=label, speaker=label.title() if label else None, kind="speech", text=text)
        for i, (label, text) in enumerate(
            [("ANNA SMITH", "one two three"), (None, "four five"), ("ANNA SMITH", "six"), ("BEN OKAFOR", "seven")]
        )
    )
    people, flagged = session_people(Session("t", "0" * 64, "s.txt", turns), {})
    assert [(p.shown, p.words) for p in people] == [("Anna Smith", 4), ("(unnamed)", 2), ("Ben Okafor", 1)]
    assert flagged == []


# -- sessions still being captioned ----------------------------------------------------------------


def _live_session(store: Store, tmp_path: Path) -> str:
    """A live session with two turns, its follower stopped without finalising (as --no-finalise)."""
    caption = tmp_path / "captions.txt"
    caption.write_text(
        "IGF 2019 Berlin - WS 210\n>> LENA MÜLLER: Guten Tag, we begin.\n>> RAVI IYER: Thanks Lena.\n", "utf-8"
    )
    follower = Follower(store, FileSource(caption), LiveOptions(interval=0.01, analyse_every=1e9))
    sid = follower.start()
    follower.step()
    follower.close()
    return sid


def test_a_live_session_is_listed_first_and_marked_on_both_stores(fresh_store: Store, tmp_path) -> None:
    stored = _ingest(fresh_store, MAIN_SESSION)  # year 2021: sorts above the live one's 2019 by year
    live = _live_session(fresh_store, tmp_path)
    rows = list_sessions(fresh_store)
    assert [(r.info.id, r.state) for r in rows] == [(live, LIVE_STATE), (stored, STORED_STATE)]
    assert list_sessions(fresh_store, limit=1)[0].info.id == live  # never pushed out by --limit
    assert [r.info.id for r in list_sessions(fresh_store, year=2021)] == [stored]  # the year filter holds
    data = sessions_json(rows)["sessions"]
    assert [d["state"] for d in data] == ["live", "stored"]
    assert {"id", "title", "year", "source", "turns", "speakers", "words", "ingested_at"} <= set(data[0])
    table = format_session_list(rows).splitlines()
    assert "state" in table[0] and "live (in progress)" in table[2] and live in table[2]
    view = session_view(fresh_store, live)
    assert view.state == LIVE_STATE and [t.label for t in view.session.turns] == ["LENA MÜLLER", "RAVI IYER"]
    assert "· live (in progress) ·" in format_session_view(view)
    assert view.to_json()["state"] == "live"


# -- through the command ---------------------------------------------------------------------------


@pytest.fixture
def run(store_location: str) -> Callable[..., Result]:
    def invoke(*args: object) -> Result:
        return CliRunner().invoke(cli, ["--db", store_location, *map(str, args)], catch_exceptions=False)

    return invoke


def test_show_lists_one_line_per_person_and_marks_flagged_labels(run, tmp_path) -> None:
    assert run("ingest", MAIN_SESSION).exit_code == 0
    sid = json.loads(run("sessions", "--json").output)["sessions"][0]["id"]
    shown = run("show", sid)
    assert shown.exit_code == 0, shown.output
    lines = _person_lines(shown.output)
    leblond = [line for line in lines if "leblond" in name_key(line)]
    assert len(leblond) == 1 and "also captioned as OLIVIER REPIN-LEBLOND" in leblond[0]
    assert not [line for line in lines if "doreen" in name_key(line)]
    assert "[flagged] DOREEN BOGDAN-MARTIN" in shown.output


def test_sessions_and_show_mark_a_session_in_progress(run, store_location, tmp_path) -> None:
    from forumlens.store import open_store

    with open_store(store_location) as store:
        live = _live_session(store, tmp_path)
    listing = run("sessions")
    assert listing.exit_code == 0 and "live (in progress)" in listing.output.splitlines()[2]
    data = json.loads(run("sessions", "--json").output)["sessions"]
    assert [(d["id"], d["state"]) for d in data] == [(live, "live")]
    shown = run("show", live)
    assert shown.exit_code == 0 and "live (in progress)" in shown.output and "LENA MÜLLER" in shown.output
    assert json.loads(run("show", live, "--json").output)["state"] == "live"


# -- a document is shown as paragraphs and sections, not as an "(unnamed)" speaker ---------------

# Written for this test: a coalition's yearly report in Markdown, with front matter.
ANNUAL_REPORT = """---
title: Dynamic Coalition on Public Access in Libraries – Annual Report 2023
date: 2024-03-01
---

# Dynamic Coalition on Public Access in Libraries – Annual Report 2023

## Activities

The coalition held three webinars on public access in broadband plans, with about 200 participants.

## Requests

We ask national regulators to count libraries as community anchor institutions in their broadband plans.
"""


def test_a_document_is_shown_with_its_kind_sections_and_paragraphs(fresh_store: Store, tmp_path) -> None:
    path = tmp_path / "dc-pal-annual-report-2023.md"
    path.write_text(ANNUAL_REPORT, "utf-8")
    view = session_view(fresh_store, _ingest(fresh_store, path))
    assert view.document is not None and view.document["kind"] == "annual-report"
    shown = format_session_view(view)
    assert "Speakers (words):" not in shown and "(unnamed)" not in shown
    assert "A document (kind annual-report · dated 2024-03-01" in shown
    assert "2 paragraphs, no speakers." in shown
    sections = shown.split("Sections:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [s.strip() for s in sections][1:] == ["Activities", "Requests"]
    # each paragraph is named by its section, as search hits and reports cite it
    assert any(line.startswith("L") and "§ Requests: We ask national regulators" in line for line in shown.splitlines())


def test_a_transcript_keeps_its_speakers(fresh_store: Store, tmp_path) -> None:
    path = tmp_path / "of31.txt"
    path.write_text(VARIANTS, "utf-8")
    view = session_view(fresh_store, _ingest(fresh_store, path))
    assert view.document is None
    assert "Speakers (words):" in format_session_view(view) and "A document" not in format_session_view(view)
