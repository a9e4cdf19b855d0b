"""How a turn opens: the salutation before the speaker says who they are.

Speakers often open in their own language before switching to the session's ("Kia ora
koutou.  Good morning.  My name is …", "Salam, I am … from …"), and a greeting written in
capitals looks to the name and body readers like a name opening the turn or a body said in the
speaker's own first words: the voice gives two names and stays unnamed, or the greeting becomes
its affiliation.

No list of greetings can hold every language's, so the greeting is told by its shape and its
place, never by its words:

- it is a short clause (one to four words, the first capitalised, letters only, no acronym) at
  the very start of the turn, after nothing but a stage note ("(Speaking by telephone)") and
  English pleasantries ("Yes, thank you," "Hello,", "I hear you"); it may go on in lower case or
  with the one name it greets ("Boa tarde, a todos no Brasil", "Tank yu tumas, Losana.");
- at least one of its words is not an English word (`text.englishwords`) and none is an
  organisation's word ("Foundation", "Ministry": a body named first is a body, not a greeting);
- the speaker then goes on with an English pleasantry ("good morning", "hello", "thank you") or
  says their name in so many words ("my name is …", "I am <Name>", "this is <Name>"), which is
  what the session's language does after a greeting; a capitalised clause followed by anything
  else is left to the readers that were there before.

An English pleasantry itself is never a name or a body; the readers already know that. What this
module adds is the one clause they could not tell from a name. Two readers ask it: `selfnames`
drops a name read in the greeting when the turn claims one in so many words, and `affcands`
keeps a span said only in the greeting out of the bodies the ranker may pick (still counted, as
the ranker was trained).
"""

from __future__ import annotations

import re

from forumlens.resolve.orgwords import looks_org
from forumlens.text.englishwords import english_word

__all__ = ["salutation_end"]

# Where the opening is read: a greeting comes first, a self-introduction soon after it.
_OPENING_CHARS = 200

# A clause ends at a comma, a full stop, an exclamation or question mark, a colon or a semicolon.
_CLAUSE = re.compile(r"[^,.!?;:]+[,.!?;:]*")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# English pleasantries, optionally after "and" and followed by whom they greet ("good morning to
# Tonga", "hello everyone", "thank you, Chair"): said around a greeting, never a name or a body.
_PLEASANTRY = re.compile(
    r"\s*(?:and\s+|yes\s+|so\s+)?(?:a\s+)?(?:very\s+)?(?:good\s+(?:morning|afternoon|evening|day|night)|hello|hi|hey|"
    r"greetings|welcome|dear|thank\s+you|thanks|many\s+thanks|yes|okay|ok|well|ladies\s+and\s+gentlemen|"
    r"I\s+(?:can\s+)?hear\s+you)\b"
    r"(?:\s+[\w'’-]+){0,4}\s*[,.!?;:]*\s*$",
    re.IGNORECASE,
)
# A name said as one's own right after the greeting: "My name is …", "I am Komang …", "this is Ana".
_NAME_CLAIM = re.compile(
    r"\s*(?:(?:and\s+)?my\s+(?:full\s+)?name\s+is\b|(?:I\s+am|I'm|I’m|this\s+is|it\s+is|it's|it’s)\s+(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž]))",
    re.IGNORECASE,
)


# A caption's stage note opening the turn: "(Speaking by telephone)", "(Interpretation from French.)".
_NOTE = re.compile(r"\s*\([^()]{1,60}\)")


def _greeting_shaped(clause: str, going_on: bool = False) -> bool:
    """One to four words of letters, the first capitalised (when `going_on`, the greeting's next
    clause: lower-case, "Boa tarde, a todos no Brasil", or one word, the name greeted), one at
    least not English, none an organisation's word or an acronym."""
    words = _WORD.findall(clause)
    if not 1 <= len(words) <= 4:
        return False
    # going on: lower case ("a todos no Brasil"), or one name addressed ("Tank yu tumas, Losana.")
    if not ((words[0][0].islower() or len(words) == 1) if going_on else words[0][0].isupper()):
        return False
    if any(re.search(r"[A-Z]{2}", w) for w in words):
        return False  # an acronym ("UN DESA", "ICANN"): a body's short name, never a greeting
    if re.sub(r"[\s,.!?;:'’-]", "", clause) != "".join(words).replace("'", "").replace("’", "").replace("-", ""):
        return False  # digits or symbols: a code, a number, not a greeting
    if looks_org(" ".join(words)):
        return False
    return any(not english_word(w) for w in words if len(w) > 1)


def salutation_end(text: str, start: int, end: int) -> int:
    """Where the greeting that opens text[start:end] ends (`start` when it opens with none).

    The greeting is the last greeting-shaped clause of the opening that an English pleasantry or
    a name claim follows (see the module doc); the pleasantries before it go with it."""
    stop = min(end, start + _OPENING_CHARS)
    note = _NOTE.match(text, start, stop)
    greeted = start  # the end of the last greeting confirmed by what follows it
    waiting: int | None = None  # the end of a greeting-shaped clause not confirmed yet
    for m in _CLAUSE.finditer(text, note.end() if note else start, stop):
        clause = m.group()
        pleasantry = _PLEASANTRY.match(clause) is not None
        if waiting is not None:
            claim = not pleasantry and _NAME_CLAIM.match(clause) is not None
            if not pleasantry and not claim and _greeting_shaped(clause, going_on=True):
                waiting = m.end()  # "Boa tarde, a todos no Brasil, good afternoon": one greeting
                continue
            if not pleasantry and not claim:
                break
            greeted, waiting = waiting, None
            if claim:
                break
            continue
        if pleasantry:
            continue
        if not _greeting_shaped(clause):
            break
        waiting = m.end()
    return greeted
