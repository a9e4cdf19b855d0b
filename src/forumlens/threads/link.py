"""Items → threads: one actor's same need, promise or question across sessions and years. Pure.

Items are taken in time order (year, then date and ingest order of their session,
then place in it); each one joins the best thread its rules allow or opens a new one,
which is also how a newly ingested session's items join or open threads. The rules,
each named in the `Decision` that `threads --explain` prints:

- actor: an item only ever joins a thread of the same actor (coalition; else the
  institution; else the person), except an answer or a response, which is by
  someone else by nature;
- `need` → ask thread of the actor: same category, score ≥ ask_same_category and, the
  category's own words and the actor's topic set aside, the same object (≥ ask_same_object:
  "funding for travel" is not "funding for servers"); or another category and score ≥
  ask_other_category (two wordings of one need the category lexicon reads differently);
  or, when one of the two wordings has no category the lexicon can read (`other`: the
  category is no evidence either way), score ≥ ask_unsure_category and the object shared
  (≥ ask_unsure_object); else a new thread. An actor's topic is the words at least half
  of its distinct needs say (actors with six or more): every need of a connectivity
  coalition says "community networks", which tells nothing about which need it is;
  a thread these rules refuse is still joined when the need-pair model (`linkmodel.py`,
  trained by `bench/train_links.py`) finds the new need and one of the thread's the same
  need (P ≥ its threshold): a misread category, a repeat that says it repeats ("I repeat
  what Mei Lin asked in Riyadh"), the same object in other words (`objects.py`);
- `promise` → commitment thread of the actor with the same deliverable family, not yet
  delivered, score ≥ promise_again and, the deliverable's own noun set aside, still
  alike (≥ promise_same_object: "a report on youth" is not "a report on AI"); a
  re-promise is an update; else a new thread (the deliverable's own words are the
  lexicon features of each distinct head, so a phrase never spans two heads);
- `update`, `delivery`, `slip` → the open or slipped commitment thread of the actor with the same
  deliverable family (best score when several: "delayed", then "dropped", or a late delivery); else (none of them fits) an update or a
  delivery joins a fulfilled one of that family, score ≥ after_delivery and, the deliverable's own noun set
  aside, still alike (≥ promise_same_object) ("our study, released in 2023, …" tells of an
  output already delivered: role `update`); a delivery with none of its family joins the actor's
  open promise it is most alike (≥ delivery_other_family) when one of the two nouns is one the
  lexicon does not know ("the comparative study …" delivers "a comparison of …"; a study is never
  a toolkit); an `update` with none opens one
  (it is a promise in other words), a delivery or slip with none is dropped (no promise
  on record to fulfil); one that names who made the promise ("the repair course that UNEP
  promised last year was held …", told by a coalition; "the guide that Mbali promised") also
  weighs that actor's commitments (`promised_by`: its name, or the name of the person who
  made the promise), by the same rules; a delivery or slip none of this fits joins, by the same
  rules, an open promise of a body whose name it says whole ("UNESCO's new version of the
  indicators came out last year", told by a coalition: `_owners`);
- a delivery or slip none of this fits, told by a body that names no promiser, joins another body's open promise of
  its deliverable when alike (≥ unnamed_owner: "the transcripts of all IGF meetings since 2006 are now searchable",
  told by a coalition of what the Secretariat promised, `_unnamed_owner`);
- `question` → a new question thread, unless the same person asked it before
  (score ≥ question_again); an `answer` joins the question it answers, which closes it: a later
  response no longer takes it up;
- `response` → the earlier, unanswered ask or question it takes up (questions first
  for "the question raised …", asks first for "following the request …"), of any actor
  but the responder's, score ≥ response (≥ response_enacted when it only says what an
  institution now does, without naming the request), sharing two features with one of its
  sentences, or one concept when ≥ response_enacted or naming the meeting (one word when it names the asker's
  coalition): one plain word in common is chance (`_takes_up`); when it names the meeting the ask
  was made at ("as you asked in Riyadh", "the question from Kyoto", "last year") and
  something open was raised there, only what was raised there (`meeting_year`); when it
  names a coalition ("following what the journalism coalition asked", a registry name),
  only that coalition's asks, when any is open (the words of the name that tell it apart,
  `named_coalition`), and likewise when it says a coalition's topic whole ("travel grants for teachers who work
  with open educational resources"; two telling words at least); when the asker was someone from the floor ("a participant asked",
  "someone asked"), only questions: a coalition's ask is not a participant's question; a
  response alike to nothing open that goes on, in the same turn (line) of the same speaker,
  from a response that took up an ask or question, and is alike to it as a response must be,
  joins that thread ("… asked us to keep it. The MAG decided to continue it": one answer); of the asks
  it may take up, one that names the responding body ("And to the Secretariat we ask …") ranks higher
  (`_put_to`: ranking only, never over the floor); a response naming an institution whole ("To the Arab
  IGF, which asked …") takes up that institution's asks; every meeting it names counts ("in Bali, in
  Geneva and in Addis", `meeting_years`);
- a need that says it repeats and names the meeting its actor asked at ("We said it in Bali and we say
  it again: …") joins the actor's ask raised there when no other rule allows a thread (`_said_again_at`);
- a follow-up whose subject is another body ("ISO held the webinar …", "APNIC's course … was cancelled",
  told by a coalition; no "we"/"our" before its cue) is weighed against that body's promises, as one
  naming who promised is (`_subject_owners`).

A deliverable's family is its head noun's, and also that of a deliverable its promise says
as a verb ("the coalition will map the public funding of news" promises a map, though the
sentence's last noun is "funding"); a thread's families are those of its items, so the
map promised as a verb takes the "mapping" update and the "map" delivery.

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
import heapq
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import attrgetter

from ..text.alternation import alternation
from ..transcript.speakers import name_key
from .actors import body_pattern, initials
from .cues import retro_promise, venues_by_year
from .lexicon import load_lexicon
from .linkmodel import NEED_FEATURES, LinkModel, load_link_model, need_features, says_repeat
from .models import Decision, Item, Thread
from .nounphrase import UNKNOWN_FAMILY, is_output
from .objects import object_similarity
from .similarity import LexicalScorer, Scorer
from .status import finish_thread, status_of

__all__ = [
    "RULES",
    "Linked",
    "Rules",
    "actor_of",
    "link_items",
    "meeting_year",
    "meeting_years",
    "named_coalition",
    "need_featurizer",
]


@dataclass(frozen=True)
class Rules:
    """The score thresholds of the linking rules and the recency cap (see the module docstring)."""

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


_AT = r"\b(?:in|at|from|since|during|of)\s+(?:the\s+)?(?:igf\s+(?:in\s+)?)?"


@lru_cache(maxsize=1)
def _meetings() -> tuple[re.Pattern[str], dict[str, int]]:
    """A pattern for a named IGF meeting (host city of one year only, or a year) and city → year."""
    seen: dict[str, set[int]] = {}
    for year, names in venues_by_year().items():
        for name in names:
            seen.setdefault(name, set()).add(year)
    cities = {name: years.pop() for name, years in seen.items() if len(years) == 1}
    either = alternation(cities)
    return re.compile(_AT + rf"(?:(?P<city>{either})|(?P<year>(?:19|20)\d\d))\b", re.I), cities


_AGO = re.compile(r"\b(?:(?P<one>last year|a year ago)|(?P<two>two years ago))\b", re.I)


def _named(years: Sequence[int]) -> str:
    """The meetings a response names, as an explanation says them."""
    if len(years) == 1:
        return f"{years[0]}, the meeting it names"
    return f"{', '.join(map(str, years))}, the meetings it names"


def meeting_years(quote: str, year: int | None) -> list[int]:
    """Every IGF meeting a sentence names, in its order (`meeting_year` for each: "asked for this in Bali, in Geneva
    and in Addis" → 2013, 2017, 2022), without repeats; [] when it names none.

    Why: an ask said again year after year is answered naming all the meetings it was said at, and the one found
    first is not always one whose wording is on record."""
    pattern, cities = _meetings()
    out: list[int] = []
    for found in pattern.finditer(quote):
        named = cities[found.group("city").casefold()] if found.group("city") else int(found.group("year"))
        if (year is None or named <= year) and named not in out:
            out.append(named)
    if out:
        return out
    one = meeting_year(quote, year)
    return [one] if one is not None else []


def meeting_year(quote: str, year: int | None) -> int | None:
    """The year of the IGF meeting a sentence names ("as you asked in Riyadh" → 2024, "at the IGF
    2023", "last year" said in 2025 → 2024), or None."""
    pattern, cities = _meetings()
    found = pattern.search(quote)
    if found is not None:
        named = cities[found.group("city").casefold()] if found.group("city") else int(found.group("year"))
        return None if year is not None and named > year else named  # "… by 2026" is not a meeting held
    ago = _AGO.search(quote)
    if ago is not None and year is not None:
        return year - (1 if ago.group("one") else 2)
    return None


# the teller as the subject: "we", "our", "I", "my", "us"
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|i|my)\b", re.I)


def _said_again_at(item: Item, scored: list[Scored]) -> list[Scored]:
    """`scored` with the actor's ask raised at the meeting the need names allowed, when the need says it repeats
    ("We said it in Bali and we say it again: the hubs need someone to pay for a proper connection"): the one ask
    of the actor on record from that meeting, or, when it raised several there, the most alike (some word shared).

    Why: a coalition that says where it said it before points at its own earlier ask, whatever the words of each
    year ("a decent link on the days of the forum" in 2013, "a proper connection" for the hubs in 2015); the
    meeting and the repeat are evidence the words are not. Only when no thread is allowed already."""
    if any(ok for _, _, ok, _ in scored) or not says_repeat(item.quote):
        return scored
    years = meeting_years(item.quote, item.year)
    there = [n for n, (t, _, _, _) in enumerate(scored) if any(("need", y) in t.by_year for y in years)]
    if len(there) > 1:
        best = max(there, key=lambda n: scored[n][1])
        there = [best] if scored[best][1] > 0.0 else []
    if not there:
        return scored
    n = there[0]
    t, s, _, why = scored[n]
    out = list(scored)
    out[n] = (t, s, True, f"{why}; says it repeats what it asked at the meeting it names")
    return out


def _other_need_here(item: Item, row: Scored) -> Scored:
    """`row` refused when its thread already holds a need said beside the item (`_SIDE_BY_SIDE`) in its session on
    another line, unless the item says it repeats (`linkmodel.says_repeat`).

    Why: one speaker, one turn or one report section says two needs side by side ("accessible copies across
    borders" and "lending e-books"; "public money" and "backhaul at cost"), alike in words and often in category;
    a need is said again in another session or document, and in none of the annotated corpora is one need of a
    thread said twice in one session (0 of 160 gold pairs), while such neighbours were joined as hard negatives.
    Said again turns later ("one more word before we close?") it may well be the same need: not refused."""
    track, score, ok, why = row
    lines = track.need_lines.get(item.session)
    if not ok or not lines or item.line in lines or says_repeat(item.quote):
        return row  # "A sandbox … this is still what we need": said again on purpose, after its preface
    if all(abs(line - item.line) > _SIDE_BY_SIDE for line in lines):
        return row  # said again later in the session ("Amara, one more word before we close?")
    return track, score, False, why + "; another need said beside it in the same session already in it"


# how many lines apart two needs of one session are said side by side: the same paragraph, turn or report section
# (a caption keeps a blank line between paragraphs, so two paragraphs on)
_SIDE_BY_SIDE = 4


def _made_at(item: Item, scored: Sequence[Scored]) -> list[Scored]:
    """`scored` with the open promise the follow-up says was made at the meeting it names allowed ("… that I announced
    in Nairobi", "As the Secretariat promised in Sharm"): the best-scoring one first made in that meeting's year;
    empty when the follow-up names no promise or meeting, or no candidate was made there.

    Why: the deliverable's noun differs between a promise and its fate told years later ("a model consent form" →
    "the model consent form for apps", read as two families; "start a mentoring programme" → "the mentoring
    programme"), and the family rule then keeps them apart although the follow-up says which promise it is."""
    if item.year is None or retro_promise(item.quote) is None:
        return []
    year = meeting_year(item.quote, item.year)
    if year is None or year >= item.year:
        return []
    made = [row for row in scored if row[0].thread.entries[0][0].year == year]
    if not made:
        return []
    best = max(made, key=lambda row: row[1])[0]
    return [
        (t, s, t is best, f"{why}; names its promise at the meeting of {year}" if t is best else why)
        for t, s, _ok, why in scored
    ]


_AT_ODDS = tuple(NEED_FEATURES.index(name) for name in ("other_category", "object", "repeat", "names"))


def _rescue_probability(model: LinkModel, features: Sequence[float]) -> float:
    """The pair model's probability that two needs are one, 0 when both categories are read and differ and nothing
    else says they are one: no shared object (`objects.py`), no "again", no earlier speaker or meeting named.

    Why: words shared by two needs of one actor ("rural operators", "radios") tell its topic, not its need: "funding
    so rural operators can buy radios" is not "training to repair radios"; the model, weighing likeness, joined them
    once its features grew (stop 30). Two categories read apart are evidence the likeness has to be beaten by more
    than likeness."""
    other, obj, repeat, names = (features[n] for n in _AT_ODDS)
    if other and not obj and not repeat and not names:
        return 0.0
    return model.probability(features)


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


# "we will map …", "the coalition will survey …": the promised output said as a verb
_PROMISED_VERB = re.compile(
    r"\b(?:will|shall|going to|plans? to|intends? to|aims? to)\s+(?:(?:also|now|first|then|\w+ly)\s+)?([a-z]+)\b",
    re.I,
)


# who made the promise a follow-up tells of: "the repair course that UNEP promised", "the workshop that the Internet
# Society promised in Guadalajara", "The guide that Mbali promised", "In Paris the ministry promised to connect …",
# and without "that" after the deliverable's noun, a body named with its capital ("the validation workshop the
# Ministry promised us")
_PROMISED_BY = re.compile(
    r"(?:^|\b(?:that|which|(?i:as))\s+|[.;,:]\s+|\b(?i:in|at)\s+[\w'’ ]{1,20}?\s+|\b[a-z]{3,}\s+(?=the\s+[A-Z]))"
    r"(?P<who>(?:the\s+)?(?:[A-Z][\w'’‑-]*|[a-z]{4,})(?:\s+[A-Z][\w'’‑-]*){0,4})"
    r"\s+(?:had\s+|has\s+)?(?:promised|announced|pledged|committed)\b"
)
# the maker said as the deliverable's owner, the promise as a participle after it: "UNICEF's study of how children use
# phones, promised at the Nairobi open forum, was published"
_PROMISED_OWNER = re.compile(
    r"(?:^|[.;:]\s+)\W*(?P<who>(?:the\s+)?[A-Z][\w‑-]*(?:\s+[A-Z][\w‑-]*){0,3})['’]s\s[^,;.]{1,100},\s*"
    r"(?:first\s+|originally\s+)?(?:promised|announced|pledged)\b"
)
_NOT_WHO = frozenset(
    {"we", "i", "you", "they", "he", "she", "it", "who", "our", "this", "that", "which", "what", "the", "as"}
)


def promised_by(quote: str) -> frozenset[str]:
    """The words naming who made the promise a follow-up tells of (empty when it says none, or says "we")."""
    for match in (*_PROMISED_BY.finditer(quote), *_PROMISED_OWNER.finditer(quote)):
        words = frozenset(w for w in re.findall(r"[\w'’‑-]+", match.group("who").casefold()) if w not in _NOT_WHO)
        if words:
            return words
    return frozenset()


def _families(item: Item) -> frozenset[str]:
    """The item's deliverable family, and the family of a deliverable its promise says as a verb ("the coalition
    will map the public funding of news" promises a map, whatever noun the sentence's head is): kept per quote.
    A noun the lexicon does not know (`nounphrase`) also carries the family of the first known deliverable after
    it, its complement ("one page on the IGF website" meets "the website" as it did before the noun was read)."""
    return _families_of(item.family, item.quote, item.head)


@lru_cache(maxsize=16384)
def _families_of(family: str | None, quote: str, head: str | None = None) -> frozenset[str]:
    # an unrecognised deliverable (None) is no family: two of them are alike only by `family ==`
    found: set[str] = {family} if family else set()
    lex = load_lexicon()
    if family and family.startswith(UNKNOWN_FAMILY) and head:
        at = quote.find(head)
        after = [d[2] for d in lex.deliverables(quote) if at >= 0 and d[0] >= at + len(head) and is_output(quote, d)]
        found |= set(after[:1])
    for match in _PROMISED_VERB.finditer(quote):
        verb = match.group(1)
        found |= {f for a, b, f in lex.deliverables(verb) if a == 0 and b == len(verb)}
    return frozenset(found)


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
# the need-pair model weighs a thread the rules refused only when it is this alike at all, and then its this many
# most alike needs (a bound on the work at archive scale: in training no pair under 0.14 similarity reached the
# threshold of either linker)
_RESCUE_FLOOR = 0.1
_RESCUE_QUOTES = 4
_NOTHING = (0, 0.0)
_WHY = {
    ("ask", True): "takes up an earlier ask (the kind it names)",
    ("ask", False): "takes up an earlier ask",
    ("question", True): "takes up an earlier question (the kind it names)",
    ("question", False): "takes up an earlier question",
}


# "a participant asked", "someone in the room asked": an asker from the floor, whose question it takes up
_FLOOR_ASKED = re.compile(
    r"\b(?:a|one|another)\s+(?:\w+\s+)?(?:participant|person|delegate|colleague|speaker)\s+(?:\w+\s+){0,3}?asked\b"
    r"|\b(?:someone|somebody)\s+(?:\w+\s+){0,3}?asked\b",
    re.I,
)
# "the journalism coalition", "the core values coalition": a coalition named by what it is about
_COALITION_PHRASE = re.compile(r"\bthe\s+((?:[a-z][\w‑-]*\s+){1,3}?)coalition\b")
_NAME_NOISE = frozenset(
    ("the", "of", "on", "and", "for", "in", "dc", "dynamic", "coalition", "coalitions", "internet", "governance", "igf")
)


def _name_words(name: str) -> frozenset[str]:
    """The words of a coalition's name that tell it apart (not "Dynamic Coalition on", not "Internet")."""
    words = (w for w in re.findall(r"[a-z]+", name.casefold()) if w not in _NAME_NOISE and len(w) > 2)
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words)  # "schools" ↔ "school"


def _topic_said(coalition: str, said: frozenset[str]) -> bool:
    """The telling words of the coalition's name (two at least) are all in `said`: a response names its topic."""
    topic = _name_words(coalition)
    return len(topic) >= 2 and topic <= said


@lru_cache(maxsize=4096)
def _words_of(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w'’‑-]+", name.casefold()))


def _coalition_actor(actor: str) -> str:
    """The name of an institution-like actor that is a coalition the registry does not know ("org:Dynamic Coalition on
    Internet and Climate Change"), else "" (a named coalition's asks are looked for among coalitions only)."""
    name = actor.partition(":")[2] if actor.startswith("org:") else ""
    return name if re.search(r"\bcoalition\b", name, re.I) else ""


def named_coalition(item: Item) -> frozenset[str]:
    """The telling words of the coalition a response names (a coalition name found in it, or "the journalism
    coalition"); empty when it names none."""
    said = [item.quote[a:b] for a, b in item.names]
    said += [m.group(1) for m in _COALITION_PHRASE.finditer(item.quote)]
    return frozenset(w for phrase in said for w in _name_words(phrase))


class _Linker:
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
        self._text: dict[int, int] = {}  # id(item) → its text id, for the items being linked
        self._repeated = repeated  # text ids more than one item says: their best scores are remembered
        # (quote, signal, tag) → thread order → (quotes of the thread seen, best score): see `_max_each`
        self._best_of: dict[tuple[int, str, str], dict[int, tuple[int, float]]] = {}
        self._by_actor: dict[tuple[str, str], _Recent] = {}  # (kind, actor) → its threads
        self._by_asker: dict[str, _Recent] = {}  # a question thread's first speaker → its threads
        self._asked: dict[tuple[str, int], _Track] = {}  # (session, line) of a question → the first thread of it
        self._open_asks = _Recent()  # asks and questions a response may still take up
        self._answering: tuple[str, str, int, _Track] | None = None  # (session, speaker, line, thread): last response
        self._head_features: dict[str, frozenset[str]] = {}
        self._closest_of: dict[tuple[int, int], tuple[int, int | None, float]] = {}  # see `_closest`
        self._topics = topics or {}  # actor → the words most of its needs say (`_actor_topics`)

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
        self.subjects.append(item)
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

    # -- one item ----------------------------------------------------------------------------
    def add(self, item: Item) -> None:
        getattr(self, "_" + item.signal)(item)

    def _need(self, item: Item) -> None:
        scored: list[Scored] = []
        text, category, actor = self.text(item), item.category, actor_of(item)
        rules = self.rules
        topic = self._topics.get(actor)
        scorer = self.scorer
        if topic is None:

            def residual(a: int, b: int) -> float:
                return scorer.residual_pair(a, b, category)

        else:

            def residual(a: int, b: int) -> float:
                return scorer.residual_without_pair(a, b, category, topic)

        tracks = self._candidates(self._by_actor.get(("ask", actor), _NONE))
        scores = self._max_each(text, tracks, "need", scorer.pair)
        # the object is weighed for the same category, and across categories when one wording's category is unread
        # (`other`: no evidence either way) and the score is in the band where only the object can tell
        unsure = category == "other"
        weigh = [
            t
            for t, s in zip(tracks, scores, strict=True)
            if t.thread.category == category
            or (rules.ask_unsure_category <= s < rules.ask_other_category and (unsure or t.thread.category == "other"))
        ]
        rests = iter(self._max_each(text, weigh, "need", residual, "|rest|" + category))
        weighed = {t.order for t in weigh}
        for t, s in zip(tracks, scores, strict=True):
            kin = t.thread.category
            if kin == category:
                rest = next(rests)
                ok = s >= rules.ask_same_category and (rest >= rules.ask_same_object or s >= rules.ask_other_category)
                scored.append((t, s, ok, f"same category ({category}), object {rest:.2f}"))
            elif t.order in weighed:
                rest = next(rests)
                ok = rest >= rules.ask_unsure_object
                scored.append((t, s, ok, f"category unread in one wording ({kin}), object {rest:.2f}"))
            else:
                scored.append((t, s, s >= rules.ask_other_category, f"other category ({kin})"))
        if self.model is not None:  # a need the rules keep apart joins when the pair model finds it the same one
            scored = self._rescued(item, scored, self.model)
        scored = _said_again_at(item, scored)
        scored = [_other_need_here(item, row) for row in scored]
        self._place("ask", item, scored, "same actor", "no ask of this actor is alike")

    def need_pair(self, item: Item, earlier: Item, text: int, other: int) -> list[float]:
        """The `linkmodel.NEED_FEATURES` of a new need and an earlier one of its actor (`bench/train_links.py`
        calls this too, so training and linking read the same features)."""
        scorer, topic = self.scorer, self._topics.get(actor_of(item))
        if topic is None:
            rest = scorer.residual_pair(text, other, item.category)
        else:
            rest = scorer.residual_without_pair(text, other, item.category, topic)
        obj = object_similarity(earlier.about_text, item.about_text, (earlier.category, item.category))
        mine, theirs = scorer.feature_set(text), scorer.feature_set(other)
        overlap = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0.0
        embedding = scorer.embedding_pair(text, other)
        return need_features(earlier, item, scorer.pair(text, other), rest, obj, embedding, overlap)

    def _rescued(self, item: Item, scored: list[Scored], model: LinkModel) -> list[Scored]:
        """`scored` with each thread the rules refused allowed when the need-pair model puts the new need and
        the thread's most alike need at P ≥ its threshold (the category misread, a repeat said in other words)."""
        text = self.text(item)
        memo = self._need_memo if text in self._repeated else None
        out: list[Scored] = []
        pair = self.scorer.pair
        for t, s, ok, why in scored:
            if not ok and s >= _RESCUE_FLOOR:
                # the model weighs the thread's most alike needs only: an actor's thread may hold hundreds
                texts = t.texts.get("need") or ()
                key = (text, t.order, len(texts))  # a quote said again: its best against the thread as it is
                best = memo.get(key) if memo is not None else None
                if best is None:
                    if len(texts) > _RESCUE_QUOTES:
                        texts = heapq.nlargest(_RESCUE_QUOTES, texts, key=lambda other: pair(text, other))
                    best = max(_rescue_probability(model, self.need_pair(item, t.every[o], text, o)) for o in texts)
                    if memo is not None:
                        memo[key] = best
                if best >= model.threshold:
                    ok, why = True, f"{why}; the pair model finds the same need (P {best:.2f})"
            out.append((t, s, ok, why))
        return out

    def _promise(self, item: Item) -> None:
        scored = []
        for t in self._candidates(self._by_actor.get(("commitment", actor_of(item)), _NONE)):
            if t.thread.status == "fulfilled":
                continue
            same = t.same_deliverable(item)
            s = self._score(item, t, ("promise", "update"))
            if not same:
                scored.append((t, s, False, f"other deliverable ({t.family})"))
                continue
            rest = self._object(item, t)
            ok = s >= self.rules.promise_again and rest >= self.rules.promise_same_object
            scored.append((t, s, ok, f"same deliverable, object {rest:.2f}"))
        self._place("commitment", item, scored, "same actor, re-promised", "a new promise")

    def _promisers(self, item: Item, actor: str) -> list[_Track]:
        """Commitment threads of another actor that the follow-up names as having promised (`promised_by`): the
        actor's name says the words ("UNEP", "the ministry" of a Ministry of …), or its promise's speaker's does."""
        who = promised_by(item.quote)
        if not who:
            return []
        out: list[_Track] = []
        for (kind, other), index in self._by_actor.items():
            if kind != "commitment" or other == actor:
                continue
            named = who <= _words_of(other)
            for t in self._candidates(index):
                speaker = t.thread.entries[0][0].speaker
                if named or (speaker and who <= _words_of(name_key(speaker))):
                    out.append(t)
        return out

    def _owners(self, item: Item, actor: str, text: str | None = None) -> list[_Track]:
        """Open commitments of the bodies (institutions, coalitions) a follow-up names, all the telling words of the
        name said ("UNESCO's new version …", "the IGF Secretariat"): not a person's, never the teller's own.
        `text`: the part of the quote read for the name (all of it by default)."""
        said = _name_words(item.quote if text is None else text)
        text = item.quote if text is None else text
        out: list[_Track] = []
        for (kind, other), index in self._by_actor.items():
            if kind != "commitment" or other == actor or other.startswith("person:"):
                continue
            name = other.partition(":")[2]
            words = _name_words(name)
            short = initials(name)  # "The CTU's yearly comparison …" for the Caribbean Telecommunications Union
            if (words and words <= said) or (short and re.search(rf"\b{short}\b", text)):
                out += [t for t in self._candidates(index) if t.thread.status != "fulfilled"]
        return out

    def _subject_owners(self, item: Item, actor: str) -> list[_Track]:
        """Open commitments of the body a follow-up names as who did it, before its cue and with no "we", "our" or
        "I" there ("ISO held the webinar in Portuguese …", "And APNIC's course for the hubs … was cancelled", told by
        a coalition): that body's promise, not the teller's (`_owners` over the words before the cue).

        Why: a coalition reports the fate of what an institution promised it as often as of its own promises, and
        the deliverable's words ("a course", "training") may match one of its own; the subject says whose it is."""
        at = item.quote.find(item.cue) if item.cue else -1
        head = item.quote[:at] if at > 0 else ""
        if not head.strip() or _FIRST_PERSON.search(head):
            return []
        return self._owners(item, actor, head)

    def _unnamed_owner(self, item: Item, actor: str) -> list[Scored]:
        """Open promises of other bodies (not persons) a delivery or slip nobody's promise took may be told of, with
        the same deliverable and a score ≥ `Rules.unnamed_owner`; [] when none is that alike.

        Why: a coalition tells what an institution promised it as done without naming who promised it ("the
        transcripts of all IGF meetings since 2006 are now searchable", promised by the Secretariat; "the training
        for regulators on ledger standards took place in Kigali", promised by the ITU), and such a delivery was
        dropped; on the 14 development corpora about a third of the 33 gold pairs missed for the actor were of this
        shape (stop 30; this rule finds 5 of them). Only
        when the teller has no promise of its own it fits and names no body, so the actor rule still holds for
        everything else."""
        rows: list[Scored] = []
        for (kind, other), index in self._by_actor.items():
            if kind != "commitment" or other == actor or other.startswith(("person:", "session:")):
                continue
            for t in self._candidates(index):
                if t.thread.status == "fulfilled" or not t.same_deliverable(item):
                    continue
                s = self._score(item, t, ("promise", "update"))
                rows.append((t, s, s >= self.rules.unnamed_owner, "same deliverable, its owner not named"))
        return rows if any(ok for _, _, ok, _ in rows) else []

    def _follow(self, item: Item) -> None:
        scored, delivered = [], []
        actor = actor_of(item)
        # a follow-up that names another actor as the promiser ("As the Secretariat promised in Sharm, every workshop
        # room here is connected", told by a forum) is about that actor's promise: the teller's own are not weighed
        named = self._promisers(item, actor) or self._subject_owners(item, actor)
        own = () if named else self._candidates(self._by_actor.get(("commitment", actor), _NONE))
        for t in [*own, *named]:
            status = t.thread.status
            if status == "fulfilled":
                delivered.append(t)
            else:  # pending, or slipped: a slip may be followed by news, a drop or a late delivery
                same = t.same_deliverable(item)
                s = self._score(item, t, ("promise", "update"))
                why = "same deliverable" if same else "other deliverable"
                scored.append((t, s, same and s >= self.rules.follow_up, why))
        best = self._best(scored)
        if best is None and item.signal == "delivery":
            # the output told done in other words ("the comparative study …" for "a comparison of …"): the actor's open
            # promise it is most alike, when one of the two nouns is one the lexicon does not know (no evidence of
            # another deliverable: a study is never a toolkit) and the likeness is strong
            other = [
                (t, s, ok or (s >= self.rules.delivery_other_family and _unknown_either(t, item)), why)
                for t, s, ok, why in scored
            ]
            best = self._best(other)
            if best is not None:
                scored = other
        if best is None:
            # "The mentoring programme that I announced in Nairobi did not survive": the follow-up names its promise and
            # the meeting it was made at; the open promise made there is the one, whatever noun each wording uses
            dated = _made_at(item, scored)
            if dated:
                scored = dated
                best = self._best(scored)
        if best is None and item.signal != "slip":  # told again after its delivery ("our study, released in 2023")
            for t in delivered:
                if not t.same_deliverable(item):
                    continue  # another deliverable: not weighed
                s = self._score(item, t, ("promise", "update", "delivery"))
                if s < self.rules.after_delivery:
                    scored.append((t, s, False, "same deliverable, already delivered"))
                    continue
                rest = self._object(item, t)  # "a report on AI" is not "the report on youth" delivered
                ok = rest >= self.rules.promise_same_object
                scored.append((t, s, ok, f"same deliverable, already delivered, object {rest:.2f}"))
            scored.sort(key=lambda row: row[0].order)
            best = self._best(scored)
        owner = ""
        if best is None and not named and item.signal in ("delivery", "slip"):
            # none of the teller's own: the output of a body the sentence names ("UNESCO's new version of the
            # indicators came out last year", told by a coalition), by the same rules as the teller's own
            owned = [
                (t, s, t.same_deliverable(item) and s >= self.rules.follow_up, "same deliverable, its owner named")
                for t in self._owners(item, actor)
                for s in [self._score(item, t, ("promise", "update"))]
            ]
            best = self._best(owned)
            if best is not None:
                scored, owner = owned, "the body it names, "
        if best is None and not named and item.signal in ("delivery", "slip"):
            unnamed = self._unnamed_owner(item, actor)
            if unnamed:
                scored, owner = unnamed, "another body's promise, not named but alike, "
                best = self._best(scored)
        candidates = [(t.thread.id, s, why) for t, s, _ok, why in self._named(scored, best and best[0])]
        if best is not None:
            track, score, why = best
            who = owner or "same actor, "
            self._join(track, item, f"{item.signal} of an earlier promise: {who}{why}", score, candidates)
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
            # answered where it was asked: a later response no longer takes it up ("Yes, it does." closed it)
            found.thread.status = status_of(found.thread.kind, found.thread.items)
            if found.thread.status in _CLOSED:
                self._open_asks.discard(found)
            return
        self._drop(item, "answer to a question that is not on record")

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

    def _response(self, item: Item) -> None:
        actor, text, pair = actor_of(item), self.text(item), self.scorer.pair
        prefer = "question" if item.about == "question" else "ask"
        enacted = item.about == "enacted"
        floor = self.rules.response_enacted if enacted else self.rules.response
        # never its own; "our office now holds …" answers a request, not a question
        pool = self._open_asks.ordered(self.rules.max_responses)
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
                and self._takes_up(text, tracks[n], pinned, year is not None or s >= self.rules.response_enacted)
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
            self._drop(item, "a response to nothing on record (no earlier open ask or question is alike)", candidates)
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


@lru_cache(maxsize=4096)
def _whole_name(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b", re.I)


def _body_named(actor: str, quote: str) -> bool:
    """Whether `quote` names the institution `actor` is (an "org:" actor, not a coalition) by its whole name.

    Why: a response names who asked ("To the Arab IGF, which asked for this …") as it names a coalition; a body
    that is no registry coalition (a regional forum, an office) is an institution here, and its whole name is
    what tells it apart ("the IGF" alone names every forum)."""
    return actor.startswith("org:") and _whole_name(actor[4:]).search(quote) is not None


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


def _actor_topics(
    items: Sequence[Item], texts: Sequence[int], scorer: Scorer, rules: Rules
) -> dict[str, frozenset[str]]:
    """Per actor, the words at least `Rules.topic_share` of its distinct needs say (when it has at least
    `Rules.topic_needs`; `texts` are the items' text ids): the coalition's subject ("community networks" for a
    connectivity coalition), which most of its needs share and which therefore says nothing about whether two
    needs are the same one. Set aside when two needs' object is compared, so spectrum licences and universal
    service funds stay apart."""
    quotes: dict[str, set[int]] = {}
    for item, text in zip(items, texts, strict=True):
        if item.signal == "need":
            quotes.setdefault(actor_of(item), set()).add(text)
    topics: dict[str, frozenset[str]] = {}
    for actor, said in quotes.items():
        if len(said) < rules.topic_needs:
            continue
        counts: Counter[str] = Counter()
        for text in said:
            counts.update(scorer.feature_set(text))
        floor = rules.topic_share * len(said)
        common = frozenset(f for f, n in counts.items() if n >= floor)
        if common:
            topics[actor] = common
    return topics


def need_featurizer(items: Sequence[Item], scorer: Scorer, rules: Rules = RULES) -> Callable[[Item, Item], list[float]]:
    """(earlier need, later need) → the features the linker gives the need-pair model, over these items
    (for `bench/train_links.py`: the same scorer, actor topics and code as `link_items`)."""
    ordered = sorted(items, key=lambda i: (i.when, i.seq, i.signal))
    texts = [scorer.text_id(item) for item in ordered]
    linker = _Linker(scorer, rules, set(), _actor_topics(ordered, texts, scorer, rules))
    return lambda earlier, item: linker.need_pair(item, earlier, scorer.text_id(item), scorer.text_id(earlier))


def link_items(
    items: Sequence[Item], scorer: Scorer | None = None, rules: Rules = RULES, model: LinkModel | bool = True
) -> Linked:
    """Threads over items already placed in time (`Item.placed`), with statuses, roles and summaries.

    `model`: True, the shipped need-pair model of the scorer's linker (the hand rules when none is
    shipped); False, the hand rules; or a `LinkModel` (what `bench/train_links.py` scores)."""
    ordered = sorted(items, key=lambda i: (i.when, i.seq, i.signal))
    scorer = scorer or LexicalScorer(ordered)
    texts = [scorer.text_id(item) for item in ordered]
    said = Counter(texts)
    topics = _actor_topics(ordered, texts, scorer, rules)
    chosen = load_link_model(scorer.name) if model is True else model if isinstance(model, LinkModel) else None
    linker = _Linker(scorer, rules, {text for text, n in said.items() if n > 1}, topics, chosen)
    linker.known_texts(ordered, texts)
    for item in ordered:
        linker.add(item)
    threads = [finish_thread(t) for t in linker.threads]
    return Linked(threads, linker.decisions, scorer.name, linker.subjects, linker.places)
