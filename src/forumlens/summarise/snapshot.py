"""Coalition snapshots: what a coalition said, produced and asked for, with whom, where.

A coordinator wants their coalition's record in one place; a UN officer wants to know
what it can offer. We gather, across sessions, the turns of the people who spoke for
the coalition (from the cast when resolved, else from hand-offs and introductions) and
the sentences that name it, then pick from them with the same ranker as reports:
"said" is the central points, "produced" sentences that report an output, "asked" the
asks (each a whole sentence, or a clause that ends where its sentence ends:
`cuts_sentence`), "partners" the other bodies named alongside a cooperation cue. Speakers
are the people analysis's (`attribution`): label variants are one person, and a turn whose
caption label was flagged counts for the likely speaker, its bullet marked as inferred.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from ..analyse.models import Ask
from ..coalition_owned import member_keys, owns, owns_document
from ..models import Session
from ..transcript.speakers import name_key
from .actions import cite_quote, infer_asks
from .attribution import Credits, credit_bullets, credit_table
from .context import acronym_of, build_context, mentions_in
from .models import Appearance, Bullet, CoalitionBrief
from .rank import Scored, mmr_select, rankable
from .rewrite import dangling_object
from .roles import is_decision
from .topic import CoalitionMatch, Source, coalition_matcher, normalise_sources, within_years, year_of
from .units import Unit
from .wording import Wording, distinct

__all__ = ["brief_coalition"]

_OUTPUT = re.compile(
    r"\b(report|paper|statement|glossary|recommendations?|toolkit|checklist|study|studies|survey|"
    r"publication|charter|guide|guidelines|principles|best practices?|declaration|framework|"
    r"indicators|webinars?|database|draft|curriculum|policy brief)\b",
    re.IGNORECASE,
)
_MADE = re.compile(
    r"\b(publish\w*|releas\w*|launch\w*|produc\w*|develop\w*|draft\w*|adopt\w*|prepar\w*|"
    r"wrote|written|issued|agreed|ran|organi[sz]\w*|facilitat\w*|our)\b",
    re.IGNORECASE,
)
_TOGETHER = re.compile(
    r"\b(with|together|partner\w*|collaborat\w*|cooperat\w*|joined|jointly|alongside|work(ed|ing)? on)\b", re.IGNORECASE
)
# A sentence that also asks for something ("we will publish it, but we need funding") stays an ask.
_ASKING = re.compile(
    r"\b(?:need|needs|ask|asking|call on|urge|should|must|want|would (?:like|welcome))\b", re.IGNORECASE
)
_ASKS_OTHERS = re.compile(rf"\b(?:recommend\w*|urges?)\b|{_ASKING.pattern}", re.IGNORECASE)
_GENERIC = frozenset({"igf-dcs", "igf"})  # the modality and the forum itself are not partners


def brief_coalition(
    name: str,
    sources: Iterable[Source],
    *,
    since: int | str | _dt.date | None = None,
    until: int | str | _dt.date | None = None,
    max_points: int = 5,
) -> CoalitionBrief:
    """A cited snapshot of one coalition across the given sessions (and their analyses).

    `since`/`until` keep the sessions of those years (a session without a year is left out when a bound is given).
    """
    display, matches = coalition_matcher(name)
    lo, hi = year_of(since), year_of(until)
    sources = list(sources)
    table = credit_table(sources)  # whom each line is credited to: never a flagged caption label
    metas = {x[0].id: x[1].get("document") for x in sources if isinstance(x, tuple) and isinstance(x[1], Mapping)}
    acronym = next((acronym_of(m) for m in mentions_in(display) if m.kind == "dc"), None)
    said_pool: list[Scored] = []
    naming: list[Scored] = []
    asks: list[tuple[Scored, Bullet]] = []
    promises: list[Scored] = []  # commitments the analysis (or `is_decision`) found in its speakers' asks
    appearances: list[Appearance] = []
    wordings: dict[str, Wording] = {}
    for session, findings in within_years(normalise_sources(sources), lo, hi):
        ctx = build_context(session, findings)
        credits = table[session.id]
        wording = wordings[session.id] = Wording.of(ctx, credits)
        # who spoke for it, by the people analysis's names (label variants are one person)
        own = {credits.canonical(who) for who, c in ctx.speaks_for.items() if matches(c)}
        # its own document (the coalition is its author): every paragraph and every ask is the coalition's
        authored = _authored(session, metas.get(session.id), credits, matches)
        if authored and credits.author:
            own.add(credits.author)
        # the coalition page's rule (`coalition_owned.owns`): credited to it, or said by one of its people
        members = member_keys(findings.people, matches) | {name_key(who) for who in own}
        credited = [a for a in findings.asks or () if authored or owns(a, matches, members)]
        if not own and not credited and not any(_names(u, matches) for u in ctx.units if rankable(u)):
            # neither spoke for nor named here: nothing to rank, at most an appearance
            if any(matches(c.name) and c.lines for c in ctx.coalitions):
                appearances.append(Appearance(session.id, session.title, session.year, "presented", (), ()))
            continue
        scored = wording.keep(ctx.ranking().scored())  # only sentences that read as points (`rewrite`)
        by_unit = {id(s.unit): s for s in scored}
        mine = [s for s in scored if credits.who(s.unit) in own]
        named = [s for s in scored if credits.who(s.unit) not in own and _names(s.unit, matches)]
        said_pool += mine
        naming += named
        presented = bool(own) or any(matches(c.name) and c.lines for c in ctx.coalitions)
        lines = sorted(
            {u.line for u in ctx.units if credits.who(u) in own and u.sent_index == 0} or {s.unit.line for s in named}
        )
        if presented or named:
            # the session's own verdict on the coalition: invited but absent is not a mention
            stated = {c.status for c in findings.coalitions or () if matches(c.name)}
            appearances.append(
                Appearance(
                    session.id,
                    session.title,
                    session.year,
                    "presented" if presented else "invited-absent" if "invited-absent" in stated else "mentioned",
                    tuple(lines),
                    tuple(sorted(own - {credits.author})),  # its own document: no one "presented" it
                )
            )
        raw_asks = (
            credited if findings.asks is not None else infer_asks([u for u in ctx.units if credits.who(u) in own])
        )
        for ask in raw_asks:
            cite = cite_quote(session, ask.line, ask.quote, with_session=True)
            unit = next((u for u in ctx.units if cite and cite.line == u.line and cite.quote in u.text), None)
            if cite and unit is not None and id(unit) in by_unit:
                item = by_unit[id(unit)]
                if promised(ask):  # the coalition's own promise: what it will produce, not what it asks
                    promises.append(item)
                    continue
                if dangling_object(unit.text):
                    continue  # "We will translate it.": what "it" is was said in another sentence
                # a clause cut mid-sentence, or one whose "it" its earlier clause names: show the sentence
                whole = cuts_sentence(cite.quote, unit.text) or dangling_object(cite.quote)
                bullet = wording.bullet(item, ask.category, cite=None if whole else cite, with_session=True)
                if bullet is not None:
                    asks.append((item, replace(bullet, score=0.0)))
    # an ask that names an output ("We recommend that every government adopts the guide") asks
    # others to act on it: an output only when the sentence reports one before it asks
    asking = {id(item.unit) for item, _ in asks}
    produced_pool = [s for s in said_pool + naming if (reports_output if id(s.unit) in asking else _made)(s.unit.text)]
    produced = mmr_select(produced_pool, max_points, lam=0.8, per_speaker=3, max_sim=0.5)
    # then its promises (outputs to come), best first, in the room the outputs left
    for item in sorted({id(s.unit): s for s in promises}.values(), key=lambda s: -s.score):
        if len(produced) < max_points and all(p.unit is not item.unit for p in produced):
            produced.append(item)
    asks.sort(key=lambda p: -p[0].score)
    asked: list[Bullet] = []
    asked_units: set[int] = set()
    for item, bullet in asks:
        if len(asked) < max_points and all(b.text != bullet.text for b in asked):
            asked.append(bullet)
            asked_units.add(id(item.unit))
    # what it said: its central points that no other section shows already (each point once)
    shown = asked_units | {id(s.unit) for s in produced}
    said = mmr_select(
        [s for s in said_pool if id(s.unit) not in shown], max_points, lam=0.75, per_speaker=2, max_sim=0.45
    )

    def order(items: list[Scored]) -> list[Scored]:
        return sorted(items, key=lambda s: (s.unit.session, s.unit.position))

    def _bullet(item: Scored, kind: str = "") -> Bullet | None:
        return wordings[item.unit.session].bullet(item, kind, with_session=True)

    def bullets(items: Iterable[Scored]) -> list[Bullet]:
        return distinct(b for s in items if (b := _bullet(s)) is not None)

    return CoalitionBrief(
        name=display,
        acronym=acronym,
        said=credit_bullets(bullets(order(said)), table),
        produced=credit_bullets(bullets(order(produced)), table),
        asked=credit_bullets(asked, table),
        partners=credit_bullets(_partners(said_pool + naming, matches, max_points * 2, wordings), table),
        appearances=tuple(appearances),
        filters={k: v for k, v in {"since": lo, "until": hi}.items() if v is not None},
    )


_END = " \t.!?;:…"


def cuts_sentence(quote: str, sentence: str) -> bool:
    """Whether an ask's quote is a clause that stops before its sentence does.

    The analyse stage quotes the asking clause ("there is a need to ensure that anyone who
    wants to take part can"), cutting off what the sentence goes on to say (", but we cannot
    expect everyone to ..."): shown alone it ends mid-thought. A snapshot line is a whole
    sentence, or a clause that ends where its sentence ends ("..., and we ask regulators
    to ..."), which reads alone.
    """
    q, s = " ".join(quote.split()).rstrip(_END), " ".join(sentence.split()).rstrip(_END)
    return q != s and q in s and not s.endswith(q)


def _made(text: str) -> bool:
    return bool(_OUTPUT.search(text) and _MADE.search(text))


def reports_output(sentence: str) -> bool:
    """Whether an asking sentence reports an output before it asks ("This year we published a
    checklist, and we ask regulators to use it"), rather than only asking others to adopt or
    fund one ("We recommend that every government adopts the guide": an ask, not an output)."""
    return _made(_ASKS_OTHERS.split(sentence, maxsplit=1)[0])


def promised(ask: Ask) -> bool:
    """Whether an ask of the coalition's speakers is its own commitment ("we will publish a
    guide"): typed so by the analysis, or, for an ask inferred from the text, a sentence that
    records its body deciding or committing (`roles.is_decision`) and asks nothing of anyone
    (`_ASKING`). A commitment belongs under what the coalition produced or promised."""
    if ask.type == "commitment":
        return True
    return ask.type == "ask" and is_decision(ask.quote) and not _ASKING.search(ask.quote)


def _authored(session: Session, meta: Any, credits: Credits, matches: CoalitionMatch) -> bool:
    """Whether the session is the coalition's own document, by the coalition page's rule
    (`coalition_owned.owns_document`) over its stored metadata; a session given without
    metadata is a document when it is made of paragraphs (`Credits.author` is set)."""
    if isinstance(meta, Mapping) and meta:
        return owns_document(str(meta.get("kind") or "transcript"), session.title, meta, matches)
    return owns_document("document" if credits.author else "transcript", session.title, None, matches)


def _names(unit: Unit, matches: CoalitionMatch) -> bool:
    return any(m.kind == "dc" and matches(m.name) for m in mentions_in(unit.text))


def _partners(pool: list[Scored], matches: CoalitionMatch, limit: int, wordings: dict[str, Wording]) -> list[Bullet]:
    """Other bodies named with a cooperation cue, one best-scored sentence per partner."""
    best: dict[str, Scored] = {}
    for s in pool:
        if not _TOGETHER.search(s.unit.text):
            continue
        for m in mentions_in(s.unit.text):
            if m.kind == "stakeholder-group" or m.entity_id in _GENERIC or matches(m.name):
                continue
            if m.name not in best or s.score > best[m.name].score:
                best[m.name] = s
    ranked = sorted(best.items(), key=lambda kv: -kv[1].score)[:limit]
    return [b for partner, s in ranked if (b := wordings[s.unit.session].bullet(s, partner, with_session=True))]
