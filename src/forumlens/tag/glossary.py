"""A session glossary: acronyms with expansions and domain terms, each with a cited sentence.

Precision over recall: a candidate enters only with evidence that it is a term —
an expansion (spelled out in the session, or in the shipped registry), a defining cue
("what we call X", "the concept of X", "X stands for"), a taxonomy vocabulary phrase
used repeatedly, or an acronym-led name used repeatedly ("IGF Plus"). Words of the
session's speaker names and institution names never enter: those belong to `resolve`.

An entry cites a sentence only when that sentence defines the term: it has the shape of a
definition right at the term (`defining.py`: "T means …", "T is a …", "T, which is …", "a
group called T", "ACR (expansion)"). Otherwise the entry shows its expansion (if any) and
the lines that use the term, and cites nothing: a sentence that only uses "AI" is no
definition of it. Every quote is an exact slice of a turn's text, so citations stay verbatim.
"""

from __future__ import annotations

import itertools
import operator
import re
import string
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from forumlens.models import Session
from forumlens.tag.defining import defines, defines_acronym
from forumlens.tag.taxonomy import SCHEMES, load_taxonomy
from forumlens.tag.text import SessionMemo
from forumlens.text import STOPWORDS, stems
from forumlens.text.fastre import Prefiltered
from forumlens.text.keep import code_digest, digest, kept
from forumlens.text.phrases import PhraseSpans
from forumlens.text.stems import word_stems
from forumlens.text.tokens import WORD as _WORD_RE

__all__ = ["GlossaryTerm", "extract_glossary"]

_ACRONYM = re.compile(
    r"(?<![\w\u2010\u2011-])([A-Z][A-Z0-9]*[A-Z](?:[\u2010\u2011-][A-Z0-9]+)?|[A-Z]{2,}[0-9]+)(s)?(?![\w\u2010\u2011-])"
)
_NOT_ACRONYMS = frozenset(["OK", "I", "II", "III", "IV", "VI", "AM", "PM", "TV", "ID", "MR", "MRS", "MS", "DR"])
_SKIP = frozenset(["of", "and", "the", "for", "on", "in", "to", "de", "&", "with"])
_INNER = frozenset(["of", "the", "over", "on", "for", "in", "to"])
_PREPOSITIONS = frozenset(["to", "of", "for", "on", "in", "at", "by", "with", "from", "into", "about"])
_VERBS = frozenset(["means", "mean", "meant", "refers", "refer", "stands", "describes", "include", "includes"])
_HEADS = frozenset(
    [
        "forum",
        "coalition",
        "coalitions",
        "group",
        "groups",
        "organisation",
        "organization",
        "department",
        "office",
        "association",
        "committee",
        "council",
        "university",
        "ministry",
        "secretariat",
        "initiative",
        "initiatives",
        "agency",
        "foundation",
        "institute",
        "commission",
        "union",
        "network",
        "society",
    ]
)
_GENERIC = frozenset(
    [
        "thing",
        "things",
        "way",
        "ways",
        "time",
        "times",
        "year",
        "years",
        "point",
        "points",
        "lot",
        "people",
        "question",
        "questions",
        "session",
        "sessions",
        "work",
        "part",
        "moment",
        "issue",
        "issues",
        "today",
        "day",
        "something",
        "everyone",
        "room",
    ]
)
_CUE = re.compile(
    r"\b(?:what (?:we|you|they|i|people) (?:\w+ ){0,3}call(?:s|ed|ing)?|so[\s\u2010\u2011-]called"
    r"|(?:the|this|a) (?:term|concepts?|notion|idea|principle)(?: of)?|(?:known|referred to) as"
    r"|(?:that's|that is|which is|is|are) called|we call (?:it|this|them)|called)\s+[\"“']?",
    re.IGNORECASE,
)
# Searched only where the sentence holds one of its required words (issue 19): same matches
_CUE_FILTERED = Prefiltered(_CUE)
_STANDS = re.compile(r"\s*,?\s*(?:which |that )?(?:stands for|means|is short for)\s+([^.;:?!()]+)")
_PAREN = re.compile(r"\s*\(([^()]{3,80})\)")
_ACRONYM_LED = re.compile(r"([A-Z][a-z]+ )?\b([A-Z]{2,}) ([A-Z][a-z]+)\b( [A-Z])?")


@dataclass(frozen=True)
class _Sentence:
    text: str
    line: int
    speaker: str | None


@dataclass(frozen=True)
class GlossaryTerm:
    """A term of one session: the sentence that defines it, if one does, and where else it is used.

    `line` is the defining sentence's line, or the first use when no sentence defines the
    term; then `quote` is None, the JSON `definition` is null and `lines` lists every use.
    """

    term: str
    kind: Literal["acronym", "term"]
    line: int
    quote: str | None
    speaker: str | None = None
    expansion: str | None = None
    expansion_source: Literal["session", "registry"] | None = None
    lines: tuple[int, ...] = ()

    @property
    def defined(self) -> bool:
        return self.quote is not None

    def to_json(self) -> dict[str, Any]:
        definition = {"line": self.line, "speaker": self.speaker, "quote": self.quote} if self.defined else None
        return {
            "term": self.term,
            "kind": self.kind,
            "expansion": self.expansion,
            "expansion_source": self.expansion_source,
            "definition": definition,
            "lines": list(self.lines),
        }


def _cited(
    term: str,
    kind: Literal["acronym", "term"],
    sentences: list[_Sentence],
    uses: list[int],
    defining: int | None,
    expansion: str | None = None,
    source: Literal["session", "registry"] | None = None,
) -> GlossaryTerm:
    """The entry: cite sentence `defining` (an index) when there is one, else only the lines of use."""
    lines = {sentences[i].line for i in uses}
    if defining is None:
        ordered = sorted(lines)
        return GlossaryTerm(term, kind, ordered[0], None, None, expansion, source, tuple(ordered))
    sent = sentences[defining]
    return GlossaryTerm(
        term, kind, sent.line, sent.text, sent.speaker, expansion, source, tuple(sorted(lines - {sent.line}))
    )


@lru_cache(maxsize=1)
def _registry() -> dict[str, str]:
    raw = resources.files("forumlens.tag").joinpath("data", "acronyms.toml").read_text("utf-8")
    return {_key(k): v for k, v in tomllib.loads(raw)["expansions"].items()}


@lru_cache(maxsize=1)
def _vocabulary() -> dict[tuple[str, ...], str]:
    """Multi-word phrases of every taxonomy's vocabulary, by stem sequence.

    The command line keeps them between runs (`text.keep`, keyed by the taxonomies and this
    module's code): stemming every term again costs ~10 ms a process."""
    sources = [load_taxonomy(scheme).digest for scheme in SCHEMES]
    code = code_digest(__name__)
    key = None if code is None or None in sources else digest(code, *(s for s in sources if s))
    return kept("glossary-vocabulary", key, _phrases)


def _phrases() -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for scheme in SCHEMES:
        for entry in load_taxonomy(scheme).entries:
            for term in entry.terms:
                seq = tuple(stems(term))
                if len(seq) >= 2:
                    out.setdefault(seq, term)
    return out


def _key(acronym: str) -> str:
    return re.sub(r"[\u2010\u2011]", "-", acronym).upper()


def _sentences(session: Session, memo: SessionMemo) -> list[_Sentence]:
    out = []
    for turn in session.turns:
        if turn.kind != "speech":
            continue
        # lines counted on from the previous sentence: counting from the turn's start
        # for each sentence is quadratic in a long turn
        line, counted = turn.first_line, 0  # the speech's line, not a marker's alone on its own
        for a, b in memo.sentence_spans(turn.text):
            line += turn.text.count("\n", counted, a)
            counted = a
            out.append(_Sentence(turn.text[a:b], line, turn.speaker))
    return out


def _name_words(session: Session) -> set[str]:
    names: set[str] = set()
    for turn in session.turns:
        for value in (turn.speaker, turn.label):
            if value:
                names.update(w.lower() for w in re.split(r"[\s\u2010\u2011,.-]+", value) if len(w) > 1)
    return names


def _words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every word of `text` (`forumlens.text.words`' pattern)."""
    return [(text[a:b], a, b) for a, b in map(_SPAN, _WORD_RE.finditer(text))]


_SPAN = re.Match.span


def _initials(acronym: str) -> str:
    """The initials an expansion of `acronym` must spell, lower-cased; "" when none can.

    Every letter and digit of an acronym is accounted for, or a phrase that spells only its
    letters ("Dynamic Coalition" for DC3) would be given as its meaning. A digit from 2 to 9
    after a letter repeats it: DC3 is Dynamic Coalition on Community Connectivity, W3C the
    World Wide Web Consortium. Any other digit (G20, 3GPP, COVID-19) no initials can spell:
    only an explicit "ACR (expansion)" or the registry expands it.
    """
    out: list[str] = []
    chars = [c for c in acronym.lower() if c.isalnum()]
    for k, c in enumerate(chars):
        if c.isalpha():
            out.append(c)
        elif c in "23456789" and k and chars[k - 1].isalpha() and not (k + 1 < len(chars) and chars[k + 1].isdigit()):
            out.append(chars[k - 1] * (int(c) - 1))
        else:
            return ""
    return "".join(out)


def _initials_match(acronym: str, run: list[str]) -> bool:
    """Do the words of `run` spell `acronym` by their initials (skipping "of", "and", ...)?"""
    letters = list(_initials(acronym))
    if not letters or not run or run[0].lower() in _SKIP or run[-1].lower() in _SKIP:
        return False
    content = [w for w in run if w.lower() not in _SKIP]
    if any(w.lower() in STOPWORDS for w in content):
        return False
    return len(content) == len(letters) and all(w[0].lower() == c for w, c in zip(content, letters))


_RUN_BREAK = re.compile(r"[.;:?!()]")


class _Words:
    """The words of one string, with what `_runs` asks of them, computed once per string.

    Most strings `_runs` is asked about cannot spell the acronym, which `spelled` tells;
    the stopword flags and punctuation counts the runs need are computed only for the
    others, on first use.
    """

    __slots__ = ("_breaks", "_low", "_stop", "_text", "content", "initial", "skip", "spelled", "ws")

    def __init__(self, text: str) -> None:
        self._text = text
        ws = self.ws = _words(text)
        words = [w for w, _, _ in ws]
        self._low = list(map(str.lower, words))
        skip = self.skip = list(map(_SKIP.__contains__, self._low))
        initial = self.initial = [w[0].lower() for w in words]
        # the content words' indexes, and their initials in order: the words of a run that
        # spells an acronym are consecutive content words, so its letters are a substring of
        # `spelled`, found at the run's first content word
        content = self.content = list(itertools.compress(range(len(ws)), map(operator.not_, skip)))
        self.spelled = "".join([initial[i] for i in content])
        self._stop: list[bool] | None = None
        self._breaks: list[int] | None = None

    @property
    def stop(self) -> list[bool]:
        if self._stop is None:
            self._stop = list(map(STOPWORDS.__contains__, self._low))
        return self._stop

    @property
    def breaks(self) -> list[int]:
        """breaks[k]: punctuation in the gaps before word k (so a run i..j-1 has some iff
        breaks[j - 1] > breaks[i]); words themselves never hold [.;:?!()]."""
        if self._breaks is None:
            ws = self.ws
            breaks = self._breaks = [0] * len(ws)
            marks = [m.start() for m in _RUN_BREAK.finditer(self._text)]
            if marks and ws:  # most sentences have none inside: then every count stays 0
                # marks before word k (none lies inside a word): the gap before k holds
                # one iff that number grew since word k - 1
                count, before = 0, bisect_left(marks, ws[0][1])
                for k in range(1, len(ws)):
                    now = bisect_left(marks, ws[k][1])
                    if now > before:
                        count += 1
                    breaks[k] = count
                    before = now
        return self._breaks


def _words_of(text: str, cache: dict[str, _Words] | None) -> _Words:
    if cache is None:
        return _Words(text)
    found = cache.get(text)
    if found is None:
        found = cache[text] = _Words(text)
    return found


def _runs(sentence: str, acronym: str, cache: dict[Any, Any] | None = None) -> list[tuple[int, int]]:
    """Spans of word runs in `sentence` whose initials spell `acronym`.

    Same decisions as `_initials_match` over every candidate run, on per-word facts
    computed once per sentence (`_Words`).
    """
    letters = list(_initials(acronym))
    n = len(letters)
    out: list[tuple[int, int]] = []
    if not n:
        return out
    info = _words_of(sentence, cache)
    word = "".join(letters)
    if word not in info.spelled:
        return out  # no run of consecutive content words has these initials
    ws, skip, stop, initial, breaks = info.ws, info.skip, info.stop, info.initial, info.breaks
    total = len(ws)
    for i in _run_starts(info, word):
        for j in range(i + n, min(total, i + n + 3) + 1):
            if breaks[j - 1] > breaks[i]:
                break
            if skip[i] or skip[j - 1]:
                continue
            content = [k for k in range(i, j) if not skip[k]]
            if len(content) != n or any(stop[k] for k in content):
                continue
            if all(initial[k] == c for k, c in zip(content, letters)):
                out.append((ws[i][1], ws[j - 1][2]))
    return out


def _run_starts(info: _Words, word: str) -> Iterator[int]:
    """The words a run spelling `word` can start at, in order: a content word whose initial
    and those of the content words after it spell `word`.

    Why: a run's words are the next content words from its start, so a start where
    `spelled` does not hold `word` finds no run. Testing only those (found by `str.find`)
    instead of every content word with the right first letter gives the same runs in the
    same order, and a long caption "sentence" is no longer walked word by word for each of
    its acronyms (issue 19). Where an initial is not one character (a capital İ lower-cases
    to two), `spelled` no longer lines up with the words: then every content word with the
    first letter is tried, as before.
    """
    content, spelled = info.content, info.spelled
    if len(spelled) != len(content):
        yield from (i for i in content if info.initial[i] == word[0])
        return
    at = spelled.find(word)
    while at >= 0:
        yield content[at]
        at = spelled.find(word, at + 1)


def _spelled(text: str) -> str:
    """`_Words(text).spelled`: the same initials of the same content words, without the rest.

    `_expand` asks `_runs` about a fresh prefix of each sentence that uses an acronym, and
    almost none can spell it; this is the first test `_runs` makes, at a fraction of the cost
    of the word facts `_Words` prepares for the runs themselves.
    """
    return "".join([w[0].lower() for w in _WORD_RE.findall(text) if w.lower() not in _SKIP])


def _capitalised(phrase: str) -> bool:
    content = [w for w in phrase.split() if w.lower() not in _SKIP]
    return sum(w[0].isupper() for w in content) * 2 >= len(content) and content[-1][0].isupper()


def _candidates(sentences: list[_Sentence], acronym: str, cache: dict[Any, Any] | None) -> list[int]:
    """Indexes of the sentences where `_runs` can find `acronym`: its letters are the initials
    of consecutive content words there (the necessary condition `_runs` checks first).

    A word's lower-cased first letter is the first character of the lower-cased word (case
    maps letter by letter; only a final sigma depends on what precedes it), so one `lower`
    a word serves both the stopword test and the initial.

    The sentences' initials are joined by newlines (no initial is one: a word starts with a
    letter) and searched with `str.find`, which also skips to the next sentence after a hit:
    the same indexes, in order, as testing `letters in` each sentence's initials, without a
    Python step per sentence for each acronym (a long caption line has thousands of both:
    2.4x per doubling before; issue 19).
    """
    letters = _initials(acronym)
    if not letters:
        return []
    index = cache.get(_candidates) if cache is not None else None
    if index is None:
        spelled = [
            "".join([w[0] for w in map(str.lower, _WORD_RE.findall(sent.text)) if w not in _SKIP]) for sent in sentences
        ]
        starts = list(itertools.accumulate((len(x) + 1 for x in spelled[:-1]), initial=0)) if spelled else []
        index = ("\n".join(spelled), starts)
        if cache is not None:
            cache[_candidates] = index
    joined, starts = index
    out: list[int] = []
    at = joined.find(letters)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        out.append(i)
        if i + 1 >= len(starts):
            break
        at = joined.find(letters, starts[i + 1])
    return out


def _expand(
    acronym: str, sentences: list[_Sentence], uses: list[int], cache: dict[Any, Any] | None = None
) -> tuple[str, int, Literal["session", "registry"]] | None:
    """Find an expansion: explicit pattern, initials next to the acronym, then anywhere capitalised."""
    base = acronym.rstrip("s") if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    for i in uses:  # "ACR (expansion)", "ACR stands for expansion", "expansion (ACR)"
        s = sentences[i].text
        for m in re.finditer(re.escape(acronym), s):
            after = s[m.end() :]
            for pat in (_PAREN, _STANDS):
                found = pat.match(after)
                if found and not found.group(1).strip().isupper():
                    return found.group(1).strip(), i, "session"
            before = s[: m.start()].rstrip()
            if before.endswith("("):
                for a, b in _runs(before[:-1].rstrip() + " ", base, cache):
                    if b >= len(before[:-1].rstrip()) - 1:
                        return s[a:b], i, "session"
    letters = _initials(base)
    for i in uses:  # initials in the same sentence, within ten words before the acronym
        s = sentences[i].text
        pos = s.find(acronym)
        window_start = max(0, pos - 90)
        # Only runs starting in the window count, and a run's words and the punctuation
        # between them are all it depends on: read the prefix from the last space before the
        # window (no word spans a space), not from the sentence start. The same runs, in the
        # same order; a long unpunctuated caption "sentence" no longer costs its whole length
        # per use of each acronym (issue 19).
        cut = max(0, s.rfind(" ", 0, window_start))
        head = s[cut:pos]
        if not letters or letters not in _spelled(head):
            continue  # the test `_runs` starts with, without building its word facts for this prefix
        for a, b in _runs(head, base, cache):
            a, b = a + cut, b + cut
            if a >= window_start and not re.search(r"[A-Z]{2}", s[a:b]):
                return s[a:b], i, "session"
    seen: Counter[str] = Counter()
    first: dict[str, tuple[str, int]] = {}
    for i in _candidates(sentences, base, cache):
        sent = sentences[i]
        for a, b in _runs(sent.text, base, cache):
            phrase = sent.text[a:b]
            if _capitalised(phrase) and not re.search(r"[A-Z]{2}", phrase):
                key = " ".join(stems(phrase))
                seen[key] += 1
                first.setdefault(key, (phrase, i))
    if seen:
        key = max(seen, key=lambda k: (seen[k], -first[k][1]))
        return first[key][0], first[key][1], "session"
    if _key(base) in _registry():
        return _registry()[_key(base)], uses[0], "registry"
    return None


_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_ASCII_UPPER = string.ascii_uppercase.encode("ascii")


def _shouted(text: str) -> bool:
    """More than 60% of the letters are capitals."""
    if text.isascii():  # there, letters are A-Z and a-z: count both by deleting them, in C
        raw = text.encode("ascii")
        n_letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        return bool(n_letters) and len(raw) - len(raw.translate(None, _ASCII_UPPER)) > 0.6 * n_letters
    # else count each distinct character once (a curly quote is enough to get here)
    n_letters = n_upper = 0
    for char, n in Counter(text).items():
        if char.isalpha():
            n_letters += n
            if char.isupper():
                n_upper += n
    return bool(n_letters) and n_upper > 0.6 * n_letters


def _acronyms(sentences: list[_Sentence], names: set[str]) -> list[GlossaryTerm]:
    cache: dict[Any, Any] = {}
    uses: dict[str, list[int]] = {}
    forms: dict[str, Counter[str]] = {}
    for i, sent in enumerate(sentences):
        matches = list(_ACRONYM.finditer(sent.text))
        # most sentences hold no capitals to read: the shouting test is only needed for the others
        if not matches or _shouted(sent.text):
            continue  # a shouted sentence: capitals carry no signal
        for m in matches:
            token = m.group(0)
            key = _key(m.group(1))
            if key in _NOT_ACRONYMS or m.group(1).lower() in names:
                continue
            forms.setdefault(key, Counter())[token] += 1
            if not uses.get(key) or uses[key][-1] != i:
                uses.setdefault(key, []).append(i)
    written = {key: c.most_common(1)[0][0] for key, c in forms.items()}
    out = []
    for key, idx in uses.items():
        found = _expand(written[key], sentences, idx, cache)
        if found is None and key != written[key]:  # the same spelling would search the same again
            found = _expand(key, sentences, idx, cache)
        if found is None:
            continue
        expansion, _at, source = found
        if any(w.lower() in names for w in expansion.split()):
            continue
        spellings = {written[key], key}
        defining = next(
            (i for i in idx if any(defines_acronym(sentences[i].text, form, expansion) for form in spellings)), None
        )
        out.append(_cited(written[key], "acronym", sentences, idx, defining, expansion, source))
    return out


def _clean_phrase(sentence: str, start: int) -> tuple[str, bool] | None:
    """The words after a cue, up to punctuation or a function word; and whether it ended cleanly.

    A clean end (punctuation, "and", "which", end of sentence) marks the term's boundary;
    otherwise the caller trims the phrase to a prefix that the session uses again.
    """
    taken: list[str] = []
    clean = True
    pos = start
    for word, a, b in _words(sentence[start:]):
        if taken and re.search(r"[,.;:?!()\"”]", sentence[pos : start + a]):
            break
        if (word.lower() in STOPWORDS and word.lower() not in _INNER) or word.lower() in _VERBS:
            break
        if len(taken) == 5:
            clean = False
            break
        taken.append(word)
        pos = start + b
    else:
        clean = True
    while taken and taken[-1].lower() in STOPWORDS:
        taken.pop()
        clean = False
    while taken and taken[0].lower() in {"the", "a", "an"}:
        taken.pop(0)
    return (" ".join(taken), clean) if len(taken) >= 2 else None


def _acceptable(phrase: str, names: set[str]) -> bool:
    ws = phrase.split()
    low = [w.lower() for w in ws]
    if any(w in names for w in low) or low[-1] in _GENERIC or all(w in STOPWORDS for w in low):
        return False
    if low[0] in _PREPOSITIONS:
        return False  # "called to the disciplinary committee": a verb's preposition, not a name
    if _capitalised(phrase) and low[-1] in _HEADS:
        return False  # an institution's name: resolve/ owns those
    return not any(w.isupper() and len(w) > 1 for w in ws[1:]) or ws[0].isupper()


class _Index:
    """Where a stem n-gram (2 to 6 stems) occurs: sentence indexes, in order, each once.

    Built lazily: sentences are indexed by their stem pairs, and a longer n-gram is
    checked only in the sentences holding its first pair, the first time it is asked for.
    With `heads` (the first pairs of the taxonomies' phrases, `_vocabulary_heads`), only
    those pairs are indexed up front; any other pair (a cued phrase, an acronym pair: a few
    a session) is found by one scan of the sentences when first asked. The answers are the
    same either way; indexing every pair of every sentence was ~3,700 appends a session for
    ~450 lookups, most of them of the vocabulary's pairs (issue 19).
    """

    def __init__(
        self, sentences: list[_Sentence], stems_of: Any = stems, heads: frozenset[tuple[str, ...]] | None = None
    ) -> None:
        self._stems = [tuple(stems_of(sent.text)) for sent in sentences]
        self._heads = heads
        self._pairs: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)  # read with .get only
        self._longer: dict[tuple[str, ...], list[int]] = {}
        pairs = self._pairs
        for i, st in enumerate(self._stems):
            for g in set(itertools.pairwise(st)) if heads is None else heads.intersection(itertools.pairwise(st)):
                pairs[g].append(i)

    def _pair(self, pair: tuple[str, ...]) -> list[int]:
        found = self._pairs.get(pair)
        if found is None and self._heads is not None and pair not in self._heads:
            first, second = pair
            found = self._pairs[pair] = [
                i for i, st in enumerate(self._stems) if first in st and second in st and _contains(st, pair)
            ]
        return found or []

    def occurrences(self, seq: tuple[str, ...]) -> list[int]:
        n = len(seq)
        if n == 2:
            return self._pair(seq)
        if n < 2 or n > 6:
            return []
        found = self._longer.get(seq)
        if found is None:
            found = self._longer[seq] = [i for i in self._pair(seq[:2]) if _contains(self._stems[i], seq)]
        return found


@lru_cache(maxsize=1)
def _vocabulary_heads() -> frozenset[tuple[str, ...]]:
    """The first stem pairs of the taxonomies' phrases: the pairs `_terms` asks of every session."""
    return frozenset(seq[:2] for seq in _vocabulary())


class _Stemmed:
    """The words of one sentence and, per word, its stem when it has exactly one (else None)."""

    __slots__ = ("single", "ws")

    def __init__(self, sentence: str, sentence_stems: list[str]) -> None:
        self.ws = _words(sentence)
        self.single: list[str | None]
        if len(sentence_stems) == len(self.ws):  # every word has one stem (each has at least one)
            self.single = list(sentence_stems)
        else:
            self.single = []
            for w, _, _ in self.ws:
                found = word_stems(w)
                self.single.append(found[0] if len(found) == 1 else None)


class _StemmedSentences:
    """`_Stemmed` of each sentence asked for, made once, from the sentence's stems (`stems_of`,
    the session memo's when there is one: the glossary has already stemmed every sentence)."""

    def __init__(self, stems_of: Any = stems) -> None:
        self._stems_of = stems_of
        self._found: dict[str, _Stemmed] = {}

    def get(self, sentence: str) -> _Stemmed:
        found = self._found.get(sentence)
        if found is None:
            found = self._found[sentence] = _Stemmed(sentence, self._stems_of(sentence))
        return found


def _spans(sentence: str, seq: tuple[str, ...], stemmed: _StemmedSentences | None = None) -> list[tuple[int, int]]:
    """Character spans of the word runs of `sentence` whose stems are `seq` (no punctuation inside).

    The stems of a run of n words are its words' stems in turn (`word_stems`), and every
    word has at least one, so they equal n stems only when each word has exactly one: the
    run matches iff its words' single stems are `seq`. The same answer as stemming each
    run's joined words, without re-splitting the sentence for every run.
    """
    found = stemmed.get(sentence) if stemmed is not None else _Stemmed(sentence, stems(sentence))
    ws, single = found.ws, found.single
    n = len(seq)
    target = list(seq)
    out = []
    for i in range(len(ws) - n + 1):
        if single[i : i + n] == target:
            a, b = ws[i][1], ws[i + n - 1][2]
            if not _SPAN_BREAK.search(sentence, a, b):
                out.append((a, b))
    return out


_SPAN_BREAK = re.compile(r"[,.;:?!()]")


def _verbatim(sentence: str, seq: tuple[str, ...], stemmed: _StemmedSentences | None = None) -> str | None:
    found = _spans(sentence, seq, stemmed)
    return sentence[found[0][0] : found[0][1]] if found else None


def _defining(
    sentences: list[_Sentence], seq: tuple[str, ...], candidates: list[int], stemmed: _StemmedSentences | None = None
) -> int | None:
    """The first of `candidates` (sentence indexes) that defines the term `seq` at one of its uses."""
    for i in candidates:
        text = sentences[i].text
        if any(defines(text, a, b) for a, b in _spans(text, seq, stemmed)):
            return i
    return None


class _InNames:
    """Which uses of a term sit inside the name of a coalition or organisation of the session.

    "Public Access" said twice, both times in "Dynamic Coalition on Public Access in
    Libraries", is the coalition's name, not a term the session uses: such uses do not count
    toward a term (`resolve` owns names). The names are the session's bodies as `resolve`
    found them (registry or not); the spans are found once per sentence asked about.
    """

    def __init__(self, sentences: list[_Sentence], bodies: Iterable[str], stemmed: _StemmedSentences) -> None:
        forms = sorted({" ".join(b.split()) for b in bodies if len(b.split()) >= 2}, key=len, reverse=True)
        # the spans of one alternation of the names, without compiling it for every session
        # (`text.phrases`: each name compiled once, searched only where its words occur)
        self._names = PhraseSpans(forms) if forms else None
        self._sentences = sentences
        self._stemmed = stemmed
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def _names_in(self, i: int) -> list[tuple[int, int]]:
        found = self._spans.get(i)
        if found is None:
            assert self._names is not None
            found = self._spans[i] = self._names.spans(self._sentences[i].text)
        return found

    def outside(self, seq: tuple[str, ...], uses: Iterable[int]) -> list[int]:
        """The sentences of `uses` that say `seq` at least once outside every body's name."""
        if self._names is None:
            return list(uses)
        out = []
        for i in uses:
            names = self._names_in(i)
            spans = _spans(self._sentences[i].text, seq, self._stemmed) if names else [(0, 0)]
            if not spans or any(not any(a <= x and y <= b for a, b in names) for x, y in spans):
                out.append(i)
        return out


def _terms(
    sentences: list[_Sentence], names: set[str], memo: SessionMemo | None = None, bodies: Iterable[str] = ()
) -> list[GlossaryTerm]:
    _occurrences = _Index(sentences, memo.stems if memo else stems, _vocabulary_heads()).occurrences
    stemmed = _StemmedSentences(memo.stems if memo else stems)  # each sentence's words, stemmed once
    in_names = _InNames(sentences, bodies, stemmed)
    repeated: set[tuple[str, ...]] = set()  # terms by repetition alone: uses inside a name do not count
    cued: dict[tuple[str, ...], int] = {}
    for i, sent in enumerate(sentences):
        for m in _CUE_FILTERED.finditer(sent.text):
            found = _clean_phrase(sent.text, m.end())
            if not found:
                continue
            phrase = tuple(stems(found[0]))
            seq: tuple[str, ...] | None = phrase
            if not found[1]:
                # No clear boundary: keep the longest prefix the session uses again,
                # "digital sovereignty anchor Internet values" -> "digital sovereignty".
                seq = next(
                    (
                        phrase[:k]
                        for k in range(len(phrase), 1, -1)
                        if phrase[k - 1] not in STOPWORDS and len(_occurrences(phrase[:k])) >= 2
                    ),
                    None,
                )
            if seq:
                cued.setdefault(seq, i)
    for seq in _vocabulary():
        # `outside` keeps a subset of the uses: a phrase said fewer than twice is no term
        # whatever the names, and ~450 phrases are asked per session (issue 19)
        if seq not in cued and len(uses := _occurrences(seq)) >= 2:
            occ = in_names.outside(seq, uses)
            if len(occ) >= 2:
                cued[seq] = occ[0]
                repeated.add(seq)
    acr_pairs: Counter[str] = Counter()
    followed: Counter[str] = Counter()
    for sent in sentences:
        for m in _ACRONYM_LED.finditer(sent.text):
            pair = f"{m.group(2)} {m.group(3)}"
            acr_pairs[pair] += 1
            # part of a longer capitalised name ("Youth IGF Poland", "IGF Dynamic Coalitions")?
            followed[pair] += bool(m.group(1) or m.group(4))
    for pair, count in acr_pairs.items():
        if count >= 2 and followed[pair] * 2 < count:
            seq = tuple(stems(pair))
            # the pattern's words are not always the stems' words: in a run-on caption
            # "O'SULLIVAN Yes" gives the pair "SULLIVAN Yes", a run no sentence's stems hold
            if (occurrences := in_names.outside(seq, _occurrences(seq))) and seq not in cued:
                cued[seq] = occurrences[0]
                repeated.add(seq)
    out = []
    lines_of = {seq: {sentences[i].line for i in _occurrences(seq)} for seq in cued}
    within = _within(cued)
    for seq, at in cued.items():
        if any(lines_of[other] >= lines_of[seq] for other in within.get(seq, ())):
            continue  # "core Internet" only ever inside "core Internet values"
        said = in_names.outside(seq, _occurrences(seq))
        if seq in repeated and len(said) < min(2, len(_occurrences(seq))):
            continue  # used again only inside a coalition's or organisation's name
        term = _verbatim(sentences[at].text, seq, stemmed)
        if term is None or not _acceptable(term, names):
            continue
        uses = sorted({at, *said})
        out.append(_cited(term, "term", sentences, uses, _defining(sentences, seq, uses, stemmed)))
    return out


def _within(seqs: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """For each run of stems, the longer sequences of `seqs` that contain it.

    Listing each sequence's own sub-runs (a few: terms are short) finds the containing
    terms in time linear in the number of terms; comparing every pair of terms does not
    stay linear when a long session brings thousands of cued phrases.
    """
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for longer in dict.fromkeys(seqs):
        n = len(longer)
        subs = {longer[i : i + k] for k in range(1, n) for i in range(n - k + 1)}
        for sub in subs:
            out.setdefault(sub, []).append(longer)
    return out


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def extract_glossary(
    session: Session, memo: SessionMemo | None = None, *, bodies: Iterable[str] = ()
) -> list[GlossaryTerm]:
    """Acronyms and domain terms of a `Session`, in order of their defining line.

    `memo` shares sentence splits and stems with the other stages run over the session.
    `bodies`: names of the coalitions and organisations of the session, as `resolve` found
    them (`pipeline.glossary_of` passes them); a phrase said only inside one is no term.
    """
    memo = memo or SessionMemo()
    sentences = _sentences(session, memo)
    names = _name_words(session)
    found = _acronyms(sentences, names) + _terms(sentences, names, memo, bodies)
    seen: set[str] = set()
    out = []
    for t in sorted(found, key=lambda t: (t.line, t.term.lower())):
        if t.term.lower() not in seen:
            seen.add(t.term.lower())
            out.append(t)
    return out
