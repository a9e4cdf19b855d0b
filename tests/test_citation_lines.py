"""Every cited (line, quote) pair points at the line the quote is on, also when a caption
marker stands alone on its line (">> NAME:" above the speech): the marker's line holds no
speech, so a citation counted from it is one line off (Turn.first_line / Turn.line_at)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.models import Turn
from forumlens.semantic.passages import turn_passages

HEADER = (
    "The following are the outputs of the real-time captioning taken during the Internet Governance Forum. "
    "Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible "
    "passages or transcription errors. It is posted as an aid, but should not be treated as an "
    "authoritative record.\n\n***\n\n"
)

# Two sessions of one coalition a year apart, every marker alone on its line.
SESSIONS = {
    "igf2022-dc-rural.txt": (
        "IGF 2022 – Day 2 – Workshop #31: Dynamic Coalition on Community Connectivity and rural funding\n\n"
        + HEADER
        + ">> MARIA COSTA:\nWelcome to this workshop on community networks.  I am Maria Costa, member of the MAG, "
        "and I will moderate this session.  Let me first give the floor to Amara Okafor of the Dynamic Coalition "
        "on Community Connectivity.\n\n"
        ">> AMARA OKAFOR:\nThank you, Maria.  Our operators tell us that without seed money for hardware, small "
        "community networks close within two years.\nWe call on donors to create a dedicated grants facility for "
        "community network equipment.\n\nWe will publish a study on spectrum licensing for community networks by "
        "the next IGF.\n\n"
        ">> MARIA COSTA:\nThank you.  Lucas Meyer, Dynamic Coalition on Public Access in Libraries.\n\n"
        ">> LUCAS MEYER:\nThank you.  Libraries are the first place where rural people go online, and public "
        "access in libraries needs stable funding.\nWe ask the IGF secretariat to list library connectivity "
        "projects on the IGF website.\n\n"
        ">> MARIA COSTA:\nQuestions from the floor?  Yes, please.\n\n"
        ">> ROSA JIMENEZ:\nRosa Jimenez, Mexico IGF.  Amara, how will the grants facility decide which community "
        "networks receive equipment?\n\n"
        ">> AMARA OKAFOR:\nThe grants facility would follow criteria set by the networks themselves, with "
        "priority for rural areas without any operator.\n\n"
        ">> MARIA COSTA:\nThank you all.  We close here.\n"
    ),
    "igf2023-dc-rural.txt": (
        "IGF 2023 – Day 3 – Workshop #12: Community Connectivity one year on: funding community networks\n\n"
        + HEADER
        + ">> JULIA SANTOS:\nGood morning and welcome.  I am Julia Santos and I will moderate.  Amara Okafor of "
        "the Dynamic Coalition on Community Connectivity, you have the floor.\n\n"
        ">> AMARA OKAFOR:\nThank you, Julia.  Once again the operators in our network tell us the same thing: "
        "without seed money for hardware, community networks close.\nWe again call on donors to create a "
        "dedicated grants facility for community network equipment.\n\nThe study on spectrum licensing that we "
        "promised last year has been published this summer.\n\n"
        ">> JULIA SANTOS:\nThank you.  Lucas Meyer, from the libraries coalition.\n\n"
        ">> LUCAS MEYER:\nThank you.  Public access in libraries still needs stable funding, and rural libraries "
        "need trained technicians.\nWe ask again that library connectivity projects be listed on the IGF "
        "website.\n\n"
        ">> JULIA SANTOS:\nAny questions?  Yes, in the back.\n\n"
        ">> PEDRO ALVES:\nPedro Alves, Brazil.  Lucas, what does a rural library need first, equipment or "
        "training?\n\n"
        ">> LUCAS MEYER:\nTraining first: equipment without trained technicians stops working within a year.\n\n"
        ">> JULIA SANTOS:\nThank you all.  This session is closed.\n"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, list[str]]]:
    """The two sessions on disk, ingested into a store; their source lines by session id."""
    folder = tmp_path_factory.mktemp("alone")
    for name, text in SESSIONS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(folder / "store.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    ids = dict(re.findall(r"(igf\d{4}-dc-rural\.txt) → session (\w+)", result.output))
    assert len(ids) == 2, result.output
    return folder, db, {sid: SESSIONS[name].split("\n") for name, sid in ids.items()}


def _json(*args: str) -> Any:
    result = CliRunner().invoke(cli, [*args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _cited(data: Any, session: str | None = None) -> Iterator[tuple[str | None, int, str]]:
    """(session, line, quote) of every citation-shaped object: a `line` with a `quote`, or a
    search hit's `line` with its `snippet` (highlighting and ellipses taken off)."""
    if isinstance(data, list):
        for x in data:
            yield from _cited(x, session)
    elif isinstance(data, dict):
        session = data.get("session", session)
        line = data.get("line")
        if isinstance(line, int):
            if isinstance(data.get("quote"), str):
                yield session, line, data["quote"]
            elif isinstance(data.get("snippet"), str):
                yield session, line, data["snippet"].replace("**", "").strip("…")
        for value in data.values():
            yield from _cited(value, session)


def _off_line(pairs: list[tuple[str | None, int, str]], lines_of: dict[str, list[str]]) -> list[str]:
    """The pairs whose quote does not start on the cited line (its first line is on it)."""
    bad = []
    for session, line, quote in pairs:
        lines = lines_of[next(s for s in lines_of if session and s.startswith(session))]
        head = quote.strip().split("\n")[0].strip()
        if not head or not 1 <= line <= len(lines) or head not in lines[line - 1]:
            bad.append(f"{session} L{line}: {quote[:60]!r} (the line: {lines[line - 1][:40] if line else ''!r})")
    return bad


def test_report_json_cites_the_speech_line(corpus):
    folder, _db, lines_of = corpus
    for sid, lines in lines_of.items():
        name = next(n for n, text in SESSIONS.items() if text.split("\n") == lines)
        data = _json("report", str(folder / name), "--json")
        data.pop("turns")  # a turn's `line` is its marker's, by contract; its text is no quote
        pairs = [(sid, line, quote) for _, line, quote in _cited(data)]
        assert len(pairs) >= 8  # asks, outputs, takeaways, calls to action, speaker points, people evidence
        assert _off_line(pairs, lines_of) == []


@pytest.mark.parametrize(
    "args",
    [
        ("brief", "--topic", "community networks funding", "--json"),
        ("brief", "--coalition", "Community Connectivity", "--json"),
        ("threads", "--linker", "lexical", "--json"),
        ("search", "grants facility", "--json"),
        ("search", "training", "--json"),
        ("related", "--topic", "grants facility for community network equipment", "--json"),
        ("related", "--topic", "library connectivity training", "--json"),
    ],
)
def test_store_commands_cite_the_speech_line(corpus, args):
    _folder, db, lines_of = corpus
    pairs = list(_cited(_json("--db", db, *args)))
    assert pairs, "the command cited nothing: the check would pass vacuously"
    assert _off_line(pairs, lines_of) == []


def test_related_sessions_evidence_cites_the_speech_line(corpus):
    _folder, db, lines_of = corpus
    for sid in lines_of:
        pairs = list(_cited(_json("--db", db, "related", sid[:6], "--json")))
        assert pairs
        assert _off_line(pairs, lines_of) == []


def test_passages_start_on_the_speech_line_not_the_marker():
    # ">> ANA LIMA:" on line 4, the speech on lines 5-6: the passage cites line 5
    text = "Title\n\n***\n>> ANA LIMA:\nCommunity networks need seed money for hardware and trained people.\n"
    body = text.index("Community")
    turn = Turn(0, 4, "ANA LIMA", "Ana Lima", "speech", text[body:-1], body, len(text) - 1, end_line=5)
    assert turn.first_line == 5 and turn.line_at(len(turn.text)) == 5
    (passage,) = turn_passages(turn, min_words=3)
    assert passage.line == 5 and passage.text in text.split("\n")[passage.line - 1]
