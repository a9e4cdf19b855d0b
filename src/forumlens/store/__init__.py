"""Stores: one protocol, SQLite (embedded default) and PostgreSQL (server) back ends."""

from __future__ import annotations

from .base import SessionInfo, Store

__all__ = ["Store", "SessionInfo", "open_store"]


def open_store(location: str, *, readonly: bool = False) -> Store:
    """Open the store at a SQLite path or a postgresql:// URL, creating/migrating it."""
    if location.startswith(("postgresql://", "postgres://")):
        try:
            from .postgres import PostgresStore
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            from ..errors import ConfigError

            raise ConfigError("PostgreSQL support is not installed",
                              hint="pip install 'forumlens[postgres]'") from exc
        return PostgresStore(location)
    from .sqlite import SQLiteStore

    return SQLiteStore(location, readonly=readonly)
