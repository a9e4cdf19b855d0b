"""Documents through ingest, the store, search, the CLI and the coalition record."""

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.documents import locate
from forumlens.documents.eligibility import StoredItem, build_record
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.search import SearchFilters, parse_query

from .conftest import MAIN_SESSION
from .docfiles import (
    encrypt_pdf,
    make_docx,
    make_pdf,
    make_scanned_pdf,
    make_zip_bomb_docx,
)

LIMIT = 20_000_000
REPORT = [
    ("h1", "Annual Report 2023"),
    ("p", "The Dynamic Coalition on Core Internet Values met four times in 2023."),
    ("h2", "1. Activities"),
    ("p", "We held a session at IGF 2023 in Kyoto."),
    ("page", ""),
    ("h2", "2. Findings"),
    ("p", "Permissionless innovation remains central to the open Internet."),
]


def _snapshot(store):
    return store.counts(), [s.id for s in store.sessions()], store.stored_documents()


def test_a_document_is_stored_with_pages_sections_kind_and_meta(fresh_store, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(REPORT))
    outcome = ingest_file(fresh_store, path, IngestOptions(max_bytes=LIMIT))
    assert outcome.status == "ingested" and outcome.turns == 6 and outcome.warnings == []
    session = fresh_store.load_session(outcome.session)
    assert [(t.page, t.section) for t in session.turns if t.kind == "speech"] == [
        (1, "Annual Report 2023"),
        (1, "1. Activities"),
        (2, "2. Findings"),
    ]
    document = next(d for d in fresh_store.stored_documents() if d.id == outcome.session)
    assert document.kind == "annual-report"
    meta = document.meta
    assert meta["year"] == 2023 and meta["coalitions"][0]["id"] == "dc-civ" and "confidence" in meta
    assert fresh_store.analysis(outcome.session, "document")["kind"] == "annual-report"
    assert session.title == "Annual Report 2023" and session.year == 2023


def test_search_finds_document_paragraphs_and_citations_name_page_and_section(fresh_store, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(make_docx(REPORT))
    sid = ingest_file(fresh_store, path, IngestOptions(max_bytes=LIMIT)).session
    ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    hits = fresh_store.search(parse_query("permissionless innovation"), SearchFilters(limit=5))
    assert hits and hits[0].session == sid and hits[0].speaker is None
    session = fresh_store.load_session(sid)
    assert locate(session, hits[0].line) == {"page": 2, "section": "2. Findings"}
    assert "Permissionless innovation" in session.lines[hits[0].line - 1]


def test_transcripts_are_unchanged_kind_transcript_and_no_page_keys(fresh_store):
    sid = ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT)).session
    assert {d.id: d.kind for d in fresh_store.stored_documents()} == {sid: "transcript"}
    turns = fresh_store.load_session(sid).to_json()["turns"]
    assert all(set(t) == {"index", "line", "label", "speaker", "kind", "text"} for t in turns)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("locked.pdf", encrypt_pdf(make_pdf(REPORT), user_password="secret"), "password-protected"),
        ("cut.pdf", make_pdf(REPORT)[:800], "truncated"),
        ("scan.pdf", make_scanned_pdf(), "no text layer"),
        ("bomb.docx", make_zip_bomb_docx(), "zip bomb"),
        ("cut.docx", make_docx(REPORT)[:4000], "truncated DOCX"),
    ],
)
def test_a_failed_ingest_leaves_the_store_unchanged(fresh_store, tmp_path, name, data, reason):
    ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    before = _snapshot(fresh_store)
    path = tmp_path / name
    path.write_bytes(data)
    outcome = ingest_file(fresh_store, path, IngestOptions(max_bytes=LIMIT))
    assert outcome.status == "failed" and reason in outcome.reason and name in outcome.reason
    assert _snapshot(fresh_store) == before and fresh_store.check() == []


def test_a_bad_sidecar_fails_the_file_and_stores_nothing(fresh_store, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(make_pdf(REPORT))
    (tmp_path / "r.pdf.meta.toml").write_text('kind = "novel"\n')
    before = _snapshot(fresh_store)
    outcome = ingest_file(fresh_store, path, IngestOptions(max_bytes=LIMIT))
    assert (
        outcome.status == "failed" and "unknown document kind" in outcome.reason and "r.pdf.meta.toml" in outcome.reason
    )
    assert _snapshot(fresh_store) == before


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "cli.sqlite3")

    def invoke(*args):
        return CliRunner().invoke(cli, ["--db", db, *map(str, args)], catch_exceptions=False)

    return invoke


def test_cli_overrides_and_parse_json_show_page_and_section(run, tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(make_docx([("h1", "Notes"), ("p", "We met."), ("page", ""), ("p", "We agreed.")]))
    result = run("ingest", path, "--coalition", "DCAD", "--kind", "session report", "--date", "2022-12-01", "--json")
    assert result.exit_code == 0, result.output
    sid = json.loads(result.stdout)["outcomes"][0]["session"]
    record = json.loads(run("record", "--year", "2023", "--json").output)
    dcad = next(c for c in record["coalitions"] if c["acronym"] == "DCAD")
    assert dcad["documents"][0]["kind"] == "session-report" and dcad["documents"][0]["date"] == "2022-12-01"
    assert dcad["session_report_on_file"] is True and dcad["eligible"] is False
    parsed = json.loads(run("parse", path, "--json").output)
    assert [(t["kind"], t.get("page"), t.get("section")) for t in parsed["turns"]] == [
        ("note", 1, "Notes"),
        ("speech", 1, "Notes"),
        ("speech", 2, "Notes"),
    ]
    assert sid
    bad = run("ingest", path, "--kind", "novel")
    assert bad.exit_code == 1 and "unknown document kind 'novel'" in bad.output


def test_record_command_follows_the_eligibility_rule(run, tmp_path):
    files = {
        "civ-annual.pdf": make_pdf([("h1", "Annual Report 2023"), ("p", "Dynamic Coalition on Core Internet Values.")]),
        "civ-session.txt": (
            b"IGF 2023 Dynamic Coalition on Core Internet Values session\n\n"
            b">> JANE DOE: Welcome.\n>> JOHN ROE: Thanks.\n"
        ),
        "dcad-annual.docx": make_docx([("h1", "DCAD Annual Report 2023"), ("p", "Accessibility for all.")]),
        "dc3-session.txt": (
            b"IGF 2023 Dynamic Coalition on Community Connectivity\n\n>> JANE DOE: Welcome.\n>> JOHN ROE: Thanks.\n"
        ),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert run("ingest", *[tmp_path / n for n in files]).exit_code == 0
    data = json.loads(run("record", "--year", "2024", "--json").output)
    assert data["year"] == 2024 and data["reporting_year"] == 2023 and data["rule"]["version"] == "v1"
    by = {c["acronym"]: c for c in data["coalitions"]}
    assert set(by["DC-CIV"]) >= {
        "name",
        "acronym",
        "sessions",
        "documents",
        "annual_report_on_file",
        "session_report_on_file",
        "eligible",
    }
    assert (
        by["DC-CIV"]["annual_report_on_file"],
        by["DC-CIV"]["session_report_on_file"],
        by["DC-CIV"]["eligible"],
        len(by["DC-CIV"]["sessions"]),
    ) == (True, False, False, 1)
    assert (by["DCAD"]["annual_report_on_file"], by["DCAD"]["session_report_on_file"], by["DCAD"]["eligible"]) == (
        True,
        None,
        True,
    )
    assert (by["DC3"]["annual_report_on_file"], by["DC3"]["eligible"]) == (False, False)
    table = run("record", "--year", "2024").output
    assert "DC-CIV" in table and "eligible for a session slot at IGF 2024" in table


def test_build_record_is_pure_and_versioned():
    coalitions = [
        {"id": "a", "name": "DC on A", "acronym": "DC-A", "active": "yes"},
        {"id": "old", "name": "DC on Old", "acronym": None, "active": "no"},
    ]
    items = [
        StoredItem("1", "annual-report", "A 2021", 2021, "2022-01", ("a",)),
        StoredItem("2", "session-report", "A session", 2021, None, ("a",)),
        StoredItem("3", "transcript", "IGF 2021 DC A", 2021, None, ("a",)),
    ]
    record = build_record(2022, coalitions, items)
    assert [c["id"] for c in record["coalitions"]] == ["a"]  # inactive with nothing on file: left out
    row = record["coalitions"][0]
    assert (row["annual_report_on_file"], row["session_report_on_file"], row["eligible"]) == (True, True, True)
    assert row["documents_by_kind"] == {"annual-report": 1, "session-report": 1}
    assert build_record(2023, coalitions, items)["coalitions"][0]["eligible"] is False
    from forumlens.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown eligibility rule"):
        build_record(2022, coalitions, items, rule="v0")
