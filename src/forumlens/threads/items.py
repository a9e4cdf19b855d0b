"""Thread items of one session: needs, promises, updates, deliveries, slips, questions, answers, responses. Pure.

Reads a parsed session and its stored analyses (people, questions, asks, document
metadata) and returns `SessionItems`. The rules, per sentence (`cues.py` has the cue
words, `actors.py` who an item is by):

- a moderator's sentences are floor management, except a `response` (a moderator
  answering, for the MAG, a question raised last year is an answer on the record);
- a document's paragraphs count as the words of the coalition the document is by;
- promises, updates, deliveries and slips must name their deliverable, or point back to
  the one named earlier in the same turn ("we dropped it"); the noun nearest the cue in
  its own clause is theirs ("… dropped it to focus on the guidelines" is about "it"),
  and of a clause's nouns the one a preposition does not introduce ("our repository of
  course material is online" is about the repository; "the toolkit was announced in our
  statement; it got delayed" about the toolkit);
- needs come from the cues here and from the stored `asks` analysis (its asks and
  recommendations: a coalition's "every session should have live captions" is its ask;
  the analysis' trained classifier tells them apart), so nothing the analyse stage found
  is lost;
- a commitment cue whose clause names no deliverable ("… a proper slot to present what we
  produced") gives way to the need the sentence also says, else to the next signal;
- a sentence that names the speaker's earlier promise of a deliverable without a fate cue
  ("On the curriculum that we announced last year, the work goes on") is an update;
- the speaker's own institution named as the subject ("the Secretariat will create …",
  said for the Secretariat) promises as "we will" does;
- questions come from the stored `questions` analysis (non-moderator askers, sentences
  ending in "?"; each "?" sentence of the line is a question, except an alternative "Or
  …?" of the one before, and one reply answers the one it shares most with) and, when it
  missed them, from a non-moderator's "?" sentence that ends a short floor turn, or is
  followed by at most two statements in a turn that announces its question ("Question for
  the schools. … ? In my country …"), also when the asker is unnamed (answered when the
  next turn is another non-moderator's); a question read out in indirect speech ("He asks
  the schools coalition how long …") is the floor's, answered by whoever speaks next;
  a floor prompt ("Amina, anything to add?", `is_prompt`) is never a question;
  the answer given in the same session is an `answer` item (its sentence sharing most
  with the question; a reply that says it answers nothing anywhere in it — "we are out of
  time", "we take note", "I cannot answer it", "I have not thought about it", "I cannot
  promise", "I don't have the list here" — is none, so the question stays open; nor is a
  sentence of thanks or one the captions lost, "[ inaudible ]");
- one item per sentence and signal (a need the analyse stage found too is kept once); a
  sentence that promises or reports on a promise is not also an ask, and thanks, floor
  procedure and questions are never asks (`cues.is_non_ask`, applied to stored asks too);
- a delivery or slip that names its earlier promise ("was announced for 2024; it has been
  delayed") also gives an `update` placed just before it, so its fate is known even when
  the promise's own session is not in the store;
- an answer sentence may still promise ("Yes, and we are planning workshops …"), and a
  promise in the answering turn that points back with a pronoun promises the deliverable the
  question named ("Will the handbook be translated?" — "Yes, and we will translate it …");
- a promise whose object is no deliverable the lexicon knows promises the deliverable its verb
  says ("we will map the satellite offers": a map), else the noun heading its object ("we will
  publish a compendium of good practices": a compendium, past an aside and a container's "of",
  `nounphrase.py`); a follow-up whose clause opens with such a noun is about it ("The test lab did
  not happen"), and work said to go on is about what it is on ("the work on the ranking continued");
- a question a moderator reads out for someone ("In the chat there is a question for Lena, from
  Kwame in Accra.  How many …?") is the named person's (or an unnamed participant's), answered
  where the `questions` analysis says, else by the next speaker;
- a need the `asks` analysis found too carries that analysis' category (`Item.asked`), which a
  thread shows (one taxonomy); an ask the analysis read into what a turn says after it took up
  an earlier ask or question ("Our answer: measure the energy …") is part of the answer, not an item;
- a hard-wrapped caption (a sentence over several lines) is read as one text: the parser keeps a
  single line break inside the turn (`transcript.interjections`), cues read line breaks as spaces,
  and an item cites the line around its cue (`_on_own_line`);
- a question's fate in its own session is the `questions` analysis's alone: a turn that
  analysis judged is never re-read by the "?" fallback, and the fallback's reply must not
  itself be a question; an unnamed asker is "a participant in TITLE" (a relayed
  question, "a remote participant asks: …", is the remote participant's);
- an ask that names whom it asks ("we ask the Internet Society to fund …") is answered by that body's
  reply in the next turns, without any response cue: a `response` item (`addressed.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from ..analyse.asks import classify_category
from ..analyse.questions import is_housekeeping
from ..models import Session, Turn
from ..pipeline import is_document_session
from ..resolve.mentions import find_mentions
from ..resolve.registry import Registry, load_registry
from ..resolve.text import LineIndex
from ..transcript.speakers import name_key
from .actors import Actor, body_pattern, document_actor, introduced_actor, stated_actor, turn_actor
from .addressed import addressed_answers
from .cues import PRONOUN_OBJECT, Cue, CueMemo, find_cue, is_non_ask, retro_promise
from .lexicon import Lexicon, load_lexicon
from .models import Item, SessionItems
from .nounphrase import is_output, object_phrase, subject_phrase, unknown_family
from .renames import stated_renames
from .sentences import LineFinder, Sentence, turn_sentences
from .tables import TableRow, row_signal, table_rows

if TYPE_CHECKING:  # imported where used: only sessions with people analysed need it
    from ..summarise.attribution import Credit

__all__ = ["extract_items"]

_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|so)\s|\.\s")
_MODERATOR_SIGNALS = frozenset({"response"})
_COALITION_SIGNALS = frozenset({"slip", "update", "promise", "delivery", "need"})
_NEEDS_DELIVERABLE = frozenset({"promise", "update", "delivery", "slip"})
_SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|this|that|these|those)\b", re.I)
_ASKS_CUE = "analyse.asks"  # the cue of a need only the `asks` analysis found (no words of the sentence)
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")


@dataclass
class _Context:
    session: Session
    session_id: str
    analyses: Mapping[str, Any]
    lexicon: Lexicon
    registry: Registry
    lines: LineFinder
    people: dict[str, Mapping[str, Any]]
    moderators: frozenset[str]
    document: bool
    document_by: Actor
    names: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    line_index: LineIndex | None = None  # the session text's, made once (not once per sentence)


def _context(session: Session, analyses: Mapping[str, Any], session_id: str) -> _Context:
    people = {str(p["name"]): p for p in analyses.get("people") or [] if isinstance(p, Mapping) and p.get("name")}
    moderators = frozenset(name for name, p in people.items() if p.get("role") == "moderator")
    meta = analyses.get("document") or {}
    document = is_document_session(session) or (bool(meta) and meta.get("kind") not in (None, "transcript"))
    registry = load_registry()
    return _Context(
        session,
        session_id,
        analyses,
        load_lexicon(),
        registry,
        LineFinder(session.text),
        people,
        moderators,
        document,
        document_actor(session, analyses, registry) if document else (None, None),
    )


# -- what a sentence is about -------------------------------------------------------------
def _names(ctx: _Context, sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Spans (in the sentence) of the coalition names it says: they say who, not what."""
    found = ctx.names.get(sentence.start)
    if found is None:
        found = tuple(
            (m.start - sentence.start, m.end - sentence.start)
            for m in find_mentions(
                ctx.session.text, sentence.start, sentence.end, registry=ctx.registry, lines=_line_index(ctx)
            )
            if m.kind == "dc"
        )
        ctx.names[sentence.start] = found
    return found


def _line_index(ctx: _Context) -> LineIndex:
    if ctx.line_index is None:
        ctx.line_index = LineIndex(ctx.session.text)
    return ctx.line_index


def _without_coalitions(ctx: _Context, sentence: Sentence) -> str:
    text = sentence.text
    for a, b in _names(ctx, sentence):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _category(ctx: _Context, text: str, cue_end: int = 0) -> str:
    lex = ctx.lexicon
    found = lex.category(lex.features(text), lex.features(" ".join(text[cue_end:].split()[:10])))
    if found:
        return found
    fallback = classify_category(text)
    return fallback if fallback not in ("policy",) else "other"


def _deliverable(ctx: _Context, sentence: str, cue: Cue) -> tuple[str, str] | bool | None:
    """(family, noun) of what the cue is about; False when it points back with a pronoun; None if nothing."""
    found = [d for d in _compounds(sentence, ctx.lexicon.deliverables(sentence)) if is_output(sentence, d)]
    after = [d for d in found if d[0] >= cue.end]
    promised = [d for d in found if d[0] >= cue.start and d[1] == cue.end]
    # "will be published", "is planned for": the deliverable is the subject, what follows is a time or a place
    active = not _PASSIVE_PROMISE.match(sentence, cue.start, cue.end)
    obj = object_phrase(sentence, cue.end) if cue.signal == "promise" and active else None
    on = _WORK_ON.search(sentence, cue.start, cue.end) if cue.signal != "promise" else None
    if on is not None:  # "the work on the transparency ranking continued": the cue holds what it is about
        said = sentence[on.end() : cue.end].rstrip()
        verb = said.rsplit(None, 1)[-1] if said.strip() else ""  # the cue's last word ("continued") ends the phrase
        obj = object_phrase(sentence[: on.end() + len(said) - len(verb)].rstrip() if verb else sentence, on.end())
    if obj is not None:
        # the phrase the verb governs: the lexicon's noun when it heads it, else the head itself ("we will publish
        # a compendium of good practices" promises a compendium, not good practices), unless the verb names the
        # output ("we will map the satellite offers": a map)
        known = [d for d in found if d[0] <= obj[0] and obj[1] <= d[1]]
        if known:
            a, b, family = known[0]
            return family, sentence[a:b]
        if not promised or _DELIVERABLE_AFTER.match(sentence[cue.end :]):
            noun = sentence[obj[0] : obj[1]]
            return unknown_family(noun), noun
    if cue.signal == "promise" and after and not sentence[cue.start : cue.end].lower().startswith(_SUBJECT_PROMISED):
        a, b, family = after[0]
        return family, sentence[a:b]
    if cue.signal == "promise" and promised and not _DELIVERABLE_AFTER.match(sentence[cue.end :]):
        # the output promised as a verb whose object the lexicon does not know ("we will map the satellite offers
        # …" promises a map): the verb is the deliverable, as `link._families` reads it
        a, b, family = promised[-1]
        return family, sentence[a:b]
    bounds = [m.end() for m in _CLAUSE.finditer(sentence, 0, cue.start)]
    left = bounds[-1] if bounds else 0
    before = [d for d in found if left <= d[0] and d[1] <= cue.start]
    subject = subject_phrase(sentence, left, cue.start) if cue.signal != "promise" else None
    if subject is not None and any(d[0] <= subject[0] and subject[1] <= d[1] for d in found):
        subject = None  # the lexicon knows it: the rules below read it
    if before and cue.signal != "promise":
        if subject is not None and all(_COMPLEMENT.search(sentence[: d[0]]) for d in before):
            # "The template terms of service for small platforms that we released": the clause is about its
            # opening phrase, the lexicon's nouns are only its complements
            noun = sentence[subject[0] : subject[1]]
            return unknown_family(noun), noun
        a, b, family = _subject(sentence, before)
        return family, sentence[a:b]
    if PRONOUN_OBJECT.match(sentence[cue.end :]):
        earlier = [d for d in found if d[1] <= cue.start]
        if earlier:  # "The report has a summary, and we will translate it": "it" is the report
            a, b, family = earlier[-1]
            return family, sentence[a:b]
        return False
    if before:
        a, b, family = before[-1]
        return family, sentence[a:b]
    earlier = [d for d in found if d[1] <= left]
    if earlier and cue.signal != "promise" and _SUBJECT_PRONOUN.search(sentence[left : cue.start]):
        # "A guide … was announced for 2024; it has been delayed": "it" is the subject of the clause before
        previous = bounds[-2] if len(bounds) > 1 else 0
        a, b, family = _subject(sentence, [d for d in earlier if d[0] >= previous] or earlier[-1:])
        return family, sentence[a:b]
    near = [d for d in after if len(sentence[cue.end : d[0]].split()) <= 6]
    if near:
        a, b, family = near[0]
        return family, sentence[a:b]
    if subject is not None and subject_phrase(sentence, left, cue.start, at_cue=True):
        noun = sentence[subject[0] : subject[1]]  # "The test lab did not happen": a deliverable the lexicon lacks
        return unknown_family(noun), noun
    if cue.signal != "promise":
        # "The legal hotline we announced in Guadalajara, we could not keep it alive": the sentence opens with the
        # promised thing, named back by the promise it was ("we announced"), and then tells its fate
        back = retro_promise(sentence)
        opening = subject_phrase(sentence, 0, back.start(), at_cue=True) if back and back.end() <= cue.start else None
        if opening is not None:
            noun = sentence[opening[0] : opening[1]]
            return unknown_family(noun), noun
    return None


def _outputs(ctx: _Context, sentence: str) -> list[tuple[int, int, str]]:
    """The lexicon's deliverable nouns in `sentence` that name an output there (`is_output`)."""
    return [d for d in ctx.lexicon.deliverables(sentence) if is_output(sentence, d)]


_SUBJECT_PROMISED = ("will be", "shall", "will take place")  # cues whose deliverable is their subject
_PASSIVE_PROMISE = re.compile(r"will be|will take place|shall|(?:is|are) (?:planned|scheduled|foreseen|due)\b", re.I)
_WORK_ON = re.compile(r"\bwork(?:ing)? on\b", re.I)
# a promised verb followed by a pronoun or nothing ("we will map it", "we will survey.") names no output of its own
_DELIVERABLE_AFTER = re.compile(r"\s*(?:[.,;:!?]|$|(?:it|them|this|that)\b)", re.I)


def _compounds(sentence: str, found: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Deliverable nouns side by side are one compound whose head is the last ("training webinars" are
    webinars, "the report launch event" an event): one span, the last noun's family."""
    out: list[tuple[int, int, str]] = []
    for a, b, family in found:
        if out and not sentence[out[-1][1] : a].strip(" -"):
            out[-1] = (out[-1][0], b, family)
        else:
            out.append((a, b, family))
    return out


_COMPLEMENT = re.compile(
    r"\b(?:of|on|for|about|in|from|into|with|under)\s+(?:(?:the|a|an|our|their|its|this|that)\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)


def _subject(sentence: str, nouns: Sequence[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The deliverable a clause is about: its last noun that a preposition does not introduce
    ("our open repository of course material is now online" is about the repository, "the
    toolkit was announced in our Kyoto statement" about the toolkit); else its last noun."""
    heads = [n for n in nouns if not _COMPLEMENT.search(sentence[: n[0]])]
    return (heads or nouns)[-1]


# a cue after "what" / "everything" speaks of things it does not name ("to present what we produced")
_FREE_RELATIVE = re.compile(r"\b(?:what|whatever|everything|anything|all that)\s*$", re.I)
_ALL_SIGNALS = ("response", "slip", "update", "promise", "delivery", "enacted", "need")
_NAME_STOP = frozenset({"dynamic", "coalition", "internet", "the", "and", "for", "with", "digital"})


@lru_cache(maxsize=256)
def _own_coalition_pattern(coalition: str) -> re.Pattern[str] | None:
    """How a coalition's own member names it as a subject in short: "the youth coalition", "our rights
    coalition" — "the"/"our"/"this" and a word of its name before "coalition" (not the generic words of
    every name: "the Internet coalition" says nothing), so "the youth coalition will run …" promises as
    "we will run …" does."""
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", coalition)} - _NAME_STOP)
    if not words:
        return None
    either = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\b(?:the|our|this) (?:[\w-]+ ){{0,2}}?(?:{either})(?: [\w-]+)? coalition\b", re.I)


def _retro_update(sentence: str) -> Cue | None:
    """A sentence that names the speaker's earlier promise of a deliverable without a fate cue ("the
    curriculum that we announced last year, the work goes on"): news of the promise, an update."""
    said = retro_promise(sentence)
    if said is None:
        return None
    return Cue("update", said.start(), said.end(), said.group(0))


# -- items of one turn ----------------------------------------------------------------------
def _turn_items(
    ctx: _Context,
    turn: Turn,
    sentences: Sequence[Sentence],
    actor: Actor,
    skip: set[int],
    answers: set[int],
    question: str | None = None,
) -> list[Item]:
    """Needs, promises, updates, deliveries, slips and responses of one turn (or paragraph).

    `skip`: sentences that are questions; `answers`: sentences that answer one, which may still
    promise or report on a promise ("… and we are planning workshops with the regional IGFs");
    `question`: the question this turn answers, whose deliverable a promise in the answer may point
    back to ("Will the report be translated?" — "Yes, and we will publish it before Kyoto").
    """
    moderator = turn.speaker in ctx.moderators
    coalition, org = ctx.document_by if ctx.document else actor
    # a moderator speaking for an institution (a MAG chair chairing) may say what it has done for an ask
    allowed = (_MODERATOR_SIGNALS | ({"enacted"} if org else set())) if moderator else None
    allowed = allowed if moderator else _COALITION_SIGNALS if coalition else None
    own = body_pattern(org) if org and not coalition else _own_coalition_pattern(coalition) if coalition else None
    items: list[Item] = []
    last: tuple[str, str] | None = _named_last(ctx, question)  # the deliverable named last in this turn
    previous: Sentence | None = None
    for sentence in sentences:
        before, previous = previous, sentence
        if sentence.start in skip or _QUESTION_END.search(sentence.text):
            continue
        named = _outputs(ctx, sentence.text)
        names = partial(_names, ctx, sentence)  # found only when a cue needs them (`find_cue`)
        mine = [m.span() for m in own.finditer(sentence.text)] if own is not None else []
        memo = CueMemo(sentence.text)  # the sentence is asked about several times below
        signals = _NEEDS_DELIVERABLE if sentence.start in answers else allowed
        if sentence.start in answers:
            cue = None if moderator else find_cue(sentence.text, signals=signals, names=names, own=mine, memo=memo)
        else:
            cue = (
                find_cue(sentence.text, signals=frozenset({"response"}), memo=memo)
                if coalition and not moderator
                else None
            )
            if cue is None or cue.about != "question":
                cue = find_cue(sentence.text, signals=signals, names=names, own=mine, memo=memo)
        family: str | None = None
        head: str | None = None
        tried: set[str] = set()
        while cue is not None and cue.signal in _NEEDS_DELIVERABLE:
            if _FREE_RELATIVE.search(sentence.text, 0, cue.start):  # "to present what we produced": no deliverable
                tried.add(cue.signal)
                rest = frozenset((signals or frozenset(_ALL_SIGNALS)) - tried)
                cue = find_cue(sentence.text, signals=rest, names=names, own=mine, memo=memo) if rest else None
                continue
            got = _deliverable(ctx, sentence.text, cue)
            if isinstance(got, tuple):
                family, head = got
                break
            if got is None and cue.signal != "promise" and signals is not None and "need" in signals:
                # no deliverable of its own ("… a proper slot to present what we produced"): a need it also says wins
                need = find_cue(sentence.text, signals=frozenset({"need"}), names=names, memo=memo)
                if need is not None:
                    cue = need
                    break
            if not ((got is None and cue.signal == "promise") or last is None):
                family, head = last
                break
            if got is False:
                cue = None  # points back to nothing named in this turn: as before, not an item
                break
            # the cue names no deliverable ("… to present what we produced"): what else does the sentence do?
            tried.add(cue.signal)
            rest = frozenset((signals or frozenset(_ALL_SIGNALS)) - tried)
            cue = find_cue(sentence.text, signals=rest, names=names, own=mine, memo=memo) if rest else None
        if cue is None and named and not moderator and (coalition or org):
            cue = _retro_update(sentence.text)  # "On the curriculum that we announced last year, …": news of it
            if cue is not None:
                a, b, family = _subject(sentence.text, named)
                head = sentence.text[a:b]
        if cue is None:
            if named:
                last = (named[-1][2], sentence.text[named[-1][0] : named[-1][1]])
            continue
        said, names_of, shift = sentence, _names(ctx, sentence), 0
        if cue.signal == "response" and before is not None and before.line == sentence.line:
            said, names_of, shift = _with_referent(ctx, before, sentence)
        text = _without_span(said.text, names_of)
        retro = _retro_promise(ctx, turn, sentence, cue, coalition, org, family, head)
        items += retro
        items.append(
            Item(
                session=ctx.session_id,
                line=sentence.line,
                quote=said.text,
                signal="response" if cue.signal == "enacted" else cue.signal,
                speaker=turn.speaker,
                coalition=coalition,
                org=org,
                category=_category(ctx, text, cue.end + shift)
                if cue.signal in ("need", "response", "enacted")
                else "other",
                family=family,
                head=head,
                cue=cue.text,
                about="enacted" if cue.signal == "enacted" else cue.about,
                seq=sentence.start + (1 if retro else 0),  # after the promise it tells the fate of
                names=names_of,
            )
        )
        if named:
            last = (named[-1][2], sentence.text[named[-1][0] : named[-1][1]])
        elif family and head:
            last = (family, head)
    return items


def _row_item(ctx: _Context, turn: Turn, row: TableRow) -> Item | None:
    """The follow-up one row of a document's table of outputs says (`tables.py`), citing the row's line; None
    when its status says no delivery, slip or update, or its output cell names no deliverable.

    Why: the row is the coalition's own account of one output's fate, as a sentence "our guide was published in
    April 2010" would be; its deliverable is the lexicon's first noun of the output cell, else the head of the
    phrase the cell opens with ("Public register of …": a register)."""
    said = row_signal(row)
    coalition, org = ctx.document_by
    if said is None or not (coalition or org):
        return None
    cue, _ = said
    name = row.output.text
    known = ctx.lexicon.deliverables(name)
    if known:
        a, b, family = min(known)
        head = name[a:b]
    else:
        phrase = object_phrase(name, 0)
        if phrase is None:
            return None
        head = name[phrase[0] : phrase[1]]
        family = unknown_family(head)
    return Item(
        session=ctx.session_id,
        line=ctx.lines.line(row.start),
        quote=ctx.session.text[row.start : row.end],
        signal=cue.signal,
        speaker=turn.speaker,
        coalition=coalition,
        org=org,
        family=family,
        head=head,
        cue="",  # the status cell is a predicate without a subject: no words before it name who did it
        seq=row.start,
    )


def _named_last(ctx: _Context, text: str | None) -> tuple[str, str] | None:
    """(family, noun) of the last deliverable `text` names (None when it names none)."""
    named = _outputs(ctx, text) if text else []
    return (named[-1][2], text[named[-1][0] : named[-1][1]]) if named and text else None


def _questions_answered(items: Sequence[Item], turns: Sequence[Turn]) -> dict[int, str]:
    """Turn index → the question its answer sentence answers (`_question_items` lists each answer right
    after its question)."""
    starts = sorted((t.start, t.index) for t in turns)
    out: dict[int, str] = {}
    asked: Item | None = None
    for item in items:
        if item.signal == "question":
            asked = item
        elif item.signal == "answer" and asked is not None:
            at = bisect_right(starts, (item.seq, float("inf"))) - 1
            if at >= 0:
                out.setdefault(starts[at][1], asked.quote)
    return out


# a response that only points back at what the sentence before it said ("The MAG now has three members under
# thirty.  This is what the youth coalition asked for two years ago.")
_POINTS_BACK = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:this|that|it|these|those)(?:\s+(?:is|was|are|were)|['’]s)\s+(?:exactly\s+|precisely\s+"
    r"|just\s+|also\s+)?(?:what|the (?:thing|request|ask|change))\b",
    re.I,
)


def _with_referent(
    ctx: _Context, before: Sentence, sentence: Sentence
) -> tuple[Sentence, tuple[tuple[int, int], ...], int]:
    """A response that points back ("This is what … asked for") with the sentence before it on its line,
    which says what was done: the pair is what the response is about (one verbatim span of the line).
    Returns the span, the coalition names in it, and how far the response sentence moved into it."""
    if not _POINTS_BACK.match(sentence.text):
        return sentence, _names(ctx, sentence), 0
    shift = sentence.start - before.start
    joined = Sentence(before.start, sentence.end, before.line, ctx.session.text[before.start : sentence.end])
    names = (*_names(ctx, before), *((a + shift, b + shift) for a, b in _names(ctx, sentence)))
    return joined, names, shift


def _without_span(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _retro_promise(
    ctx: _Context,
    turn: Turn,
    sentence: Sentence,
    cue: Cue,
    coalition: str | None,
    org: str | None,
    family: str | None,
    head: str | None,
) -> list[Item]:
    """The earlier promise a delivery or slip names ("… was announced for 2024; it has been delayed",
    "the report that we promised in Addis is out"), as an `update` item placed just before it.

    Why: the sentence itself puts the promise on record, so its fate is known even when the session
    the promise was made in is not in the store (an update joins the actor's open commitment of the
    same family, or opens one, and the outcome then closes it).
    """
    if cue.signal not in ("slip", "delivery") or not family:
        return []
    said = retro_promise(sentence.text, named=False)
    if said is None:
        return []
    return [
        Item(
            session=ctx.session_id,
            line=sentence.line,
            quote=sentence.text,
            signal="update",
            speaker=turn.speaker,
            coalition=coalition,
            org=org,
            family=family,
            head=head,
            cue=said.group(0).strip(),
            seq=sentence.start,
            names=_names(ctx, sentence),
        )
    ]


# -- who, when the caption or the document names nobody ----------------------------------------
def _title(ctx: _Context) -> str:
    meta = ctx.analyses.get("document") or {}
    return str(meta.get("title") or ctx.session.title or ctx.session_id).strip()


def _document_voice(ctx: _Context) -> str | None:
    """Who a document's paragraph speaks for: its coalition or institution, else "in TITLE"."""
    if not ctx.document:
        return None
    coalition, org = ctx.document_by
    return coalition or org or f"in {_title(ctx)}"


def _anonymous(ctx: _Context) -> str:
    """An unnamed asker ("AUDIENCE MEMBER"): the document's voice, or a participant of the session."""
    return _document_voice(ctx) or f"a participant in {_title(ctx)}"


# -- questions and their answers in the session ----------------------------------------------
# a reply that answers nothing: the chair closing the floor, a deferral, not knowing
_NO_ANSWER = re.compile(
    r"\b(?:(?:we are|we're|we have run|we ran|i am afraid we are) (?:out of|over) time|no (?:more )?time (?:left )?for"
    r"|take (?:it|this|that) offline|(?:come|get) back to (?:you|this|that) later|(?:i|we) (?:do not|don't) know"
    r"|(?:cannot|can't|can not) answer|(?:do not|don't) think (?:i|we) can answer|let(?:'s| us) move on|next question"
    r"|we (?:will |'ll )?(?:note|record|take note of|write down) (?:it|this|that|the questions?)|we take note"
    r"|(?:leave|keep) (?:it|this|that|the question) (?:open|for (?:next year|later|another))"
    r"|go(?:es)? (?:in)?to the (?:report|minutes)|nobody (?:from|of) [^.;]{1,40} is here"
    # "I cannot say it today", "Let us take one more and then answer together": the question stays open
    r"|(?:cannot|can't|can not) (?:yet )?say (?:it |that |this )?(?:today|now|yet)"
    r"|let(?:'s| us) (?:take|collect|hear) (?:one|another|two|a few|some) more"
    # a deferral or an undecided matter: "Let me come back to you on that", "Honestly, this is not decided",
    # "I don't have that number with me", "I cannot give you a yes today"
    r"|(?:come|get) back to you|(?:is|are|was|has|have) (?:not|n't) (?:yet |been )*decided|not decided yet"
    r"|(?:do not|don't|did not|didn't) have (?:that|the|this|those|these|such) (?:\w+ )?(?:numbers?|figures?|data"
    r"|answer|list|details|information|statistics)"
    r"|(?:cannot|can't|can not) give you (?:a|an|the) (?:\w+ )?(?:yes|no|answer|number|figure|date)"
    # not thought about, not decided on, not promised: "Honestly I have not thought about it", "We have not
    # discussed it in the coalition yet", "I cannot promise for next year", "we are still discussing this"
    r"|(?:have|has|had) (?:not|n't) (?:yet )?(?:thought|discussed|looked|considered|talked) (?:about |at |into )?"
    r"(?:it|this|that|them)|(?:cannot|can't|can not) promise|(?:are|is) still (?:discussing|negotiating) (?:it|this|that)"
    r"|(?:very |so |a bit |really )?short of time)\b",
    re.I,
)
# a sentence of a reply that is not its answer: a greeting or thanks ("I only want to say thank you to …"), or
# captions that lost the words ("[ inaudible ] ... the connection ...")
_NOT_ANSWERING = re.compile(
    r"^\W*(?:thank|thanks|good|hello|hi)\b|^\W*(?:i|we) (?:only |just )?(?:want|wanted|would like) to (?:say )?thank"
    r"|\binaudible\b",
    re.I,
)


def _answer_sentence(ctx: _Context, turn: Turn, sentences: Sequence[Sentence], question: str) -> Sentence | None:
    """The sentence of an answer turn that answers: the one sharing most content with the question;
    none when the turn says it answers nothing ("I cannot answer it. We take note.")."""
    want = set(ctx.lexicon.features(question))
    if any(_NO_ANSWER.search(s.text) for s in sentences):
        return None
    best: tuple[int, int, Sentence] | None = None
    for i, s in enumerate(sentences):
        words = s.text.split()
        if len(words) < 3 or _NOT_ANSWERING.search(s.text) or _NO_ANSWER.search(s.text):
            continue
        if turn.speaker and s.text.lower().startswith(turn.speaker.lower().split()[0]) and len(words) <= 8:
            continue  # "Omar Farouk, UN DESA."
        shared = len(want & set(ctx.lexicon.features(s.text)))
        key = (shared, -i)
        if best is None or key > best[:2]:
            best = (shared, -i, s)
    return best[2] if best else None


# a question read out in indirect speech ("He asks the schools coalition how long a typical school lasts",
# "Somebody asks when the session report will be online"): a relayed question, the floor's, not the reader's
_INDIRECT = re.compile(
    r"^\W*(?:from [^:?.]{1,40}:\s*)?(?:(?:and|so|also|now|then|next|first|second|finally),?\s+)?(?:(?:he|she|they|someone|somebody|one person"
    r"|a participant|one participant|an? (?:remote|online) participant|a colleague|the chat|a question in the chat)"
    r" (?:also |now )?(?:asks?|is asking|wants to know|would like to know|wonders?|asked)"
    r"|(?:there is|we have) (?:a|another|one more) question (?:in the chat |online |from the floor )?(?:on|about)"
    r")\b(?:\s+(?:the|our|us|you|all|whether|if|(?-i:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?-i:[A-Z])[\w'’-]+)\b[^.?;]{0,50}?)?"
    r"\s+(?:how|what|when|whether|if|why|who|which|where)\b",
    re.I,
)
# a floor prompt to a panellist: not a question thread ("Amina, anything to add?", "One more word on that?")
_PROMPT = re.compile(
    r"\b(?:(?:one|a|any) (?:more |last |final |quick |short |brief )?(?:words?|comments?|thoughts?|reactions?|remarks?)"
    r"|anything (?:else )?to add|(?:something|more) to add|(?:would|do|will) you (?:like|want|care) to (?:add|comment|react"
    r"|respond|come in|say)|your (?:thoughts|reaction|comment|view|take)|(?:can|could|would) you (?:add|comment|react"
    r"|elaborate|say (?:a bit )?more|expand|come in)|want to (?:add|react|come in)|(?:shall|can) we (?:move on|go on"
    r"|continue|take))\b",
    re.I,
)
_VOCATIVE = re.compile(r"^\W*(?:(?:and|so|yes|okay|ok|thank you|thanks),?\s+)?[A-Z][\w'’-]+,\s")


def is_prompt(sentence: str, people: Iterable[str] = ()) -> bool:
    """A moderator's floor prompt put as a question: short (at most twelve words) and asking a panellist
    for a word, a comment or something to add, or addressed to one by name and at most six words.

    >>> is_prompt("Amina, one more word on that?")
    True
    >>> is_prompt("Will the coalitions keep their sessions once the mandate is renewed?")
    False
    """
    words = len(sentence.split())
    if words <= 12 and _PROMPT.search(sentence):
        return True
    firsts = {name.split()[0].lower() for name in people if name.split()}
    start = _VOCATIVE.match(sentence)
    named = start is not None and start.group(0).strip(" ,").split()[-1].lower() in firsts
    return named and words <= 6


_ANOTHER_QUESTION = re.compile(r"\b(?:a|one|another|my|second|third|last|follow-up|related) question\b", re.I)


def _asks_back(reply: Sequence[Sentence]) -> bool:
    """A reply that is itself a question ("And a second question: …?"), not an answer."""
    return bool(reply) and (
        _QUESTION_END.search(reply[-1].text) is not None or any(_ANOTHER_QUESTION.search(s.text) for s in reply[:2])
    )


def _short_housekeeping(sentence: str) -> bool:
    return len(sentence.split()) <= 8 and is_housekeeping(sentence)


_ALTERNATIVE = re.compile(r"^\W*or\b", re.I)


def _answered_one(
    ctx: _Context,
    asked: Sequence[Sentence],
    answers: Sequence[int],
    by_line: Mapping[int, Turn],
    sentences: Mapping[int, list[Sentence]],
) -> Sentence | None:
    """Of several questions put in one turn, the one the reply answers: the one sharing most with the
    reply's answering sentence (ties: the first). One reply answers one question; the others stay open."""
    turn = by_line.get(answers[0]) if answers else None
    if turn is None:
        return None
    reply = " ".join(s.text for s in sentences[turn.index])
    said = set(ctx.lexicon.features(reply))
    return max(asked, key=lambda s: (len(said & set(ctx.lexicon.features(s.text))), -s.start))


# a reply that opens by answering: "Yes, …", "No, …", "Of course …"
_REPLY_OPENS = re.compile(r"^\W*(?:yes|no|of course|absolutely|certainly|sure|not yet|indeed)\b", re.I)
# a name set off by commas, said to someone: "Lucía, …", "Yes, Lucía, …", "Anyone can join, Oluwaseun, …"
_ADDRESSED = re.compile(r"(?:^\W*|,\s+)([A-Z][\w'’‑-]+)(?=,\s)")


def _plain_reply(
    ctx: _Context, turns: Sequence[Turn], turn: Turn, sentences: Mapping[int, list[Sentence]]
) -> list[int]:
    """The line of the turn right after a question the questions analysis left unanswered, when that turn plainly
    answers it: by another speaker (not a moderator), opening with "Yes", "No", … or addressing by name someone the
    question's turn names ("Yes, Lucía, we made a version on USB sticks", "Anyone can join, Oluwaseun, …").

    Why: a question relayed from the chat is put by the online moderator for someone else, and the analysis, which
    looks for a reply to the relay, finds none; the panellist answers the person the question came from."""
    at = next((n for n, t in enumerate(turns) if t is turn), None)
    reply = next((t for t in turns[at + 1 :] if t.kind == "speech"), None) if at is not None else None
    if reply is None or reply.speaker == turn.speaker or reply.speaker in ctx.moderators:
        return []
    said = sentences[reply.index]
    if not said or _asks_back(said):
        return []
    first = said[0].text
    if _REPLY_OPENS.match(first):
        return [reply.line]
    named = (m.group(1) for m in _ADDRESSED.finditer(first))
    if any(re.search(rf"\b{re.escape(name)}\b", turn.text) for name in named):
        return [reply.line]
    return []


def _floor_question(mine: Sequence[Sentence]) -> Sentence | None:
    """The question of a short floor turn: its last sentence when it is a question (at most four
    sentences), or, in a turn of at most eight that announces its question ("Question for the
    schools."), its last "?" sentence with at most two statements after it ("Do the schools charge a
    fee? In my country the students cannot pay.")."""
    if not mine or len(mine) > 8:
        return None
    if len(mine) <= 4:
        return mine[-1] if _QUESTION_END.search(mine[-1].text) else None
    asked = [n for n, s in enumerate(mine) if _QUESTION_END.search(s.text)]
    if not asked or len(mine) - 1 - asked[-1] > 2:
        return None
    if not any(_ASKS_FOR.search(s.text) for s in mine[: asked[-1] + 1]):
        return None
    return mine[asked[-1]]


# a moderator reading out someone's question: "In the chat there is a question for Lena, from Kwame in Accra.",
# "And one for the Secretariat, from Rodrigo in Porto Alegre.", "Yes, for Tariq, from Aroha in Wellington."
_NAME = r"[A-Z][\w'’‑-]+(?:\s+[A-Z][\w'’‑-]+)?"
_RELAY = re.compile(
    rf"\b(?:question|one)\b[^.?!]{{0,40}}?\bfrom\s+(?P<a>{_NAME})(?=\s+(?:in|at|on)\s+[A-Z]|\s*[.,:;]|\s*$)"
    rf"|\bfrom\s+(?P<b>{_NAME})\s+(?:in|at)\s+[A-Z]"
    r"|\b(?:in|from|on) the chat\b|\bonline\b[^.?!]{0,40}\bquestion\b|\bquestion\b[^.?!]{0,40}\bonline\b"
)


def _relayed_from(mine: Sequence[Sentence], at: int) -> str | None:
    """Who the moderator's "?" sentence `mine[at]` is read out for: the name a relay sentence just before it
    (or its own opening, "From Lwazi in Durban: How …?") gives, "" when the relay names nobody ("a question
    in the chat"); None when it is the moderator's own question."""
    said = [mine[at - 1].text] if at > 0 else []
    head = mine[at].text.split(":", 1)
    if len(head) == 2:
        said.append(head[0])
    for text in said:
        found = _RELAY.search(text)
        if found is not None:
            return found.group("a") or found.group("b") or ""
    return None


def _read_out(
    ctx: _Context, turns: Sequence[Turn], sentences: Mapping[int, list[Sentence]]
) -> list[tuple[Turn, Sentence, list[int], str]]:
    """Questions a moderator reads out for someone else (turn, sentence, answer lines, asker): answered where
    the `questions` analysis says (it judged the line), else by the next speaker's reply."""
    judged = {
        int(q["line"]): [int(n) for n in q.get("answer_lines") or []] if q.get("status") != "unanswered" else []
        for q in ctx.analyses.get("questions") or []
        if isinstance(q, Mapping) and q.get("line") is not None
    }
    out = []
    for i, turn in enumerate(turns):
        if turn.kind != "speech" or turn.speaker not in ctx.moderators:
            continue
        mine = sentences[turn.index]
        for at, sentence in enumerate(mine):
            if not _QUESTION_END.search(sentence.text) or len(sentence.text.split()) < 5:
                continue
            if is_prompt(sentence.text, ctx.people) or is_housekeeping(sentence.text):
                continue
            asker = _relayed_from(mine, at)
            if asker is None:
                continue
            if sentence.line in judged:
                # the analysis looks for a reply to the relay; the panellist answers the asker ("Anyone can join,
                # Oluwaseun, …"): a plain reply right after it answers what the analysis left unanswered
                answers = judged[sentence.line] or _plain_reply(ctx, turns, turn, sentences)
            else:
                reply = next((t for t in turns[i + 1 :] if t.kind == "speech"), None)
                replied = (
                    reply is not None and reply.speaker not in ctx.moderators and not _asks_back(sentences[reply.index])
                )
                answers = [reply.line] if replied and reply is not None else []
            out.append((turn, sentence, answers, asker or _anonymous(ctx)))
    return out


# a floor turn that announces its question ("Question for the schools.", "My question is for …")
_ASKS_FOR = re.compile(
    r"\b(?:(?:a|my|one|short|quick) )?question (?:for|to)\b|\bmy question\b|\bi (?:want|would like) to ask\b", re.I
)


def _question_items(
    ctx: _Context, turns: Sequence[Turn], sentences: Mapping[int, list[Sentence]], actors: Mapping[int, Actor]
) -> tuple[list[Item], set[int], set[int]]:
    """Questions (stored analysis first, then floor "?" sentences it missed) and same-session answers,
    with the sentences that are questions and those that are answers."""
    by_line = {t.line: t for t in turns}
    covering = {s.line: (t, s) for t in turns for s in sentences[t.index]}
    items: list[Item] = []
    used: set[int] = set()
    taken: set[int] = set()
    found: list[tuple[Turn, Sentence, list[int]]] = []
    relayed: dict[int, str] = {}  # sentence start → who the relayed question is from
    read_out = _read_out(ctx, turns, sentences)
    for turn, sentence, answers, asker in read_out:
        found.append((turn, sentence, answers))
        relayed[sentence.start] = asker
    for q in ctx.analyses.get("questions") or []:
        if not isinstance(q, Mapping) or q.get("line") is None:
            continue
        by, relay = q.get("by"), q.get("asked_by")
        got = covering.get(int(q["line"]))
        if got is None or (by or relay) in ctx.moderators or got[1].start in relayed:
            continue
        if got[0].speaker in ctx.moderators and not (by and relay and by != relay):
            continue  # the moderator's own question; one relayed for someone else ("a remote participant asks") counts
        turn = got[0]
        asked = [s for s in sentences[turn.index] if s.line == int(q["line"]) and _QUESTION_END.search(s.text)]
        # the analysis judged the line a question: of its "?" sentences drop floor prompts and short floor checks
        # ("Is it on?"); a longer one is a question even when a floor pattern fires inside it ("is anyone …")
        asked = [s for s in asked if not is_prompt(s.text, ctx.people) and not _short_housekeeping(s.text)]
        # "Will X …? Or will Y …?" is one question (the first says it); "How many …? And second, is …?" two
        asked = [s for n, s in enumerate(asked) if n == 0 or not _ALTERNATIVE.match(s.text)]
        if not asked:
            continue
        answers = [int(n) for n in q.get("answer_lines") or []] if q.get("status") != "unanswered" else []
        if not answers:
            answers = _plain_reply(ctx, turns, turn, sentences)
        answered = _answered_one(ctx, asked, answers, by_line, sentences) if len(asked) > 1 else asked[0]
        for one in asked:
            found.append((turn, one, answers if one is answered else []))
            if by and relay and by != relay:
                relayed[one.start] = str(by)
    judged = {int(q["line"]) for q in ctx.analyses.get("questions") or [] if isinstance(q, Mapping) and q.get("line")}
    for i, turn in enumerate(turns):
        if turn.kind != "speech":
            continue
        mine = sentences[turn.index]
        if any(s.line in judged for s in mine):
            continue  # the questions analysis judged this turn: it alone says a question's fate in a session
        reply = next((t for t in turns[i + 1 :] if t.kind == "speech"), None)
        # read out for the floor (a remote moderator, often unnamed): answered by whoever speaks next
        told = next((s for s in mine if _INDIRECT.search(s.text) and not _QUESTION_END.search(s.text)), None)
        if told is not None:
            replied = reply is not None and reply.speaker != turn.speaker and not _asks_back(sentences[reply.index])
            found.append((turn, told, [reply.line] if replied and reply is not None else []))
            relayed[told.start] = _anonymous(ctx)
            continue
        if turn.speaker in ctx.moderators:
            continue
        last = _floor_question(mine)
        if last is None or len(last.text.split()) < 5 or is_housekeeping(last.text) or is_prompt(last.text, ctx.people):
            continue
        shares = (
            reply is not None
            and reply.speaker not in ctx.moderators
            and reply.speaker != turn.speaker
            and not _asks_back(sentences[reply.index])
        )
        found.append((turn, last, [reply.line] if shares and reply is not None else []))
    for turn, sentence, answers in found:
        coalition, org = actors.get(turn.index, (None, None))
        if sentence.start in relayed:
            coalition, org = None, None  # the relay's affiliation is not the asker's
        text = _without_coalitions(ctx, sentence)
        items.append(
            Item(
                ctx.session_id,
                sentence.line,
                sentence.text,
                "question",
                relayed.get(sentence.start) or turn.speaker or _anonymous(ctx),
                coalition,
                org,
                _category(ctx, text),
                cue="?",
                seq=sentence.start,
                names=_names(ctx, sentence),
            )
        )
        used.add(sentence.start)
        answer_turn = by_line.get(answers[0]) if answers else None
        if answer_turn is None:
            continue
        best = _answer_sentence(ctx, answer_turn, sentences[answer_turn.index], sentence.text)
        if best is None or best.start in taken:
            continue
        taken.add(best.start)
        a_coalition, a_org = actors.get(answer_turn.index, (None, None))
        items.append(
            Item(
                ctx.session_id,
                best.line,
                best.text,
                "answer",
                answer_turn.speaker,
                a_coalition,
                a_org,
                cue="answer",
                answers=sentence.line,
                seq=best.start,
                names=_names(ctx, best),
            )
        )
    return items, used, taken


# -- asks the analyse stage found ----------------------------------------------------------------
def _analysed_asks(
    ctx: _Context, covering: Mapping[int, list[tuple[Turn, Sentence]]]
) -> dict[int, tuple[Mapping[str, Any], Turn, Sentence]]:
    """The sentences the `asks` analysis found an ask or recommendation in (sentence start → the ask, its
    turn and sentence): the sentence of the line whose words the stored quote holds (or that holds it)."""
    found: dict[int, tuple[Mapping[str, Any], Turn, Sentence]] = {}
    for ask in ctx.analyses.get("asks") or []:
        if not isinstance(ask, Mapping) or ask.get("type") not in _NEED_TYPES or ask.get("line") is None:
            continue
        quote = str(ask.get("quote") or "")
        if not quote:
            continue
        for turn, sentence in covering.get(int(ask["line"]), []):
            if quote in sentence.text or sentence.text in quote:
                found.setdefault(sentence.start, (ask, turn, sentence))
                break
    return found


def _stored_needs(
    ctx: _Context, analysed: Mapping[int, tuple[Mapping[str, Any], Turn, Sentence]], actors: Mapping[int, Actor]
) -> list[Item]:
    """A need item for each ask the analysis found, unless it is thanks, procedure or a question
    (`is_non_ask`) or the speaker chairs. (The other sentences of its line are not read: a line that
    opens "I want to remind one thing …" still holds the ask its next sentence makes.)"""
    out = []
    for ask, turn, sentence in analysed.values():
        if is_non_ask(sentence.text) or turn.speaker in ctx.moderators:
            continue
        coalition, org = ctx.document_by if ctx.document else actors.get(turn.index, (None, None))
        out.append(
            Item(
                ctx.session_id,
                sentence.line,
                sentence.text,
                "need",
                turn.speaker,
                coalition or (None if org else ask.get("coalition")),
                org,
                _category(ctx, _without_coalitions(ctx, sentence)),
                cue=_ASKS_CUE,
                seq=sentence.start,
                names=_names(ctx, sentence),
            )
        )
    return out


def _asks_taxonomy(
    items: Iterable[Item], analysed: Mapping[int, tuple[Mapping[str, Any], Turn, Sentence]]
) -> list[Item]:
    """Each need the `asks` analysis found too, with that analysis' category in `asked`: one taxonomy, so
    a thread's category is the one the session report gives the same sentence (`status.thread_category`)."""
    out = []
    for item in items:
        found = analysed.get(item.seq) if item.signal == "need" else None
        category = str(found[0].get("category") or "other") if found is not None else None
        out.append(replace(item, asked=category) if category is not None else item)
    return out


# a coalition's recommendation ("every session … should have live captions") is its ask of the forum: the
# asks analysis' trained classifier (`analyse.askmodel`) tells the two apart, a thread needs both. (Running that
# classifier again here on every sentence no rule took, at P ≥ 0.5, added no blind3 item and two noisy dev
# threads: measured at stop 19, not kept.)
_NEED_TYPES = frozenset({"ask", "recommendation"})


_COMMITMENT_SIGNALS = frozenset({"promise", "update", "delivery", "slip"})


def _dedupe(items: Iterable[Item]) -> list[Item]:
    """One item per sentence and signal (a need the analyse stage found too is kept once); a sentence
    that promises or reports on a promise is not also an ask the analyse stage read into it."""
    items = list(items)
    committed = {i.line for i in items if i.signal in _COMMITMENT_SIGNALS}
    committed_quotes = {(i.line, i.quote) for i in items if i.signal in _COMMITMENT_SIGNALS}
    seen: set[tuple[int, str]] = set()
    out = []
    for item in sorted(items, key=lambda i: (i.seq, i.cue == _ASKS_CUE)):
        if item.cue == _ASKS_CUE and item.line in committed and (item.line, item.quote) in committed_quotes:
            continue
        key = (item.seq, item.signal)
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def credited_session(session: Session, analyses: Mapping[str, Any]) -> Session:
    """The session with each speech turn credited to the person the resolve stage says spoke it:
    the merged name of a caption label variant, or the likely speaker of a flagged mis-attribution.

    Why: the briefs never credit a raw caption label (`summarise.attribution`), and a thread
    item must not either. "Doreen Bogdan-Martin promised the glossary" repeats a captioner's
    slip the analysis itself caught; "Olivier Repin-Leblond asked …" repeats a misspelt label
    the people analysis merged into Olivier Crepin-Leblond, and so loses his coalition (the
    people record, looked up by name, carries it) and his person page. The same `Credits`
    rules decide for both; a flagged turn without a likely speaker, and a turn no person is
    known for, keep their label (there is no one better to name).
    """
    if not analyses.get("flags") and not analyses.get("people"):
        return session
    from ..summarise.attribution import Credits  # only sessions with people analysed need it

    credits = Credits.of(session, analyses)
    turns = list(session.turns)
    changed = False
    for i, turn in enumerate(turns):
        if turn.kind != "speech":
            continue
        credit = credits.at(turn.line)
        if credit is not None and _recredits(turn, credit):
            turns[i] = replace(turn, speaker=credit.name)
            changed = True
    return replace(session, turns=tuple(turns)) if changed else session


def _recredits(turn: Turn, credit: Credit) -> bool:
    """Whether `credit` names someone other than the turn's speaker.

    A turn the parser gave no speaker ("AUDIENCE") is credited to whom the analysis
    re-attributed or counted it for, never to its own label read back as a name.
    """
    if not credit.name or credit.name == turn.speaker:
        return False
    if credit.inferred or turn.speaker is not None:
        return True
    return name_key(credit.name) != name_key(turn.label or "")


def _same_voice(last: Turn, turn: Turn) -> bool:
    """`turn` goes on from `last`, the turn just before it: the same speaker, or the same role label when the
    caption names nobody (five `>> INTERPRETER:` paragraphs, `>> SPEAKER:` on every paragraph of one person).

    Why: captions label every paragraph, and only the first says whom the speaker speaks for; the
    paragraphs after it, where the asks and promises are, would otherwise be nobody's (or the session's)
    and never join the same body's items of other years."""
    if turn.speaker or last.speaker:
        return turn.speaker == last.speaker
    return bool(turn.label) and name_key(turn.label or "") == name_key(last.label or "")


def extract_items(session: Session, analyses: Mapping[str, Any], session_id: str | None = None) -> SessionItems:
    """Every thread item of one session, in order, and the coalition each speaker spoke for."""
    session = credited_session(session, analyses)
    ctx = _context(session, analyses, session_id or session.id)
    turns = [t for t in session.turns if t.kind == "speech"]
    sentences = {t.index: turn_sentences(session, t, ctx.lines) for t in turns}
    actors: dict[int, Actor] = {}
    speakers: dict[str, str] = {}
    before: tuple[Turn, Actor] | None = None
    said = {} if ctx.document else _introductions(session, turns, sentences, ctx.registry)
    guessing: dict[str, bool] = {}  # speaker → every turn's body is the people analysis' guess
    for turn in turns:
        if ctx.document:
            actors[turn.index] = ctx.document_by
            continue
        person = ctx.people.get(turn.speaker) if turn.speaker else None
        actor = turn_actor(session, turn, sentences[turn.index], person, ctx.registry, said.get(turn.index))
        if actor == (None, None) and before is not None and _same_voice(before[0], turn):
            actor = before[1]  # a paragraph that goes on from the speaker's last one speaks for the same body
        if turn.speaker:
            guess = turn.index not in said and actor != (None, None) and actor == stated_actor(person, ctx.registry)
            guessing[turn.speaker] = guessing.get(turn.speaker, True) and guess
        actors[turn.index] = actor
        before = (turn, actor)
        coalition = actor[0]
        if coalition and turn.speaker and turn.speaker not in ctx.moderators:
            speakers.setdefault(turn.speaker, coalition)
    bodies = {
        t.speaker: org
        for t in turns
        if t.speaker and t.speaker not in ctx.moderators and (org := said.get(t.index, (None, None))[1])
    }
    question_items, used, taken = _question_items(ctx, [] if ctx.document else turns, sentences, actors)
    items = list(question_items)
    answered = _questions_answered(question_items, turns)
    for turn in turns:
        rows = table_rows(session.text, turn.start, turn.end) if ctx.document and "|" in turn.text else []
        items += [item for row in rows if (item := _row_item(ctx, turn, row)) is not None]
        kept = [s for s in sentences[turn.index] if not any(s.start < r.end and r.start < s.end for r in rows)]
        items += _turn_items(ctx, turn, _flat(kept), actors[turn.index], used, taken, answered.get(turn.index))
    covering: dict[int, list[tuple[Turn, Sentence]]] = {}
    for turn in turns:
        for s in sentences[turn.index]:
            covering.setdefault(s.line, []).append((turn, s))
    analysed = _analysed_asks(ctx, covering)
    # what a turn says after it took up an earlier ask or question is its answer ("Last year someone asked how
    # to measure it.  Our answer: measure the energy …"), not an ask of its own the analysis read into it
    responses = [i.seq for i in items if i.signal == "response"]
    answering = [(seq, t.end) for t in turns for seq in responses if t.start <= seq < t.end]
    items += [
        i
        for i in _stored_needs(ctx, analysed, actors)
        if i.seq not in used | taken and not any(a <= i.seq < b for a, b in answering)
    ]
    if not ctx.document:  # "we ask the Internet Society to …" and, turns later, the Internet Society's reply
        items += addressed_answers(items, turns, sentences, actors, ctx.lexicon, _NO_ANSWER)
    return SessionItems(
        tuple(_on_own_line(i, session.text, _line_index(ctx)) for i in _asks_taxonomy(_dedupe(items), analysed)),
        speakers,
        bodies=bodies,
        guessed=tuple(sorted(p for p, g in guessing.items() if g and p not in ctx.moderators)),
        renames=tuple(dict.fromkeys(r for t in turns for r in stated_renames(t.text))),
    )


def _flat(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with their line breaks read as spaces (same length, so every offset holds).

    Why: in a hard-wrapped caption a cue or a deliverable runs over a line break ("we will connect two
    hundred / secondary schools"), and the cue patterns read words parted by a space."""
    return [replace(s, text=s.text.replace("\n", " ")) if "\n" in s.text else s for s in sentences]


def _introductions(
    session: Session, turns: Sequence[Turn], sentences: Mapping[int, Sequence[Sentence]], registry: Registry
) -> dict[int, Actor]:
    """Turn index → the body its speaker said they speak for: in the turn's own opening, else in their latest
    earlier turn that said it, else in their first later one (turns of a speaker who never says are left out).

    Why: a speaker introduces themself once ("Nadia Rahimi, best practice forum on gender and access.") and
    speaks for that body in every turn of the session; what the people analysis guessed for their other
    turns (a coalition the moderator named just before) must not split one speaker's items between two actors."""
    own = {t.index: introduced_actor(session, t, sentences[t.index], registry) for t in turns}
    out: dict[int, Actor] = {}
    last: dict[str, Actor] = {}
    for turn in turns:
        if own[turn.index] != (None, None):
            out[turn.index] = own[turn.index]
            if turn.speaker:
                last[turn.speaker] = own[turn.index]
        elif turn.speaker in last:
            out[turn.index] = last[turn.speaker]
    first: dict[str, Actor] = {}
    for turn in reversed(turns):
        if own[turn.index] != (None, None) and turn.speaker:
            first[turn.speaker] = own[turn.index]
        elif turn.index not in out and turn.speaker in first:
            out[turn.index] = first[turn.speaker]
    return out


def _on_own_line(item: Item, text: str, lines: LineIndex) -> Item:
    """The item with its quote cut to one line of the source (`line`), its name spans kept inside the cut.

    Why: an item cites one line, and its quote must be verbatim within that line. Sentences end at a line
    that opens a list item, but a sentence may still run over line breaks (a hard-wrapped caption of ~78
    characters a line). Of its lines the item cites the one holding the words that make it an item (its
    cue: "must", "will connect", "was held"), else the longest: the sentence's first line is often only its opening words ("I say it again"), and the
    item is read (and linked) by what its quote says."""
    quote = item.quote
    start = lines.start(item.line)
    if "\n" in quote:
        at = text.find(quote, start)
    else:  # read with its line breaks as spaces (`_flat`): find it again in the source
        window = text[start : start + len(quote) + 4 * 80 + 200]
        at = window.replace("\n", " ").find(quote)
        at = -1 if at < 0 else start + at
    if at < 0:
        return item
    original = text[at : at + len(quote)]
    if "\n" not in original:
        return item if original == quote else replace(item, quote=original)
    pieces = original.split("\n")
    offsets = [sum(len(p) + 1 for p in pieces[:k]) for k in range(len(pieces))]
    chosen = _cited_piece(item, quote, pieces, offsets)
    piece = pieces[chosen]
    lead = len(piece) - len(piece.lstrip())
    cut = piece.strip()
    off = offsets[chosen] + lead
    return replace(
        item,
        line=lines.line(at + off),
        quote=cut,
        names=tuple((a - off, b - off) for a, b in item.names if a >= off and b <= off + len(cut)),
    )


def _cited_piece(item: Item, quote: str, pieces: Sequence[str], offsets: Sequence[int]) -> int:
    """Which line of a sentence run over several an item cites: the one holding most of the words around its cue
    (`_CUE_REACH` characters either side: "Governments should / fund the salary of …" cites the second line, "…
    the device must take it back at the / end of its life" the first), else the longest (a question's opening
    words or its "?" alone say little)."""
    said = item.cue and item.signal not in ("question", "answer") and item.cue != _ASKS_CUE
    where = quote.find(item.cue) if said else -1
    if where < 0:
        return max(range(len(pieces)), key=lambda k: len(pieces[k].strip()))
    a, b = where - _CUE_REACH, where + len(item.cue) + _CUE_REACH

    def around(k: int) -> int:
        return max(0, min(b, offsets[k] + len(pieces[k])) - max(a, offsets[k]))

    return max(range(len(pieces)), key=lambda k: (around(k), -k))


_CUE_REACH = 40  # characters either side of a cue read as what the item says
