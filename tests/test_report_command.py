"""`forumlens report` and `forumlens brief`: the contracts, and every printed line cited verbatim."""

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import CORPUS, MAIN_SESSION, ROOT

EXAMPLE = ROOT / "examples" / "igf2024-ws-coalition-outputs.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("report") / "r.sqlite3")
    result = CliRunner().invoke(cli, ["--db", path, "ingest", str(MAIN_SESSION), str(EXAMPLE), str(CORPUS / "formats")])
    assert result.exit_code == 0, result.output
    return path


def test_report_json_of_a_file_follows_the_contract():
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "title",
        "sha256",
        "turns",
        "people",
        "coalitions",
        "segments",
        "questions",
        "asks",
        "takeaways",
        "tags",
    ):
        assert key in data, key
    text = EXAMPLE.read_text("utf-8")
    lines = text.split("\n")
    assert 1 <= len(data["takeaways"]) <= 8
    for takeaway in data["takeaways"]:
        for citation in takeaway["citations"]:
            assert citation["quote"] in text
            assert citation["quote"][:40] in lines[citation["line"] - 1]
    for ask in data["asks"]:
        assert ask["quote"] in text and ask["category"]


def test_report_of_a_stored_session_equals_the_report_of_its_file(db):
    stored = json.loads(CliRunner().invoke(cli, ["--db", db, "report", "Workshop #42", "--json"]).output)
    fresh = json.loads(CliRunner().invoke(cli, ["report", str(EXAMPLE), "--json"]).output)
    assert stored["takeaways"] == fresh["takeaways"] and stored["questions"] == fresh["questions"]


@pytest.mark.parametrize("flag, marker", [("--md", "# "), ("--html", "<"), ("--text", "KEY TAKEAWAYS")])
def test_report_formats(db, flag, marker, tmp_path):
    out = tmp_path / "r.out"
    result = CliRunner().invoke(cli, ["--db", db, "report", "Workshop #42", flag, "-o", str(out)])
    assert result.exit_code == 0, result.output
    content = out.read_text("utf-8")
    assert marker in content and "Lucía Fernández-Ruiz" in content


def test_terminal_report_shows_speaking_time_bars_and_questions(db):
    output = CliRunner().invoke(cli, ["--db", db, "report", "Workshop #42"]).output
    assert "SPEAKING TIME" in output and "█" in output and "QUESTIONS" in output


def test_topic_brief_json_contract_and_citations(db):
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", "funding and channels", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["topic"] == "funding and channels" and 1 <= len(data["bullets"]) <= 10
    texts = {p.name: p.read_text("utf-8") for p in (MAIN_SESSION, EXAMPLE, *(CORPUS / "formats").glob("*.txt"))}
    for bullet in data["bullets"]:
        assert bullet["citations"]
        for c in bullet["citations"]:
            assert set(c) >= {"session", "line", "speaker", "quote"}
            assert any(c["quote"] in t for t in texts.values())


def test_coalition_snapshot(db):
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--coalition", "Public Access in Libraries", "--md"])
    assert result.exit_code == 0, result.output
    assert "Public Access in Libraries" in result.output


def test_brief_needs_a_topic_or_a_coalition(db):
    result = CliRunner().invoke(cli, ["--db", db, "brief"])
    assert result.exit_code == 2 and "--topic" in result.output  # a usage mistake, as `brief --help` says


# -- an empty report says why (on stderr, as an empty brief does) ----------------------------------

# Written for these tests: a two-line exchange, and a session of nothing but procedure.
TWO_LINES = ">> ANA GARCÍA: Buenos días, bienvenidos.\n>> JO LI: Thank you.\n"
PROCEDURE = "IGF 2023 Kyoto - Open Forum 9: Opening\n\n" + "\n".join(
    f">> {who}: Thank you very much. Good morning everyone and welcome, can you hear me? "
    f"Thank you, I give the floor to my colleague. Thank you all for joining us today."
    for who in ("MODERATOR", "JO LI", "MODERATOR", "ANA RUIZ", "MODERATOR")
)


@pytest.mark.parametrize(
    "text, reason",
    [(TWO_LINES, "the session has only 5 words, too few to summarise"), (PROCEDURE, "no sentence of its")],
)
def test_an_empty_report_of_a_file_says_why(tmp_path, text, reason):
    path = tmp_path / "short.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["report", str(path)])
    assert result.exit_code == 0, result.output
    assert "KEY TAKEAWAYS" not in result.stdout
    assert result.stderr.startswith("note: the report has no takeaways"), result.stderr
    assert reason in result.stderr
    if reason.startswith("no sentence"):  # the user is told how to see what was said in the file
        assert f"`forumlens parse {path}` lists what was said" in result.stderr


def test_an_empty_report_of_a_stored_session_names_show(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(PROCEDURE, "utf-8")
    db = str(tmp_path / "s.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(path)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", db, "report", "Open Forum 9", "--md"])
    assert result.exit_code == 0, result.output
    assert "`forumlens show " in result.stderr and "lists what was said" in result.stderr


def test_a_report_with_takeaways_has_no_note(db):
    result = CliRunner().invoke(cli, ["--db", db, "report", "d209c5"])
    assert result.exit_code == 0 and "KEY TAKEAWAYS" in result.stdout
    assert "note:" not in result.stderr


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--template", "igf"]])
def test_a_session_stored_without_its_analysis_says_so_and_names_analyse(tmp_path, fmt):
    # `ingest --no-analysis` stores turns only: the report of the session had no people,
    # questions or asks and said nothing of why (the template's own note named a command,
    # `reanalyse`, that does not exist)
    path = tmp_path / "town-hall.txt"
    path.write_text(
        "Town hall on rural broadband\n\n"
        ">> ANA LIMA: Welcome. I am Ana Lima and I chair this town hall on rural broadband.\n"
        ">> BEN OKAFOR: Thank you. Our cooperative needs spectrum it can afford, and we ask the "
        "regulator to waive licence fees for community networks this year.\n",
        "utf-8",
    )
    db = str(tmp_path / "n.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", "--no-analysis", str(path)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", db, "report", "Town hall", *fmt])
    assert result.exit_code == 0, result.output
    assert "has no stored analysis" in result.stderr and "`forumlens analyse " in result.stderr
    assert "reanalyse" not in result.output + result.stderr
    assert CliRunner().invoke(cli, ["--db", db, "analyse", "--missing"]).exit_code == 0
    again = CliRunner().invoke(cli, ["--db", db, "report", "Town hall", *fmt])
    assert again.exit_code == 0 and "no stored analysis" not in again.stderr


def test_every_format_is_written_and_fails_to_write_the_same_way(tmp_path, capsys):
    """`-o FILE` goes through one writer: text as UTF-8, a PDF or Word file as bytes, and a file the system
    refuses is an error naming it (here a name longer than any file system takes)."""
    from forumlens.commands.report import _write_file
    from forumlens.errors import ForumlensError

    _write_file(tmp_path / "r.md", "Café – cited\n")
    _write_file(tmp_path / "r.pdf", b"%PDF-1.4 \xff")
    assert (tmp_path / "r.md").read_bytes() == "Café – cited\n".encode()
    assert (tmp_path / "r.pdf").read_bytes() == b"%PDF-1.4 \xff"
    assert capsys.readouterr().err.count("wrote ") == 2
    for data in ("text", b"bytes"):
        too_long = tmp_path / ("n" * 300 + ".md")
        with pytest.raises(ForumlensError, match="cannot write the file") as failed:
            _write_file(too_long, data)
        assert failed.value.source == str(too_long)
