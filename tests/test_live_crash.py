"""kill -9 of `forumlens live` at any moment, then a restart with the same SOURCE, resumes:
nothing lost, nothing doubled — on SQLite and on the real PostgreSQL server.

The caption file grows between runs, as it would while the follower is down. Each run is
a real `forumlens live` process killed with SIGKILL at a random moment (while it starts,
reads, writes turns, or runs the live analysis). After every kill the store must pass its
own check, hold one session only, and hold a prefix of the final turns with their final
line numbers; the last runs finalise (and are killed during finalisation too, until one
completes), after which the session is exactly what `ingest` stores and a later `ingest`
of the finished file finds it.

Kill count per store: FORUMLENS_LIVE_KILLS (default 10).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from forumlens.ingest import ingest_file
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.store import open_store

from .conftest import MAIN_SESSION, ROOT

pytestmark = pytest.mark.crash
KILLS = int(os.environ.get("FORUMLENS_LIVE_KILLS", "10"))


def _turns(data: bytes) -> list[tuple]:
    return [(t.index, t.line, t.label, t.text) for t in parse_document(read_bytes(data, "x.txt")).turns]


def _live(db: str, caption: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORUMLENS_CONFIG": "/nonexistent"}
    return subprocess.Popen(
        [sys.executable, "-m", "forumlens", "--db", db, "live", str(caption), "--interval", "0.05", *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _check(db: str, written: bytes) -> int:
    """The store is consistent and holds a prefix of the final turns; returns how many turns it holds."""
    store = open_store(db)
    try:
        assert store.check() == []
        ids = store.session_ids()
        if not ids:
            return 0
        assert len(ids) == 1, f"duplicate sessions: {ids}"
        stored = [(t.index, t.line, t.label, t.text) for t in store.load_session(ids[0]).turns]
        expected = _turns(written)
        assert [t[0] for t in stored] == list(range(len(stored))), "turn indexes doubled or missing"
        assert stored[:-1] == expected[: max(0, len(stored) - 1)], "a stored turn differs from the final text"
        if stored:  # the last may be shorter (still being captioned when it was stored)
            assert stored[-1][:3] == expected[len(stored) - 1][:3]
            assert expected[len(stored) - 1][3].startswith(stored[-1][3][:40])
        assert store.session_info(ids[0]).turns == len(stored)
        return len(stored)
    finally:
        store.close()


def test_kill_minus_nine_then_restart_resumes_without_loss_or_duplicates(tmp_path, store_location):
    db = store_location
    data = MAIN_SESSION.read_bytes()
    caption = tmp_path / "captions.txt"
    rng = random.Random(int(os.environ.get("FORUMLENS_CRASH_SEED", "18")))
    cuts = sorted(rng.sample(range(2_000, len(data) - 2_000), KILLS))
    caption.write_bytes(data[: cuts[0]])
    progressed = 0
    before = 0
    for i in range(KILLS):
        proc = _live(db, caption, "--no-finalise", "--analyse-every", "0.3")
        time.sleep(rng.uniform(0.3, 2.5))
        if i + 1 < KILLS:  # the file grows while the follower runs (and while it is down)
            with caption.open("ab") as handle:
                handle.write(data[cuts[i] : cuts[i + 1]])
        time.sleep(rng.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _check(db, caption.read_bytes())
        progressed += now > before
        before = now
    assert progressed >= KILLS // 3, "the kills never landed after the follower had stored anything"

    with caption.open("ab") as handle:
        handle.write(data[cuts[-1] :])
    finished = False
    for _attempt in range(KILLS + 5):  # kill during finalisation too, until a run completes
        proc = _live(db, caption, "--idle-exit", "0.3")
        try:
            proc.wait(timeout=rng.uniform(0.5, 4.0))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            _check(db, caption.read_bytes())
            continue
        assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else ""
        finished = True
        break
    if not finished:  # every attempt was killed: let the last one run to its end
        proc = _live(db, caption, "--idle-exit", "0.3")
        assert proc.wait(timeout=120) == 0
    assert _check(db, data) == len(_turns(data))

    store = open_store(db)
    try:
        (sid,) = store.session_ids()
        info = store.live_info(sid)
        assert info is not None and info.state == "finished"
        assert store.analysis(sid, "people")
        again = ingest_file(store, caption)
        assert again.status == "skipped" and again.session == sid
        assert store.session_ids() == [sid]
    finally:
        store.close()
