"""A caption label that stands for the remote floor: ">> REMOTE PARTICIPANT:", ">> WEBEX:".

The captioner writes such a label when a voice comes in over the meeting's line and she has no
name for it: it says which channel the voice came by, and that channel is the floor's. A remote
moderator who calls the voice by name ("We have one remote participant who wants to speak,
Elena, from Limassol") hands it the floor; that does not put it on the programme, so the voice
is a participant however it was called (`cast._role`). Every annotated voice under such a label
in the development sets is a participant (the rule applies to 25 voices of rounds 1–26, all
participants where annotated); five of them were read as guests before this rule because they
were called by name (rounds 18, 20, 22, 23).

Only the whole label counts: "REMOTE SPEAKER" can be a panellist on the programme who joins
online, and a name beside the channel ("Zoom User – Priya R") is the person's own label.
"""

from __future__ import annotations

import re

from forumlens.resolve.platforms import meeting_pattern

__all__ = ["is_remote_floor_label"]

_REMOTE_FLOOR = re.compile(
    # "REMOTE PARTICIPANT", "Online Participant", "VIRTUAL ATTENDEE", "REMOTE AUDIENCE MEMBER"
    r"(?:remote|online|virtual)\s+(?:participant|attendee|audience(?:\s+member)?)|"
    # the meeting tool alone, or its default name for a caller ("WEBEX", "Zoom User")
    rf"(?:{meeting_pattern()})(?:\s+(?:user|participant|caller))?",
    re.IGNORECASE,
)


def is_remote_floor_label(label: str) -> bool:
    """Whether a caption label is only the remote channel a voice came by, not a name or a duty."""
    return _REMOTE_FLOOR.fullmatch(label.strip(" \t>:")) is not None
