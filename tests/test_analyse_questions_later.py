"""`analyse.questions_later.LaterTurns` answers the questions' looks ahead from indexes (issue 19):
each of its answers must be the plain scan's over every later turn, on real sessions and on a
session of our own made to hit the edge cases (three "AUDIENCE" voices in a row, a speaker
label repeated with and without turns between, hyphenated and apostrophe names, a name inside
a longer word), and the questions' fates and answer lines must be the same with a scanning
stand-in for the index."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from forumlens.analyse import questionfeatures, questionmodel
from forumlens.analyse.context import AnalysisContext, build_context
from forumlens.analyse.cues import content_words
from forumlens.analyse.questions import empty_turn, find_question_groups, find_questions, same_speaker, word_overlap
from forumlens.analyse.questions_later import LaterTurns, later_turns
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent

OURS = """>> MODERATOR:  Welcome to the session on community networks.  Questions from the room, please.

>> AUDIENCE:  Thank you.  Jean-Baptiste Moreau from Lyon.  How do community networks pay for spectrum licences in rural areas?

>> AUDIENCE:  And a second voice here, Ana Lopes from Porto.  Who maintains the towers after the grant ends?

>> AUDIENCE:  Hello, I'm O'Neill from Cork.  What about the backhaul costs for remote villages?

>> MODERATOR:  Thank you.  Mr. Ndlovu, the spectrum licences first?

>> THABO NDLOVU:  Yes.  Spectrum licences are the hardest part: in our country community networks pay a reduced fee for licences in rural areas since last year.

>> MODERATOR:  And the towers, Ms. Kaur?

>> PRIYA KAUR:  Sorry, we are out of time for that one, maybe Ana can write to me by email, Anand has the address.

>> AUDIENCE:  Jean-Baptiste again, a follow-up: is the reduced fee for licences permanent in rural areas?

>> THABO NDLOVU:  The reduced fee is permanent for community networks in rural areas, the regulator confirmed it.

>> MODERATOR:  We have no more time.  O'Neill, the backhaul question we will take offline.  Thank you all for coming.

>> PRIYA KAUR:  One last word on towers: the villages maintain the towers themselves after the grant, with training.
"""


def _contexts() -> list[AnalysisContext]:
    sources = [
        HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt",
        *sorted((HERE.parent / "examples").glob("*.txt"))[:2],
        *sorted((HERE / "resources" / "summarise").glob("*.txt"))[:2],
    ]
    texts = [p.read_text("utf-8") for p in sources] + [OURS, OURS + "\n" + OURS]
    return [build_context(parse_transcript(t)) for t in texts]


@pytest.fixture(scope="module")
def contexts() -> list[AnalysisContext]:
    return _contexts()


def _plain_follow(ctx: AnalysisContext, t: int) -> list[int]:
    return [j for j in range(t + 1, len(ctx.turns)) if not empty_turn(ctx, j) and not same_speaker(ctx, j, t)]


def test_following_turns_and_speakers_match_the_scan(contexts: list[AnalysisContext]) -> None:
    floors = 0
    for ctx in contexts:
        later = LaterTurns(ctx)
        names = {p.name for p in ctx.people}
        for t in range(len(ctx.turns)):
            plain = _plain_follow(ctx, t)
            assert list(later.follows(t)) == plain
            for cut in (t + 1, t + 3, (t + len(ctx.turns)) // 2):
                assert list(later.follows(t, upto=cut)) == [j for j in plain if j < cut]
                assert list(later.follows(t, after=cut)) == [j for j in plain if j > cut]
            for name in names:
                assert list(later.speaks(t, name)) == [j for j in plain if ctx.people[j].name == name]
            floors += sum(
                1 for j in range(t + 1, len(ctx.turns)) if ctx.turns[j].label == ctx.turns[t].label == "AUDIENCE"
            )
    assert floors > 5  # the collective-label rule was exercised


def test_shared_words_match_the_overlap_scan(contexts: list[AnalysisContext]) -> None:
    asked = 0
    for ctx in contexts:
        later = LaterTurns(ctx)
        for g in find_question_groups(ctx):
            words = content_words(" ".join(s.text for s in g.core))
            plain = _plain_follow(ctx, g.turn)
            for start in (g.turn, g.turn + 2, g.turn + 5):
                expected = [(j, word_overlap(words, ctx.turns[j].text)) for j in plain if j >= start]
                assert list(later.sharing(words, g.turn, start)) == [(j, s) for j, s in expected if s > 0]
            asked += 1
    assert asked > 30


def test_turns_naming_words_hold_every_whole_word_match(contexts: list[AnalysisContext]) -> None:
    hits = 0
    for ctx in contexts:
        later = LaterTurns(ctx)
        names = sorted(set(re.findall(r"[A-Z][\w‑'-]+", ctx.session.text)))
        for t in range(0, len(ctx.turns), 3):
            plain = _plain_follow(ctx, t)
            for i in range(0, len(names), 7):
                words = set(names[i : i + 3])
                pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b")
                found = later.naming(t, words)
                assert set(found) <= set(plain) and found == sorted(found)
                named = [j for j in plain if pattern.search(ctx.turns[j].text)]
                assert set(named) <= set(found)
                hits += len(named)
    assert hits > 50


class _Scan(LaterTurns):
    """The plain scans, as the question stage read later turns before the index."""

    def follows(self, t: int, after: int | None = None, upto: int | None = None) -> Iterator[int]:
        lo = t if after is None else max(t, after)
        end = len(self._ctx.turns) if upto is None else upto
        return iter([j for j in _plain_follow(self._ctx, t) if lo < j < end])

    def speaks(self, t: int, name: str | None, after: int | None = None) -> Iterator[int]:
        return (j for j in self.follows(t, after) if self._ctx.people[j].name == name)

    def sharing(self, question: set[str], t: int, start: int) -> Iterator[tuple[int, float]]:
        scored = ((j, word_overlap(question, self._ctx.turns[j].text)) for j in self.follows(t) if j >= start)
        return ((j, s) for j, s in scored if s > 0)

    def naming(self, t: int, words: set[str]) -> list[int]:
        return [j for j in self.follows(t) if any(w in self._ctx.turns[j].text for w in words)]


def test_fates_and_answer_lines_match_a_scanning_stand_in(
    contexts: list[AnalysisContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed = [find_questions(c) for c in contexts]
    assert sum(len(q) for q in indexed) > 30 and later_turns(contexts[-1]) is later_turns(contexts[-1])
    monkeypatch.setattr(questionfeatures, "later_turns", _Scan)
    monkeypatch.setattr(questionmodel, "later_turns", _Scan)
    assert [find_questions(c) for c in _contexts()] == indexed
