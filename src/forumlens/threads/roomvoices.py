"""Turns of a shared microphone credited to the person who names themself in them. Pure.

A meeting platform shows everyone who speaks from the room as the room's microphone
(`MR-04 Hall B (Conference Room)`), so two people share one label and the transcript has
no speaker for either. Each says who they are in their first words: "My name is Elle-Márjá
Eira-Balto, …", "Good afternoon, Lucía Yujra-Tarqui for the radios.", "Elle-Márjá again."
Read as the session's, their asks and promises could never join what the same person or
their coalition said in other years; read as the person's, they can.

Rules (only for a speech turn whose label names no person, whomever the people analysis credited it to, or a bare
`>>` turn credited to nobody, which only its own words credit):
- "my name is NAME" in the opening sentences, or a sentence that opens (after a greeting)
  with a name of two to four capitalised words followed by "for", "from", "here", "again"
  or a comma, credits the turn to NAME;
- "NAME again" with a one-word NAME credits the person of this session whose name it
  begins (someone who named themself earlier); an unknown one-word name credits no one;
- a turn that names nobody and follows a credited turn of the same label directly goes on
  from it (the platform cuts one person's speech into several blocks); any other keeps its credit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Session, Turn
from ..transcript.speakers import generic_label, name_key

__all__ = ["room_credited", "self_named"]

_WORD = r"[^\W\d_][\w'’-]*"
# "my name is Elle-Márjá Eira-Balto", "this is Lucía Yujra-Tarqui speaking"
_MY_NAME = re.compile(rf"\b(?i:my name is|my name.s|this is)\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})")
# a greeting before the name: "Good afternoon, …", "Hello again, …", "Thank you. …"
_GREETING = re.compile(
    r"^(?:(?:good (?:morning|afternoon|evening)|hello|hi|greetings|thank you(?: very much)?|thanks)"
    r"(?: (?:again|everyone|all))?\s*[,.!]\s*)+",
    re.IGNORECASE,
)
# a name opening a sentence and what marks it as the speaker's own: "Lucía Yujra-Tarqui for the radios"
_NAME_OPENING = re.compile(rf"^(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}}?)(?:\s+(?P<mark>again|for|from|here)\b|\s*,)")
# how far into a turn the speaker names themself: the first sentences, a greeting before
_OPENING_CHARS = 240
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# how a speaker addresses the room, not who they are ("Madam Chair, …", "Dear Colleagues, …")
_ADDRESS = frozenset(
    re.findall(
        r"\w+",
        "madam mister mr mrs ms dear chair chairman chairperson excellency excellencies colleagues friends ladies"
        " gentlemen distinguished honourable honorable president minister moderator",
    )
)


def _capitalised(name: str) -> bool:
    words = name.split()
    return all(w[0].isupper() and w.lower() not in _ADDRESS for w in words)


def self_named(text: str, known: tuple[str, ...] = ()) -> str | None:
    """The name a speaker gives themself in the opening of `text`, or None. `known`: names of people credited
    earlier in the session, which a one-word "NAME again" refers back to."""
    opening = text[:_OPENING_CHARS]
    said = _MY_NAME.search(opening)
    if said is not None:
        name = _trim(said.group("name"))
        if name is not None and len(name.split()) >= 2:
            return name
    for sentence in _SENTENCE_END.split(opening)[:2]:
        sentence = _GREETING.sub("", sentence.strip())
        found = _NAME_OPENING.match(sentence)
        if (
            found is None
            or not _capitalised(found.group("name"))
            or found.group("name").split()[0].lower() in _NOT_A_NAME
        ):
            continue
        name = found.group("name")
        if len(name.split()) >= 2:
            return name
        if found.group("mark") == "again":
            key = name_key(name)
            return next((k for k in known if name_key(k).startswith(key + " ")), None)
    return None


def _trim(name: str) -> str | None:
    """The capitalised words a name is made of, up to the first that is not ("Elle-Márjá Eira-Balto, I am …")."""
    words = []
    for word in name.split():
        clean = word.rstrip(",.;:")
        if not clean or not clean[0].isupper():
            break
        words.append(clean)
        if clean != word:
            break
    return " ".join(words) or None


def _shared(turn: Turn) -> bool:
    """A speech turn whose label names no person: whoever it is credited to is a guess (the people analysis credits
    a room's label to the first person who named themself in it), the words in it are not."""
    return turn.kind == "speech" and bool(turn.label) and generic_label(turn.label or "")


def _bare(turn: Turn) -> bool:
    """A speech turn with no label at all (a bare `>>`) that nobody was credited with.

    Why: a caption firm writes `>>` alone when it does not know the speaker; the speaker often names herself in her
    first words ("Thank you. Eleftheria Koutsogiannaki, wildfire coalition. …"), and her items are hers, not the
    session's."""
    return turn.kind == "speech" and not turn.label and not turn.speaker


# words that open a noun phrase, not a name ("The French, Arabic and Portuguese versions …" is no speaker)
_NOT_A_NAME = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "my", "their", "his", "her", "its"})


def room_credited(session: Session) -> Session:
    """The session with each shared-microphone turn credited to the person who names themself in it (and the
    blocks that go straight on from it), every other turn as it was."""
    turns = list(session.turns)
    # a bare turn is a caption's unknown speaker only where other turns are labelled: a document's paragraphs have no
    # label at all, and a heading that opens with a title and a comma is nobody ("Open Results Index, first edition.")
    captioned = any(t.kind == "speech" and t.label for t in turns)
    known: list[str] = []
    last: tuple[str, str] | None = None  # (label, person) of the speech turn just before
    changed = False
    for i, turn in enumerate(turns):
        if turn.kind != "speech":
            continue
        bare = captioned and _bare(turn)
        if not _shared(turn) and not bare:
            last = None
            continue
        name = self_named(turn.text, tuple(known))
        if bare:  # only its own words credit a bare turn: two bare turns in a row may be two people
            last = None
            if name is not None:
                turns[i] = replace(turn, speaker=name)
                changed = True
            continue
        if name is None and last is not None and last[0] == turn.label:
            name = last[1]
        if name is None:
            last = None
            continue
        if name not in known:
            known.append(name)
        if name != turn.speaker:
            turns[i] = replace(turn, speaker=name)
            changed = True
        last = (turn.label or "", name)
    return replace(session, turns=tuple(turns)) if changed else session
