"""Questions, answers and responses: which earlier ask or question a response takes up.

Why a module of its own: a response is by someone else by nature and weighs the open asks
and questions of every actor, with its own rules (meeting named, coalition named, asker from
the floor, `_takes_up`); needs and promises stay in `threads.link`.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence

from .actors import body_pattern
from .linkcore import _LinkerCore
from .linkmeetings import _named, meeting_years
from .linknames import _FLOOR_ASKED, _body_named, _coalition_actor, _name_words, _topic_said, named_coalition
from .linkrecords import _CLOSED, _NONE, _Track, actor_of
from .models import Item
from .status import status_of

_WHY = {
    ("ask", True): "takes up an earlier ask (the kind it names)",
    ("ask", False): "takes up an earlier ask",
    ("question", True): "takes up an earlier question (the kind it names)",
    ("question", False): "takes up an earlier question",
}


# a response that says it takes up a question, or what one person asked ("a student asked for …", "someone from the
# floor asked whether …", "the question from Kyoto"): not a body's ask ("the Arab IGF asked us to …")
_ONE_ASKED = re.compile(
    r"\b(?:a|one|another)\s+(?:[\w'’-]+\s+){1,5}?(?:asked|wanted to know|wondered)\b"
    r"|\b(?:someone|somebody)\s+(?:[\w'’-]+\s+){0,4}?asked\b|\bquestions?\b",
    re.I,
)


# an "answer" that says the body asked is not there ("I'm afraid there is nobody from the Secretariat in the room",
# "No MAG member here", "I do not see colleagues from UNESCO in the hall", "The Secretariat colleagues went to the
# next room"): the session read it as the question's answer, but the question waits for that body
_ABSENT = re.compile(
    r"\b(?:nobody|no one|no-one)\b|\bno (?:[\w'’-]+ ){0,2}(?:members?|colleagues?|representatives?|staff)\b"
    r"|\b(?:do not|don'?t|don’t|cannot|can'?t|can’t) see\b"
    r"|\b(?:do not|don'?t|don’t) think (?:a|an|any|anybody|anyone|the)\b.{0,60}\b(?:here|in the room|with us|present)\b"
    r"|\bnot sure (?:anybody|anyone|somebody|someone)\b"
    r"|\b(?:went to|has gone|have gone|has left|have left|could not come|couldn'?t come|couldn’t come)\b",
    re.I,
)


class _Responses(_LinkerCore):
    """The rules for questions, answers and responses (see `threads.link`'s docstring)."""

    def _question(self, item: Item) -> None:
        scored = []
        asked = self._by_asker.get(item.speaker, _NONE) if item.speaker else _NONE
        for t in self._candidates(asked):
            if t.thread.entries[0][0].session == item.session:
                continue
            s = self._score(item, t, ("question",))
            scored.append((t, s, s >= self.rules.question_again, "same person asked before"))
        self._place("question", item, scored, "asked again", "a new question")

    def _answer(self, item: Item) -> None:
        found = self._asked.get((item.session, item.answers)) if item.answers is not None else None
        if found is not None:
            self._join(found, item, f"answers the question of line {item.answers} in the same session", 1.0, ())
            # answered where it was asked: a later response no longer takes it up ("Yes, it does." closed it)
            found.thread.status = status_of(found.thread.kind, found.thread.items)
            if found.thread.status in _CLOSED:
                self._open_asks.discard(found)
                if item.year is not None and _ABSENT.search(item.quote):
                    self._answered_at.setdefault(item.year, []).append(found)
            return
        self._drop(item, "answer to a question that is not on record")

    def _answered_in(self, years: Sequence[int], pool: Sequence[_Track]) -> list[_Track]:
        """Questions answered in the session they were asked at, at the meetings of `years`, not in `pool`.

        Why: every question thread of the development gold whose items span two sessions is `answered-later`, whatever
        its own session's `questions` analysis read as an answer there (a chair noting that the body asked is absent,
        "the Secretariat colleagues went to the next room"); a later response that names the meeting the question was
        asked at, and that it takes up a question or one person's asking (`_ONE_ASKED`), says which one it takes up, so
        the same-session answer does not close it to that response. Only an answer that says the body asked is not
        there (`_ABSENT`) leaves it so: a real answer ("Yes, it does: three start-ups are members") closes it."""
        seen = {id(t) for t in pool}
        out: list[_Track] = []
        for year in years:
            for track in self._answered_at.get(year, ()):
                if id(track) not in seen:
                    seen.add(id(track))
                    out.append(track)
        return out

    def _takes_up(self, text: int, track: _Track, pinned: bool, strong: bool) -> bool:
        """A response says what it takes up: two features of one of the thread's questions (needs, for an ask), or
        one concept of the lexicon when the two are `strong`ly alike (≥ response_enacted) or the response names the
        meeting ("in Addis there was a question online about the youth IGFs"). One plain word, or a weakly alike
        concept of a response naming no meeting, is chance: "Many of you asked us to find old sessions more easily" does not
        answer "Will there be a session of children?". When the response names who asked (`pinned`: "the climate
        coalition asked us …"), one word is enough."""
        mine = self.scorer.feature_set(text)
        for other in track.texts.get("question" if track.kind == "question" else "need", ()):
            shared = mine & self.scorer.feature_set(other)
            if len(shared) >= (1 if pinned else 2) or (strong and any(f.startswith("@") for f in shared)):
                return True
        return False

    def _response(
        self, item: Item, unmatched: str = "a response to nothing on record (no earlier open ask or question is alike)"
    ) -> None:
        actor, text, pair = actor_of(item), self.text(item), self.scorer.pair
        prefer = "question" if item.about == "question" else "ask"
        enacted = item.about == "enacted"
        floor = self.rules.response_enacted if enacted else self.rules.response
        # never its own; "our office now holds …" answers a request, not a question
        pool = self._open_asks.ordered(self.rules.max_responses)
        # "In Hyderabad a student asked for one searchable place with the transcripts": a response naming the meeting
        # also weighs the questions answered there (a chair's "the Secretariat has left" was read as their answer)
        answered_here: set[int] = set()
        if _ONE_ASKED.search(item.quote):
            taken = self._answered_in(meeting_years(item.quote, item.year), pool)
            answered_here = {id(t) for t in taken}
            pool = [*pool, *taken]
        tracks = [t for t in pool if t.actor != actor and (not enacted or t.kind == "ask")]
        if _FLOOR_ASKED.search(item.quote):  # "a participant asked …": a question from the floor, not a coalition's ask
            tracks = [t for t in tracks if t.kind == "question"]
        named = named_coalition(item)  # "following what the journalism coalition asked": its asks only, if on record
        if named:  # a coalition the registry does not know is an institution-like actor: its name is the actor's
            theirs = [t for t in tracks if named <= _name_words(t.thread.coalition or _coalition_actor(t.actor))]
            tracks = theirs or tracks
        else:  # "… travel grants for teachers who work with open educational resources": a coalition's topic said whole
            words = _name_words(item.quote)
            theirs = [t for t in tracks if t.thread.coalition and _topic_said(t.thread.coalition, words)]
            if not theirs:  # "To the Arab IGF, which asked for this in Bali: …": the asks of a body it names whole
                theirs = [t for t in tracks if t.thread.kind == "ask" and _body_named(t.actor, item.quote)]
            tracks = theirs or tracks
        questions = [t for t in tracks if t.thread.kind == "question"]
        by_question = iter(self._max_each(text, questions, "question", pair))
        by_need = iter(self._max_each(text, [t for t in tracks if t.thread.kind != "question"], "need", pair))
        scores: list[float] = []
        for t in tracks:
            if t.thread.kind == "question":
                scores.append(next(by_question) + (0.05 if prefer == "question" else 0.0))
            else:
                scores.append(next(by_need) + (0.05 if prefer == "ask" else 0.0))
        # "as you asked in Riyadh": only what was raised at that meeting, when any of it is on record; "which asked
        # for this in Bali, in Geneva and in Addis": at any of the meetings it names
        years = [y for y in meeting_years(item.quote, item.year) if any(y in t.years for t in tracks)]
        year = years[0] if years else None
        if years:  # and what was said there is what it takes up
            for n, t in enumerate(tracks):
                at = [y for y in years if y in t.years]
                if at:
                    kind = t.thread.kind
                    signal = "question" if kind == "question" else "need"
                    said = [o for y in at for o in t.by_year.get((signal, y), {})]
                    scores[n] = max([0.0, *(pair(text, o) for o in said)]) + (0.05 if kind == prefer else 0.0)
        # an ask put to the responding body by name ("And to the Secretariat we ask …") is the likelier one it answers:
        # ranked higher among those the rules allow, never lifted over the floor by it
        put = _put_to(item, tracks)
        # the asker or the meeting named ("the climate coalition asked us", "in Sharm"): one word in common suffices
        pinned = bool(theirs)
        # what `_best` and `_named` make of every (thread, score) row, without building the rows
        chosen: tuple[tuple[float, tuple[object, ...], int], int] | None = None
        for n, s in enumerate(scores):
            if (
                s >= floor
                and (not years or not tracks[n].years.isdisjoint(years))
                and (
                    self._takes_up(text, tracks[n], False, False)  # answered there: two words of its question, no less
                    if id(tracks[n]) in answered_here
                    else self._takes_up(text, tracks[n], pinned, year is not None or s >= self.rules.response_enacted)
                )
            ):
                last = tracks[n].last
                key = (s + (self.rules.response_addressed if n in put else 0.0), last.when, last.seq)
                if chosen is None or key > chosen[0]:
                    chosen = (key, n)
        rows: Sequence[int] = range(len(tracks))
        if len(tracks) > self.rules.named_candidates:
            top = {n for _, n in heapq.nsmallest(self.rules.named_candidates, ((-s, n) for n, s in enumerate(scores)))}
            rows = [n for n in rows if n in top or (chosen is not None and n == chosen[1])]
        candidates = [
            (
                tracks[n].thread.id,
                scores[n],
                _WHY[(tracks[n].thread.kind, tracks[n].thread.kind == prefer)]
                + ("" if not years or not tracks[n].years.isdisjoint(years) else f": not raised in {_named(years)}"),
            )
            for n in rows
        ]
        if chosen is None:
            # "… asked us to keep it longer. The MAG decided to continue it": one answer in two sentences of a
            # turn, the second alike to what was asked as a response must be (the first closed the ask)
            going_on = self._answering
            if going_on is not None and item.speaker and going_on[:3] == (item.session, item.speaker, item.line):
                before = going_on[3]
                s = max(self._max(text, before, "need", pair), self._max(text, before, "question", pair))
                if s >= floor:
                    self._join(before, item, "response: goes on with the response before it in the turn", s, candidates)
                    return
            self._drop(item, unmatched, candidates)
            return
        n = chosen[1]
        track, score, why = tracks[n], scores[n], _WHY[(tracks[n].thread.kind, tracks[n].thread.kind == prefer)]
        if n in put:
            why += ", put to the responding body by name"
        if years:
            year = next(y for y in years if y in track.years)
            why += f", raised in {year} (the meeting it names)"
        self._join(track, item, f"response: {why}", score, candidates)
        self._answering = (item.session, item.speaker or "", item.line, track)
        track.thread.status = status_of(track.thread.kind, track.thread.items)
        if track.thread.status in _CLOSED:
            self._open_asks.discard(track)


def _put_to(item: Item, tracks: Sequence[_Track]) -> set[int]:
    """Indices of the open ask threads one of whose needs names the body `item` responds for ("And to the
    Secretariat we ask something small: tell …", answered by the IGF Secretariat; `actors.body_pattern`).

    Why: a body answers what was asked of it; when two open asks of a coalition share the response's words ("data"),
    the one put to the responder is the one it takes up. A bonus, not a filter: a body also answers asks put to
    nobody."""
    pattern = body_pattern(item.org) if item.org and not item.coalition else None
    if pattern is None:
        return set()
    return {
        n
        for n, t in enumerate(tracks)
        if t.thread.kind == "ask" and any(i.signal == "need" and pattern.search(i.quote) for i in t.every.values())
    }
