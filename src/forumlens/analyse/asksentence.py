"""One sentence read by the cue rules: its type (ask, recommendation, commitment) and its keyword category.

`CueSentence` runs every regex of type and category at most once per sentence, because several
decisions of `analyse.asks` share them: which cue made the sentence an ask (`trigger`), whether a
floor hand-off comes first (`hands_floor`), the keyword score of each category with the words
after the cue counted three times (`scores`) and the category they give (`category`). The cue
phrases are `analyse.askcues`' (shared with the classifier); the few kept here are the rules' own
(`_SPOKEN_ASK`: requests of meeting speech; `_STATE_OF_THINGS`, `_ELIDED`: a modal that
recommends nothing). A commitment the cue list does not hold is read by its grammar
(`analyse.pledges`), and so is a question or message handed on to a body (`pledges.relay_promise`).
"""

from __future__ import annotations

import re
from functools import cached_property

from forumlens.text.fastre import Prefiltered

from .askcues import ASK as _ASK
from .askcues import CATEGORIES, ask_window, category_hits, head_category
from .askcues import COMMIT as _COMMIT
from .askcues import FLOW as _FLOW
from .askcues import POLICY_SUBJECT as _POLICY_SUBJECT
from .askcues import RECOMMEND as _RECOMMEND
from .askmodel import _asked_verb
from .context import FLOOR_CUE
from .cues import CheckMemo, is_procedural
from .pledges import delivery_promise, own_pledge, relay_promise

__all__ = [
    "CATEGORY_ORDER",
    "HEAD_BONUS",
    "TYPES",
    "CueSentence",
    "category_scores",
    "classify_category",
    "classify_type",
    "says_nothing",
]

TYPES = ("ask", "recommendation", "commitment")


def classify_type(sentence: str) -> str | None:
    """`ask`, `recommendation`, `commitment`, or None when the sentence is none of them."""
    return CueSentence(sentence).kind


class CueSentence:
    """Every regex of type and category run at most once per sentence (several decisions share them)."""

    def __init__(self, text: str, memo: CheckMemo | None = None) -> None:
        self.text = text
        self._memo = memo

    @cached_property
    def ask(self) -> re.Match[str] | None:
        found = next((m for m in _ASK.finditer(self.text) if not _REPORTED_ASK.match(m.group(0))), None)
        return found or _SPOKEN_ASK_CUE.search(self.text)

    @cached_property
    def rec(self) -> re.Match[str] | None:
        return self._modal_rec or _announced(self.text)

    @property
    def _modal_rec(self) -> re.Match[str] | None:
        return next(
            (
                m
                for m in _RECOMMEND.finditer(self.text)
                if (not _STATE_OF_THINGS.search(self.text, 0, m.start()) or not self.text.startswith("be", m.end() + 1))
                and not (m.group(1) and _ELIDED.match(self.text, m.end()))
            ),
            None,
        )

    @cached_property
    def relay(self) -> re.Match[str] | None:
        """A question or message the speaker's side hands on to a body (`pledges.relay_promise`)."""
        return relay_promise(self.text)

    @cached_property
    def commit(self) -> re.Match[str] | None:
        """The cue rules' commitment, else one read by its grammar (`pledges`: a deed of the speaker's
        side in the future, the session's report or notes on their way to people, or a question handed on
        to a body)."""
        return _COMMIT.search(self.text) or own_pledge(self.text) or delivery_promise(self.text) or self.relay

    @property
    def hands_floor(self) -> bool:
        """A floor hand-off ("I give it to Maria"), unless a request of the speaker's own comes
        first and the words are what the addressee should do with a thing ("I recommend that
        governments do not give the money to one body, give it to the place that is open")."""
        floor = FLOOR_CUE.search(self.text)
        if floor is None or self.relay:
            return False  # "I will pass it to the Secretariat today" hands a question on, not the floor
        cue = self.rec or self.ask
        return cue is None or cue.start() > floor.start()

    @property
    def trigger(self) -> re.Match[str] | None:
        """The cue that made the sentence an ask, recommendation or commitment."""
        kind = self.kind
        if kind == "commitment":
            return self.commit
        return self.ask if kind == "ask" else self.rec if kind == "recommendation" else None

    @property
    def kind(self) -> str | None:
        if is_procedural(self.text, self._memo) or self.hands_floor:
            return None
        commit = self.commit
        if commit and (not _FLOW.search(commit.group(0)) or commit is self.relay) and not self.ask:
            return "commitment"
        if self.ask:
            return "ask"
        if self.rec:
            return "recommendation"
        return None

    @cached_property
    def plain(self) -> dict[str, int]:
        """Keyword hits per category in the whole sentence."""
        return {name: category_hits(name, self.text) for name in CATEGORIES}

    def scores(self) -> dict[str, int]:
        trigger = self.ask or self.rec or self.commit
        at = trigger.end() if trigger else 0
        verb = _verb_group(trigger) if trigger is not None and trigger is self.commit else None
        if trigger is not None and verb is not None and trigger.group(verb):
            at = trigger.start(verb)  # "we will train …": the verb taken on heads the window (HEAD_BONUS)
        asked = _asked_at(self.text, at) if trigger else None
        if asked is not None:
            at = asked  # the addressee names who is asked, not what: the window is what is asked of them
        window = ask_window(self.text, at) if trigger else ""
        plain = self.plain
        scores = {}
        lead = self.text[max(0, at - 40) : at] + " " if trigger else ""
        for name in CATEGORIES:
            hits = plain[name] + 2 * (category_hits(name, lead + window, len(lead)) if window else 0)
            if hits:
                scores[name] = hits
        head = head_category(window)
        if head in scores:
            scores[head] += HEAD_BONUS  # the verb that heads the object decides over a word inside it
        return scores

    def category(self, kind: str) -> str:
        scores = self.scores()
        if _POLICY_SUBJECT.search(self.text) and scores.get("funding", 0) <= scores.get("policy", 0) + 1:
            return "policy"  # "regulators should …": about the rules, unless money is what is asked for
        if scores:
            return max(scores, key=lambda k: (scores[k], -CATEGORY_ORDER[k]))
        return "policy" if kind == "recommendation" else "other"

    def also(self, first: str) -> list[str]:
        return [name for name, hits in self.plain.items() if name != first and hits >= 2 and name != "support"][:1]


# Requests of meeting speech the shared cues (`askcues.ASK`, which the classifier also reads) do
# not hold, each a speaker's own request by its form (round 24: all three lost, P(ask) 0.00-0.07):
# a hedged invitation ("and I would invite the other universities … to join us"), a wish put as
# a condition ("we'd really love it if the network had …"), and a request named before it is said,
# with or without a verb ("And my request to the IGF, next year, one session with …").
_SPOKEN_ASK = re.compile(
    r"\b(?:i|we)\s*(?:would|'d)\s+(?:also\s+|really\s+|like\s+to\s+)?(?:invite|urge|call\s+on|appeal\s+to)\s+"
    r"(?!you\b)(?:[\w'‑-]+\s+){1,8}?to\s+[a-z]+"
    r"|\b(?:i|we)\s*(?:would|'d)\s+(?:also\s+|really\s+|just\s+)?(?:love|like)\s+it\s+if\b"
    r"|^\W*(?:(?:and|so|but|also)\s+)*(?:my|our)\s+(?:request|appeal)\s+(?:to|for)\s+(?:the|this|all|every|our|you)\b"
    # not "my request to the ministry was refused" (a story) nor "… is to have …" (`_ANNOUNCED`)
    r"(?![^,.;:?!]*\b(?:is|are|was|were|got|has\s+been|had\s+been)\b)",
    re.I,
)
# Searched only where one alternative's words are (issue 19): same matches
_SPOKEN_ASK_CUE = Prefiltered(_SPOKEN_ASK, alternatives=True)


# A request announced by a noun of asking, then said as a that-clause or an infinitive ("my request to
# the IGF is to have this topic in a main session", "our proposal is that the city and the providers
# sign …", "my recommendation for the governments is to invest …"): what others should do, read as a
# recommendation (with no category keyword it stays on record, `askcategory.keywordless_category`).
# Not a story ("my proposal was that …"), nor "… is to the ministry" (an addressee, no deed). The cue
# ends before the infinitive's verb, so the verb heads the keyword window (`HEAD_BONUS`).
_ANNOUNCED = re.compile(
    r"\b(?:my|our)\s+(?:[a-z]+\s+)?"
    r"(?:request|proposal|suggestion|recommendation|wish|appeal|plea|ask|demand)s?"
    r"\s+(?:(?:to|for)\s+(?:[\w'‑-]+\s+){1,6}?)?(?:is|are|would\s+be|will\s+be)\s*:?\s*"
    r"(?:that\b|to\s+(?=(?!(?:the|this|that|a|an|our|my|your|you|all|every|them|us|me)\b)[a-z]+))",
    re.I,
)
# The announcing noun opens its clause: the sentence, a clause after a punctuation mark or a conjunction
# ("and to the IGF, my request is that …"), not "what we did with our proposal is to …".
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:]|\b(?:and|so|but|also|then|therefore))\W*$", re.I)


def _announced(text: str) -> re.Match[str] | None:
    """The first request announced by a noun of asking that opens its clause (`_ANNOUNCED`), or None."""
    return next(
        (m for m in _ANNOUNCED.finditer(text) if _CLAUSE_OPEN.search(text, max(0, m.start() - 12), m.start())), None
    )


# The addressee kept apart from what is asked (stop 40, K7): "I ask the ministries of education in
# the region to negotiate …" asks for a negotiation, not for education; the keyword window (three
# points a hit, `CueSentence.scores`) starts at the verb asked of the addressee, whose own words
# count as any word of the sentence (one point). Only after a request verb ("we call on the
# development partners to support …"), not after a commitment ("we will send trainers to ten
# post offices": "to" before a place names no verb asked of anyone).
_DIRECTIVE_END = re.compile(
    r"\b(?:ask|asking|urge|call\s+(?:up)?on|calling\s+(?:up)?on|encourage|invite|request|want|need|like|appeal\s+to)"
    r"(?:\s+(?:the|our|all|every|each|you|your|these|those))?\s*$",
    re.I,
)
_ADDRESSEE_TO = re.compile(r"\s*((?!to\b)(?:[\w'‑-]+\s+){0,6}?)to\s+([a-z]+)\b", re.I)


def _asked_at(text: str, at: int) -> int | None:
    """Where the verb asked of an addressee starts, when the cue ending at `at` is a request verb
    and an addressee and "to <verb>" follow; None otherwise."""
    if not _DIRECTIVE_END.search(text, max(0, at - 40), at):  # a bounded look: the cue's last words
        return None
    m = _ADDRESSEE_TO.match(text, at)
    if not m or not _asked_verb(m.group(2).lower()):
        return None
    return m.start(2)


# "they call the elderly … and they ask for money", "it requests a fee": what others do, told as
# a story, not the speaker's request (a need, "they need time", still is one: it is asked for them).
_REPORTED_ASK = re.compile(r"(?:they|he|she|it)\b.*\b(?:ask\s+for|request|call\s+for)$", re.I)
# "We are not where we should be", "as it should be", "more than they should be": a "should be"
# inside a comparison or a where-clause measures how things are, and recommends nothing.
_STATE_OF_THINGS = re.compile(r"\b(?:where|as|than)\s+(?:[\w']+\s+){0,2}$", re.I)
# "We have not, but we should.", "I think we should, yes", "We should, and we will.": a modal whose verb is
# left out (ellipsis) ends its sentence with nothing to do. What it recommends is not in the sentence, so
# the sentence is no recommendation (a call to action would read "we should" and nothing else).
_ELIDED = re.compile(
    r"(?:\s*,?\s*(?:too|also|as\s+well|really|indeed|definitely|certainly|though|yes|then"
    r"|(?:and|but|or)\s+(?:we|i|you|they|he|she|it)\s+(?:will|shall|can|must|should|would|could|do|did)(?:\s+not|n't)?)\b)*"
    r"\s*[.!?…]*\s*$",
    re.I,
)

_MODAL = re.compile(r"\b(?:should|ought\s+to|must|needs?\s+to|ha(?:ve|s)\s+to)\b", re.I)


def says_nothing(unit: str) -> bool:
    """Whether every modal of `unit` has its verb left out (`_ELIDED`): "Governments should too.", "We must."
    A unit like that is no recommendation, whichever reader (cue rules or classifier) found it."""
    modals = list(_MODAL.finditer(unit))
    return bool(modals) and all(_ELIDED.match(unit, m.end()) for m in modals)


CATEGORY_ORDER = {name: i for i, name in enumerate(CATEGORIES)}
# The group of `askcues.COMMIT` that holds the verb taken on ("we will *train* 200 women", "our
# association will *fund* two trainings"). That verb is what is committed, as the verb after "to" is
# what an addressee is asked (`_asked_at`): the keyword window starts at it, so a category keyword
# that is the verb itself heads the window. Until stop 41 the window started after it and the
# verb counted as one plain hit, which a word of the object or an aside tied or outweighed (a
# promise to train "whatever the budget" read as funding; stop 41, K8: rounds 1-24 three flips, all right).
_COMMIT_VERB = 4


def _verb_group(commit: re.Match[str]) -> int | str | None:
    """The group of a commitment match that holds the verb taken on (a cue's or a pledge's); None for a
    delivery promise, whose subject is the thing delivered."""
    if commit.re is _COMMIT:
        return _COMMIT_VERB
    return "verb" if "verb" in commit.re.groupindex else None


HEAD_BONUS = 2  # a keyword that is the asked-for verb itself ("teach …") outweighs one in its object


def category_scores(sentence: str) -> dict[str, int]:
    """Keyword hits per category; hits in the ten words after the ask's verb count three times,
    because "we need X" is about X whatever else the sentence mentions."""
    return CueSentence(sentence).scores()


def classify_category(sentence: str, kind: str = "ask") -> str:
    """The taxonomy category with the best keyword score (ties: taxonomy order)."""
    return CueSentence(sentence).category(kind)
