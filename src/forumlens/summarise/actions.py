"""Calls to action and open questions, from the analyse stage's asks and questions.

The analyse stage (issue 4) finds asks with categories and questions with their fate;
when its output is there we use it and only choose, compress and cite. When it is not,
`infer_asks` and `infer_open_questions` give a conservative stand-in (directive
sentences; substantive questions no later speaker took up) so a report is never
missing its calls to action — the report's `notes` say which source was used.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import pairwise

from ..analyse.models import Ask, Question
from ..models import Citation, Session, Turn
from .procedural import is_procedural
from .questions import question_text
from .rank import DIRECTIVE, SUMMARY, Scored, cosine, is_directive, mmr_select, score_units, vectorise
from .roles import is_decision
from .units import Unit

__all__ = [
    "CALL_WEIGHTS",
    "DECISIONS_IN_CALLS",
    "SAME_CALL",
    "Action",
    "ask_category",
    "call_kind",
    "cite_quote",
    "infer_asks",
    "infer_open_questions",
    "question_bullets",
    "quote_offsets",
    "select_actions",
]

_DIRECTIVE = DIRECTIVE

_CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p, re.IGNORECASE))
    for name, p in (
        ("funding", r"\b(fund\w*|financ\w*|budget\w*|money|donor\w*|resourc\w*|pay|cost\w*|afford\w*)\b"),
        ("visibility", r"\b(visib\w*|recogni\w*|profile\w*|showcase\w*|official record|publici[sz]\w*)\b"),
        ("channels", r"\b(channel\w*|updates?|reach\w*|link\w*|connect\w*|communicat\w*|decision[- ]?mak\w*)\b"),
        ("capacity", r"\b(capacity|training|skills?|curricul\w*|scholarship\w*|mentor\w*|literacy|retention)\b"),
        ("participation", r"\b(youth|young|women|private sector|industry|engag\w*|involv\w*|inclu\w*|participat\w*)\b"),
        ("policy", r"\b(laws?|regulat\w*|enforc\w*|procure\w*|legislat\w*|strateg\w*|standards?|rules?|norms?)\b"),
        ("cooperation", r"\b(coordinat\w*|cooperat\w*|partner\w*|collaborat\w*|together)\b"),
    )
)


def ask_category(text: str) -> str:
    """The first matching category of an ask ("other" if none): a coarse, explainable label."""
    best, hits = "other", 0
    for name, pattern in _CATEGORIES:
        n = len(pattern.findall(text))
        if n > hits:
            best, hits = name, n
    return best


def infer_asks(units: Iterable[Unit], chairs: set[str] | frozenset[str] = frozenset()) -> list[Ask]:
    """Directive sentences as asks (category, by, line, quote), for when the analyse stage did not run.

    A chair's remarks are not asks ("a checklist is exactly what we need"), except in a
    wrap-up that restates what the room asked for.
    """
    out = []
    for u in units:
        text = u.text.strip()
        if u.who in chairs and not SUMMARY.search(text):
            continue
        if text.endswith("?") or is_procedural(text) or u.words < 7 or not is_directive(text):
            continue
        out.append(Ask(category=ask_category(text), type="ask", by=u.speaker or u.label, line=u.line, quote=text))
    return out


# What a call to action is, as a weight on its centrality (`select_actions`): the room's
# decision or next step, a call said as such or a commitment, an ask the analysis found
# whose words do not show it, and what is no call at all (a regret, a reported rule).
CALL_WEIGHTS = {"decision": 1.3, "call": 1.15, "commitment": 1.15, "other": 0.7, "no call": 0.0}
# A modal about the past is a regret, not a call: "it should have been longer".
_REGRET = re.compile(
    r"\b(?:should|must|could|would|might|ought to)(?: not|n't)? have (?:been|[a-z]+ed)\b", re.IGNORECASE
)
# Someone else's rule reported, not a call: "Many of the proposals say the user must show an ID".
_REPORTED = re.compile(
    r"\b(?:says?|said|requires?|required|states?|stated)\b(?: that)? (?:[\w‑-]+ ){1,4}(?:must|should)\b"
)


# At most this many of the room's decisions are guaranteed a place among the calls to action.
DECISIONS_IN_CALLS = 2
# A call this similar to one already chosen says the same thing: the calls' MMR cut-off, and
# what keeps a reserved decision from repeating a call ("we will publish it ... yes, we publish it").
SAME_CALL = 0.45
Action = tuple[Scored, Citation, str]  # a call to action: the ranked item, its citation, its category


def call_kind(quote: str, kind: str | None = None, room: bool = False) -> str:
    """What an ask is as a call to action (a key of `CALL_WEIGHTS`); `room`: a decision of the session.

    >>> call_kind("Governments should commit publicly not to shut down the Internet.")
    'call'
    >>> call_kind("On the consultation, I take the point, it should have been longer.", "recommendation")
    'no call'
    >>> call_kind("Many of the proposals say the user must show an identity document.", "recommendation")
    'no call'
    >>> call_kind("I would suggest the coalition recommends that the definition follows the data.", "recommendation")
    'other'
    """
    if room:
        return "decision"
    if _REGRET.search(quote) or _REPORTED.search(quote):
        return "no call"
    if is_directive(quote):
        return "call"
    if kind == "commitment" and is_decision(quote):
        return "commitment"
    return "other"


def _turn_at(session: Session, line: int) -> Turn | None:
    for turn in session.turns:
        if turn.kind == "speech" and turn.line <= line <= max(turn.line, turn.end_line):
            return turn
    return None


def quote_offsets(text: str, quote: str) -> list[int]:
    """Where `quote` starts in `text`, left to right and never overlapping: the offsets
    `re.finditer(re.escape(quote), text)` gives, without compiling (and caching) a pattern
    for every quote a report cites (issue 19). `quote` must not be empty."""
    offsets: list[int] = []
    at = text.find(quote)
    while at >= 0:
        offsets.append(at)
        at = text.find(quote, at + len(quote))
    return offsets


def cite_quote(session: Session, line: int, quote: str, with_session: bool = False) -> Citation | None:
    """A verified citation of `quote` near `line`, or None when it is not verbatim there.

    Analysed quotes may carry the wrong line or extra whitespace; we re-find the quote in
    the turn covering the line and cite the line where it actually starts.
    """
    turn = _turn_at(session, line)
    q = quote.strip()
    if turn is None or not q:
        return None
    offsets = quote_offsets(turn.text, q)
    if not offsets:
        return None
    at = min(offsets, key=lambda o: abs(turn.line_at(o) - line))
    return Citation(
        line=turn.line_at(at),
        quote=q,
        speaker=turn.speaker or turn.label,
        session=session.id if with_session else None,
    )


def _unit_for(
    units: Sequence[Unit], citation: Citation, lines: Sequence[int] | None = None, span: int = 0
) -> Unit | None:
    """The sentence a cited quote sits in (or the first sentence of a multi-sentence quote).

    With `lines` (the units' start lines, ascending) and `span` (the most lines a unit
    covers), only the units that can be near the citation are looked at, in order.
    """
    last = citation.line + citation.quote.count("\n")
    lo = bisect_left(lines, citation.line - span) if lines is not None else 0
    for u in units[lo:]:
        if lines is not None and u.line > last:
            break
        near = citation.line <= u.line <= last or u.line <= citation.line <= u.line + u.text.count("\n")
        if near and (citation.quote in u.text or u.text in citation.quote):
            return u
    return None


def _unit_lines(units: Sequence[Unit]) -> tuple[list[int] | None, int]:
    """What `_unit_for` searches by: the units' first lines when they are in line order (None:
    not in order, look at every unit) and the most lines one unit spans."""
    starts = [u.line for u in units]
    lines = None if any(a > b for a, b in pairwise(starts)) else starts
    return lines, max((u.text.count("\n") for u in units), default=0)


def ask_units(session: Session, units: Sequence[Unit], asks: Sequence[Ask]) -> list[Unit]:
    """The sentences the asks' quotes sit in (an ask whose quote is not verbatim has none):
    which sentences state an ask, whatever their rank as calls to action."""
    lines, span = _unit_lines(units)
    out = []
    for ask in asks:
        cite = cite_quote(session, ask.line, ask.quote)
        unit = _unit_for(units, cite, lines, span) if cite is not None else None
        if unit is not None:
            out.append(unit)
    return out


def overlaps(unit: Unit, taken: Sequence[tuple[int, int, int]]) -> bool:
    """Whether the unit shares text with one of these (turn, start, end) spans."""
    return any(unit.turn == turn and unit.start < end and start < unit.end for turn, start, end in taken)


def select_actions(
    session: Session,
    units: Sequence[Unit],
    asks: Sequence[Ask],
    k: int = 5,
    chairs: set[str] | frozenset[str] = frozenset(),
    pool_scores: Sequence[Scored] | None = None,
    exclude: Sequence[Unit] = (),
    accept: Callable[[Unit], bool] | None = None,
    decided: Callable[[Unit], bool] | None = None,
    reserve: int = 0,
) -> list[Action]:
    """The `k` most central, diverse asks, each with a verified citation and category.

    `exclude` holds units already used as takeaways, so the two sections do not repeat (an
    ask whose sentence overlaps a takeaway's clause is left out too: the same words twice);
    `accept` keeps only asks whose sentence can be rendered as a point (`wording`);
    `decided` tells the session's own decisions (`report.room_decision`). An ask weighs by
    what it is (`CALL_WEIGHTS`): a decision or next step of the room most, a call said as
    such next, a sentence the analysis took for an ask that neither calls on anyone
    nor commits anyone less, and a regret or a reported rule ("it should have been longer",
    "Many of the proposals say the user must show an ID") not at all (`call_kind`):
    rapporteurs' calls to action are next steps and calls.

    `reserve`: up to this many of the room's decisions (`decided`) are guaranteed a place
    (`DECISIONS_IN_CALLS` in a report), whether or not an ask carries them
    (`_reserve_decisions`).
    """
    ranked = list(pool_scores) if pool_scores is not None else score_units(units, chairs=chairs)
    scored = {id(s.unit): s for s in ranked}
    lines, span = _unit_lines(units)
    taken = [(u.turn, u.start, u.end) for u in exclude]
    floor = min((s.score for s in scored.values()), default=0.1)
    pool: list[Scored] = []
    meta: dict[int, tuple[Citation, str]] = {}
    for ask in asks:
        cite = cite_quote(session, ask.line, ask.quote)
        if cite is None:
            continue
        unit = _unit_for(units, cite, lines, span)
        if (
            unit is None
            or overlaps(unit, taken)
            or is_procedural(unit.text)
            or (accept is not None and not accept(unit))
        ):
            continue
        # a short ask ("Please coordinate with each other.") is too small to rank, not to keep
        base = scored.get(id(unit)) or Scored(unit, 0.5 * floor, vectorise([unit]).vecs[0])
        weight = CALL_WEIGHTS[call_kind(cite.quote, ask.type, decided is not None and decided(unit))]
        if weight <= 0:
            continue  # neither calls on anyone nor commits anyone: not a call to action
        item = Scored(unit, base.score * weight, base.vec)
        if all(p.unit is not unit for p in pool):
            pool.append(item)
            meta[id(item)] = (cite, ask.category or ask_category(cite.quote))
    chosen = mmr_select(pool, k, lam=0.6, per_speaker=2, max_sim=SAME_CALL)
    picked = [(c, *meta[id(c)]) for c in sorted(chosen, key=lambda c: c.unit.position)]
    if reserve > 0 and decided is not None:
        picked = _reserve_decisions(session, picked, ranked, decided, accept, k, exclude, reserve)
    return picked


def _reserve_decisions(
    session: Session,
    picked: list[Action],
    ranked: Sequence[Scored],
    decided: Callable[[Unit], bool],
    accept: Callable[[Unit], bool] | None,
    k: int,
    exclude: Sequence[Unit],
    reserve: int,
) -> list[Action]:
    """The calls, holding up to `reserve` of the room's decisions (`decided`).

    Rapporteurs list a session's agreed next steps under its calls to action ("the final
    version will be published in December", "the organisers will start a working group"):
    every reference of the development sets does. The asks rarely carry them (said once, at
    the end, by whoever chairs, often without "we will"), and the MMR above ranks them
    against every call. So, while the section holds fewer than `reserve` decisions, the
    best-scored ranked sentence that is one, renders as a point (`accept`), shares no text
    with a takeaway (`exclude`) or a call, says no call again (`SAME_CALL`) and is verbatim in
    the source (`cite_quote`) is added while the section has fewer than `k` calls, else it
    replaces the weakest call that is not a decision. Session order is kept.
    (bench/summaries.py, stop 21, development pairs, report task: mean ROUGE-1/2/L
    .504/.205/.235 -> .508/.212/.242; one decision, .508/.210/.239.)
    """
    ok = accept or (lambda _u: True)
    out = list(picked)
    have = sum(1 for item, _cite, _category in out if decided(item.unit))
    found = sorted((s for s in ranked if decided(s.unit)), key=lambda s: (-s.score, s.unit.position))
    for s in found:
        if have >= reserve:
            break
        used = [(u.turn, u.start, u.end) for u in [*exclude, *(item.unit for item, _cite, _category in out)]]
        if overlaps(s.unit, used) or not ok(s.unit):
            continue
        if any(cosine(s.vec, item.vec) > SAME_CALL for item, _cite, _category in out):
            continue  # the same next step said twice
        cite = cite_quote(session, s.unit.line, s.unit.text)
        if cite is None:
            continue
        if len(out) >= k:
            weaker = [c for c in out if not decided(c[0].unit)]
            if not weaker:
                break
            out.remove(min(weaker, key=lambda c: c[0].score))
        out.append((s, cite, ask_category(s.unit.text)))
        have += 1
    return sorted(out, key=lambda c: c[0].unit.position)


def infer_open_questions(units: Sequence[Unit], chairs: set[str] | frozenset[str] = frozenset()) -> list[Question]:
    """Substantive questions that no later speaker took up (status "unanswered", put to the room)."""
    if not units:
        return []
    vectors = vectorise(units)
    postings: dict[str, list[int]] = {}  # only sentences sharing a term can take a question up
    for j, vec in enumerate(vectors.vecs):
        for t in vec:
            postings.setdefault(t, []).append(j)
    out = []
    for i, u in enumerate(units):
        relayed = bool(
            re.search(r"\bquestions? (from|by|on behalf of)\b", u.text, re.IGNORECASE)
        )  # a remote moderator reads it out
        if (
            not u.text.rstrip().endswith("?")
            or u.words < 8
            or is_procedural(u.text)
            or (u.who in chairs and not relayed)
        ):
            continue
        sharing = {j for t in vectors.vecs[i] for j in postings[t]}
        later = [
            j
            for j in sorted(sharing)
            if units[j].turn > u.turn and units[j].who != u.who and units[j].who not in chairs
        ]
        taken_up = max((cosine(vectors.vecs[i], vectors.vecs[j]) for j in later), default=0.0)
        if taken_up < 0.25:
            out.append(Question(line=u.line, by=u.speaker or u.label, to="room", text=u.text, status="unanswered"))
    return out


def question_bullets(
    session: Session, questions: Sequence[Question], limit: int = 5
) -> list[tuple[str, Citation, str]]:
    """(text, citation, status) of unanswered questions whose text is verbatim in the source."""
    out = []
    for q in questions:
        if q.status != "unanswered":
            continue
        cite = cite_quote(session, q.line, q.text)
        if cite is not None and q.by and cite.speaker != q.by:  # the asker, and who read it out
            cite = replace(cite, speaker=q.by, voiced_by=cite.speaker)
        if cite is not None:  # the question sentences shown, the whole quote cited (`questions`)
            out.append((question_text(cite.quote), cite, "unanswered"))
    return out[:limit]
