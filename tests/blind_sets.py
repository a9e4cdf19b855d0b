"""The blind sets being held out this round: tests never read them.

A blind set is annotated before any code runs on it and scored once by its benchmark (see the
blind protocol in BENCHMARKS.md); a test that globbed it would run code on it and, on failure,
print its text. The folders come from `bench/blind_round.py`, the one registry the benchmarks
read too, so moving to the next round is one edit there.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

RESOURCES = Path(__file__).resolve().parent / "resources"
REGISTRY = Path(__file__).resolve().parents[1] / "bench" / "blind_round.py"


def _registry() -> ModuleType:
    if "blind_round" in sys.modules:
        return sys.modules["blind_round"]
    spec = importlib.util.spec_from_file_location("blind_round", REGISTRY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["blind_round"] = module
    spec.loader.exec_module(module)
    return module


blind_round = _registry()
# The tests' resource folders held out this round (the threads corpus lives under bench/).
BLIND_FOLDERS = frozenset(folder for folder in blind_round.ALL_BLIND if folder.is_relative_to(RESOURCES))


def is_blind(path: Path) -> bool:
    """Whether `path` lies in one of this round's blind folders (or is the threads corpus's gold)."""
    resolved = path.resolve()
    threads = blind_round.blind("threads")
    return (resolved.name.startswith(threads.name + ".") and resolved.parent == threads.parent) or any(
        resolved.is_relative_to(folder) for folder in blind_round.ALL_BLIND
    )
