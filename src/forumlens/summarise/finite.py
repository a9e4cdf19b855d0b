"""Whether a sentence has a main clause: a finite verb outside its relative clauses.

Issue 23: "A real child who is abused now, in a house, and who we found." and "About
creating resilient infrastructure that's going to increase access ..." passed as points,
because the finite-verb test (`rewrite.has_finite_verb`) counted the verbs of their
relative clauses ("who is", "that's going"). Removing relative clauses up to the next
comma would reject a sentence whose main verb follows its relative clause without a
comma: "Women who refuse a client lose work." So a relative clause is read as far as its
own verb group and what follows it; a later verb that is not coordinated with it ("and
lose") nor an infinitive ("to lose") and agrees with the noun the clause hangs on (a plural
head takes "lose", a singular one "loses", either takes a past form or an auxiliary) is
the main verb. What is left outside the relative clauses is then tested by the loose
detector the caller passes (`rewrite.has_finite_verb`).

A zero relative counts too: "The main challenge I see right now, just helping us ..." (a
determiner phrase, then a pronoun and its verb), except after a time or manner noun
("This year we published ...", "That way we can ...": the phrase is an adverbial).

The test only ever rejects what it understands: a relative clause whose verb it cannot
find leaves the old answer. Function words are the project's stopword list
(`text.stopwords.STOPWORDS`), verbs that are never nouns the ask cues' imperative list
(`analyse.askcues.IMPERATIVE_VERBS`) with their -s and -ed forms. Pure functions over strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..analyse.askcues import IMPERATIVE_VERBS
from ..text.stopwords import STOPWORDS

__all__ = ["THIRD_PERSON", "main_clause_verb", "opens_imperative"]


def _split(block: str) -> list[str]:
    """Words from a whitespace-separated block: lists this long read better as text."""
    return block.split()


def _words(block: str) -> frozenset[str]:
    return frozenset(_split(block))


_TOKEN = re.compile(r"[A-Za-z0-9][\w'’‑-]*|‑‑|--|[,;:—–()]")
_BREAK = frozenset({",", ";", ":", "—", "–", "‑‑", "--", "(", ")"})
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
_SUBJECTS = frozenset({"i", "we", "they", "you", "he", "she", "it", "there", "one"})
_DETERMINERS = _words(
    "the a an this that these those our their its my your his her every each some many most all any no several "
    "both another"
)
_AUX = _words(
    "am is are was were has have had do does did can could will would shall should may might must "
    "isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't can't cannot couldn't won't "
    "wouldn't shouldn't mustn't"
)
_CONTRACTION = re.compile(r"['’](?:s|re|m|ve|ll|d)$", re.IGNORECASE)
_ADVERBS = _words("also still now often only really just already not never always actually even then")
_COORDINATORS = frozenset({"and", "or", "but", "nor", "to", "then"})
# Dependent clauses that open inside a relative clause: their verbs are not the main one.
_SUBORDINATORS = _words(
    "because if when while since although though unless whether where how why what so as once until"
)
# "This year we published ...", "That way we can ...": an adverbial phrase, not a zero relative.
_ADVERBIAL_NOUNS = _words(
    "year years month week morning afternoon evening time times decade day days moment way point stage case"
)
_PLURAL_IRREGULAR = frozenset({"people", "women", "men", "children"})
# "entrepreneurial approach", "national strategy": an adjective before a noun, not a subject before its verb
_ADJECTIVE = re.compile(r"(?:al|ive|ous|ic|ful|able|ible|ary|less|ish)$")
_VERBS = frozenset(IMPERATIVE_VERBS)
# Present-tense forms that are verbs far more often than nouns (the finite-verb list `rewrite._AUX` uses).
THIRD_PERSON = _split(
    "needs remains seems means makes depends matters exists requires includes shows helps takes gives comes goes "
    "works allows provides supports lacks faces costs becomes leads creates brings runs uses applies affects "
    "focuses contributes deserves belongs happens involves reflects relies offers puts sets keeps gets tends "
    "starts continues stays ensures"
)
_VERBS_3SG = frozenset(THIRD_PERSON)


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def _verb_form(word: str) -> bool:
    """A form only a verb takes: an auxiliary, a contraction, a past in -ed, a listed verb's -s or -ed form."""
    w = _plain(word)
    if w in _AUX or _CONTRACTION.search(w):
        return True
    if w.endswith("ed") and len(w) > 4:
        return True
    return (w.endswith("s") and w[:-1] in _VERBS) or (w.endswith("es") and w[:-2] in _VERBS)


def _content(word: str) -> bool:
    w = _plain(word)
    return word not in _BREAK and w not in STOPWORDS and not w.endswith("ly") and not w[0].isdigit()


def _plural(word: str | None) -> bool | None:
    """Whether a head noun is plural (None: not a noun we can read)."""
    if word is None or not _content(word):
        return None
    w = _plain(word)
    if w in _PLURAL_IRREGULAR:
        return True
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _agrees(word: str, plural: bool | None) -> bool:
    """Whether `word` can be the finite verb of a subject of that number."""
    w = _plain(word)
    if _verb_form(word) and (w in _AUX or _CONTRACTION.search(w) or w.endswith("ed")):
        return True
    if w.endswith("ing") or not _content(word) or word[0].isupper():
        return False
    if plural is None:
        return True
    third = w.endswith("s") and not w.endswith(("ss", "us"))
    return third != plural


def _clause(tokens: list[str], start: int, head: str | None) -> tuple[int, bool | None]:
    """Read the relative clause whose pronoun (or zero-relative subject) is at `start`.

    Returns (index where it ends, verdict): verdict True when a main verb was found after
    it, None when its own verb could not be found (the caller keeps the old answer), False
    otherwise.
    """
    n = len(tokens)
    j = start + 1 if _plain(tokens[start]) in _RELATIVE else start
    if j > start and _CONTRACTION.search(_plain(tokens[start])):  # "that's going to ..."
        j = start + 1
        verb_at = start
    else:
        while j < n and _plain(tokens[j]) in _ADVERBS:
            j += 1
        if j >= n or tokens[j] in _BREAK:
            return j, None
        first = _plain(tokens[j])
        if first in _SUBJECTS or first in _DETERMINERS or (tokens[j][0].isupper() and j > 0):
            # an object relative: its subject, then its verb ("who we found", "that the coalition produced")
            k = j + 1
            while (
                k < n
                and tokens[k] not in _BREAK
                and not (_verb_form(tokens[k]) or (first in _SUBJECTS and k == j + 1 and _content(tokens[k])))
            ):
                k += 1
            if k >= n or tokens[k] in _BREAK or k - j > 5:
                return k, None
            verb_at = k
        elif _content(tokens[j]) or _plain(tokens[j]) in _AUX:
            verb_at = j  # a subject relative: "who refuse", "that links"
        else:
            return j, None
    # the verb group: participles, "going to", an infinitive and adverbs after it
    k = verb_at + 1
    while k < n and (
        _plain(tokens[k]) in _ADVERBS
        or _plain(tokens[k]) in {"been", "being", "be", "going"}
        or (_plain(tokens[k]).endswith(("ed", "en")) and k == verb_at + 1)
    ):
        k += 1
    plural = _plural(head)
    group_end = k  # "who are harmed | need ...": the word after a passive group may be the main verb
    passive = k - verb_at > 1 and _plain(tokens[k - 1]).endswith(("ed", "en"))
    while k < n:
        tok, prev = tokens[k], tokens[k - 1]
        low = _plain(tok)
        if tok in _BREAK:
            return k, False
        if low in _RELATIVE and _content(prev):
            return k, False  # a next relative clause, read on its own
        if low in _SUBORDINATORS:
            return n, None  # a dependent clause inside: not read
        if low in _SUBJECTS and k + 1 < n and _content(tokens[k + 1]) and low not in {"it", "one"}:
            return k, True  # a new clause with its own subject: "..., and we have ..."
        if _plain(prev) not in _COORDINATORS and not _plain(prev).endswith("ing"):
            if low in _AUX and _plain(prev) not in _RELATIVE:
                return k, True
            # after the clause's object ("a client"), not right after its verb ("refuse work")
            noun_before = _content(prev) and not _ADJECTIVE.search(_plain(prev)) and not _verb_form(prev)
            # "to reach", "and train": a bare word after "to" or "and" is a verb, what follows it its object
            before_prev = _plain(tokens[k - 2]) if k >= 2 else ""
            if before_prev == "to" or (before_prev in {"and", "or"} and not _plain(prev).endswith("s")):
                noun_before = False
            after_passive = passive and k == group_end and _content(tok) and not _verb_form(tok)
            # a bare or -s word after a noun is a verb only when that noun closes a phrase a function
            # word opened ("a client | lose", "in libraries | know") or the word is a listed verb
            # ("last year | shows"): "reach remote | schools" is the object of an infinitive
            opened = k >= 2 and not _content(tokens[k - 2])
            plain_form = not _verb_form(tok) or _plain(tok) not in _VERBS_3SG
            listed = _plain(tok) in _VERBS or _plain(tok) in _VERBS_3SG or (_verb_form(tok) and low.endswith("ed"))
            if noun_before and k - 1 > verb_at and (opened or listed or not plain_form) and _agrees(tok, plural):
                return k, True
            if after_passive and _agrees(tok, plural):
                return k, True
        k += 1
    return n, False


def _zero_relative(tokens: list[str]) -> int | None:
    """Where a sentence-opening zero relative starts: "The main challenge I see ..." -> the index of "I"."""
    if len(tokens) < 4 or _plain(tokens[0]) not in _DETERMINERS:
        return None
    for k in range(2, min(5, len(tokens) - 1)):
        word = _plain(tokens[k])
        if word in {"i", "we", "they", "you"}:
            before = tokens[1:k]
            # "The telcos think they ...": a verb before the pronoun makes it the main clause's object
            nouns = all(_content(t) and not _verb_form(t) and _plain(t) not in _VERBS for t in before)
            if nouns and _plain(before[-1]) not in _ADVERBIAL_NOUNS:
                return k
            return None
        if not _content(tokens[k]):  # "No, we will ...", "Our work, we have ...": no zero relative
            return None
    return None


def _says(tokens: list[str], i: int) -> bool:
    """Whether the word before "that" at `i` is a verb with its subject: a listed verb, or an
    -s form right after a noun ("the caller knows that", "our coalition recommends that")."""
    head = _plain(tokens[i - 1])
    if head in _VERBS or _verb_form(tokens[i - 1]):
        return True
    return head.endswith("s") and i >= 2 and _content(tokens[i - 2]) and _plural(tokens[i - 2]) is False


def _noun_before(tokens: list[str], i: int) -> str | None:
    """The noun a relative clause at `i` hangs on (the last content word before it, past "and")."""
    for tok in reversed(tokens[max(0, i - 4) : i]):
        if _content(tok):
            return tok
    return None


@lru_cache(maxsize=65_536)
def _verdict(text: str) -> tuple[str, bool | None]:
    tokens = _TOKEN.findall(text)
    outside: list[str] = []
    found: bool | None = False
    i = 0
    zero = _zero_relative(tokens)
    while i < len(tokens):
        tok = tokens[i]
        low = _plain(tok)
        head = tokens[i - 1] if i > 0 else None
        # "who/which" mid-sentence open a relative clause; "that" after a noun, or after "and"
        # continuing one ("..., and that links into ...")
        relative = head is not None and (
            low in {"who", "whom", "whose", "which", "who's"}
            or ((low in {"that", "that's"}) and (_content(head) or _plain(head) in {"and", "or", "but"}))
        )
        if relative and low in {"that", "that's"} and _says(tokens, i):
            relative = False  # "The caller knows that ...": a complement of the verb before it
        if relative or i == zero:
            end, verdict = _clause(tokens, i, _noun_before(tokens, i) if relative else tokens[i - 1])
            if verdict is None:
                return text, None
            if verdict:
                found = True
            i = max(end, i + 1)
            # "The ones that depended on one cable, stayed down ...": the main verb after the clause's comma
            j = i
            while j < len(tokens) and (tokens[j] in _BREAK or _plain(tokens[j]) in _ADVERBS):
                j += 1
            if j > i and j < len(tokens) and _verb_form(tokens[j]) and relative:
                found = True
            continue
        outside.append(tok)
        i += 1
    return (text if len(outside) == len(tokens) else " ".join(outside)), found


def _imperative(first: str, second: str) -> bool:
    """A listed verb, or a bare word before a determiner ("Add the ..."), opening the sentence."""
    w = _plain(first)
    if w in _VERBS:
        return True
    bare = first.isalpha() and _content(first) and not w.endswith(("ing", "ed", "s", "ly"))  # "Fourth, a ...": no
    return bare and _plain(second) in {"the", "a", "an", "our", "their", "your", "more", "every", "all"}


def opens_imperative(text: str) -> bool:
    """Whether the sentence opens with an imperative verb ("Add the requirement ...", "Ensure ...")."""
    words = text.split()
    return len(words) > 1 and _imperative(words[0].strip("\"'“"), words[1])


def main_clause_verb(text: str, finite: Callable[[str], bool]) -> bool:
    """Whether the sentence has a finite verb outside its relative clauses (module docstring).

    `finite`: the loose detector, applied to what is left outside the relative clauses.

    >>> from forumlens.summarise.rewrite import has_finite_verb as f
    >>> main_clause_verb("Women who refuse a client lose work.", f)
    True
    >>> main_clause_verb("A real child who is abused now, in a house, and who we found.", f)
    False
    """
    if opens_imperative(text):
        # an imperative ("Add the requirement that ..."): its verb opens it, the relative clauses are
        # not its only verbs; judged as before
        return finite(text)
    joined = " ".join(text.split())
    rest, found = _verdict(joined)
    if found is None:
        return finite(text)
    # nothing set aside: the loose detector reads the sentence itself, punctuation and all
    return found or finite(text if rest == joined else rest)
