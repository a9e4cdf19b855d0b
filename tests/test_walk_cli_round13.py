"""A new user's walk of round 13 (helper U): `forumlens coalitions` listed a coalition's own
annual report as a place where it was merely "mentioned"; it is its own document now (the text
says "own annual-report", the tally "1 document of its own", the JSON row carries `document`).

Every check runs the real CLI on files the test writes in the shapes of IGF transcripts and reports.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.commands.people import coalition_tally

from .web_support import cli_store

WORKSHOP = """IGF 2024 Day 1 Workshop Room 3 - WS #142 Sustaining Dynamic Coalitions

>> MODERATOR: Good morning. I am Amara Okafor and I will moderate. With us is the Internet Rights and Principles Coalition.
>> MINDA MOREIRA: Thank you, Amara. I speak for the Internet Rights and Principles Coalition. We need funding for translation and for a part-time coordinator.
>> MODERATOR: Thank you, Minda. We are out of time.
"""

ANNUAL = """---
title: Internet Rights and Principles Coalition – Annual Report 2024
date: 2025-02-15
---

# Internet Rights and Principles Coalition – Annual Report 2024

## Summary

In 2024 the Internet Rights and Principles Coalition continued its work on the Charter of Human Rights and Principles for the Internet.

## Requests

The coalition still has no funding. We again ask the IGF Secretariat and donors to create a small fund for Dynamic Coalitions.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("walk13-cli")
    (folder / "ws142-2024.txt").write_text(WORKSHOP, encoding="utf-8")
    (folder / "irpc-annual-report-2024.md").write_text(ANNUAL, encoding="utf-8")
    return cli_store(tmp_path_factory, "walk13-store", folder)


def _run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_coalitions_own_report_is_not_listed_as_a_mention(store: str) -> None:
    out = _run(store, "coalitions", "IRPC")
    head, *rows = out.strip().splitlines()
    assert head.startswith("Internet Rights and Principles Coalition (IRPC)")
    assert head.endswith("presented in 1 session, 1 document of its own"), head
    report = [r for r in rows if "Annual Report" in r]  # titles are clipped to the column
    assert len(report) == 1 and "own annual-report" in report[0] and "mentioned" not in report[0], rows
    workshop = [r for r in rows if "WS #142" in r]
    assert len(workshop) == 1 and "presented" in workshop[0], rows
    # the title column stays aligned however long the status is
    starts = {r.index("IGF 2024 Day 1") if "WS #142" in r else r.index("Internet Rights and") for r in rows}
    assert len(starts) == 1, rows


def test_the_json_row_of_an_own_document_names_its_kind(store: str) -> None:
    data = json.loads(_run(store, "coalitions", "IRPC", "--json"))
    rows = data["coalitions"][0]["sessions"]
    kinds = {r["title"]: r.get("document") for r in rows}
    assert kinds["Internet Rights and Principles Coalition – Annual Report 2024"] == "annual-report"
    assert kinds["IGF 2024 Day 1 Workshop Room 3 - WS #142 Sustaining Dynamic Coalitions"] is None
    assert all(r["status"] in {"presented", "mentioned", "invited-absent"} for r in rows)  # the contract's values


def test_the_tally_counts_own_documents_apart() -> None:
    only_own = [{"status": "mentioned", "document": "annual-report"}]
    assert coalition_tally(only_own) == "1 document of its own"
    mixed = [{"status": "presented"}, {"status": "mentioned"}] + only_own * 2
    assert coalition_tally(mixed) == "presented in 1 session, mentioned in 1, 2 documents of its own"
    assert coalition_tally([]) == "in no stored session"
