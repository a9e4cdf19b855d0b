"""Which patterns a piece of code compiles: for tests that a per-session name costs no pattern of its own."""

from __future__ import annotations

import re

import pytest


def compiled_patterns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The list every pattern `re` compiles from now on (in this test) is appended to; a pattern `re`'s cache
    already holds is not compiled again, so a test asks about patterns of names it made up."""
    compiled: list[str] = []
    compile_ = re._compiler.compile  # type: ignore[attr-defined]

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return compile_(pattern, flags)  # type: ignore[no-any-return]

    monkeypatch.setattr(re._compiler, "compile", counting)  # type: ignore[attr-defined]
    return compiled
