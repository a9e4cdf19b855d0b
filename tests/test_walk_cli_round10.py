"""A new user's walk of round 10 (helper U): usage mistakes that exit 2, files a folder walk did
not read, singular wording, and a document's paragraph cited in a portal brief without "unnamed".

Every check runs the real CLI (or the real app over a store the real CLI made) on files the test
writes in the shapes of IGF transcripts and coalition reports.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.commands.topics import format_glossary

from .web_support import portal_client

TRANSCRIPT = """IGF 2012 Baku - Workshop 88: Youth and Internet governance

>>CHAIR: Good morning. Each speaker has three minutes, please.
>>ANRIETTE ESTERHUYSEN: Thank you, Chair. We ask the MAG to reserve seats for youth in every main session.
>>CHENGETAI MASANGO: We have a small fellowship budget, and we will publish the call in January.
"""

REPORT = """# Dynamic Coalition on Platform Responsibility: Annual Report 2016

This report summarises the work of the coalition in 2016.

## Needs

The coalition needs funding for the translation of its recommendations into Spanish and French.
"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


# -- a usage mistake is exit 2, as `brief` and `report` already do ------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tag"], "give a FILE to tag"),
        (["tag", "x.txt", "--text", "clean water"], "give one of FILE, --text or --jsonl"),
        (["export"], "give -o DIR to export several tables"),
        (["analyse"], "name SESSIONS, or give --missing or --all"),
    ],
)
def test_a_missing_or_doubled_selection_is_a_usage_error_and_creates_no_store(tmp_path, args, message):
    db = tmp_path / "typo.sqlite3"
    code, out = _run("--db", str(db), *args)
    assert code == 2, out
    assert message in out and "Usage:" in out
    assert not db.exists()


# -- a folder: what it holds but forumlens does not read is named -------------------------------------


def test_a_folder_names_the_files_it_did_not_read_and_ingests_the_rest(tmp_path):
    folder = tmp_path / "igf2012"
    folder.mkdir()
    (folder / "ws88.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "old-report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    (folder / "photos").mkdir()
    (folder / "photos" / "panel.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (folder / ".DS_Store").write_bytes(b"\0")
    code, out = _run("--db", str(tmp_path / "s.sqlite3"), "ingest", str(folder), "--no-analysis")
    assert code == 0, out
    assert "1 ingested" in out
    warning = next(line for line in out.splitlines() if "not read" in line)
    assert warning.startswith(f"warning: {folder}: 2 files not read")
    assert "old-report.doc" in warning and str(Path("photos") / "panel.png") in warning
    assert ".DS_Store" not in warning  # hidden files are skipped on purpose, as the README says
    assert ".docx" in warning  # what it does read, and the way out for a .doc


def test_a_folder_of_transcripts_only_gets_no_such_warning(tmp_path):
    folder = tmp_path / "igf2012"
    folder.mkdir()
    (folder / "ws88.txt").write_text(TRANSCRIPT, encoding="utf-8")
    code, out = _run("--db", str(tmp_path / "s.sqlite3"), "ingest", str(folder), "--no-analysis")
    assert code == 0 and "not read" not in out, out


# -- one line is "line", not "lines" --------------------------------------------------------------------


def test_a_term_used_on_one_line_says_line():
    one = format_glossary([{"term": "MAG", "expansion": None, "lines": [10], "definition": None}])
    two = format_glossary([{"term": "MAG", "expansion": None, "lines": [10, 12], "definition": None}])
    assert "used on line 10 (no sentence defines it)" in one
    assert "used on lines 10, 12 (no sentence defines it)" in two


# -- the portal's brief cites a report's paragraph by its section, never as "unnamed" -----------------


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("walk10-inputs")
    (folder / "dcpr-2016.md").write_text(REPORT, encoding="utf-8")
    (folder / "ws88.txt").write_text(TRANSCRIPT, encoding="utf-8")
    db = str(tmp_path_factory.mktemp("walk10-portal") / "portal.sqlite3")
    code, out = _run("--db", db, "ingest", str(folder))
    assert code == 0, out
    with portal_client(db) as c:
        yield c


def test_a_brief_cites_a_documents_paragraph_by_section_and_a_turn_by_its_speaker(client):
    page = client.get("/briefs?topic=funding")
    assert page.status_code == 200
    cites = [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split())
        for c in re.findall(r'<a class="cite across"[^>]*>(.*?)</a>', page.text, re.S)
    ]
    quotes = [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", q)).split())
        for q in re.findall(r'<blockquote class="quote">(.*?)</blockquote>', page.text, re.S)
    ]
    document = [c for c in cites if "§ Needs" in c]
    assert document, cites
    assert all(not c.startswith("unnamed") for c in document), document
    assert any(q.endswith("— § Needs, line 7") for q in quotes), quotes
    assert not any("unnamed" in q for q in quotes if "translation" in q), quotes


# -- an empty glossary says why ---------------------------------------------------------------------------


def test_an_empty_glossary_says_whether_nothing_is_stored_or_nothing_was_found(tmp_path):
    db = str(tmp_path / "s.sqlite3")
    assert _run("--db", db, "migrate")[0] == 0
    code, out = _run("--db", db, "glossary")
    assert code == 0 and "nothing is stored yet" in out and "forumlens ingest" in out, out
    plain = tmp_path / "ws3.txt"
    plain.write_text(
        "IGF 2014 Istanbul - Workshop 3\n\n>> MODERATOR: Welcome.\n>> NNENNA: Thank you.\n", encoding="utf-8"
    )
    code, out = _run("glossary", str(plain))
    assert (
        code == 0
        and out.strip()
        == f"No glossary terms found in {plain}: it uses no acronym or domain term forumlens recognises."
    )
    assert _run("--db", db, "ingest", str(plain))[0] == 0
    code, out = _run("--db", db, "glossary")
    assert code == 0 and out.strip() == "No glossary terms found in the 1 stored session.", out


# -- search: a --session that names no stored session is said to, not blamed on the words -----------------


def test_a_search_in_a_session_that_is_not_stored_says_so(tmp_path):
    transcript = tmp_path / "ws88.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    assert _run("--db", db, "ingest", str(transcript), "--no-analysis")[0] == 0
    code, out = _run("--db", db, "search", "fellowship", "--session", "Bakku")
    # an unknown session is an error, one line with the fix, exit 1, as `report Bakku` is
    assert code == 1 and "no session matches --session 'Bakku'" in out and "forumlens sessions" in out
    assert "No matches" not in out and "drop it" not in out  # about the session, not the words or a filter
    assert len([line for line in out.splitlines() if line.strip()]) == 1
    assert _run("--db", db, "report", "Bakku")[0] == 1
    found = _run("--db", db, "search", "fellowship", "--session", "Baku")[1]
    assert "L5" in found and "no stored session" not in found
    missed = _run("--db", db, "search", "zzzqqq", "--session", "Baku")[1]
    assert "drop it to search everything" in missed and "no stored session" not in missed


# -- every listing command says what its argument does, with an example ----------------------------------


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("people", "NAME filters"),
        ("coalitions", "NAME picks one coalition"),
        ("glossary", "forumlens glossary session.txt"),
    ],
)
def test_the_listing_commands_explain_their_argument_with_examples(command, said):
    code, out = _run(command, "--help")
    assert code == 0 and said in out and "Examples:" in out, out
