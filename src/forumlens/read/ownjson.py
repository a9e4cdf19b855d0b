"""JSON forumlens wrote itself (`parse --json`, `report --json`, `threads --json`, `search
--json`, `brief --json`): refused as input, with a reason.

A report's JSON holds every turn's text, label and speaker, and its people, quotes and
takeaways quote the speakers again, so a JSON export reader would read it as a transcript of
itself (seventeen "turns" from one report). It is no transcript: the reader names what the file
is and what to give instead. Told by the shape of the contracts in DESIGN.md (the fields they
promise never to rename), never by the file's name: a top-level object whose `turns` are
objects with `line`, `kind` and `text` (a parse or report), whose `threads` hold `items`, whose
`hits` carry a `snippet`, or whose `bullets` carry `citations`. A recogniser's or a
conference tool's JSON has none of these shapes.
"""

from __future__ import annotations

from typing import Any

__all__ = ["forumlens_output"]

_LEAST_KEYS = {"turns", "threads", "hits", "bullets"}
# (top-level key, the fields each of its objects holds, what the file is)
_CONTRACTS = (
    ("turns", {"line", "kind", "text"}, "parse --json"),
    ("threads", {"kind", "status", "items"}, "threads --json"),
    ("hits", {"session", "line", "snippet"}, "search --json"),
    ("bullets", {"text", "citations"}, "brief --json"),
)
_REPORT_KEYS = {"people", "takeaways", "questions", "asks", "segments", "coalitions", "tags"}


def forumlens_output(text: str) -> str | None:
    """The command whose JSON output `text` is (`report --json`, `parse --json`, …), or None
    for any other text (the common case is told by its first character)."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head != "{" or not any(f'"{key}"' in text for key in _LEAST_KEYS):
        return None
    import json  # only for a file that opens with `{` and names a contract's key

    try:
        tree: Any = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(tree, dict):
        return None
    for key, fields, command in _CONTRACTS:
        items = tree.get(key)
        if not isinstance(items, list) or not items:
            continue
        if all(isinstance(item, dict) and fields <= item.keys() for item in items):
            if key == "turns" and _REPORT_KEYS & tree.keys():
                return "report --json"
            return command
    return None
