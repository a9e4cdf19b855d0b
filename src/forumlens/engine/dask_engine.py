"""The Dask engine: tasks on an existing `distributed` cluster, or a LocalCluster for the run.

Workers get the pure stage function and one input each (a Session), and send back a
plain dict; the store stays with the caller. Dask does the scheduling: a task whose
worker dies is run again elsewhere (up to `distributed.scheduler.allowed-failures`
times, then it fails with `KilledWorker` and is reported by its key).
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from ..errors import ConfigError
from .base import Engine, Outcome, describe
from .spec import EngineSpec

__all__ = ["CONNECT_TIMEOUT", "DaskEngine", "connect"]

R = TypeVar("R")

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler and see a worker; Dask's own default (30 s) is long for a typo
EXTRA_HINT = "pip install 'forumlens[distributed]'"


def _load() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConfigError("a dask:// engine needs Dask's `distributed` package", hint=EXTRA_HINT) from None
    return distributed


def connect(spec: EngineSpec, *, workers: int | None = None, timeout: float = CONNECT_TIMEOUT) -> DaskEngine:
    """A client of the scheduler `spec` names (or of a LocalCluster of `workers` processes
    started now), checked: reachable, with a worker, that runs this forumlens version."""
    distributed = _load()
    cluster = None
    if spec.kind == "dask-local":
        count = workers or min(os.cpu_count() or 1, 4)
        cluster = distributed.LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # for this run only: not reachable from the network
            dashboard_address="127.0.0.1:0",  # no fixed port to collide with another cluster's
        )
        address = cluster.scheduler_address
    else:
        if workers is not None:
            raise ConfigError(
                "--workers sizes this machine's pool; a Dask cluster has its own workers",
                hint="drop --workers, or start more with `dask worker ADDRESS --nworkers N`",
            )
        address = spec.address
        _probe(spec, timeout)
    try:
        client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ConfigError(
            f"{address} accepts connections but no Dask scheduler answered there ({describe(exc)})",
            hint="check the port: `dask scheduler` listens on 8786 unless told otherwise",
        ) from None
    engine = DaskEngine(client, cluster, str(spec) if cluster is not None else address)
    try:
        engine.check_workers(timeout)
    except BaseException:
        engine.close()
        raise
    return engine


def _probe(spec: EngineSpec, timeout: float) -> None:
    """Fail at once, naming the address, when nothing listens there (Dask's client would
    retry until its timeout and then say only that it timed out)."""
    try:
        with socket.create_connection((spec.host, spec.port), timeout=timeout):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(
            f"no Dask scheduler reachable at {spec.address}: {reason}",
            hint=f"start one there with `dask scheduler --port {spec.port}` and workers with "
            f"`dask worker {spec.address}`, or check the host, the port and the firewall",
        ) from None


def _forumlens_version() -> str:  # runs on each worker: pickled by reference, so it needs forumlens there
    from .. import __version__

    return __version__


class DaskEngine:
    """Maps tasks over a `distributed.Client`; closes the LocalCluster it started, if any."""

    def __init__(self, client: Any, cluster: Any = None, name: str = "dask") -> None:
        self.client = client
        self.cluster = cluster
        self.name = f"Dask at {name}"

    def check_workers(self, timeout: float) -> None:
        """Every worker can run forumlens' tasks, at the version this process runs (an older
        forumlens on a worker would write a different record)."""
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise ConfigError(
                f"the Dask scheduler at {self.client.scheduler.address} has no workers",
                hint=f"start some with `dask worker {self.client.scheduler.address}`",
            ) from None
        from .. import __version__

        found = self.client.run(_forumlens_version, on_error="return")
        wrong = {
            worker: describe(v) if isinstance(v, BaseException) else f"forumlens {v}"
            for worker, v in found.items()
            if v != __version__
        }
        if wrong:
            listed = "; ".join(f"{worker}: {what}" for worker, what in sorted(wrong.items()))
            raise ConfigError(
                f"{len(wrong)} Dask worker(s) cannot run forumlens {__version__}: {listed}",
                hint=f"install the same forumlens in the workers' environment (pip install 'forumlens=={__version__}')",
            )

    @property
    def threads(self) -> int:
        return sum(self.client.nthreads().values()) or 1

    def map_unordered(self, fn: Callable[[Any], R], items: Iterable[tuple[str, Any]]) -> Iterator[Outcome[R]]:
        distributed = _load()
        run = uuid.uuid4().hex[:8]  # task keys unique on a scheduler shared with other clients
        window = max(16, 4 * self.threads)
        source = enumerate(items)
        keys: dict[str, str] = {}
        finished = distributed.as_completed(loop=self.client.loop)

        def hand_out(count: int) -> None:
            for index, (key, item) in islice(source, count):
                # earlier inputs first, so results arrive about in the order they are written
                future = self.client.submit(fn, item, key=f"forumlens-{run}-{index}", priority=-index, pure=False)
                keys[future.key] = key
                finished.add(future)

        hand_out(window)
        for future in finished:
            key = keys.pop(future.key)
            if future.status == "finished":
                outcome: Outcome[R] = Outcome(key, future.result())
            else:
                try:
                    error = future.exception()
                except BaseException as exc:  # cancelled, or lost with the scheduler
                    error = exc
                outcome = Outcome(key, None, error or RuntimeError(f"the task ended {future.status}"))
            future.release()
            yield outcome
            hand_out(window - len(keys))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
