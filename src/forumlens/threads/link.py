"""Items → threads: one actor's same need, promise or question across sessions and years. Pure.

Items are taken in time order (year, then date and ingest order of their session,
then place in it); each one joins the best thread its rules allow or opens a new one,
which is also how a newly ingested session's items join or open threads. The rules,
each named in the `Decision` that `threads --explain` prints:

- actor: an item only ever joins a thread of the same actor (coalition; else the
  institution; else the person), except an answer or a response, which is by
  someone else by nature;
- `need` → ask thread of the actor: same category, score ≥ ask_same_category and, the
  category's own words set aside, the same object (≥ ask_same_object: "funding for
  travel" is not "funding for servers"); or another category and score ≥
  ask_other_category (two wordings of one need the category lexicon reads
  differently); else a new thread;
- `promise` → commitment thread of the actor with the same deliverable family, not yet
  delivered, score ≥ promise_again and, the deliverable's own noun set aside, still
  alike (≥ promise_same_object: "a report on youth" is not "a report on AI"); a
  re-promise is an update; else a new thread (the deliverable's own words are the
  lexicon features of each distinct head, so a phrase never spans two heads);
- `update`, `delivery`, `slip` → the open commitment thread of the actor with the same
  deliverable family (best score when several); an `update` with none opens one (it is
  a promise in other words), a delivery or slip with none is dropped (no promise on
  record to fulfil);
- `question` → a new question thread, unless the same person asked it before
  (score ≥ question_again); an `answer` joins the question it answers;
- `response` → the earlier, unanswered ask or question it takes up (questions first
  for "the question raised …", asks first for "following the request …"), of any actor
  but the responder's, score ≥ response (≥ response_enacted when it only says what an
  institution now does, without naming the request).

Different deliverables never meet (family rule); the same need of two actors never
meets (actor rule); two needs of one actor meet only when alike (score rule).

Scale (an archive of 1,000 sessions holds tens of thousands of items, and one coalition
or office thousands of them). Linking never scans every thread: threads are indexed by
what may join them (kind and actor; a question by its asker; an answer by the line it
answers; a response by the open asks and questions), and each thread keeps the distinct
quotes of its items per signal, its heads and its deliverable family as items join, so a
score against a thread is one look-up per distinct quote (`similarity.py` remembers every
pair). One more rule bounds the work per item, the recency cap:

- candidates: an item is compared with at most `Rules.max_candidates` threads of its
  actor and kind (a question: of its asker), those most recently added to (opened or
  joined), and a response with at most `Rules.max_responses` open asks and questions,
  likewise the most recent; the candidates are then taken in the order the threads were
  opened, so ties break as without the cap. An actor with fewer threads than the cap
  (every actor of the benchmark corpora) is linked exactly as with no cap;
- explanation: a decision names at most `Rules.named_candidates` of the threads it
  weighed, the highest-scoring ones (and always the one chosen), in the order they were
  opened: a response weighs hundreds of open asks, and `--explain` needs the closest.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from ..transcript.speakers import name_key
from .lexicon import load_lexicon
from .models import Decision, Item, Thread
from .similarity import LexicalScorer, Scorer
from .status import finish_thread, status_of

__all__ = ["RULES", "Linked", "Rules", "actor_of", "link_items"]


@dataclass(frozen=True)
class Rules:
    """The score thresholds of the linking rules and the recency cap (see the module docstring)."""

    ask_same_category: float = 0.15
    ask_same_object: float = 0.1
    ask_other_category: float = 0.45
    promise_again: float = 0.15
    promise_same_object: float = 0.1
    follow_up: float = 0.0
    question_again: float = 0.5
    response: float = 0.12
    response_enacted: float = 0.3
    max_candidates: int = 64
    max_responses: int = 512
    named_candidates: int = 12


RULES = Rules()

_KIND = {
    "need": "ask",
    "promise": "commitment",
    "update": "commitment",
    "delivery": "commitment",
    "slip": "commitment",
    "question": "question",
    "answer": "question",
    "response": "",
}
_CLOSED = ("answered", "answered-later")  # an ask or question a response no longer takes up

_EXPLAINING = threading.Lock()
Candidate = tuple[str, float, str]  # (thread id, score, verdict)
Scored = tuple["_Track", float, bool, str]  # (thread, score, allowed, why)


@dataclass
class Linked:
    """Threads (time-ordered) and every decision taken, dropped items included.

    `subjects[n]` is the item decision n is about and `places[n]` the thread it went to
    (its index in `threads`, -1 when dropped) and whether the item was added to it (not
    when the same sentence was there already): what keeping the result needs
    (`service.keep_threads`), where decisions name an item by its line only. Threads
    rebuilt from kept links carry their decisions' reasons (rule, scores, candidates)
    unread until one is explained: `explained()` reads them (`pending`) and fills
    `decisions` and each thread's `decisions`.
    """

    threads: list[Thread]
    decisions: list[Decision]
    linker: str
    subjects: list[Item] = field(default_factory=list)
    places: list[tuple[int, bool]] = field(default_factory=list)
    pending: Callable[[], list[Decision]] | None = field(default=None, repr=False, compare=False)
    _about: dict[str, list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def explained(self) -> Linked:
        """The same threads with every decision's reasons read (a no-op once read, or when linked here).

        Safe from several threads at once (a portal worker shares one result between requests).
        """
        with _EXPLAINING:
            if self.pending is not None:
                full = self.pending()
                self.decisions[:] = full
                for thread in self.threads:
                    thread.decisions.clear()
                for decision, (thread_no, _added) in zip(full, self.places, strict=True):
                    if thread_no >= 0:
                        self.threads[thread_no].decisions.append(decision)
                self._about, self.pending = None, None
        return self

    def explain(self, thread_id: str) -> list[Decision]:
        """Decisions about one thread: its items', and those of items that considered it and went elsewhere."""
        self.explained()
        if self._about is None:  # one pass over the decisions, then a look-up per thread
            about: dict[str, list[int]] = {}
            for n, d in enumerate(self.decisions):
                for tid in dict.fromkeys([*([d.thread] if d.thread else []), *(c[0] for c in d.candidates)]):
                    about.setdefault(tid, []).append(n)
            self._about = about
        return [self.decisions[n] for n in self._about.get(thread_id, ())]


def actor_of(item: Item) -> str:
    """The key linking compares: coalition, else institution, else person, else the session."""
    if item.coalition:
        return "coalition:" + item.coalition
    if item.org:
        return "org:" + item.org
    if item.speaker:
        return "person:" + name_key(item.speaker)
    return "session:" + item.session


def _thread_id(kind: str, actor: str, item: Item) -> str:
    digest = hashlib.sha1(f"{kind}|{actor}|{item.session}|{item.line}|{item.seq}|{item.signal}".encode()).hexdigest()
    return f"{kind[0]}{digest[:10]}"


@dataclass
class _Track:
    """What linking reads of one thread, kept up to date as items join (never a rescan of its items).

    `texts` holds, per signal, the distinct quotes (`Scorer.text_id`) in the order they
    joined; `every` the first item of each distinct quote over all signals, with `counts`
    items saying it.
    """

    thread: Thread
    order: int
    texts: dict[str, list[int]] = field(default_factory=dict)
    every: dict[int, Item] = field(default_factory=dict)
    counts: dict[int, int] = field(default_factory=dict)
    sentences: set[tuple[str, int, str]] = field(default_factory=set)
    heads: dict[str, None] = field(default_factory=dict)
    family: str | None = None
    _said: set[tuple[str, int]] = field(default_factory=set)

    def add(self, item: Item, text: int) -> None:
        if (item.signal, text) not in self._said:
            self._said.add((item.signal, text))
            self.texts.setdefault(item.signal, []).append(text)
        self.every.setdefault(text, item)
        self.counts[text] = self.counts.get(text, 0) + 1
        self.sentences.add((item.session, item.seq, item.signal))
        if item.head:
            self.heads.setdefault(item.head)
        if self.family is None and item.family:
            self.family = item.family

    @property
    def last(self) -> Item:
        return self.thread.entries[-1][0]


class _Recent:
    """Threads in order of their latest activity (opened or joined)."""

    def __init__(self) -> None:
        self._tracks: OrderedDict[int, _Track] = OrderedDict()

    def touch(self, track: _Track) -> None:
        self._tracks[track.order] = track
        self._tracks.move_to_end(track.order)

    def discard(self, track: _Track) -> None:
        self._tracks.pop(track.order, None)

    def ordered(self, n: int) -> list[_Track]:
        """The n most recently active threads (all when fewer), in the order they were opened."""
        chosen = self._tracks.values() if len(self._tracks) <= n else islice(reversed(self._tracks.values()), n)
        return sorted(chosen, key=lambda t: t.order)


_NONE = _Recent()
_NOTHING = (0, 0.0)
_WHY = {
    ("ask", True): "takes up an earlier ask (the kind it names)",
    ("ask", False): "takes up an earlier ask",
    ("question", True): "takes up an earlier question (the kind it names)",
    ("question", False): "takes up an earlier question",
}


class _Linker:
    def __init__(self, scorer: Scorer, rules: Rules, repeated: set[int]) -> None:
        self.scorer = scorer
        self.rules = rules
        self._lex = load_lexicon()
        self.threads: list[Thread] = []
        self.decisions: list[Decision] = []
        self.subjects: list[Item] = []
        self.places: list[tuple[int, bool]] = []
        self._text: dict[int, int] = {}  # id(item) → its text id, for the items being linked
        self._repeated = repeated  # text ids more than one item says: their best scores are remembered
        self._best_of: dict[tuple[int, int, str, str], tuple[int, float]] = {}
        self._by_actor: dict[tuple[str, str], _Recent] = {}  # (kind, actor) → its threads
        self._by_asker: dict[str, _Recent] = {}  # a question thread's first speaker → its threads
        self._asked: dict[tuple[str, int], _Track] = {}  # (session, line) of a question → the first thread of it
        self._open_asks = _Recent()  # asks and questions a response may still take up
        self._head_features: dict[str, frozenset[str]] = {}

    # -- helpers ---------------------------------------------------------------------------
    def text(self, item: Item) -> int:
        found = self._text.get(id(item))
        if found is None:
            found = self._text[id(item)] = self.scorer.text_id(item)
        return found

    def _candidates(self, index: _Recent) -> list[_Track]:
        return index.ordered(self.rules.max_candidates)

    def _max(self, text: int, track: _Track, signal: str, score: Callable[[int, int], float], tag: str = "") -> float:
        """The best `score` of a quote against the thread's quotes of one signal (0 when none).

        Quotes only ever join a thread, so the best of a quote said again is the best it had
        plus the best over the quotes that joined since (remembered for quotes said twice or more).
        """
        texts = track.texts.get(signal)
        if not texts:
            return 0.0
        if text not in self._repeated:
            best = 0.0
            for other in texts:
                s = score(text, other)
                if s > best:
                    best = s
            return best
        key = (text, track.order, signal, tag)
        done, best = self._best_of.get(key, _NOTHING)
        if done == len(texts):
            return best
        for other in texts[done:]:
            s = score(text, other)
            if s > best:
                best = s
        self._best_of[key] = (len(texts), best)
        return best

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
        closest, best = None, 0.0
        for other_text, other in track.every.items():  # the first item most alike, as max() over the items
            if added and other_text == text and track.counts[text] == 1:
                continue  # the item itself
            s = self.scorer.pair(text, other_text)
            if closest is None or s > best:
                closest, best = other, s
        shared = tuple(self.scorer.shared(item, closest)) if closest is not None else ()
        decision = Decision(item.ref, item.signal, "joined", thread.id, rule, score, tuple(candidates), shared)
        thread.decisions.append(decision)
        self._record(decision, item, track.order, added)
        self._touch(track)

    def _drop(self, item: Item, rule: str, candidates: Sequence[Candidate] = ()) -> None:
        self._record(Decision(item.ref, item.signal, "dropped", None, rule, None, tuple(candidates)), item, -1, False)

    def _record(self, decision: Decision, item: Item, thread: int, added: bool) -> None:
        self.decisions.append(decision)
        self.subjects.append(item)
        self.places.append((thread, added))

    def _named(self, scored: list[Scored], chosen: _Track | None) -> list[Scored]:
        """The candidates a decision names: the highest-scoring ones and the chosen one, in opening order."""
        if len(scored) <= self.rules.named_candidates:
            return scored
        ranked = sorted(range(len(scored)), key=lambda n: (-scored[n][1], n))[: self.rules.named_candidates]
        keep = set(ranked) | {n for n, row in enumerate(scored) if row[0] is chosen}
        return [row for n, row in enumerate(scored) if n in keep]

    @staticmethod
    def _best(scored: list[tuple[_Track, float, bool, str]]) -> tuple[_Track, float, str] | None:
        passing = [(t, s, why) for t, s, ok, why in scored if ok]
        if not passing:
            return None
        return max(passing, key=lambda x: (x[1], x[0].last.when, x[0].last.seq))

    # -- one item ----------------------------------------------------------------------------
    def add(self, item: Item) -> None:
        getattr(self, "_" + item.signal)(item)

    def _need(self, item: Item) -> None:
        scored = []
        text, category = self.text(item), item.category

        def residual(a: int, b: int) -> float:
            return self.scorer.residual_pair(a, b, category)

        for t in self._candidates(self._by_actor.get(("ask", actor_of(item)), _NONE)):
            s = self._score(item, t, ("need",))
            if t.thread.category == category:
                rest = self._max(text, t, "need", residual, "|rest|" + category)
                ok = s >= self.rules.ask_same_category and (
                    rest >= self.rules.ask_same_object or s >= self.rules.ask_other_category
                )
                why = f"same category ({item.category}), object {rest:.2f}"
                scored.append((t, s, ok, why))
            else:
                scored.append((t, s, s >= self.rules.ask_other_category, f"other category ({t.thread.category})"))
        self._place("ask", item, scored, "same actor", "no ask of this actor is alike")

    def _promise(self, item: Item) -> None:
        scored = []
        text = self.text(item)
        for t in self._candidates(self._by_actor.get(("commitment", actor_of(item)), _NONE)):
            if t.thread.status == "fulfilled":
                continue
            same = t.family == item.family
            s = self._score(item, t, ("promise", "update"))
            if not same:
                scored.append((t, s, False, f"other deliverable ({t.family})"))
                continue
            drop = self._heads([*([item.head] if item.head else []), *t.heads])
            rest = max(
                [0.0, *(self.scorer.without_pair(text, other, drop) for other in t.every)],
            )
            ok = s >= self.rules.promise_again and rest >= self.rules.promise_same_object
            scored.append((t, s, ok, f"same deliverable, object {rest:.2f}"))
        self._place("commitment", item, scored, "same actor, re-promised", "a new promise")

    def _follow(self, item: Item) -> None:
        scored = []
        for t in self._candidates(self._by_actor.get(("commitment", actor_of(item)), _NONE)):
            if t.thread.status in ("fulfilled", "unfulfilled"):
                continue
            same = t.family == item.family
            s = self._score(item, t, ("promise", "update"))
            scored.append(
                (t, s, same and s >= self.rules.follow_up, "same deliverable" if same else "other deliverable")
            )
        best = self._best(scored)
        candidates = [(t.thread.id, s, why) for t, s, _ok, why in self._named(scored, best and best[0])]
        if best is not None:
            track, score, why = best
            self._join(track, item, f"{item.signal} of an earlier promise: same actor, {why}", score, candidates)
            # a delivered or slipped promise takes no more follow-ups; an update leaves it pending
            thread = track.thread
            closing = item.signal in ("delivery", "slip")
            thread.status = status_of(thread.kind, thread.items) if closing else thread.status or "pending"
        elif item.signal == "update":
            self._open("commitment", item, "an update with no promise on record: opens the commitment", candidates)
        else:
            self._drop(
                item,
                f"{item.signal} of a promise not on record (no open promise of this actor and deliverable)",
                candidates,
            )

    _update = _follow
    _delivery = _follow
    _slip = _follow

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
            return
        self._drop(item, "answer to a question that is not on record")

    def _response(self, item: Item) -> None:
        actor, text, pair = actor_of(item), self.text(item), self.scorer.pair
        prefer = "question" if item.about == "question" else "ask"
        enacted = item.about == "enacted"
        floor = self.rules.response_enacted if enacted else self.rules.response
        scored = []
        for t in self._open_asks.ordered(self.rules.max_responses):  # the inner loop of a large store: kept lean
            thread = t.thread
            kind = thread.kind
            if thread.actor == actor or (enacted and kind != "ask"):
                continue  # never its own; "our office now holds …" answers a request, not a question
            s = self._max(text, t, "question" if kind == "question" else "need", pair)
            named = kind == prefer
            s += 0.05 if named else 0.0
            scored.append((t, s, s >= floor, _WHY[(kind, named)]))
        best = self._best(scored)
        candidates = [(t.thread.id, s, why) for t, s, _ok, why in self._named(scored, best and best[0])]
        if best is None:
            self._drop(item, "a response to nothing on record (no earlier open ask or question is alike)", candidates)
            return
        track, score, why = best
        self._join(track, item, f"response: {why}", score, candidates)
        track.thread.status = status_of(track.thread.kind, track.thread.items)
        if track.thread.status in _CLOSED:
            self._open_asks.discard(track)

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


def link_items(items: Sequence[Item], scorer: Scorer | None = None, rules: Rules = RULES) -> Linked:
    """Threads over items already placed in time (`Item.placed`), with statuses, roles and summaries."""
    ordered = sorted(items, key=lambda i: (i.when, i.seq, i.signal))
    scorer = scorer or LexicalScorer(ordered)
    said = Counter(scorer.text_id(item) for item in ordered)
    linker = _Linker(scorer, rules, {text for text, n in said.items() if n > 1})
    for item in ordered:
        linker.add(item)
    threads = [finish_thread(t) for t in linker.threads]
    return Linked(threads, linker.decisions, scorer.name, linker.subjects, linker.places)
