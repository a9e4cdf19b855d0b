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
  re-promise is an update; else a new thread;
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
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..transcript.speakers import name_key
from .lexicon import load_lexicon
from .models import Decision, Item, Thread
from .similarity import LexicalScorer, Scorer
from .status import finish_thread

__all__ = ["RULES", "Linked", "Rules", "actor_of", "link_items"]


@dataclass(frozen=True)
class Rules:
    """The score thresholds of the linking rules (see the module docstring)."""

    ask_same_category: float = 0.15
    ask_same_object: float = 0.1
    ask_other_category: float = 0.45
    promise_again: float = 0.15
    promise_same_object: float = 0.1
    follow_up: float = 0.0
    question_again: float = 0.5
    response: float = 0.12
    response_enacted: float = 0.3


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


@dataclass
class Linked:
    """Threads (time-ordered) and every decision taken, dropped items included."""

    threads: list[Thread]
    decisions: list[Decision]
    linker: str

    def explain(self, thread_id: str) -> list[Decision]:
        """Decisions about one thread: its items', and those of items that considered it and went elsewhere."""
        return [d for d in self.decisions if d.thread == thread_id or any(c[0] == thread_id for c in d.candidates)]


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


class _Linker:
    def __init__(self, scorer: Scorer, rules: Rules) -> None:
        self.scorer = scorer
        self.rules = rules
        self._lex = load_lexicon()
        self.threads: list[Thread] = []
        self.decisions: list[Decision] = []

    # -- helpers ---------------------------------------------------------------------------
    def _score(self, item: Item, thread: Thread, signals: Iterable[str]) -> float:
        wanted = set(signals)
        scores = [self.scorer.similarity(item, other) for other in thread.items if other.signal in wanted]
        return max(scores, default=0.0)

    def _open(self, kind: str, item: Item, rule: str, candidates: Sequence[tuple[str, float, str]] = ()) -> None:
        actor = actor_of(item)
        category = item.category if kind in ("ask", "question") else "other"
        thread = Thread(_thread_id(kind, actor, item), kind, actor, item.coalition, category)
        thread.entries.append((item, ""))
        self.threads.append(thread)
        decision = Decision(item.ref, item.signal, "opened", thread.id, rule, None, tuple(candidates))
        thread.decisions.append(decision)
        self.decisions.append(decision)

    def _join(
        self, thread: Thread, item: Item, rule: str, score: float, candidates: Sequence[tuple[str, float, str]]
    ) -> None:
        if any(o.session == item.session and o.seq == item.seq and o.signal == item.signal for o in thread.items):
            rule += "; the same sentence is already in the thread: kept once"
        else:
            thread.entries.append((item, ""))
        others = [o for o in thread.items if o is not item]
        closest = max(others, key=lambda o: self.scorer.similarity(item, o)) if others else None
        shared = tuple(self.scorer.shared(item, closest)) if closest is not None else ()
        decision = Decision(item.ref, item.signal, "joined", thread.id, rule, score, tuple(candidates), shared)
        thread.decisions.append(decision)
        self.decisions.append(decision)

    def _drop(self, item: Item, rule: str, candidates: Sequence[tuple[str, float, str]] = ()) -> None:
        self.decisions.append(Decision(item.ref, item.signal, "dropped", None, rule, None, tuple(candidates)))

    @staticmethod
    def _best(scored: list[tuple[Thread, float, bool, str]]) -> tuple[Thread, float, str] | None:
        passing = [(t, s, why) for t, s, ok, why in scored if ok]
        if not passing:
            return None
        return max(passing, key=lambda x: (x[1], x[0].items[-1].when, x[0].items[-1].seq))

    # -- one item ----------------------------------------------------------------------------
    def add(self, item: Item) -> None:
        getattr(self, "_" + item.signal)(item)

    def _need(self, item: Item) -> None:
        actor = actor_of(item)
        scored = []
        for t in self.threads:
            if t.kind != "ask" or t.actor != actor:
                continue
            s = self._score(item, t, ("need",))
            if t.category == item.category:
                rest = max(
                    (self.scorer.residual(item, o, item.category) for o in t.items if o.signal == "need"), default=0.0
                )
                ok = s >= self.rules.ask_same_category and (
                    rest >= self.rules.ask_same_object or s >= self.rules.ask_other_category
                )
                why = f"same category ({item.category}), object {rest:.2f}"
                scored.append((t, s, ok, why))
            else:
                scored.append((t, s, s >= self.rules.ask_other_category, f"other category ({t.category})"))
        self._place("ask", item, scored, "same actor", "no ask of this actor is alike")

    def _promise(self, item: Item) -> None:
        actor = actor_of(item)
        scored = []
        for t in self.threads:
            if t.kind != "commitment" or t.actor != actor or t.status == "fulfilled":
                continue
            same = self._family(t) == item.family
            s = self._score(item, t, ("promise", "update"))
            drop = self._lex.features(" ".join(i.head or "" for i in (item, *t.items)))
            rest = max((self.scorer.without(item, o, drop) for o in t.items), default=0.0)
            ok = same and s >= self.rules.promise_again and rest >= self.rules.promise_same_object
            why = f"same deliverable, object {rest:.2f}" if same else f"other deliverable ({self._family(t)})"
            scored.append((t, s, ok, why))
        self._place("commitment", item, scored, "same actor, re-promised", "a new promise")

    @staticmethod
    def _family(thread: Thread) -> str | None:
        return next((i.family for i in thread.items if i.family), None)

    def _follow(self, item: Item) -> None:
        actor = actor_of(item)
        scored = []
        for t in self.threads:
            if t.kind != "commitment" or t.actor != actor or t.status in ("fulfilled", "unfulfilled"):
                continue
            same = self._family(t) == item.family
            s = self._score(item, t, ("promise", "update"))
            scored.append(
                (t, s, same and s >= self.rules.follow_up, "same deliverable" if same else "other deliverable")
            )
        best = self._best(scored)
        candidates = [(t.id, s, why) for t, s, _ok, why in scored]
        if best is not None:
            thread, score, why = best
            self._join(thread, item, f"{item.signal} of an earlier promise: same actor, {why}", score, candidates)
            thread.status = finish_thread(thread).status  # a delivered or slipped promise takes no more follow-ups
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
        for t in self.threads:
            if t.kind != "question" or not item.speaker or t.items[0].speaker != item.speaker:
                continue
            if t.items[0].session == item.session:
                continue
            s = self._score(item, t, ("question",))
            scored.append((t, s, s >= self.rules.question_again, "same person asked before"))
        self._place("question", item, scored, "asked again", "a new question")

    def _answer(self, item: Item) -> None:
        for t in self.threads:
            first = t.items[0]
            if t.kind == "question" and first.session == item.session and first.line == item.answers:
                self._join(t, item, f"answers the question of line {item.answers} in the same session", 1.0, ())
                return
        self._drop(item, "answer to a question that is not on record")

    def _response(self, item: Item) -> None:
        actor = actor_of(item)
        prefer = "question" if item.about == "question" else "ask"
        scored = []
        for t in self.threads:
            if t.kind not in ("ask", "question") or t.actor == actor or t.status in ("answered", "answered-later"):
                continue
            signals = ("question",) if t.kind == "question" else ("need",)
            s = self._score(item, t, signals)
            bonus = 0.05 if t.kind == prefer else 0.0
            why = f"takes up an earlier {t.kind}" + (" (the kind it names)" if bonus else "")
            floor = self.rules.response_enacted if item.about == "enacted" else self.rules.response
            if item.about == "enacted" and t.kind != "ask":
                continue  # "our office now holds …" answers a request, not a question
            scored.append((t, s + bonus, s + bonus >= floor, why))
        best = self._best(scored)
        candidates = [(t.id, s, why) for t, s, _ok, why in scored]
        if best is None:
            self._drop(item, "a response to nothing on record (no earlier open ask or question is alike)", candidates)
            return
        thread, score, why = best
        self._join(thread, item, f"response: {why}", score, candidates)
        thread.status = finish_thread(thread).status

    def _place(
        self, kind: str, item: Item, scored: list[tuple[Thread, float, bool, str]], joined: str, opened: str
    ) -> None:
        best = self._best(scored)
        candidates = [(t.id, s, why + ("" if ok else ": below threshold or not allowed")) for t, s, ok, why in scored]
        if best is None:
            self._open(kind, item, opened, candidates)
            return
        thread, score, why = best
        self._join(thread, item, f"{joined}, {why}", score, candidates)


def link_items(items: Sequence[Item], scorer: Scorer | None = None, rules: Rules = RULES) -> Linked:
    """Threads over items already placed in time (`Item.placed`), with statuses, roles and summaries."""
    ordered = sorted(items, key=lambda i: (i.when, i.seq, i.signal))
    scorer = scorer or LexicalScorer(ordered)
    linker = _Linker(scorer, rules)
    for item in ordered:
        linker.add(item)
    threads = [finish_thread(t) for t in linker.threads]
    return Linked(threads, linker.decisions, scorer.name)
