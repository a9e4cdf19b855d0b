"""Caption labels that name a role, not a person ("MODERATOR", "AUDIENCE", "INTERPRETER").

A bullet's attribution and a "Key points by speaker" heading must name a person or say
plainly that nobody is named: "AUDIENCE: We need ..." reads as if someone were called
Audience, and "INTERPRETER" is the voice of a speaker, not the speaker. The parser keeps
such labels as `label` (speaker null, `transcript.speakers.generic_label`); here they are
read as a role with a phrase for each place they are shown.
"""

from __future__ import annotations

from ..transcript.speakers import generic_label

__all__ = ["HEADINGS", "PREFIXES", "label_role"]

# What a role is called before a bullet ("The moderator: ...") and as a group of points.
PREFIXES = {
    "moderator": "The moderator",
    "remote-hub": "A remote hub",
    "rapporteur": "The rapporteur",
    "interpreter": "A speaker (interpreted)",
    "participant": "A participant",
}
HEADINGS = {
    "moderator": "Moderator",
    "remote-hub": "A remote hub",
    "rapporteur": "Rapporteur",
    "interpreter": "A speaker (interpreted)",
    "participant": "Participants from the floor",
}


def label_role(label: str | None) -> str | None:
    """The role a generic caption label stands for (a key of `PREFIXES`), None for a name.

    >>> label_role("ONLINE MODERATOR"), label_role("INTERPRETER"), label_role("AUDIENCE")
    ('moderator', 'interpreter', 'participant')
    >>> label_role("Ana Luisa Ferreira") is None
    True
    """
    if not label or not generic_label(label):
        return None
    low = label.lower()
    if any(w in low for w in ("moderator", "chair", "host", "facilitator")):
        return "moderator"
    if "rapporteur" in low:
        return "rapporteur"
    if "interpret" in low:
        return "interpreter"
    return "participant"
