"""Shared pieces of the command line: error translation, --db, the store from the context.

Command modules in `forumlens.commands` import these, so each feature can add its
commands without editing `cli.py`.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .dates import BadDate, parse_year_bound
from .errors import ForumlensError

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "YEAR_BOUND",
    "ForumlensGroup",
    "YearBound",
    "announce_new_store",
    "checked_years",
    "clip",
    "db_option",
    "debug_of",
    "debug_requested",
    "discard_store_file",
    "for_this_install",
    "missing_path_hint",
    "new_store_file",
    "new_store_target",
    "open_ctx_store",
    "read_input",
    "settings_of",
    "source_checkout",
]


def clip(text: str, width: int) -> str:
    """`format.clip`, the one clipping of terminal text, for the commands' own lists.

    Imported when first used: `forumlens --help` starts without the renderers' imports.
    """
    from .format import clip as clipped

    return clipped(text, width)


class YearBound(click.ParamType):
    """A --since/--until value (YYYY, YYYY-MM or YYYY-MM-DD) as its year; a usage error (exit 2) otherwise."""

    name = "YEAR|DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int | None:
        if isinstance(value, int):
            return value
        try:
            # the flag as typed (`--year`), not the parameter's name (`record_year`)
            return parse_year_bound(value, name=param.opts[0] if param is not None and param.opts else "date")
        except BadDate as exc:
            self.fail(exc.render(), param, ctx)


YEAR_BOUND = YearBound()


def checked_years(since: int | None, until: int | None) -> None:
    """Refuse --since after --until as the usage error it is (exit 2), in one wording for every command,
    naming the options as the user typed them, before any store is opened."""
    if since is not None and until is not None and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}: swap them, or widen the range")


class ForumlensGroup(click.Group):
    """Click group that renders forumlens errors as one clear line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ForumlensError as exc:
            if debug_of(ctx):
                raise
            click.echo(f"error: {for_this_install(exc.render(), source_checkout())}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # output piped into `head`: stop quietly
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("interrupted; the store is unchanged for the file in progress", err=True)
            ctx.exit(130)
        except Exception as exc:
            if debug_of(ctx):
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc} "
                "(rerun with --debug, or FORUMLENS_DEBUG=1, for a traceback)",
                err=True,
            )
            ctx.exit(70)


def debug_of(ctx: click.Context) -> bool:
    obj = ctx.find_root().obj or {}
    return bool(obj.get("debug"))


def debug_requested(argv: Sequence[str] | None = None) -> bool:
    """Whether tracebacks were asked for: `--debug` in `argv` (None: the process's own), or the
    debug setting (FORUMLENS_DEBUG, the config file).

    Asked where the settings may not have loaded: an error raised while loading them (a bad
    FORUMLENS_* value) is still shown with its traceback when FORUMLENS_DEBUG=1, as --debug does.
    """
    from .settings import SETTINGS, load_settings

    if "--debug" in (sys.argv[1:] if argv is None else argv):
        return True
    try:
        return bool(load_settings().debug)
    except ForumlensError:  # another setting is bad: read this one alone
        setting = next(s for s in SETTINGS if s.name == "debug")
        return bool(setting.parse(os.environ.get(setting.env, "")))


def settings_of(ctx: click.Context) -> Any:
    return ctx.find_root().obj["settings"]


def open_ctx_store(ctx: click.Context, db: str | None = None, readonly: bool = False, create: bool = True) -> Store:
    """The command's store; reading commands (`readonly`) and writers that need stored
    sessions (`create=False`) refuse a store that does not exist instead of creating it."""
    settings = settings_of(ctx)
    from .store import open_store  # imported by the commands that use a store, not by `--version`

    # `--db ""` is passed on (open_store refuses it), never replaced by the default store
    return open_store(settings.db_location if db is None else db, readonly=readonly, create=create)


def new_store_file(ctx: click.Context, db: str | None = None, *, announce: bool = True) -> Path | None:
    """The SQLite file a writing command is about to create (said on stderr), or None when the
    store already exists (or is PostgreSQL, or in memory); a chosen path in a missing folder is refused.

    A writer that ends up storing nothing (every input failed, the network was down) removes
    the file it created with `discard_store_file`, so a first try that went wrong leaves no
    empty store behind to puzzle the user (or to be mistaken for a real, empty record).
    Such a writer passes `announce=False` and calls `announce_new_store` when the first
    session is stored: a note about a store that is then removed again would mislead.
    """
    settings = settings_of(ctx)
    location = settings.db_location if db is None else db
    # a path they gave (--db, FORUMLENS_DB, the config file) is checked; only the default
    # location's folder is made (a fresh machine)
    path = new_store_target(location, chosen=db is not None or settings.values.get("db") is not None)
    if path is not None and announce:
        announce_new_store(path)
    return path


def new_store_target(location: str, *, chosen: bool = True, flag: str | None = None) -> Path | None:
    """The SQLite file at `location` that opening it would create, or None when it exists (or is
    PostgreSQL, or in memory). A store is never created silently: a `chosen` path (one the user
    typed; `flag` names where) whose folder is missing is most likely a typo, refused before
    anything is created."""
    if not location or location == ":memory:" or location.startswith(("postgresql://", "postgres://")):
        return None
    path = Path(location)
    if path.exists():
        return None
    if chosen and not path.parent.is_dir():
        raise ForumlensError(
            f"no folder {path.parent} for a new store",
            source=str(path),
            hint=f"check the path{f' given to {flag}' if flag else ''}, or create the folder first: "
            f"mkdir -p {shlex.quote(str(path.parent))}",
        )
    return path


def announce_new_store(path: Path, *, below_bar: bool = False) -> None:
    """Say on stderr where a new SQLite store is being created (`new_store_file`); `below_bar`
    starts a new line first, so the note is not glued to a progress bar drawn on the terminal."""
    click.echo(f"{chr(10) if below_bar else ''}note: creating a new store at {path}", err=True)


def missing_path_hint(path: str) -> str:
    """What to do about a path named on the command line that does not exist: the nearest name in
    its folder when one is close ("exmaples" for examples), else where to look. "File not found
    (it may have been moved or deleted)" fits a file that vanished mid-run, not a typo."""
    import difflib

    given = Path(path)
    folder = given.parent
    if not folder.is_dir():
        return f"no folder {folder} either: check the path"
    try:
        names = sorted(entry.name for entry in folder.iterdir() if not entry.name.startswith("."))
    except OSError:
        names = []
    close = difflib.get_close_matches(given.name, names, n=1, cutoff=0.75)
    if close:
        nearest = folder / close[0]
        return f"did you mean {nearest}{'/' if nearest.is_dir() else ''}?"
    return f"nothing of that name in {folder if str(folder) != '.' else 'this folder'}: check the path"


def discard_store_file(path: Path) -> None:
    """Remove a SQLite store this run created, with its WAL and journal files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def db_option(func: Any) -> Any:
    """Every command accepts --db too (DESIGN.md), not only the group."""
    return click.option(
        "--db",
        "db",
        default=None,
        metavar="PATH_OR_URL",
        help="SQLite file or postgresql:// URL (default: $FORUMLENS_DB or the user data dir).",
    )(func)


def _in_existing_folder(value: Path, cannot: str, missing: str, missing_hint: str, file_hint: str) -> Path:
    """`value`, whose folder must exist and be a folder (`out_file`, `out_folder`): else the
    one-line error "`cannot`: …" naming the path and the fix. `missing` and `missing_hint`
    may name the folder as `{folder}` (shell-quoted in the hint)."""
    folder = value.expanduser().parent
    if not folder.exists():
        raise ForumlensError(
            f"{cannot}: {missing.format(folder=folder)}",
            source=str(value),
            hint=missing_hint.format(folder=shlex.quote(str(folder))),
        )
    if not folder.is_dir():
        raise ForumlensError(f"{cannot}: {folder} is a file, not a folder", source=str(value), hint=file_hint)
    return value


def out_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A `-o FILE` checked before the work starts: its folder must exist and be a folder, so a
    typo in the path fails at once with the path named, not after the whole analysis has run.
    (Permissions are left to the write, which names the file too.)"""
    if value is None:
        return None
    return _in_existing_folder(
        value,
        "cannot write the file",
        "the folder {folder} does not exist",
        "check that its folder exists (mkdir -p {folder} creates it), or give -o a path in an existing folder",
        "give -o a path in an existing folder",
    )


def out_folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A folder a command writes into (`export -o DIR`, `publish DIR`), checked before the work
    starts: it may be new, but the folder it goes in must exist, as for `-o FILE` (`out_file`),
    `--db` and `backup`, so a typo in its path fails with the path named instead of silently
    making a tree of folders (`mkdir -p` was how a mistyped `exprot/2025/q` was made)."""
    if value is None:
        return None
    return _in_existing_folder(
        value,
        "cannot write into the folder",
        "{folder} does not exist",
        "check the path, or create its folder first: mkdir -p {folder}",
        "give another path",
    )


def read_input(path: Path | str, hint: str | None = None, *, folder_hint: str | None = None) -> bytes:
    """The bytes of a file a command reads (report, tag, parse), or one-line error that names the file and says
    what is wrong in words ingest uses too: "file not found", "is a folder", "permission denied".
    `hint` is what to do about a file that cannot be read, `folder_hint` about a folder (`tag`'s
    hint, "tag words with --text", said nothing to someone who named a folder)."""
    file = Path(path)
    try:
        return file.read_bytes()
    except FileNotFoundError as exc:
        raise ForumlensError("file not found (it may have been moved or deleted)", source=str(path), hint=hint) from exc
    except IsADirectoryError as exc:
        raise ForumlensError(
            "is a folder, not a file",
            source=str(path),
            hint=folder_hint or "give one file, or `forumlens ingest FOLDER`",
        ) from exc
    except PermissionError as exc:
        raise ForumlensError("permission denied: cannot read the file", source=str(path), hint=hint) from exc
    except OSError as exc:
        raise ForumlensError(f"cannot read the file: {exc.strerror or exc}", source=str(path), hint=hint) from exc


_EXTRA_HINT = re.compile(r"pip install '?forumlens\[([A-Za-z0-9_,-]+)\]'?")


def source_checkout() -> Path | None:
    """The repository this forumlens runs from (an editable install of a clone), or None for an installed wheel."""
    root = Path(__file__).resolve().parents[2]  # src/forumlens/cli_support.py → the checkout
    return root if (root / "pyproject.toml").is_file() and (root / "src" / "forumlens").is_dir() else None


def _pip_command(python: str, cwd: Path) -> str:
    """How to call the pip of the environment forumlens runs in, as the user would type it here.

    `pip` when the environment is activated (its pip is the first on PATH); else the
    interpreter's own path (relative when under the current folder, as `make demo`'s
    `.venv/bin/python`), so the extra lands where forumlens is, not in the system Python.
    """
    import shutil  # only when an error names an extra

    bindir = Path(python).parent
    on_path = shutil.which("pip")
    if on_path and Path(on_path).parent == bindir:
        return "pip"
    try:
        shown = str(Path(python).relative_to(cwd))
    except ValueError:
        shown = python
    return f"{shown} -m pip"


def for_this_install(text: str, root: Path | None, *, cwd: Path | None = None, python: str | None = None) -> str:
    """An error's `pip install 'forumlens[EXTRA]'` hint rewritten for a source checkout.

    forumlens is installed from its repository (`pip install -e .`, `make demo`), so
    `pip install 'forumlens[web]'` would look for a package of that name on the
    index and fail (or install something else); from a checkout the extra is
    `pip install -e '/path/to/checkout[web]'` with the pip of forumlens' own
    environment; the packaged form stays beside it, so the extra's name is still there
    to search for. `root` is the checkout (`source_checkout()`); None, for an installed
    package, leaves the text as it is.
    """
    if root is None or "forumlens[" not in text:
        return text
    here = cwd if cwd is not None else Path(os.getcwd())
    where = "." if here.resolve() == root.resolve() else str(root)
    pip = _pip_command(python or sys.executable, here)
    return _EXTRA_HINT.sub(
        lambda m: (
            f"{pip} install -e '{where}[{m.group(1)}]', this checkout's form of pip install 'forumlens[{m.group(1)}]'"
        ),
        text,
    )
