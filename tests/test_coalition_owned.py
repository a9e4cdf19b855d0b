"""The coalition page and `brief --coalition` list the same asks and own documents (issues 20/23).

Both decide with `coalition_owned`. They used to decide each their own way, and on this
store they disagreed: the page credited Amina Osei's 2032 ask for the library coalition
to the connectivity coalition too (she had spoken for it in 2031), and her 2031 asks
(one naming the library coalition) to the library coalition; and it took the library
coalition's annual report for the connectivity coalition's own, because the report's
first page names it as a partner. The sessions and the report are written for this test.
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.cli import cli
from forumlens.coalition_owned import coalition_match, document_coalitions, member_keys, owns, owns_document
from forumlens.web import create_app

from .web_support import store_of_texts, web_settings

REGISTER = "We call on regulators to publish the spectrum licence fees for community networks in one public register."
SURVEY = "We ask the Dynamic Coalition on Public Access in Libraries to share its survey of rural libraries with us."
COMPUTERS = "We call on governments to fund public access computers in every rural library."
HOTSPOTS = "We need funding to keep library hotspots open at night for students."
DONORS = "We ask donors to fund a second round of the library survey in more countries."

WORKSHOP = f"""IGF 2031 Workshop #12: Community Networks and Public Access

>> MODERATOR JANE DOE: Welcome to the workshop. Amina, the floor is yours.

>> AMINA OSEI: I am Amina Osei, from the Dynamic Coalition on Community Connectivity. {REGISTER} {SURVEY}

>> MODERATOR JANE DOE: Thank you, Amina. Pedro?

>> PEDRO ALVES: I am Pedro Alves, from the Dynamic Coalition on Public Access in Libraries. {COMPUTERS}

>> MODERATOR JANE DOE: Thank you both.
"""
FORUM = f"""IGF 2032 Open Forum on Libraries and Connectivity

>> MODERATOR JANE DOE: Welcome. The Dynamic Coalition on Community Connectivity sends its regards this year. \
Amina, the floor is yours.

>> AMINA OSEI: I am Amina Osei, and this year I speak for the Dynamic Coalition on Public Access in Libraries. \
{HOTSPOTS}

>> MODERATOR JANE DOE: Thank you, Amina.
"""
REPORT = f"""---
title: Dynamic Coalition on Public Access in Libraries – Annual Report 2032
date: 2033-02-01
---

# Dynamic Coalition on Public Access in Libraries – Annual Report 2032

## Summary

In 2032 the coalition surveyed rural libraries in twelve countries.

## Partners

The Dynamic Coalition on Community Connectivity lent us its spectrum toolkit. With the Dynamic Coalition on \
Community Connectivity we ran two webinars. The Dynamic Coalition on Community Connectivity also reviewed our survey.

## Requests

{DONORS}
"""
LIBRARIES, CONNECTIVITY = "dc-on-public-access-in-libraries", "dc-on-community-connectivity"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """(store path, {"workshop", "forum", "report": session id}), every file through the real pipeline."""
    files = {
        "workshop": ("igf2031-ws12-community-networks.txt", WORKSHOP),
        "forum": ("igf2032-of-libraries.txt", FORUM),
        "report": ("dcpal-annual-report-2032.md", REPORT),
    }
    return store_of_texts(tmp_path_factory.mktemp("coalition-owned"), files)


def _page(db: str, coalition: str) -> dict[str, Any]:
    with TestClient(create_app(db, web_settings(db))) as client:
        response = client.get(f"/api/coalitions/{coalition}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def _brief(db: str, coalition: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--coalition", coalition, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def _page_asks(page: dict[str, Any]) -> list[tuple[str, int, str]]:
    return sorted((a["session"], a["line"], a["quote"]) for a in page["asks"])


def _brief_asks(brief: dict[str, Any]) -> list[tuple[str, int, str]]:
    return sorted((c["session"], c["line"], c["quote"]) for b in brief["asked"] for c in b["citations"])


@pytest.mark.parametrize("coalition", [LIBRARIES, CONNECTIVITY])
def test_the_page_and_the_brief_list_the_same_asks(store: tuple[str, dict[str, str]], coalition: str) -> None:
    db, _ = store
    assert _page_asks(_page(db, coalition)) == _brief_asks(_brief(db, coalition)) != []


def test_an_ask_is_the_coalition_its_speaker_spoke_for_in_that_session(store: tuple[str, dict[str, str]]) -> None:
    """Amina spoke for the connectivity coalition in 2031 and for the library coalition in 2032."""
    db, ids = store
    connectivity = _page_asks(_page(db, CONNECTIVITY))
    libraries = _page_asks(_page(db, LIBRARIES))
    # her 2031 asks are the connectivity coalition's, also the one that names the library coalition
    assert connectivity == sorted([(ids["workshop"], 5, REGISTER), (ids["workshop"], 5, SURVEY)])
    assert libraries == sorted(
        [(ids["workshop"], 9, COMPUTERS), (ids["forum"], 5, HOTSPOTS), (ids["report"], 18, DONORS)]
    )


def test_a_report_is_its_authors_own_not_its_partners(store: tuple[str, dict[str, str]]) -> None:
    db, ids = store
    assert [d["id"] for d in _page(db, LIBRARIES)["documents"]] == [ids["report"]]
    assert _page(db, CONNECTIVITY)["documents"] == []
    # the partner it names is a mention of the connectivity coalition, listed among its sessions
    assert ids["report"] in {s["session"] for s in _page(db, CONNECTIVITY)["sessions"]}


# -- the rule itself ----------------------------------------------------------------------------------


def test_an_ask_credited_by_acronym_or_said_under_a_label_variant_is_the_coalitions() -> None:
    _, matches = coalition_match("DC on Public Access in Libraries")
    people = [
        {"name": "Olivier Crepin-Leblond", "labels": ["OLIVIER REPIN-LEBLOND"], "affiliation": "DC-PAL"},
        {"name": "Jane Doe", "role": "moderator", "affiliation": "DC on Public Access in Libraries"},
        {"name": "Ana Lima", "affiliation": "DC on Community Connectivity"},
        {"name": None, "affiliation": "DC on Public Access in Libraries"},
    ]
    members = member_keys(people, matches)
    assert owns({"by": "OLIVIER REPIN-LEBLOND", "coalition": None}, matches, members)
    assert owns({"by": "Jane Doe"}, matches, members)  # its coordinator chairing its session
    assert owns({"by": None, "coalition": "DC-PAL"}, matches, members)
    assert owns({"by": None, "coalition": "Dynamic Coalition on Public Access in Libraries"}, matches, members)
    assert not owns({"by": "Ana Lima", "coalition": "DC on Community Connectivity"}, matches, members)
    assert not owns({"by": None, "coalition": None}, matches, members)


def test_a_documents_authors_are_the_stated_and_title_coalitions_else_the_best_found() -> None:
    joint = {
        "coalitions": [
            {"name": "DC on Community Connectivity", "evidence": "title"},
            {"name": "DC on Public Access in Libraries", "evidence": "title"},
            {"name": "DC on Internet Rights and Principles", "evidence": "mentioned 4 times"},
        ]
    }
    assert document_coalitions("Joint statement", joint) == [
        "DC on Community Connectivity",
        "DC on Public Access in Libraries",
    ]
    found = {"coalitions": [{"name": "DC on Platform Responsibility", "evidence": "first page"}, {"name": "DC3"}]}
    assert document_coalitions("Annual Report 2021", found) == ["DC3"]  # stated (no evidence): the author
    partners = {"coalitions": [{"name": "DC on Platform Responsibility", "evidence": "first page"}]}
    partners["coalitions"].append({"name": "DC on Community Connectivity", "evidence": "first page"})
    assert document_coalitions("Annual Report 2021", partners) == ["DC on Platform Responsibility"]
    # stored before metadata existed: the title says whose it is
    old = "Dynamic Coalition on Public Access in Libraries – Annual Report 2019"
    assert document_coalitions(old, {}) == ["DC on Public Access in Libraries"]
    _, matches = coalition_match("DC-PAL")
    assert owns_document("annual-report", old, {}, matches)
    assert not owns_document("transcript", old, {}, matches)  # a transcript records a session


# -- the record and the coalitions list: the same authors as the page ---------------------------------


def _cli_json(db: str, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", db, *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_record_counts_a_report_for_its_author_not_its_partner(store: tuple[str, dict[str, str]]) -> None:
    """The library coalition's 2032 annual report names the connectivity coalition on its first page."""
    db, ids = store
    record = {c["name"]: c for c in _cli_json(db, "record", "--year", "2033")["coalitions"]}
    libraries = record["DC on Public Access in Libraries"]
    connectivity = record["DC on Community Connectivity"]
    assert [d["id"] for d in libraries["documents"]] == [ids["report"]]
    assert libraries["annual_report_on_file"] is True
    assert connectivity["documents"] == [] and connectivity["annual_report_on_file"] is False
    assert connectivity["eligible"] is False


def test_the_coalitions_list_marks_a_document_for_its_author_only(store: tuple[str, dict[str, str]]) -> None:
    db, ids = store
    listed = {c["name"]: c["sessions"] for c in _cli_json(db, "coalitions")["coalitions"]}
    rows = {name: [r for r in sessions if r["session"] == ids["report"]] for name, sessions in listed.items()}
    assert [r.get("document") for r in rows["DC on Public Access in Libraries"]] == ["annual-report"]
    # the partner it names is listed with the report, as a mention, not as the report's author
    assert [r.get("document") for r in rows["DC on Community Connectivity"]] == [None]
