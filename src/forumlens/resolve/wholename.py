"""The whole name of a body when the ranker picked a piece of it. Pure.

Why: `affcands` offers every capitalised run and its pieces bounded by the lower-case words
inside it ("National Agency for Water and Rural Roads" gives "Water and Rural Roads" and
"National Agency" too), and the trained ranker (`affmodel`) weighs each piece
on its own, by the words around it. A piece cut at an inner "of", "on", "for", "and" (or a
"de", "do", "por" of a name in Spanish, Portuguese, French or Italian) is a miss that recurs
in every blind round, whatever the body: the scorer wants the name as said. The shape of the
two candidates says which is the name, never their words:

- the pick is the **tail** of a longer candidate ("Water and Rural Roads" of "National Agency
  for …") and only the part before the link holds an organisation's head noun (Agency,
  Ministry, Instituto, …: `orgwords.ORG_WORDS`): the head is the body, the tail is its field;
- the pick is the **head** of a longer candidate ("Lakeside Academy" of "… Academy of Music and
  Drama") and the rest after the link is capitalised name words that hold no head
  noun of their own (then it is another body: "Faculty of Law of the University of X"), hold
  no word that opens a clause ("… Digital Rights and I work at …") and no person's title or
  word of a speaker's name, and are not a country (the goldens disagree on "Ministry of … of
  Kenya": left as the ranker reads it).

A name in capitals is left as picked (case tells nothing of where it ends).

A registry body is never replaced or taken: its canonical name is its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from forumlens.resolve.affcands import Candidate, fold
from forumlens.resolve.orgwords import ORG_WORDS, ROMANCE_LINKS
from forumlens.resolve.titles import is_title_word

__all__ = ["whole_name"]

# The lower-case words that join the parts of one body's name.
_LINKS = frozenset(["of", "on", "for", "and", "&", *ROMANCE_LINKS])
# Capitalised words that start a clause, never a name's ("… Digital Rights and I work …").
_SENTENCE = frozenset(["i", "we", "you", "he", "she", "they", "it", "my", "our", "this", "that"])


def _free(cand: Candidate) -> bool:
    """A name read from the words, not a registry body."""
    return cand.entity_id is None or cand.entity_id.startswith("org:")


def _headed(words: Sequence[str]) -> bool:
    return any(w.casefold().strip(",.;:'’") in ORG_WORDS for w in words)


def _extends(pick: Sequence[str], longer: Sequence[str], places: frozenset[str], people: frozenset[str]) -> bool:
    """Whether `longer` is `pick` with the rest of its name on one side, across a link word."""
    n = len(pick)
    if len(longer) < n + 2:
        return False
    low = [w.casefold() for w in longer]
    mine = [w.casefold() for w in pick]
    if low[-n:] == mine and low[-n - 1] in _LINKS:
        return _headed(longer[: -n - 1]) and not _headed(pick)  # "National Agency for" + "Water and …"
    if low[:n] == mine and low[n] in _LINKS:
        rest = longer[n + 1 :]
        folded = fold(" ".join(rest))
        return (
            rest[-1][:1].isupper()
            and not any(w.casefold() in _SENTENCE or is_title_word(w) for w in rest)
            and not _headed(rest)
            and folded not in places
            and not any(w in people for w in folded.split())
        )  # "Lakeside Academy" + "of Music and Drama"
    return False


def whole_name(
    pick: Candidate | None, candidates: Sequence[Candidate], places: frozenset[str], people: frozenset[str]
) -> Candidate | None:
    """The longest of `candidates` whose name is `pick`'s with the rest of the body's name
    (see the module doc), else `pick`. `places`: folded country names; `people`: folded words
    of the session's speakers' names."""
    if pick is None or not _free(pick) or pick.name.isupper():
        return pick  # a registry body; or a stretch in capitals, where case tells no name's end
    words = pick.name.split()
    best = pick
    for cand in candidates:
        longer = cand.name.split()
        if _free(cand) and len(longer) > len(best.name.split()) and _extends(words, longer, places, people):
            best = cand
    return best
