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
- another body the registry knows named as the subject of a promise's clause ("UNESCO will hold a
  workshop in Nairobi in 2018", "The Secretariat will publish a short guide …", told by anyone) is
  that body's promise (`bodypromise.py`);
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

The work is split by job: `itemcontext` (the session's context, the voice when nobody is named),
`deliverables` (what a sentence is about: names, category, deliverable), `itemquestions` (the
"?" fallback: questions, answers, prompts, read-out questions), `itemasks` (needs from the asks
analysis); this module reads each turn's items, credits the turns and stays the entry point
(names tests import from here are re-exported as `X as X`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from ..models import Session, Turn
from ..resolve.registry import Registry
from ..resolve.text import LineIndex
from ..transcript.speakers import name_key
from .actors import (
    Actor,
    body_pattern,
    form_officer_actors,
    introduced_actor,
    own_word_coalition,
    stated_actor,
    turn_actor,
)
from .addressed import addressed_answers
from .apposed import apposed_body
from .backref import NAMED_BACK, news_opening
from .blocks import split_blocks
from .bodypromise import body_promise
from .cues import Cue, CueMemo, find_cue, retro_promise
from .deliverables import (
    _ALL_SIGNALS,
    _FREE_RELATIVE,
    _PASSIVE_PROMISE,
    _category,
    _deliverable,
    _line_index,
    _names,
    _outputs,
    _own_coalition_pattern,
    _retro_update,
    _subject,
    retro_opening,
)
from .deliverables import _compounds as _compounds
from .formfields import field_turn
from .handover import hands_over
from .itemasks import _analysed_asks, _asks_taxonomy, _dedupe, _stored_needs
from .itemcontext import (
    _COALITION_SIGNALS,
    _MODERATOR_SIGNALS,
    _NEEDS_DELIVERABLE,
    _QUESTION_END,
    ASKS_CUE,
    _Context,
    _context,
)
from .itemquestions import _INDIRECT as _INDIRECT
from .itemquestions import _NO_ANSWER, _question_items
from .itemquestions import is_prompt as is_prompt
from .keptword import kept_actor, kept_promise
from .labelbody import tagged_actor
from .listed import opens_list_item, section_signal
from .models import Item, SessionItems
from .nounphrase import UNKNOWN_FAMILY, object_phrase, unknown_family
from .renames import stated_renames
from .reported import reported_actor
from .reportedspeech import Reported, backshifted, reported
from .roomvoices import room_credited
from .sentences import Sentence, turn_sentences
from .signatories import document_officers
from .succession import predecessor
from .tables import Cell, TableRow, row_signal, table_rows, undertaken

if TYPE_CHECKING:  # imported where used: only sessions with people analysed need it
    from ..summarise.attribution import Credit

__all__ = ["extract_items"]


# A chair's promise in the first person singular is her part in the session ("I will moderate this workshop"),
# and "X is online" / "you are online" says who is connected: neither is the body's promise or delivery.
_CHAIRS_OWN = re.compile(r"^I(?:\s|['’])|\bonline$", re.IGNORECASE)


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
    # a moderator speaking for an institution (a MAG chair chairing) may say what it has done for an ask;
    # a coordinator chairing her coalition's session (or anyone chairing for a body) says what it will do and
    # has done, as when she presents ("We will prepare a two-page summary …"): promises and their fates, never
    # asks (floor management)
    kept = (_NEEDS_DELIVERABLE if coalition or org else set()) | ({"enacted"} if org else set())
    allowed = (_MODERATOR_SIGNALS | kept) if moderator else None
    allowed = allowed if moderator else _COALITION_SIGNALS if coalition else None
    own = body_pattern(org) if org and not coalition else _own_coalition_pattern(coalition) if coalition else None
    # a document's list under a heading that says what its items are ("What we ask", "Next steps": `listed.py`)
    listed = section_signal(turn.section) if ctx.document and not moderator else None
    listed = listed if listed and (allowed is None or listed in allowed) else None
    items: list[Item] = []
    last: tuple[str, str] | None = _named_last(ctx, question)  # the deliverable named last in this turn
    previous: Sentence | None = None
    # a record that reports others' words: a document, an unlabelled paragraph, or a filled report form's field the
    # parser read as a labelled turn ("- Summary of Issues Discussed:" then "X asked whether …": `formfields`)
    third_person = (ctx.document or not turn.label or field_turn(ctx.session, turn)) and not moderator
    for sentence in sentences:
        before, previous = previous, sentence
        if sentence.start in skip or _QUESTION_END.search(sentence.text):
            continue
        heard = (
            reported(sentence.text, ctx.session.text[max(0, sentence.start - 8) : sentence.start])
            if third_person
            else None
        )
        voice = (
            (turn.speaker or "", (coalition, org))  # the record's own question: its writer's
            if heard is not None and heard.own
            else ctx.voices.resolve(heard, ctx.registry)
            if heard is not None
            else None
        )
        # the reported speaker's body takes the item; with no body named it stays the record's (a press release's
        # "Ms X announced …")
        reported_by = voice if voice is not None and voice[1] != (None, None) else None
        if heard is not None and voice is not None:
            items += _reported_turn(ctx, sentence, heard, voice)
            if heard.kind == "question":
                continue
            if heard.kind == "say" and not heard.answer:  # an answer's "would" is its reasoning, not a plan told
                sentence = replace(sentence, text=backshifted(sentence.text, heard.clause))  # "would publish": shall
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
        if moderator and cue is not None and cue.signal in _NEEDS_DELIVERABLE and _CHAIRS_OWN.search(cue.text):
            cue = None  # "and I will moderate", "Rashid, you are online": her part in the room, who is connected
        by_heading = (
            cue is None and listed is not None and opens_list_item(ctx.session.text, sentence.start, sentence.end)
        )
        if by_heading and listed:
            cue = Cue(listed, 0, 0, "")  # "## What we ask" — "2. That registers be open": the heading says it
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
            told = _promised_before(ctx, before, sentence) if last is None else None
            if told is not None and cue.signal in _FATES:
                family, head = told  # "… our coalition promised a network of reporters. It never took off."
                break
            told = _passive_referent(ctx, sentence, cue) if got is None and cue.signal == "promise" else None
            if told is not None:
                family, head = told  # "… presented the draft toolkit. … the final version will be released in 2016"
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
        if (
            by_heading
            and cue is not None
            and cue.signal == "promise"
            and (not family or (family.startswith(UNKNOWN_FAMILY) and not ctx.lexicon.deliverables(sentence.text)))
        ):
            # a verbless plan promises an output the lexicon knows ("A single website …", "Portuguese translation of
            # the whole toolkit": its complement), not "Meetings"
            cue = None
        # another body's deed told as its promise kept, no delivery cue of its own ("UNEP gave the two trainings it
        # promised"): that body's delivery (`keptword`). A sentence a cue already reads as a delivery keeps its
        # teller's actor: linking joins it to the promiser it names (`link._promisers`), and moving it to the
        # promiser cost that join on rounds 12, 15, 17, 21 and 27 (measured)
        maker: Actor | None = None
        promise_kept = kept_promise(sentence.text) if cue is None else None
        if promise_kept is not None:
            cue = Cue("delivery", promise_kept.start, promise_kept.end, promise_kept.text)
            got = _deliverable(ctx, sentence.text, cue)
            if isinstance(got, tuple):
                family, head = got
            elif last is not None:
                family, head = last  # "That page is on the website now; the Secretariat did what it promised"
            else:
                cue = None
            maker = kept_actor(promise_kept.body, ctx.registry) if cue is not None else None
        if cue is None and not moderator and (coalition or org):
            # "On the curriculum that we announced last year, …": news of it; "The offline package we promised …":
            # news of what the sentence opens with, a noun the lexicon need not know
            opening = None if named else retro_opening(sentence.text)
            cue = _retro_update(sentence.text) if named or opening else None
            if cue is not None and opening is not None:
                family, head = opening
            elif cue is not None:
                a, b, family = _subject(sentence.text, named)
                head = sentence.text[a:b]
        told_by = (
            body_promise(sentence.text, ctx.registry)
            if cue is None and heard is None and not moderator and (allowed is None or "promise" in allowed)
            else None
        )
        if told_by is not None:
            # "UNESCO will hold a workshop in Nairobi in 2018", "The Secretariat will publish a short guide …": the
            # promise of the body the clause names as its subject, whoever tells it (`bodypromise`)
            got = _deliverable(ctx, sentence.text, told_by[0])
            if isinstance(got, tuple):
                cue, maker = told_by
                family, head = got
        restated = (
            _restated_ask(before, sentence) if cue is None and not coalition and not moderator and not answers else None
        )
        if restated is not None:
            cue = restated  # "2. Your coalition asked that the IGF pay … The IGF Trust Fund cannot pay …": the answer
        if cue is None and heard is not None and voice is not None and heard.kind == "ask":
            cue = Cue("need", 0, heard.clause, sentence.text[: heard.clause])  # "He asked the city … to publish …"
        if (
            cue is None
            and not moderator
            and heard is None
            and sentence.start not in answers  # what an answer says the output is ("The school is open to all")
            and (allowed is None or "update" in allowed)
        ):
            # "The offline records: they work in one county", "The tabletop guide has a draft": news of the output the
            # sentence opens with, named back definitely, any verb; linking keeps it only when one open promise holds
            # the phrase (`backref`, `link._named_back`), else it is dropped
            news = news_opening(sentence.text)
            if news is not None:
                cue = Cue("update", news[0], news[1], sentence.text[news[0] : news[1]], NAMED_BACK)
        if cue is None:
            if named:
                last = (named[-1][2], sentence.text[named[-1][0] : named[-1][1]])
            continue
        said, names_of, shift = sentence, _names(ctx, sentence), 0
        if restated is not None and before is not None:
            said, names_of, shift = _joined(ctx, before, sentence)
        elif cue.signal == "response" and before is not None and before.line == sentence.line:
            said, names_of, shift = _with_referent(ctx, before, sentence)
        elif cue.signal in ("slip", "delivery") and not named and before is not None and before.line == sentence.line:
            said, names_of, shift = _with_promise_told(ctx, before, sentence, head)
        text = _without_span(said.text, names_of)
        retro = _retro_promise(ctx, turn, sentence, cue, coalition, org, family, head)
        if reported_by is not None:  # the reported body's earlier promise, not the record's
            name, (by_coalition, by_org) = reported_by
            retro = [replace(i, speaker=name, coalition=by_coalition, org=by_org) for i in retro]
        items += retro
        # "He added that UNODC will publish …" in a report: the promise is the named body's (`reported.py`)
        by = reported_actor(sentence.text, cue.start, ctx.registry) if cue.signal == "promise" else None
        if by is None and ctx.document:  # "1.3 (Pastoralist Mobile Services) …": the paragraph's tag says whose
            by = tagged_actor(sentence.text, ctx.session.text, ctx.registry)
        if by is None and reported_by is not None:
            by = reported_by[1]  # "She announced that the Commission would publish …": the reported speaker's body's
        if maker is not None:
            by = maker  # "UNEP gave the two trainings it promised": UNEP's delivery, not the speaker's
        items.append(
            Item(
                session=ctx.session_id,
                line=sentence.line,
                quote=ctx.session.text[said.start : said.end].replace("\n", " ") if heard is not None else said.text,
                signal="response" if cue.signal == "enacted" else cue.signal,
                speaker=reported_by[0] if reported_by is not None else turn.speaker,
                coalition=by[0] if by else coalition,
                org=by[1] if by else org,
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


def _reported_turn(ctx: _Context, sentence: Sentence, told: Reported, voice: tuple[str, Actor]) -> list[Item]:
    """The question a record reports ("Ms. X asked whether the guide …"), or the answer it reports to the question it
    reported last ("Ms. Y answered that …"): items of the reported speakers (`reportedspeech`). Other reported
    sentences give nothing here (their cue is read as a sentence's is, for the reported speaker).

    Why: a summary tells the floor's questions and their answers in the third person and in consecutive sentences or
    bullets; the "?" the question analysis looks for is not there."""
    name, (coalition, org) = voice
    if told.kind == "question":
        ctx.voices.question = (sentence.line, name)
        return [
            Item(
                ctx.session_id,
                sentence.line,
                sentence.text,
                "question",
                name or None,
                coalition,
                org,
                _category(ctx, sentence.text),
                cue="asked",
                seq=sentence.start,
                names=_names(ctx, sentence),
            )
        ]
    asked, ctx.voices.question = ctx.voices.question, None
    if not told.answer or asked is None or asked[1] == name:
        return []
    return [
        Item(
            ctx.session_id,
            sentence.line,
            sentence.text,
            "answer",
            name,
            coalition,
            org,
            cue="answer",
            answers=asked[0],
            seq=sentence.start,
            names=_names(ctx, sentence),
        )
    ]


def _row_item(ctx: _Context, turn: Turn, row: TableRow) -> Item | None:
    """The follow-up one row of a document's table of outputs says (`tables.py`), citing the row's line; None
    when its status says no delivery, slip or update, or its output cell names no deliverable.

    Why: the row is the coalition's own account of one output's fate, as a sentence "our guide was published in
    April 2010" would be; its deliverable is the lexicon's first noun of the output cell, else the head of the
    phrase the cell opens with ("Public register of …": a register)."""
    said = undertaken(row) if row.asks else None  # a row of recommendations the body took on itself
    status = row_signal(row) if said is None else None
    cue = said if said is not None else status[0] if status is not None else None
    coalition, org = ctx.document_by
    if cue is None or not (coalition or org):
        return None
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
        line=ctx.lines.line(row.output.start if said is not None else row.start),
        quote=name if said is not None else ctx.session.text[row.start : row.end],
        signal=cue.signal,
        speaker=turn.speaker,
        coalition=coalition,
        org=org,
        family=family,
        head=head,
        cue="",  # the status cell is a predicate without a subject: no words before it name who did it
        seq=row.output.start if said is not None else row.start,
    )


def _passive_referent(ctx: _Context, sentence: Sentence, cue: Cue) -> tuple[str, str] | None:
    """(family, noun) a passive promise whose subject names no output ("the final version will be released in 2016")
    is about: the last output the lexicon knows in its own sentence before the cue, else on its line before it (the
    paragraph); None when the cue is not passive or neither names one.

    Why: a report tells a plan as "X presented the draft toolkit. … the final version will be released …"; the
    version is the toolkit's. Only its own line is read, so an output named in another paragraph is not taken."""
    if not _PASSIVE_PROMISE.match(sentence.text, cue.start):
        return None
    own = [d for d in _outputs(ctx, sentence.text) if d[1] <= cue.start]
    if own:
        return own[-1][2], sentence.text[own[-1][0] : own[-1][1]]
    text = ctx.session.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    return _named_last(ctx, text[line_start : sentence.start])


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


# a body's reply that first says the ask put to it, then answers it ("1. You asked that displaced people be counted …",
# "3. The remote hub in Kathmandu asked during the same workshop whether …"), a letter's numbered paragraph or a turn
_RESTATED_ASK = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?(?:you|your\s+[\w'’-]+|the\s+[\w'’-]+(?:\s+[\w'’-]+){0,5}?)\s+(?:also\s+|have\s+|had\s+)?"
    r"asked\s+(?:(?:during|at|in|on|last)\s+[^,;.]{0,60}?\s+)?(?P<what>that|whether|if|what|why|how|when|us\s+to)\b",
    re.I,
)


def _restated_ask(before: Sentence | None, sentence: Sentence) -> Cue | None:
    """A response cue for a sentence that follows, on its line, one saying the ask put to the speaker's body ("Your
    coalition asked that the IGF pay the travel of tenants. The IGF Trust Fund cannot pay …"); None otherwise.

    Why: a reply (a letter's numbered paragraphs, an institution's turn) restates each ask, then answers it in
    words of its own that no response cue names; the pair is the item, so linking reads the ask's words in it. Only
    a sentence with no cue of its own is read so (a promise or delivery after the restated ask stays one)."""
    if before is None or before.line != sentence.line:
        return None
    asked = _RESTATED_ASK.match(before.text)
    if asked is None:
        return None
    what = asked.group("what").lower()
    return Cue(
        "response", 0, 0, "", "question" if what in ("whether", "if", "what", "why", "how", "when") else "request"
    )


def _with_referent(
    ctx: _Context, before: Sentence, sentence: Sentence
) -> tuple[Sentence, tuple[tuple[int, int], ...], int]:
    """A response that points back ("This is what … asked for") with the sentence before it on its line,
    which says what was done: the pair is what the response is about (one verbatim span of the line).
    Returns the span, the coalition names in it, and how far the response sentence moved into it."""
    if not _POINTS_BACK.match(sentence.text):
        return sentence, _names(ctx, sentence), 0
    return _joined(ctx, before, sentence)


# a promise told as made, the sentence after it telling its fate with a pronoun ("In Nairobi the Secretariat promised
# us a video of the summary. We never saw it.")
_PROMISE_TOLD = re.compile(r"\b(?:promised|pledged|announced)\b", re.I)
_FATES = frozenset({"slip", "delivery", "update"})  # what tells a promise's fate
_FATE_POINTS_BACK = re.compile(r"^\W*(?:and\s+|but\s+)?(?:it|we|they|nobody|no one|this|that)\b", re.I)


def _with_promise_told(
    ctx: _Context, before: Sentence, sentence: Sentence, head: str | None = None
) -> tuple[Sentence, tuple[tuple[int, int], ...], int]:
    """A delivery or slip that tells a fate with a pronoun ("We never saw it.") with the sentence before it on its
    line that tells the promise ("… the Secretariat promised us a video …"): the pair is the item, so linking reads
    who promised what (`linknames.promised_by`), not the teller's own promise. So too a fate that names no output of
    its own, whose deliverable (`head`) the promise before it names ("FAO promised to translate its guidelines …
    The French and Wolof versions were published in January")."""
    points_back = _FATE_POINTS_BACK.match(sentence.text) or (head and head.lower() in before.text.lower())
    if not (points_back and _PROMISE_TOLD.search(before.text)):
        return sentence, _names(ctx, sentence), 0
    return _joined(ctx, before, sentence)


def _promised_before(ctx: _Context, before: Sentence | None, sentence: Sentence) -> tuple[str, str] | None:
    """(family, noun) of what the sentence before on its line tells was promised, when this one tells its fate with
    a pronoun and nothing in the turn named an output the lexicon knows ("In Hyderabad our coalition promised a
    network of young fishers' reporters on the web. It never took off." — a network); None otherwise.

    Why: the slip's "it" can only be the promise just told; without it the slip was no item and the promise stayed
    pending for ever."""
    if before is None or before.line != sentence.line or not _FATE_POINTS_BACK.match(sentence.text):
        return None
    told = _PROMISE_TOLD.search(before.text)
    if told is None:
        return None
    known = [d for d in ctx.lexicon.deliverables(before.text) if d[0] >= told.end()]
    if known:
        a, b, family = known[0]
        return family, before.text[a:b]
    phrase = object_phrase(before.text, told.end())
    if phrase is None:
        return None
    noun = before.text[phrase[0] : phrase[1]]
    return unknown_family(noun), noun


def _joined(ctx: _Context, before: Sentence, sentence: Sentence) -> tuple[Sentence, tuple[tuple[int, int], ...], int]:
    """Two sentences of one line as one verbatim span, their coalition names, and how far the second moved."""
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
    session = room_credited(credited_session(session, analyses))
    ctx = _context(session, analyses, session_id or session.id)
    turns = [t for t in split_blocks(session.text, session.turns) if t.kind == "speech"]
    sentences = {t.index: turn_sentences(session, t, ctx.lines) for t in turns}
    actors: dict[int, Actor] = {}
    speakers: dict[str, str] = {}
    before: tuple[Turn, Actor] | None = None
    said = {} if ctx.document else _introductions(session, turns, sentences, ctx.registry)
    guessing: dict[str, bool] = {}  # speaker → every turn's body is the people analysis' guess
    handed: dict[str, Actor] = {}  # speaker → the body of the colleague who handed the floor over to them
    for turn in turns:
        if ctx.document:
            actors[turn.index] = ctx.document_by
            continue
        person = ctx.people.get(turn.speaker) if turn.speaker else None
        # a turn `_introductions` left out said nothing of its own body (it read every turn's opening once):
        # (None, None) spares `turn_actor` reading the opening again (issue 19)
        actor = turn_actor(session, turn, sentences[turn.index], person, ctx.registry, said.get(turn.index, _UNSAID))
        if turn.speaker and turn.index not in said:  # no introduction of their own: the one who handed over says
            if (
                before is not None
                and before[1] != (None, None)
                and before[0].speaker not in ctx.moderators
                and hands_over(before[0], sentences[before[0].index], turn)
            ):
                handed[turn.speaker] = before[1]
            actor = handed.get(turn.speaker, actor)
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
    for speaker, guess in guessing.items():  # a founder's "we start the Dynamic Coalition on …" is said, not guessed
        own = (
            n for t in turns if t.speaker == speaker for n in range(t.line, ctx.lines.line(max(t.start, t.end - 1)) + 1)
        )
        founded = own_word_coalition(ctx.people.get(speaker), own, ctx.registry) if guess else None
        if founded and speaker not in ctx.moderators and speaker not in bodies:
            bodies[speaker] = founded
    if ctx.document and ctx.document_by[0]:  # a coalition's own document: the officers it names speak for it
        # (`signatories`); an institution's is left out (a Secretariat summary's "Chair: …" chairs the MAG)
        for officer in document_officers(session.text):
            speakers.setdefault(officer, ctx.document_by[0])
    for officer, (coalition, org) in (
        {} if ctx.document else form_officer_actors(session, turns, ctx.registry)
    ).items():
        if coalition:  # a report form read as labelled turns names its organiser's officers (`formfields`)
            speakers.setdefault(officer, coalition)
        elif org:
            bodies.setdefault(officer, org)
    apposed = {
        t.speaker: body
        for t in turns
        if t.speaker
        and not ctx.document
        and t.speaker not in ctx.moderators
        and said.get(t.index, _UNSAID) == _UNSAID
        and (body := apposed_body(t.speaker, sentences[t.index])) is not None
    }
    question_items, used, taken = _question_items(ctx, [] if ctx.document else turns, sentences, actors)
    items = list(question_items)
    answered = _questions_answered(question_items, turns)
    # rows of recommendations read as sentences (start, end, where the cell's sentence starts): the asks analysis'
    # sentence that holds a row is that row's ask, its category the row's
    row_spans: list[tuple[int, int, int]] = []
    for turn in turns:
        rows = table_rows(session.text, turn.start, turn.end) if ctx.document and "|" in turn.text else []
        items += [item for row in rows if (item := _row_item(ctx, turn, row)) is not None]
        kept = [s for s in sentences[turn.index] if not any(s.start < r.end and r.start < s.end for r in rows)]
        asked = [r for r in rows if r.asks and undertaken(r) is None]  # "The regulator should …": a sentence
        kept += [_cell_sentence(ctx, r.output) for r in asked]
        row_spans += [(r.start, r.end, r.output.start) for r in asked]
        kept.sort(key=lambda s: s.start)
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
    # a question a record reports ("Participants asked the Secretariat whether …") is never also an ask
    told = {i.seq for i in items if i.signal == "question"}
    items += [
        i
        for i in _stored_needs(ctx, analysed, actors)
        if i.seq not in used | taken | told
        and not _form_prompt(session.text, i.seq)
        and not any(a <= i.seq < b for a, b in answering)
        and not any(i.seq < b and a < i.seq + len(i.quote) for a, b, _ in row_spans)
    ]
    analysed = {
        **analysed,
        **{
            cell: said
            for said in analysed.values()
            for a, b, cell in row_spans
            if said[2].start < b and a < said[2].end
        },
    }
    if not ctx.document:  # "we ask the Internet Society to …" and, turns later, the Internet Society's reply
        items += addressed_answers(items, turns, sentences, actors, ctx.lexicon, _NO_ANSWER)
    return SessionItems(
        tuple(_on_own_line(i, session.text, _line_index(ctx)) for i in _asks_taxonomy(_dedupe(items), analysed)),
        speakers,
        bodies=bodies,
        guessed=tuple(sorted(p for p, g in guessing.items() if g and p not in ctx.moderators)),
        renames=tuple(dict.fromkeys(r for t in turns for r in stated_renames(t.text))),
        apposed=apposed,
        successors={
            t.speaker: named  # reversed: her first turn that names one wins
            for t in reversed(turns)
            if t.speaker
            and not ctx.document
            and t.speaker not in ctx.moderators
            and (named := next(filter(None, (predecessor(s.text) for s in sentences[t.index])), None))
        },
    )


# a filled form's field: a bulleted line whose label ends in a colon ("- Please estimate the total number of
# participants: 40")
_FORM_FIELD = re.compile(r"[ \t]*[-•*][ \t]+[^:\n]{3,160}:")


def _form_prompt(text: str, at: int) -> bool:
    """Whether the sentence starting at `at` is the label of a form's bulleted field filled with a short value: the
    form's prompt to whoever fills it ("- Please estimate the number of participants: 40"), nobody's ask ("- Our ask:
    the MAG should fund travel for young people" is one)."""
    start = text.rfind("\n", 0, at) + 1
    field = _FORM_FIELD.match(text, start)
    if field is None or at >= field.end() or text[start:at].strip(" \t-•*"):
        return False
    end = text.find("\n", field.end())
    return len(text[field.end() : end if end >= 0 else len(text)].split()) < 4  # its value, not a sentence of its own


def _cell_sentence(ctx: _Context, cell: Cell) -> Sentence:
    """A table cell read as a sentence of its own (a row of recommendations: "Public schools … should be connected
    before 2017")."""
    return Sentence(cell.start, cell.start + len(cell.text), ctx.lines.line(cell.start), cell.text)


def _flat(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with their line breaks read as spaces (same length, so every offset holds).

    Why: in a hard-wrapped caption a cue or a deliverable runs over a line break ("we will connect two
    hundred / secondary schools"), and the cue patterns read words parted by a space."""
    return [replace(s, text=s.text.replace("\n", " ")) if "\n" in s.text else s for s in sentences]


_UNSAID: Actor = (None, None)


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
    said = item.cue and item.signal not in ("question", "answer") and item.cue != ASKS_CUE
    where = quote.find(item.cue) if said else -1
    if where < 0:
        return max(range(len(pieces)), key=lambda k: len(pieces[k].strip()))
    a, b = where - _CUE_REACH, where + len(item.cue) + _CUE_REACH

    def around(k: int) -> int:
        return max(0, min(b, offsets[k] + len(pieces[k])) - max(a, offsets[k]))

    return max(range(len(pieces)), key=lambda k: (around(k), -k))


_CUE_REACH = 40  # characters either side of a cue read as what the item says
