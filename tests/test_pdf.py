"""PDF reports and briefs (issue 5, deliverable 5): rendered with fpdf2 and read back with pypdf."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.errors import ConfigError
from forumlens.pipeline import analyse_session, parse_document
from forumlens.read import read_bytes
from forumlens.summarise import build_report
from forumlens.summarise import pdf as pdf_module
from forumlens.summarise.render import _cite

from .conftest import MAIN_SESSION, ROOT

EXAMPLE = ROOT / "examples" / "igf2024-ws-coalition-outputs.txt"


def _text(data: bytes) -> str:
    from pypdf import PdfReader

    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def main_report():
    session = parse_document(read_bytes(MAIN_SESSION.read_bytes(), str(MAIN_SESSION)))
    return build_report(session, analyse_session(session, {}))


def test_report_pdf_carries_every_takeaway_and_its_citations(main_report):
    text = _text(pdf_module.render_pdf(main_report))
    assert 5 <= len(main_report.takeaways) <= 8
    assert _flat(main_report.title) in text
    for bullet in main_report.takeaways:
        assert _flat(bullet.text) in text
        for citation in bullet.citations:
            assert f"[{_cite(citation)}]" in text
            assert _flat(citation.quote)[:60] in text  # the verbatim quote printed under the bullet


def test_report_command_writes_a_pdf_file(tmp_path):
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    session = parse_document(read_bytes(EXAMPLE.read_bytes(), str(EXAMPLE)))
    summary = build_report(session, analyse_session(session, {}))
    text = _text(out.read_bytes())
    assert "Key takeaways" in text and _flat(summary.takeaways[0].text) in text
    first = summary.takeaways[0].citations[0]
    assert f"[{_cite(first)}]" in text


def test_brief_command_writes_a_pdf_file(tmp_path):
    db = str(tmp_path / "b.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION), str(EXAMPLE)]).exit_code == 0
    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", "meaningful access", "--pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = _text(out.read_bytes())
    assert "Talking points: meaningful access" in text
    assert "[" in text and ":L" in text  # cross-session citations name session and line


def test_pdf_needs_an_output_file_and_one_format():
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--pdf"])
    assert result.exit_code != 0 and "-o FILE" in result.output
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--pdf", "--md", "-o", "x.pdf"])
    assert result.exit_code != 0 and "--pdf" in result.output


def test_a_missing_font_is_a_clear_error_naming_it(monkeypatch, main_report, tmp_path):
    monkeypatch.setattr(pdf_module, "FONT_DIRS", (str(tmp_path / "nowhere"),))
    monkeypatch.delenv("FORUMLENS_PDF_FONT", raising=False)
    with pytest.raises(ConfigError, match="DejaVuSans.ttf") as info:
        pdf_module.render_pdf(main_report)
    assert "fonts-dejavu-core" in info.value.render()


def test_the_font_can_be_given_explicitly(monkeypatch, main_report):
    regular, _ = pdf_module.find_font()
    monkeypatch.setattr(pdf_module, "FONT_DIRS", ())
    monkeypatch.setenv("FORUMLENS_PDF_FONT", str(regular))
    assert pdf_module.find_font()[0] == regular
    assert _text(pdf_module.render_pdf(main_report)).startswith(_flat(main_report.title)[:30])
