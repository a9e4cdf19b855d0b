"""Topic briefs: at most ten cited talking points on a topic, across many sessions.

What a policy officer asked for in the shared transcript: "talking points", "one page,
two pages", "in a thematic manner". We retrieve sentences relevant to the topic (IDF-
weighted query coverage of the sentence, helped by its turn for pronoun-heavy speech),
weight them by how central they were in their own session, select with MMR so speakers,
coalitions and sessions are diverse, and group the points into themes named by meaning
(`themes.py`: a taxonomy label or ask category their words support, or a key phrase of
two content words they share; never a lone word, never a label the points do not bear).
Points are credited as the resolve stage credits their lines (`attribution.py`).
The function is pure: the CLI loads sessions and their stored analyses and passes them
(as `Findings`, or in the `report --json` shape).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..models import Session
from ..transcript.speakers import name_key
from .attribution import credit_bullets, credit_table
from .compress import compress
from .context import SummaryContext, acronym_of, build_context, findings_of, mentions_in
from .models import Findings, Theme, TopicBrief
from .rank import Scored, mmr_select, rank_units, rankable
from .themes import COMMON_SHARE, GENERIC_SHARE, OTHER, label_themes, phrase_counts
from .units import Unit
from .vocabulary import RELATED_WEIGHT, TopicTerm, topic_vocabulary
from .wording import Wording, distinct, named_section

__all__ = [
    "CoalitionMatch",
    "Source",
    "brief_topic",
    "coalition_matcher",
    "group_themes",
    "normalise_sources",
    "year_of",
]

Source = Session | tuple[Session, Findings | Mapping[str, Any] | None]
CoalitionMatch = Callable[[str | None], bool]


def normalise_sources(sources: Iterable[Source]) -> list[tuple[Session, Findings]]:
    """Sessions with what was found in them (empty `Findings` when nothing was stored)."""
    out: list[tuple[Session, Findings]] = []
    for item in sources:
        if isinstance(item, Session):
            out.append((item, Findings()))
        else:
            session, analysis = item
            out.append((session, findings_of(analysis)))
    return out


def year_of(value: int | str | _dt.date | None) -> int | None:
    """A filter bound as a year: 2021, "2021", "2021-06-30" or a date."""
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, _dt.date):
        return value.year
    match = re.match(r"\s*(\d{4})", str(value))
    if not match:
        raise ValueError(f"not a year or date: {value!r}")
    return int(match.group(1))


def within_years(
    pairs: Iterable[tuple[Session, Findings]], lo: int | None, hi: int | None
) -> list[tuple[Session, Findings]]:
    """The sessions inside [lo, hi]; a session without a year is outside any bound (its date is unknown)."""
    return [
        (s, a)
        for s, a in pairs
        if (lo is None or (s.year is not None and s.year >= lo))
        and (hi is None or (s.year is not None and s.year <= hi))
    ]


def coalition_matcher(name: str) -> tuple[str, CoalitionMatch]:
    """(display name, predicate over coalition names) for a name, acronym or phrase as typed."""
    found = [m for m in mentions_in(name) if m.kind == "dc"]
    if not found:  # a bare topic as typed: "Platform Responsibility"
        found = [m for m in mentions_in(f"Dynamic Coalition on {name.strip()}") if m.kind == "dc"]
    display = found[0].name if found else name.strip()
    phrase = " ".join(name.lower().split())
    keys = {name_key(display), name_key(name)}
    acronym = acronym_of(found[0]) if found else None
    if acronym:
        keys.add(name_key(acronym))

    def matches(other: str | None) -> bool:
        if not other:
            return False
        if name_key(other) in keys or (len(phrase) > 6 and phrase in " ".join(other.lower().split())):
            return True
        return any(m.kind == "dc" and name_key(m.name) in keys for m in mentions_in(other))

    return display, matches


def _matches(query_term: str, unit_term: str) -> bool:
    """Stems agree, or share a 6-letter prefix ("financ" ~ "financial", "express" ~ "expression")."""
    if query_term == unit_term:
        return True
    n = 6 if len(query_term) <= 7 else 7
    return len(query_term) >= 5 and unit_term[:n] == query_term[:n]


def _coverage(query: list[TopicTerm], unit_terms: Iterable[str], idf: Mapping[str, float]) -> float:
    """IDF-weighted share of the query's words present (0..1).

    A word said in another word of its concept ("financing" for "funding") counts
    `RELATED_WEIGHT` of its weight (`vocabulary.py`).
    """
    total = sum(idf.get(q.stem, 1.0) for q in query) or 1.0
    have = set(unit_terms)
    got = 0.0
    for q in query:
        if any(_matches(q.stem, h) for h in have):
            got += idf.get(q.stem, 1.0)
        elif any(q.related_to(h) for h in have):
            got += RELATED_WEIGHT * idf.get(q.stem, 1.0)
    return got / total


def group_themes(
    chosen: list[Scored],
    topic: str,
    *,
    texts: list[str] | None = None,
    years: list[int | None] | None = None,
    tags: Mapping[tuple[str, int], str] | None = None,
    idf: Mapping[str, float] | None = None,
    generic: Iterable[str] = (),
    common: Iterable[str] = (),
    avoid: Iterable[str] = (),
    recurring: Mapping[tuple[str, ...], int] | None = None,
) -> list[tuple[str, list[Scored]]]:
    """Themes for selected points, each named by what its points say (`themes.label_themes`).

    `texts` are the bullets as shown (the labels are checked against them); the tag
    stage's labels of the points' lines (`tags`) only break ties, since a session tag
    is about a passage, not about the sentence that became the point.
    """
    shown = texts if texts is not None else [compress(s.unit.text) for s in chosen]
    preferred = {lab for s in chosen if (lab := (tags or {}).get((s.unit.session, s.unit.line)))}
    groups = label_themes(
        shown,
        topic,
        years=years,
        idf=idf,
        generic=generic,
        common=common,
        avoid=avoid,
        preferred=preferred,
        recurring=recurring,
    )
    return [(label, [chosen[i] for i in members]) for label, members in groups]


def _tag_lines(session: Session, findings: Findings) -> dict[tuple[str, int], str]:
    best: dict[tuple[str, int], tuple[float, str]] = {}
    for tag in findings.tags:
        label, score = tag.label or tag.code or "", tag.score
        for line in tag.lines:
            key = (session.id, line)
            if label and score > best.get(key, (-1.0, ""))[0]:
                best[key] = (score, label)
    return {k: v[1] for k, v in best.items()}


def brief_topic(
    topic: str,
    sources: Iterable[Source],
    *,
    since: int | str | _dt.date | None = None,
    until: int | str | _dt.date | None = None,
    coalition: str | None = None,
    max_points: int = 10,
    per_speaker: int = 2,
) -> TopicBrief:
    """A topic brief from stored sessions: ≤ `max_points` cited talking points by theme.

    Sessions without a year are left out when `since`/`until` is given (their date is
    unknown). `coalition` keeps points by speakers who spoke for it, or that name it.
    """
    lo, hi = year_of(since), year_of(until)
    query = topic_vocabulary(topic)
    filters = {k: v for k, v in {"since": lo, "until": hi, "coalition": coalition}.items() if v is not None}
    sources = list(sources)
    pairs = within_years(normalise_sources(sources), lo, hi)
    if not query or not pairs:
        return TopicBrief(topic, (), (), filters)
    wanted = coalition_matcher(coalition) if coalition else None
    contexts: list[SummaryContext] = [build_context(s, a) for s, a in pairs]
    df = Counter(t for ctx in contexts for u in ctx.units for t in set(u.terms))
    n = sum(len(ctx.units) for ctx in contexts) or 1
    idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    pool: list[Scored] = []
    tag_labels: dict[tuple[str, int], str] = {}
    credits = credit_table(sources)  # whom each line is credited to: never a flagged caption label
    wordings = {ctx.session.id: Wording.of(ctx, credits[ctx.session.id]) for ctx in contexts}
    for ctx, (session, findings) in zip(contexts, pairs):
        tag_labels.update(_tag_lines(session, findings))
        turn_terms: dict[int, set[str]] = {}
        for u in ctx.units:
            turn_terms.setdefault(u.turn, set()).update(u.terms)
        # never a question (a moderator's least of all), vocative, procedure or fragment (`rewrite`)
        wording = wordings[session.id]
        keep = {id(u) for u in ctx.units if _keep(u, ctx, wanted) and wording.accept(u)}

        def relevance(u: Unit, turn_terms: dict[int, set[str]] = turn_terms) -> float:
            own = _coverage(query, u.terms, idf)
            around = _coverage(query, turn_terms[u.turn], idf)
            if own >= 0.4 or (own > 0 and around >= 0.6):
                return own + 0.3 * around
            return 0.0

        rel_of = {id(u): r for u in ctx.units if id(u) in keep and rankable(u) and (r := relevance(u)) > 0}
        if not rel_of:  # nothing on the topic here: ranking the session could add nothing
            continue
        scored = rank_units(ctx.units, ctx.chairs, idf).scored()
        top = max((s.score for s in scored), default=1.0) or 1.0
        for s in scored:
            rel = rel_of.get(id(s.unit), 0.0)
            if rel > 0:
                pool.append(Scored(s.unit, rel * (0.5 + s.score / top), s.vec))
    session_index = {ctx.session.id: i for i, ctx in enumerate(contexts)}  # one "segment" per session
    chosen = mmr_select(
        pool,
        max_points,
        lam=0.7,
        per_speaker=per_speaker,
        max_sim=0.5,
        segment_of=lambda u: session_index.get(u.session, -1),
    )
    themes = []
    rendered = {id(s): b for s in chosen if (b := wordings[s.unit.session].bullet(s, with_session=True)) is not None}
    kept = {id(b) for b in distinct(rendered.values())}  # a context pair already says its first sentence
    chosen = [s for s in chosen if id(s) in rendered and id(rendered[id(s)]) in kept]
    year_of_session = {ctx.session.id: ctx.session.year for ctx in contexts}
    names = _name_words({n for ctx in contexts for u in ctx.units for n in (u.speaker, u.label) if n})
    grouped = group_themes(
        chosen,
        topic,
        texts=[rendered[id(s)].text for s in chosen],
        years=[year_of_session.get(s.unit.session) for s in chosen],
        tags=tag_labels,
        idf=idf,
        generic={t for t, c in df.items() if c >= GENERIC_SHARE * n},
        common={t for t, c in df.items() if c >= COMMON_SHARE * n},
        avoid=names,
        recurring=phrase_counts((s.unit.text for s in pool), names),  # key phrases recur on the topic
    )
    for title, items in sorted(grouped, key=lambda g: (g[0] == OTHER, -max(s.score for s in g[1]))):
        ordered = sorted(items, key=lambda s: -s.score)
        # one theme is one section: each body named in full once, then "the coalition"
        shown = named_section([(wordings[s.unit.session], s.unit, rendered[id(s)]) for s in ordered])
        bullets = credit_bullets(shown, credits)
        themes.append(Theme(title, bullets))
    used = tuple(sorted({s.unit.session for s in chosen}))
    return TopicBrief(topic, tuple(themes), used, filters)


def _name_words(names: Iterable[str]) -> set[str]:
    """Words of speakers' names and labels: never part of a theme's name ("Jason's department")."""
    return {w for name in names for w in re.findall(r"[A-Za-z]{3,}", name)}


def _keep(unit: Unit, ctx: SummaryContext, wanted: tuple[str, CoalitionMatch] | None) -> bool:
    if wanted is None:
        return True
    _display, matches = wanted
    return bool(
        matches(ctx.speaks_for.get(unit.who))
        or matches(unit.text)
        or any(matches(m.name) for m in mentions_in(unit.text) if m.kind == "dc")
    )
