"""Real components for the browser tests: `forumlens serve` on loopback and headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path(os.environ.get("FORUMLENS_CHROMIUM", "/usr/bin/chromium"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db: str, log: Path) -> Iterator[str]:
    """`forumlens serve` on a free loopback port (its output in `log`), stopped by its own pid after."""
    port = free_port()
    env = {**os.environ, "FORUMLENS_CONFIG": "/nonexistent", "FORUMLENS_ADMIN_TOKEN": ""}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "forumlens", "--db", db, "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/api", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"forumlens serve did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium, the system one that `scripts/install-system-deps.sh` installs."""
    assert CHROMIUM.is_file(), (
        f"Chromium is missing at {CHROMIUM}: run `bash scripts/install-system-deps.sh` (make test does)"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        browser.close()
