"""The resolve package's shipped TOML data files, each parsed once per process.

Why: `places.toml`, `countries.toml` and `institutions.toml` feed several modules (the
registry, the venue and place-name checks of `modes`, the gazetteer of `orgs`, the
place names `selfnames` sets aside). Each used to parse its own copy, so a process
parsed `countries.toml` four times and `places.toml` three times before its first
session (tomllib is pure Python: ~10 ms for the lot; issue 19). One cached parse here
serves them all.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["shipped_toml"]


@cache
def shipped_toml(name: str) -> dict[str, Any]:
    """The parsed `forumlens/resolve/data/<name>`, shared by every caller: read it, never change it."""
    text = resources.files("forumlens.resolve").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)
