"""`forumlens report` of a stored report or statement: each ask names the page and section it is in.

The Sources of such a report already said "p. 2, § Requests, line 9"; the asks under them said
only "L9, the document", so a reader of a PDF had a line number the PDF does not print. Every
format (text, Markdown, HTML) now names the place as the Sources and the portal do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .docfiles import make_docx, make_pdf

FUNDING = "We call on governments to fund public access points in libraries so that everyone can get online."
RECORD = "We ask the IGF Secretariat to include coalition outputs in the official record of the forum."
MARKDOWN = f"""# Report of the Dynamic Coalition on Public Access in Libraries 2024

## Overview

The coalition met four times in 2024 and published a toolkit on meaningful access for rural libraries.

## Requests

{FUNDING}
"""


def stored(tmp_path: Path, name: str, data: bytes) -> tuple[str, str]:
    """A store holding the one file `name`; its path and the stored id."""
    source = tmp_path / name
    source.write_bytes(data)
    db = str(tmp_path / "store.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(source)])
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(cli, ["--db", db, "sessions", "--json"])
    assert listed.exit_code == 0, listed.output
    [session] = json.loads(listed.output)["sessions"]
    return db, session["id"]


def report(db: str, session: str, fmt: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, "report", session, f"--{fmt}"])
    assert result.exit_code == 0, result.output
    return result.output


def ask_lines(text: str, quote_start: str) -> list[str]:
    """The lines of the asks section that hold the ask beginning `quote_start`."""
    asks = text[text.lower().index("asks, commitments and recommendations") :]
    return [line for line in asks.splitlines() if quote_start in line]


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_an_ask_of_a_pdf_names_its_page_and_section(tmp_path, fmt):
    pdf = make_pdf(
        [
            ("h1", "Annual Report 2024 of the Dynamic Coalition on Public Access in Libraries"),
            ("h2", "Summary"),
            ("p", "The coalition met four times in 2024 and published a toolkit on meaningful access. " + RECORD),
            ("page", ""),
            ("h2", "Requests"),
            ("p", FUNDING),
        ]
    )
    db, session = stored(tmp_path, "dc-pal-annual-report-2024.pdf", pdf)
    out = report(db, session, fmt)
    [funding] = ask_lines(out, "We call on governments")
    assert "the document, p. 2, § Requests" in funding
    [record] = ask_lines(out, "We ask the IGF Secretariat")
    assert "the document, p. 1, § Summary" in record


def test_an_ask_of_a_docx_statement_names_its_section(tmp_path):
    docx = make_docx(
        [
            ("h1", "Statement of the Dynamic Coalition on Public Access in Libraries 2024"),
            ("h2", "Background"),
            ("p", "Libraries across 40 countries reported on their connectivity this year."),
            ("h2", "Requests"),
            ("p", FUNDING),
        ],
        page_breaks=False,
    )
    db, session = stored(tmp_path, "dc-pal-statement-2024.docx", docx)
    [funding] = ask_lines(report(db, session, "md"), "We call on governments")
    assert "(L" in funding and "the document, § Requests)" in funding


def test_an_ask_of_a_markdown_report_names_its_section_and_a_transcript_ask_its_speaker(tmp_path):
    db, session = stored(tmp_path, "dc-pal-report-2024.md", MARKDOWN.encode())
    [funding] = ask_lines(report(db, session, "text"), "We call on governments")
    assert "the document, § Requests:" in funding
    transcript = tmp_path / "igf2024-ws.txt"
    transcript.write_text(
        "IGF 2024 Workshop on Libraries\n\n"
        ">> AMARA OSEI: Welcome, everyone, to this workshop on public access.\n\n"
        f">> LUCIA FERNANDEZ: Thank you. {FUNDING} That is our main request this year.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["report", str(transcript), "--md"])
    assert result.exit_code == 0, result.output
    spoken = ask_lines(result.output, "We call on governments")
    assert spoken and all("the document" not in line and "§" not in line for line in spoken)
