"""A new user's third walk on the command line (task W, round 20): what `coalitions`, `embed`, `tag` and
`report` say when the user's input is not what they expect.

Every check runs the real CLI over a store of `examples/` plus the shared main session,
analysed by the real pipeline, or over files the test writes: what is checked is what a user meets.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.commands.people import coalition_tally

from .conftest import MAIN_SESSION, ROOT

EXAMPLES = ROOT / "examples"
STORE_MISSING = "no store at this path"


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("walk3-cli") / "store.sqlite3")
    code, out = _run("--db", path, "ingest", str(EXAMPLES), str(MAIN_SESSION))
    assert code == 0, out
    return path


# -- coalitions: how each figures in the record, in words -------------------------------------------


def test_the_coalition_list_counts_each_status_it_shows_and_never_says_presented_in_0(db):
    """Each coalition's head line names exactly the statuses of the session lines under it, with their counts."""
    code, out = _run("--db", db, "coalitions")
    assert code == 0, out
    assert "in 0" not in out
    blocks = re.split(r"\n(?=\S)", out.strip())
    assert len(blocks) >= 3, out
    words = {"presented": "presented", "invited-absent": "invited but absent", "mentioned": "mentioned"}
    for block in blocks:
        head, *rows = block.splitlines()
        statuses = [row.split()[2] for row in rows]
        assert statuses, block
        for status in set(statuses):
            n = statuses.count(status)
            assert re.search(rf"{words[status]} in {n}\b", head), (head, statuses)
        for status in set(words) - set(statuses):
            assert f"{words[status]} in" not in head, (head, statuses)


def test_a_coalition_that_was_only_invited_reads_invited_but_absent():
    sessions = [{"session": "a", "status": "invited-absent"}]
    assert coalition_tally(sessions) == "invited but absent in 1 session"
    both = [{"status": "presented"}, {"status": "presented"}, {"status": "mentioned"}]
    assert coalition_tally(both) == "presented in 2 sessions, mentioned in 1"
    assert coalition_tally([]) == "in no stored session"


# -- embed: the store and the sessions are checked before the model is loaded or built --------------


def test_embed_with_no_store_says_so_before_building_any_model(tmp_path):
    """The int8 model would be built first (about 20 s, into the cache) before the store was even opened."""
    cache = tmp_path / "models"
    env = {"FORUMLENS_EMBEDDER": "int8", "FORUMLENS_MODEL_CACHE": str(cache), "FORUMLENS_CONFIG": "/nonexistent"}
    missing = tmp_path / "typo.sqlite3"
    code, out = _run("--db", str(missing), "embed", env=env)
    assert code == 1
    assert STORE_MISSING in out and str(missing) in out
    assert "building" not in out
    assert not missing.exists()
    assert not cache.exists() or not any(cache.iterdir())


def test_embed_of_an_unknown_session_says_so_before_building_any_model(db, tmp_path):
    cache = tmp_path / "models"
    env = {"FORUMLENS_EMBEDDER": "int8", "FORUMLENS_MODEL_CACHE": str(cache), "FORUMLENS_CONFIG": "/nonexistent"}
    code, out = _run("--db", db, "embed", "--session", "ffff00", env=env)
    assert code == 1
    assert "no session matches 'ffff00'" in out
    assert "building" not in out
    assert not cache.exists() or not any(cache.iterdir())


# -- files the user names: missing, a folder ---------------------------------------------------------


def test_tag_of_a_missing_file_says_file_not_found_and_how_to_tag_words(tmp_path):
    missing = tmp_path / "notes.txt"
    code, out = _run("tag", str(missing))
    assert code == 1
    assert f"{missing}: file not found" in out
    assert "No such file or directory" not in out  # the OS's words, not ours
    assert 'forumlens tag --text "clean water"' in out


def test_report_of_a_folder_named_without_a_slash_says_it_is_a_folder(db, tmp_path, monkeypatch):
    """`report minutes` with a folder `minutes` here was "no session matches 'minutes'"."""
    (tmp_path / "minutes").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out = _run("--db", db, "report", "minutes")
    assert code == 1
    assert "minutes: is a folder, not a file" in out
    assert "forumlens ingest FOLDER" in out


def test_report_of_a_missing_file_says_file_not_found(db, tmp_path):
    missing = tmp_path / "session.txt"
    code, out = _run("--db", db, "report", str(missing))
    assert code == 1
    assert f"{missing}: file not found" in out


# -- threads: an empty list says which filters kept nothing ------------------------------------------


def test_a_thread_list_that_keeps_nothing_names_the_filters_and_the_total(db):
    code, out = _run("--db", db, "threads", "--json")
    assert code == 0
    found = json.loads(out)["threads"]
    assert found
    code, out = _run("--db", db, "threads", "--kind", "ask", "--since", "2099")
    assert code == 0
    assert f"none of the {len(found)} threads on record matches kind ask, since 2099; drop a filter" in out
    kind = found[0]["kind"]  # a filter that keeps something prints no note
    code, out = _run("--db", db, "threads", "--kind", kind)
    assert code == 0 and "none of the" not in out


def test_a_store_without_threads_says_how_to_get_them(tmp_path):
    db = str(tmp_path / "empty.sqlite3")
    assert _run("--db", db, "migrate")[0] == 0
    code, out = _run("--db", db, "threads", "--md")
    assert code == 0
    assert "no thread on record yet" in out and "forumlens analyse --all" in out


# -- two output formats at once: a usage error naming both ------------------------------------------


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--json", "--md"], "--json and --md are different formats: give one of them"),
        (["--pdf"], "--pdf writes a file: give -o FILE.pdf"),
    ],
)
def test_report_format_mistakes_are_usage_errors_that_name_the_flags(db, flags, message):
    code, out = _run("--db", db, "report", "d209c5", *flags)
    assert code == 2
    assert message in out


def test_brief_with_two_formats_is_a_usage_error_too(db):
    code, out = _run("--db", db, "brief", "--topic", "funding", "--md", "--json")
    assert code == 2
    assert "--json and --md are different formats" in out
