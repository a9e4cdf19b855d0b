"""A person whose organisation is said only through a colleague's.

Why: a second voice of a team rarely names the body again. The remote moderator says "I work
with Houda at Tawasol" or "I work with Bronwyn at the Red Centre Remote Clinics Network"; the
body's full name was said once, in the colleague's own introduction. The affiliation rules and the ranker read each person's
own cues and so left these people with no affiliation (rounds 16–21 each had one or two).

The person says "I work with <name>", the name being another person of the cast who has an
affiliation, and if an "at <Body>" follows, its first word is in the colleague's affiliation (a
different body there means the person works *with* them, not *for* the same body). The name
must match one person only; the person then takes the colleague's affiliation, with the
sentence that says so as its evidence. This module only reads; `cast` applies it.

Not read: a host's "my colleague Omar will help us online". Tried (stop 37): it gave one
person their body and four others a wrong one, whom the annotators left unaffiliated, since a
"colleague" at the IGF is as often a fellow panellist as a co-worker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from forumlens.resolve.people import name_forms
from forumlens.resolve.roleview import Evidence, SessionView
from forumlens.resolve.scoring import affiliation_key

__all__ = ["Member", "Shared", "shared_affiliations"]


@dataclass(frozen=True)
class Member:
    """What this pass needs of one person of the cast."""

    name: str | None
    affiliation: str | None
    affiliation_id: str | None
    turns: tuple[int, ...]  # indices into the session's turns


@dataclass(frozen=True)
class Shared:
    """`member` (a position in the members) takes the affiliation of `colleague`."""

    member: int
    colleague: int
    evidence: Evidence


_NAME = r"(?P<name>(?-i:[A-Z])[\w'’\u2011-]+(?:[ \u00a0]+(?-i:[A-Z])[\w'’\u2011-]+){0,2})"
# "I work with Houda at Tawasol", "I'm working together with Siobhán at Northlight"
_WORK_WITH = re.compile(
    rf"\bI(?:[ \u00a0]+|['’]m[ \u00a0]+|[ \u00a0]+am[ \u00a0]+)(?:work|working)[ \u00a0]+(?:together[ \u00a0]+)?with[ \u00a0]+"
    rf"{_NAME}(?:[ \u00a0]+at[ \u00a0]+(?:the[ \u00a0]+)?(?P<at>(?-i:[A-Z])[\w'’\u2011-]+))?",
    re.IGNORECASE,
)


def _who(said: str, members: Sequence[Member], besides: int) -> int | None:
    """The one member other than `besides` whose name, first name or surname is `said` (or
    whose full name `said` begins), else None."""
    key = said.casefold()
    hits = [
        k
        for k, m in enumerate(members)
        if k != besides
        and m.name
        and any(key == f.casefold() or (" " in key and f.casefold().startswith(key)) for f in name_forms(m.name))
    ]
    return hits[0] if len(hits) == 1 else None


def shared_affiliations(view: SessionView, members: Sequence[Member]) -> list[Shared]:
    """Who, among the members with no affiliation, takes a colleague's, and the sentence why."""
    found: list[Shared] = []
    for k, m in enumerate(members):
        if m.affiliation:
            continue
        speech = (view.session.turns[i] for i in m.turns if view.session.turns[i].kind == "speech")
        hits = ((turn, hit) for turn in speech for hit in _WORK_WITH.finditer(turn.text))
        for turn, hit in hits:
            other = _who(hit.group("name"), members, k)
            body = affiliation_key(members[other].affiliation) if other is not None else None
            if other is None or not body:
                continue
            if hit.group("at") and affiliation_key(hit.group("at")) not in body.split():
                continue
            quote = view.evidence(*view.sentence_at(turn.index, turn.start + hit.start()), "introduction")
            found.append(Shared(k, other, quote))
            break
    return found
