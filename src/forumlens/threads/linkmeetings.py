"""The meetings an item names ("as you asked in Riyadh", "last year") and the asks raised there.

Why a module of its own: a response or a repeated need that names a meeting is weighed
only against what was raised there (`meeting_year`, `_said_again_at`, `_made_at`); reading
the year a quote names is pure and is asked by the linker and the tests alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text.alternation import alternation
from .cues import retro_promise, venues_by_year
from .linkmodel import says_repeat
from .linkrecords import Scored
from .models import Item

_AT = r"\b(?:in|at|from|since|during|of)\s+(?:the\s+)?(?:igf\s+(?:in\s+)?)?"


@lru_cache(maxsize=1)
def _meetings() -> tuple[re.Pattern[str], dict[str, int]]:
    """A pattern for a named IGF meeting (host city of one year only, or a year) and city → year."""
    seen: dict[str, set[int]] = {}
    for year, names in venues_by_year().items():
        for name in names:
            seen.setdefault(name, set()).add(year)
    cities = {name: years.pop() for name, years in seen.items() if len(years) == 1}
    either = alternation(cities)
    return re.compile(_AT + rf"(?:(?P<city>{either})|(?P<year>(?:19|20)\d\d))\b", re.I), cities


_AGO = re.compile(r"\b(?:(?P<one>last year|a year ago)|(?P<two>two years ago))\b", re.I)


def _named(years: Sequence[int]) -> str:
    """The meetings a response names, as an explanation says them."""
    if len(years) == 1:
        return f"{years[0]}, the meeting it names"
    return f"{', '.join(map(str, years))}, the meetings it names"


def meeting_years(quote: str, year: int | None) -> list[int]:
    """Every IGF meeting a sentence names, in its order (`meeting_year` for each: "asked for this in Bali, in Geneva
    and in Addis" → 2013, 2017, 2022), without repeats; [] when it names none.

    Why: an ask said again year after year is answered naming all the meetings it was said at, and the one found
    first is not always one whose wording is on record."""
    pattern, cities = _meetings()
    out: list[int] = []
    for found in pattern.finditer(quote):
        named = cities[found.group("city").casefold()] if found.group("city") else int(found.group("year"))
        if (year is None or named <= year) and named not in out:
            out.append(named)
    if out:
        return out
    one = meeting_year(quote, year)
    return [one] if one is not None else []


def meeting_year(quote: str, year: int | None) -> int | None:
    """The year of the IGF meeting a sentence names ("as you asked in Riyadh" → 2024, "at the IGF
    2023", "last year" said in 2025 → 2024), or None."""
    pattern, cities = _meetings()
    found = pattern.search(quote)
    if found is not None:
        named = cities[found.group("city").casefold()] if found.group("city") else int(found.group("year"))
        return None if year is not None and named > year else named  # "… by 2026" is not a meeting held
    ago = _AGO.search(quote)
    if ago is not None and year is not None:
        return year - (1 if ago.group("one") else 2)
    return None


# the teller as the subject: "we", "our", "I", "my", "us"
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|i|my)\b", re.I)


def _said_again_at(item: Item, scored: list[Scored]) -> list[Scored]:
    """`scored` with the actor's ask raised at the meeting the need names allowed, when the need says it repeats
    ("We said it in Bali and we say it again: the hubs need someone to pay for a proper connection"): the one ask
    of the actor on record from that meeting, or, when it raised several there, the most alike (some word shared).

    Why: a coalition that says where it said it before points at its own earlier ask, whatever the words of each
    year ("a decent link on the days of the forum" in 2013, "a proper connection" for the hubs in 2015); the
    meeting and the repeat are evidence the words are not. Only when no thread is allowed already."""
    if any(ok for _, _, ok, _ in scored) or not says_repeat(item.quote):
        return scored
    years = meeting_years(item.quote, item.year)
    there = [n for n, (t, _, _, _) in enumerate(scored) if any(("need", y) in t.by_year for y in years)]
    if len(there) > 1:
        best = max(there, key=lambda n: scored[n][1])
        there = [best] if scored[best][1] > 0.0 else []
    if not there:
        return scored
    n = there[0]
    t, s, _, why = scored[n]
    out = list(scored)
    out[n] = (t, s, True, f"{why}; says it repeats what it asked at the meeting it names")
    return out


def _other_need_here(item: Item, row: Scored) -> Scored:
    """`row` refused when its thread already holds a need said beside the item (`_SIDE_BY_SIDE`) in its session on
    another line, unless the item says it repeats (`linkmodel.says_repeat`).

    Why: one speaker, one turn or one report section says two needs side by side ("accessible copies across
    borders" and "lending e-books"; "public money" and "backhaul at cost"), alike in words and often in category;
    a need is said again in another session or document, and in none of the annotated corpora is one need of a
    thread said twice in one session (0 of 160 gold pairs), while such neighbours were joined as hard negatives.
    Said again turns later ("one more word before we close?") it may well be the same need: not refused."""
    track, score, ok, why = row
    lines = track.need_lines.get(item.session)
    if not ok or not lines or item.line in lines or says_repeat(item.quote):
        return row  # "A sandbox … this is still what we need": said again on purpose, after its preface
    if all(abs(line - item.line) > _SIDE_BY_SIDE for line in lines):
        return row  # said again later in the session ("Amara, one more word before we close?")
    return track, score, False, why + "; another need said beside it in the same session already in it"


# how many lines apart two needs of one session are said side by side: the same paragraph, turn or report section
# (a caption keeps a blank line between paragraphs, so two paragraphs on)
_SIDE_BY_SIDE = 4


def _made_at(item: Item, scored: Sequence[Scored]) -> list[Scored]:
    """`scored` with the open promise the follow-up says was made at the meeting it names allowed ("… that I announced
    in Nairobi", "As the Secretariat promised in Sharm"): the best-scoring one first made in that meeting's year;
    empty when the follow-up names no promise or meeting, or no candidate was made there.

    Why: the deliverable's noun differs between a promise and its fate told years later ("a model consent form" →
    "the model consent form for apps", read as two families; "start a mentoring programme" → "the mentoring
    programme"), and the family rule then keeps them apart although the follow-up says which promise it is."""
    if item.year is None or retro_promise(item.quote) is None:
        return []
    year = meeting_year(item.quote, item.year)
    if year is None or year >= item.year:
        return []
    made = [row for row in scored if row[0].thread.entries[0][0].year == year]
    if not made:
        return []
    best = max(made, key=lambda row: row[1])[0]
    return [
        (t, s, t is best, f"{why}; names its promise at the meeting of {year}" if t is best else why)
        for t, s, _ok, why in scored
    ]
