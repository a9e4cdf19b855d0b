"""A co-moderator found by what she does with the floor: the chair calls her by name ("Rojina, is
anything coming from the hub?", "Karim, can we go to Muscat now?") and she passes it straight on
to a third voice, who speaks next ("Jos, please, the floor is yours.", "Yusra, you are on the
WebEx, please go ahead.").

Why: the one who runs the online side of a hybrid session is a moderator, but the chair rarely
calls her so in words the moderator cues know ("she will look after everybody who is online"),
and her own turns are short hand-offs with no introduction of a body, so she read as a guest.
What the captions do show is the floor's path: chair → her → a voice neither of them. A
panellist the chair calls answers herself; the one who keeps a second microphone passes the
floor on. Once is enough: the three links together (called by the chair in the turn before,
the floor given in her turn's last sentences, a third voice next) did not fire on a panellist
in any development transcript (rounds 1–29, 733 transcripts; stop 45's section in BENCHMARKS.md).
A hand-off that needs more than the floor passed on, such as a panellist sending a question to
a colleague, is not read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from forumlens.resolve import cues
from forumlens.resolve.people import LabelGroup, name_forms
from forumlens.resolve.roleview import SessionView

__all__ = ["floor_passers"]

# The floor given in the last sentences of a turn: "go ahead", "the floor is yours", "you have the
# floor", "over to you", "you are unmuted", "I am giving you the microphone", "you can speak".
_GIVES_FLOOR = re.compile(
    r"\b(?:go\s+ahead|the\s+floor\s+is\s+yours|you\s+have\s+the\s+floor|over\s+to\s+you|"
    r"(?:are|have\s+been)\s+unmuted|(?:giving|give|pass(?:ing)?|hand(?:ing)?)\s+you\s+the\s+(?:microphone|floor)|"
    r"you\s+can\s+(?:speak|start|go\s+ahead))\b",
    re.IGNORECASE,
)
_LAST_SENTENCES = 2  # how near its end a turn must give the floor


# `chairs.not_thanks`: whether a name hit gives the floor rather than thanks (given by the caller,
# `chairs`, which imports this module)
NotThanks = Callable[[SessionView, int, int, int], bool]


def _calls(view: SessionView, turn: int, group: LabelGroup, not_thanks: NotThanks) -> bool:
    """Whether a turn's last paragraph calls the group's speaker by name (not thanking them)."""
    if not group.name:
        return False
    t = view.session.turns[turn]
    paras = view.paragraphs[turn]
    a, b = paras[-1] if paras else (t.start, t.end)
    return any(
        not_thanks(view, turn, h.start, h.end) for h in cues.find_name_hits(view.text, a, b, name_forms(group.name))
    )


def _gives_floor(view: SessionView, turn: int) -> bool:
    """Whether one of a turn's last sentences gives the floor."""
    return any(_GIVES_FLOOR.search(view.text, a, b) for a, b in view.sentences[turn][-_LAST_SENTENCES:])


def floor_passers(
    view: SessionView, groups: Sequence[LabelGroup], moderators: set[str], not_thanks: NotThanks
) -> set[str]:
    """Named speakers, not moderators yet, who take the floor from a moderator who calls them and
    give it in their turn's last sentences to a third voice, who speaks next."""
    owner = {i: g for g in groups for i in g.turns}
    found: set[str] = set()
    speech = view.speech
    for before, turn, after in zip(speech, speech[1:], speech[2:]):
        chair, group, nxt = owner.get(before.index), owner.get(turn.index), owner.get(after.index)
        if chair is None or group is None or not group.name or group.name in moderators:
            continue
        if chair.name not in moderators or nxt is group or nxt is chair:
            continue
        if _calls(view, before.index, group, not_thanks) and _gives_floor(view, turn.index):
            found.add(group.name)
    return found
