"""What follows a question in a session, found from indexes instead of a scan of every later turn.

Why: the fate features ask of each question which later turns are by other speakers
(`questionfeatures.following_turns`), whether a turn after the exchange repeats the question's
words ("overlap:later"), whether a later turn names its asker ("aside:taken-up") and whether
its addressee speaks again ("addr:never-again"). Scanned turn by turn, a long session pays
questions x later turns (issue 19: about a quarter of the question stage at 1,249 turns). One
pass over the session builds, per session, the speech turns in order, the turns of each
speaker, and postings of the turns per content word and per word token; each question then
reads only the turns that can answer yes, with the plain scan's answers exactly
(`tests/test_analyse_questions_later.py` compares them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property
from heapq import merge
from itertools import groupby

from .context import AnalysisContext
from .cues import content_words
from .questioncues import without_read_back
from .questiongroups import voice_changes
from .questions import _FLOOR_LABEL, empty_turn

__all__ = ["LaterTurns", "later_text", "later_turns"]

_TOKEN = re.compile(r"\w+")


class LaterTurns:
    """Indexes of one session's turns for the questions' looks ahead (built once per context)."""

    def __init__(self, ctx: AnalysisContext) -> None:
        turns = ctx.turns
        self._ctx = ctx
        self.speech = [j for j in range(len(turns)) if not empty_turn(ctx, j)]  # ascending
        self._key = [t.speaker or t.label for t in turns]
        # `questions.same_speaker(ctx, j, t)` with j a later speech turn: a named speaker is one
        # voice all session; an unnamed collective label ("AUDIENCE") only with no speech between
        # and no new voice the layout shows (`questiongroups.voice_changes`)
        self._floor = [
            not t.speaker and k is not None and bool(_FLOOR_LABEL.match(k)) for t, k in zip(turns, self._key)
        ]
        self._by_name: dict[str | None, list[int]] = {}
        for j in self.speech:
            self._by_name.setdefault(ctx.people[j].name, []).append(j)

    def same_speaker(self, j: int, t: int) -> bool:
        """`questions.same_speaker(ctx, j, t)` for a speech turn `j` after `t`, without reading
        the turns between: they are all empty exactly when `j` is the first speech turn after `t`."""
        key = self._key[j]
        if key is None or key != self._key[t]:
            return False
        if self._floor[j]:
            at = bisect_right(self.speech, t)
            return at < len(self.speech) and self.speech[at] == j and not voice_changes(self._ctx, t, j)
        return True

    def follows(self, t: int, after: int | None = None, upto: int | None = None) -> Iterator[int]:
        """`following_turns` of a question in turn `t`, lazily, from the first after `after`
        (default `t`) and before `upto`."""
        speech = self.speech
        end = len(self._key) if upto is None else upto
        for at in range(bisect_right(speech, max(t, after if after is not None else t)), len(speech)):
            j = speech[at]
            if j >= end:
                return
            if not self.same_speaker(j, t):
                yield j

    def speaks(self, t: int, name: str | None, after: int | None = None) -> Iterator[int]:
        """The following turns of turn `t` whose speaker is `name`, in order, after `after`."""
        own = self._by_name.get(name, [])
        for at in range(bisect_right(own, max(t, after if after is not None else t)), len(own)):
            if not self.same_speaker(own[at], t):
                yield own[at]

    @cached_property
    def words(self) -> dict[int, set[str]]:
        """Content words of each speech turn's first 2,000 characters (what `word_overlap` reads),
        up to a read-back of the chair's notes (`later_text`, as `word_overlap` reads them)."""
        return {j: content_words(later_text(self._ctx, j)[:2000]) for j in self.speech}

    @cached_property
    def _word_turns(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for j in self.speech:
            for w in self.words[j]:
                out.setdefault(w, []).append(j)
        return out

    @cached_property
    def _token_turns(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for j in self.speech:
            for w in set(_TOKEN.findall(self._ctx.turns[j].text)):
                out.setdefault(w, []).append(j)
        return out

    def sharing(self, question: set[str], t: int, start: int) -> Iterator[tuple[int, float]]:
        """(turn, overlap) of the following turns of `t` from `start` on whose `word_overlap` with
        `question` is above 0 (two shared words or more), in turn order: the postings of the
        question's words merged, so turns sharing none of them are never read."""
        index = self._word_turns
        lists = [index[w][bisect_right(index[w], start - 1) :] for w in question if w in index]
        for j, same in groupby(merge(*lists)):
            shared = sum(1 for _ in same)
            if shared >= 2 and j > t and not self.same_speaker(j, t):
                yield j, shared / len(question)

    def naming(self, t: int, words: set[str]) -> list[int]:
        """The following turns of `t` that can hold a whole-word match of any of `words` (each
        starts with a word character): those holding the word's first run of word characters
        as a token, in order. A turn left out has no `\\bword\\b` match."""
        index = self._token_turns
        firsts = {m.group() for w in words if (m := _TOKEN.match(w))}
        found = sorted({j for f in firsts for j in index.get(f, ()) if j > t})
        return [j for j in found if not self.same_speaker(j, t)]


def later_text(ctx: AnalysisContext, j: int) -> str:
    """Turn `j`'s words as a later answer: a read-back of the chair's notes at the close ("Let me
    read what I noted.  … we write to the ITU with the question from Almaty") repeats a
    question's words without answering it, so it is left out (`questioncues.without_read_back`)."""
    return without_read_back(ctx.turns[j].text)


def later_turns(ctx: AnalysisContext) -> LaterTurns:
    """The session's `LaterTurns`, built once per context (`AnalysisContext.later_turns`)."""
    return ctx.later_turns
