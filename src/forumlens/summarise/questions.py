"""What an open question shows: its question sentences, set up when needed, at readable length.

The analyse stage quotes an asker's whole intervention ("What is good Internet? ... I
would like to suggest that ... What would be the role of the UN in this regard?"): ~150
words of statements and questions, cited verbatim. A reader of "Open questions" wants the
questions. `question_text` keeps the sentences that end in "?" in order, joined by "…"
where statements were left out, up to `QUESTION_WORDS` words; when the first question
points back ("in this regard", "this", "it") the one sentence before it comes first so
the question can be understood. The citation stays the asker's whole verbatim quote (the
bullet says which words it shows; the quote is what can be looked up). Only deletion,
never rewording: every shown word is in the quote, in the same order.
"""

from __future__ import annotations

import re

from ..transcript.sentences import sentence_texts
from .compress import compress
from .rewrite import dangling

__all__ = ["QUESTION_WORDS", "question_text"]

# A readable open question: about two lines. Longer questions are cut at a word, marked "…".
QUESTION_WORDS = 40
# A question that points back to what was just said: it needs that sentence to make sense.
_POINTS_BACK = re.compile(
    r"\b(?:in (?:this|that) (?:regard|respect|case|context|sense)|on (?:this|that)( point| issue)?|"
    r"about (?:this|that|it)|such (?:a|an)?\s*\w+|(?:this|that|these|those) (?:issue|problem|goal|point|approach)s?)\b",
    re.IGNORECASE,
)
_ELLIPSIS = "…"


def _clip(text: str, budget: int) -> str:
    """`text` cut to `budget` words at a word boundary, marked with "…" (on the last word) when cut."""
    words = text.split()
    if len(words) <= budget:
        return text
    return " ".join(words[:budget]).rstrip(",;:") + "…"


def question_text(quote: str, budget: int = QUESTION_WORDS) -> str:
    """The words of an asker's quote a reader needs to see the question (module docstring).

    No sentence ends in "?" (a captioner's "I want to hear more about what ..."): the
    quote itself, filler deleted, clipped.
    """
    sentences = [s.strip() for s in sentence_texts(quote) if s.strip()]
    asked = [i for i, s in enumerate(sentences) if s.rstrip().endswith("?")]
    if not asked:
        return _clip(compress(quote), budget)
    first = asked[0]
    picked = [first]
    lead = sentences[first]
    if first > 0 and (dangling(lead) or _POINTS_BACK.search(lead)):
        picked.insert(0, first - 1)  # the one sentence that sets the question up
    shown = {i: compress(sentences[i]) for i in picked}  # each sentence compressed once
    words = sum(len(shown[i].split()) for i in picked)
    for i in asked[1:]:
        shown[i] = compress(sentences[i])
        more = len(shown[i].split()) + (i != picked[-1] + 1)  # a "…" between counts as a word
        if words + more > budget:
            break
        picked.append(i)
        words += more
    parts: list[str] = []
    for n, i in enumerate(picked):
        if n and i != picked[n - 1] + 1:
            parts.append(_ELLIPSIS)
        parts.append(shown[i])
    return _clip(" ".join(parts), budget)
