"""`forumlens serve`: the portal and JSON API over a store (needs the `web` extra).

The web stack is imported only when the command runs, so the default install stays
light and `forumlens --help` works without it; without the extra the command says
exactly what to install.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ..cli_support import db_option, discard_store_file, new_store_file, settings_of
from ..errors import ConfigError

__all__ = ["COMMANDS", "serve"]


def _web_stack() -> tuple[object, object]:
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        raise ConfigError(
            f"the web portal needs extra packages ({exc.name} is missing)", hint="pip install 'forumlens[web]'"
        ) from exc
    return uvicorn, create_app


def _check_address(host: str, port: int) -> int:
    """Refuse an address the server could not listen on, before announcing it; return the port
    to announce and listen on.

    uvicorn reports a taken port only after our "portal on http://…" line, as a log
    line of its own and exit status 3; a first-time user then reads both, and the
    portal that answers is the other process's. `--port 0` asks for any free port: the
    one the system gives the probe is the one announced and served, never "…:0/",
    which no browser can open.
    """
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ConfigError(
            f"cannot listen on {host!r}: {exc.strerror}",
            hint="give an address of this machine: 127.0.0.1, or 0.0.0.0 for all",
        ) from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ConfigError(
                    f"port {port} on {host} is already in use, perhaps by another `forumlens serve`",
                    hint="stop that process, or choose another port with --port",
                ) from None
            raise ConfigError(
                f"cannot listen on {host}:{port}: {exc.strerror}",
                hint="ports below 1024 need root; choose another --port or --host",
            ) from None
        return int(probe.getsockname()[1])


def _note_empty_portal(ctx: click.Context, db: str | None, location: str) -> Path | None:
    """A new store is said (`new_store_file`, as every store-creating command does; a chosen path
    in a missing folder is refused), with what fills it, so a typo in --db is not mistaken for an
    empty record. Returns the new SQLite file, for `_discard_if_unused` when the server stops."""
    created = new_store_file(ctx, db)
    if created is not None:
        click.echo(
            f"note: the portal starts empty (`forumlens --db {location} ingest FILES` fills it; "
            "check --db if you meant another store)",
            err=True,
        )
    return created


def _discard_if_unused(created: Path | None, location: str) -> None:
    """Remove the store this server created when nothing was stored in it while it ran.

    Why: `serve --db igf.sqlit3` (a typo) created an empty store that stayed after Ctrl-C, and
    the next reading command then found "a store" there; `ingest` and `live` already remove a
    store they created and left empty. An upload through the portal keeps it.
    """
    if created is None or not created.exists():
        return
    from ..store import open_store

    try:
        store = open_store(location, readonly=True)
        try:
            unused = not any(store.counts().values()) and not store.subscribers()
        finally:
            store.close()
    except Exception:  # an unreadable store is left as it is, for `forumlens check` to name
        return
    if unused:
        discard_store_file(created)
        click.echo(f"note: nothing was stored, so the new store at {created} was removed", err=True)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for all).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes, one per core for many readers (they share a response cache).",
)
@db_option
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, workers: int, db: str | None) -> None:
    """Run the portal (pages) and the JSON API under /api/.

    Reading is public; uploads and other writes need FORUMLENS_ADMIN_TOKEN.
    Interactive API docs are at /api/docs, the OpenAPI document at /openapi.json.

    Pages and API answers are cached until the store changes (setting
    portal_cache_mb), so an ingest elsewhere shows on the next request.

    \b
    Examples:
      forumlens serve --port 8000 --db igf.sqlite3
      forumlens serve --host 0.0.0.0 --workers 2 --db postgresql://user@host/igf
    """
    uvicorn, create_app = _web_stack()
    settings = settings_of(ctx)
    location = db or settings.db_location
    port = _check_address(host, port)
    created = _note_empty_portal(ctx, db, location)
    try:
        with _terminate_as_exit():
            _run(uvicorn, create_app, location, settings, host, port, workers)
    finally:
        _discard_if_unused(created, location)


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM (`kill`, a service manager's stop) ends the server as Ctrl-C does: cleanly, with the
    `finally` above run.

    Why: uvicorn shuts down gracefully on SIGTERM and then raises the signal again under the
    handler it found; the default one kills the process at once, so an unused store the server
    created stayed behind (stop 43's walk), where Ctrl-C removed it.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # leave as Ctrl-C does (a SystemExit here made a native thread abort the exit)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(
    uvicorn: object, create_app: object, location: str, settings: object, host: str, port: int, workers: int
) -> None:
    app = create_app(location, settings)  # type: ignore[operator]
    click.echo(f"forumlens portal on http://{host}:{port}/ (store: {location}); Ctrl-C to stop", err=True)
    if workers > 1:
        import os
        import shutil
        import tempfile

        from ..web.cache_shared import SHARED_DIR_ENV

        os.environ["FORUMLENS_DB"] = location
        shared = tempfile.mkdtemp(prefix="forumlens-portal-")  # the workers' shared response cache
        os.environ[SHARED_DIR_ENV] = shared
        try:
            uvicorn.run(  # type: ignore[attr-defined]
                "forumlens.web.app:app_from_environment",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                log_level="warning",
                access_log=False,
            )
        finally:
            shutil.rmtree(shared, ignore_errors=True)
    else:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)  # type: ignore[attr-defined]


COMMANDS = [serve]
