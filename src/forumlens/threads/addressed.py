"""Answers, in the same session, from the body an ask names. Pure.

"So we ask the Internet Society to fund the first equipment of new exchange points …" — and a few turns
later the Internet Society's speaker: "The Internet Society has a fund for exchange point equipment since
this year". The reply says no response cue ("as you asked"), yet it is the answer: it comes from the body
the ask was addressed to, soon after, and speaks of what was asked. Such a sentence is a `response` item
(about a request), so the linker closes the ask with it by the usual response rule.

Rules: the ask names its addressee as "ask/call on/urge/invite [the] Name to …"; the reply is in one of the
next few speech turns, by a speaker whose body's name holds every telling word of that name; of that
speaker's sentences there, the one sharing the most features with what was asked (two at least), not a
question nor the speaker's introduction; a reply turn that defers or hedges anywhere ("we hear you, it is not
so simple", "I cannot promise anything today") answers nothing. Why rules: both ends stay quotable and the decision explainable; a window keeps it local.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..models import Turn
from .actors import Actor
from .lexicon import Lexicon
from .models import Item
from .sentences import Sentence

__all__ = ["addressed_answers", "addressee"]

_WINDOW = 6  # speech turns after the ask's turn in which its addressee may answer
_NAME = r"[A-Z][\w'’‑-]*"
_ADDRESSED = re.compile(
    r"\b(?:ask|asks|asked|call on|calls on|called on|urge|urges|urged|invite|invites|invited)\s+(?:the\s+)?"
    rf"(?P<who>{_NAME}(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?)?{_NAME}){{0,5}})\s+to\s+(?P<what>.+)$"
)
# a reply that only hears the ask: "we hear you, it is not so simple …, and we are discussing it internally"
_HEDGE = re.compile(
    r"\b(?:not (?:so|that|very) (?:simple|easy)|(?:cannot|can't|can not) promise|(?:we are|we're) (?:still )?(?:discussing|considering|studying|looking"
    r" (?:into|at)) (?:it|this|that|the (?:idea|request|question))|we hear you)\b",
    re.I,
)
# the speaker saying who they are ("Isabel Carvalho, UNCTAD, I work on the eTrade assessments in Geneva")
_SELF = re.compile(r"\bI (?:work|am working|lead|coordinate|head|chair|am in charge)\b")
_STOP = frozenset({"the", "of", "for", "on", "and", "internet", "igf"})


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", name.casefold()) if w not in _STOP and len(w) > 2)


def addressee(quote: str) -> tuple[frozenset[str], str] | None:
    """(telling words of the body an ask is addressed to, what it is asked to do), or None when it names none."""
    found = _ADDRESSED.search(quote)
    if found is None:
        return None
    who = _words(found.group("who"))
    return (who, found.group("what")) if who else None


def addressed_answers(
    items: Sequence[Item],
    turns: Sequence[Turn],
    sentences: Mapping[int, Sequence[Sentence]],
    actors: Mapping[int, Actor],
    lexicon: Lexicon,
    no_answer: re.Pattern[str],
) -> list[Item]:
    """The `response` items of replies by the body a need of this session was addressed to (see the module);
    `no_answer`: what a reply that answers nothing says (a deferral), as for questions, besides a mere hedge."""
    out: list[Item] = []
    for need in items:
        if need.signal != "need":
            continue
        named = addressee(need.quote)
        if named is None:
            continue
        who, what = named
        asked = set(lexicon.features(what))
        at = next((n for n, t in enumerate(turns) if t.start <= need.seq < t.end), None)
        if at is None:
            continue
        for turn in turns[at + 1 : at + 1 + _WINDOW]:
            coalition, org = actors.get(turn.index, (None, None))
            body = org or coalition
            if turn.speaker == need.speaker or not body or not who <= _words(body):
                continue
            said = sentences[turn.index]
            if any(no_answer.search(s.text) or _HEDGE.search(s.text) for s in said):
                break  # the body answered, and said it cannot or not yet: the ask stays open
            own = _words(turn.speaker or "")
            scored = [
                (len(asked & set(lexicon.features(s.text))), -s.start, s)
                for s in said
                if not s.text.rstrip().endswith("?") and not _SELF.search(s.text) and not own & _words(s.text)
            ]
            best = max(scored, default=None, key=lambda x: (x[0], x[1]))
            if best is None or best[0] < 2:
                continue
            s = best[2]
            out.append(
                Item(
                    session=need.session,
                    line=s.line,
                    quote=s.text.replace("\n", " ").strip(),
                    signal="response",
                    speaker=turn.speaker,
                    coalition=coalition,
                    org=org,
                    category=need.category,
                    cue="reply from the body the ask names",
                    about="request",
                    seq=s.start,
                )
            )
            break
    return out
