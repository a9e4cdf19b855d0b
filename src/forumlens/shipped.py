"""Trained models shipped as package JSON: found, parsed, and a clear error when one is broken.

Three stages (the asks classifier, the question-fate model, the threads pair scorer) ship
their weights as JSON next to their code and are rebuilt by a `bench/train_*.py` script.
They share one loader so a damaged or hand-edited file always fails the same way: naming
the file, what is wrong and the command that rebuilds it. The command line keeps each
file's parsed JSON between runs (`text.keep`, keyed by the file's bytes): `json.loads` of
the 690 kB asks model was ~16 ms of every `report`, reading it back ~2 ms (issue 19).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, TypeVar

from .text.keep import decoded, digest, kept

T = TypeVar("T")


def load_shipped(
    package: str, name: str, parse: Callable[[Mapping[str, Any]], T], *, what: str, rebuild: str
) -> T | None:
    """`parse` of `package`'s `data/<name>`, or None when no such file is shipped."""
    path = resources.files(package).joinpath("data", name)
    if not path.is_file():
        return None
    try:
        data = path.read_bytes()
        # what `json.loads(path.read_text(encoding="utf-8"))` gives, kept by the command line
        parsed = kept(f"json-{package}-{name}", digest(data), lambda: json.loads(decoded(data)))
        return parse(parsed)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: not a valid {what} ({exc}); rebuild it with `{rebuild}`") from exc
