"""Stores: one protocol, SQLite (embedded default) and PostgreSQL (server) back ends."""

from __future__ import annotations

from .base import SessionInfo, Store

__all__ = ["SessionInfo", "Store", "check_location", "open_store", "redact"]


def redact(location: str) -> str:
    """A store location fit for messages: a URL's password replaced by ***."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(location)
    if "://" not in location or parts.password is None:
        return location
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))


def check_location(location: str) -> str:
    """The location, refused when empty: an empty `--db ""` (an unset variable expanded in
    a script) must not fall back to the default store, which the user did not name."""
    if not location.strip():
        from ..errors import ConfigError

        raise ConfigError(
            "the store location (--db) is empty",
            hint="give a SQLite file path or a postgresql:// URL, or leave --db out to use the default store",
        )
    return location


def open_store(location: str, *, readonly: bool = False, create: bool = True) -> Store:
    """Open the store at a SQLite path or a postgresql:// URL, migrating it.

    Only a writer that may start a new store creates one (`create` and not `readonly`);
    otherwise a missing store is a `NotFound` that says which command creates it, so a
    typo in --db never leaves an empty store behind. An empty location is refused
    (`check_location`).
    """
    check_location(location)
    if location.startswith(("postgresql://", "postgres://")):
        try:
            from .postgres import PostgresStore
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            from ..errors import ConfigError

            raise ConfigError("PostgreSQL support is not installed", hint="pip install 'forumlens[postgres]'") from exc
        return PostgresStore(location, readonly=readonly, create=create)
    from .sqlite import SQLiteStore

    return SQLiteStore(location, readonly=readonly, create=create)
