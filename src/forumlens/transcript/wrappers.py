"""A frame or cue wrapper opening every line, its payload an ordinary caption: `{75}{200}>> CHAIR: …`.

Some subtitle and caption formats write each caption on one line behind a wrapper of fields:
MicroDVD's start and end frames (`{75}{200}text`), SAMI's sync tag and paragraph class
(`<SYNC Start=2350><P Class=ENUSCC>text`), and other players' variants of the same idea. The
payload is the captioner's text with its own `>>` marks and labels, but the wrapper hides them
from the caption rules (a `>>` is only a marker at a line start).

Rather than one reader per format, the wrapper is learned from the file: each line's leading run
of brace or angle-bracket groups is written as a signature (digits as `9`, letters as `A`,
punctuation kept), and a signature that holds a number (a frame, a time, an offset), opens at
least `_LEAST` lines and most of the lines that open with such a group is the file's wrapper.
The view (`view.py`) reads that wrapper as nothing on every line that opens with it, together
with short style groups right after it (`{y:i}`), so the rules read the payload; the turns are
cut from the source again. Square brackets are never a wrapper: `[Jo Li]` is a label.
"""

from __future__ import annotations

import re
from collections import Counter

from .view import Edit

__all__ = ["wrapper_edits", "wrapper_spans"]

# One group of a wrapper: braces or angle brackets around up to 60 characters on the line.
_GROUP = r"(?:\{[^{}\n]{0,60}\}|<[^<>\n]{1,60}>)"
_WRAPPER = re.compile(rf"^[ \t]*(?:{_GROUP})+", re.MULTILINE)
_ONE = re.compile(_GROUP)
# A style group after the wrapper: short, with no space and no digit (`{y:i}`, `<i>`).
_STYLE = re.compile(r"\{[^{}\s\d]{1,12}\}|<[^<>\s\d/]{1,12}>")
_LEAST = 3
_SHARE = 0.6  # of the lines opening with a group, the share the wrapper must open


def _signature(groups: str) -> str:
    """The shape of a run of groups: digit runs as `9`, letter runs as `A`, the rest kept."""
    return re.sub(r"[^\W\d_]+", "A", re.sub(r"\d+", "9", groups))


def _learned(runs: list[re.Match[str]]) -> list[str] | None:
    """The group signatures of the file's wrapper (the leading groups most lines share), or None."""
    counts: Counter[tuple[str, ...]] = Counter()
    for run in runs:
        groups = [_signature(g.group()) for g in _ONE.finditer(run.group())]
        for n in range(1, len(groups) + 1):  # every leading part: `{9}{9}` under `{9}{9}{A:A}`
            counts[tuple(groups[:n])] += 1
    best = [g for g, n in counts.items() if n >= _LEAST and n >= _SHARE * len(runs) and "9" in "".join(g)]
    if not best:
        return None
    widest: tuple[str, ...] = max(best, key=lambda g: (len(g), counts[g]))
    return list(widest)


def wrapper_edits(text: str) -> list[Edit]:
    """Each line's learned wrapper (and the style groups right after it) read as nothing; []
    when the file has no wrapper (see the module doc)."""
    if "{" not in text and "<" not in text:
        return []  # the common case, found without a regex
    runs = list(_WRAPPER.finditer(text))
    if len(runs) < _LEAST:
        return []
    shape = _learned(runs)
    if shape is None:
        return []
    edits = []
    for run in runs:
        groups = list(_ONE.finditer(run.group()))
        if len(groups) < len(shape) or [_signature(g.group()) for g in groups[: len(shape)]] != shape:
            continue
        end = run.start() + groups[len(shape) - 1].end()
        while style := _STYLE.match(text, end):
            end = style.end()
        edits.append(Edit(run.start(), end, ""))
    return edits


def wrapper_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of brace or angle-bracket groups opening a line of `text` and
    holding a number (`{471}{600}`, `<SYNC Start=10400><P Class=X>`), with the style groups
    after it: inside one turn's text, where too few lines are left to learn the wrapper from,
    such a run is a frame or cue field, never speech (for the sentence splitter)."""
    spans = []
    for run in _WRAPPER.finditer(text):
        if any(ch.isdigit() for ch in run.group()):
            end = run.end()
            while style := _STYLE.match(text, end):
                end = style.end()
            spans.append((run.start(), end))
    return spans
