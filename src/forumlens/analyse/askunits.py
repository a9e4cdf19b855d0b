"""A sentence cut into units, each judged as an ask: by the cue rules where they fire, else by the classifier.

The cue phrases the rules trust ("we need", "should", "we will share") decide the unit they are
in (`asksentence.CueSentence`); every other unit of the sentence (list items, clauses of a
run-on line that `analyse.clauses` cut, imperatives, recommendations to institutions) is the
classifier's (`askmodel.AskModel.judge`). Within a unit, two clauses that are each an ask are two
asks (`second_asks`); a gapped addressee ("…, and the donors to fund …") is read with the first
clause's request verb (`gapped_reading`); a unit that asks before a colon keeps what follows as its
explanation (`join_elaborations`). The category of each unit is `askcategory`'s.
"""

from __future__ import annotations

import itertools
import re

from forumlens.models import Turn

from .askcategory import keywordless_category, learned_or_keywords, routable_other, unit_category
from .askcues import IMPERATIVE_VERBS
from .askmodel import ADDRESSEE_HEAD, LEAD, LIST_INTRO, AskModel
from .asksentence import CueSentence
from .clauses import ask_units, opens_next
from .context import FLOOR_CUE, AnalysisContext, Sentence
from .cues import is_procedural
from .reported import direct_speech, without_aside

__all__ = [
    "MAX_UNIT_CHARS",
    "Found",
    "gapped_reading",
    "is_heading",
    "join_elaborations",
    "judge_rules",
    "judge_units",
    "second_asks",
]

Found = tuple[int, str, str, str, tuple[str, ...]]  # line, quote, type, category, secondary categories

# The classifier reads at most this much of a unit: a unit still longer after every clause
# cut (unpunctuated archive captions) shows its ask shape at the start, and judging a
# 2 MB line whole made each call linear in the line (issue 22, bench/long_input.py).
MAX_UNIT_CHARS = 600


def judge_rules(ctx: AnalysisContext, s: Sentence) -> list[Found]:
    """The cue-phrase rules on the whole sentence (no model shipped, or asked for)."""
    facts = CueSentence(s.text, ctx.memo)
    kind = facts.kind
    if kind is None:
        return []
    category = facts.category(kind)
    return [(s.line, s.text, kind, category, tuple(facts.also(category)))]


def judge_units(
    ctx: AnalysisContext, turn: Turn, s: Sentence, model: AskModel, threshold: float | None = None
) -> list[Found]:
    """Rules first, then the classifier on the units the rules did not decide.

    A cue phrase the rules trust ("we need", "should", "we will share") decides its own
    unit, with the rules' category (they were right more often on real captions than
    the classifier, whose training sentences are few); every other unit of the sentence
    (list items, clauses of run-on lines, imperatives, recommendations to institutions)
    is the classifier's, at its calibrated threshold (`threshold` overrides it: a chair's
    sentences take `MODERATOR_THRESHOLD`). Housekeeping and hand-offs never count.
    """
    out: list[Found] = []
    units = join_elaborations(s.text, ask_units(s.text))
    facts = CueSentence(s.text, ctx.memo)
    kind = facts.kind
    covered = -1
    if kind is not None:
        trigger = facts.trigger
        at = trigger.start() if trigger else 0
        covered = next((i for i, (a, b) in enumerate(units) if a <= at < b), 0)
        # one unit: the whole sentence but a sound note before it (`clauses._trim`), so the line is its words'
        a, b = units[covered] if len(units) > 1 else (units[0][0], len(s.text))
        facts_unit = CueSentence(s.text[a:b], ctx.memo) if len(units) > 1 else facts
        rel = s.rel + a
        if facts_unit.scores():
            learned = model.categories(s.text[a : min(b, a + MAX_UNIT_CHARS)], turn.text[max(0, rel - 300) : rel])
            category = learned_or_keywords(facts_unit, kind, learned)
            also = tuple(facts_unit.also(category))
        else:
            pred = model.predict(s.text[a : min(b, a + MAX_UNIT_CHARS)], turn.text[max(0, rel - 300) : rel])
            category, also = keywordless_category(kind, pred, s.text[at:b], s.text[a:b]), ()
        out += second_asks(ctx, turn, s.rel + a, s.text[a:b], model, threshold) or [
            (turn.line_at(s.rel + a), s.text[a:b], kind, category, also)
        ]
    for i, (a, b) in enumerate(units):
        b = min(b, a + MAX_UNIT_CHARS)
        unit = s.text[a:b]
        if i == covered or len(unit.split()) < 3 or is_procedural(unit, ctx.memo) or FLOOR_CUE.search(unit):
            continue
        if i + 1 < len(units) and s.text[b : units[i + 1][0]].lstrip().startswith(":"):
            continue  # a heading ("So my ask to the Envoy and to this forum: …"): the ask is what follows
        rel = s.rel + a
        probe = (
            (gapped_reading(s.text[units[i - 1][0] : units[i - 1][1]], unit) if i else None)
            or direct_speech(unit)
            or without_aside(unit)
        )
        judged = model.judge(
            probe or unit, turn.text[max(0, rel - 300) : rel], model.threshold if threshold is None else threshold
        )
        if judged is None:
            continue
        category, also = unit_category(probe or unit, judged, ctx.memo)
        if not category:
            continue
        out += second_asks(ctx, turn, rel, unit, model, threshold) or [
            (turn.line_at(rel), unit, judged.type, category, also)
        ]
    return out


# "I would encourage the universities to put their courses online, and the donors to fund the
# digitisation …": the second addressee shares the first clause's request verb (gapping), so its
# unit ("and the donors to fund …") has no verb of its own to show that it is asked.
_DIRECTIVE_HEAD = re.compile(
    r"^.*?\b(?:i|we)\s+(?:(?:would|'d|also|really|strongly|must|want\s+to|would\s+like\s+to)\s+)*"
    r"(?:encourage|ask|urge|invite|call\s+(?:up)?on|appeal\s+to|request|advise)\b",
    re.I,
)
_GAPPED = re.compile(
    r"^\W*(?:and|or)\s+(?:also\s+)?((?!(?:we|i|you|it|this|that)\b)(?:[\w'‑-]+\s+){1,6}?to\s+"
    r"(?!be\b|say\b|speak\b|hear\b)[a-z]+\b.*)$",
    re.I | re.S,
)


def gapped_reading(previous: str, unit: str) -> str | None:
    """The unit as the classifier should read it when it is a gapped addressee of the previous
    unit's request ("and the donors to fund …" after "I would encourage the universities to …"):
    the previous unit's request head, then the unit ("I would encourage the donors to fund …");
    None for any other unit. The quote stays the unit as said."""
    head = _DIRECTIVE_HEAD.match(previous)
    gapped = _GAPPED.match(unit) if head else None
    if not head or not gapped or not _GAPPED_ADDRESSEE.match(previous, head.end()):
        return None
    return f"{head.group(0)} {gapped.group(1)}"


# The previous unit's own addressee and infinitive ("… encourage the universities of the region to put …").
_GAPPED_ADDRESSEE = re.compile(r"\s+(?!you\b|to\b)(?:[\w'‑-]+\s+){1,8}?to\s+[a-z]+", re.I)


# ", and we invite the other NRIs to …", ", and we can train …", ", maybe the next IGF can invite …",
# ", and please share …", and a reason that is the speaker's own commitment (", because we will
# prepare a map …"; not ", because the lawmakers will use your text"): a clause with its own subject (or a "please") and its own modal or
# request verb, after a comma inside a unit that `analyse.clauses` left whole (short sentences
# are never cut there). Each such clause can be an ask of its own.
_SECOND_CLAUSE = re.compile(
    r",\s+(?=because\s+(?:we|i)(?:'ll|\s+(?:will|shall|are\s+going\s+to)\b)"
    r"|(?:and\s+|so\s+|but\s+|maybe\s+|then\s+)*(?:also\s+)?(?:please\b"
    r"|(?:we|i)\s+(?:will|'ll|can|offer|invite|ask|urge|need|would|are|am|shall|also|commit|promise)\b"
    r"|(?:the|our|my|this|every|each|all)\s+(?:[\w'‑-]+\s+){0,3}?(?:should|must|can|could|will|shall|need to|has to|have to)\b))",
    re.I,
)


def second_asks(
    ctx: AnalysisContext, turn: Turn, rel: int, unit: str, model: AskModel, threshold: float | None
) -> list[Found]:
    """The unit's clauses (`_SECOND_CLAUSE`) as separate asks when at least two of them are
    asks by the classifier's own judgement; [] (keep the unit whole) otherwise."""
    cuts = [m.start() for m in _SECOND_CLAUSE.finditer(unit)]
    # a clause that only opens the next one ("And my request to the members, please, if you have
    # material, send it to me": a request named, then said) is not cut from it (`clauses.opens_next`)
    kept: list[int] = []
    for c in cuts:
        if not opens_next(unit[kept[-1] if kept else 0 : c]):
            kept.append(c)
    cuts = kept
    if not cuts:
        return []
    bounds = [0, *cuts, len(unit)]
    found: list[Found] = []
    for a, b in itertools.pairwise(bounds):
        piece_at = a + (2 if a else 0)
        piece = unit[piece_at:b]
        if len(piece.split()) < 4 or FLOOR_CUE.search(piece):
            continue
        at = rel + piece_at
        judged = model.judge(
            piece, turn.text[max(0, at - 300) : at], model.threshold if threshold is None else threshold
        )
        if judged is None:
            continue
        category, also = unit_category(piece, judged, ctx.memo)
        if category and not (category == "other" and judged.type == "ask" and not routable_other(piece)):
            found.append((turn.line_at(at), piece, judged.type, category, also))
    return found if len(found) >= 2 else []


def join_elaborations(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A unit that asks before a colon ("Second, team up: an application from five networks
    is stronger …") takes what follows the colon as its own explanation: one unit, not an
    ask and a statement judged apart. A heading before a colon stays apart (`is_heading`)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        a, b = units[i]
        if i + 1 < len(units) and text[b : units[i + 1][0]].lstrip().startswith(":") and not is_heading(text[a:b]):
            out.append((a, units[i + 1][1]))
            i += 2
            continue
        out.append((a, b))
        i += 1
    return out


def is_heading(unit: str) -> bool:
    """A unit before a colon that only names whom the next unit addresses or announces it
    ("To the ITU Development Sector", "My message to the funds is simple", "Three requests"),
    not one that asks itself ("Second, team up: an application from five networks …")."""
    return bool(ADDRESSEE_HEAD.search(unit.rstrip() + ":") or LIST_INTRO.search(unit)) or not any(
        w.lower() in IMPERATIVE_VERBS for w in LEAD.sub("", unit).split()[:1]
    )
