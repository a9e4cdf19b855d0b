"""The speaker facet in words: a caption label is shown as the person on record it stands for.

The search's speaker filter matches caption labels (`speaker_key`), so the facet counts
matching turns per caption speaker and its link filters by that label: the value must
stay the label for the counts to be the hits they lead to. But a label is not always a
person. The people analysis merges label variants into one person ("MARIA KOVACH" is
Maria Kovac) and flags a label as a caption mis-attribution when its turn continues
someone else's answer ("DOREEN BOGDAN-MARTIN" on the shared transcript); offering such a
label as if it were a person sent readers to a person who never spoke. So the facet
keeps the label as its value and says, in its label, whom the analysis credits:

  * a person's own name: shown as it is;
  * a label variant of a person on record: "Maria Kovac captioned as Maria Kovach";
  * a label that is no person on record and was flagged, its turns credited to one likely
    speaker: "Maria Kovac captioned as Petra Novak" (as the search hits credit the turn);
    flagged with no likely speaker, or with several: "Petra Novak (flagged caption label)";
  * anything else (a session stored without analysis): the label as written.

A label that is a person on record is shown as one even where it was flagged in another
session: the facet counts turns across sessions, and the person is real. Both stores give
the same rows (`person_labels`, the `flags` analyses), so the facet reads the same on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..caption_flags import likely_speakers
from ..store.base import Store
from ..transcript.speakers import name_key

__all__ = ["speaker_facet_labels"]


def _people_by_key(pairs: Iterable[tuple[str, str]]) -> tuple[set[str], dict[str, str]]:
    """(keys of the names on record, label key → name of the person it is a caption label of)."""
    names: set[str] = set()
    labels: dict[str, str] = {}
    for name, label in pairs:
        names.add(name_key(name))
        labels.setdefault(name_key(label), name)
    return names, labels


def speaker_facet_labels(store: Store, speakers: Sequence[tuple[str, int]]) -> list[tuple[str, str, int]]:
    """(value, label, count) of the offered caption speakers, each label saying whom it stands for."""
    if not speakers:
        return []
    names, labels = _people_by_key(store.person_labels())
    keys = {speaker: name_key(speaker) for speaker, _n in speakers}
    strangers = {key for key in keys.values() if key and key not in names and key not in labels}
    flagged = likely_speakers(store.analyses_of_kind("flags"), strangers) if strangers else {}
    out = []
    for speaker, n in speakers:
        key = keys[speaker]
        if key in names:
            label = speaker
        elif key in labels:
            label = f"{labels[key]} captioned as {speaker}"
        elif key in flagged:
            likely = flagged[key]
            label = f"{likely} captioned as {speaker}" if likely else f"{speaker} (flagged caption label)"
        else:
            label = speaker
        out.append((speaker, label, n))
    return out
