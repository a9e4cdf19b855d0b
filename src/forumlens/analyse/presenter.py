"""Which of a moderator's sentences are the session's own asks (a moderator who presents).

Why: until stop 19 the asks analysis skipped every moderator turn, because a chair's talk
is mostly floor management and promotion ("please go to their session", "Maria, over to
you"). But Dynamic Coalition coordinators often chair their own session and present the
coalition's asks under the moderator label, and a chair's closing call to the room ("please
join the mailing list") is a call to action; on the fourth blind set of issue 22 those were
a quarter of the asks lost. A role says nothing about one sentence, so the decision is
made per sentence from its shape, not from cue phrases of any session:

- procedural and hand-over talk never counts (`analyse.cues.is_procedural`, the floor cues,
  a sentence that names a speaker yet to come, a question, a relayed question or comment);
- a sentence in a *presenting* turn counts (never the chair's opening turn, which welcomes,
  introduces and announces the plan): a long turn (`PRESENT_WORDS` words or more)
  where the moderator speaks for a group in the first person plural (we / our / us) in
  several sentences, i.e. substantive statements rather than introductions;
- a call to the room counts in the chair's *closing* turn (the last moderator turn of the
  session, when it gives the floor to no one and others say little after it, or one of the
  same chair's turns just before it, when captions repeat the label on every paragraph):
  imperatives and "please …" there address everybody, not a next speaker;
- every turn but the opening one presents when the moderator *holds the session*: speaks
  more than half of all its speech words (`HOLDS_SHARE`). A chair manages other people's
  talk; someone who does most of the talking is giving the talk (a lightning talk or keynote
  whose speaker then takes the floor's questions and so looks like a chair to resolve). On
  round 16's lightning talk the cast named the speaker moderator and seven of her asks were
  lost only with the cast.

Everything that passes is then judged exactly like anyone else's sentence (rules, then the
classifier at its threshold), so this only decides what the moderator is allowed to ask.
"""

from __future__ import annotations

import re

from forumlens.models import Turn

from .context import FLOOR_CUE, AnalysisContext, Sentence
from .cues import is_procedural

__all__ = ["PRESENT_WORDS", "chair_sentences", "moderator_sentences"]

PRESENT_WORDS = 90  # a moderator turn this long may present (introductions run 20–60 words)
MIN_PLURAL_SENTENCES = 2  # ... when at least this many of its sentences speak as "we"
HOLDS_SHARE = 0.5  # a moderator speaking more than this share of all speech words gives the talk
CLOSING_AFTER_WORDS = 40  # the chair's last turn closes when others say less than this after it
_WE = re.compile(r"\b(?:we|our|us|ours)\b", re.I)
_LET_US = re.compile(r"\blet'?s\b|\blet us\b", re.I)
# "There is a question in the chat from Lwazi", "the comment from the hub says": relayed words.
_RELAY = re.compile(r"\b(?:questions?|comments?|message)\s+(?:in|from|on)\b", re.I)
_INTRO = re.compile(
    r"\b(?:welcome|introduce|joining us|with us (?:today|here)|our (?:next )?(?:speakers?|panel\w*))\b", re.I
)


def _name_words(name: str | None) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", name or "")}


def _is_handover(text: str, names: set[str]) -> bool:
    """Whether the sentence names a speaker yet to come (capitalised: "Will" or "Hope" as a
    name, not "we will" or "we hope")."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text) if w[0].isupper()}
    return bool(words & names)


def chair_sentences(ctx: AnalysisContext) -> dict[int, list[Sentence]]:
    """Turn index → the sentences of that moderator speech turn that may hold the session's
    asks (see the module docstring); an empty list for a turn that only manages the floor.
    One pass over the session, from the last turn back (names of speakers yet to come)."""
    chaired = [t.index for t in ctx.turns if t.kind == "speech" and ctx.is_moderator(t.index)]
    if not chaired:
        return {}
    out: dict[int, list[Sentence]] = {}
    ahead: set[str] = set()  # name words of the non-moderator speakers after the current turn
    words_after = 0  # words others speak after the current turn
    last_chair = ctx.people[chaired[-1]].name
    last_run = True  # still inside the chair's last run of turns (a label repeated per paragraph)
    holders = _holders(ctx)
    for turn in reversed(ctx.turns):
        if turn.kind != "speech":
            continue
        if not ctx.is_moderator(turn.index):
            ahead |= _name_words(ctx.people[turn.index].name)
            words_after += len(turn.text.split())
            last_run = False
            continue
        # the closing turn: the chair's last, giving the floor to no one, with little said after it;
        # captions that repeat the label on every paragraph cut one closing into several turns of
        # the same chair, with no one else between (asks_blind11 lost three closing asks so)
        last = turn.index == chaired[-1] or (
            last_run and last_chair is not None and ctx.people[turn.index].name == last_chair
        )
        last_run = last_run and last
        closing = last and words_after < CLOSING_AFTER_WORDS and not FLOOR_CUE.search(turn.text)
        opening = turn.index == chaired[0]
        holds = ctx.people[turn.index].name in holders
        out[turn.index] = _judged(ctx, turn, ahead, opening=opening, closing=closing, holds=holds)
    return out


def _holders(ctx: AnalysisContext) -> set[str]:
    """Names of the moderators who speak more than `HOLDS_SHARE` of the session's speech words
    (at most one can): the speaker of a talk, not its chair."""
    words: dict[str | None, int] = {}
    total = 0
    for turn in ctx.turns:
        if turn.kind != "speech":
            continue
        n = len(turn.text.split())
        total += n
        if ctx.is_moderator(turn.index):
            name = ctx.people[turn.index].name
            words[name] = words.get(name, 0) + n
    return {name for name, n in words.items() if name and n > HOLDS_SHARE * total}


def moderator_sentences(ctx: AnalysisContext, turn: Turn) -> list[Sentence]:
    """The sentences of one moderator turn that may hold asks (`chair_sentences` for one turn)."""
    return chair_sentences(ctx).get(turn.index, [])


def _judged(
    ctx: AnalysisContext, turn: Turn, ahead: set[str], *, opening: bool, closing: bool, holds: bool = False
) -> list[Sentence]:
    sentences = ctx.sentences[turn.index]
    words = len(turn.text.split())
    plural = sum(1 for s in sentences if _WE.search(_LET_US.sub("", s.text)) and not _INTRO.search(s.text))
    presenting = (holds or (words >= PRESENT_WORDS and plural >= MIN_PLURAL_SENTENCES)) and not opening
    if not (presenting or closing):
        return []
    out = []
    for s in sentences:
        text = s.text
        if "?" in text or _RELAY.search(text) or FLOOR_CUE.search(text) or is_procedural(text, ctx.memo):
            continue
        if _is_handover(text, ahead) or _INTRO.search(text):
            continue
        out.append(s)
    return out
