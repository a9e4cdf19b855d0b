"""The tools a session runs on: one list for the who's-who rules that must know them.

Two rules read it, for opposite reasons. A platform is never a body a person speaks for ("I
will read the questions from the WebEx chat", `orgs`), and a speaker on a meeting platform is
online ("I am on Adobe Connect from Jacmel", `modes`). Product names only: a company that
also employs people ("Google", "Microsoft") is not here.
"""

from __future__ import annotations

from forumlens.text.alternation import alternation

__all__ = ["MEETING", "TOOLS", "meeting_pattern"]

# Where people take part in a meeting: said as "on X", "via X", "in the X call".
MEETING = (
    "zoom",
    "webex",
    "cisco webex",
    "teams",
    "microsoft teams",
    "ms teams",
    "skype",
    "google meet",
    "jitsi",
    "bluejeans",
    "gotomeeting",
    "gotowebinar",
    "adobe connect",
)

# Everything a session runs on that is never an affiliation: meeting platforms, polling,
# caption services and streaming sites.
TOOLS = frozenset((*MEETING, "slido", "mentimeter", "streamtext", "livestream", "ustream"))


def meeting_pattern() -> str:
    """A regular-expression alternation (lower case) of the meeting platforms, longest first,
    plus "a Zoom/WebEx/Teams/online call, room or meeting"; callers add their own boundaries."""
    names = alternation(MEETING).replace(r"\ ", r"\s+")
    return rf"(?:{names}|(?:zoom|webex|teams|online)\s+(?:call|room|meeting))"
