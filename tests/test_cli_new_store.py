"""A new store is never created silently (`cli_support.new_store_file`): `ingest` says on stderr
where it creates one; a --db (or FORUMLENS_DB) path whose folder does not exist is refused before
anything is read or created, naming the folder and the fix; the default location's folder is made,
so the README's first `forumlens ingest` works on a fresh machine."""

from __future__ import annotations

import signal
from pathlib import Path

from click.testing import CliRunner

from forumlens.cli import cli

SPEECH = ">> LERATO MOKOENA: Welcome. Community networks need spectrum they can afford.\n"


def _transcript(tmp_path: Path) -> Path:
    path = tmp_path / "s.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def test_a_db_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "nope" / "x.sqlite3"
    result = CliRunner().invoke(cli, ["ingest", str(_transcript(tmp_path)), "--db", str(db), "--no-analysis"])
    assert result.exit_code == 1
    assert f"no folder {db.parent} for a new store" in result.stderr
    assert "mkdir -p" in result.stderr
    assert not db.parent.exists()


def test_the_env_path_is_checked_like_the_flag(tmp_path: Path) -> None:
    db = tmp_path / "typo" / "x.sqlite3"
    runner = CliRunner(env={"FORUMLENS_DB": str(db), "FORUMLENS_CONFIG": str(tmp_path / "none.toml")})
    result = runner.invoke(cli, ["ingest", str(_transcript(tmp_path)), "--no-analysis"])
    assert result.exit_code == 1
    assert not db.parent.exists()


def test_a_new_store_is_announced_once(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    args = ["ingest", str(_transcript(tmp_path)), "--db", str(db), "--no-analysis"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert f"note: creating a new store at {db}" in first.stderr
    again = CliRunner().invoke(cli, [*args, "--force"])
    assert again.exit_code == 0, again.output
    assert "creating a new store" not in again.stderr


def test_the_default_location_is_made_on_a_fresh_machine(tmp_path: Path) -> None:
    data = tmp_path / "xdg-data"
    env = {"FORUMLENS_DB": None, "FORUMLENS_CONFIG": str(tmp_path / "none.toml"), "XDG_DATA_HOME": str(data)}
    result = CliRunner(env=env).invoke(cli, ["ingest", str(_transcript(tmp_path)), "--no-analysis"])
    assert result.exit_code == 0, result.output
    assert "note: creating a new store at" in result.stderr
    assert (data / "forumlens" / "forumlens.sqlite3").exists()
    listed = CliRunner(env=env).invoke(cli, ["sessions"])
    assert listed.exit_code == 0, listed.output


# every other command that may create a store (live, migrate, subscribers add/import, serve) uses the
# same helper: the new store is said on stderr, a chosen path in a missing folder is refused


def _refused_in_a_missing_folder(tmp_path: Path, args: list[str]) -> None:
    """The command, given a --db in a folder that does not exist, is refused and creates nothing."""
    typo = tmp_path / "nope" / "x.sqlite3"
    refused = CliRunner().invoke(cli, [*args, "--db", str(typo)])
    assert refused.exit_code == 1
    assert f"no folder {typo.parent} for a new store" in refused.stderr
    assert not typo.parent.exists()


def test_migrate_says_it_creates_a_store_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    _refused_in_a_missing_folder(tmp_path, ["migrate"])
    db = tmp_path / "x.sqlite3"
    made = CliRunner().invoke(cli, ["migrate", "--db", str(db)])
    assert made.exit_code == 0, made.output
    assert f"note: creating a new store at {db}" in made.stderr and "created, schema version" in made.stdout
    again = CliRunner().invoke(cli, ["migrate", "--db", str(db)])
    assert again.exit_code == 0 and "creating a new store" not in again.stderr


def test_subscribers_add_says_it_creates_a_store_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    args = ["subscribers", "add", "Ana", "--email", "ana@example.org"]
    _refused_in_a_missing_folder(tmp_path, args)
    db = tmp_path / "x.sqlite3"
    added = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert added.exit_code == 0, added.output
    assert f"note: creating a new store at {db}" in added.stderr and db.exists()


def test_a_refused_subscribers_file_leaves_no_new_store(tmp_path: Path) -> None:
    bad = tmp_path / "subs.toml"
    bad.write_text('[[subscriber]]\nname = "Ana"\nemail = "not an address"\n', encoding="utf-8")
    db = tmp_path / "x.sqlite3"
    result = CliRunner().invoke(cli, ["subscribers", "import", str(bad), "--db", str(db)])
    assert result.exit_code != 0
    assert f"note: creating a new store at {db}" in result.stderr
    assert not db.exists()


def test_live_says_it_creates_a_store_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    captions = _transcript(tmp_path)
    args = ["live", str(captions), "--interval", "0.05", "--idle-exit", "0.2"]
    handlers = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
    _refused_in_a_missing_folder(tmp_path, args)
    # a refused run leaves the caller's signal handlers as they were
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers
    db = tmp_path / "x.sqlite3"
    followed = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert followed.exit_code == 0, followed.output
    assert f"note: creating a new store at {db}" in followed.stderr and db.exists()


def test_an_ingest_that_stores_nothing_never_says_it_creates_a_store(tmp_path: Path) -> None:
    """The note comes with the first session stored: a run whose every file fails removes the new
    file again, and a note naming it would point at a store that is not there."""
    db = tmp_path / "x.sqlite3"
    failed = CliRunner().invoke(cli, ["ingest", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert failed.exit_code == 1
    assert "creating a new store" not in failed.stderr
    assert f"nothing was stored, so no store was created at {db}" in failed.stderr and not db.exists()


def _stored(tmp_path: Path) -> Path:
    db = tmp_path / "from.sqlite3"
    made = CliRunner().invoke(cli, ["ingest", str(_transcript(tmp_path)), "--db", str(db), "--no-analysis"])
    assert made.exit_code == 0, made.output
    return db


def test_copy_says_it_creates_its_target_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    source = _stored(tmp_path)
    typo = tmp_path / "nope" / "to.sqlite3"
    refused = CliRunner().invoke(cli, ["copy", "--from", str(source), "--to", str(typo)])
    assert refused.exit_code == 1
    assert f"no folder {typo.parent} for a new store" in refused.stderr and "--to" in refused.stderr
    assert not typo.parent.exists()
    target = tmp_path / "to.sqlite3"
    copied = CliRunner().invoke(cli, ["copy", "--from", str(source), "--to", str(target)])
    assert copied.exit_code == 0, copied.output
    assert f"note: creating a new store at {target}" in copied.stderr and "every table verified" in copied.stdout
    listed = [CliRunner().invoke(cli, ["sessions", "--db", str(db)]).stdout for db in (source, target)]
    assert listed[0] == listed[1] and len(listed[0].splitlines()) == 3  # header, rule and the one session


def test_copy_to_a_folder_names_the_to_option(tmp_path: Path) -> None:
    source = _stored(tmp_path)
    result = CliRunner().invoke(cli, ["copy", "--from", str(source), "--to", str(tmp_path)])
    assert result.exit_code == 1
    assert "is a folder, not a store file" in result.stderr and "--to" in result.stderr
    assert "--db" not in result.stderr


def test_the_note_starts_below_a_progress_bar_on_a_terminal(tmp_path: Path, capsys) -> None:
    """On a terminal the first stored file's note came glued to the bar ("… 0/2note: creating …")."""
    from forumlens.cli_support import announce_new_store

    announce_new_store(tmp_path / "x.sqlite3", below_bar=True)
    announce_new_store(tmp_path / "y.sqlite3")
    assert capsys.readouterr().err.split("\n") == [
        "",
        f"note: creating a new store at {tmp_path / 'x.sqlite3'}",
        f"note: creating a new store at {tmp_path / 'y.sqlite3'}",
        "",
    ]
