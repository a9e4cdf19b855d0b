"""Find mentions of coalitions, IGF/UN bodies, NRIs and stakeholder groups in text.

Captions mishear names, so matching works in layers, each with a confidence:

1. exact phrases (official, former and informal names), case-insensitive: 1.0;
   acronyms, case-sensitive (short codes collide with words): 0.95;
2. a coalition cue ("Dynamic Coalition on/of/for", "DC", "... coalition") followed
   or preceded by a topic, scored by rapidfuzz ratio: "Dynamic Coalition on
   Children's Rights in the Digital Investment", "DC gender", "Platform
   Responsibility coalition" all resolve;
3. fuzzy phrases: windows around a rare anchor word of a registry phrase, scored by
   rapidfuzz ratio ("office for the Envoy on Technology");
4. an all-capitals word one edit from a long acronym ("UNECSCO"): 0.8;
5. caption variants: "the Cs" heard for "the DCs": 0.75;
6. a distinctive coalition topic with no cue ("to Network Neutrality"): 0.65, or
   0.85 when the same paragraph talks about coalitions.

THRESHOLD tuning: `data/mention_tuning.toml` holds 118 hand-written caption-style
phrases: 64 true mentions (typos, dropped words, mishearings such as "Digital
Investment", "UNECSCO", "DC on universal indicators", "U.N. D.E.S.A.") and 54 near
misses ("trust and security coalition", "other Dynamic Coalition leaders", "network
neutrality rules in Europe", "if you want the Bangladesh Hub"). `tuning.sweep()`
over 0.50..0.95 gave F1 0.970 below 0.66 (bare topics with no coalition cue count),
a flat maximum F1 0.992 (P 0.985, R 1.0) from 0.66 to 0.80, then falling recall
(0.984 at 0.82, 0.953 at 0.94) as misspelt names drop out. 0.75 sits inside the
plateau, away from both edges, since unseen captions are noisier than the set.
`tests/test_resolve_mentions.py` re-runs the sweep so a registry change that moves
the plateau fails loudly.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, count
from operator import itemgetter
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from forumlens.resolve.registry import Entity, Registry, load_registry
from forumlens.resolve.text import LineIndex, Token, line_index, paragraph_spans, tokenize
from forumlens.text.keep import code_digest, digest, kept
from forumlens.text.stopwords import NAME_CONNECTORS

__all__ = ["THRESHOLD", "Matcher", "Mention", "another_name", "find_mentions"]

THRESHOLD = 0.75

_CUE_WORDS = frozenset({"dc", "dcs", "dynamic", "coalition", "coalitions", "igf"})
_CONNECT = frozenset({"on", "of", "for", "in", "about"})
_DC_CUE = re.compile(r"\b(?:dynamic\s+coalitions?|DCs?|coalitions?)\b", re.IGNORECASE)
_CS_VARIANT = re.compile(r"(?:\b[Tt]he\s+|\d)(Cs)\b")
_MEMO_LIMIT = 20_000  # remembered topic windows per matcher (a few MB at most)


@dataclass(frozen=True)
class Mention:
    """One place where text names a registry entity."""

    entity_id: str
    kind: str
    name: str
    start: int
    end: int
    line: int
    text: str
    confidence: float
    via: str  # exact | acronym | cue-topic | fuzzy | acronym-fuzzy | caption-variant | topic

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.entity_id,
            "kind": self.kind,
            "name": self.name,
            "line": self.line,
            "text": self.text,
            "confidence": round(self.confidence, 3),
            "via": self.via,
        }


@dataclass(frozen=True)
class _Cand:
    entity: str
    first: int  # token index
    last: int  # token index, inclusive
    conf: float
    via: str


def _norms(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text))


def _content(words: list[str] | tuple[str, ...]) -> list[str]:
    return [w for w in words if w not in NAME_CONNECTORS and len(w) >= 2]


def covers(candidate: list[str], target: list[str], overall: float) -> bool:
    """Whether every content word of `target` has a look-alike in `candidate`.

    A whole-string ratio alone lets long shared words carry a wrong match
    ("Dynamic Coalitions, but" ~ "Dynamic Coalition on Trade"); requiring each
    word to be there (>= 75 similar) stops that. One word may be misheard when the
    target has four or more, the whole still scores >= 85 ("Digital Investment") and a word
    of the candidate stands in its place (a word left out is another name, not a mishearing).
    """
    have = _content(candidate)
    need = _content(target)
    if not need or not have:
        return False
    missed = [w for w in need if not any(_word_like(w, h) for h in have)]
    if not missed:
        return True
    # a misheard word stands where the target's word was: some word of the candidate matches
    # nothing; without one the word is missing, and the name is another ("… on Connectivity for
    # Displaced People" is not "… on Community Connectivity")
    misheard = any(not any(_word_like(w, h) for w in need) for h in have)
    return misheard and len(missed) == 1 and missed[0] not in _CUE_WORDS and len(need) >= 4 and overall >= 85


def _word_like(want: str, got: str) -> bool:
    """Short words must be exact ("oer" is not "other"); longer ones may carry a typo
    (`_LookAlikes` applies the same rule to a whole vocabulary at once)."""
    if len(want) <= 3:
        return want == got
    return fuzz.ratio(want, got) >= (85 if len(want) <= 5 else 75)


class Matcher:
    """Registry phrases indexed for matching; build once per registry, reuse for all texts.

    `state`: what `state()` gave for the same registry (the command line keeps it between
    runs: building tokenises every registry phrase, ~40 ms a process; issue 19); the
    matcher is then the one built from the registry, part for part.
    """

    def __init__(self, registry: Registry, state: dict[str, Any] | None = None) -> None:
        self.registry = registry
        self.exact: dict[tuple[str, ...], list[tuple[str, tuple[str, ...] | None]]] = {}
        self.phrases: list[tuple[str, str, int]] = []  # (entity, joined norms, token count)
        self.topics: list[tuple[str, str]] = []  # (entity, joined norms)
        self.bare: dict[tuple[str, ...], str] = {}
        self.long_acronyms: dict[str, str] = {}
        # per phrase: its content words and how many of them `covers` lets a window miss
        self.needs: list[tuple[tuple[str, ...], int]] = []
        if state is not None:
            for name in _KEPT:
                setattr(self, name, state[name])
        else:
            for entity in registry.entities.values():
                self._add_entity(entity)
            self.anchors = self._anchor_index()
            for _, joined, _n in self.phrases:
                need = tuple(_content(joined.split()))
                self.needs.append((need, 1 if len(need) >= 4 else 0))
        # cheap to derive, and derived the same way from kept parts (sets iterate as built)
        self.max_len = max((len(k) for k in self.exact), default=1)
        self.lengths: dict[str, set[int]] = {}
        for key in self.exact:
            self.lengths.setdefault(key[0], set()).add(len(key))
        self.topic_strings = [t for _, t in self.topics]
        self.max_topic = max((len(t.split()) for t in self.topic_strings), default=1)
        self.bare_lengths: dict[str, set[int]] = {}  # first word -> lengths of bare topics opening with it
        for key in self.bare:
            self.bare_lengths.setdefault(key[0], set()).add(len(key))
        self._topic_memo: dict[tuple[str, ...], tuple[float, int] | None] = {}
        self.acronym_memo: dict[str, tuple[str, ...]] = {}  # upper-case word -> near acronyms' entities

    def state(self) -> dict[str, Any]:
        """The costly parts, as plain data `marshal` keeps (`Matcher(registry, state)`)."""
        return {name: getattr(self, name) for name in _KEPT}

    def _add_entity(self, entity: Entity) -> None:
        name_is_code = entity.name in entity.acronyms or entity.name.replace(" ", "").isupper()
        for phrase in (() if name_is_code else (entity.name,)) + entity.phrases:
            norms = _norms(phrase)
            if not norms:
                continue
            self.exact.setdefault(norms, []).append((entity.id, None))
            if len(norms) >= 2 and len(" ".join(norms)) >= 10:
                self.phrases.append((entity.id, " ".join(norms), len(norms)))
        for acronym in entity.acronyms:
            raw = tuple(t.raw for t in tokenize(acronym, drop=frozenset()))
            mixed = any(c.islower() for c in acronym) and any(c.isupper() for c in acronym)
            # long mixed-case codes (EuroDIG, APrIGF) are distinctive in any case
            key = None if (mixed and len(acronym) >= 5) else raw
            self.exact.setdefault(tuple(norm_ for norm_ in _norms(acronym)) or raw, []).append((entity.id, key))
            if acronym.isupper() and acronym.isalpha() and len(acronym) >= 5:
                self.long_acronyms[acronym] = entity.id
        for topic in entity.topics:
            self.topics.append((entity.id, " ".join(_norms(topic))))
        for topic in entity.bare:
            self.bare[_norms(topic)] = entity.id

    def window_topic(self, words: tuple[str, ...]) -> tuple[float, int] | None:
        """(score, topic index) of the best topic a window of words can name, or None.

        The first topic with the highest score that `covers` the window, which is the one
        `_best_topic`'s running maximum (strictly greater wins) keeps from this window. A
        pure function of the words, so it is remembered: a session asks the same few
        windows after every "DC" and "coalition" (bounded; cleared when full)."""
        if words in self._topic_memo:
            return self._topic_memo[words]
        text = " ".join(words)
        best: tuple[float, int] | None = None
        for topic, score, k in process.extract(
            text, self.topic_strings, scorer=fuzz.ratio, score_cutoff=60, limit=None
        ):
            if len(topic) < 8 and score < 100:
                score -= 15  # one wrong letter in a short word is a different word
            if (best is None or score > best[0]) and covers(list(words), topic.split(), score):
                best = (score, k)
        if len(self._topic_memo) >= _MEMO_LIMIT:
            self._topic_memo.clear()
        self._topic_memo[words] = best
        return best

    def _anchor_index(self) -> dict[str, list[tuple[int, int]]]:
        df: dict[str, int] = {}
        for _, joined, _n in self.phrases:
            for word in set(joined.split()):
                df[word] = df.get(word, 0) + 1
        index: dict[str, list[tuple[int, int]]] = {}
        for p, (_, joined, _n) in enumerate(self.phrases):
            words = joined.split()
            # anchors must be rare words: common ones ("internet", "forum") open too many windows
            content = [
                (df[w], k, w)
                for k, w in enumerate(words)
                if w not in NAME_CONNECTORS and w not in _CUE_WORDS and len(w) >= 3 and df[w] <= 8
            ]
            for _, k, word in sorted(content)[:2]:
                index.setdefault(word, []).append((p, k))
        return index


# the parts of a matcher built from the registry's phrases (the rest is derived from them)
_KEPT = ("exact", "phrases", "topics", "bare", "long_acronyms", "anchors", "needs")


@lru_cache(maxsize=4)
def _matcher_for(registry: Registry) -> Matcher:
    """The registry's matcher; the shipped registry's is kept between runs (`text.keep`)."""
    if registry.source is None:
        return Matcher(registry)
    code = code_digest(__name__)
    key = None if code is None else digest(registry.source, code)
    return Matcher(registry, kept("mentions-matcher", key, lambda: Matcher(registry).state()))


def _exact(m: Matcher, toks: list[Token], norms: list[str] | None = None) -> list[_Cand]:
    found = []
    norms = _norms_of(toks) if norms is None else norms
    lengths = m.lengths
    # only the places where a registry phrase may open (a few hundred of ~15k tokens) enter the loop
    for i in _places(norms, lengths):
        for n in lengths[norms[i]]:
            if i + n > len(toks):
                continue
            key = tuple(norms[i : i + n])
            for entity, raw in m.exact.get(key, ()):
                if raw is None:
                    found.append(_Cand(entity, i, i + n - 1, 1.0, "exact"))
                elif tuple(t.raw for t in toks[i : i + n]) == raw:
                    found.append(_Cand(entity, i, i + n - 1, 0.95, "acronym"))
    return found


_NORM = itemgetter(0)  # a Token's `norm`
_RAW = itemgetter(1)  # a Token's `raw`


def _norms_of(toks: list[Token]) -> list[str]:
    """The tokens' folded words, taken out in C (once per text: every reading below walks them)."""
    return list(map(_NORM, toks))


def _places(norms: list[str], keys: Collection[str]) -> list[int]:
    """Indexes of the words that are keys of `keys` (where a reading may start), found in C: a
    session's ~15k words each asked in a Python loop cost a reading more than its few hundred places."""
    return list(compress(count(), map(keys.__contains__, norms)))


def _is_cue(toks: list[Token], i: int) -> int:
    """Length of a coalition cue starting at token i (0 if none)."""
    t = toks[i]
    if t.norm == "dynamic" and i + 1 < len(toks) and toks[i + 1].norm in ("coalition", "coalitions"):
        return 2
    if t.raw in ("DC", "DCs", "Dc") or t.norm in ("coalition", "coalitions"):
        return 1
    return 0


def _best_topic(m: Matcher, toks: list[Token], lo: int, hi: int, forward: bool) -> tuple[float, str, int, int] | None:
    """Best topic right after (forward) or right before (backward) a cue."""
    best: tuple[float, str, int, int] | None = None
    for size in range(1, m.max_topic + 2):
        a, b = (lo, lo + size) if forward else (hi - size, hi)
        if a < 0 or b > len(toks) or a >= b:
            break
        if toks[a].norm in NAME_CONNECTORS or toks[b - 1].norm in NAME_CONNECTORS:
            continue
        top = m.window_topic(tuple([t.norm for t in toks[a:b]]))
        if top is not None and (best is None or top[0] > best[0]):
            best = (top[0], m.topics[top[1]][0], a, b - 1)
    return best


_CUE_NORMS = frozenset({"dynamic", "coalition", "coalitions"})  # a cue's first word (`_is_cue`), folded
_CUE_RAWS = frozenset({"DC", "DCs", "Dc"})  # ... or as written


def cue_places(toks: list[Token]) -> list[int]:
    """Indexes of the tokens where `_is_cue` may find a cue: its first word is one of a few,
    so the rest of a session's ~15k tokens need not be asked one call each (issue 19)."""
    norms, raws = _CUE_NORMS, _CUE_RAWS
    return [i for i, t in enumerate(toks) if t.norm in norms or t.raw in raws]


def _cue_topics(m: Matcher, toks: list[Token], floor: float) -> list[_Cand]:
    found = []
    for i in cue_places(toks):
        size = _is_cue(toks, i)
        if not size:
            continue
        after = i + size
        if after < len(toks) and toks[after].norm in _CONNECT:
            after += 1
        elif size == 1 and toks[i].norm.startswith("coalition"):
            after = -1  # a bare "coalition" only takes a topic before it, or after on/of/for
        options = []
        if after >= 0:
            options.append((_best_topic(m, toks, after, after, True), i))
        options.append((_best_topic(m, toks, i, i, False), i + size - 1))
        for best, edge in options:
            if best and best[0] / 100 >= floor:
                score, entity, a, b = best
                first, last = min(a, i), max(b, edge)
                found.append(_Cand(entity, first, last, score / 100, "cue-topic"))
    return found


class _LookAlikes:
    """The words of one text that look like a registry word (`_word_like`): a fuzzy window
    can only cover a phrase when enough of the phrase's content words have a look-alike
    inside it. `of` finds them in the whole text with rapidfuzz's batch scorer; `may_cover`
    asks only the few words of one window, pair by pair, remembered across texts
    (`_looks_like`), which gives the same answer for a fraction of the ratios."""

    def __init__(self, toks: list[Token]) -> None:
        # over the distinct words, not every token: a session repeats a few thousand words ~15k times
        self.known = frozenset(w for w in {t.norm for t in toks} - NAME_CONNECTORS if len(w) >= 2)
        self.like: dict[str, frozenset[str]] = {}

    @cached_property
    def vocab(self) -> list[str]:
        return sorted(self.known)

    def of(self, want: str) -> frozenset[str]:
        """Every word of the text that looks like `want`."""
        found = self.like.get(want)
        if found is None:
            if len(want) <= 3:
                found = frozenset([want]) & self.known
            else:
                cutoff = 85 if len(want) <= 5 else 75
                found = frozenset(
                    h
                    for h, _, _ in process.extract(want, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
                )
            self.like[want] = found
        return found

    def missing(self, want: str, norms: set[str]) -> bool:
        """`self.of(want).isdisjoint(norms)` for words `norms` of this text, asking only them
        (pair by pair, remembered: cheaper than the batch over the whole text, cold or warm)."""
        if len(want) <= 3:
            return want not in norms or want not in self.known
        known = self.known
        return not any(_looks_like(want, h) for h in norms if h in known)

    def may_cover(self, m: Matcher, p: int, norms: set[str]) -> bool:
        """Whether some window made of `norms` could pass `covers` for phrase p. A necessary
        condition only (`covers` asks it of a smaller window and adds more), so skipping the
        windows when it fails loses no match; it spares the fuzzy ratios of nearly every
        anchor hit in a long input."""
        need, spare = m.needs[p]
        if not need:
            return False
        known = self.known
        window = [h for h in norms if h in known]  # the words `missing` asks, found once per window
        like = _LIKE.get
        missed = 0
        for w in need:
            # `self.missing(w, norms)` written out: ~1000 windows a session, each asking a few
            # words of a few more, so the calls and the generator were most of `_fuzzy`'s time
            if len(w) <= 3:
                miss = w not in norms or w not in known
            else:
                miss = True
                for h in window:
                    found = like((w, h))
                    if found is None:
                        found = _looks_like(w, h)
                    if found:
                        miss = False
                        break
            if miss:
                missed += 1
                if missed > spare:
                    return False
        return True


_LIKE: dict[tuple[str, str], bool] = {}
_LIKE_LIMIT = 50_000  # remembered (registry word, text word) pairs (~10 MB at most)


def _looks_like(want: str, got: str) -> bool:
    """Whether `_LookAlikes.of(want)` would hold `got`: the same batch scorer and cutoff,
    asked of one word, and remembered (registry words meet the same text words again)."""
    key = (want, got)
    found = _LIKE.get(key)
    if found is None:
        cutoff = 85 if len(want) <= 5 else 75
        found = bool(process.extract(want, [got], scorer=fuzz.ratio, score_cutoff=cutoff, limit=None))
        if len(_LIKE) >= _LIKE_LIMIT:
            _LIKE.clear()
        _LIKE[key] = found
    return found


def _fuzzy(m: Matcher, toks: list[Token], floor: float, norms: list[str] | None = None) -> list[_Cand]:
    found = []
    cutoff = floor * 100
    looks: _LookAlikes | None = None
    norms = _norms_of(toks) if norms is None else norms
    anchors = m.anchors
    # only the places of an anchor word (a few hundred of ~15k tokens) enter the loop
    for i in _places(norms, anchors):
        for p, k in anchors[norms[i]]:
            entity, phrase, n = m.phrases[p]
            looks = looks or _LookAlikes(toks)
            # every window below lies inside toks[i - k - 1 : i - k + n + 2]
            if not looks.may_cover(m, p, set(norms[max(0, i - k - 1) : i - k + n + 2])):
                continue
            best = None
            for size in (n - 1, n, n + 1):
                for start in (i - k - 1, i - k, i - k + 1):
                    if size < 2 or start < 0 or start + size > len(toks) or not start <= i < start + size:
                        continue
                    words = norms[start : start + size]
                    if words[0] in NAME_CONNECTORS or words[-1] in NAME_CONNECTORS:
                        continue
                    score = fuzz.ratio(" ".join(words), phrase, score_cutoff=cutoff)
                    if score and (best is None or score > best[0]) and covers(words, phrase.split(), score):
                        best = (score, start, start + size - 1)
            if best:
                found.append(_Cand(entity, best[1], best[2], 0.97 * best[0] / 100, "fuzzy"))
    return found


def _acronym_fuzzy(m: Matcher, toks: list[Token]) -> list[_Cand]:
    found = []
    raws = list(map(_RAW, toks))
    # the upper-case words are found in C (`str.isupper` over the words): a session's ~15k
    # tokens each asked in Python were most of this reading's time (issue 19)
    for i in compress(count(), map(str.isupper, raws)):
        raw = raws[i]
        if len(raw) >= 5 and raw not in m.long_acronyms:
            for entity in _near_acronyms(m, raw):
                found.append(_Cand(entity, i, i, 0.8, "acronym-fuzzy"))
    return found


def _near_acronyms(m: Matcher, raw: str) -> tuple[str, ...]:
    """The entities of the long acronyms one edit from `raw`, in the matcher's order; remembered
    per matcher (an upper-case word recurs through a session, and across sessions)."""
    near = m.acronym_memo.get(raw)
    if near is None:
        near = tuple(
            entity
            for acronym, entity in m.long_acronyms.items()
            if Levenshtein.distance(raw, acronym, score_cutoff=1) <= 1
        )
        if len(m.acronym_memo) >= _MEMO_LIMIT:
            m.acronym_memo.clear()
        m.acronym_memo[raw] = near
    return near


def _bare_topics(
    m: Matcher, toks: list[Token], text: str, start: int, stop: int, norms: list[str] | None = None
) -> list[_Cand]:
    found = []
    lengths = m.bare_lengths
    paragraphs: list[tuple[int, int]] | None = None  # split only when a bare topic is there
    for i in _places(_norms_of(toks) if norms is None else norms, lengths):
        for n in lengths[toks[i].norm]:
            entity = m.bare.get(tuple(t.norm for t in toks[i : i + n]))
            if entity:
                if paragraphs is None:
                    paragraphs = paragraph_spans(text, start, stop)
                para = next(((a, b) for a, b in paragraphs if a <= toks[i].start < b), (0, len(text)))
                cued = _DC_CUE.search(text, para[0], para[1]) is not None
                found.append(_Cand(entity, i, i + n - 1, 0.85 if cued else 0.65, "topic"))
    return found


def _titled(raw: str) -> bool:
    """A word written as part of a name in mixed-case text: a capital, then lower case."""
    return raw[:1].isupper() and any(c.islower() for c in raw[1:])


@lru_cache(maxsize=512)
def _entity_words(registry: Registry, entity_id: str) -> frozenset[str]:
    """Every word of every name, alias and topic the registry knows an entity by."""
    entity = registry.get(entity_id)
    return frozenset(w for form in (entity.name, *entity.phrases, *entity.topics) for w in _norms(form))


def _runs_on(near: Token, word: Token | None, text: str) -> bool:
    """Whether `word` continues the name `near` (its neighbour) is a word of: both written as
    name words ("Public Transport"), with only spaces between them."""
    if word is None or word.norm in NAME_CONNECTORS or word.norm in _CUE_WORDS:
        return False
    a, b = (near, word) if near.start < word.start else (word, near)
    return _titled(near.raw) and _titled(word.raw) and not text[a.end : b.start].strip(" \t")


def another_name(mention: Mention, text: str, registry: Registry | None = None) -> bool:
    """Whether `mention`, a guessed coalition (a cue's topic or a fuzzy window with a word only
    like the registry's), sits inside a name that, as written, goes on past the guess with a word
    the coalition's names never have: the session spells out another coalition ("DC Public
    Transport Data" is not "DC on Publicness", though "Public" looks like "publicness"). A guess
    whose words are all the registry's, or whose name ends where the guess does, stands (a
    misheard name is still matched: "Children's Rights in the Digital Investment").

    Not applied inside `find_mentions`: readers of a session's wording (`threads.actors`) take a
    guess and the words after it as the full name; the people analysis, which keys affiliations
    by the registry's coalition, drops such guesses."""
    if mention.via not in ("cue-topic", "fuzzy") or mention.kind != "dc":
        return False
    known = _entity_words(registry or load_registry(), mention.entity_id)
    toks = tokenize(text, mention.start, mention.end)
    if not toks or all(t.norm in known for t in toks if t.norm not in NAME_CONNECTORS):
        return False
    after = tokenize(text, mention.end, min(len(text), mention.end + 60))
    before = tokenize(text, max(0, mention.start - 60), mention.start)
    edges = [(toks[-1], after[0] if after else None), (toks[0], before[-1] if before else None)]
    return any(
        near.norm not in _CUE_WORDS and _runs_on(near, word, text) and word is not None and word.norm not in known
        for near, word in edges
    )


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, best first: confidence plus a small bonus per word.

    The bonus lets "Nigerian Internet Governance Forum" beat "Internet Governance
    Forum" inside it, while an exact match still beats a longer fuzzy window.
    """
    chosen: list[_Cand] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c.conf + 0.02 * (c.last - c.first + 1)), c.first)):
        span = set(range(cand.first, cand.last + 1))
        if not span & taken:
            chosen.append(cand)
            taken |= span
    return sorted(chosen, key=lambda c: c.first)


def find_mentions(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    registry: Registry | None = None,
    threshold: float = THRESHOLD,
    lines: LineIndex | None = None,
) -> list[Mention]:
    """Mentions in `text[start:end]`, with absolute offsets, 1-based lines and confidence.

    >>> [m.name for m in find_mentions("I'm here for the DC on Youth and UNDESA.")]
    ['Youth Coalition on Internet Governance', 'UN DESA']
    """
    reg = registry or load_registry()
    m = _matcher_for(reg)
    stop = len(text) if end is None else end
    toks = tokenize(text, start, stop)
    norms = _norms_of(toks)
    lines = lines or line_index(text)
    cands = [
        c
        for c in _exact(m, toks, norms)
        + _cue_topics(m, toks, threshold)
        + _fuzzy(m, toks, threshold, norms)
        + _acronym_fuzzy(m, toks)
        + _bare_topics(m, toks, text, start, stop, norms)
        if c.conf >= threshold
    ]
    mentions = []
    for c in _select(cands):
        entity = reg.get(c.entity)
        a, b = toks[c.first].start, toks[c.last].end
        mentions.append(
            Mention(entity.id, entity.kind, entity.name, a, b, lines.line(a), text[a:b], round(c.conf, 3), c.via)
        )
    if threshold <= 0.75 and "igf-dcs" in reg.entities:
        dcs = reg.get("igf-dcs")
        for match in _CS_VARIANT.finditer(text, start, stop):
            a, b = match.span(1)
            if not any(x.start < b and a < x.end for x in mentions):
                mentions.append(
                    Mention(dcs.id, dcs.kind, dcs.name, a, b, lines.line(a), text[a:b], 0.75, "caption-variant")
                )
    return sorted(mentions, key=lambda x: x.start)
