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
- a delivery told by a body (an institution, not a coalition) that fits no promise at all is what the body now does:
  it takes up an earlier open ask as an `enacted` response would (FAO's "the pasture maps are published as small
  image files" answers the herders' ask that FAO share its maps), else it is dropped;
- `question` → a new question thread, unless the same person asked it before
  (score ≥ question_again); an `answer` joins the question it answers, which closes it: a later
  response no longer takes it up, unless the answer says the body asked is absent and the response names that
  meeting and one person's asking (`linkresponses._answered_in`);
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

The work is split by job: `linkrecords` (thresholds, result, thread state), `linknames` (what an
item names: promiser, deliverable family, coalition, body), `linkmeetings` (the meeting an item
names), `linkcore` (scoring, opening, joining, recording), `linkresponses` (questions, answers,
responses); this module holds the rules for needs, promises and their follow-ups and stays the
entry point other modules import from (names tests import from here are re-exported as `X as X`). Before linking, a need
only the `asks` analysis found that is the teller's own undertaking is read as a promise (`linkowned`).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..transcript.speakers import name_key
from .actors import initials
from .backref import NAMED_BACK, fits, referent, word_stems
from .linkaddressee import other_addressee
from .linkcore import _RESCUE_FLOOR, _RESCUE_QUOTES
from .linkmeetings import _FIRST_PERSON, _made_at, _other_need_here, _said_again_at, meeting_year, meeting_years
from .linkmeetings import _meetings as _meetings
from .linkmodel import NEED_FEATURES, LinkModel, load_link_model, need_features
from .linknames import _name_words, _words_of, named_coalition, promised_by, promised_by_teller, promised_to_teller
from .linkowned import own_promises
from .linkrecords import _NONE, RULES, Linked, Rules, Scored, _Track, _unknown_either, actor_of
from .linkrecords import _Recent as _Recent
from .linkresponses import _Responses
from .models import Item
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


class _Linker(_Responses):
    """Needs, promises and their follow-ups (`_Responses`: questions, answers, responses)."""

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
        scored = [other_addressee(item, _other_need_here(item, row), rules) for row in scored]
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
            if status_of("commitment", t.thread.items) == "unfulfilled" and not self._same_head(item, t):
                # a promise told dropped ("the curriculum … was never finished") is taken up again by its name: a
                # new promise of the family in other words ("we will train volunteer helpers") is a new one
                scored.append((t, s, False, "dropped promise, other noun"))
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

    def _tellers_own(self, item: Item, actor: str) -> list[_Track]:
        """Open commitments of other actors that the follow-up's speaker promised, when the follow-up says "I
        promised" ("the street-naming handbook that I promised in Vilnius was published", told by a person who
        promised it for a coalition and now speaks for a regional forum).

        Why: a person changes hats between years; the actor rule reads the new body, but the promise is the one
        they made under the old one, and only the same deliverable and the follow-up threshold join it."""
        who = name_key(item.speaker or "")
        out: list[_Track] = []
        for (kind, other), index in self._by_actor.items():
            if kind != "commitment" or other == actor:
                continue
            for t in self._candidates(index):
                speaker = t.thread.entries[0][0].speaker
                if speaker and name_key(speaker) == who:
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

    def _promised_to_teller(self, item: Item, actor: str) -> list[_Track]:
        """Open commitments of every other actor, when the follow-up says the promise was made to its teller by
        someone it does not name ("The workshop they promised us for the ministries took place in Arusha", told by a
        coalition of an institution's promise): the same deliverable and the follow-up threshold pick the one.

        Why: "they promised us" says the promise is not the teller's, so the teller's own open promises are not
        weighed (a coalition's own workshop would take it); the maker goes unnamed, so any other actor may be it."""
        if not promised_to_teller(item.quote):
            return []
        return [
            t
            for (kind, other), index in self._by_actor.items()
            if kind == "commitment" and other != actor
            for t in self._candidates(index)
            if t.thread.status != "fulfilled"
        ]

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

    def _named_back(self, item: Item, actor: str, heads: bool = False) -> list[Scored]:
        """The one open promise (any actor's, the teller's own first) whose words hold the definite phrase the
        follow-up opens with (`backref.referent`: "The fraud toolkit is late" for "We will put out a toolkit on phone
        fraud …"); [] when the phrase is not definite, no promise holds it, or two do (which one is meant is unsaid).

        Why: of the gold pairs missed on rounds 1–30, a delivery or slip dropped as "a promise not on record" was
        most often told with its output named back whole while the actor reading credited it to another speaker (an
        unidentified `>> SPEAKER:` turn, a report's section heading) or the lexicon read another deliverable family;
        the phrase's own words say which promise it is, and a phrase two promises hold is left alone. `heads`: the
        phrase's head must also be a word of the promise's deliverable (`Item.head`), for news that has no cue of its
        own to say it is news of an output (`backref.news_opening`), and the promise must be the teller's own."""
        words = referent(item.quote, item.cue)
        if words is None:
            return []
        mine: list[_Track] = []
        others: list[_Track] = []
        for (kind, other), index in self._by_actor.items():
            if kind != "commitment":
                continue
            for t in self._candidates(index):
                if t.thread.status == "fulfilled" or not fits(words, self._promised_stems(t)):
                    continue
                if heads and words[-1] not in _head_stems(t):
                    continue
                (mine if other == actor else others).append(t)
        # news found by its opening phrase alone is the teller's own output's: another body's promise of that noun
        # is chance at archive scale ("The mailing list is on the IGF page", told by a coalition of its own list)
        found = mine if heads else mine or others
        if len(found) != 1:
            return []
        track = found[0]
        s = self._score(item, track, ("promise", "update"))
        return [(track, s, True, f"the output its definite phrase names back ({' '.join(words)})")]

    def _promised_stems(self, track: _Track) -> frozenset[str]:
        """Stems of the words of a commitment thread's promises and updates (remembered per thread and size)."""
        key = (track.order, len(track.quotes))
        found = self._stems_of.get(key)
        if found is None:
            said = [i.quote for i in track.every.values() if i.signal in ("promise", "update")]
            found = self._stems_of[key] = word_stems(said)
        return found

    def _follow(self, item: Item) -> None:
        actor = actor_of(item)
        if item.about == NAMED_BACK:  # news found by its opening phrase alone: only the promise it names takes it
            named_back = self._named_back(item, actor, heads=True)
            if named_back:
                track, score, _ok, why = named_back[0]
                self._join(track, item, f"update of an earlier promise: {why}", score, [(track.thread.id, score, why)])
                track.thread.status = track.thread.status or "pending"
            else:
                self._drop(item, "news of an output named back that no single open promise holds")
            return
        scored, delivered = [], []
        # a follow-up that names another actor as the promiser ("As the Secretariat promised in Sharm, every workshop
        # room here is connected", told by a forum) is about that actor's promise: the teller's own are not weighed
        named = self._promisers(item, actor) or self._subject_owners(item, actor)
        told_to = [] if named else self._promised_to_teller(item, actor)
        named = named or told_to
        own = [] if named else [*self._candidates(self._by_actor.get(("commitment", actor), _NONE))]
        if not named and item.speaker and promised_by_teller(item.quote):
            own += self._tellers_own(item, actor)
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
                if item.signal == "update" and _delivered_in(t, item.session):
                    # "The leaflet is done: … This year we start a new piece of work, an open format …": news told in
                    # the session that told the delivery is of another output, not the delivered one told again
                    continue
                s = self._score(item, t, ("promise", "update", "delivery"))
                if s < self.rules.after_delivery:
                    scored.append((t, s, False, "same deliverable, already delivered"))
                    continue
                rest = self._object(item, t)  # "a report on AI" is not "the report on youth" delivered
                ok = rest >= self.rules.promise_same_object
                scored.append((t, s, ok, f"same deliverable, already delivered, object {rest:.2f}"))
            scored.sort(key=lambda row: row[0].order)
            best = self._best(scored)
        owner = "another body's promise made to the teller, " if told_to else ""
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
        if best is None:
            # "The pocket guide is finished", told by a turn the actor reading credits to nobody, or to the wrong body:
            # the definite phrase names the output back, and one open promise holds its words (`backref`)
            named_back = self._named_back(item, actor)
            if named_back:
                scored, owner = named_back, ""
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
        elif item.signal == "delivery" and item.org and not item.coalition:
            # "Since March this year the pasture and water maps … are published as small image files", told by FAO with
            # no promise of its own on record: what a body now does, taking up an earlier ask put to it (an `enacted`
            # response, by the response rules), else nothing on record
            enacted = replace(item, signal="response", about="enacted")
            self._stands_for[id(enacted)] = (enacted, item)
            self._response(
                enacted,
                f"{item.signal} of a promise not on record (no open promise of this actor and deliverable), and a "
                "response to nothing on record",
            )
        else:
            self._drop(
                item,
                f"{item.signal} of a promise not on record (no open promise of this actor and deliverable)",
                candidates,
            )

    _update = _follow
    _delivery = _follow
    _slip = _follow


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
    # a need only the asks analysis found that is the teller's own undertaking is a promise (`linkowned`)
    ordered = sorted(own_promises(items), key=lambda i: (i.when, i.seq, i.signal))
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


def _head_stems(track: _Track) -> frozenset[str]:
    """Stems of the words of a thread's deliverable nouns (`Item.head` of its items)."""
    return word_stems(track.heads)


def _delivered_in(track: _Track, session: str) -> bool:
    """Whether the thread's delivery was told in `session`."""
    return any(entry.signal == "delivery" and entry.session == session for entry, _ in track.thread.entries)
