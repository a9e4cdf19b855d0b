"""A body implied by the words of the person who names someone: "Wendell, who is my master
student at the same university, is doing the remote moderation".

Why: the chair names her own university once, in her own introduction, and then ties a
colleague to it only by "the same university" (or "also from our institute"); no cue that
looks for a body's name next to the colleague's name can see it, so the colleague came out
with none. The body meant is the one the *speaker* is tied to by their own words, so it is
read from the speaker's evidence (`roles.best_affiliation`) once every draft is collected, and
added to the colleague's evidence as an introduction (3.2, like a body tied to the name in
another's words). Only "the same <kind of body>" and "also from our/the same …" count: a bare
"my colleague Ana" says nothing of where Ana works (the development sets annotate four such
colleagues with no affiliation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.resolve.registry import Registry
from forumlens.resolve.roles import Draft, SessionView, best_affiliation, entity_name, is_moderator

__all__ = ["add_same_body"]

# "at the same university", "also from our institute", "from the same ministry as me"
_SAME = re.compile(
    r"\b(?:at|from|of|in|with|for)\s+(?:the\s+same|our(?:\s+own)?)\s+"
    r"(?:university|institute|institution|ministry|department|office|organi[sz]ation|company|network|"
    r"foundation|association|agency|authority|centre|center|school|faculty|newspaper|station|team|lab|"
    r"laboratory|firm|ngo|secretariat|commission|council)\b",
    re.IGNORECASE,
)
_REACH = 120  # characters after the name the phrase may stand in ("Wendell, who is my master student at …")


def add_same_body(view: SessionView, drafts: Sequence[Draft], moderators: set[str], registry: Registry) -> None:
    """Give the person named right before "the same …" the speaker's own body (in place: the
    drafts' evidence). One scan of the text for the phrase, then the view's index of names, so
    a session without the phrase costs one regex pass."""
    owner = {i: d for d in drafts for i in d.group.turns}
    by_group = {id(d.group): d for d in drafts}
    for m in _SAME.finditer(view.text):
        turn = view.speech_turn_at(m.start())
        if turn is None or turn.index not in owner:
            continue
        speaker = owner[turn.index]
        s_a, s_b = view.sentence_at(turn.index, m.start())
        named = view.names_between(max(s_a, m.start() - _REACH), m.start())
        if not named or named[0][2] is speaker.group or id(named[0][2]) not in by_group:
            continue
        draft = by_group[id(named[0][2])]
        entity, _ = best_affiliation(speaker, registry, is_moderator(speaker.group, moderators))
        if entity is None or entity in draft.affiliations:
            continue
        if entity.startswith("org:"):
            draft.org_names.setdefault(entity, entity_name(speaker, registry, entity))
        draft.add(entity, 3.2, view.evidence(s_a, s_b, "introduction"))
