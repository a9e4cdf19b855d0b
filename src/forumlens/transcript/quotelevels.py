"""Turns of a quoting reply: each quote level is an earlier writer's voice, named by its attribution.

A newsgroup or mailing-list follow-up quotes the message it answers behind `> `, and that
message's own quotes behind `>> ` (or `> >`), each level introduced by an attribution line just
above it (`Jo Li <jo@x.org> wrote in message …`, `> Ann Bo wrote:`). The quoted lines are not
the poster's speech: they are the earlier writers' turns, in the order the reply shows them.

Told by shape, not by the words of one client's attribution: the *attribution* of level L+1
is the line at level L right above a level L+1 line (no blank between); its opening words, up
to the first lower-case word or address, name the writer. Level 0 is the poster, named by the
first header field above the first quote whose value is a name (`mailblocks.name_value`).
Each run of lines at one level is a turn of that level's writer (an attribution line is none,
a bare `>` line keeps its level's turn going). A quote whose lines carry labels of their own
(`> CHAIR: Welcome`, `> >> JO LI:`) is a quote of captions: its labels name the speakers, and
the rules read it through the quote view (`quoted.py`), so this reader declines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .exportmarks import ExportMarks, Mark, voice_changes
from .mailblocks import field_name

__all__ = ["quote_turns", "read_quote_levels"]

_LEAST = 3  # turns
_LABELLED_LINES = 2  # quoted lines opening with a label of their own: the quote names its speakers
# A quote prefix: `>` per level, each may follow the quoted writer's initials (` IK> `, the
# FidoNet and Supercite style).
_PREFIX = re.compile(r"[ \t]*(?:[^\W\d_]{0,3}>[ \t]?)+")
# A quoted line that names its own speaker: a caption marker or a label and its colon (`CHAIR: Welcome`).
_LABEL = re.compile(r"(?:>>|[^\W\d_][\w.'’ -]{0,40}:)[ \t]+\S")
# The writer an attribution opens with: capitalised words, up to a lower-case word or an address.
_WRITER = re.compile(r"(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4})")
# …or, past a date, the capitalised run a lower-case word follows (`Thursday November 15 2007
# 18:22, Ildar Khairetdinov wrote to All:`, `On Mon, 3 Mar 2008, Jo Li <jo@x.org> wrote:`).
_RUN = re.compile(r"(?:^|[\s,;])(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4})[ \t]+[a-z]")
_SET_ASIDE = re.compile(r"<[^>]*>|\[[^\]]*\]|\S+@\S+|[\"“”]")


def _level(line: str) -> tuple[int, int]:
    """A line's quote level (the `>` in its prefix) and where its text starts."""
    prefix = _PREFIX.match(line)
    if prefix is None or not prefix.group().strip():
        return 0, 0
    return prefix.group().count(">"), prefix.end()


def _writer(line: str) -> str | None:
    """The writer an attribution line names (`Jo Li <jo@x.org> wrote …` → `Jo Li`), or None."""
    run = _RUN.search(" ".join(_SET_ASIDE.sub(" ", line).split()))
    if run is not None:
        return run.group("name").strip()
    found = _WRITER.match(line)
    if found is None or not found.group("name")[0].isupper():
        return None
    return found.group("name").strip()


def _labelled(lines: list[str], levels: list[tuple[int, int]], attributions: set[int]) -> int:
    """How many quoted lines (not attributions) open with a label of their own."""
    return sum(
        1
        for i, (level, at) in enumerate(levels)
        if level and i not in attributions and _LABEL.match(lines[i], at) is not None
    )


def read_quote_levels(text: str) -> ExportMarks | None:
    """The turns of a quoting reply (see the module doc), as an export's marks; None when the
    file quotes no attributed message."""
    if ">" not in text:  # cheap: most files quote nothing
        return None
    lines = text.split("\n")
    levels = [_level(line) for line in lines]
    attributions = _attributions(lines, levels)
    if not attributions or _labelled(lines, levels, attributions) >= _LABELLED_LINES:
        return None  # no quote, or a quote of captions: their labels name the speakers (`quoted.py`)
    first = min(attributions)
    poster = next((n for line in lines[:first] if (n := field_name(line)) is not None), None)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    marks = _level_marks(
        lines, levels, starts, attributions, first, poster, lambda i: _writer(lines[i][levels[i][1] :])
    )
    if len(marks) < _LEAST or len({m.label for m in marks}) < 2:
        return None
    return ExportMarks(marks, marks[0].at)


def quote_turns(
    lines: list[str], starts: list[int], poster: str | None, writer: Callable[[int, str], str | None] | None = None
) -> tuple[Mark, ...]:
    """The turns of one message's body (`lines`, each starting at `starts[i]` of the text) by
    its quote levels: level 0 the `poster`'s, each quoted level its attribution's writer
    (`writer(i, text)`: the name line `i`'s attribution text gives, else the opening words as
    here). A body quoting captions (labels on its quoted lines) is the poster's alone."""
    levels = [_level(line) for line in lines]
    attributions = _attributions(lines, levels)
    if _labelled(lines, levels, attributions) >= _LABELLED_LINES:
        attributions = set()

    def named(i: int) -> str | None:
        said = lines[i][levels[i][1] :]
        return (writer(i, said) if writer is not None else None) or _writer(said)

    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    return _level_marks(lines, levels, starts, attributions, first, poster, named)


def _attributions(lines: list[str], levels: list[tuple[int, int]]) -> set[int]:
    """The attribution lines: a line right above a line one quote level deeper, or a line ending
    in a colon above a blank line and a deeper line."""
    attributions = set()
    for i in range(len(lines) - 1):
        (here, at), (below, _) = levels[i], levels[i + 1]
        if below == here + 1 and lines[i][at:].strip() and lines[i + 1].strip():
            attributions.add(i)
        elif (
            i + 2 < len(lines)
            and lines[i][at:].rstrip().endswith(":")
            and not lines[i + 1].strip()
            and levels[i + 2][0] == here + 1
            and lines[i + 2].strip()
        ):
            attributions.add(i)  # `…, Jo Li wrote to All:`, a blank line, then the quote
    return attributions


def _level_marks(
    lines: list[str],
    levels: list[tuple[int, int]],
    starts: list[int],
    attributions: set[int],
    first: int,
    poster: str | None,
    named: Callable[[int], str | None],
) -> tuple[Mark, ...]:
    """A mark where the quote level changes, from line `first` on, each labelled by its level's
    writer (level 0 the `poster`; level L+1 the name an attribution at level L gives)."""
    writers: dict[int, str | None] = {0: poster}
    marks = []
    current = -1
    for i in range(first, len(lines)):
        level, at = levels[i]
        if i in attributions:
            writers[level + 1] = named(i)
            current = -1
            continue
        if not lines[i][at:].strip():
            if level == 0:
                current = -1  # a blank line ends the poster's paragraph run, not a quote level's
            continue
        if level != current:
            marks.append(Mark(starts[i], starts[i] + at, writers.get(level)))
            current = level
    return voice_changes(marks)
