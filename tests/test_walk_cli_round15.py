"""A new user's walk of round 15 (helper U): `forumlens glossary 5337…`, the id `sessions` shows,
answered "5337: file not found (it may have been moved or deleted)" while `report` takes the same id.
`glossary` now takes a stored session as `report` names it (id, id prefix, part of the title), a
file as before, and says which session has no terms; a name that fits neither is "no session matches".
`forumlens search "funding speaker:avri"` (a filter typed as many search boxes take it) answered a
bare "No matches": it now says the words are searched as words and gives the command with --speaker.
`forumlens tag FILE` was the one reading command with no JSON for a script: `--json` prints its tags
as the report contract has them, with the evidence sentences and their lines; `forumlens check --json`
gives a monitoring script the verdict, the counts and the problems, with the same exit status.

Every check runs the real CLI on a workshop transcript the test writes.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from forumlens.cli import cli

from .web_support import cli_store

WORKSHOP = """IGF 2022 Addis Ababa - Workshop 311 - Local languages online

>> MODERATOR: Good morning. I am Selam Girma and I moderate this workshop, with interpretation into Amharic.

>> PIERRE NDIAYE: Merci. We recommend that the ITU and UNESCO build a shared programme on local content.

>> MODERATOR: Thank you. The rapporteur will send the report to the MAG.
"""

PLAIN = """IGF 2019 Berlin - Open forum on rural broadband

>> ANNA SCHMIDT: Good morning. Villages still wait for a connection, and that is the whole story today.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("walk15-files")
    (folder / "ws311.txt").write_text(WORKSHOP, encoding="utf-8")
    (folder / "berlin.txt").write_text(PLAIN, encoding="utf-8")
    return cli_store(tmp_path_factory, "walk15", folder), folder


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _session_id(db: str, title_part: str) -> str:
    listed = json.loads(_run("--db", db, "sessions", "--json").stdout)["sessions"]
    return next(s["id"] for s in listed if title_part in s["title"])


def test_glossary_of_a_stored_session_by_id_prefix_and_title(store):
    db, _folder = store
    sid = _session_id(db, "Addis")
    for ref in (sid, sid[:6], "Local languages"):
        result = _run("--db", db, "glossary", ref, "--json")
        assert result.exit_code == 0, result.output
        terms = json.loads(result.stdout)["terms"]
        assert {"UNESCO", "ITU", "MAG"} <= {t["term"] for t in terms}
        assert {t["session"] for t in terms} == {sid}  # this session's terms only, each naming it
    text = _run("--db", db, "glossary", sid[:6]).stdout
    assert f"{sid}: used on line" in text


def test_the_stored_glossary_is_the_one_of_the_same_file(store):
    db, folder = store
    stored = json.loads(_run("--db", db, "glossary", _session_id(db, "Addis"), "--json").stdout)["terms"]
    fresh = json.loads(_run("glossary", str(folder / "ws311.txt"), "--json").stdout)["terms"]
    assert [t["term"] for t in stored] == [t["term"] for t in fresh]


def test_a_session_without_terms_is_named_and_an_unknown_one_is_an_error(store):
    db, _folder = store
    sid = _session_id(db, "Berlin")
    result = _run("--db", db, "glossary", sid)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"No glossary terms found in session {sid} (IGF 2019 Berlin")
    missing = _run("--db", db, "glossary", "zzzz")
    assert missing.exit_code == 1
    assert "no session matches 'zzzz'" in missing.output
    typo = _run("--db", db, "glossary", "nothere.txt")  # a file name stays a file: no store lookup
    assert typo.exit_code == 1
    assert "nothere.txt: file not found" in typo.output


def test_a_filter_typed_into_the_query_names_the_option_it_meant(store):
    db, _folder = store
    result = _run("--db", db, "search", "UNESCO speaker:ndiaye")
    assert result.exit_code == 0
    assert result.stdout.startswith("No matches")
    assert "note: speaker:ndiaye is searched as words, not as a filter: forumlens search UNESCO --speaker ndiaye" in (
        result.stderr
    )
    suggested = _run("--db", db, "search", "UNESCO", "--speaker", "ndiaye")  # the command it gives finds the turn
    assert "Pierre Ndiaye" in suggested.stdout
    quoted = _run("--db", db, "search", 'year:2022 speaker:"Pierre Ndiaye"')
    assert 'year:2022 speaker:"Pierre Ndiaye" is searched as words' in quoted.stderr
    assert "forumlens search WORDS --year 2022 --speaker 'Pierre Ndiaye'" in quoted.stderr
    plain = _run("--db", db, "search", "zebra")  # an ordinary miss has no such note
    assert "not as a filter" not in plain.stderr


KYOTO = """IGF 2023 Kyoto - Open forum on clean water and sanitation data

>> AMINA YUSUF: Good morning. Clean water and sanitation for every village is our goal, and safe drinking water needs data.

>> KENJI SATO: Thank you. Our utilities publish open data on drinking water quality, and clean water access is measured every month.
"""


def test_tag_file_json_has_the_contract_fields_and_verbatim_evidence(tmp_path):
    path = tmp_path / "kyoto.txt"
    path.write_text(KYOTO, encoding="utf-8")
    result = _run("tag", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["file"] == str(path)
    codes = {t["code"]: t for t in data["tags"]}
    assert "SDG6" in codes
    lines = KYOTO.split("\n")
    for t in data["tags"]:
        assert {"scheme", "code", "label", "score", "lines", "evidence"} <= set(t)
        for ev in t["evidence"]:
            assert ev["line"] in t["lines"]
            assert ev["quote"] in lines[ev["line"] - 1]  # verbatim, on the line it names
    text = json.loads(_run("tag", "--text", "clean water for every village", "--json").stdout)
    assert [t["code"] for t in text["tags"]] == ["SDG6"]
    assert text["tags"][0]["evidence"] == ["clean water for every village"]
    none = json.loads(_run("tag", "--text", "the weather", "--json").stdout)
    assert none == {"tags": []}
    both = _run("tag", "--jsonl", "--json")
    assert both.exit_code == 2
    assert "--jsonl already writes JSON lines" in both.output


def test_check_json_gives_the_verdict_counts_and_problems_with_the_exit_status(store, tmp_path):
    db, _folder = store
    good = _run("--db", db, "check", "--json")
    assert good.exit_code == 0
    data = json.loads(good.stdout)
    assert data["ok"] is True and data["problems"] == []
    assert data["counts"]["sessions"] == 2
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(db, damaged)
    conn = sqlite3.connect(damaged)  # a session row lost while its turns stay: what `check` is for
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM sessions WHERE id = ?", (_session_id(db, "Berlin"),))
    conn.commit()
    conn.close()
    bad = _run("--db", str(damaged), "check", "--json")
    assert bad.exit_code == 1
    report = json.loads(bad.stdout)
    assert report["ok"] is False and report["counts"]["sessions"] == 1
    assert any("orphan" in p for p in report["problems"])
