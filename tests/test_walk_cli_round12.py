"""A new user's walk of round 12 (helper U): `people moderator` shows why it found Carla Mendes
(her caption label), an ask of a report is credited to "the document", never "?", and
`related` prints a document's paragraph on one line without a dangling "—:" speaker.

Every check runs the real CLI on files the test writes in the shapes of IGF transcripts and reports.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .web_support import cli_store

SESSION = """IGF 2024 Day 2 - DC on Public Access in Libraries: Data centres and e-waste in libraries
Riyadh, 16 December 2024

>> MODERATOR: Good morning, and welcome. My name is Carla Mendes and I will moderate today. Let me give the floor to Peter Okafor from the Nigerian Communications Commission.
>> PETER OKAFOR: Thank you, Carla. Data centres in West Africa consume a growing share of electricity. We call on the IGF secretariat to provide a one page summary of our findings on e-waste to national regulators.
>> MODERATOR: Thank you, Peter. The key takeaway is that comparable data on energy use and e-waste is the first step toward greener networks.
"""

REPORT = """# Green Networks Initiative: Annual Report 2024

## Summary

The initiative met four times in 2024. This report summarises its outputs and its requests to the IGF community.

## Outputs

- A report on e-waste in small island states, released in February 2024.
- A draft methodology for measuring the energy use of data centres, to be released in 2025.

## Requests

The initiative asks the IGF Secretariat for support in translating its outputs into the six UN languages.
"""

OTHER = """IGF 2023 WS #112 Meaningful Access in Rural Areas: Voices from Remote Hubs

>> JOHN SMITH: Welcome to workshop 112. I'm John Smith from the Internet Society, and I'll be moderating.
>> MARIA LOPEZ: Thank you, John. In our survey of rural households, affordability is the biggest barrier, more than coverage.
>> LIMA HUB: Community networks in the Andes need spectrum licences they can afford.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("walk12-cli")
    (folder / "dc-pal-2024.txt").write_text(SESSION, encoding="utf-8")
    (folder / "dc-pal-annual-report-2024.md").write_text(REPORT, encoding="utf-8")
    (folder / "ws112-2023.txt").write_text(OTHER, encoding="utf-8")
    return cli_store(tmp_path_factory, "walk12-store", folder)


def _run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_people_found_by_a_caption_label_show_that_label(store: str) -> None:
    out = _run(store, "people", "moderator")
    assert out.startswith("Carla Mendes"), out
    assert "labels: MODERATOR" in out
    okafor = _run(store, "people", "okafor")  # a label that is only the name in capitals says nothing new
    assert okafor.startswith("Peter Okafor") and "labels:" not in okafor, okafor


@pytest.mark.parametrize("fmt", ["--text", "--md", "--html"])
def test_an_ask_of_a_report_is_credited_to_the_document(store: str, fmt: str) -> None:
    out = _run(store, "report", "Annual Report 2024", fmt)
    asks = out[out.lower().index("asks, commitments and recommendations") :]
    assert "the document" in asks, asks
    assert " ?:" not in asks and ", ?)" not in asks, asks


def test_related_prints_a_paragraph_of_a_document_on_one_line(store: str) -> None:
    out = _run(store, "related", "Data centres and e-waste")
    doc_lines = [line for line in out.splitlines() if "“- A report on e-waste" in line or line.startswith("- A draft")]
    assert doc_lines, out
    assert all("—:" not in line for line in out.splitlines()), out
    assert not any(line.startswith("- A draft") for line in out.splitlines()), "a quote broke the layout"


def test_related_turns_name_whom_each_turn_is_counted_for(store: str) -> None:
    out = _run(store, "related", "Data centres and e-waste", "--line", "5")
    turns = [line for line in out.splitlines() if line.startswith("  ") and ":" in line]
    assert turns, out
    assert any("  § " in line for line in turns), out  # a report's paragraph by its section
    assert not any("(unnamed)" in line or "  —" in line for line in turns), out
