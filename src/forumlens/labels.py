"""Category and status keys read as words: "concise-summaries" is shown as "concise summaries".

Keys (`KEY`: lower case words joined by hyphens) are what the analyses store and the JSON contracts
carry; a reader sees words. One place for the rule, imported by the report renderers
(`summarise.render`), the threads' summaries and the portal. Pure and dependency-free, so the
threads stage shows words without importing the summarise package (≈ 0.2 s of imports).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FLOOR",
    "KEY",
    "REMOTE",
    "Unnamed",
    "key_words",
    "kind_label",
    "lead_label",
    "said_voice",
    "unnamed_at",
    "unnamed_voice",
]

KEY = re.compile(r"[a-z]+(?:-[a-z]+)*")  # a category or status key ("concise-summaries"), not a title


def key_words(kind: str) -> str:
    """A key in words, as it reads inside a sentence: "concise-summaries" → "concise summaries".

    >>> key_words("links-to-institutions")
    'links to institutions'
    """
    return kind.replace("-", " ")


def kind_label(kind: str) -> str:
    """A category or status key as a reader's label: "concise-summaries" → "Concise summaries"."""
    return key_words(kind).capitalize()


def lead_label(kind: str) -> str:
    """The label a list item opens with: a category key in words ("Concise summaries"), a title as written.

    Keys are lower case joined by hyphens; a segment title ("Opening by UN DESA") keeps its
    capitals, only its first letter raised.
    """
    if KEY.fullmatch(kind):
        return kind_label(kind)
    return kind[:1].upper() + kind[1:]


# -- who: a voice the caption or the analysis does not name ---------------------------------------
FLOOR = "a participant from the floor"
REMOTE = "a remote participant"

# A caption role label or an analysis's description of someone it does not name: "AUDIENCE MEMBER",
# "remote participant", "Unidentified speaker 2", "a participant in <session title>", "PARTICIPANT from
# Kenya", "the Remote Hub". A person noun may be followed by a number or by a phrase that opens with a
# preposition (where the voice is from); a collective one ("floor", "audience") only by a number. A name
# never has that shape: "Floor Jansen" and "Speaker Smith" are names.
_UNNAMED = re.compile(
    r"(?P<article>(?:an?|the|another|one)\s+)?"
    r"(?:(?P<head>(?P<remote>(?:remote|online|virtual)\s+)?(?:(?:unnamed|unidentified|unknown)\s+)?"
    r"(?:participant|attendee|audience\s+member|member\s+of\s+the\s+audience|speaker|voice|hub))"
    r"|(?P<collective>floor|audience|unknown|unidentified|inaudible))"
    r"(?P<number>\s*#?\d+)?"
    r"(?P<rest>\s+(?:from|in|at|of|during|on|with|via|joining|speaking)\s+\S.*)?",
    re.IGNORECASE | re.DOTALL,
)
_PLACED = re.compile(r"\s+(?:in|at|of|during)\s", re.IGNORECASE)  # "in <this session>": the session says that


@dataclass(frozen=True)
class Unnamed:
    """How to say a voice nobody named: `phrase` with its article, in a sentence's case ("an audience
    member from Brazil"); `said` as written; `numbered` ("Speaker 2" is who it is); `bare`: it says no
    more than that someone spoke (no place of its own, or only the session it is in); `remote`."""

    phrase: str
    said: str
    numbered: bool
    bare: bool
    remote: bool

    def bare_phrase(self) -> str:
        """A bare person voice as a reader says it: "a participant from the floor" or "a remote participant"."""
        return REMOTE if self.remote else FLOOR


def unnamed_voice(said: str | None) -> Unnamed | None:
    """The one rule for a speaker nobody named (None for a name): reports (`summarise.labels.speaker_phrase`)
    and threads (`threads.render.speaker_label`) both phrase it from here, so a voice reads one way.

    >>> unnamed_voice("PARTICIPANT from Kenya").phrase, unnamed_voice("AUDIENCE").phrase
    ('a participant from Kenya', 'a participant from the floor')
    >>> unnamed_voice("Floor Jansen") is None, unnamed_voice("Speaker 2").numbered
    (True, True)
    """
    text = " ".join((said or "").split())
    m = _UNNAMED.fullmatch(text)
    if m is None:
        return None
    rest = m["rest"] or ""
    if m["number"]:  # "Speaker 2", "Audience 3": the number is who it is, as written
        return Unnamed(text, text, numbered=True, bare=True, remote=bool(m["remote"]))
    if m["collective"]:
        return Unnamed(FLOOR, text, numbered=False, bare=True, remote=False)
    head = m["head"].lower()
    article = (m["article"] or "").lower() or ("an " if head[0] in "aeiou" else "a ")
    bare = not rest or bool(_PLACED.match(rest))
    return Unnamed(
        f"{article}{head}{rest}", text, numbered=False, bare=bare and "hub" not in head, remote=bool(m["remote"])
    )


def said_voice(speaker: str | None) -> str | None:
    """Who a citation names, as a reader says it: a caption label that names nobody in the words of
    `unnamed_voice` ("AUDIENCE" → "a participant from the floor", as the threads say it); a name, a
    numbered voice ("Speaker 2", who it is) and nothing as given.

    Why: a report's Sources and the portal's citation links printed the bare label ("AUDIENCE, line 19")
    while the same voice was "someone", "(unnamed)" or "a participant from the floor" elsewhere.

    >>> said_voice("AUDIENCE"), said_voice("REMOTE PARTICIPANT"), said_voice("Speaker 2"), said_voice("Ana Li")
    ('a participant from the floor', 'a remote participant', 'Speaker 2', 'Ana Li')
    """
    voice = unnamed_voice(speaker)
    return speaker if voice is None or voice.numbered else voice.phrase


def unnamed_at(turns: Iterable[Any]) -> dict[int, str]:
    """Line → how a reader says the voice nobody named that speaks on it ("a participant from the floor"),
    for every line of a turn captioned under such a label (turns: `models.Turn`, duck-typed here).

    Why: a question or ask of an unnamed voice has no `by`; the report printed "someone" and the portal
    "unnamed" where the threads and the citations say "a participant from the floor"."""
    out: dict[int, str] = {}
    for turn in turns:
        said = getattr(turn, "speaker", None) or getattr(turn, "label", None)
        voice = unnamed_voice(said)
        if voice is None or voice.numbered:
            continue
        for line in range(turn.line, max(turn.line, getattr(turn, "end_line", 0) or 0) + 1):
            out[line] = voice.phrase
    return out
