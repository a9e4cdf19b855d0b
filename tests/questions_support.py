"""The question-fate rules alone, for tests that pin what the hand-written rules decide, and
the fate model's training script as a module, for tests of its examples and figures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from forumlens.analyse.context import build_context
from forumlens.analyse.questions import find_questions
from forumlens.analyse.segments import find_segments, segment_boundaries
from forumlens.transcript.parse import parse_transcript


def rule_questions(text: str) -> list[dict]:
    """The hand-written fate rules alone (`find_questions(..., rules_only=True)`): since stop 19
    the question-fate model may overturn an "answered" of theirs, and on the tiny sessions of
    the tests that call this it does (a moderator's own reply, a relayed question answered after
    the relay; see tests/test_questions_model.py and the stop-19 report)."""
    ctx = build_context(parse_transcript(text), mentions=[])
    return [q.to_json() for q in find_questions(ctx, segment_boundaries(ctx, find_segments(ctx)), rules_only=True)]


def statuses(text: str, with_cast: bool) -> dict[int, tuple[str, list[int]]]:
    """line → (status, answer lines) of every question of `text`, the whole question pipeline
    (model included), with resolve's cast or without it."""
    from forumlens.resolve.cast import resolve_session

    session = parse_transcript(text)
    ctx = build_context(session, resolve_session(session) if with_cast else None, mentions=[])
    found = find_questions(ctx, segment_boundaries(ctx, find_segments(ctx)))
    return {q.line: (q.status, list(q.answer_lines)) for q in found}


def train_questions_module() -> ModuleType:
    """`bench/train_questions.py` imported as a module (with `bench/` on the path for its own imports)."""
    return bench_module("train_questions")


def bench_module(name: str) -> ModuleType:
    """`bench/<name>.py` imported as a module (with `bench/` on the path for its own imports)."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "bench"))
    spec = importlib.util.spec_from_file_location(name, root / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
