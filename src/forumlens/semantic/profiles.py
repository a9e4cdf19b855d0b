"""Session profiles: each session's distinctive words, tags and coalitions, for related items.

Similar sessions used to be found with one wide full-text OR query per view, which
scores every matching turn of the store (hundreds of milliseconds on a 1,000-session
archive, where common topic words match tens of thousands of turns). A session's
*word profile* — its most frequent content words with counts — is computed once at
ingest (the `keywords` analysis, a few milliseconds) and read back here; weighting
by inverse document frequency across the stored profiles happens at load time, so
the weights stay right as the archive grows. Comparing one session with all others
is then a walk over short posting lists in memory.

Words that explain nothing (people's names on record, meeting logistics: `substance.py`)
are dropped when profiles are loaded, so they neither rank sessions nor appear as "shared
words". `load_profiles(store)` reads every profile, tag and coalition mention in one snapshot
(`store.profile_inputs()`); callers cache the result per store version (the portal does, in
`web/related.py`). Sessions stored without the `keywords` analysis (ingested with
`--no-analysis`, or before it existed) get their profile computed from their turns
and memoised per store location and session id, which is a content hash, so the memo
cannot go stale.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..text.stems import stem
from .substance import explanatory, explanatory_words, store_name_words

if TYPE_CHECKING:  # the store is only named in annotations: analysis must not import it
    from ..store.base import Store

__all__ = [
    "FILLER",
    "PROFILE_WORDS",
    "SessionProfiles",
    "content_words",
    "keyword_counts",
    "keywords",
    "load_profiles",
    "shared_count",
    "shared_forms",
    "tag_overlap",
    "word_overlap",
]

PROFILE_WORDS = 40  # content words kept per session: enough to compare topics, small to store
# words of the floor, not of the topic (related items leave them out too)
FILLER = frozenset(
    [
        "thank",
        "thanks",
        "yes",
        "yeah",
        "okay",
        "ok",
        "think",
        "know",
        "going",
        "want",
        "really",
        "just",
        "like",
        "actually",
        "lot",
        "lots",
        "things",
        "thing",
        "say",
        "said",
        "says",
        "see",
        "well",
        "good",
        "great",
        "morning",
        "afternoon",
        "evening",
        "hello",
        "everyone",
        "everybody",
        "please",
        "mean",
        "now",
        "first",
        "next",
        "last",
        "question",
        "questions",
        "floor",
        "minute",
        "minutes",
        "colleague",
        "colleagues",
        "time",
        "today",
        "also",
        "would",
        "could",
        "should",
        "might",
        "need",
        "needs",
        "make",
        "made",
        "way",
        "get",
        "got",
        "give",
        "given",
        "take",
        "come",
        "came",
        "let",
        "us",
        "sure",
        "right",
        "moderator",
        "chair",
        "session",
        "panel",
        "panelists",
        "speaker",
        "speakers",
        "mr",
        "ms",
        "madam",
        "sir",
        "dear",
        "excellency",
        "welcome",
        "dynamic",
        "coalition",
        "coalitions",
        "igf",
        "forum",
        "internet",
        "governance",
    ]
)

_memo: dict[tuple[str, str], list[list[Any]]] = {}
_memo_lock = threading.Lock()
_MEMO_LIMIT = 20_000


def content_words(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """Lower-cased words of `text` that can carry a topic: `substance.explanatory` words (no
    stopwords, floor talk, meeting logistics, contractions, numbers, nor words of `names`)."""
    return explanatory_words(text, names)


def keyword_counts(
    texts: Iterable[str], n: int = PROFILE_WORDS, *, names: frozenset[str] = frozenset()
) -> list[list[Any]]:
    """[[stem, surface form, count], …] of the n most frequent content words. Pure.

    The stored `keywords` analysis; ties go to the longer word, then alphabetically,
    so the same text always gives the same profile.
    """
    counts: Counter[str] = Counter()
    form: dict[str, str] = {}
    for text in texts:
        for w in content_words(text, names):
            s = stem(w)
            counts[s] += 1
            form.setdefault(s, w)
    ranked = sorted(counts, key=lambda s: (-counts[s], -len(form[s]), form[s]))
    return [[s, form[s], counts[s]] for s in ranked[:n]]


def keywords(texts: Iterable[str], n: int = 10, *, names: frozenset[str] = frozenset()) -> list[str]:
    """The n most frequent content words (ties: longer first), one surface form per stem. Pure."""
    return [form for _, form, _ in keyword_counts(texts, n, names=names)]


@dataclass
class SessionProfiles:
    """Every session's word profile (tf-idf, unit length), tags and coalitions, indexed for lookup."""

    words: dict[str, dict[str, float]] = field(default_factory=dict)  # session → stem → weight
    forms: dict[str, dict[str, str]] = field(default_factory=dict)  # session → stem → word as said
    postings: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # stem → (session, weight)
    tags: dict[str, dict[str, float]] = field(default_factory=dict)  # session → "scheme:code" → score
    tag_postings: dict[str, list[str]] = field(default_factory=dict)  # "scheme:code" → sessions
    tag_norms: dict[str, float] = field(default_factory=dict)  # session → length of its tag vector
    coalitions: dict[str, dict[str, str]] = field(default_factory=dict)  # session → coalition → label
    coalition_postings: dict[str, list[str]] = field(default_factory=dict)  # coalition → sessions
    names: frozenset[str] = frozenset()  # words of people's names on record: never a shared word
    memo: dict[str, Any] = field(default_factory=dict)  # derived tables callers keep with the profiles

    @property
    def size(self) -> int:
        return len(self.words)


def word_overlap(profiles: SessionProfiles, session_id: str) -> list[tuple[str, float]]:
    """Other sessions by cosine of tf-idf word profiles, best first (only those sharing a word)."""
    mine = profiles.words.get(session_id) or {}
    scores: dict[str, float] = {}
    for s, w in mine.items():
        for other, v in profiles.postings.get(s, ()):
            if other != session_id:
                scores[other] = scores.get(other, 0.0) + w * v
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))


def tag_overlap(profiles: SessionProfiles, session_id: str) -> list[tuple[str, float]]:
    """Other sessions by cosine of tag scores, best first (only those sharing a tag)."""
    mine = profiles.tags.get(session_id) or {}
    norm = math.sqrt(sum(v * v for v in mine.values()))
    if not norm:
        return []
    dots: dict[str, float] = {}
    for code, v in mine.items():
        for other in profiles.tag_postings.get(code, ()):
            if other != session_id:
                dots[other] = dots.get(other, 0.0) + v * profiles.tags[other][code]
    scored = []
    for other, dot in dots.items():
        theirs = profiles.tag_norms.get(other, 0.0)
        if dot > 0 and theirs:
            scored.append((other, dot / (norm * theirs)))
    return sorted(scored, key=lambda x: (-x[1], x[0]))


def shared_count(profiles: SessionProfiles, a: str, b: str) -> int:
    """How many distinctive words (stems of weight > 0: not said in every session) two sessions share."""
    wa, wb = profiles.words.get(a) or {}, profiles.words.get(b) or {}
    return len(wa.keys() & wb.keys())


def shared_forms(profiles: SessionProfiles, a: str, b: str, n: int = 5) -> list[str]:
    """The words two sessions share, heaviest first, as said in `a`."""
    wa, wb = profiles.words.get(a) or {}, profiles.words.get(b) or {}
    shared = sorted(set(wa) & set(wb), key=lambda s: (-(wa[s] * wb[s]), s))
    return [profiles.forms[a].get(s, s) for s in shared[:n]]


def _computed_keywords(store: Store, session_id: str) -> list[list[Any]]:
    key = (store.location, session_id)
    with _memo_lock:
        found = _memo.get(key)
    if found is not None:
        return found
    found = keyword_counts(t.text for t in store.session_turns(session_id) if t.kind == "speech")
    with _memo_lock:
        if len(_memo) < _MEMO_LIMIT:
            _memo[key] = found
    return found


def load_profiles(store: Store) -> SessionProfiles:
    """Read every session's profile, tags and coalitions (one snapshot, plus any missing profiles)."""
    inputs = store.profile_inputs()
    raw: dict[str, list[list[Any]]] = {}
    for sid, data in inputs.keywords.items():
        try:
            raw[sid] = [list(x) for x in data]
        except TypeError:
            continue
    for sid in inputs.sessions:
        if sid not in raw:
            raw[sid] = _computed_keywords(store, sid)
    names = store_name_words(store)
    # profiles stored by older versions may hold names and logistics ("ana", "zoom"): drop them here
    raw = {sid: [e for e in entries if explanatory(str(e[1]).lower(), names)] for sid, entries in raw.items()}
    out = SessionProfiles(names=names)
    df: Counter[str] = Counter(s for entries in raw.values() for s, _, _ in entries)
    n = len(raw)
    for sid, entries in raw.items():
        vector = {s: (1.0 + math.log(max(1, int(c)))) * math.log((1 + n) / (1 + df[s])) for s, _, c in entries}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        out.words[sid] = {s: v / norm for s, v in vector.items() if v > 0} if norm else {}
        out.forms[sid] = {s: str(f) for s, f, _ in entries}
        for s, v in out.words[sid].items():
            out.postings.setdefault(s, []).append((sid, v))
    for sid, scheme, code, score in inputs.tags:
        key = f"{scheme}:{code}"
        out.tags.setdefault(sid, {})[key] = score
        out.tag_postings.setdefault(key, []).append(sid)
    out.tag_norms = {sid: math.sqrt(sum(v * v for v in tags.values())) for sid, tags in out.tags.items()}
    for mention in inputs.mentions:
        out.coalitions.setdefault(mention.session, {})[mention.name] = mention.acronym or mention.name
        out.coalition_postings.setdefault(mention.name, []).append(mention.session)
    return out
