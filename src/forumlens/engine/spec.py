"""`--engine` values: `local`, `dask://HOST:PORT` (a running scheduler) or `dask://local`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from ..errors import ConfigError

__all__ = ["DEFAULT_DASK_PORT", "EngineSpec", "parse_engine"]

DEFAULT_DASK_PORT = 8786  # `dask scheduler`'s own default
_FORMS = "local, dask://HOST:PORT or dask://local"


@dataclass(frozen=True)
class EngineSpec:
    """A parsed engine: `kind`, and for a scheduler its `host` and `port`."""

    kind: Literal["local", "dask-local", "dask"]
    host: str = ""
    port: int = 0

    @property
    def address(self) -> str:
        """The address Dask's client connects to (tcp://HOST:PORT)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"tcp://{host}:{self.port}"

    def __str__(self) -> str:
        if self.kind == "dask":
            return self.address
        return "dask://local" if self.kind == "dask-local" else "local"


def parse_engine(text: str) -> EngineSpec:
    """The engine `text` names; a ConfigError saying the accepted forms otherwise."""
    value = text.strip()
    if value.lower() == "local":
        return EngineSpec("local")
    if not value.lower().startswith("dask://"):
        raise ConfigError(f"unknown engine {text!r}", hint=f"use {_FORMS}")
    parts = urlsplit(value)
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ConfigError(f"engine {text!r}: only a host and port may follow dask://", hint=f"use {_FORMS}")
    try:
        host, port = parts.hostname or "", parts.port
    except ValueError as exc:
        raise ConfigError(f"engine {text!r}: {exc}", hint="the port is a number, e.g. dask://10.0.0.5:8786") from None
    if not host:
        raise ConfigError(f"engine {text!r} names no host", hint=f"use {_FORMS}")
    if host == "local" and port is None:
        return EngineSpec("dask-local")
    return EngineSpec("dask", host, port or DEFAULT_DASK_PORT)
