"""A throwaway PostgreSQL cluster on loopback, for the tests and the store benchmark.

The PostgreSQL store is tested against a real server, not a mock: this module runs
`initdb` and `pg_ctl` (the PostgreSQL 15 binaries on these machines) in a temporary
folder, listening on 127.0.0.1 only, with no Unix socket and `trust` authentication
(nothing else can reach it), and durability switched off since the data is thrown away.

`initdb` refuses to run as root, and tests and CI run as root, so when we are root the
server runs as the unprivileged user `nobody` through `runuser`, in a folder we hand over
to that user. Missing binaries raise `ClusterUnavailable`; the test fixture turns that
into a failure, never a skip, so a machine without PostgreSQL cannot pass by accident.

    with TempCluster() as cluster:
        url = cluster.create_database("t1")   # postgresql://forumlens@127.0.0.1:PORT/t1
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

__all__ = ["ClusterUnavailable", "TempCluster", "find_binaries"]

SEARCH_DIRS = (
    "/usr/local/bin",
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
    "/usr/pgsql-15/bin",
)
SUPERUSER = "forumlens"
RUN_AS = "nobody"
# Stops the cluster if the process that started it dies without stopping it (a test run
# killed by a timeout): polls the parent, then runs the stop command and removes the folder.
_WATCHDOG = """
import os, shutil, subprocess, sys, time
parent, root, stop = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
while os.path.isdir(root):
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        subprocess.run(stop, capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)
        break
    time.sleep(1)
"""


class ClusterUnavailable(RuntimeError):
    """The PostgreSQL server binaries are missing or the cluster would not start."""


def find_binaries() -> tuple[Path, Path]:
    """Paths of `initdb` and `pg_ctl`: PATH first, then the usual package folders."""
    found: dict[str, Path] = {}
    for name in ("initdb", "pg_ctl"):
        on_path = shutil.which(name)
        candidates = [Path(on_path)] if on_path else []
        candidates += [Path(d) / name for d in SEARCH_DIRS]
        for candidate in candidates:
            if candidate.is_file() and os.access(candidate, os.X_OK):
                found[name] = candidate
                break
        else:
            raise ClusterUnavailable(
                f"PostgreSQL server binary {name!r} not found on PATH or in {', '.join(SEARCH_DIRS)}; "
                "install the server (Debian: apt-get install postgresql-15)"
            )
    return found["initdb"], found["pg_ctl"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class TempCluster:
    """Start a private cluster on `start()` (or `with`), remove every trace on `stop()`."""

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = find_binaries()
        self.root: Path | None = None
        self.port = 0
        self._running = False
        self._as_root = os.geteuid() == 0

    # -- running the server binaries as an unprivileged user -------------------------
    def _run(self, *args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(a) for a in args]
        if self._as_root:
            command = ["runuser", "-u", RUN_AS, "--", *command]
        assert self.root is not None
        return subprocess.run(
            command,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "LC_ALL": "C", "TZ": "UTC"},
        )

    def _hand_over(self, path: Path) -> None:
        if self._as_root:
            user = pwd.getpwnam(RUN_AS)
            os.chown(path, user.pw_uid, user.pw_gid)

    def start(self) -> Self:
        self.root = Path(tempfile.mkdtemp(prefix="forumlens-pg-"))
        self._hand_over(self.root)
        data = self.root / "data"
        done = self._run(
            self.initdb, "-D", data, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"
        )
        if done.returncode:
            self.stop()
            raise ClusterUnavailable(f"initdb failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
        last_error = ""
        for _attempt in range(5):  # a free port can be taken between probing and binding
            self.port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories='' "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            )
            done = self._run(
                self.pg_ctl, "-D", data, "-l", self.root / "server.log", "-o", options, "-w", "-t", "60", "start"
            )
            if done.returncode == 0:
                self._running = True
                self._start_watchdog(data)
                return self
            last_error = done.stderr.strip() + "\n" + self.log_tail()
        self.stop()
        raise ClusterUnavailable(f"pg_ctl could not start the cluster: {last_error[-2000:]}")

    def _start_watchdog(self, data: Path) -> None:
        stop = [str(self.pg_ctl), "-D", str(data), "-m", "immediate", "-w", "stop"]
        if self._as_root:
            stop = ["runuser", "-u", RUN_AS, "--", *stop]
        subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(self.root), *stop],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            cwd=self.root,
        )

    def log_tail(self, chars: int = 2000) -> str:
        log = self.root / "server.log" if self.root else None
        return log.read_text(errors="replace")[-chars:] if log and log.exists() else ""

    def stop(self) -> None:
        """Stop the server (immediate shutdown: the data is thrown away) and delete its folder; safe twice."""
        if self.root is None:
            return
        if self._running:
            self._run(self.pg_ctl, "-D", self.root / "data", "-m", "immediate", "-w", "-t", "60", "stop")
            self._running = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    # -- databases -------------------------------------------------------------------
    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        self.admin(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        deadline = time.monotonic() + 10
        while True:
            try:
                self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
