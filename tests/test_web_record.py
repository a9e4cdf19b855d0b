"""The portal's coalition page shows the coalition record of `forumlens record`."""

from __future__ import annotations

import json
import re
import warnings

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.store import open_store
from forumlens.web import create_app

from .web_support import web_settings

LIMIT = 20_000_000
SESSION = """IGF 2021 – Day 3 – DC on Platform Responsibility session: platform rules

>> ANNA SILVA:  Welcome to the session of the Dynamic Coalition on Platform Responsibility.  We will discuss content moderation and platform rules this afternoon.

>> BRUNO COSTA:  Thank you, Anna.  I speak for the Dynamic Coalition on Platform Responsibility.  We produced a glossary of platform policy terms this year.
"""
ANNUAL = """# Annual Report 2021

Dynamic Coalition on Platform Responsibility, activity report for 2021.

## Activities

The coalition met six times and held its session at IGF 2021.
"""
GLOSSARY = """# Glossary of Platform Law and Policy Terms

Dynamic Coalition on Platform Responsibility, December 2021.

## Terms

Content moderation: the practice of reviewing user content against platform rules.
"""
URL = "/coalitions/dc-on-platform-responsibility"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    root = tmp_path_factory.mktemp("web-record")
    path = str(root / "record.sqlite3")
    store = open_store(path)
    try:
        for name, text in (("dcpr-session.txt", SESSION), ("annual-2021.md", ANNUAL), ("glossary.md", GLOSSARY)):
            (root / name).write_text(text, "utf-8")
            assert ingest_file(store, root / name, IngestOptions(max_bytes=LIMIT)).status == "ingested"
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, web_settings(store_path))) as c:
        yield c


def _cli_record(path: str, year: int) -> dict:
    result = CliRunner().invoke(cli, ["record", "--year", str(year), "--json", "--db", path])
    assert result.exit_code == 0, result.output
    return next(c for c in json.loads(result.output)["coalitions"] if c["id"] == "dcpr")


def _record_section(html: str) -> str:
    match = re.search(r'<section id="record">(.*?)</section>', html, re.DOTALL)
    assert match, "no record section on the coalition page"
    return match.group(1)


def _dd(section: str, css: str) -> str:
    match = re.search(rf'<dd class="{css}">(.*?)</dd>', section, re.DOTALL)
    assert match, f"no {css} on the coalition page"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


MARK = {True: "yes", False: "no", None: "not applicable"}


@pytest.mark.parametrize("year", [2022, 2023])
def test_the_coalition_page_shows_what_record_json_says(client, store_path, year):
    expected = _cli_record(store_path, year)
    response = client.get(f"{URL}?year={year}")
    assert response.status_code == 200
    section = _record_section(response.text)
    assert f"Record for IGF {year}" in section
    assert _dd(section, "record-annual") == MARK[expected["annual_report_on_file"]]
    assert _dd(section, "record-session") == MARK[expected["session_report_on_file"]]
    assert _dd(section, "record-eligible") == MARK[expected["eligible"]]
    for s in expected["sessions"]:
        assert f'href="/sessions/{s["id"]}"' in section
    for kind, n in expected["documents_by_kind"].items():
        assert f'<span class="chip">{kind}</span> {n}' in section
    for d in expected["documents"]:
        assert f'href="/sessions/{d["id"]}"' in section
    assert "Rule v1:" in section


def test_2022_slot_facts_session_held_annual_report_on_file_no_session_report(client, store_path):
    expected = _cli_record(store_path, 2022)
    assert len(expected["sessions"]) == 1 and expected["annual_report_on_file"] is True
    assert expected["session_report_on_file"] is False and expected["eligible"] is False
    assert expected["documents_by_kind"] == {"annual-report": 1, "glossary": 1}
    section = _record_section(client.get(f"{URL}?year=2022").text)
    assert "annual-report</span> 1" in section and "glossary</span> 1" in section


def test_a_bad_year_is_refused_and_the_default_year_renders(client):
    assert client.get(f"{URL}?year=12").status_code in (400, 422)
    assert 'id="record"' in client.get(URL).text
