"""Sentence units: the quotable pieces every summary is built from.

A unit is one sentence of one speech turn with everything a citation needs (line,
speaker, session) and the offsets that make its text an exact slice of the turn, so a
bullet built from it can always quote the source verbatim. Terms are crude stems with
stopwords and caption filler removed, shared by every ranker in this package so that
relevance, centrality and redundancy all see the same vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..models import Citation, Session, Turn
from ..text.stems import stem
from ..text.stopwords import SUMMARY_STOPWORDS
from ..text.tokens import fold
from ..transcript.sentences import split_sentences

__all__ = ["MAX_SENTENCE_CHARS", "Unit", "session_units", "terms", "who"]

# Caption run-ons ("... and ... and ...") are cut near this length at a comma or dash so
# a bullet stays one readable claim (the splitter's default 600 is tuned for search).
MAX_SENTENCE_CHARS = 330

# Summary terms are ASCII words (one inner apostrophe) and digit runs; hyphens and accented
# letters split words. Not yet `forumlens.text.tokens.words`: that would change the terms
# of accented names ("María" gives "mar" here), so moving over is a ranking change to
# make and review on its own, not part of sharing the code.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['\u2019][A-Za-z]+)?|\d+")
# A word whose stem is a stopword's stem ("thanking" -> "thank") carries no topic either.
_STOP_STEMS = frozenset(stem(w) for w in SUMMARY_STOPWORDS)
# token as written -> its content stem ("" when it carries no topic). A corpus has far
# fewer distinct tokens than running words, so each is lower-cased, filtered and stemmed
# once; bounded so a hostile input cannot grow it without limit (when full, not extended).
_TERM_MEMO: dict[str, str] = {}
_MEMO_LIMIT = 200_000


def _term_of(token: str) -> str:
    word = fold(token)
    if word in SUMMARY_STOPWORDS or word.isdigit() or len(word) < 2:
        return ""
    s = stem(word)
    return s if s and s not in _STOP_STEMS else ""


def terms(text: str) -> list[str]:
    """Content stems of `text` (lower-cased, stopwords and spoken filler removed).

    >>> terms("We need funding for the research platforms, you know.")
    ['need', 'fund', 'research', 'platform']
    """
    out = []
    memo = _TERM_MEMO
    for token in _TOKEN.findall(text):
        s = memo.get(token)
        if s is None:
            s = _term_of(token)
            if len(memo) < _MEMO_LIMIT:
                memo[token] = s
        if s:
            out.append(s)
    return out


@dataclass(frozen=True)
class Unit:
    """One sentence of a speech turn, with what a citation needs."""

    session: str
    turn: int  # turn index in the session
    line: int  # 1-based line where the sentence starts
    speaker: str | None
    label: str | None
    start: int  # offsets within turn.text
    end: int
    text: str  # == turn.text[start:end]
    position: float  # 0..1 through the session (by characters)
    sent_index: int  # index of the sentence within its turn
    terms: tuple[str, ...]

    @property
    def who(self) -> str:
        """Speaker identity for coverage counts: the name, else the label, else unnamed."""
        return self.speaker or self.label or "(unnamed)"

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def span(self) -> tuple[str, int, int, int]:
        """(session, turn, start, end): where the unit is, unique among a session's units."""
        return self.session, self.turn, self.start, self.end

    def citation(self, quote: str | None = None, with_session: bool = False) -> Citation:
        """A citation of this unit; `quote` must be a substring of the unit text."""
        q = self.text if quote is None else quote
        if q not in self.text:
            raise ValueError("a quote must be a verbatim part of the sentence it cites")
        return Citation(
            line=self.line, quote=q, speaker=self.speaker or self.label, session=self.session if with_session else None
        )


def who(turn: Turn) -> str:
    """Coverage identity of a turn, as `Unit.who`."""
    return turn.speaker or turn.label or "(unnamed)"


def session_units(session: Session, turns: Iterable[Turn] | None = None) -> list[Unit]:
    """Every sentence of the speech turns of `session` (or of `turns`), in order.

    The units of a whole session are cached by value (sessions are frozen), so a report,
    its snapshot and every topic brief over the same store split and stem it once.
    """
    if turns is None:
        return list(_cached_units(session))
    return _units(session, turns)


@lru_cache(maxsize=256)
def _cached_units(session: Session) -> tuple[Unit, ...]:
    return tuple(_units(session, session.turns))


# A list item's marker at the start of a line ("- ", "* ", "• ", "3. ", "b) "): each item is
# its own sentence, whatever punctuation ends the one before (a caption's "--" is no marker).
_ITEM = re.compile(r"^[ \t]*(?:[-*•‣–](?![-–])|\(?(?:\d{1,2}|[a-z])[.)])[ \t]+(?=\S)", re.MULTILINE)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a turn's text; a list's items are split apart, each without its marker."""
    marks = list(_ITEM.finditer(text))
    if not marks:
        return split_sentences(text, max_chars=MAX_SENTENCE_CHARS)
    bounds = [(0, marks[0].start())] + [
        (m.end(), marks[i + 1].start() if i + 1 < len(marks) else len(text)) for i, m in enumerate(marks)
    ]
    return [
        (a + x, a + y)
        for a, b in bounds
        if text[a:b].strip()
        for x, y in split_sentences(text[a:b], max_chars=MAX_SENTENCE_CHARS)
    ]


def _units(session: Session, turns: Iterable[Turn]) -> list[Unit]:
    total = max(1, len(session.text) or sum(len(t.text) for t in session.turns))
    units: list[Unit] = []
    for turn in turns:
        if turn.kind != "speech" or not turn.text.strip():
            continue
        # Lines are counted from the previous sentence, not from the turn's start: one
        # `Turn.line_at` per sentence rescans the turn and is quadratic in a long turn.
        line, counted = turn.first_line, 0
        for i, (a, b) in enumerate(_sentences(turn.text)):
            text = turn.text[a:b]
            line += turn.text.count("\n", counted, a)
            counted = a
            units.append(
                Unit(
                    session=session.id,
                    turn=turn.index,
                    line=line,
                    speaker=turn.speaker,
                    label=turn.label,
                    start=a,
                    end=b,
                    text=text,
                    position=min(1.0, (turn.start + a) / total)
                    if turn.start
                    else turn.index / max(1, len(session.turns)),
                    sent_index=i,
                    terms=tuple(terms(text)),
                )
            )
    return units
