"""Trained models shipped as package JSON: found, parsed, and a clear error when one is broken.

Three stages (the asks classifier, the question-fate model, the threads pair scorer) ship
their weights as JSON next to their code and are rebuilt by a `bench/train_*.py` script.
They share one loader so a damaged or hand-edited file always fails the same way: naming
the file, what is wrong and the command that rebuilds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, TypeVar

T = TypeVar("T")


def load_shipped(
    package: str, name: str, parse: Callable[[Mapping[str, Any]], T], *, what: str, rebuild: str
) -> T | None:
    """`parse` of `package`'s `data/<name>`, or None when no such file is shipped."""
    path = resources.files(package).joinpath("data", name)
    if not path.is_file():
        return None
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: not a valid {what} ({exc}); rebuild it with `{rebuild}`") from exc
