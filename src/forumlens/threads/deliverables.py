"""What a sentence is about: the names it says, its ask category and a promise's deliverable.

Why a module of its own: promises, updates, deliveries and slips must name their deliverable
(`threads.items`' docstring); finding the noun that is theirs (its own clause, the subject of
a passive, a compound, a verb promised) is one job, asked of each cue a sentence holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..analyse.asks import classify_category
from ..resolve.mentions import find_mentions
from ..resolve.text import LineIndex, line_index
from .cues import PRONOUN_OBJECT, Cue, retro_promise
from .itemcontext import _CLAUSE, _SUBJECT_PRONOUN, _Context
from .nounphrase import is_output, object_phrase, subject_phrase, unknown_family
from .sentences import Sentence

# a verbless topic the sentence opens with, up to its colon ("About the glossary: we have stopped work on it")
_TOPIC = re.compile(r"^[ \t]*(?:[^\s:;.!?]+[ \t]+){0,5}[^\s:;.!?]+:[ \t]")
# a phrase set before its clause, up to a comma, that the clause's subject pronoun names back ("The helpline app with
# one button, it never got past …"); the phrase opens with a determiner and holds no verb of a clause of its own
_DISLOCATED = re.compile(
    r"^\W*(?:the|our|this|that)\s+(?:(?!(?:is|are|was|were|has|have|had|will|we|they|i)\b)[^\s,;:.!?]+\s+){0,7}?"
    r"[^\s,;:.!?]+,\s+(?=(?:it|they)\s)",
    re.I,
)
# a pronoun in the clause after the cue that stands for what the clause is about ("stopped work on it")
_BACK_PRONOUN = re.compile(r"\b(?:it|them)\b", re.I)


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
    """The session text's line index: `resolve.text.line_index`'s shared one (built once per
    text for every caller), not a copy kept on the context."""
    return line_index(ctx.session.text)


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


def _topic_of(sentence: str, found: Sequence[tuple[int, int, str]], cue: Cue) -> tuple[str, str] | None:
    """(family, noun) of the deliverable a sentence's opening topic names when the cue's clause points back to it.

    Why: a speaker reporting on several outputs heads each with its topic ("About the glossary: we have stopped
    work on it"); the clause after the colon names no deliverable of its own, its "it" is the topic's."""
    topic = _TOPIC.match(sentence)
    dislocated = _DISLOCATED.match(sentence) if topic is None else None
    if dislocated is not None and dislocated.end() <= cue.start:
        # "The eviction helpline app with the one button, it never got past the test version": the phrase is set
        # before the clause and its pronoun names it back; of its nouns, the one no preposition introduces
        inside = [d for d in found if d[1] <= dislocated.end()]
        if inside:
            a, b, family = _subject(sentence, inside)
            return family, sentence[a:b]
    if topic is None or topic.end() > cue.start:
        return None
    clause = _CLAUSE.search(sentence, cue.end)
    inside = [d for d in found if d[1] <= topic.end()]
    if not _BACK_PRONOUN.search(sentence, cue.end, clause.start() if clause else len(sentence)):
        return _headed_topic(sentence, topic, found, cue) if cue.signal not in ("promise", "need") else None
    if not inside:
        return _headed_topic(sentence, topic, found, cue) if cue.signal not in ("promise", "need") else None
    a, b, family = inside[-1]
    return family, sentence[a:b]


# a topic opened by a determiner, "The agents:", "Our postal clerks course:" (not "Thank you:", "First:")
_HEADED = re.compile(r"^[ \t]*(?:the|our|its|their|this|that)[ \t]+(?P<noun>[^:]+?)[ \t]*:", re.I)
# topics of talk, not outputs: "The answer: …", "The good news: …", "The problem: …"
_TALK = frozenset(
    re.findall(
        r"\w+",
        "answer answers question questions problem problems reason reasons truth news point points idea ideas issue"
        " issues thing things fact facts rest situation reality challenge lesson lessons message conclusion summary"
        " difference result results line",
    )
)


def _headed_topic(
    sentence: str, topic: re.Match[str], found: Sequence[tuple[int, int, str]], cue: Cue
) -> tuple[str, str] | None:
    """(family, noun) of a report's topic heading when the news after it names no output of its own.

    Why: a speaker going through her coalition's outputs heads each with its name and tells its fate in a clause
    that does not repeat it ("The agents: we trained one hundred and twenty of the two hundred", "Our postal clerks
    course: two hundred clerks trained so far", "The clerks course: we stopped it"); the heading is the output,
    whether or not the lexicon knows its noun. Only for news of an output (update, slip, delivery): a promise or an
    ask after a heading names its own object."""
    headed = _HEADED.match(sentence, 0, topic.end())
    if headed is None or any(d[0] >= cue.end for d in found):
        return None
    noun = headed.group("noun")
    if noun.split()[-1].lower() in _TALK:
        return None
    inside = [d for d in found if d[1] <= topic.end()]
    if inside:
        a, b, family = inside[-1]
        return family, sentence[a:b]
    start = headed.start("noun")
    phrase = sentence[start : start + len(noun)]
    return unknown_family(phrase), phrase


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
    topic = _topic_of(sentence, found, cue)
    if topic is not None:
        return topic
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
        opening = _promised_opening(sentence, back) if back and back.end() <= cue.start else None
        if opening is not None:
            return opening
    return None


def _promised_opening(sentence: str, back: re.Match[str]) -> tuple[str, str] | None:
    """(family, noun) of the phrase a sentence opens with when the promise named right after it is its own ("The
    offline package we promised in Katowice …"): any noun, not only the lexicon's, since the promise names it an
    output; None when the sentence does not open with a phrase ending at the promise."""
    said = back.group(0)
    opening = subject_phrase(sentence, 0, back.start() + len(said) - len(said.lstrip()), at_cue=True)
    if opening is None:
        return None
    noun = sentence[opening[0] : opening[1]]
    return unknown_family(noun), noun


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
    curriculum that we announced last year, the work goes on"): news of the promise, an update; a delivery
    when the clause after it tells a deed done at a time ("… we promised in Katowice finally shipped in April 2024")."""
    said = retro_promise(sentence)
    if said is None:
        return None
    done = _DONE_AS_PROMISED.search(sentence)
    if done is not None:
        return Cue("delivery", done.start(), done.end(), done.group(0))
    at = _DONE_AT.match(sentence, said.end())
    if at is not None:
        verb = "a" if at.group("a") else "b"
        return Cue("delivery", at.start(verb), at.end(verb), at.group(verb))
    return Cue("update", said.start(), said.end(), said.group(0))


def retro_opening(sentence: str) -> tuple[str, str] | None:
    """(family, noun) of the deliverable a sentence without a fate cue opens with when an earlier promise of it
    follows ("The offline package we promised in Katowice finally shipped …"): the subject is what was promised,
    whether or not the lexicon knows its noun, so `_retro_update`'s news is about it."""
    said = retro_promise(sentence)
    return _promised_opening(sentence, said) if said is not None else None


# the promise's own place or time, then the clause's verb in the past with a time or "finally" (a deed done, by shape
# and not by verb: "… we promised in Katowice finally shipped in April 2024"); no negation can sit between them
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DONE_AT = re.compile(
    r"(?:\s+(?:in|at|during|last|for)\s+(?:the\s+)?[\w'’-]+(?:\s+\d{4})?)?,?\s+"
    r"(?:(?:finally|eventually|at last)\s+(?P<a>[a-z]{3,}ed|came out|went (?:out|live|online))\b"
    rf"|(?P<b>[a-z]{{3,}}ed|came out|went (?:out|live|online))\s+(?:in|on|by|last)\s+(?:(?-i:{_MONTH})\b|\d{{4}}|year|month|week))"
)


# the deed told in the past in a relative clause, then said to be what was promised: "the Office, which invited us to
# this consultation as it promised in its letter" is the promise kept, not news of it
_DONE_AS_PROMISED = re.compile(
    r"\b(?:which|who)\s+(?:has\s+|have\s+|had\s+)?(?:[a-z]{3,}ed|made|held|built|ran|gave|sent|kept|did|wrote)\b"
    r"[^.;]{0,100}?\b(?:as|like)\s+(?:it|they|she|he)\s+(?:had\s+|has\s+|have\s+)?(?:promised|announced|pledged)\b"
)
