"""Where the batch stages run: this machine's processes, or an existing Dask cluster.

An engine maps one pure stage function (Session → analyses dict) over many inputs and
hands each result back as it finishes. It never touches the store: the caller loads
the inputs, and writes the results in the order it needs (`in_order`), so a run gives
the same record on any engine. The scheduling is the engine's own (a process pool, or
Dask's scheduler with its retries when a worker dies); forumlens adds none.

    local             processes on this machine (`--workers`)
    dask://HOST:PORT  a running `dask scheduler` (needs `pip install 'forumlens[distributed]'`)
    dask://local      a Dask LocalCluster started for the run (same extra)

Importing this package imports no Dask: `open_engine` does, for a dask:// engine only.
"""

from __future__ import annotations

from .base import Engine, Outcome, describe
from .order import in_order
from .spec import EngineSpec, parse_engine

__all__ = ["Engine", "EngineSpec", "Outcome", "describe", "in_order", "open_engine", "parse_engine"]


def open_engine(spec: str | EngineSpec, *, workers: int | None = None) -> Engine:
    """The engine named by `spec` (see `parse_engine`), ready to map tasks; close it after
    (it is a context manager). `workers` sizes a local pool or a dask://local cluster."""
    parsed = parse_engine(spec) if isinstance(spec, str) else spec
    if parsed.kind == "local":
        from .local import LocalEngine

        return LocalEngine(workers or 1)
    from .dask_engine import connect

    return connect(parsed, workers=workers)
