"""Two or more people on one meeting account: one caption label, several voices that say who
is speaking as each turn opens.

Why: small offices share one computer and one account ("you will see one name on the screen
but two people"); the captioner shows the account's name for every turn, and each voice tags
its turns: "So this is Bożena speaking, Bożena Wielgopolan-Kurek, I am …", "Hello, Tomasz
here", "Yes, Tomasz again".  Read as one speaker, the label became a person called by the
account's name and both voices were lost.  A label is split only when its turns tag two voices
or more, none of them the label's own name; a turn without a tag goes on in the voice of the
label's turn before it, as a voice that keeps the floor does not tag itself again.
"""

from __future__ import annotations

from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.selfnames import is_generic_label, voice_tag

__all__ = ["split_account_voices"]


def _same_voice(a: str, b: str) -> bool:
    """One voice, said once by the first name and once in full ("Tomasz", "Tomasz Chrobaczyński")."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    if len(ka) == 1 or len(kb) == 1:
        return ka[0] == kb[0]
    return same_person(a, b)


def split_account_voices(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Split each named label group whose turns tag two voices or more into one group per voice
    (each keeps the label); the voice's name is the fullest form its tags give."""
    result: list[LabelGroup] = []
    for group in groups:
        if group.name is None or not group.labels or any(is_generic_label(lab) for lab in group.labels):
            result.append(group)  # generic labels are split by `selfnames.split_shared_voices`
            continue
        tags = [voice_tag(turns[i].text) for i in group.turns]
        voices: list[str] = []
        for tag in tags:
            if tag is None:
                continue
            at = next((k for k, v in enumerate(voices) if _same_voice(tag, v)), None)
            if at is None:
                voices.append(tag)
            elif len(tag.split()) > len(voices[at].split()):
                voices[at] = tag
        if len(voices) < 2 or any(_same_voice(v, group.name) for v in voices):
            result.append(group)
            continue
        mine: dict[str, list[int]] = {v: [] for v in voices}
        rest: list[int] = []
        current: str | None = None
        for index, tag in zip(group.turns, tags):
            if tag is not None:
                current = next(v for v in voices if _same_voice(tag, v))
            if current is None:
                rest.append(index)
            else:
                mine[current].append(index)
        result.extend(LabelGroup(v, list(group.labels), ts) for v, ts in mine.items())
        if rest:
            result.append(LabelGroup(group.name, list(group.labels), rest))
    return sorted(result, key=lambda g: g.turns[0] if g.turns else -1)
