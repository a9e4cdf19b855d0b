"""Forms of address and roles in a file's labels, told by how the file's own speech writes them.

A record prints its labels with a capital where its speech writes the same words in lower case:
the Dutch Handelingen label `De heer Wittebroekx (D66):` and `Mevrouw Dijkhuizen-Stoové (CDA):`,
and its chair `De voorzitter:`, while the chair says "het woord aan de heer Wittebroekx" and "een
vraag van mevrouw Dijkhuizen-Stoové". A list of each language's titles (`labelwords.TITLES`)
misses the next language; a name is never written in lower case, so the speech tells the words
that are none:

- *an address spoken before the name*: the opening words of a mixed-case label, which the speech
  writes in lower case right before the rest of the label (`de heer Wittebroekx`), are a form of
  address, and the rest is the name. Not a name's own particle just before it (`van
  Wijngaarden`, `de Groot`: the speech writes it in lower case inside a sentence), and not a
  label in capitals (`THE MAYOR`, `HUB IN CHITTAGONG`: no capital to set against the speech's
  lower case, and a description is no form of address);
- *a role in common words*: a label in mixed case whose words after the first are lower case
  (no name particle) and whose capitalised words the speech writes in lower case (`De
  voorzitter`: "de" is the language's article) names a role, not a person. A given name with
  its form of address after it (`Nərmin xanım`) keeps its capital in the speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .labelwords import PARTICLES

__all__ = ["spoken_addresses"]

# The name part of a label: before a card in brackets, after a comma, or a colon.
_NAME_PART = re.compile(r"[^(,:\[]*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _written(label: str) -> list[str]:
    """The words of a label's name part as written (`De heer Wittebroekx (D66)` → three words);
    empty when another sign than letters, `-` and apostrophes stands in a word (`Mr.`: a title
    the other readers know)."""
    match = _NAME_PART.match(label)
    words = (match.group() if match else "").split()
    return words if all(_WORD.fullmatch(w) for w in words) else []


def _lower_in(word: str, text: str) -> bool:
    """Whether the text writes `word` in lower case as a word of its own."""
    return re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text) is not None


def common_words_role(label: str, text: str) -> bool:
    """Whether a mixed-case label is a role written in common words (see the module doc)."""
    words = _written(label)
    if len(words) < 2 or label.isupper() or not words[0][:1].isupper():
        return False
    if not all(w.islower() and w not in PARTICLES for w in words[1:]):
        return False
    return all(_lower_in(w, text) for w in words if not w.islower())


def spoken_prefix(label: str, text: str) -> int:
    """How many opening words of the label the speech writes in lower case right before the rest
    of it (`de heer Wittebroekx` for `De heer Wittebroekx (D66)`: 2); 0 when none."""
    words = _written(label)
    if label.isupper():
        return 0  # capitals: the label shows no case to set against the speech's (`THE MAYOR`)
    for k in range(len(words) - 1, 0, -1):
        if not words[k][:1].isupper() or words[k - 1].lower() in PARTICLES:
            continue  # the rest opens with the name, capitalised; `van Wijngaarden`: the name's own particle
        prefix = r"\s+".join(re.escape(w.lower()) for w in words[:k])
        rest = r"\s+".join(re.escape(w) for w in words[k:])
        for match in re.finditer(rf"(?<!\w){prefix}\s+(?P<rest>(?i:{rest}))(?!\w)", text):
            if match.group("rest")[:1].isupper():
                return k
    return 0


def spoken_addresses(
    labels: Sequence[str | None], addressed: Sequence[tuple[str | None, bool]], text: str
) -> list[tuple[str | None, bool]]:
    """`addressed` (each name and whether a form of address was dropped, `honorifics.drop_addresses`)
    with the forms of address and roles the speech shows (see the module doc): a role's name is
    None, an address spoken before the name is dropped (and counts as dropped)."""
    out: list[tuple[str | None, bool]] = []
    seen: dict[str, tuple[bool, int]] = {}
    for label, (name, dropped) in zip(labels, addressed, strict=True):
        if not label or not name:
            out.append((name, dropped))
            continue
        if label not in seen:
            seen[label] = (common_words_role(label, text), spoken_prefix(label, text))
        role, k = seen[label]
        words = name.split(" ")
        if role:
            out.append((None, False))
        elif k and len(words) == len(_written(label)):
            out.append((" ".join(words[k:]), True))
        else:
            out.append((name, dropped))
    return out
