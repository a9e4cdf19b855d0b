"""Roles of a thread's items, its status and its one-line summary. Pure.

Roles: the first item `raised`; a later need or question `repeated`; a promise made
again, work reported under way or an output told of again once delivered `update`; an
output shown done `delivered`; a slip or
drop `reported`; a same-session reply or a later response `answered`.

Category: an ask thread's is the `asks` analysis' category of its earliest need that analysis
found (`thread_category`), else the threads lexicon's.

Statuses (DESIGN.md):
- ask: `answered` when a response is in the thread, else `recurring` when raised in two
  or more sessions or documents, else `raised-once`;
- commitment: the latest of `delivered` / `reported` decides `fulfilled` /
  `unfulfilled`; with neither, `pending`;
- question: `answered-later` when an answer or response comes in a later session (whatever
  the asked session read as its answer: every question thread of the development gold that
  spans two sessions is `answered-later`), else `answered` when the session's `questions`
  analysis answered it there (an `answer` item: that analysis is the one source of a
  question's fate in one session), else `open`.
"""

from __future__ import annotations

from ..labels import key_words
from .models import Item, Thread

__all__ = ["finish_thread", "in_years", "role_of", "status_of", "status_within", "summary_of", "thread_category"]

_FOLLOW_ROLE = {"update": "update", "promise": "update", "delivery": "delivered", "slip": "reported"}


def role_of(item: Item, first: bool, delivered: bool = False) -> str:
    """The item's role; `delivered`: an earlier item of the thread delivered it already, so telling of
    the output again ("our study, released in 2023, …") is an `update`, not a second delivery."""
    if first:
        return "raised"
    if item.signal in ("answer", "response"):
        return "answered"
    if item.signal == "delivery" and delivered:
        return "update"
    if item.signal in _FOLLOW_ROLE:
        return _FOLLOW_ROLE[item.signal]
    return "repeated"


def status_of(kind: str, items: list[Item]) -> str:
    if kind == "ask":
        if any(i.signal == "response" for i in items):
            return "answered"
        sessions = {i.session for i in items if i.signal == "need"}
        return "recurring" if len(sessions) >= 2 else "raised-once"
    if kind == "commitment":
        outcomes = [i for i in items if i.signal in ("delivery", "slip")]
        if not outcomes:
            return "pending"
        last = max(outcomes, key=lambda i: (i.when, i.seq))
        return "fulfilled" if last.signal == "delivery" else "unfulfilled"
    asked = {i.session for i in items if i.signal == "question"}
    # a response in the session the question was asked in is not a same-session answer: the session's
    # `questions` analysis (whose answers are the `answer` items) alone says a question's fate in a session
    later = [i for i in items if i.signal in ("answer", "response") and i.session not in asked]
    if later:  # taken up in a later session: what its own session read as an answer did not settle it
        return "answered-later"
    if any(i.signal == "answer" and i.session in asked for i in items):
        return "answered"
    return "open"


def status_within(thread: Thread, since: int | None, until: int | None) -> str:
    """The thread's status judged only from its items dated within since..until (either may be None).

    Why: a brief limited to years cites only the items inside them, so a promise of 2024 delivered
    in 2025 is still `pending` in a brief up to 2024; judging it from the whole thread marked it
    fulfilled on evidence the brief neither covers nor cites. Without bounds: the thread's status.
    """
    if since is None and until is None:
        return thread.status
    inside = [i for i in thread.items if in_years(i.year, since, until)]
    return status_of(thread.kind, inside) if inside else thread.status


def in_years(year: int | None, since: int | None, until: int | None) -> bool:
    """Whether an item of `year` lies within since..until; an undated item lies within no span."""
    return year is not None and (since is None or year >= since) and (until is None or year <= until)


def _span(thread: Thread) -> str:
    first, last = thread.first_year, thread.last_year
    if first is None:
        return "year unknown"
    return str(first) if first == last else f"{first}–{last}"


def _clip(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def summary_of(thread: Thread, opener: Item | None = None) -> str:
    """One line: who, what, how often and its fate, with the first quote.

    `opener` is the item that opened the thread when the thread is seen through a span of years
    that leaves it out (`thread_window.windowed`): who asked or promised is still its speaker,
    not the speaker of the first item shown (with `--since`, a question's answer would otherwise
    read as the answerer asking it)."""
    from .render import speaker_label  # (render imports link, which imports this module)

    first = opener or thread.items[0]
    said = speaker_label(first.speaker) if first.speaker else None  # "a participant from the floor", not the label
    # no coalition, body or speaker: the session's own text (a document's, an unlabelled record's)
    who = thread.coalition or first.org or said or "the record itself"
    sessions = len({i.session for i in thread.items})
    if thread.kind == "ask":  # the category in words ("concise summaries"), not its key; "other" says nothing
        about = f" ({key_words(thread.category)})" if thread.category and thread.category != "other" else ""
        what = f"asked{about} in {sessions} session{'s' if sessions != 1 else ''}"
    elif thread.kind == "commitment":
        what = f"promised the {(first.head or first.family or 'deliverable').lower()}"
    else:
        body = thread.coalition or first.org
        who = f"{said} ({body})" if said and body else said or who
        what = "asked a question"
    return f"{who} {what}, {_span(thread)}: {thread.status}. “{_clip(thread.items[0].quote)}”"


def thread_category(thread: Thread) -> str:
    """The thread's category in the one taxonomy of asks: the category the `asks` analysis gave its earliest
    need that analysis found too (`Item.asked`: the same sentence gets the same category in the session
    report and in the thread), else the threads lexicon's reading of the item that opened it (a need no
    analysis ask covers, a question; a commitment has none: `other`)."""
    if thread.kind != "ask":
        return thread.category
    return next((item.asked for item in thread.items if item.signal == "need" and item.asked), thread.category)


def finish_thread(thread: Thread) -> Thread:
    """Set roles, status, category and summary of a thread from its items (in place; returns it)."""
    thread.entries.sort(key=lambda e: (e[0].when, e[0].seq))
    thread.category = thread_category(thread)
    entries, delivered = [], False
    for i, (item, _) in enumerate(thread.entries):
        entries.append((item, role_of(item, i == 0, delivered)))
        delivered = delivered or item.signal == "delivery"
    thread.entries[:] = entries
    thread.status = status_of(thread.kind, thread.items)
    thread.summary = summary_of(thread)
    return thread
