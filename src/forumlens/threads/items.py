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
- needs come from the cues here and from the stored `asks` analysis (its asks of
  type `ask`), so nothing the analyse stage found is lost;
- questions come from the stored `questions` analysis (non-moderator askers, sentences
  ending in "?") and, when it missed them, from a non-moderator's "?" sentence that
  ends a short floor turn (answered when the next turn is another non-moderator's);
  the answer given in the same session is an `answer` item (its sentence sharing most
  with the question; a reply that answers nothing — "we are out of time", "we note it",
  "nobody from the Panel is here" — is none, so the question stays open);
- one item per sentence and signal (a need the analyse stage found too is kept once); a
  sentence that promises or reports on a promise is not also an ask, and thanks, floor
  procedure and questions are never asks (`cues.is_non_ask`, applied to stored asks too);
- a delivery or slip that names its earlier promise ("was announced for 2024; it has been
  delayed") also gives an `update` placed just before it, so its fate is known even when
  the promise's own session is not in the store;
- an answer sentence may still promise ("Yes, and we are planning workshops …");
- a question's fate in its own session is the `questions` analysis's alone: a turn that
  analysis judged is never re-read by the "?" fallback, and the fallback's reply must not
  itself be a question; an unnamed asker is "a participant in TITLE" (a relayed
  question, "a remote participant asks: …", is the remote participant's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..analyse.asks import classify_category
from ..analyse.questions import is_housekeeping
from ..models import Session, Turn
from ..pipeline import is_document_session
from ..resolve.mentions import find_mentions
from ..resolve.registry import Registry, load_registry
from ..resolve.text import LineIndex
from .actors import Actor, document_actor, turn_actor
from .cues import PRONOUN_OBJECT, RETRO_PROMISE, Cue, find_cue, is_non_ask
from .lexicon import Lexicon, load_lexicon
from .models import Item, SessionItems
from .sentences import LineFinder, Sentence, turn_sentences

__all__ = ["extract_items"]

_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|so)\s|\.\s")
_MODERATOR_SIGNALS = frozenset({"response"})
_COALITION_SIGNALS = frozenset({"slip", "update", "promise", "delivery", "need"})
_NEEDS_DELIVERABLE = frozenset({"promise", "update", "delivery", "slip"})
_SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|this|that|these|those)\b", re.I)
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
    found = ctx.lexicon.deliverables(sentence)
    after = [d for d in found if d[0] >= cue.end]
    if cue.signal == "promise" and after and not sentence[cue.start : cue.end].lower().startswith(("will be", "shall")):
        a, b, family = after[0]
        return family, sentence[a:b]
    bounds = [m.end() for m in _CLAUSE.finditer(sentence, 0, cue.start)]
    left = bounds[-1] if bounds else 0
    before = [d for d in found if left <= d[0] and d[1] <= cue.start]
    if before and cue.signal != "promise":
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
    return None


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


# -- items of one turn ----------------------------------------------------------------------
def _turn_items(
    ctx: _Context, turn: Turn, sentences: Sequence[Sentence], actor: Actor, skip: set[int], answers: set[int]
) -> list[Item]:
    """Needs, promises, updates, deliveries, slips and responses of one turn (or paragraph).

    `skip`: sentences that are questions; `answers`: sentences that answer one, which may still
    promise or report on a promise ("… and we are planning workshops with the regional IGFs").
    """
    moderator = turn.speaker in ctx.moderators
    coalition, org = ctx.document_by if ctx.document else actor
    allowed = _MODERATOR_SIGNALS if moderator else _COALITION_SIGNALS if coalition else None
    items: list[Item] = []
    last: tuple[str, str] | None = None  # the deliverable named last in this turn
    for sentence in sentences:
        if sentence.start in skip or _QUESTION_END.search(sentence.text):
            continue
        named = ctx.lexicon.deliverables(sentence.text)
        names = _names(ctx, sentence)
        if sentence.start in answers:
            cue = None if moderator else find_cue(sentence.text, signals=_NEEDS_DELIVERABLE, names=names)
        else:
            cue = find_cue(sentence.text, signals=frozenset({"response"})) if coalition and not moderator else None
            if cue is None or cue.about != "question":
                cue = find_cue(sentence.text, signals=allowed, names=names)
        if cue is None:
            if named:
                last = (named[-1][2], sentence.text[named[-1][0] : named[-1][1]])
            continue
        family: str | None = None
        head: str | None = None
        if cue.signal in _NEEDS_DELIVERABLE:
            got = _deliverable(ctx, sentence.text, cue)
            if isinstance(got, tuple):
                family, head = got
            elif (got is None and cue.signal == "promise") or last is None:
                continue
            else:
                family, head = last
        text = _without_coalitions(ctx, sentence)
        retro = _retro_promise(ctx, turn, sentence, cue, coalition, org, family, head)
        items += retro
        items.append(
            Item(
                session=ctx.session_id,
                line=sentence.line,
                quote=sentence.text,
                signal="response" if cue.signal == "enacted" else cue.signal,
                speaker=turn.speaker,
                coalition=coalition,
                org=org,
                category=_category(ctx, text, cue.end) if cue.signal in ("need", "response", "enacted") else "other",
                family=family,
                head=head,
                cue=cue.text,
                about="enacted" if cue.signal == "enacted" else cue.about,
                seq=sentence.start + (1 if retro else 0),  # after the promise it tells the fate of
                names=_names(ctx, sentence),
            )
        )
        if named:
            last = (named[-1][2], sentence.text[named[-1][0] : named[-1][1]])
        elif family and head:
            last = (family, head)
    return items


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
    said = RETRO_PROMISE.search(sentence.text)
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
    r"|(?:cannot|can't|can not) answer|let(?:'s| us) move on|next question"
    r"|we (?:will |'ll )?(?:note|record|take note of|write down) (?:it|this|that|the questions?)"
    r"|go(?:es)? (?:in)?to the (?:report|minutes)|nobody (?:from|of) [^.;]{1,40} is here)\b",
    re.I,
)


def _answer_sentence(ctx: _Context, turn: Turn, sentences: Sequence[Sentence], question: str) -> Sentence | None:
    """The sentence of an answer turn that answers: the one sharing most content with the question."""
    want = set(ctx.lexicon.features(question))
    best: tuple[int, int, Sentence] | None = None
    for i, s in enumerate(sentences):
        words = s.text.split()
        if len(words) < 3 or re.match(r"^\W*(thank|thanks|good|hello|hi)\b", s.text, re.I) or _NO_ANSWER.search(s.text):
            continue
        if turn.speaker and s.text.lower().startswith(turn.speaker.lower().split()[0]) and len(words) <= 8:
            continue  # "Omar Farouk, UN DESA."
        shared = len(want & set(ctx.lexicon.features(s.text)))
        key = (shared, -i)
        if best is None or key > best[:2]:
            best = (shared, -i, s)
    return best[2] if best else None


_ANOTHER_QUESTION = re.compile(r"\b(?:a|one|another|my|second|third|last|follow-up|related) question\b", re.I)


def _asks_back(reply: Sequence[Sentence]) -> bool:
    """A reply that is itself a question ("And a second question: …?"), not an answer."""
    return bool(reply) and (
        _QUESTION_END.search(reply[-1].text) is not None or any(_ANOTHER_QUESTION.search(s.text) for s in reply[:2])
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
    for q in ctx.analyses.get("questions") or []:
        if not isinstance(q, Mapping) or q.get("line") is None:
            continue
        by, relay = q.get("by"), q.get("asked_by")
        got = covering.get(int(q["line"]))
        if got is None or (by or relay) in ctx.moderators:
            continue
        if got[0].speaker in ctx.moderators and not (by and relay and by != relay):
            continue  # the moderator's own question; one relayed for someone else ("a remote participant asks") counts
        turn = got[0]
        asked = [s for s in sentences[turn.index] if s.line == int(q["line"]) and _QUESTION_END.search(s.text)]
        if not asked:
            continue
        answers = [int(n) for n in q.get("answer_lines") or []] if q.get("status") != "unanswered" else []
        found.append((turn, asked[-1], answers))
        if by and relay and by != relay:
            relayed[asked[-1].start] = str(by)
    judged = {int(q["line"]) for q in ctx.analyses.get("questions") or [] if isinstance(q, Mapping) and q.get("line")}
    for i, turn in enumerate(turns):
        if turn.kind != "speech" or turn.speaker in ctx.moderators or not turn.speaker:
            continue
        mine = sentences[turn.index]
        last = mine[-1] if mine else None
        if last is None or not _QUESTION_END.search(last.text) or len(mine) > 4:
            continue
        if any(s.line in judged for s in mine):
            continue  # the questions analysis judged this turn: it alone says a question's fate in a session
        if len(last.text.split()) < 5 or is_housekeeping(last.text):
            continue
        reply = next((t for t in turns[i + 1 :] if t.kind == "speech"), None)
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
def _stored_needs(
    ctx: _Context, covering: Mapping[int, list[tuple[Turn, Sentence]]], actors: Mapping[int, Actor]
) -> list[Item]:
    out = []
    for ask in ctx.analyses.get("asks") or []:
        if not isinstance(ask, Mapping) or ask.get("type") != "ask" or ask.get("line") is None:
            continue
        quote = str(ask.get("quote") or "")
        for turn, sentence in covering.get(int(ask["line"]), []):
            if is_non_ask(sentence.text):
                break
            if quote and (quote in sentence.text or sentence.text in quote) and turn.speaker not in ctx.moderators:
                coalition, org = ctx.document_by if ctx.document else actors.get(turn.index, (None, None))
                out.append(
                    Item(
                        ctx.session_id,
                        sentence.line,
                        sentence.text,
                        "need",
                        turn.speaker,
                        coalition or ask.get("coalition"),
                        org,
                        _category(ctx, _without_coalitions(ctx, sentence)),
                        cue="analyse.asks",
                        seq=sentence.start,
                        names=_names(ctx, sentence),
                    )
                )
                break
    return out


_COMMITMENT_SIGNALS = frozenset({"promise", "update", "delivery", "slip"})


def _dedupe(items: Iterable[Item]) -> list[Item]:
    """One item per sentence and signal (a need the analyse stage found too is kept once); a sentence
    that promises or reports on a promise is not also an ask the analyse stage read into it."""
    items = list(items)
    committed = {i.line for i in items if i.signal in _COMMITMENT_SIGNALS}
    committed_quotes = {(i.line, i.quote) for i in items if i.signal in _COMMITMENT_SIGNALS}
    seen: set[tuple[int, str]] = set()
    out = []
    for item in sorted(items, key=lambda i: (i.seq, i.cue == "analyse.asks")):
        if item.cue == "analyse.asks" and item.line in committed and (item.line, item.quote) in committed_quotes:
            continue
        key = (item.seq, item.signal)
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def extract_items(session: Session, analyses: Mapping[str, Any], session_id: str | None = None) -> SessionItems:
    """Every thread item of one session, in order, and the coalition each speaker spoke for."""
    ctx = _context(session, analyses, session_id or session.id)
    turns = [t for t in session.turns if t.kind == "speech"]
    sentences = {t.index: turn_sentences(session, t, ctx.lines) for t in turns}
    actors: dict[int, Actor] = {}
    speakers: dict[str, str] = {}
    for turn in turns:
        if ctx.document or not turn.speaker:
            actors[turn.index] = ctx.document_by if ctx.document else (None, None)
            continue
        actors[turn.index] = turn_actor(
            session, turn, sentences[turn.index], ctx.people.get(turn.speaker), ctx.registry
        )
        coalition = actors[turn.index][0]
        if coalition and turn.speaker not in ctx.moderators:
            speakers.setdefault(turn.speaker, coalition)
    question_items, used, taken = _question_items(ctx, [] if ctx.document else turns, sentences, actors)
    items = list(question_items)
    for turn in turns:
        items += _turn_items(ctx, turn, sentences[turn.index], actors[turn.index], used, taken)
    covering: dict[int, list[tuple[Turn, Sentence]]] = {}
    for turn in turns:
        for s in sentences[turn.index]:
            covering.setdefault(s.line, []).append((turn, s))
    items += [i for i in _stored_needs(ctx, covering, actors) if i.seq not in used | taken]
    return SessionItems(tuple(_dedupe(items)), speakers)
