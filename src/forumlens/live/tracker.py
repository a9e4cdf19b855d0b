"""Turns of a transcript that only grows: parse the new tail, not the whole text. Pure.

Why this is exact: a caption file is only ever appended to, so a turn that already has
a next marker after it can no longer change, and neither can its line numbers. Only the
turns that start on the line of the last turn (usually just the last turn, which is
still being captioned) are parsed again, with the ingest parser (`parse_transcript`) on
the text from the start of that line; their lines and offsets are shifted back to the
whole text. So an update costs the size of the last turn, not of the session, and a turn
that grows keeps its index (it is replaced in place, never added twice).

The one rule the tail cannot see is the parser's memory of labels written with a colon
elsewhere in the session, used for a marker without a colon; finalisation parses the
whole text once more with `ingest`'s pipeline and replaces every turn, so the finished
session is exactly what `ingest` would store.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, replace

from ..models import Turn
from ..transcript.parse import find_title, guess_year, parse_transcript
from ..transcript.speakers import name_key

__all__ = ["TurnChanges", "TurnTracker"]


@dataclass(frozen=True)
class TurnChanges:
    """The turns from `first` on, as they are now (`turns`), after some text arrived."""

    first: int
    turns: tuple[Turn, ...]
    total: int
    labels: frozenset[str] = frozenset()  # labels whose turn count may have changed

    def __bool__(self) -> bool:
        return bool(self.turns) or self.first < self.total


class TurnTracker:
    """The text so far, its line starts, its turns and running totals."""

    def __init__(self, source: str = "") -> None:
        self.source = source
        self.text = ""
        self.turns: list[Turn] = []
        self.title = ""
        self.year: int | None = None
        self._line_starts = [0]
        self._words: list[int] = []  # words of each turn (0 for notes)
        self.word_count = 0
        self.labels: Counter[str] = Counter()  # speech turns per label
        self.label_speaker: dict[str, str | None] = {}
        self.speaker_keys: Counter[str] = Counter()

    # -- feeding ---------------------------------------------------------------------------
    def append(self, piece: str) -> TurnChanges:
        """Text appended to the source: the turns that are new or changed."""
        if not piece:
            return TurnChanges(len(self.turns), (), len(self.turns))
        base = len(self.text)
        self.text += piece
        at = piece.find("\n")
        while at != -1:
            self._line_starts.append(base + at + 1)
            at = piece.find("\n", at + 1)
        return self._reparse()

    def reset(self, text: str) -> TurnChanges:
        """The whole text anew (a rewritten source, or the first read after a restart)."""
        self.text = ""
        self.turns = []
        self._line_starts = [0]
        self._words = []
        self.word_count = 0
        self.labels.clear()
        self.label_speaker.clear()
        self.speaker_keys.clear()
        changes = self.append(text)
        return TurnChanges(0, tuple(self.turns), len(self.turns), changes.labels)

    # -- inside ------------------------------------------------------------------------------
    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def _window(self) -> tuple[int, int]:
        """(first turn to parse again, text offset to parse from): the turns on the last turn's line."""
        if not self.turns:
            return 0, 0
        first = len(self.turns) - 1
        last_line = self.turns[-1].line
        while first > 0 and self.turns[first - 1].line == last_line:
            first -= 1
        return first, self._line_starts[last_line - 1]

    def _reparse(self) -> TurnChanges:
        first, offset = self._window()
        parsed = parse_transcript(self.text[offset:], source=self.source)
        if first == 0 and offset == 0:
            self.title, self.year = parsed.title, parsed.year
            if not parsed.turns:  # header only so far: the title is its first substantive line
                self.title = find_title(self.text[:4000])
                self.year = guess_year(self.title, self.source, self.text[:2000])
        shift_line = self._line_of(offset) - 1
        fresh = [
            replace(
                t,
                index=first + i,
                line=t.line + shift_line,
                end_line=t.end_line + shift_line,
                start=t.start + offset,
                end=t.end + offset,
            )
            for i, t in enumerate(parsed.turns)
        ]
        old = self.turns[first:]
        same = 0
        while same < min(len(old), len(fresh)) and old[same] == fresh[same]:
            same += 1
        start = first + same
        removed, added = self.turns[start:], fresh[same:]
        for turn in removed:
            self._count(turn, -1)
        self.turns[start:] = added
        for turn in added:
            self._count(turn, +1)
        labels = frozenset(t.label for t in (*removed, *added) if t.label and t.kind == "speech")
        return TurnChanges(start, tuple(added), len(self.turns), labels)

    def _count(self, turn: Turn, sign: int) -> None:
        """Keep the session totals (words, turns per label, distinct speakers) as `rows.session_rows` counts them."""
        if turn.kind != "speech":
            return
        self.word_count += sign * len(turn.text.split())
        if turn.label:
            self.labels[turn.label] += sign
            if sign > 0:
                self.label_speaker[turn.label] = self.label_speaker.get(turn.label, turn.speaker) or turn.speaker
            self.speaker_keys[name_key(turn.speaker or turn.label)] += sign

    @property
    def speaker_count(self) -> int:
        return sum(1 for count in self.speaker_keys.values() if count > 0)

    def label_rows(self, labels: set[str]) -> tuple[tuple[str, str | None, int], ...]:
        """(label, speaker, turns) of these labels now: the `speakers` rows to rewrite."""
        return tuple((label, self.label_speaker.get(label), max(0, self.labels[label])) for label in sorted(labels))
