"""The records of linking: its thresholds (`Rules`), its result (`Linked`) and the per-thread state.

Why a module of its own: the linker, the service that keeps its result and the web pages
all read these, and none of them needs the rules that fill them (`threads.link`); a thread's
state (`_Track`) and the recency index (`_Recent`) are what the scale rules of
`threads.link`'s docstring bound.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter

from ..transcript.speakers import name_key
from .linknames import _families
from .models import Decision, Item, Thread
from .nounphrase import UNKNOWN_FAMILY


@dataclass(frozen=True)
class Rules:
    """The score thresholds of the linking rules and the recency cap (see `threads.link`'s docstring)."""

    ask_same_category: float = 0.15
    ask_same_object: float = 0.1
    ask_other_category: float = 0.45
    # one of the two categories is `other` (the lexicon read no category in that wording): no evidence either way
    ask_unsure_category: float = 0.25
    ask_unsure_object: float = 0.2
    # an actor's topic: words that at least this share of its distinct needs say (actors with this many needs)
    topic_share: float = 0.5
    topic_needs: int = 6
    promise_again: float = 0.15
    promise_same_object: float = 0.1
    follow_up: float = 0.0
    after_delivery: float = 0.15
    # a delivery none of whose actor's open promises has its deliverable family still joins the most alike one at this
    # score when one of the two nouns is unknown to the lexicon
    delivery_other_family: float = 0.3
    # a delivery or slip no promise of its teller takes joins another body's open promise of its deliverable this alike
    unnamed_owner: float = 0.45
    question_again: float = 0.5
    response: float = 0.12
    response_enacted: float = 0.3
    # added, in ranking only, to the score of an open ask that names the responding body ("we ask the Secretariat …")
    response_addressed: float = 0.1
    max_candidates: int = 64
    max_responses: int = 512
    named_candidates: int = 12


# Hand thresholds first: a logistic regression over these scores and the categories *in place of* them (stops 19
# and 20) never beat them on a corpus it had not seen (trained without blind4 and scored on it: link F1 0.789 vs
# 0.800 lexical, 0.784 vs 0.825 semantic), and did not at stop 21 either (each of the six corpora left out in turn:
# 0.843 vs 0.835 lexical but 0.858 vs 0.875 semantic). Since stop 21 a need-pair model only *adds* joins the rules
# refuse (`_rescued`); left out in turn, no corpus scores lower and the pooled link F1 over matched gold items goes
# 0.835 → 0.843 lexical, 0.875 → 0.876 semantic (`bench/train_links.py`). Since stop 22 `bench/train_links.py` counts
# every gold pair as `bench/threads.py` does (a gold item not extracted loses its pairs); refitted on the seven
# corpora after the stop-22 extraction fixes, pooled leave-one-corpus-out link F1 is 0.782 lexical, 0.806 semantic.
# Stop 23 (eight corpora, blind7 among them): 0.785 lexical, 0.799 semantic before the recall fixes of that stop (actor
# carried over a speaker's paragraphs, responses told as "which the forum asked for", needs in the negative, deliveries
# with an unknown noun, plain replies to relayed questions), 0.809 and 0.834 after.
# Stop 30 (fourteen corpora, blind13 among them; `bench/train_links.py`, each corpus left out): model features that
# do not depend on development wording (embedding cosine, shared features, year gap, same speaker), the threshold chosen
# for F1 from 0.30 up, a delivery of an unnamed body's promise, verbless promises, unregistered coalitions named in
# responses: 0.742 → 0.746 rules and 0.779 → 0.785 model (lexical), 0.762 → 0.768 and 0.789 → 0.795 (semantic).
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
    _by_id: dict[str, Thread] | None = field(default=None, init=False, repr=False, compare=False)

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

    def explain_items(self, thread_id: str) -> list[tuple[Decision, Item | None]]:
        """`explain` with each decision's item (None when the subjects are not known), so a decision about an
        item that went to another thread can quote it instead of printing a bare key."""
        decisions = self.explain(thread_id)
        if len(self.subjects) != len(self.decisions):
            return [(d, None) for d in decisions]
        return [(self.decisions[n], self.subjects[n]) for n in self._about.get(thread_id, ())] if self._about else []

    def thread(self, thread_id: str | None) -> Thread | None:
        """The thread with this id, or None (a look-up table built on first use)."""
        if thread_id is None:
            return None
        if self._by_id is None or len(self._by_id) != len(self.threads):
            self._by_id = {t.id: t for t in self.threads}
        return self._by_id.get(thread_id)


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
    quotes: list[int] = field(default_factory=list)  # the keys of `every`, in order
    counts: dict[int, int] = field(default_factory=dict)
    sentences: set[tuple[str, int, str]] = field(default_factory=set)
    need_lines: dict[str, set[int]] = field(default_factory=dict)  # session → lines of its needs in the thread
    heads: dict[str, None] = field(default_factory=dict)
    family: str | None = None
    families: set[str] = field(default_factory=set)  # its items' families and promised verbs' (`_families`)
    years: set[int] = field(default_factory=set)
    actor: str = field(default="", init=False)
    kind: str = field(default="", init=False)
    by_year: dict[tuple[str, int], dict[int, None]] = field(default_factory=dict)  # (signal, year) → its quotes
    _said: set[tuple[str, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.actor, self.kind = self.thread.actor, self.thread.kind  # read in the inner loops: one look-up

    def add(self, item: Item, text: int) -> None:
        if (item.signal, text) not in self._said:
            self._said.add((item.signal, text))
            self.texts.setdefault(item.signal, []).append(text)
        if text not in self.every:
            self.every[text] = item
            self.quotes.append(text)
        self.counts[text] = self.counts.get(text, 0) + 1
        self.sentences.add((item.session, item.seq, item.signal))
        if item.signal == "need":
            self.need_lines.setdefault(item.session, set()).add(item.line)
        if item.year is not None:
            self.years.add(item.year)
            self.by_year.setdefault((item.signal, item.year), {})[text] = None
        if item.head:
            self.heads.setdefault(item.head)
        if self.family is None and item.family:
            self.family = item.family
        self.families |= _families(item)

    def same_deliverable(self, item: Item) -> bool:
        """The family rule: the item's deliverable family (or the one its promised verb names) is the thread's."""
        return self.family == item.family or bool(self.families & _families(item))

    @property
    def last(self) -> Item:
        return self.thread.entries[-1][0]


def _unknown_either(track: _Track, item: Item) -> bool:
    """The item's deliverable noun, or the thread's, is one the lexicon does not know (`nounphrase.unknown_family`)."""
    return any(f is None or f.startswith(UNKNOWN_FAMILY) for f in (track.family, item.family))


class _Recent:
    """Threads in order of their latest activity (opened or joined).

    `ordered(n)` is asked for at every item and changes far less often (only when a
    thread enters or leaves the n most recent), so its answer is kept until then: a
    touch of a thread already among them leaves it as it is.
    """

    def __init__(self) -> None:
        self._tracks: OrderedDict[int, _Track] = OrderedDict()
        self._kept: tuple[int, list[_Track], frozenset[int]] | None = None  # (n, answer, its orders)

    def touch(self, track: _Track) -> None:
        kept = self._kept
        if kept is not None and track.order not in kept[2]:
            self._kept = None
        self._tracks[track.order] = track
        self._tracks.move_to_end(track.order)

    def discard(self, track: _Track) -> None:
        if self._tracks.pop(track.order, None) is not None:
            self._kept = None

    def ordered(self, n: int) -> list[_Track]:
        """The n most recently active threads (all when fewer), in the order they were opened (do not change it)."""
        kept = self._kept
        if kept is not None and kept[0] == n:
            return kept[1]
        chosen = self._tracks.values() if len(self._tracks) <= n else islice(reversed(self._tracks.values()), n)
        answer = sorted(chosen, key=_OPENED)
        self._kept = (n, answer, frozenset(t.order for t in answer))
        return answer


_OPENED = attrgetter("order")


_NONE = _Recent()
