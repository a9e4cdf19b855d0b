"""Calls to action and open questions, from the analyse stage's asks and questions.

The analyse stage (issue 4) finds asks with categories and questions with their fate;
when its output is there we use it and only choose, compress and cite. When it is not,
`infer_asks` and `infer_open_questions` give a conservative stand-in (directive
sentences; substantive questions no later speaker took up) so a report is never
missing its calls to action — the report's `notes` say which source was used.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import pairwise

from ..analyse.models import Ask, Question
from ..models import Citation, Session, Turn, newlines_before
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
    "UnitFinder",
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
    return list(_offsets(text, quote))


def _offsets(text: str, quote: str) -> Iterator[int]:
    """`quote_offsets`, one at a time."""
    at = text.find(quote)
    while at >= 0:
        yield at
        at = text.find(quote, at + len(quote))


def _nearest(turn: Turn, quote: str, line: int) -> int | None:
    """Of the offsets `quote_offsets(turn.text, quote)`, the first whose line is nearest to
    `line` (None: there is none). Lines only grow along the text, so once an offset is on
    `line` or after it, or no line break follows it, no later offset is nearer: the search
    stops there instead of finding every occurrence of the quote in a long turn (issue 19)."""
    breaks = newlines_before(turn.text)
    best: int | None = None
    gap = 0
    for at in _offsets(turn.text, quote):
        here = turn.line_at(at)
        if best is None or abs(here - line) < gap:
            best, gap = at, abs(here - line)
        if here >= line or here - turn.first_line == breaks:
            break
    return best


def cite_quote(session: Session, line: int, quote: str, with_session: bool = False) -> Citation | None:
    """A verified citation of `quote` near `line`, or None when it is not verbatim there.

    Analysed quotes may carry the wrong line or extra whitespace; we re-find the quote in
    the turn covering the line and cite the line where it actually starts.
    """
    turn = _turn_at(session, line)
    q = quote.strip()
    if turn is None or not q:
        return None
    at = _nearest(turn, q, line)
    if at is None:
        return None
    return Citation(
        line=turn.line_at(at),
        quote=q,
        speaker=turn.speaker or turn.label,
        session=session.id if with_session else None,
    )


class UnitFinder:
    """Which sentence a cited quote sits in, for many quotes over one session's units
    (`find`): the first unit, in the units' order, that is near the citation's lines (starts
    on one of them, or covers its first) and holds the quote or is held by it.

    The units near a citation are few in an ordinary session, and are looked at one by one.
    In a session of one long line every sentence is near every citation, and that scan made
    the summary quadratic (28 s of a 200,000-word line, issue 19); so when more than `SCAN`
    units are near, the units are indexed once (`_index`): their texts joined by a character
    none of them holds (a quote inside a unit is one `str.find` over the near units' stretch
    of it) and by their first `KEY` characters (a unit inside a quote is looked up at each of
    the quote's positions). Among several units with the same text the first near one is
    taken either way, as the scan takes it.
    """

    SCAN = 64  # at most this many near units are looked at one by one
    KEY = 32  # how many first characters a unit's text is looked up by (shorter texts: each tried)

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = units
        self.starts = [u.line for u in units]
        self.ordered = all(a <= b for a, b in pairwise(self.starts))
        self.spans = [u.text.count("\n") for u in units]
        self.span = max(self.spans, default=0)
        self.indexed = False

    def _index(self) -> None:
        """The joined texts and the texts by their first characters (see the class)."""
        if self.indexed:
            return
        self.indexed = True
        texts = [u.text for u in self.units]
        self.sep = next((c for c in "\x00\x01\x02\x03\ufffe\uffff" if not any(c in t for t in texts)), None)
        self.joined = (self.sep or "").join(texts)
        self.begins: list[int] = []
        at = 0
        for t in texts:
            self.begins.append(at)
            at += len(t) + 1
        self.by_text: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            self.by_text.setdefault(t, []).append(i)
        self.longest = max(map(len, texts), default=0)
        self.short = [t for t in self.by_text if len(t) < self.KEY]
        keyed: dict[str, list[str]] = {}
        for t in self.by_text:
            if len(t) >= self.KEY:
                keyed.setdefault(t[: self.KEY], []).append(t)
        self.keyed = {key: sorted(ts, key=len) for key, ts in keyed.items()}

    def _near(self, i: int, citation: Citation, last: int) -> bool:
        line = self.starts[i]
        return citation.line <= line <= last or line <= citation.line <= line + self.spans[i]

    def find(self, citation: Citation) -> Unit | None:
        """The unit `citation` quotes (see the class), or None."""
        quote = citation.quote
        last = citation.line + quote.count("\n")
        if self.ordered:  # only units that start from `span` lines before the citation to its last line
            lo, hi = bisect_left(self.starts, citation.line - self.span), bisect_right(self.starts, last)
        else:
            lo, hi = 0, len(self.units)
        if hi - lo <= self.SCAN:
            return next(
                (
                    u
                    for i, u in enumerate(self.units[lo:hi], lo)
                    if self._near(i, citation, last) and (quote in u.text or u.text in quote)
                ),
                None,
            )
        self._index()
        best = self._holding(citation, last, lo, hi)
        for text in self._held_by(quote):
            for i in self.by_text[text][bisect_left(self.by_text[text], lo) :]:
                if i >= hi or (best is not None and i >= best):
                    break
                if self._near(i, citation, last):
                    best = i
                    break
        return None if best is None else self.units[best]

    def _holding(self, citation: Citation, last: int, lo: int, hi: int) -> int | None:
        """The first near unit in lo..hi whose text holds the quote."""
        if lo >= hi:
            return None
        quote = citation.quote
        if len(quote) > self.longest:
            return None  # longer than every unit: held by none
        if self.sep is None:  # every separator is in some text: no index, look at each unit
            return next(
                (i for i in range(lo, hi) if quote in self.units[i].text and self._near(i, citation, last)), None
            )
        if self.sep in quote:
            return None  # no unit holds the separator, so none holds this quote
        at, end = self.begins[lo], self.begins[hi - 1] + len(self.units[hi - 1].text)
        while True:
            found = self.joined.find(quote, at, end)
            if found < 0:
                return None
            i = bisect_right(self.begins, found) - 1
            if self._near(i, citation, last):
                return i
            if i + 1 >= hi:
                return None
            at = self.begins[i + 1]

    def _held_by(self, quote: str) -> list[str]:
        """The distinct unit texts that are parts of `quote` (each once at least)."""
        out = [t for t in self.short if t in quote]
        key = self.KEY
        if len(quote) < key:
            return out
        grams = {quote[at : at + key] for at in range(len(quote) - key + 1)}
        for gram in grams & self.keyed.keys():
            texts = self.keyed[gram]
            stop = len(quote) - len(texts[0]) + key  # a text of this gram starting later would not fit
            at = quote.find(gram, 0, stop)
            while at >= 0:
                room = len(quote) - at
                for text in texts:
                    if len(text) > room:
                        break
                    if quote.startswith(text, at):
                        out.append(text)
                at = quote.find(gram, at + 1, stop)
        return out


def ask_units(session: Session, units: Sequence[Unit], asks: Sequence[Ask]) -> list[Unit]:
    """The sentences the asks' quotes sit in (an ask whose quote is not verbatim has none):
    which sentences state an ask, whatever their rank as calls to action."""
    finder = UnitFinder(units)
    out = []
    for ask in asks:
        cite = cite_quote(session, ask.line, ask.quote)
        unit = finder.find(cite) if cite is not None else None
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
    finder = UnitFinder(units)
    taken = [(u.turn, u.start, u.end) for u in exclude]
    floor = min((s.score for s in scored.values()), default=0.1)
    pool: list[Scored] = []
    pooled: set[int] = set()  # id() of the units in `pool`
    meta: dict[int, tuple[Citation, str]] = {}
    for ask in asks:
        cite = cite_quote(session, ask.line, ask.quote)
        if cite is None:
            continue
        unit = finder.find(cite)
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
        if id(unit) not in pooled:  # one call per sentence (a set: a one-line session has thousands)
            pooled.add(id(unit))
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
