"""The object of a need: what is asked for, without the frame that says it is asked. Pure.

"So our main message is simple: platforms must open their data on content moderation"
and "Four years we are asking for it, since our statement for Addis: public money …"
carry their object after the frame ("our message is", "we are asking for it … :"),
and the frame's words (meetings, years, "message", "statement") make two different needs
look alike and two wordings of one need look different. The object is the words after
the last colon or dash that opens a clause, else after the first ask verb or modal
("should", "must", "we ask … to", "we call on … to", "needs"), else the whole quote; and
only up to the clause that says why or goes on ("funding so operators can buy radios" is
"funding": the radios are the reason, shared with every other need of the coalition).

Two objects are compared by the lexicon features they share (concepts and content stems),
with an acronym read as the words it stands for when the other object spells them out
("DNS" and "domain name system").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..text import stem
from .lexicon import load_lexicon

__all__ = ["acronyms", "object_features", "object_of", "object_similarity"]

# the clause that frames an ask; what follows it is the object
_CUE = re.compile(
    r"\b(?:should(?:\s+not)?|must(?:\s+not)?|ought to|need(?:s|ed)?(?:\s+to)?|(?:ask|call on|urge|invite|request)"
    r"\s+(?:[\w'’-]+\s+){0,8}?to|call(?:s|ed)?\s+(?:again\s+)?for|ask(?:s|ed|ing)?\s+for|would like|want(?:s)?)\b",
    re.I,
)
_OPENER = re.compile(r"[:–—]\s+|\s-\s")
# where the object ends: a purpose or reason clause, a new clause, or the sentence's end
_CLAUSE = re.compile(
    r"[;.!?]|,\s+(?:and|but|so|because|which|who|where|while|as|if|when)\b"
    r"|\s(?:so(?: that)?|because|since|in order to|otherwise|which|where|while|but)\s",
    re.I,
)
_ACRONYM = re.compile(r"\b[A-Z]{2,5}s?\b")
_WORDS = re.compile(r"[A-Za-z][\w'’‑-]*")


@lru_cache(maxsize=8192)
def object_of(quote: str) -> str:
    """The words of the quote that say what is asked for (see the module docstring)."""
    opened = list(_OPENER.finditer(quote))
    if opened and len(quote) - opened[-1].end() >= 12:
        quote = quote[opened[-1].end() :]
    cue = _CUE.search(quote)
    if cue is not None and len(quote) - cue.end() >= 12:
        quote = quote[cue.end() :]
    cut = _CLAUSE.search(quote, 8)  # the thing asked for, not why ("funding so operators can buy radios")
    return quote[: cut.start()] if cut is not None else quote


@lru_cache(maxsize=8192)
def acronyms(text: str) -> frozenset[str]:
    """Acronyms spelled out in `text`: the initials of each run of two to five words (kept per text)."""
    initials = [w[0].lower() for w in _WORDS.findall(text)]
    return frozenset("".join(initials[i : i + n]) for n in range(2, 6) for i in range(len(initials) - n + 1))


@lru_cache(maxsize=8192)
def object_features(quote: str) -> tuple[str, ...]:
    """Lexicon features of the object, plus `#acr` for each acronym it writes (for `object_similarity`)."""
    text = object_of(quote)
    feats = load_lexicon().features(text)
    found = {m.rstrip("s").lower() for m in _ACRONYM.findall(text)}
    if found:  # "DNS" is read as `#dns` alone, which `object_similarity` matches against "domain name system"
        plain = {stem(a) for a in found} | found
        feats = [f for f in feats if f not in plain] + [f"#{a}" for a in sorted(found)]
    return tuple(feats)


def object_similarity(a: str, b: str, categories: Iterable[str] = ()) -> float:
    """Cosine of the two quotes' object features; an acronym in one that the other spells out counts as shared.

    The words that make the needs' `categories` are set aside as the linker's residual sets them aside
    (`Lexicon.residual_signals`): travel money and server money share `@money`, not their object."""
    lex = load_lexicon()
    signals = tuple(s for c in dict.fromkeys(categories) if c != "other" for s in lex.residual_signals(c))
    fa, fb = Counter(object_features(a)), Counter(object_features(b))
    if signals:
        fa = Counter({f: n for f, n in fa.items() if not lex.signals_match(f, signals)})
        fb = Counter({f: n for f, n in fb.items() if not lex.signals_match(f, signals)})
    _spell(fa, fb, b)
    _spell(fb, fa, a)
    dot = sum(n * fb[f] for f, n in fa.items() if f in fb)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(n * n for n in fa.values()) * sum(n * n for n in fb.values()))


def _spell(feats: Counter[str], other: Counter[str], other_quote: str) -> None:
    """An acronym of one object ("#dns") stays, and counts on the other side too, only when the other object
    spells it out ("domain name system"); else it is dropped (an acronym alone matches nothing)."""
    found = [f for f in feats if f.startswith("#")]
    if not found:
        return
    spelled = acronyms(object_of(other_quote))
    for f in found:
        if f[1:] in spelled:
            other[f] += 1
        elif f not in other:
            del feats[f]
