"""Bodies a chair ties to a speaker outside the sentence that names them: a biography read just
before the speaker's first turn, and the body said as the chair thanks them.

Why: at high-level sessions the chair reads each speaker's biography in the third person and
ends it with the name ("… and today he chairs the Maloti Trust.  He is next to me.  Ambassador
N."), and the speaker then talks without repeating where they work; at workshops a moderator
says a panellist's body only when thanking them ("Thank you, Sharada, from the Antarvedi
Cooperative"). The introduction rules read only the naming sentence and skip every thanked
name (thanks close a turn, they do not hand the floor), so both bodies were lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.resolve import orgs
from forumlens.resolve.roleview import SessionView
from forumlens.transcript.neighbours import next_speech

__all__ = ["biography_orgs", "biography_sentences", "thanked_orgs"]

# A present post in a biography: "she is Deputy Minister at …", "today he chairs the …",
# "he heads the … division of the …". A past one ("he was …", "she worked at …") is a former post.
_PRESENT_POST = re.compile(
    r"\b(?:she|he)\b(?=\s+(?:(?:also|now|today|currently)\s+)?(?:is|speaks|works|represents|leads|runs|"
    r"heads|directs|manages|coordinates|chairs|teaches)\b)",
    re.IGNORECASE,
)
_THIRD_PERSON = re.compile(r"\b(?:she|he|his|her)\b", re.IGNORECASE)
# The body said right after a thanked name: "Thank you, Nirmala, from the … Centre".
_THANKED_FROM = re.compile(r"[ \u00a0]*,[ \u00a0]*(?:from|of|with)\b", re.IGNORECASE)
MAX_BIO_SENTENCES = 6  # a biography read aloud is a few sentences, not the whole opening


def biography_sentences(
    view: SessionView, turn: int, sentence_start: int, own_turns: Sequence[int]
) -> list[tuple[int, int]]:
    """The third-person sentences read just before the sentence that names a speaker, when the
    next turn is that speaker's: the biography ends with the name and hands them the floor.
    Read backwards while each sentence speaks of "he"/"she" and names no other speaker."""
    after = next_speech(view.session.turns, turn)
    if after is None or after not in own_turns:
        return []
    found: list[tuple[int, int]] = []
    at = sentence_start
    while len(found) < MAX_BIO_SENTENCES:
        before = view.sentence_before(turn, at)
        if before is None or before[1] > at:
            break
        a, b = before
        if not _THIRD_PERSON.search(view.text, a, b) or view.names_between(a, b):
            break
        found.append((a, b))
        at = a
    return found


def biography_orgs(
    view: SessionView, turn: int, sentence_start: int, own_turns: Sequence[int]
) -> list[tuple[orgs.Org, tuple[int, int]]]:
    """Bodies of the speaker's present posts in the biography read before their name, with the
    sentence that says each (see `biography_sentences`)."""
    found: list[tuple[orgs.Org, tuple[int, int]]] = []
    for a, b in biography_sentences(view, turn, sentence_start, own_turns):
        for m in _PRESENT_POST.finditer(view.text, a, b):
            tied = view.tied(orgs.after_name(view.text, m.end(), b, view.all_mentions, view.gazetteer))
            found.extend((org, (a, b)) for org in tied)
    return found


def thanked_orgs(view: SessionView, name_end: int, stop: int) -> list[orgs.Org]:
    """The body said right after a name the chair thanks: "Thank you, Ana, from the law clinic"."""
    if not _THANKED_FROM.match(view.text, name_end, stop):
        return []
    return view.tied(orgs.after_name(view.text, name_end, stop, view.all_mentions, view.gazetteer))
