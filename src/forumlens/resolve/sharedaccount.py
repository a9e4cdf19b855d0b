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

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.orgs import looks_org
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.selfnames import NAME_WORD, is_generic_label, is_place_name

__all__ = ["split_account_voices", "voice_tag"]

_NAME = rf"{NAME_WORD}(?:[ \u00a0]+{NAME_WORD}){{0,3}}"
# Words a voice may open its turn with before the tag ("Yes, Tomasz again"): never the tagged name.
_OPENERS = ("so", "yes", "hello", "hi", "okay", "ok", "sorry")
# "this is Bożena speaking", "it is Mariana", "Tomasz here", "Tomasz again", "Bożena speaking":
# the tag a voice on a shared account opens its turn with, at a sentence start or after a greeting.
_TAG = re.compile(
    rf"(?:^|[.!?,][ \u00a0]+)(?:(?:{'|'.join(_OPENERS)})[, \u00a0]+)*"
    rf"(?:(?:this|it)[ \u00a0]+is[ \u00a0]+)?({_NAME})[ \u00a0]+(?:here|again|speaking)\b"
    # the full name right after the tag: "Bożena speaking, Bożena Wielgopolan-Kurek,"
    rf"(?:[ \u00a0]*,[ \u00a0]+({_NAME})[ \u00a0]*[,.])?",
    re.IGNORECASE,
)
# "Sorry, it is me again, Bahareh, only a follow-up": a voice back at the microphone, naming itself
# after "me" (a bare "It's me, Fiona" may be the voice answering Fiona: only with "again")
_ME_AGAIN = re.compile(
    rf"(?:^|[.!?,][ \u00a0]+)(?:(?:{'|'.join(_OPENERS)})[, \u00a0]+)*"
    rf"(?:this|it)(?:[ \u00a0]+is|'s|’s)[ \u00a0]+me[ \u00a0]+again[ \u00a0]*,[ \u00a0]+({_NAME})[ \u00a0]*[,.]",
    re.IGNORECASE,
)
_TAG_CHARS = 120  # the tag opens the turn
# Kept apart from `text.roomwords`: built from `_OPENERS`, the words `_TAG` lets open the turn, so the
# pattern and this filter name the same words. The shared courtesies it lacks ("thanks", "please") are not
# added: that would change which tags are read ("Thanks again" is not checked here today).
_NOT_NAMES = frozenset(_OPENERS) | {"i", "we", "me", "everybody", "everyone"}


def voice_tag(text: str, rooms: bool = False) -> str | None:
    """The name a voice tags its turn with as it opens (the full one when it follows the tag);
    `rooms`: also a place's name ("Wellington here" may be a person or a room)."""
    m = _TAG.search(text[:_TAG_CHARS])
    if m is None:
        again = _ME_AGAIN.search(text[:_TAG_CHARS])
        if again is None or not _is_person_like(again.group(1)) or is_place_name(again.group(1)):
            return None
        return again.group(1)
    short, full = m.group(1), m.group(2)
    if (not rooms and is_place_name(short)) or not _is_person_like(short):
        return None  # "Nairobi here": a room, not a voice
    if full and name_key(full).split()[:1] == name_key(short).split()[:1] and len(full.split()) > 1:
        return full
    return short


def _is_person_like(words: str) -> bool:
    """Not a body ("Digital Rights Foundation here", as `looks_org` tells one) nor a greeting word
    taken for a name."""
    return not looks_org(words) and words.split()[0].casefold() not in _NOT_NAMES


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
