"""Threads: asks, commitments and questions of one actor followed across sessions and years.

The one stage that reads across sessions (DESIGN.md, "threads"). Per session,
`extract_items` finds the sentences that raise, repeat, update, deliver, drop or answer
something (kept as the session's `thread_items` analysis); `link_items` joins the items
of the whole store into threads by actor and meaning, with a status per thread, a role
per item and an explainable decision per link.

    >>> from forumlens.threads import Item, link_items
    >>> a = Item("s1", 3, "We need a small grants fund for radios.", "need", coalition="DC X", category="funding")
    >>> b = Item("s2", 9, "Without seed money for radios, networks close.", "need", coalition="DC X", category="funding")
    >>> [t.status for t in link_items([a.placed(2021, (2021,)), b.placed(2022, (2022,))]).threads]
    ['recurring']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports  # the one PEP 562 loader (forumlens/__init__.py)

# public name → submodule that defines it (imported on first use: `threads --help` reads only models)
_PUBLIC = {
    "extract_items": ".items",
    **dict.fromkeys(("RULES", "Linked", "Rules", "actor_of", "link_items"), ".link"),
    **dict.fromkeys(("KINDS", "ROLES", "STATUSES", "Decision", "Item", "SessionItems", "Thread"), ".models"),
    **dict.fromkeys(
        ("ThreadFilters", "place_items", "refresh_thread_items", "select_threads", "store_items", "store_threads"),
        ".service",
    ),
    **dict.fromkeys(("LexicalScorer", "SemanticScorer", "make_scorer"), ".similarity"),
}

if TYPE_CHECKING:
    from .items import extract_items
    from .link import RULES, Linked, Rules, actor_of, link_items
    from .models import KINDS, ROLES, STATUSES, Decision, Item, SessionItems, Thread
    from .service import ThreadFilters, place_items, refresh_thread_items, select_threads, store_items, store_threads
    from .similarity import LexicalScorer, SemanticScorer, make_scorer

__all__ = [
    "KINDS",
    "ROLES",
    "RULES",
    "STATUSES",
    "Decision",
    "Item",
    "LexicalScorer",
    "Linked",
    "Rules",
    "SemanticScorer",
    "SessionItems",
    "Thread",
    "ThreadFilters",
    "actor_of",
    "extract_items",
    "link_items",
    "make_scorer",
    "place_items",
    "refresh_thread_items",
    "select_threads",
    "store_items",
    "store_threads",
]

__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())
