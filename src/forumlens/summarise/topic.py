"""Topic briefs: at most ten cited talking points on a topic, across many sessions.

What a policy officer asked for in the shared transcript: "talking points", "one page,
two pages", "in a thematic manner". We retrieve sentences relevant to the topic (IDF-
weighted query coverage of the sentence, helped by its turn for pronoun-heavy speech),
keep only those that speak of the topic as one idea when its words are said together
in the record (`on_topic`: "capacity building", not "every building gets a code"),
and that are about it rather than saying one of its words (`aboutness`: not only in a
coalition's name, within one clause, a qualified topic with its qualifier or a taxonomy
neighbour: "free access to the education version" is not meaningful access),
weight them by how central they were in their own session, select with MMR so speakers,
coalitions and sessions are diverse (at most `PER_SESSION` points from one session when
several speak of the topic), and group the points into themes named by meaning
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
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..analyse.models import Question
from ..models import Session
from ..transcript.speakers import name_key
from .aboutness import narrowed, one_clause, outside_names, says_sibling, sibling_phrases
from .attribution import credit_bullets, credit_table
from .compress import compress
from .context import SummaryContext, acronym_of, build_context, findings_of, mentions_in
from .models import Findings, Theme, TopicBrief
from .rank import Scored, mmr_select, rank_units, rankable
from .themes import COMMON_SHARE, GENERIC_SHARE, OTHER, label_themes, phrase_counts
from .units import Unit, terms
from .vocabulary import RELATED_WEIGHT, TopicTerm, topic_vocabulary
from .vocabulary import same_word as _matches
from .wording import Wording, distinct, named_section

__all__ = [
    "PER_SESSION",
    "CoalitionMatch",
    "Source",
    "brief_topic",
    "coalition_matcher",
    "group_themes",
    "normalise_sources",
    "on_topic",
    "per_session_cap",
    "topic_parts",
    "topic_turns",
    "year_of",
]

Source = Session | tuple[Session, Findings | Mapping[str, Any] | None]
CoalitionMatch = Callable[[str | None], bool]


# A brief on a topic reports the positions across sessions: one long session on the topic
# (the 2021 main session named the Global Digital Compact in nine sentences) would
# otherwise give seven of nine points and crowd out the other sessions on it.
PER_SESSION = 3


def per_session_cap(picks: Sequence[Scored], k: int, cap: int) -> list[Scored]:
    """The first `k` of `picks` (in selection order) with at most `cap` from one session.

    When few sessions speak of the topic the cap grows to their even share of `k`
    (two sessions: five each), so a brief is not cut to six points because the store
    holds one workshop on it; one session alone is not capped.
    """
    sessions = len({s.unit.session for s in picks})
    if sessions < 2:
        return list(picks[:k])
    cap = max(cap, math.ceil(k / sessions))
    seen: Counter[str] = Counter()
    out: list[Scored] = []
    for s in picks:
        if len(out) == k:
            break
        if seen[s.unit.session] < cap:
            seen[s.unit.session] += 1
            out.append(s)
    return out


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


def _said(query: Sequence[TopicTerm], unit_terms: Iterable[str]) -> tuple[set[int], set[int]]:
    """Which of the topic's words (indices) the terms say in the topic's own words, and
    which only in a related word of the same concept (`vocabulary`)."""
    have = set(unit_terms)
    own = {i for i, q in enumerate(query) if any(_matches(q.stem, h) for h in have)}
    related = {i for i, q in enumerate(query) if i not in own and any(q.related_to(h) for h in have)}
    return own, related


def _says_phrase(query: Sequence[TopicTerm], sequence: Sequence[str]) -> bool:
    """Whether the terms, in order, hold the topic's words side by side ("capacity building")."""
    k = len(query)
    return any(
        all(_matches(q.stem, sequence[i + j]) for j, q in enumerate(query)) for i in range(len(sequence) - k + 1)
    )


SAID, ANSWER = "said", "answer"
# Adjectives by their ending ("meaningful", "sustainable", "inclusive", "dangerous",
# "wireless"): they qualify a topic's nouns and are seldom said with them ("meaningful
# access" is asked about; the answers speak of access). "-al" is left out: "digital",
# "financial" name the idea as much as their noun does.
_MODIFIER = re.compile(r"(?:ful|able|ible|ive|ous|less)$")
# "funding and financial support", "privacy or surveillance": two topics, either will do.
_JOIN = re.compile(r"\s*(?:,|;|&|\band\b|\bor\b)\s*", re.IGNORECASE)


def topic_parts(topic: str) -> list[list[TopicTerm]]:
    """The topics a typed topic joins with "and", "or" or commas, each as its vocabulary."""
    parts = [v for part in _JOIN.split(topic) if (v := topic_vocabulary(part))]
    return parts or [topic_vocabulary(topic)]


def on_topic(
    query: Sequence[TopicTerm],
    sentence: Sequence[str],
    idf: Mapping[str, float],
    *,
    topic_turn: str | None = None,
) -> bool:
    """Whether a sentence speaks of the topic: of a topic of several words, not of one of its words.

    A topic of several words names one idea ("capacity building", "community networks",
    "child online safety"); one of its words alone is another idea ("every building gets
    a code", "the CERT networks", "child labour", "illegal access"), and an IDF-weighted
    coverage let one rare word carry a sentence. So the sentence says the topic's most
    specific word (its highest IDF: "compact", "child") in its own word ("students ... online"
    is not "children online", "schools build the learning" not "capacity building"); it
    says both words of a two-word topic, the other one possibly in a related word
    (`vocabulary`: "connected" for "online"); of a
    longer topic, all words but one in the topic's own words ("the Compact"), or every
    word, some in related words ("children ... protected online"): two broad concepts
    said in passing — a child, being safe — say almost anything. Or the sentence says one
    topic word in a turn on the topic (`topic_turn`, from `topic_turns`): in an "answer"
    to a question on it, any topic word ("public access in libraries" answering one on
    meaningful access); where the speaker "said" the topic, its most specific word
    ("capacity", not "building": "countries are not building frontier AI models" is
    another idea). A word that only qualifies the others ("meaningful", "sustainable",
    `_MODIFIER`) is seldom said: the sentence need not say it (it still weighs in the
    coverage that ranks). A topic of one word, after them, is said in its own word, or
    by two words of its concept ("captioning, sign language" for accessibility), or in
    a turn on it: one related word alone is too often a pun ("signs a contract").
    """
    query = [q for q in query if not _MODIFIER.search(q.stem)] or list(query)
    k = len(query)
    own, related = _said(query, sentence)
    if k < 2:  # one word: said, or its concept said twice, or a turn on it carries it
        twice = sum(1 for h in set(sentence) if query[0].related_to(h)) >= 2
        return bool(own) or twice or topic_turn is not None
    key = max(range(k), key=lambda i: idf.get(query[i].stem, 0.0))
    if (topic_turn == ANSWER and own) or (topic_turn == SAID and key in own):
        return True
    if key not in own:  # its most specific word in another word ("students" for "children") is another idea
        return False
    if k == 2:
        return len(own) + min(len(related), 1) == 2
    return len(own) >= k - 1 or len(own) + len(related) == k


def topic_turns(
    query: Sequence[TopicTerm], units: Sequence[Unit], questions: Iterable[Question] = ()
) -> dict[int, str]:
    """The turns on a topic: those that `SAID` it as typed, its words side by side
    ("capacity building"), and those that `ANSWER` a question that does (the analyse
    stage's `answer_lines`: an answer rarely repeats the words it was asked in)."""
    sentences: dict[tuple[int, int], Unit] = {}
    for u in units:
        sentences.setdefault((u.turn, u.sent_index), u)
    words: dict[int, list[str]] = {}
    for _key, u in sorted(sentences.items(), key=lambda kv: kv[0]):
        words.setdefault(u.turn, []).extend(u.terms)
    found = {t: SAID for t, seq in words.items() if _says_phrase(query, seq)}
    by_line = sorted(sentences.values(), key=lambda u: u.line)
    for q in questions:
        if not _says_phrase(query, terms(q.text)):
            continue
        for line in q.answer_lines:  # the first line of an answer turn
            turn = next((u.turn for u in by_line if u.line >= line), None)
            if turn is not None:
                found.setdefault(turn, ANSWER)
    return found


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
    per_session: int = PER_SESSION,
) -> TopicBrief:
    """A topic brief from stored sessions: ≤ `max_points` cited talking points by theme.

    Sessions without a year are left out when `since`/`until` is given (their date is
    unknown). `coalition` keeps points by speakers who spoke for it, or that name it.
    At most `per_session` points come from one session when several speak of the topic.
    """
    lo, hi = year_of(since), year_of(until)
    query = topic_vocabulary(topic)
    parts = topic_parts(topic)
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
    turns_of = [
        [topic_turns(part, ctx.units, a.questions or ()) for part in parts] for ctx, (_s, a) in zip(contexts, pairs)
    ]
    # a topic is one idea (a compound) when the record says its words side by side; else
    # its words are a list ("environment energy") and the coverage rule alone decides.
    # Only when every part is one does a sentence have to speak of one of them (`on_topic`).
    compounds = [part for i, part in enumerate(parts) if any(SAID in t[i].values() for t in turns_of)]
    gates = compounds if len(compounds) == len(parts) else []
    subject = {t for t, c in df.items() if c >= GENERIC_SHARE * n}
    # a topic the record never says in its words ("rural connectivity" where sessions speak of
    # "community networks in villages") is found by the other phrases of the taxonomy entry it
    # is a phrase of (`aboutness.sibling_phrases`); a topic the record says keeps its own evidence
    siblings = sibling_phrases(topic) if not compounds and len(parts) == 1 else ()
    # such a phrase is still one idea: a sentence says each of its words, in its own or a related
    # word ("the connection from our village"), or a sibling phrase; one word alone is not it
    whole = parts[0] if siblings and len(parts[0]) > 1 else None

    def sibling(u: Unit) -> bool:
        """A sentence that says another phrase of the topic's taxonomy entry ("community networks"
        for "rural connectivity") and anchors it with a topic word or a related one ("villages"):
        on the topic in the record's words (`aboutness.sibling_phrases`)."""
        text = outside_names(u.text)
        if says_sibling(text, siblings) is None:
            return False
        own, related = _said(query, u.terms)
        return bool(own or related)

    def _about(u: Unit, gates: list[list[TopicTerm]], turn: str | None) -> bool:
        """A sentence the gates let through is about the topic (`aboutness`): not only in a
        coalition's name, said within one clause, and a qualified topic said with its
        qualifier or a taxonomy neighbour, unless its turn is on the topic."""
        text = outside_names(u.text)
        said = u.terms if text == u.text else tuple(terms(text))
        for part in gates:
            if not _coverage(part, said, idf) or not on_topic(part, said, idf, topic_turn=turn):
                continue  # said only in a coalition's name, or not at all
            if turn is not None:
                return True
            core = [q for q in part if not _MODIFIER.search(q.stem)] or part
            own, _related = _said(core, said)
            # the record's subject words ("IGF") need not share the clause: "the mandate" is the IGF's
            specific = [q.stem for q in core if q.stem not in subject]
            if len(own) == len(core) and not one_clause(specific, text):
                continue
            if narrowed([q.stem for q in part if q not in core], topic, text, said):
                return True
        return False

    for ctx, (session, findings), by_part in zip(contexts, pairs, turns_of):
        tag_labels.update(_tag_lines(session, findings))
        turn_terms: dict[int, set[str]] = {}
        for u in ctx.units:
            turn_terms.setdefault(u.turn, set()).update(u.terms)
        on_turns: dict[int, str] = {}
        for turns in by_part:
            for turn, how in turns.items():
                on_turns[turn] = SAID if SAID in (how, on_turns.get(turn)) else how
        # never a question (a moderator's least of all), vocative, procedure or fragment (`rewrite`)
        wording = wordings[session.id]
        keep = {id(u) for u in ctx.units if _keep(u, ctx, wanted) and wording.accept(u)}

        def relevance(
            u: Unit, turn_terms: dict[int, set[str]] = turn_terms, on_turns: dict[int, str] = on_turns
        ) -> float:
            # a sibling phrase of the topic's taxonomy entry counts as a related word would
            floor = RELATED_WEIGHT if siblings and sibling(u) else 0.0
            if whole is not None and not floor and len(set().union(*_said(whole, u.terms))) < len(whole):
                return 0.0
            if gates and not any(on_topic(part, u.terms, idf, topic_turn=on_turns.get(u.turn)) for part in gates):
                return floor
            own = _coverage(query, u.terms, idf)
            around = _coverage(query, turn_terms[u.turn], idf)
            if (own >= 0.4 or (own > 0 and around >= 0.6)) and (not gates or _about(u, gates, on_turns.get(u.turn))):
                return max(own + 0.3 * around, floor)
            return floor

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
    picks = mmr_select(
        pool,
        max_points * 3,  # in MMR's order; `per_session` then keeps the first of each session
        lam=0.7,
        per_speaker=per_speaker,
        max_sim=0.5,
        segment_of=lambda u: session_index.get(u.session, -1),
    )
    chosen = per_session_cap(picks, max_points, per_session)
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
        generic=subject,
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
    """Words of speakers' names and labels: never part of a theme's name ("Jason's department").

    Only the name: a label's bracketed affiliation ("Faisal Al-Qahtani (Arabic Language Data
    Alliance)") names an organisation, whose words ("data") a theme may well share.
    """
    return {w for name in names for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\([^)]*\)?", " ", name))}


def _keep(unit: Unit, ctx: SummaryContext, wanted: tuple[str, CoalitionMatch] | None) -> bool:
    if wanted is None:
        return True
    _display, matches = wanted
    return bool(
        matches(ctx.speaks_for.get(unit.who))
        or matches(unit.text)
        or any(matches(m.name) for m in mentions_in(unit.text) if m.kind == "dc")
    )
