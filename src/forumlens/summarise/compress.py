"""Faithful compression: delete spoken filler from a sentence, never add or reword.

A rapporteur writes "Human captioning remains essential", not "So I think, you know,
human captioning, it remains essential". Every operation here only *deletes* words
that carry no claim (discourse markers, hedges, caption stutters "why access ‑‑ why use
access", and the captioner's stage notes "(Interpretation from Arabic)", "[inaudible]",
"(Applause)": `strip_notes`), so the bullet stays faithful and the citation keeps the
untouched sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.fastre import Prefiltered

__all__ = ["clean_quote", "compress", "strip_notes"]

_DASH = r"(?:‑‑|--|—|–)"
_LEAD = re.compile(
    r"^(?:and|but|so(?! that\b| far\b| long as\b)|well|now|yeah|yes|okay|ok|um|uh|erm|honestly|also|indeed|actually|basically|of course|in fact|then|again|"
    r"first of all|firstly|secondly|finally|lastly|last but not least|on the other hand|in addition|"
    r"i (?:really )?think(?: that)?|i believe(?: that)?|i would say(?: that)?|i'd say(?: that)?|i mean|you know|i guess|"
    r"as you (?:may )?know|as i said|to be honest|i must say(?: that)?|in brief|just quickly|very briefly|briefly|"
    r"obviously|clearly|of course|as (?:was|has been) (?:also )?mentioned|i would add(?: one thing)?|"
    r"i (?:just )?want to (?:just )?(?:(?:say|stress|emphasi[sz]e|highlight)(?: that)?|(?:add|mention|note) that)|what i (?:want|would like) to (?:say|stress|emphasi[sz]e|highlight) is(?: that)?|"
    r"i (?:want|would like|have) to be (?:honest|clear|frank)(?: with you)?|"
    # asking leave to speak: "May I add, ...", "If I may, ...", "Let me just add ..."
    r"(?:may|can|could) i (?:just )?(?:add|say|comment|respond|react|come in)(?: (?:one thing|something|briefly|quickly))?(?: that)?|"
    r"if i (?:may|can|could)(?: (?:add|say|comment))?|let me (?:just )?(?:add|say)(?: (?:one thing|something|briefly|quickly))?(?: that)?|"
    # "I would like to suggest that X" is a proposal, not the fact X: only the verbs of saying go
    r"i would like to (?:say|stress|emphasi[sz]e|highlight|mention)(?: that)?|the point is(?: that)?|"
    r"i (?:fully |totally |really )?agree(?: with \w+)?(?: that)?(?=,? \w+ \w+)|for example|for instance|this is why|that's why|"
    # a cleft pointing back: "that's where donors can help" -> the claim ("donors can help")
    r"(?:this|that) is (?:where|how|when)(?= (?:the|a|an|we|they|our|their|governments|donors|\w+s) )|"
    r"(?:this|that)'s (?:where|how|when)(?= (?:the|a|an|we|they|our|their|governments|donors|\w+s) )|"
    r"(?:on|to|regarding|coming (?:back )?to) (?:the |your |[A-Z][\w‑-]+'s )?(?:question|point|comment)(?: (?:from|of|by) [A-Z][\w‑-]+)?|"
    # "I would also say one more thing, which is that ..." -> the thing itself
    r"(?:i (?:would|will|want to|'d like to|would like to) (?:also )?(?:say|add|mention) )?(?:just )?(?:one|another) "
    r"(?:more |last |final |other )?(?:thing|point),? which is(?: that)?|in our work|from our perspective|from (?:my|our) experience|"
    r"just to (?:finish|conclude|add)|to conclude|in conclusion|to summari[sz]e|to sum up|in summary|"
    r"(?:i|we) (?:have )?heard(?: that)?(?= \w+ \w+)|(?:my|the|our) (?:question|point|message) is(?: that)?|"
    r"(?:my|the) (?:first|second|main|last|final|other) (?:message|point|lesson|finding) is(?: that)?|"
    # a framing clause before the claim: "the key message from our research is that ...",
    # "what we found is that ..." -> the claim itself
    r"(?:the|my|our|one|another|a) (?:[\w‑-]+ ){0,4}?(?:message|point|thing|finding|lesson|conclusion|problem|issue|reality|"
    r"truth|challenge|question|result|fact|concern|reason|observation|takeaway)(?: [\w‑-]+){0,5}? (?:is|was) that|"
    r"what (?:we|I|they|our \w+) (?:\w+ ){0,2}?(?:found|learned|learnt|saw|see|noticed|observed|heard)(?: \w+){0,2}? (?:is|was) that)\b[,:;]?\s+",
    re.IGNORECASE,
)
# caption stutters: "the, the", "we we", "I would say, I would say" -> said once
_STUTTER = re.compile(r"\b(\w+(?:\s+\w+){0,3}),?\s+\1\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _may_stutter(text: str) -> bool:
    """False only when `_STUTTER` cannot match `text`, so the costly search can be skipped.

    Why: `_STUTTER` backtracks through up to four words and a back-reference at every word
    (~100 µs a sentence; compress runs it twice), and few sentences repeat a run of words.
    A match is k = 1 to 4 whole words (maximal runs of \\w, joined by spaces) followed,
    after an optional comma and spaces, by the same k words: so the lower-cased word list
    holds two equal runs of k words side by side. Without such runs there is no match.
    Words are compared lower-cased only when they are ASCII, where that is exactly the
    engine's case-insensitive comparison; a text with any other word is always searched.
    """
    if text.isascii():
        words = _WORD.findall(text.lower())
    else:
        words = _WORD.findall(text)
        if not all(w.isascii() for w in words):
            return True
        words = [w.lower() for w in words]
    n = len(words)
    if len(set(words)) == n:
        return False
    for k in range(1, 5):
        for i in range(n - 2 * k + 1):
            if words[i] == words[i + k] and words[i : i + k] == words[i + k : i + 2 * k]:
                return True
    return False


class _Unstutter:
    """`_STUTTER.sub`, skipped where `_may_stutter` rules a match out (same result)."""

    def sub(self, repl: str, text: str) -> str:
        return _STUTTER.sub(repl, text) if _may_stutter(text) else text


_UNSTUTTER = _Unstutter()
# A filler pattern whose words are rare runs behind its literal prefilter (`text.fastre`): a
# sentence without "so on", "et cetera", "by the way" ... cannot match, and the engine would try
# every position of it (measured on the sentences a report compresses: 29 -> 11 ms for these six;
# those that only require a comma gain nothing and run as they are).
_INLINE: list[tuple[re.Pattern[str] | Prefiltered | _Unstutter, str]] = [
    (Prefiltered(re.compile(r"(?:,\s*)?\b(?:um|uh|erm)\b,?\s*", re.IGNORECASE)), " "),
    (_UNSTUTTER, r"\1"),
    # "run on, you know, solar panels": the commas only fenced the filler off
    (
        re.compile(
            r",\s*(?:you know|i think|i guess|i mean|i believe|of course|basically|actually|really|i would say)\s*,\s*",
            re.IGNORECASE,
        ),
        " ",
    ),
    (Prefiltered(re.compile(r"\s*,?\s*(?:and )?so on(?:,? so on)*(?=[.?!,;]|$)", re.IGNORECASE)), ""),
    (Prefiltered(re.compile(r"\s*,?\s*et cetera(?=[.?!,;]|$)", re.IGNORECASE)), ""),
    (Prefiltered(re.compile(r"\b(?:you know|basically|actually|sort of),?\s+", re.IGNORECASE)), ""),
    # asides that only mark the speaker's attitude: "which by the way is", "if you like"
    (
        Prefiltered(
            re.compile(
                r",?\s*\b(?:by the way|so to speak|if you (?:like|will)|let's say|to be honest|in a sense|more or less)\b,?(?=\s+\w)",
                re.IGNORECASE,
            )
        ),
        "",
    ),
    (re.compile(r",\s*(?:for example|for instance)\s*(?=[.,;?!]?$)", re.IGNORECASE), ""),
    (Prefiltered(re.compile(r"\bI think\s+(?=(?:that )?(?:the|this|it|there|we|they|our)\b)", re.IGNORECASE)), ""),
    (re.compile(r"\s+" + _DASH + r"\s*sorry\s*" + _DASH + r"\s+", re.IGNORECASE), " "),
    (re.compile(r"\s*,\s*sorry\s*,\s*", re.IGNORECASE), " "),
]

# The captioner's stage notes: a short bracketed remark about the room, the sound or the
# language ("(Interpretation from French)", "[ Laughter ]", "(Off microphone)", "(Speaking
# Spanish)", "(Spoken in Spanish; interpreted)", "(In English)", "(Captioner standing by)", "(Session ends)"). Recognised by the
# caption conventions' own words, so a bracketed acronym, name or aside of the speaker's
# ("(IGF)", "(Jonas Brenner)", "(online)") is kept.
NOTE_WORDS = (
    r"applause|applauding|laughter|laughs?|laughing|inaudible|indiscernible|unintelligible|crosstalk|cross-talk|"
    r"pause|silence|music|gavel|chimes?|interpretation|interpreted|interpreting|interpreters?|translation|translated|"
    r"translating|speaking|speaks|spoken|captioner|captioners|captioning|captions|audio|sound|microphone|mic|off-mic|"
    r"recording|video playing|frozen|echo|background noise|garbled|break(?:ing|s)? up|cut(?:s|ting)?(?: in| out)?|"
    r"lost connection|stand(?:ing)? by|overlapping|unclear|unmuted|muted"
)
_LANGUAGE = r"(?:English|French|Spanish|Arabic|Russian|Chinese|Portuguese|German|Italian|Japanese|Korean|Swahili|Hindi)"
_NOTE = re.compile(
    r"\s*[(\[]\s*(?:"
    # a note word first, after at most two lead words ("(Off microphone)", "(Through interpreter)");
    # a note word later in the bracket is the speaker's aside ("(the sound library)", "(machine translation)")
    r"(?=(?:(?:through|off|no|brief|long|audio|video|technical|remote|simultaneous|continues?)\s+){0,2}"
    r"(?:" + NOTE_WORDS + r")\b)[^()\[\]]{1,60}"
    # "(In English)": the language switched to, not "(in Kenya)"
    r"|in " + _LANGUAGE + r"|(?:session|meeting|break|recording) "
    r"(?:ends|ended|begins|began|starts|started|resumes|resumed)"
    r")\s*[.,;]?\s*[)\]]\s*",
    re.IGNORECASE,
)


def strip_notes(text: str) -> str:
    """The sentence without the captioner's stage notes (`_NOTE`), spaced as before.

    >>> strip_notes("(Interpretation from Arabic) If the checks are done before, we can study this.")
    'If the checks are done before, we can study this.'
    >>> strip_notes("The Internet Governance Forum (IGF) meets every year.")
    'The Internet Governance Forum (IGF) meets every year.'
    """
    out = _NOTE.sub(" ", text)
    if out == text:
        return text
    out = re.sub(_DASH + r"\s+" + _DASH, lambda m: m.group(0).split()[0], out)  # "is ‑‑ (inaudible) ‑‑ it's"
    return " ".join(out.split())


# `compress`'s own substitutions, compiled once: through `re.sub(str, ...)` each call paid
# `re`'s cache lookup (~1,100 lookups a report).
_DASH_GAP = re.compile(r"\s*" + _DASH + r"\s*")
_LEAD_PUNCT = re.compile(r"^[,;:\s]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:?!])")
_DOUBLE_COMMA = re.compile(r",\s*,")
_DASHES = ("‑‑", "--", "—", "–")  # `_DASH`'s literals: a text holding none has no match (most sentences)


def _repair_stutter(text: str) -> str:
    """Drop a restarted phrase: "why public access ‑‑ why use public access" -> keep the restart."""
    for _ in range(3):
        match = _DASH_GAP.search(text) if any(d in text for d in _DASHES) else None
        if not match:
            break
        before, after = text[: match.start()], text[match.end() :]
        words_before = before.split()
        first_after = after.split()[0].lower().strip(",.") if after.split() else ""
        cut = None
        for back in range(1, min(5, len(words_before)) + 1):
            if words_before[-back].lower().strip(",.") == first_after:
                cut = len(" ".join(words_before[:-back]))
                break
        if cut is None and len(words_before) <= 3:
            cut = 0  # a false start at the top of a sentence: "My ‑‑ good day"
        if cut is None:
            break  # a real parenthetical dash: keep the sentence as said
        text = (before[:cut].rstrip() + " " + after).strip()
    return text


@lru_cache(maxsize=65_536)
def compress(text: str) -> str:
    """A shorter, faithful version of one sentence (deletions of filler only).

    >>> compress("So I think, you know, human captioning remains essential, so on, so on.")
    'Human captioning remains essential.'
    >>> compress("why public access ‑‑ why use public access when alternatives are there")
    'Why use public access when alternatives are there.'
    """
    # `str.split()` splits at every space, tab and no-break space: one space is left between words
    out = " ".join(strip_notes(text).split())
    out = _repair_stutter(out)
    out = _UNSTUTTER.sub(r"\1", out)  # "is that, that most ...": a stutter can hide a framing clause
    for _ in range(6):  # "And so I would say, I would say the key message is that ..."
        new = _LEAD.sub("", out)
        new = _LEAD_PUNCT.sub("", new)
        if new == out:
            break
        out = new
    for pattern, repl in _INLINE:
        out = pattern.sub(repl, out)
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    out = _DOUBLE_COMMA.sub(",", out).strip(" ,;:")
    if not out:
        return " ".join(text.split())
    return full_stop(out[0].upper() + out[1:])


def full_stop(text: str) -> str:
    """`text` ending as a sentence: a full stop after a word, a bracket or a closing quotation
    mark, but not after a quotation that closes on its own stop ('is: "never justified."'
    stays as it is; a second stop would read '."."').

    >>> full_stop('The motion is: "never justified."')
    'The motion is: "never justified."'
    >>> full_stop('They call it "green"')
    'They call it "green".'
    """
    closed = len(text) > 1 and text[-1] in "\"'”’" and text[-2] in ".!?"
    if text and (text[-1].isalnum() or text[-1] in ")\"'”’") and not closed:
        return text + "."
    return text


def clean_quote(text: str, limit: int = 0) -> str:
    """A quote as written, only trimmed of outer whitespace (and cut at a word if `limit`)."""
    quote = text.strip()
    if limit and len(quote) > limit:
        cut = quote.rfind(" ", 0, limit)
        quote = quote[: cut if cut > limit // 2 else limit].rstrip(" ,;:")
    return quote
