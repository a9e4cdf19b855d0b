"""The linker's state and the moves every rule shares: score an item against a thread, open, join, record.

Why a module of its own: the rules for each kind of item (`threads.link`, `threads.linkresponses`)
all score, pick and record the same way; this is that shared half of the linker, with the
memos that keep scoring one look-up per distinct quote (issue 19).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Sequence

from .lexicon import load_lexicon
from .linkmodel import LinkModel
from .linkrecords import _CLOSED, Candidate, Rules, Scored, _Recent, _thread_id, _Track, actor_of
from .models import Decision, Item, Thread
from .similarity import Scorer

# the need-pair model weighs a thread the rules refused only when it is this alike at all, and then its this many
# most alike needs (a bound on the work at archive scale: in training no pair under 0.14 similarity reached the
# threshold of either linker)
_RESCUE_FLOOR = 0.1
_RESCUE_QUOTES = 4
_NOTHING = (0, 0.0)


class _LinkerCore:
    """The linker's state, its memos and the moves every rule shares (`_Linker` adds the rules per kind)."""

    def __init__(
        self,
        scorer: Scorer,
        rules: Rules,
        repeated: set[int],
        topics: dict[str, frozenset[str]] | None = None,
        model: LinkModel | None = None,
    ) -> None:
        self.scorer = scorer
        self.model = model  # the need-pair model (`linkmodel.py`); None: the hand rules for needs
        self._need_memo: dict[tuple[int, int, int], float] = {}  # see `_rescued`
        self.rules = rules
        self._lex = load_lexicon()
        self.threads: list[Thread] = []
        self.decisions: list[Decision] = []
        self.subjects: list[Item] = []
        self.places: list[tuple[int, bool]] = []
        # id(a stand-in) → the item it stands for: a decision made about a re-read copy of an item (a body's
        # delivery taken as an `enacted` response) is recorded about the item given, which the store knows
        self._stands_for: dict[
            int, tuple[Item, Item]
        ] = {}  # (the stand-in, kept alive so its id stays its own; the item)
        self._text: dict[int, int] = {}  # id(item) → its text id, for the items being linked
        self._repeated = repeated  # text ids more than one item says: their best scores are remembered
        # (quote, signal, tag) → thread order → (quotes of the thread seen, best score): see `_max_each`
        self._best_of: dict[tuple[int, str, str], dict[int, tuple[int, float]]] = {}
        self._by_actor: dict[tuple[str, str], _Recent] = {}  # (kind, actor) → its threads
        self._by_asker: dict[str, _Recent] = {}  # a question thread's first speaker → its threads
        self._asked: dict[tuple[str, int], _Track] = {}  # (session, line) of a question → the first thread of it
        self._open_asks = _Recent()  # asks and questions a response may still take up
        self._answering: tuple[str, str, int, _Track] | None = None  # (session, speaker, line, thread): last response
        # questions answered where they were asked, by year: a later response naming that meeting may still take one up
        self._answered_at: dict[int, list[_Track]] = {}
        self._head_features: dict[str, frozenset[str]] = {}
        self._closest_of: dict[tuple[int, int], tuple[int, int | None, float]] = {}  # see `_closest`
        self._topics = topics or {}  # actor → the words most of its needs say (`_actor_topics`)
        self._stems_of: dict[tuple[int, int], frozenset[str]] = {}  # see `_Linker._promised_stems`

    # -- helpers ---------------------------------------------------------------------------
    def text(self, item: Item) -> int:
        found = self._text.get(id(item))
        if found is None:
            found = self._text[id(item)] = self.scorer.text_id(item)
        return found

    def known_texts(self, items: Sequence[Item], texts: Sequence[int]) -> None:
        """The text ids of the items about to be linked, found once (`text` answers from them)."""
        self._text.update(zip(map(id, items), texts, strict=True))

    def _candidates(self, index: _Recent) -> list[_Track]:
        return index.ordered(self.rules.max_candidates)

    def _max(self, text: int, track: _Track, signal: str, score: Callable[[int, int], float], tag: str = "") -> float:
        """The best `score` of a quote against the thread's quotes of one signal (0 when none)."""
        return self._max_each(text, (track,), signal, score, tag)[0]

    def _max_each(
        self, text: int, tracks: Sequence[_Track], signal: str, score: Callable[[int, int], float], tag: str = ""
    ) -> list[float]:
        """`_max` of one quote against each of many threads, in one loop (a response weighs hundreds of
        open asks, a need every ask of its actor: one call, not one per thread).

        Quotes only ever join a thread, so the best of a quote said again is the best it had
        plus the best over the quotes that joined since (remembered for quotes said twice or
        more, per quote, signal and `tag`, then by thread).
        """
        out: list[float] = []
        append = out.append
        if text not in self._repeated:
            for track in tracks:
                best = 0.0
                for other in track.texts.get(signal) or ():
                    s = score(text, other)
                    if s > best:
                        best = s
                append(best)
            return out
        memo = self._best_of.get((text, signal, tag))
        if memo is None:
            memo = self._best_of[(text, signal, tag)] = {}
        for track in tracks:
            texts = track.texts.get(signal)
            if not texts:
                append(0.0)
                continue
            done, best = memo.get(track.order, _NOTHING)
            if done != len(texts):
                for other in texts[done:]:
                    s = score(text, other)
                    if s > best:
                        best = s
                memo[track.order] = (len(texts), best)
            append(best)
        return out

    def _score(self, item: Item, track: _Track, signals: Sequence[str]) -> float:
        text, pair = self.text(item), self.scorer.pair
        best = 0.0
        for signal in signals:
            s = self._max(text, track, signal, pair)
            if s > best:
                best = s
        return best

    def _heads(self, heads: Iterable[str]) -> frozenset[str]:
        """The deliverable's own words: the features of each head (a lexicon phrase never spans two heads)."""
        out: set[str] = set()
        for head in heads:
            found = self._head_features.get(head)
            if found is None:
                found = self._head_features[head] = frozenset(self._lex.features(head))
            out |= found
        return frozenset(out)

    def _same_head(self, item: Item, track: _Track) -> bool:
        """Whether the item names the thread's deliverable by one of its nouns: a word of a head in common, read by its
        first five letters ("curricula" is "curriculum"), not by the lexicon's features, which give a family's
        concept ("train" and "curriculum" are both "@training")."""

        def stems(head: str) -> set[str]:
            return {w[:5] for w in re.findall(r"[\w'’-]+", head.casefold()) if len(w) > 2}

        mine = stems(item.head or "")
        return bool(mine) and any(mine & stems(head) for head in track.heads)

    def _object(self, item: Item, track: _Track) -> float:
        """How alike the item and the thread are once the deliverables' own nouns are set aside."""
        drop = self._heads([*([item.head] if item.head else []), *track.heads])
        text = self.text(item)
        return max([0.0, *(self.scorer.without_pair(text, other, drop) for other in track.every)])

    def _touch(self, track: _Track) -> None:
        thread = track.thread
        self._by_actor.setdefault((thread.kind, thread.actor), _Recent()).touch(track)
        if thread.kind == "question":
            asker = thread.entries[0][0].speaker
            if asker:
                self._by_asker.setdefault(asker, _Recent()).touch(track)
        if thread.kind in ("ask", "question"):
            if thread.status in _CLOSED:
                self._open_asks.discard(track)
            else:
                self._open_asks.touch(track)

    def _open(self, kind: str, item: Item, rule: str, candidates: Sequence[Candidate] = ()) -> None:
        actor = actor_of(item)
        category = item.category if kind in ("ask", "question") else "other"
        thread = Thread(_thread_id(kind, actor, item), kind, actor, item.coalition, category)
        thread.entries.append((item, ""))
        track = _Track(thread, len(self.threads))
        track.add(item, self.text(item))
        self.threads.append(thread)
        if kind == "question":
            self._asked.setdefault((item.session, item.line), track)
        self._touch(track)
        decision = Decision(item.ref, item.signal, "opened", thread.id, rule, None, tuple(candidates))
        thread.decisions.append(decision)
        self._record(decision, item, track.order, True)

    def _join(self, track: _Track, item: Item, rule: str, score: float, candidates: Sequence[Candidate]) -> None:
        thread = track.thread
        text = self.text(item)
        added = (item.session, item.seq, item.signal) not in track.sentences
        if not added:
            rule += "; the same sentence is already in the thread: kept once"
        else:
            thread.entries.append((item, ""))
            track.add(item, text)
        closest = self._closest(track, text, added and track.counts[text] == 1)
        shared = tuple(self.scorer.shared(item, closest)) if closest is not None else ()
        decision = Decision(item.ref, item.signal, "joined", thread.id, rule, score, tuple(candidates), shared)
        thread.decisions.append(decision)
        self._record(decision, item, track.order, added)
        self._touch(track)

    def _closest(self, track: _Track, text: int, itself: bool) -> Item | None:
        """The thread's first item most alike the quote (what `explain` shows it shares), as max() over
        the thread's distinct quotes; `itself`: the quote just joined for the first time, not counted.

        Distinct quotes only ever join a thread, so for a quote already there the answer is the one it
        had plus the quotes that joined since (remembered per quote and thread).
        """
        every, pair = track.every, self.scorer.pair
        if itself:
            closest, best = None, 0.0
            for other_text, other in every.items():
                if other_text == text:
                    continue  # the item itself
                s = pair(text, other_text)
                if closest is None or s > best:
                    closest, best = other, s
            return closest
        key = (text, track.order)
        seen, found, best = self._closest_of.get(key, (0, None, 0.0))
        quotes = track.quotes
        if seen != len(quotes):
            for other_text in quotes[seen:]:
                s = pair(text, other_text)
                if found is None or s > best:
                    found, best = other_text, s
            self._closest_of[key] = (len(quotes), found, best)
        return every[found] if found is not None else None

    def _drop(self, item: Item, rule: str, candidates: Sequence[Candidate] = ()) -> None:
        self._record(Decision(item.ref, item.signal, "dropped", None, rule, None, tuple(candidates)), item, -1, False)

    def _record(self, decision: Decision, item: Item, thread: int, added: bool) -> None:
        self.decisions.append(decision)
        stand_in = self._stands_for.get(id(item))
        self.subjects.append(stand_in[1] if stand_in is not None and stand_in[0] is item else item)
        self.places.append((thread, added))

    def _named(self, scored: list[Scored], chosen: _Track | None) -> list[Scored]:
        """The candidates a decision names: the highest-scoring ones and the chosen one, in opening order."""
        if len(scored) <= self.rules.named_candidates:
            return scored
        ranked = heapq.nsmallest(self.rules.named_candidates, ((-row[1], n) for n, row in enumerate(scored)))
        keep = {n for _, n in ranked} | {n for n, row in enumerate(scored) if row[0] is chosen}
        return [row for n, row in enumerate(scored) if n in keep]

    @staticmethod
    def _best(scored: list[tuple[_Track, float, bool, str]]) -> tuple[_Track, float, str] | None:
        passing = [(t, s, why) for t, s, ok, why in scored if ok]
        if not passing:
            return None
        return max(passing, key=lambda x: (x[1], x[0].last.when, x[0].last.seq))

    def _place(
        self, kind: str, item: Item, scored: list[tuple[_Track, float, bool, str]], joined: str, opened: str
    ) -> None:
        best = self._best(scored)
        candidates = [
            (t.thread.id, s, why + ("" if ok else ": below threshold or not allowed"))
            for t, s, ok, why in self._named(scored, best and best[0])
        ]
        if best is None:
            self._open(kind, item, opened, candidates)
            return
        track, score, why = best
        self._join(track, item, f"{joined}, {why}", score, candidates)
