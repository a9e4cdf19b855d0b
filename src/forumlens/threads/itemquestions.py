"""Question, answer and response items of one session, where the `questions` analysis left them.

Why a module of its own: a question's fate in its own session is the `questions` analysis's
alone; what is read here is the "?" fallback for turns it did not judge (prompts, relayed and
read-out questions, the reply that answers), with its own rules (`threads.items`' docstring).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..analyse.questions import is_housekeeping
from ..models import Turn
from ..transcript.neighbours import next_speech
from .actors import Actor
from .deliverables import _category, _names, _without_coalitions
from .itemcontext import _QUESTION_END, _anonymous, _Context
from .models import Item
from .sentences import Sentence

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
    r"|\binaudible\b"
    # a transcriber's note in brackets, no one's words ("[CAPTIONING CONCLUDED AT THE SCHEDULED END OF THE SESSION]"),
    # when the captions stop in the middle of a reply and the parser leaves the note in its turn
    r"|^\s*(?:\[[^\[\]]*\]|\([^()]*\))\W*$",
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


def _speech_after(turns: Sequence[Turn], at: int) -> Turn | None:
    """The speech turn right after position `at`, if any (`next_speech`: no copy of the turns after it per
    turn, which made the per-turn reply lookups quadratic on a long session)."""
    k = next_speech(turns, at)
    return None if k is None else turns[k]


def _plain_reply(
    ctx: _Context, turns: Sequence[Turn], turn: Turn, sentences: Mapping[int, list[Sentence]]
) -> list[int]:
    """The line of the turn right after a question the questions analysis left unanswered, when that turn plainly
    answers it: by another speaker (not a moderator), opening with "Yes", "No", … or addressing by name someone the
    question's turn names ("Yes, Lucía, we made a version on USB sticks", "Anyone can join, Oluwaseun, …").

    Why: a question relayed from the chat is put by the online moderator for someone else, and the analysis, which
    looks for a reply to the relay, finds none; the panellist answers the person the question came from."""
    at = next((n for n, t in enumerate(turns) if t is turn), None)
    reply = _speech_after(turns, at) if at is not None else None
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
_FULL_NAME = r"[A-Z][\w'’‑-]+(?:\s+[A-Z][\w'’‑-]+){0,3}"
# what a relayed question comes in: a question, a card, a text message, a voice note …
_CARRIER = r"(?:question|one|card|message|SMS|text|note|comment|e-?mail|tweet)"
# a third person's reporting verb: "Hans Petter asks the languages coalition: …?", "He asks: …?"
_TELLS = (
    r"(?:also\s+)?(?:asks|asked|is asking|wants to know|would like to know|wonders|writes)\b"
    # … and what follows is the question: a colon after at most an addressee, or "if/whether/how …"
    r"(?=[^.?!:]{0,50}:|\s+(?:if|whether|how|what|when|why|who|which|where)\b|[^.?!:]{0,40}\b(?:if|whether)\b)"
)
_RELAY = re.compile(
    rf"\b{_CARRIER}\b[^.?!]{{0,40}}?\bfrom\s+(?P<a>{_NAME})(?=\s+(?:in|at|on)\s+[A-Z]|\s*[.,:;]|\s*$)"
    rf"|\bfrom\s+(?P<b>{_NAME})\s+(?:in|at)\s+[A-Z]"
    r"|\b(?:in|from|on) the chat\b|\bonline\b[^.?!]{0,40}\bquestion\b|\bquestion\b[^.?!]{0,40}\bonline\b"
    # a question asked off the microphone, repeated aloud for the record: "this is Ms. Farzana Shaikh-Dalvi, from …,
    # and her question to Tomasz is: …?" (whose question it is, not the chair's)
    rf"|\bthis is\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<c>{_NAME})\b[^.?!]{{0,80}}?\b(?:his|her|their) question\b"
    r"|\b(?:his|her|their) question (?:to|for)\b"
)
# a named asker and a reporting verb, an aside between ("Johan Nilsen-Labba, online, asks: …?"); read before
# `_RELAY`, whose "from <Name>" may be a place ("A text from Mombasa, signed Baraka, he asks: …?")
_TOLD = re.compile(
    rf"(?<![\w'’‑-])(?!(?:He|She|They|It|We|I|You|Somebody|Someone|Anyone|Everyone|Nobody)\b)(?P<d>{_FULL_NAME})(?:,[^.?!:,]{{1,30}},)?\s+{_TELLS}"
    # a pronoun for the asker named just before ("… signed Okwir, he asks: …?", "Joel Santos.  He asks: …?")
    rf"|(?P<e>\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+{_TELLS})"
)
_CAPITALISED = re.compile(r"(?<![\w'’‑-])[A-Z][\w'’‑-]+(?:\s+[A-Z][\w'’‑-]+)*")
# words that open a sentence or name no person: not an asker
_NOT_ASKER = frozenset({"yes", "and", "so", "now", "next", "also", "the", "a", "an", "one", "this", "thank", "thanks"})


def _relayed_from(mine: Sequence[Sentence], at: int) -> str | None:
    """Who the moderator's "?" sentence `mine[at]` is read out for: the name a relay sentence just before it
    (or its own opening, "From Lwazi in Durban: How …?") gives, "" when the relay names nobody ("a question
    in the chat"); None when it is the moderator's own question."""
    said = [mine[at - 1].text] if at > 0 else []
    head = mine[at].text.split(":", 1)
    if len(head) == 2:
        said.append(head[0] + ":")
    elif _INDIRECT.search(mine[at].text) and not _QUESTION_END.search(mine[at].text):
        said.append(mine[at].text)  # "He asks Mr Islam if the forms …": the relay is the question's own opening
    if len(head) == 2 and head[0].rstrip().endswith(" is"):
        # "… from Sunita in Pokhara, for Bishnu. I will read it in English. The question is: …?": the relay may
        # stand a few sentences back, as long as no other question comes between
        for back in range(at - 2, max(-1, at - 4), -1):
            if _QUESTION_END.search(mine[back].text):
                break
            said.insert(0, mine[back].text)
    for n in range(len(said) - 1, -1, -1):  # the reporting verb nearest the question first
        # a named asker is a person's name, not a body's after "the"/"from" ("a participant from the Ghana IGF asks")
        told = next((m for m in _TOLD.finditer(said[n]) if m.group("d") is None or _named_asker(said[n], m)), None)
        if told is None:
            continue
        if told.group("d") is not None:
            return _asker(told.group("d"))
        # the pronoun's person: the relay's name before it ("a question from Nomvula in Johannesburg. She asks: …"),
        # else the last name said before it that is no place ("Sudhakar from Kochi and he asks …")
        before = " ".join([*said[:n], said[n][: told.start()]])
        relay = _RELAY.search(before)
        if relay is not None and relay.group("b"):
            return str(relay.group("b"))
        return next(
            (_asker(m.group(0)) for m in reversed(list(_CAPITALISED.finditer(before))) if _person(before, m)), ""
        )
    for text in reversed(said):  # the relay nearest the question first ("The second card, from …: …?")
        found = _RELAY.search(text)
        if found is not None:
            return found.group("a") or found.group("b") or found.group("c") or ""
    return None


def _named_asker(text: str, told: re.Match[str]) -> bool:
    """Whether the name opening `told` stands alone: not after "the", "from", "of", "in", "at", nor the tail of a
    longer capitalised run ("… the Ghana IGF asks")."""
    before = text[: told.start()].rstrip()
    return not re.search(r"(?:\b(?:the|from|of|in|at)|[A-Z][\w'’‑-]*)$", before)


def _person(text: str, name: re.Match[str]) -> bool:
    """Whether the capitalised words `name` in `text` may be a person: not after "in"/"at", nor a place after
    "from" that follows a name ("Sudhakar Kalarikkal from Kochi")."""
    before = text[: name.start()].rstrip()
    if re.search(r"\b(?:in|at)$", before) or (before.endswith("from") and _AFTER_NAME.search(before)):
        return False
    return bool(_asker(name.group(0)))


_AFTER_NAME = re.compile(r"(?<![\w'’‑-])[A-Z][\w'’‑-]+\s+from$")


def _asker(name: str) -> str:
    """`name` without an opening word that names nobody ("And Johan" → "Johan"); "" when nothing is left."""
    words = name.split()
    while words and words[0].lower() in _NOT_ASKER:
        words = words[1:]
    return " ".join(words)


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
            asked = _QUESTION_END.search(sentence.text) or _INDIRECT.search(sentence.text)
            if not asked or len(sentence.text.split()) < 5:
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
                reply = _speech_after(turns, i)
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
        reply = _speech_after(turns, i)
        # read out for the floor (a remote moderator, often unnamed): answered by whoever speaks next
        told = next(
            (
                s
                for s in mine
                if _INDIRECT.search(s.text) and not _QUESTION_END.search(s.text) and s.start not in relayed
            ),
            None,
        )
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
