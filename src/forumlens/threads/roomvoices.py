"""Turns of a shared microphone credited to the person who names themself in them. Pure.

A meeting platform shows everyone who speaks from the room as the room's microphone
(`MR-04 Hall B (Conference Room)`), so two people share one label and the transcript has
no speaker for either. Each says who they are in their first words: "My name is Elle-Márjá
Eira-Balto, …", "Good afternoon, Lucía Yujra-Tarqui for the radios.", "Elle-Márjá again."
Read as the session's, their asks and promises could never join what the same person or
their coalition said in other years; read as the person's, they can.

Rules (only for a speech turn whose label names no person, whomever the people analysis credited it to, or a bare
`>>` turn credited to nobody, which only its own words credit):
- the names a speaker gives as their own are read by the resolve stage's one reader of self-introductions
  (`resolve.selfnames.said_names`: "my name is NAME", "I'm NAME", a full name opening a sentence before the first
  person); which words are a person's name, not a body's, a place's, a job's or a form of address, by its
  `full_name_at` ("In Ghana, …", "Now ITU, Helena Varga, please.", "Madam Chair, …" are nobody);
- the resolve reader names a voice, not a turn: a full name that opens one of the first two sentences (after an
  English pleasantry) followed by "for", "from", "here", "again" or a comma also credits the turn
  ("Good afternoon, Lucía Yujra-Tarqui for the radios.", "Thank you. Kiran Gurung, journalist from …");
- "NAME again" with a one-word NAME credits the person of this session whose name it
  begins (someone who named themself earlier); an unknown one-word name credits no one;
- a turn that names nobody and follows a credited turn of the same label directly goes on
  from it (the platform cuts one person's speech into several blocks); any other keeps the people analysis' credit
  (`items.credited_session`: the resolved cast's turn credits).

Why not the cast's credits alone: the cast names a voice (a label's group of turns), and on a shared room
microphone or a floor label it credits every turn of the label to the one person it named, or to nobody. Measured on
the development threads sets at 49b8958, the cast alone changes 80 items in 19 folders: 7 right (the misreadings
"In Ghana", "Now ITU", "I'm NAME", "For NAME", "Again NAME", which resolve's reader now rules out here too) and 73
wrong (floor questions lose their asker, shared-microphone and bare self-named turns their person and coalition).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Session, Turn
from ..resolve.selfnames import full_name_at, said_names
from ..transcript.speakers import generic_label, name_key

__all__ = ["room_credited", "self_named"]

# a greeting before the name: "Good afternoon, …", "Hello again, …", "Thank you. …"
_GREETING = re.compile(
    r"^(?:(?:good (?:morning|afternoon|evening)|hello|hi|greetings|thank you(?: very much)?|thanks)"
    r"(?: (?:again|everyone|all))?\s*[,.!]\s*)+",
    re.IGNORECASE,
)
# what marks a name opening a sentence as the speaker's own: "Lucía Yujra-Tarqui for the radios", "Kofi again"
_MARK = re.compile(r"(?:\s+(?P<mark>again|for|from|here)\b|\s*,)")
# "Kofi again." and "Again Mutua, sorry, one more.": a voice back at the microphone, by its one name
_ONE_NAME_AGAIN = re.compile(
    r"^(?:(?P<name>[^\W\d_][\w'’-]*)\s+(?i:again)\b|(?i:again)\s+(?P<after>[^\W\d_][\w'’-]*)\b)"
)
# how far into a turn the speaker names themself: the first sentences, a greeting before
_OPENING_CHARS = 240
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def self_named(text: str, known: tuple[str, ...] = ()) -> str | None:
    """The name a speaker gives themself in the opening of `text`, or None. `known`: names of people credited
    earlier in the session, which a one-word "NAME again" refers back to."""
    opening = text[:_OPENING_CHARS]
    full = [n for n in said_names(opening, limit=_OPENING_CHARS) if len(n.split()) >= 2]
    if full:
        return full[0]
    for sentence in _SENTENCE_END.split(opening)[:2]:
        sentence = _GREETING.sub("", sentence.strip())
        again = _ONE_NAME_AGAIN.match(sentence)
        if again is not None:
            key = name_key(again.group("name") or again.group("after"))
            return next((k for k in known if name_key(k).startswith(key + " ")), None)
        name = full_name_at(sentence, 0)
        if (
            name is not None
            and len(name.split()) >= 2
            and sentence.startswith(name)
            and _MARK.match(sentence, len(name))
        ):
            return name
    return None


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
