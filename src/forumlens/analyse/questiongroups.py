"""Question sentences grouped per turn and addressee, with asker, addressee and on-whose-behalf.

Why a module of its own: a group is the record every later step reads (fates, answers, the
model's features); who asks and whom it is put to are decided here once, from the turn's
sentences and the speakers around it (`analyse.questions` docstring: Asker, Addressee).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..text.accents import unaccented  # accents dropped one character for one: offsets hold
from ..text.fastre import Prefiltered
from ._regex import compile_cue
from .behalf import BehalfScan
from .context import AnalysisContext, Sentence
from .cues import (
    ADDRESSING,
    ASK_FRAME,
    GROUP_ADDRESS,
    ON_BEHALF,
    PARKING,
    QUESTION_ANNOUNCEMENT,
    REASK,
    ROOM,
    content_words,
)
from .questioncues import (
    ANSWER_REF,
    NEXT_QUESTION_HEAD,
    ORDINAL_QUESTION,
    PASS_ON_WORDS,
    REPLY_HEAD,
    SECOND_QUESTION,
    TO_ANYBODY,
    intro_name,
)
from .restated import named_in_restatement, restated_originals

if TYPE_CHECKING:
    pass
from .questionsentences import (
    _FOR_PERSON,
    _PASS_ON,
    _PUT_TO_PANEL,
    _RELAY_CHAIR,
    _RELAY_ROOM,
    _THANKS,
    _WH_OR_AUX,
    _YOU,
    HANDOFF_WORDS,
    _floor_turn,
    _has_content,
    _question_marks,
    _relay_pieces,
    _vocative,
    _words,
    is_housekeeping,
    is_question_sentence,
)


@dataclass
class QuestionGroup:
    """Question sentences of one turn that go to one addressee (internal record)."""

    turn: int
    sentences: list[Sentence]
    window: tuple[int, int]  # absolute span of the turn text this question owns
    by: str | None = None
    asked_by: str | None = None
    to: str = "room"
    from_moderator: bool = False
    parked: bool = False
    reask: bool = False
    relayed_for: str | None = None  # the name a read-out list item is put for (`_relay_pieces`)
    relayed_to: str | None = None  # whom the read-out item names as addressee ("asks Mr. Lim")
    second: bool = False  # an "And …?" question split from the one before it (`_second_question`)
    quote: int | None = None  # where the quotation it is read from opens (`questionsentences.quoted_relays`)
    restates: bool = False  # a chair's restatement of the floor question just asked (`analyse.restated`)
    core: list[Sentence] = field(default_factory=list)

    @property
    def line(self) -> int:
        return (self.core or self.sentences)[0].line


def _group_turn(ctx: AnalysisContext, index: int, answered_later: bool = False) -> list[QuestionGroup]:
    """The question groups of turn `index`; `answered_later`: a later turn says it answers this
    speaker (`answered_by_name`), so their "?" sentences are questions, as from the floor."""
    turn_text = ctx.turns[index].text
    pieces = [p for s in ctx.sentences[index] for q in _question_marks(s) for p in _relay_pieces(q, turn_text)]
    sents = [p for p, _ in pieces]
    moderator = ctx.is_moderator(index)
    # only a turn with sentences to judge asks whether it has the floor (most turns have none);
    # a relayed "a question in the chat" is the last and dearest test: it reads the whole turn
    floor = (
        bool(sents)
        and not moderator
        and (answered_later or _floor_turn(ctx, index) or any(not m.group("c") for m in ON_BEHALF.finditer(turn_text)))
    )
    groups: list[QuestionGroup] = []
    gap = 99
    announced = 0  # sentences since "I have a question for …" announced one (0: none pending)
    for i, s in enumerate(sents):
        following = sents[i + 1].text if i + 1 < len(sents) else ""
        relay = pieces[i][1]
        relayed_for = relay.name if relay else None
        if relayed_for is None and is_announcement(s.text):
            announced, gap = 1, gap + 1  # the heading is not the question: what follows is
            continue
        q = relayed_for is not None or is_question_sentence(s.text, moderator, following, floor, ctx.memo)
        if not q and 0 < announced <= ANNOUNCED_WITHIN and not is_housekeeping(s.text, ctx.memo):
            q = _has_content(s.text) or bool(ASK_FRAME.search(s.text))  # the announced question, whoever asks
        fresh = bool(announced) and q  # an announced question starts its own group
        announced = announced + 1 if announced and not q else 0
        if not q and relayed_for is None and NEXT_QUESTION_HEAD.search(s.text):
            announced, gap = 1, gap + 1  # "And my second question is to …, is somebody here?"
            continue
        if not q and groups and gap == 0 and "?" in s.text and not is_housekeeping(s.text, ctx.memo):
            q = True  # a follow-up "?" right after a question belongs to it
        second = q and _second_question(s.text, groups[-1] if groups and gap <= 2 else None)
        fresh = fresh or second or (q and _ordinal_question(s.text, groups[-1] if groups and gap <= 2 else None))
        if not q:
            gap += 1
            continue
        current = groups[-1] if groups else None
        if (
            current is not None
            and not fresh
            and gap <= 2
            and (
                relayed_for is None
                # more "?" sentences of one quotation read out are the asker's one question, unless
                # one opens as a question of its own ("And …?", `fresh`)
                or (relay is not None and relay.quote is not None and relay.quote == current.quote and gap == 0)
            )
            and (
                current.relayed_for is None
                or relay is not None
                or (gap == 0 and not any("?" in x.text for x in current.sentences))
            )
            and not _new_addressee(
                ctx, current.sentences[-1].end, s.end, s.text, " ".join(x.text for x in current.sentences)
            )
        ):
            current.sentences.append(s)
        else:
            groups.append(
                QuestionGroup(
                    turn=index,
                    sentences=[s],
                    window=(0, 0),
                    relayed_for=relayed_for,
                    relayed_to=relay.to if relay else None,
                    second=second,
                    quote=relay.quote if relay else None,
                )
            )
        gap = 0
    turn = ctx.turns[index]
    for k, g in enumerate(groups):
        start = turn.start if k == 0 else groups[k - 1].sentences[-1].end
        end = groups[k + 1].sentences[0].start if k + 1 < len(groups) else turn.end
        g.window = (start, end)
        g.core = [s for s in g.sentences if _has_content(s.text)] or list(g.sentences)
    return groups


ANNOUNCED_WITHIN = 2  # sentences after an announcement in which the announced question may come


def _second_question(text: str, current: QuestionGroup | None) -> bool:
    """An "And …?" sentence right after a question of the same turn asks a question of its
    own ("… is there a law now …?  And did the political parties do something …?"): the
    annotators list it apart even when it goes to the same person (`SECOND_QUESTION`). Only
    after a sentence that itself asked with "?", and only when it asks with "?" too, so an
    "and" clause continuing a question the captions cut stays with it."""
    if current is None or not any("?" in x.text for x in current.sentences):
        return False
    return bool(SECOND_QUESTION.match(text)) and "?" in text[-4:]


def _ordinal_question(text: str, current: QuestionGroup | None) -> bool:
    """A "?" sentence opened by an ordinal after a question of the same turn ("First for Ms.
    Gitau: …?  Second for the Ministry: does …?"): a question of its own, listed apart. Unlike
    an "And …?" one it does not inherit the addressee: numbered questions go to whom each names."""
    if current is None or not any("?" in x.text for x in current.sentences):
        return False
    return bool(ORDINAL_QUESTION.match(text)) and "?" in text[-4:]


def is_announcement(text: str) -> bool:
    """Whether a sentence only announces that a question follows ("Chris, I have a question to
    you.", "I have a question for the Dynamic Coalition on Gender."): it asks nothing itself,
    so it is never the question, and an announcement followed by no question (only "Is anybody
    from that coalition in the room?") leaves no question on the record. The sentence that
    follows is the question, and its status is judged on it (`QUESTION_ANNOUNCEMENT`)."""
    return bool(QUESTION_ANNOUNCEMENT.search(text.strip()))


def _for_person(text: str) -> str | None:
    """The name a sentence's heading puts the question to ("For Laura: who pays …", "And for
    Mr. Kalsakau, who pays …": a titled name may close with a comma)."""
    match = _FOR_PERSON.search(text) or _FOR_TITLED.search(text)
    return match.group(1) if match else None


_FOR_TITLED = re.compile(
    r"(?:^\W*|\b(?i:question|one|and)\s+(?:\w+\s+){0,2}?)(?:for|to)\s+(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+"
    r"([A-Z][\w‑'-]+)\s*,\s*(?i:" + _WH_OR_AUX + r")\b"
)


_FLOOR_LABEL = re.compile(r"^\W*(?:AUDIENCE|PARTICIPANT|FLOOR|FEMALE SPEAKER|MALE SPEAKER|SPEAKER)\W*$", re.I)


def same_speaker(ctx: AnalysisContext, a: int, b: int) -> bool:
    """Whether turns `a` and `b` are by one speaker. Two unnamed turns under a collective
    label ("AUDIENCE:", "PARTICIPANT:") are different voices from the floor unless one follows
    the other with no turn between and the layout shows no reply by another voice
    (`voice_changes`): three "AUDIENCE" askers apart are three people, and so are a "FLOOR"
    question and the "FLOOR" reply right under it; one speech the captions cut into paragraphs
    is one."""
    ka = ctx.turns[a].speaker or ctx.turns[a].label
    kb = ctx.turns[b].speaker or ctx.turns[b].label
    if a == b:
        return True
    if ka is None or ka != kb:
        return False
    if not ctx.turns[a].speaker and _FLOOR_LABEL.match(ka):
        lo, hi = min(a, b), max(a, b)
        return all(empty_turn(ctx, k) for k in range(lo + 1, hi)) and not voice_changes(ctx, lo, hi)
    return True


# Stage notes and brackets a caption line may close with ("(Laughter)", "[applause]").
_TRAILING_NOTES = re.compile(r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))+\s*$")


def voice_changes(ctx: AnalysisContext, a: int, b: int) -> bool:
    """Whether turn `b`, the next one under the same collective label as turn `a` (`a` < `b`), is
    another voice answering `a`, as the layout shows it: `a` ends by asking (a "?" is its last
    mark, stage notes aside), nobody speaks between, and `b` neither asks nor introduces itself
    (`questioncues.intro_name`): "FLOOR: Will the MAG give the coalitions a main session?" /
    "FLOOR: I cannot answer that today …". A speech the captions cut into paragraphs under one
    label does not end a paragraph by asking; the next asker of a round from the floor under the
    same label asks or names itself, and stays read as the voice before (a question turn is no
    reply either way). Why: read as one voice, a floor question's reply under the same label was
    skipped and the fate read the chair's turn after it (issue 22, stop 46)."""
    if any(ctx.turns[k].kind == "speech" for k in range(a + 1, b)):
        return False  # someone spoke between, however briefly ("Of course, Wilmer."): they took the question
    said = _TRAILING_NOTES.sub("", ctx.turns[a].text).rstrip()
    if not said.endswith("?"):
        return False
    reply = ctx.turns[b].text
    return "?" not in reply and intro_name(reply[:200]) is None


def _new_addressee(ctx: AnalysisContext, after: int, upto: int, sentence: str = "", group_text: str = "") -> bool:
    name = _vocative(sentence) or _for_person(sentence)
    if name and name not in group_text:
        return True
    text = ctx.session.text
    return any(ADDRESSING.search(text[max(after, m.start - 60) : m.start]) for m in ctx.coalitions_in(after, upto))


def _person_named(ctx: AnalysisContext, text: str, after_turn: int) -> str | None:
    """A session speaker named in `text` (full name or first name), preferring who speaks next."""
    hits = []
    plain_text = unaccented(text)
    for name in ctx.speaker_names:
        plain = unaccented(name)
        parts = [plain] + [w for w in plain.split()[:1] if len(w) > 2]
        if any(re.search(rf"\b{re.escape(p)}\b", plain_text, re.I) for p in parts):
            hits.append(name)
    if not hits:
        return None
    upcoming = [ctx.people[j].name for j in range(after_turn + 1, min(len(ctx.turns), after_turn + 6))]
    return next((n for n in upcoming if n in hits), hits[0])


def _next_speaker(ctx: AnalysisContext, index: int) -> str | None:
    for j in range(index + 1, min(len(ctx.turns), index + 4)):
        if ctx.turns[j].kind == "speech" and not ctx.is_moderator(j) and _words(ctx.turns[j].text) >= 4:
            return ctx.people[j].name
    return None


_TITLE = r"(?:Mr|Mrs|Ms|Dr|Prof(?:essor)?)\.?\s+"


def _person_addressed(ctx: AnalysisContext, g: QuestionGroup) -> str | None:
    """A session speaker the question is explicitly put to ("The question is for Ingrid:"),
    other than its voice: an addressing cue right before the name, as for coalitions."""
    text = ctx.session.text
    start, q_end = g.window[0], g.sentences[-1].end
    span = unaccented(text[start:q_end])  # "Ms. Fernández" names the speaker labelled FERNANDEZ
    found: tuple[int, str] | None = None
    voice = ctx.people[g.turn].name
    for name in (n for n in ctx.speaker_names if n != voice):
        plain = unaccented(name)
        # each pattern with the literal it must find in the span (a case-sensitive one): the
        # span is searched only for the few names it holds, the same matches (issue 19)
        parts = [(re.escape(plain), plain), *[(re.escape(w), w) for w in plain.split()[:1] if len(w) > 2]]
        if len(name.split()) > 1:  # "a question for Mr. Ibarra": a surname after a title
            parts.append((_TITLE + re.escape(plain.split()[-1]), plain.split()[-1]))
        for part, literal in parts:
            if literal not in span:
                continue
            for m in re.finditer(rf"\b{part}\b", span):
                at = start + m.start()
                before = text[max(start, at - 60) : at]
                if (ADDRESSING.search(before) or _PLURAL_ADDRESS.search(before)) and (found is None or at > found[0]):
                    found = (at, name)
    return found[1] if found else None


# "Two questions for Ms. Fernández": the shared addressing cue reads the singular only.
_PLURAL_ADDRESS = re.compile(r"\bquestions\s+(?:to|for)\W+(?:\w+\W+){0,2}$", re.I)


# "My question to the coalition: …", "a question for your coalition", "I ask the DC whether …": a
# coalition put by reference, not by name (a named one is a mention; "the coalition on …" names one).
_COALITION_REF = re.compile(
    r"\b(?i:the|your|this)\s+(?:(?i:dynamic)\s+)?(?:(?i:coalition)|DC)\b(?!['’]s|\s+(?i:on|of|for)\b)"
)


# The cue that puts a question to what follows it at once ("My question to ", "a question for ",
# "I ask ", a heading "To "): "a question to the chair: does the coalition have …" asks the chair.
_PUT_TO = re.compile(
    r"(?:\b(?:question|questions|one)\s+(?:(?:is|goes|would be)\s+)?(?:to|for)|\bask(?:ing)?|(?:^|[.?!:]\s+)(?:and\s+)?(?:to|for))\s+$",
    re.I,
)


def _coalition_referred(ctx: AnalysisContext, start: int, end: int) -> str | None:
    """The coalition a question is put to by reference ("My question to the coalition: will you
    …"): a cue that puts the question right before "the/your coalition" (`_PUT_TO`), and the
    coalition is the last one the session named before it (the session's own, in a coalition's
    session), else the one the last speaker for a coalition speaks for; None when neither is known."""
    text = ctx.session.text
    for m in _COALITION_REF.finditer(text, start, end):
        if not _PUT_TO.search(text[max(start, m.start() - 60) : m.start()]):
            continue
        named = [c for c in ctx.mentions if c.end <= m.start()]
        if named:
            return named[-1].name
        return _speaking_coalition(ctx, m.start())
    return None


def _speaking_coalition(ctx: AnalysisContext, before: int) -> str | None:
    """The coalition the last speaker before offset `before` who speaks for one speaks for (a
    coalition outside the registry, known from its chair's self-introduction in the cast)."""
    for turn in reversed(ctx.turns):
        if turn.start >= before:
            continue
        aff = ctx.people[turn.index].affiliation or ""
        if "coalition" in aff.lower() or aff.startswith("DC "):
            return aff
    return None


def _to_group(ctx: AnalysisContext, g: QuestionGroup) -> bool:
    """The question, or the sentence heading it, is put to a group ("To all coalitions: what
    …", "my question to each of you"): it has no single addressee, so nobody named nearby and
    no next speaker is "the" addressee (`GROUP_ADDRESS`)."""
    heading = [s for s in ctx.sentences[g.turn] if g.window[0] <= s.start < g.sentences[0].start][-1:]
    return any(GROUP_ADDRESS.search(s.text) for s in [*heading, *g.sentences])


def _addressee(ctx: AnalysisContext, g: QuestionGroup) -> str:
    text = ctx.session.text
    start, end = g.window
    q_end = g.sentences[-1].end
    mentions = ctx.coalitions_in(start, q_end)
    addressed = [m for m in mentions if ADDRESSING.search(text[max(start, m.start - 60) : m.start])]
    if addressed:
        return addressed[-1].name
    referred = _coalition_referred(ctx, start, q_end)
    if referred:
        return referred
    if ROOM.search(text[start:end]) or _to_group(ctx, g):
        return "room"
    # the asker is never the addressee: a floor voice introduces itself by name ("Wanjiru …, from
    # Nairobi.  A question to the member from Uganda.") and is then a speaker of the session
    askers = {ctx.people[g.turn].name, g.asked_by, g.by} - {None}
    for sentence in g.sentences:
        head = _for_person(sentence.text)
        person = (_person_named(ctx, head, g.turn) or _speaker_called(ctx, head)) if head else None
        if person and person not in askers:
            return person
    named = _person_addressed(ctx, g)
    if named and named not in askers:
        return named
    near = max(start, g.core[0].start - 350)
    spoken = " ".join(s.text for s in ctx.sentences[g.turn] if near <= s.start < end and not _THANKS.match(s.text))
    person = _person_named(ctx, spoken, g.turn)
    if person and person not in askers:
        return person
    if mentions and ctx.is_moderator(g.turn):  # the moderator's own question, or one read out for someone
        return mentions[-1].name
    if g.from_moderator and any(_YOU.search(s.text) for s in g.sentences):
        return _next_speaker(ctx, g.turn) or "room"
    return "room"


def _on_behalf(ctx: AnalysisContext, g: QuestionGroup, scans: dict[int, BehalfScan]) -> str | None:
    """Who a question is put for when its voice reads it out (the chat, a hub, a named person):
    the last read-out cue of its turn up to its end, outside a question's own clause ("on
    behalf of our coalition" only in a moderator's words: from anyone else it introduces them).
    `scans` keeps each turn's cues, found once (`behalf.BehalfScan`: a long turn asked for
    every question was quadratic)."""
    turn = ctx.turns[g.turn]
    end = g.sentences[-1].end
    scan = scans.get(g.turn)
    if scan is None or turn.start + len(scan.text) < end:  # offsets past the turn's (hand-built turns)
        whole = ctx.session.text[turn.start : max(turn.end, end)]
        scan = scans[g.turn] = BehalfScan(whole, ctx.is_moderator(g.turn))
    match = scan.last(end - turn.start)
    if match is None:
        return None
    if match.group("chat"):
        return "remote participant"
    who = match.group("a") or match.group("b") or match.group("c") or match.group("d") or ""
    tokens = {w.lower() for w in re.findall(r"\w+", who)}
    for p in ctx.people:
        if p.name and tokens & {w.lower() for w in p.name.split()}:
            return p.name
    return who


def _relayed_name(ctx: AnalysisContext, name: str) -> str:
    """A session speaker's full name for a first name read out with a question, else the name."""
    return next((n for n in ctx.speaker_names if name in n.split()), name)


def _passes_to_panel(g: QuestionGroup) -> bool:
    """A moderator's question that only puts the question before it to whoever can answer
    ("Does anybody on the panel know?", "Who wants to take it?"): it opens with an indefinite
    answerer (`TO_ANYBODY`) and holds no content word but where they sit and what they should
    do (`PASS_ON_WORDS`), so it asks nothing new and the question before it stays open to
    the answer that follows."""
    if len(g.sentences) != 1 or len(g.sentences[0].text.split()) > HANDOFF_WORDS:
        return False
    text = g.sentences[0].text
    return bool(TO_ANYBODY.search(text)) and content_words(text) <= PASS_ON_WORDS


def _relayed_to(ctx: AnalysisContext, g: QuestionGroup) -> str | None:
    """The addressee a read-out question names ("asks Mr. Lim whether …", "asks the panel
    whether …", "asks the Chair: …"): the session speaker so named, the room for the panel,
    the session's moderator for the chair; None when it names no one the session knows."""
    said = g.relayed_to
    if not said:
        return None
    if _RELAY_ROOM.match(said):
        return "room"
    if _RELAY_CHAIR.match(said):
        return next((p.name for i, p in enumerate(ctx.people) if p.name and ctx.is_moderator(i)), None)
    return _speaker_called(ctx, said)


def _speaker_called(ctx: AnalysisContext, said: str) -> str | None:
    """The one session speaker a name ("Mr. Lim", "Ms. Vestergaard", "Gitau") stands for: any
    word of their name, accents aside; None when no one or several are so called."""
    words = {w.lower() for w in re.findall(r"[\w‑'-]+", unaccented(said)) if len(w) > 2}
    known = dict.fromkeys(ctx.speaker_names)
    hits = [n for n in known if words & {w.lower() for w in unaccented(n).split() if len(w) > 2}]
    return hits[0] if len(hits) == 1 else None


def _called_before(ctx: AnalysisContext, g: QuestionGroup) -> bool:
    """A sentence just before the question calls someone by name ("Kofi, you have run
    networks in three districts. What happens when …?"): the question goes to them."""
    before = [s for s in ctx.sentences[g.turn] if g.window[0] <= s.start < g.core[0].start][-2:]
    return any(_vocative(s.text) for s in before)


def _introduced(ctx: AnalysisContext, g: QuestionGroup) -> str | None:
    """The name an unnamed voice ("AUDIENCE:") gives itself before its question ("Thank you.
    Nomvula Dlamini, South Africa, …"): the asker annotators record (`questioncues.intro_name`)."""
    start = ctx.turns[g.turn].start  # the first 200 characters, not a copy of a long turn's head
    opening = ctx.session.text[start : min(g.sentences[0].start, start + 200)]
    return intro_name(opening)


# A reply that says whose question it answers, by the asker's name: "To answer Sandra, …", "in
# reply to Omar", "answering Lena:", "Kaveh's question", "the question of Marco". A name read out
# with a question ("a question from Lena") reads one out; it does not reply.
ANSWERS_NAME = compile_cue(
    r"\b(?:" + REPLY_HEAD + r"|(?i:the question of))\s+(?P<a>[A-Z][\w‑'-]+)|\b(?P<b>[A-Z][\w‑'-]+)(?:'s|’s) question\b"
)
# read over whole later turns: asked only of a turn that holds the literals of one of its two
# alternatives (`text.fastre.Prefiltered`; issue 19)
ANSWERS_NAME_FAST = Prefiltered(ANSWERS_NAME, alternatives=True)


def answered_by_name(ctx: AnalysisContext) -> set[int]:
    """Turns whose speaker a later turn says it answers by name (`ANSWERS_NAME`): the speaker's
    last turn before the reply that holds a "?". The reply is evidence that the turn asked, even
    when its question is not put to "you" (a panellist's "What are the ministries doing …?"
    answered two turns later "To answer Sandra, …")."""
    out: set[int] = set()
    for j, turn in enumerate(ctx.turns):
        if turn.kind != "speech" or not any(w in turn.text for w in ("nswer", "epl", "espon", "question")):
            continue
        for m in ANSWERS_NAME_FAST.finditer(turn.text):
            name = _speaker_called(ctx, m.group("a") or m.group("b"))
            if name is None or name == ctx.people[j].name:
                continue
            asked = next(
                (i for i in range(j - 1, -1, -1) if ctx.people[i].name == name and "?" in ctx.turns[i].text), None
            )
            if asked is not None:
                out.add(asked)
    return out


def find_question_groups(ctx: AnalysisContext) -> list[QuestionGroup]:
    """Every tracked question of the session, with asker and addressee, in order."""
    first_speech = next((t.index for t in ctx.turns if t.kind == "speech"), -1)
    out: list[QuestionGroup] = []
    scans: dict[int, BehalfScan] = {}  # read-out cues per turn, for `_on_behalf`
    asked = answered_by_name(ctx)
    for turn in ctx.turns:
        if turn.kind != "speech":
            continue
        found = _group_turn(ctx, turn.index)
        if not found and turn.index in asked:
            found = _group_turn(ctx, turn.index, answered_later=True)
        for g in found:
            g.from_moderator = ctx.is_moderator(turn.index)
            g.asked_by = ctx.people[turn.index].name or _introduced(ctx, g)
            behalf = _relayed_name(ctx, g.relayed_for) if g.relayed_for else _on_behalf(ctx, g, scans)
            g.by = behalf or g.asked_by
            if behalf:
                g.from_moderator = False
            owned = ctx.session.text[g.window[0] : g.window[1]]
            g.parked = bool(PARKING.search(ctx.session.text[g.sentences[0].start : g.window[1]]))
            g.reask = bool(REASK.search(owned))
            g.to = _relayed_to(ctx, g) or _addressee(ctx, g)
            prev = out[-1] if out and out[-1].turn == turn.index else None
            if g.second and g.to == "room" and prev is not None and not _to_group(ctx, g):
                g.to = prev.to  # "Two questions for Ms. Fernández. … ? And did …?": the same addressee
            if g.from_moderator and all(
                (_PASS_ON.search(x.text) and len(_last_clause(x.text).split()) < 15)
                or (ANSWER_REF.search(x.text) and len(x.text.split()) < 25)
                for x in g.sentences
            ):
                continue  # "Aisha, would you like to answer that?" passes an earlier question on
            if g.from_moderator and _passes_to_panel(g):
                continue  # "Good question.  Does anybody on the panel know?": the floor's question, put on
            if (
                turn.index == first_speech
                and g.from_moderator
                and not any(_vocative(s.text) for s in g.core)
                and not _called_before(ctx, g)
                and not _PUT_TO_PANEL.search(ctx.session.text[g.window[0] : g.sentences[-1].end])
            ):
                continue  # the opening's guiding questions and rhetorical openers go to no one
            out.append(g)
    kept = [g for g in out if not _floor_handoff(ctx, g, out)]
    for k, orig in restated_originals(ctx, kept).items():
        kept[k].restates = True  # it neither closes the floor question's exchange nor answers it
        if kept[orig].to == "room":  # the chair names whom it is for ("the question to Ms. Li is")
            named = kept[k].to if kept[k].to != "room" else named_in_restatement(ctx, kept[k].turn)
            kept[orig].to = named or "room"
    return kept


def _last_clause(sentence: str) -> str:
    """What follows a sentence's vocative or lead-in ("Her colleague at the back, Mr. Riedl from the
    ministry, do you want to say something?" → "do you want to say something?"): a pass-on is
    judged on it, however long the naming before it."""
    return sentence.rsplit(",", 1)[-1]


def _floor_handoff(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup]) -> bool:
    """A moderator's short question that only gives the floor ("Rui, your hand is up
    again?", "Aroha, can you read it?"): the next speaker's turn asks questions itself
    (the floor was given to ask), so the moderator's words were a call, not a question.
    Judged on the shape of what follows, not on the words of the call."""
    if not g.from_moderator or any(len(s.text.split()) > HANDOFF_WORDS for s in g.sentences):
        return False
    nxt = next((j for j in range(g.turn + 1, len(ctx.turns)) if not empty_turn(ctx, j)), None)
    if nxt is None or same_speaker(ctx, nxt, g.turn):
        return False
    return any(h.turn == nxt for h in groups)


def empty_turn(ctx: AnalysisContext, j: int) -> bool:
    """Turn `j` says nothing a question or a reply could be made of: a stage note, or fewer than
    four words ("Yes.", "Thank you, Ana.")."""
    t = ctx.turns[j]
    return t.kind != "speech" or _words(t.text) < 4
