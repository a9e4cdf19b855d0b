"""Bulk load without analysis, then analyse later: the same record as a normal ingest."""

from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.store import open_store

from .conftest import CORPUS, MAIN_SESSION
from .test_documents_links import GLOSSARY_LINE, GLOSSARY_MD

TABLES = (
    # the kept thread links are a cache of the whole store (stamped with its ingest times), not a session's record
    "SELECT session_id, kind, data FROM analyses WHERE kind NOT IN ('thread_links', 'thread_reasons')"
    " ORDER BY session_id, kind",
    "SELECT key, name FROM people ORDER BY key",
    "SELECT session_id, coalition, status FROM coalition_mentions ORDER BY session_id, coalition",
    "SELECT session_id, scheme, code FROM tags ORDER BY session_id, scheme, code",
)


def _rows(db):
    with open_store(db) as store:
        assert store.check() == []
        return [store._rows(sql) for sql in TABLES]


def test_no_analysis_then_analyse_missing_equals_a_normal_ingest(tmp_path):
    files = [str(MAIN_SESSION), str(CORPUS / "formats" / "2023-style.txt")]
    runner = CliRunner()
    normal, later = str(tmp_path / "normal.sqlite3"), str(tmp_path / "later.sqlite3")
    assert runner.invoke(cli, ["--db", normal, "ingest", *files, "--workers", "1"]).exit_code == 0
    assert runner.invoke(cli, ["--db", later, "ingest", "--no-analysis", *files]).exit_code == 0
    bare = _rows(later)
    assert [r[1] for r in bare[0]] == ["document", "document"] and bare[1] == []
    result = runner.invoke(cli, ["--db", later, "analyse", "--missing", "--workers", "2"])
    assert result.exit_code == 0 and "analysed 2 sessions" in result.output
    assert _rows(later) == _rows(normal)
    again = runner.invoke(cli, ["--db", later, "analyse", "--all", "--workers", "1"])
    assert again.exit_code == 0 and _rows(later) == _rows(normal)


def test_analyse_needs_a_target(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.sqlite3"), "analyse"])
    assert result.exit_code == 2 and "--missing" in result.output  # a usage mistake, as naming two targets is


def _links(db):
    with open_store(db) as store:
        return {sid: store.analysis(sid, "output_links") for sid in store.session_ids()}


def test_analyse_all_keeps_the_links_from_outputs_to_documents(tmp_path):
    """Re-analysis replaces a document's analyses, links included: the after-ingest steps
    must run again for the re-analysed sessions, as they do after an ingest."""
    glossary = tmp_path / "dcpr-glossary.md"
    glossary.write_text(GLOSSARY_MD, "utf-8")
    db = str(tmp_path / "s.sqlite3")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION), str(glossary)]).exit_code == 0
    before = {sid: links for sid, links in _links(db).items() if links}
    assert len(before) == 1 and next(iter(before.values()))[0]["line"] == GLOSSARY_LINE
    result = runner.invoke(cli, ["--db", db, "analyse", "--all", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert {sid: links for sid, links in _links(db).items() if links} == before
