"""CHAT transcripts (TalkBank's CLAN format): `*CODE:` tiers named through `@Participants`.

Conversation researchers transcribe a session in CHAT: `@` header lines (`@Begin`,
`@Participants:	MOD Ana_Ruiz Moderator, AUD Audience Audience`, `@End`), one utterance a
main tier `*CODE:<TAB>text` (a tab-indented line continues it), dependent tiers `%com:` below
it, and a media bullet (a time range between two U+0015 characters) ending the utterance. The
file states its turns (`exportmarks.py`):

- each main tier is a turn's row; consecutive tiers of one code are one turn;
- its label is the name `@Participants` gives the code (underscores are spaces), else the role
  given there (`Audience`: a generic voice), else the code itself;
- headers, dependent tiers and media bullets are never speech (`ExportMarks.speech`); the
  transcription marks (`(.)`, `&-um`, `[/]`) are what was said, as transcribed, and stay.

Told from the lines: an `@Participants` header and two or more main tiers of codes it lists.
"""

from __future__ import annotations

import re

from .exportmarks import ExportMarks, Mark, voice_changes

__all__ = ["read_chat_tiers"]

_PARTICIPANTS = re.compile(r"^@Participants:[ \t]*(?P<list>.*(?:\n[ \t]+.*)*)", re.MULTILINE)
_TIER = re.compile(r"^\*(?P<code>[A-Z0-9]{2,8}):[ \t]+(?P<body>.*(?:\n\t.*)*)", re.MULTILINE)
_BULLET = re.compile(r"[ \t]*\x15[^\x15\n]*\x15")
_LEAST = 2


def _participants(listed: str) -> dict[str, str]:
    """Each code's label: the name (underscores as spaces), else the role, else the code."""
    names = {}
    for entry in listed.split(","):
        words = entry.split()
        if not words:
            continue
        code, rest = words[0], words[1:]
        label = rest[0].replace("_", " ") if rest else code
        names[code] = label
    return names


def read_chat_tiers(text: str) -> ExportMarks | None:
    """The turns of a CHAT transcript (see the module doc); None for any other text."""
    if "@Participants:" not in text:
        return None
    listed = _PARTICIPANTS.search(text)
    if listed is None:
        return None
    names = _participants(listed.group("list"))
    tiers = [m for m in _TIER.finditer(text) if m.group("code") in names]
    if len(tiers) < _LEAST:
        return None
    speech = []
    for tier in tiers:
        start, end = tier.start("body"), tier.end("body")
        bullet = _BULLET.search(text, start, end)
        cut = bullet.start() if bullet is not None else end
        speech.append((start, start + len(text[start:cut].rstrip())))
    found = (Mark(tier.start(), tier.start("body"), names[tier.group("code")]) for tier in tiers)
    return ExportMarks(voice_changes(found), tiers[0].start(), speech=tuple(speech))
