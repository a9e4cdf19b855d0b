"""The resolve package's shipped TOML data files, each parsed once per process.

Why: `places.toml`, `countries.toml` and `institutions.toml` feed several modules (the
registry, the venue and place-name checks of `modes`, the gazetteer of `orgs`, the
place names `selfnames` sets aside). Each used to parse its own copy, so a process
parsed `countries.toml` four times and `places.toml` three times before its first
session (tomllib is pure Python: ~10 ms for the lot; issue 19). One cached parse here
serves them all, and the command line keeps the parsed tables between runs
(`text.keep`, keyed by the file's bytes), so a warm start parses none.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from forumlens.text.keep import decoded, digest, kept

__all__ = ["shipped_bytes", "shipped_toml"]


@cache
def shipped_bytes(name: str) -> bytes:
    """The bytes of `forumlens/resolve/data/<name>` (what a derived value's key is made of)."""
    return resources.files("forumlens.resolve").joinpath("data", name).read_bytes()


@cache
def shipped_toml(name: str) -> dict[str, Any]:
    """The parsed `forumlens/resolve/data/<name>`, shared by every caller: read it, never change it."""
    data = shipped_bytes(name)
    return kept(f"resolve-{name}", digest(data), lambda: tomllib.loads(decoded(data)))
