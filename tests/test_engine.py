"""`analyse --engine`: the same record on this machine's processes and on a real Dask cluster.

The cluster is real: a `dask scheduler` and two `dask worker` processes (one thread each)
on 127.0.0.1, started by these tests on free ports and torn down after. The sessions are
the shared transcript, the examples and the format samples, stored with --no-analysis.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.engine import EngineSpec, Outcome, in_order, open_engine, parse_engine
from forumlens.errors import ConfigError

from .conftest import CORPUS, MAIN_SESSION, ROOT
from .test_reanalyse import _rows

distributed = pytest.importorskip("distributed", reason="needs the distributed extra (in forumlens[test])")

FILES = [MAIN_SESSION, *sorted((ROOT / "examples").glob("*.txt")), *sorted((CORPUS / "formats").glob("*.txt"))]
DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    # own process group: a worker's nanny has a child process, and both go at teardown
    with log.open("wb") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tcp:// address of a scheduler with two single-thread workers (with nannies)."""
    logs = tmp_path_factory.mktemp("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    # the timeouts end the cluster by itself if this test run is killed before its teardown
    scheduler = [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    procs = [_start([*scheduler, "--idle-timeout", "300s"], logs / "s")]
    try:
        for n in (1, 2):
            worker = [str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"]
            worker += ["--death-timeout", "30s"]
            procs.append(_start(worker, logs / f"w{n}"))
        with distributed.Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the sessions without analyses (ingest --no-analysis)."""
    db = tmp_path_factory.mktemp("bare") / "bare.sqlite3"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-analysis", *map(str, FILES)])
    assert result.exit_code == 0, result.output
    assert f"{len(FILES)} ingested" in result.output
    return db


@pytest.fixture(scope="module")
def local_record(bare: Path, tmp_path_factory: pytest.TempPathFactory) -> list:
    """The record a one-process local run writes: what every engine must write."""
    db = tmp_path_factory.mktemp("local") / "local.sqlite3"
    shutil.copy(bare, db)
    result = CliRunner().invoke(cli, ["--db", str(db), "analyse", "--missing", "--engine", "local", "--workers", "1"])
    assert result.exit_code == 0 and f"analysed {len(FILES)} sessions" in result.output, result.output
    record = _rows(str(db))
    assert {kind for _sid, kind, _data in record[0]} >= {"people", "questions", "takeaways", "document"}
    return record


def _same_record(db: str, expected: list) -> None:
    """The record of `db` equals `expected`; if not, say which analyses of which sessions differ."""
    got = _rows(db)
    if got != expected:
        analyses = [{(sid, kind): data for sid, kind, data in rows} for rows in (got[0], expected[0])]
        differ = sorted(k for k in analyses[0].keys() | analyses[1].keys() if analyses[0].get(k) != analyses[1].get(k))
        tables = [i for i in range(1, len(got)) if got[i] != expected[i]]
        pytest.fail(f"record differs from the local run: analyses {differ[:8]}, other tables {tables}")


def _copy(bare: Path, tmp_path: Path) -> str:
    db = tmp_path / "s.sqlite3"
    shutil.copy(bare, db)
    return str(db)


def test_engine_names():
    assert parse_engine("local") == EngineSpec("local")
    assert parse_engine("dask://local") == EngineSpec("dask-local")
    assert parse_engine("dask://10.0.0.5:9000").address == "tcp://10.0.0.5:9000"
    assert parse_engine("dask://sched.example.org").address == "tcp://sched.example.org:8786"
    assert parse_engine("dask://[::1]:8786").address == "tcp://[::1]:8786"
    for bad, says in [("ray://h:1", "unknown engine"), ("dask://h:port", "port"), ("dask://h:1/x", "only a host")]:
        with pytest.raises(ConfigError, match=says):
            parse_engine(bad)


def test_results_are_released_in_the_order_asked_for():
    keys = ["a", "b", "c", "d"]
    arrived = [Outcome("c", 3), Outcome("a", 1), Outcome("d", 4), Outcome("b", 2)]
    released: list[str] = []
    for outcome in in_order(keys, arrived):
        released.append(outcome.key)
    assert released == keys
    with pytest.raises(RuntimeError, match="no result for b"):
        list(in_order(keys, [Outcome("a", 1), Outcome("c", 3)]))


@pytest.mark.parametrize("where", ["local", "cluster"])
def test_a_failing_task_is_reported_by_key_and_the_others_kept(where, request):
    if where == "cluster":
        spec = parse_engine("dask://" + request.getfixturevalue("cluster").removeprefix("tcp://"))
    else:
        spec = parse_engine("local")
    with open_engine(spec, workers=None if where == "cluster" else 2) as engine:
        outcomes = {o.key: o for o in engine.map_unordered(int, [("one", "1"), ("bad", "x1"), ("three", "3")])}
    assert {k: o.result for k, o in outcomes.items() if o.ok} == {"one": 1, "three": 3}
    assert isinstance(outcomes["bad"].error, ValueError) and "x1" in str(outcomes["bad"].error)


def test_analyse_on_a_dask_cluster_writes_the_local_record(bare, local_record, cluster, tmp_path):
    db = _copy(bare, tmp_path)
    engine = "dask://" + cluster.removeprefix("tcp://")
    result = CliRunner().invoke(cli, ["--db", db, "analyse", "--missing", "--engine", engine])
    assert result.exit_code == 0, result.output
    assert f"analysed {len(FILES)} sessions" in result.output and f"Dask at {cluster}" in result.output
    _same_record(db, local_record)


def test_analyse_on_a_cluster_started_for_the_run_writes_the_local_record(bare, local_record, tmp_path):
    db = _copy(bare, tmp_path)
    result = CliRunner().invoke(cli, ["--db", db, "analyse", "--all", "--engine", "dask://local", "--workers", "1"])
    assert result.exit_code == 0, result.output
    _same_record(db, local_record)


def test_an_unreachable_scheduler_is_named_with_the_fix(bare, tmp_path):
    db = _copy(bare, tmp_path)
    port = _free_port()  # nothing listens there
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["--db", db, "analyse", "--missing", "--engine", f"dask://127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert f"no Dask scheduler reachable at tcp://127.0.0.1:{port}" in result.output
    assert f"dask scheduler --port {port}" in result.output
    assert time.monotonic() - started < 10  # refused at once, not after a connect timeout
    assert _rows(db)[1] == []  # nothing analysed
    crowded = CliRunner().invoke(cli, ["--db", db, "analyse", "--all", "--engine", "dask://h:1", "--workers", "2"])
    assert crowded.exit_code == 1 and "a Dask cluster has its own workers" in crowded.output


def test_without_distributed_the_error_names_the_extra(bare, tmp_path):
    db = _copy(bare, tmp_path)
    hidden = "import sys; sys.modules['distributed'] = None; from forumlens.cli import main; main(sys.argv[1:])"
    args = ["--db", db, "analyse", "--missing", "--engine", "dask://127.0.0.1:8786"]
    run = subprocess.run([sys.executable, "-c", hidden, *args], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "needs Dask's `distributed` package" in run.stderr and "forumlens[distributed]" in run.stderr


def test_a_worker_killed_mid_run_costs_nothing(bare, local_record, cluster, tmp_path):
    """SIGKILL a worker while it holds a task: Dask runs the task again on the other worker."""
    db = _copy(bare, tmp_path)
    with distributed.Client(cluster, timeout=30, set_as_default=False) as client:
        pids = client.run(os.getpid)
        engine = "dask://" + cluster.removeprefix("tcp://")
        run = subprocess.Popen(
            [sys.executable, "-m", "forumlens", "--db", db, "analyse", "--missing", "--engine", engine],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        killed = None
        deadline = time.monotonic() + 60
        while killed is None and run.poll() is None and time.monotonic() < deadline:
            busy = [worker for worker, tasks in client.processing().items() if tasks and worker in pids]
            if busy:
                killed = pids[busy[0]]
                os.kill(killed, signal.SIGKILL)
            time.sleep(0.02)
        out, err = run.communicate(timeout=120)
    assert killed is not None, "the run ended before a worker could be killed mid-task"
    assert run.returncode == 0, err.decode()
    assert f"analysed {len(FILES)} sessions" in out.decode()
    _same_record(db, local_record)
