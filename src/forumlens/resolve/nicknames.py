"""A label that is a nickname the session gives a full name once ("Doc is Dr. Jane Roe").

Why: in a small community everybody has the name they are known by, and a moderator may tell
the captioners so: "I'll call our speakers the way we call them at home, and give you the full
names once, for the record.  Doc is Dr. Yvette …".  The captions then write ">> DOC:" all session;
read as a name, the person is "Doc", and the words right after the introduction ("Dr. … from
the … Project") are found for nobody. The shape: the label, written as a word of the speech
(capitalised: the speech uses it as a name), followed by "is" and a full person's name. The group
takes that name (the label stays among its labels) when the session says exactly one such name
for it, the group is still named only by its label, and no other speaker carries the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, same_person
from forumlens.resolve.selfnames import full_name_at
from forumlens.transcript.speakers import display_name

__all__ = ["name_nickname_labels"]


def _spoken_form(label: str) -> str:
    """How the speech writes a label: "DOC" → "Doc", "Big Mike" as it is."""
    return label.strip().title() if label.strip().isupper() else label.strip()


def name_nickname_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Give a group labelled by a nickname the full name the session says it stands for
    ("Doc is Dr. Yvette …"); module docstring."""
    speech = "\n".join(t.text for t in turns if t.kind == "speech")
    named = [g.name for g in groups if g.name]
    for group in groups:
        if len(group.labels) != 1:
            continue
        label = group.labels[0]
        from_label = display_name(label)
        if group.name is not None and group.name != from_label:
            continue  # named already by the speaker's own words or a hand-off
        form = _spoken_form(label)
        if not form or f"{form} is " not in speech:  # most labels: never, and no pattern is run
            continue
        said: list[str] = []
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}\s+is\s+", speech):
            name = full_name_at(speech, m.end())
            if name and not same_person(name, form) and not any(same_person(name, n) for n in said):
                said.append(name)
        if len(said) != 1 or any(other != group.name and same_person(said[0], other) for other in named):
            continue
        group.name = said[0]
    return list(groups)
