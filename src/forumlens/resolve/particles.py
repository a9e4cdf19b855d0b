"""A name particle the caption label runs into the family name (">> DR. HIND ALSUNAIDI:") while the
speech writes it apart ("Dr. Hind Al-Sunaidi", "my family name is written Al Sunaidi").

Why: a captioner types a label once, in capitals, and often drops the space or hyphen after a
particle ("Al", "El", "Bin", "Van", "De", "Mc"); the speech, typed as heard and often corrected by the
speaker, keeps it. The person's display name is the spelling the session says, so "Alsunaidi"
becomes "Al Sunaidi" (the form said most often; hyphen and space are one name to consumers, DESIGN.md).
Only words that start with a particle are looked at, so the cost is one short literal search per
such word, not one per name word (issue 19).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup

__all__ = ["spoken_particles"]

# Particles that open a family name; longest first so "abd" is tried before "ab…" never exists.
_PARTICLES = ("abdel", "abd", "abu", "ibn", "bin", "ben", "van", "von", "del", "al", "el", "de", "da", "di", "mc", "ul")
_MIN_REST = 3  # "Alam" is no "Al Am": the family name after the particle has three letters or more


def _said_apart(word: str, text: str) -> str | None:
    """The spelling the speech gives `word` with its particle apart ("Al-Sunaidi", "Al Sunaidi"),
    the most frequent one (first seen on a tie); None when the speech never writes it apart."""
    folded = word.casefold()
    for particle in _PARTICLES:
        rest = folded[len(particle) :]
        if not folded.startswith(particle) or len(rest) < _MIN_REST or not rest.isalpha():
            continue
        pattern = re.compile(rf"\b{particle}[ \-\u2011]{re.escape(rest)}\b", re.IGNORECASE)
        forms = Counter(m.group(0).replace("\u2011", "-") for m in pattern.finditer(text))
        if forms:
            return forms.most_common(1)[0][0]
    return None


def spoken_particles(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Give each named group the particle spelling the speech says for a word its label runs
    together ("Hind Alsunaidi" → "Hind Al Sunaidi"); other names are left as they are."""
    text: str | None = None
    for group in groups:
        if group.name is None:
            continue
        words = group.name.split()
        changed = False
        for k, word in enumerate(words[1:], start=1):  # a particle opens a family name, not a given one
            if not word.isalpha() or not word.casefold().startswith(_PARTICLES):
                continue
            if text is None:
                text = "\n".join(t.text for t in turns if t.kind == "speech")
            apart = _said_apart(word, text)
            if apart is not None:
                words[k] = apart
                changed = True
        if changed:
            group.name = " ".join(words)
    return list(groups)
