"""A need put to a body its thread never asked: not the same need. Pure.

Why: one actor's asks are joined on little likeness (a coalition's asks of several years share its topic words), and
once a member's items all reach their coalition (`apposed.py`, `bodies.py`), a need put to another body ("UNEP,
please take community sensor data into your platform") joined the same coalition's ask to the cities ("The cities
must publish the readings of their own air stations") on "air" and "data" alone. A need that names a body the
registry knows (a UN agency, an IGF body, an intergovernmental one) other than its own actor asks that body; the
thread's needs never named it, so it is another ask, unless the two are alike beyond the weak band (`ask_other_category`)
or the need says it repeats.
"""

from __future__ import annotations

from functools import lru_cache

from ..resolve.mentions import find_mentions
from .actors import _GENERIC
from .linkmodel import says_repeat
from .linkrecords import Rules, Scored
from .models import Item

__all__ = ["addressed_bodies", "other_addressee"]

_KINDS = frozenset({"un-body", "igf-body", "igo"})


@lru_cache(maxsize=4096)
def addressed_bodies(quote: str) -> frozenset[str]:
    """The registry bodies (UN, IGF and intergovernmental) a need's words name."""
    return frozenset(m.name for m in find_mentions(quote) if m.kind in _KINDS and m.entity_id not in _GENERIC)


def other_addressee(item: Item, row: Scored, rules: Rules) -> Scored:
    """`row` refused when the need names a body no need of the thread names and the two are alike only in the weak
    band."""
    track, score, ok, why = row
    if not ok or score >= rules.ask_other_category or says_repeat(item.quote):
        return row
    mine = addressed_bodies(item.quote) - {item.org, item.coalition}
    if not mine:
        return row
    theirs = frozenset().union(*(addressed_bodies(i.quote) for i in track.thread.items if i.signal == "need"))
    if mine & theirs:
        return row
    return track, score, False, why + f"; put to {', '.join(sorted(mine))}, whom the thread never asked"
