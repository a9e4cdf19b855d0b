"""The `forumlens tag --scheme S --jsonl` contract: {"id","text"} lines in, tag lines out.

A generator over lines so the CLI can stream stdin to stdout with constant memory. A bad
line stops the stream with an `InputError` naming the line number: silently skipping it
would make an evaluation's row count drift without anyone noticing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from forumlens.errors import InputError
from forumlens.tag.tagger import THRESHOLD, score_text
from forumlens.tag.taxonomy import load_taxonomy

__all__ = ["tag_jsonl", "tag_record"]


def tag_record(record: dict[str, Any], scheme: str, *, threshold: float = THRESHOLD) -> dict[str, Any]:
    """Tag one `{"id", "text"[, "year"]}` record: codes at or above threshold, all scores."""
    scores = score_text(record["text"], scheme, year=record.get("year"))
    codes = sorted((c for c, s in scores.items() if s >= threshold), key=lambda c: -scores[c])
    return {"id": record.get("id"), "codes": codes, "scores": {c: round(s, 4) for c, s in scores.items()}}


def tag_jsonl(
    lines: Iterable[str], scheme: str, *, threshold: float = THRESHOLD, source: str = "<stdin>"
) -> Iterator[dict[str, Any]]:
    """Yield one output record per non-blank input line; raise `InputError` at a bad line.

    >>> next(tag_jsonl(['{"id": 1, "text": "Malaria and tuberculosis kill children."}'], "sdg"))["codes"]
    ['SDG3']
    """
    load_taxonomy(scheme)  # an unknown scheme fails before any input is read
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"line is not JSON ({exc.msg})", source=source, line=number, hint='expected {"id": ..., "text": ...}'
            ) from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(
                'line has no string "text" field', source=source, line=number, hint='expected {"id": ..., "text": ...}'
            )
        yield tag_record(record, scheme, threshold=threshold)
