"""Speaking *for* a body versus speaking *to* or *about* it.

A coalition named in a speaker's own sentence is only evidence that the speaker
belongs to it when the speaker is its voice ("I speak for the DC on X", "in our
coalition"). Chairs and participants name coalitions all the time for other
reasons, and trusting those mentions turns a co-moderator into a coalition
representative:

- addressing it: "I have a question for the Dynamic Coalition on Gender", "I would
  like to ask the DC on Network Neutrality", "Is anybody here from DC Blockchain?";
- denying it: "I'm not from the blockchain coalition", "I cannot speak for them";
- reporting it: "As the DC on Core Internet Values said last year";
- crediting it: "started with the encouragement of UNESCO", "funded by the …".

Each test looks only at the words right before the mention inside its sentence, so it
is cheap and needs no parse. `antecedent` resolves "our coalition" / "this coalition"
with no name to the coalition the context last named, which is how DC members most
often refer to their own coalition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.mentions import Mention

__all__ = [
    "ANAPHOR",
    "addressed",
    "anaphor",
    "antecedent",
    "first_person",
    "negated",
    "owns",
    "reported",
    "speaker_body",
    "speaks_for",
]

_TAIL = r"\s+(?:(?:the|a|an|that|this|our|your|their)\s+)?(?:members?\s+of\s+(?:the\s+)?|colleagues?\s+(?:from|of)\s+(?:the\s+)?)?$"
_ADDRESS = re.compile(
    r"(?:\bquestions?(?:\s+(?:is|goes|here))?\s+(?:to|for)|\bcomments?\s+(?:to|for)|\bask(?:ing|ed)?|"
    r"\b(?:invit(?:e|ed|ing)|welcome)|\bhear(?:ing)?\s+(?:from|what)|\b(?:turn|go|come|move|moving|pass|passing|over)(?:\s+(?:back|on|over|now|quickly))?(?:\s+first)?\s+to|\bfloor\s+to|"
    r"\b(?:anyone|anybody|someone|somebody|nobody|no\s+one|people|colleagues?)"
    r"(?:\s+(?:here|present|online|(?:in|from)\s+the\s+room|in\s+the\s+zoom(?:\s+room)?))?\s+(?:from|of|representing|for)|"
    r"\b(?:to|for)\s+all|"
    # "I would recommend that the coalition also looks at …": advice to it, not its voice
    r"\b(?:recommend|suggest|urge|propose)(?:s|ed|ing)?\s+that)" + _TAIL,
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|n't|never|no\s+longer)\s+(?:\w+\s+){0,2}?(?:from|part\s+of|a\s+member\s+of|with|"
    r"speak(?:ing)?\s+(?:for|on\s+behalf\s+of)|represent(?:ing)?|in)" + _TAIL,
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"(?:^|[\s,(])(?:as|like|according\s+to|thanks\s+to|congratulat\w+)\s+(?:the\s+)?$", re.IGNORECASE
)
# A body credited for help, not spoken for: "started with the encouragement of UNESCO and of the
# Council of Europe", "funded by the …", "with the support of …".
_CREDITED = re.compile(
    r"\b(?:(?:encouragement|support|help|funding|backing|invitation|initiative|patronage)\s+of|"
    r"(?:supported|funded|encouraged|sponsored|financed|backed|started|founded|invited|hosted)\s+by)"
    r"\s+(?:[^,.;:]{0,40}?\s+(?:and|or)\s+(?:of\s+|by\s+)?)?(?:the\s+)?$",
    re.IGNORECASE,
)
# Verbs through which a speaker claims a coalition as their own: these beat "to"/"with" above.
_OWN_VERB = re.compile(
    r"\b(?:speak(?:ing)?\s+(?:for|on\s+behalf\s+of)|represent(?:ing)?|belong(?:ing)?\s+to|"
    r"(?:I|we)\s+(?:am|are|'m|'re|’m|’re)\s+(?:\w+\s+){0,3}?(?:from|with|in|of)|"
    r"member\s+of|part\s+of|coordinat\w+|chair\w*\s+of|co-?chair\w*|on\s+behalf\s+of|"
    r"(?:I|we)\s+(?:work|worked|contribut\w+)\s+(?:for|with|in|to))" + _TAIL,
    re.IGNORECASE,
)
# "this is not my coalition", "I am not a member of the coalition"
_NOT_MINE = re.compile(
    r"(?:\bnot|n't|n’t|\bnever)\s+(?:\w+\s+)?(?:(?:a\s+|an\s+)?(?:member|part)\s+of\s+)?$", re.IGNORECASE
)
# "our coalition", "this dynamic coalition", and "our DC" (in capitals, a word "dc" is no cue; not
# "our DC on X" or "DC-Blockchain": a name)
ANAPHOR = re.compile(
    r"\b(?:(?:our|this|my|the)\s+(?:own\s+)?(?:dynamic\s+)?coalition\b(?!s)|"
    r"(?:our|my)\s+(?:own\s+)?(?-i:DC)\b(?![-‑]|\s+(?:on|for|of)\b))",
    re.IGNORECASE,
)
_ANAPHOR = SharedCue(ANAPHOR)  # `owns` asks it of every sentence: skipped without "coalition"
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|we're|we’re|our|my|us)\b", re.IGNORECASE)
_GROUP_PERSON = re.compile(r"\b(?:we|we're|we’re|our|my|us)\b", re.IGNORECASE)
# "I have been part of", "I am an active member of", "I'm one of the founders of" right before
# "this/the coalition": a verb of belonging in the first person singular claims it as well as "our"
_I_BELONG = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve)\s+(?:(?:am|have|been|was|also|long|always|now)\s+)*(?:(?:an?|one of the)\s+)?"
    r"(?:[a-z]+\s+)?(?:member|members|part|founders?|co-?founders?)\s+of\s+$",
    re.IGNORECASE,
)
# "our DC on X", "my coalition": the body right after the speaker's possessive
_POSSESSED = re.compile(r"\b(?:our|my)\s+(?:own\s+)?$", re.IGNORECASE)


def _before(text: str, sentence_start: int, mention_start: int) -> str:
    return text[max(sentence_start, mention_start - 80) : mention_start]


def addressed(text: str, sentence_start: int, mention_start: int) -> bool:
    """The mention is the one spoken to or asked for ("a question for the DC on X")."""
    before = _before(text, sentence_start, mention_start)
    return _ADDRESS.search(before) is not None and _OWN_VERB.search(before) is None


def negated(text: str, sentence_start: int, mention_start: int) -> bool:
    """The speaker says they are not its voice ("I'm not from the blockchain coalition")."""
    return _NEGATED.search(_before(text, sentence_start, mention_start)) is not None


def reported(text: str, sentence_start: int, mention_start: int) -> bool:
    """The mention is a source quoted, not the speaker ("as the DC on X said"), or a body
    credited for its help ("with the encouragement of X", "funded by X")."""
    before = _before(text, sentence_start, mention_start)
    return _REPORTED.search(before) is not None or _CREDITED.search(before) is not None


def speaks_for(text: str, sentence_start: int, sentence_end: int, mention: Mention) -> bool:
    """Whether a first-person sentence naming a coalition makes the speaker its voice.

    A lone "I" that only frames an opinion ("I want to say that the DC on X published a good
    report") does not: it needs "we"/"our"/"my" or a verb of belonging ("I'm part of").
    """
    a = sentence_start
    if negated(text, a, mention.start) or addressed(text, a, mention.start) or reported(text, a, mention.start):
        return False
    before = _before(text, a, mention.start)
    if _asked(text, a, sentence_end):
        # "Who should we contact at the DC on X?": a "we" asking about a body is outside it,
        # unless the body is "our" or the verb is one of belonging ("Can we, as members of …")
        return _OWN_VERB.search(before) is not None or _POSSESSED.search(before) is not None
    if _GROUP_PERSON.search(text, a, sentence_end) is not None:
        return True
    return _OWN_VERB.search(before) is not None


def _asked(text: str, sentence_start: int, sentence_end: int) -> bool:
    """The sentence is a question (it ends with a question mark)."""
    return text[sentence_start:sentence_end].rstrip().endswith("?")


def anaphor(sentence: str) -> bool:
    """ "our/this/the coalition" in a sentence that does not deny it: "Some words about the
    coalition: … this is not my coalition, I am only chairing" claims none."""
    if _ANAPHOR.search(sentence) is None:
        return False
    return not any(_NOT_MINE.search(sentence, 0, m.start()) for m in ANAPHOR.finditer(sentence))


def owns(sentence: str) -> bool:
    """ "our coalition" / "my coalition", or "this coalition" said by a "we" (not asked by one):
    the speaker's own."""
    if not anaphor(sentence):
        return False
    m = ANAPHOR.search(sentence)
    if m is None or addressed(sentence, 0, m.start()):
        return False  # "I would recommend that the coalition …", "a question for our coalition"
    if m.group(0).lower().startswith(("our", "my")):
        return True
    if _I_BELONG.search(sentence, 0, m.start()) is not None:
        return True  # "I have been part of this coalition since 2014": a member says so of herself
    # "Who should we contact at the coalition?", "is the coalition open to us?": a "we" that asks
    # about the coalition stands outside it; its members say "our coalition"
    return _GROUP_PERSON.search(sentence) is not None and not _asked(sentence, 0, len(sentence))


def first_person(sentence: str) -> bool:
    return _FIRST_PERSON.search(sentence) is not None


def antecedent(before: Sequence[Mention]) -> Mention | None:
    """The coalition an unnamed "our coalition" refers to: the last one named before it."""
    dcs = [m for m in before if m.kind == "dc"]
    return dcs[-1] if dcs else None


def speaker_body(sentence: str, affiliation: str | None, coalition: str | None) -> str | None:
    """The body a speaker's sentence speaks for: the coalition they speak for in the session
    (`cast.Person.speaks_for`) when the sentence claims it ("Our coalition published a report",
    "our DC will …"), else their affiliation. The one place "our coalition" of a speaker whose
    affiliation is an employer (an engineer of APNIC in the DC on X) is resolved: summaries and
    threads that credit the sentence to her affiliation put the coalition's work in the
    employer's mouth."""
    if coalition and owns(sentence):
        return coalition
    return affiliation
