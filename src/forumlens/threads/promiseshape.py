"""A promise recognised by the shape of its clause, whatever its verb. Pure.

A commitment is a clause of the form *subject + future or modal of intention + verb + object*:
"We will collect the permit rules of thirty cities …", "UNESCO will bring together experts …" (said by
UNESCO), "our network intends to survey the rural hubs". The subject is the speaker's side (a first
person, "our coalition", or a span the caller knows names the speaker's body or a coalition); the modal is
one of intention (will, 'll, shall, going to, plan/intend/aim/undertake/commit to); the verb is any word
outside a small closed class of verbs that name no output (talk, thought, presence, the auxiliaries); the
object is a noun phrase (`nounphrase.object_phrase`), so "we will see", "we will try" and "we will send you
…" are not promises.

Why a shape and not a list: `cues._MAKE` lists the deeds promised in the sessions seen so far, and every
round brings new verbs ("collect", "bring together"); the clause's shape carries over.

What is not a promise by shape: a conditional ("if we get the money, we will …"), a hedge ("we hope
we will …"), a hypothetical or reported past ("we would …", "we said we would" — "would" is not one of
the modals), a prediction about the world ("prices will rise": its subject is not the speaker's side),
a question (the caller skips those).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .nounphrase import object_phrase

__all__ = ["HEDGED", "NO_OUTPUT_VERBS", "OWN_SUBJECT", "body_subjects", "promise_shape"]

_I = re.I
# the intention: a future or a modal of will; adverbs may sit on either side
_MODAL = (
    r"(?:(?:also|then|now|soon|further|jointly|certainly|definitely)\s+)?"
    r"(?:will|shall|'ll|’ll|(?:are|am|is|'re|’re|'m|’m) going to|plans? to|intends? to|aims? to|undertakes? to"
    r"|commits? to|(?:are|is|am) committed to)"
    r"\s+(?:(?:also|then|soon|jointly|formally|finally|officially|first|now)\s+)?(?P<verb>[a-z]+)\b"
)
# the speaker's side said by a pronoun or a possessive body ("our coalition", "my ministry")
OWN_SUBJECT = re.compile(
    r"(?:^|(?<=[\s,;:(—–-]))(?:we|i|our (?:[\w'’-]+ ){0,2}?(?:coalition|group|team|network|forum|members|office"
    r"|ministry|organi[sz]ation|government|secretariat|initiative|association|dc|igf)"
    # the body speaking of itself by its kind, as `cues._OWN` reads it ("The coalition, for its part, will put …"), or
    # by its kind and a word of its topic, registered or not ("The crafts coalition will publish …")
    r"|(?:the|this) (?:(?!(?:other|another|each|every|new|same|whole|entire)\b)[a-z][\w'’-]* ){0,2}?(?:coalition|dc))"
    r"(?:\s*,[^,]{1,40},)?\s*" + _MODAL,
    _I,
)
_MODAL_CASED = "(?i:" + _MODAL + ")"
_MODAL_AT = re.compile(r"\s*(?:\([^)]{0,20}\)\s*)?" + _MODAL, _I)
# verbs of talk, thought, presence, hospitality and trying, and the auxiliaries: their future names no output
# ("we will see …", "we will meet again next year", "I will give the floor …", "we will be …")
NO_OUTPUT_VERBS = frozenset(
    re.findall(
        r"\w+",
        "be have see know talk discuss hear listen meet come go return miss remember think keep wait try ask need want"
        " look get let tell say continue stay remain do not never invite thank welcome join attend visit celebrate"
        " give take hand pass turn move close end stop leave answer respond reply speak"
        " mention explain note stress hope expect believe like love support encourage work follow check consider"
        " use seek call become feel show reflect focus",
    )
)
# a clause that opens on a condition or a hedge before its subject: no promise
HEDGED = re.compile(
    r"\b(?:if|unless|whether|hope|hoping|maybe|perhaps|probably|might|would|could|should|wish|dream)\b",
    _I,
)
_CLAUSE_STOP = re.compile(r"[.;:!?]|,\s+(?:and|but|so)\s")
# what stands where an object would but names none: a pronoun ("we will send you …", "carry it back"), a clause
# ("we will add that the budget is small", "we will look at how …"), a preposition
_NO_OBJECT = re.compile(
    r"\s+(?:it|them|you|us|him|her|me|that|what|how|whether|if|why|where|who|about|with|to|on|for|from|into|at|by"
    r"|over|through|again|so|more|(?:this|these|those)\b(?=\s*[.,;:!?]|\s*$))\b",
    _I,
)
# the meeting itself as the object ("We'll split our session in two halves", "we will open the floor"): the
# room's own running order, no output
_THE_MEETING = re.compile(
    r"\s+(?:the|our|this|my|a|an)\s+(?:[\w'’-]+\s+)?(?:session|floor|discussion|debate|meeting|panel|conversation"
    r"|time|minutes|remarks|comments|round|break|agenda)\b(?!\s+(?:report|summary|notes|series|outcome))",
    _I,
)
# "keep" with a new thing as its object makes it ("we will keep a public log of every outage"), unlike "keep in
# touch", "keep it short", "keep the floor" or the idioms "keep an eye on", "keep an open mind"
_KEPT_RECORD = re.compile(r"(?<=keep)\s+(?:a|an)\s+(?!(?:close\s+|open\s+|low\s+)?(?:eye|mind|profile)\b)", _I)
# a particle of a phrasal verb before its object ("bring together experts", "put up a page")
_PARTICLE = re.compile(r"\s+(?:together|up|out|forward|online|back)\b", _I)


def promise_shape(sentence: str, subjects: Sequence[tuple[int, int]] = (), start: int = 0) -> re.Match[str] | None:
    """The modal-and-verb match of the first clause of `sentence` that promises by its shape, or None.

    `subjects`: spans of names that may be the subject (the speaker's own body, a coalition), read as "we";
    `start`: only clauses whose subject starts there or later (the promise a lead-in announces: "A new promise: we …").

    >>> promise_shape("We will collect the permit rules of thirty cities before the Forum meets.").group("verb")
    'collect'
    >>> promise_shape("If they pay, we will collect the rules.") is None
    True
    >>> promise_shape("We will see you next year.") is None
    True
    """
    for match in _candidates(sentence, subjects):
        if match.start() < start:
            continue
        verb = match.group("verb").lower()
        if (verb in NO_OUTPUT_VERBS and not _KEPT_RECORD.match(sentence, match.end())) or _hedged(
            sentence, match.start()
        ):
            continue
        at = match.end()
        particle = _PARTICLE.match(sentence, at)
        at = particle.end() if particle else at
        if _NO_OBJECT.match(sentence, at) or _THE_MEETING.match(sentence, at):
            continue
        if object_phrase(sentence, at) is not None:
            return match
    return None


def _candidates(sentence: str, subjects: Sequence[tuple[int, int]]) -> list[re.Match[str]]:
    """Every subject-modal-verb match, the speaker's pronouns first, then the named subjects', in text order."""
    found = list(OWN_SUBJECT.finditer(sentence))
    for _, end in subjects:
        modal = _MODAL_AT.match(sentence, end)
        if modal is not None:
            found.append(modal)
    return sorted(found, key=lambda m: m.start())


def _hedged(sentence: str, start: int) -> bool:
    """Whether the clause holding `start` opens on a condition or a hedge before it ("if we …, we will …")."""
    stops = [m.end() for m in _CLAUSE_STOP.finditer(sentence, 0, start)]
    return HEDGED.search(sentence, stops[-1] if stops else 0, start) is not None


# a name before a modal: an acronym ("UNESCO will …") or a capitalised phrase after "the" ("the Secretariat will …",
# "the Caribbean IGF will …"), at most four words, right before the modal and its verb
_NAMED_BEFORE_MODAL = re.compile(
    r"(?:(?<=^)|(?<=[\s,;:(—–-]))(?:(?P<the>(?i:the))\s+)?"
    r"(?P<name>(?:[A-Z][\w'’&-]*\s+){0,3}?[A-Z][\w'’&-]*)(?=\s*(?:\([^)]{0,20}\)\s*)?" + _MODAL_CASED + ")",
)
_ACRONYM = re.compile(r"^[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*$")  # two capitals or more in one word: "UNEP", "MozIGF"


def body_subjects(sentence: str, known: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of names standing as the subject right before a modal of intention ("UNESCO will hold …", "from next
    year the Secretariat will put …"): the spans of `known` (bodies a registry found) that a modal follows, and
    the names said as an acronym or as "the" and capitalised words. The caller decides which names are bodies.

    Why: a forum's record tells other bodies' plans in the third person ("The MAG will review the format …"); the
    clause has the shape of "we will …" with a body as its subject, and the promise is that body's.

    >>> s = "From next year the Secretariat will publish a guide."
    >>> [s[a:b] for a, b in body_subjects(s)]
    ['Secretariat']
    >>> body_subjects("Next year will be different.")
    []
    """
    found = [(a, b) for a, b in known if _MODAL_AT.match(sentence, b)]
    for match in _NAMED_BEFORE_MODAL.finditer(sentence):
        name = match.group("name")
        if not (match.group("the") or _ACRONYM.match(name)):
            continue
        span = match.span("name")
        if not any(a <= span[0] < b or span[0] <= a < span[1] for a, b in found):
            found.append(span)
    return sorted(found)
