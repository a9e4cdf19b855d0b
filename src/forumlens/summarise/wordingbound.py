"""A tighter bound of a clause window's wording factor, read from the words it may show.

Why (issue 19, first pass): `spans._WindowSearch` renders a window only when its ceiling can
beat the best version found, but that ceiling assumed the best wording any text can have
(three cue words and a summary phrase: `spans._MAX_WORDING`, 1.83). Most windows hold neither,
so their real score is ≈ 0.55 of the ceiling and almost every window was rendered (3,766 of
4,265 on the issue-19 files; 3,406 of those renders did not win). The multipliers above 1 in
`rank.unit_factor` are few: 1.12 a cue word (at most three) and 1.3 for a summary (said, or
in an announced wrap-up); a chair's sentence that is neither weighs 0.6. Each needs words a
rendering can only take from the texts it reads, so counting those words bounds them.

The argument (`window_wording`): every match of `rank._CUE` holds a whole word (a maximal
run of `\\w`) that `_CUE_WORD` matches whole, and every match of `rank.SUMMARY` one that
`_SUMMARY_WORD` does (`_CUE`'s alternatives are whole words between `\\b`s; of a two-word
one, "call on", "in summary", "sum up", "we heard", one word is kept; every alternative of
`SUMMARY` names one of its listed words). Matches do not overlap, so a reading holds at most
as many cue matches as cue words. A reading (`rewrite.render_sentence`) only deletes from
its sentence and the speaker's sentence before it, with deletions that start and end at word
boundaries, and inserts fixed words ("the participants'", "its", "it", "the session", "the
organisers", "they") and the speaker's body; its verb agreement ("we need" -> "needs", "we
have" -> "has") turns a word into one of those patterns only when the word is one already.
Two deletions of `compress` may start inside a word ("and so on", "et cetera" need no word
start: "also on." -> "al.", "budget cetera." -> "budg."), leaving its head before punctuation:
a word ending in "so", "and" or "et" counts when its head would. The bound is checked
against the real factor of every window of real transcripts in
`tests/test_summarise_wording_bound.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .rank import CHAIR_WEIGHT, CUE_ALTERNATIVES, CUE_STEP, MAX_CUES, SUMMARY_BOOST

__all__ = ["CHAIR_WEIGHT", "CUE_STEP", "MAX_CUES", "SUMMARY_BOOST", "Words", "window_wording", "words_of"]

# A word that a match of `rank._CUE` holds whole (fullmatch, the pattern's own case folding):
# each alternative, and of a two-word one ("call on", "in summary", "sum up", "we heard") its
# longest word (any of its words would bound; the longest is the rarest).
_CUE_WORD = re.compile(
    "|".join(dict.fromkeys(max(alternative.split(" "), key=len) for alternative in CUE_ALTERNATIVES)), re.IGNORECASE
)
# A word that a match of `rank.SUMMARY` holds whole: "summari[sz]e", "summary", "sum (up)",
# "conclude", "conclusion", "heard", "together", "synthesi[sz]e", "wrap (up)", "recap",
# "agree(d)", "agreement", "consensus", and the speakers' noun (after "every", "each", "all",
# "most" and an optional space, so it may end a longer word: matched as a word's tail).
_SUMMARY_WORD = re.compile(
    r"summari[sz]e|summary|sum|conclude|conclusion|heard|together|synthesi[sz]e|wrap|recap|agreed?|agreement|"
    r"consens\w*|\w*(?:speakers?|panell?ists?|panelists?)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# The tails `compress` may cut off a word ("husband so on." -> "husb.": `(?:and )?so on`, `et cetera`).
_CUT_TAIL = re.compile(r"(\w*?)(?:so|and|et)", re.IGNORECASE)

Words = tuple[int, bool]  # (cue words, whether a summary word is among them)


def _forms(word: str) -> tuple[str, ...]:
    """The word, and its head when a deletion may cut its tail off."""
    cut = _CUT_TAIL.fullmatch(word)
    return (word, cut.group(1)) if cut and cut.group(1) else (word,)


def words_of(text: str) -> Words:
    """What `window_wording` reads of one text: how many of its words may be (or leave) a cue
    word, and whether one may be (or leave) a summary word."""
    cues, summary = 0, False
    for word in _WORD.findall(text):
        forms = _forms(word)
        if any(_CUE_WORD.fullmatch(f) for f in forms):
            cues += 1
        if not summary and any(_SUMMARY_WORD.fullmatch(f) for f in forms):
            summary = True
    return cues, summary


def window_wording(parts: Iterable[Words], wrapup: bool, chair: bool, ceiling: float) -> float:
    """An upper bound of `rank.unit_factor` divided by `rank.wording_free_factor` for any reading
    drawn from texts whose `words_of` are `parts` (the window's clauses, the sentence before
    it, the speaker's body), never above `ceiling` (the bound for any text).

    `wrapup`: the window lies in an announced summary (`rank.in_wrapup`), which weighs it 1.3
    whatever it says; `chair`: its speaker is one of the model's chairs, whose sentence weighs
    0.6 unless it is a summary or in a wrap-up. Every other multiplier is at most 1.
    """
    cues, summary = 0, False
    for part_cues, part_summary in parts:
        cues += part_cues
        summary = summary or part_summary
    said = SUMMARY_BOOST if summary or wrapup else (CHAIR_WEIGHT if chair else 1.0)
    return min(ceiling, (1.0 + CUE_STEP * min(MAX_CUES, cues)) * said)
