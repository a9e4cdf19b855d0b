"""A new user's walk of round 17 (helper X's defects outside the analysis stages): a misspelt
session, the headings of `threads --md`, and what `digest --dry-run` cites.

Every check runs the real CLI over a store of `examples/` (the demo's), ingested and analysed by
the real pipeline: what is checked is what a user meets.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.labels import key_words

from .conftest import ROOT

EXAMPLES = ROOT / "examples"


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("walk17-cli") / "store.sqlite3")
    code, out = _run("--db", path, "ingest", str(EXAMPLES))
    assert code == 0, out
    return path


def _titles(db: str) -> dict[str, str]:
    code, out = _run("--db", db, "sessions", "--json")
    assert code == 0, out
    return {s["id"]: s["title"] for s in json.loads(out)["sessions"]}


def test_a_misspelt_session_names_the_nearest_titles_as_a_misspelt_coalition_does(db):
    titles = _titles(db)
    code, out = _run("--db", db, "report", "Coalitoin")
    assert code == 1 and "no session matches 'Coalitoin'" in out
    for sid, title in titles.items():  # both demo titles hold "Coalition"
        assert f"“{title}” ({sid})" in out
    assert "did you mean" in out and "list them with `forumlens sessions`" in out
    code, out = _run("--db", db, "report", "Coalition Outptus")
    assert code == 1 and out.count("“") == 1 and "Coalition Outputs" in out  # the one clearly nearest
    code, out = _run("--db", db, "report", "zzzzz")
    assert code == 1 and "did you mean" not in out  # nothing near: no guess


def test_threads_md_headings_name_the_category_as_the_portal_does(db):
    code, out = _run("--db", db, "threads", "--json")
    assert code == 0, out
    threads = json.loads(out)["threads"]
    code, md = _run("--db", db, "threads", "--md")
    assert code == 0, md
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert len(headings) == len(threads) == len(set(headings))
    categorised = [t for t in threads if t["category"] != "other"]
    assert categorised
    for t in categorised:  # "DC on … — ask, recognition · raised-once (2024)"
        what = f"— {t['kind']}, {key_words(t['category'])} · {t['status']}"
        assert any(
            h.endswith(
                f"{what} ({t['first_year']}" + ("" if t["first_year"] == t["last_year"] else f"–{t['last_year']}") + ")"
            )
            for h in headings
        ), what


def test_digest_dry_run_shows_the_new_matches_as_the_digest_will(db, tmp_path):
    env = {"FORUMLENS_CONFIG": str(tmp_path / "none.toml"), "FORUMLENS_PUBLIC_URL": "https://forum.example.org"}
    code, out = _run(
        "--db", db, "subscribers", "add", "Ana", "--email", "ana@example.org", "--coalition", "DC-PAL", env=env
    )
    assert code == 0, out
    code, dry = _run("--db", db, "digest", "--since", "3650d", "--dry-run", env=env)
    assert "(dry run: nothing recorded or sent)" in dry
    for sid, title in _titles(db).items():  # each session under its title, as the e-mail shows it
        assert re.search(rf"^{re.escape(title)} \(\d{{4}}\)$", dry, re.MULTILINE), title
        assert f"https://forum.example.org/sessions/{sid}" in dry
    assert "  new: " not in dry and "forumlens digest for Ana:" in dry
    items = [line for line in dry.splitlines() if line.startswith("  - coalition DC-PAL")]
    assert items and all("“" in line for line in items)  # each cited with its quote
    code, shown = _run("--db", db, "subscribers", "show", "Ana", "--json", env=env)
    assert json.loads(shown).get("deliveries", []) == []  # a dry run records nothing
