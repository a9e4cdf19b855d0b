"""Outputs named in a session (reports, statements, glossaries, charters, papers…),
each linked to the coalition that produced it.

An output is a produced document noun next to a verb of producing ("we have recently
released consolidated report", "we produced a statement", "launching … the glossary")
or a possessive ("our charter", "the coalition's report"). Status follows the
verb: past → released, future/progressive → forthcoming, otherwise mentioned. A
suggestion, wish or hypothetical is no output: the clause naming it must not only suppose
it ("a report could be published", "I hope the statement will be ...", "a report is
excellent, but maybe ..."; `hypothetical`). Nor is someone else's document the speaker
addresses in the second person ("You mentioned in your Dynamic Coalition paper, you wrote
on the report …" in a moderator's question): the session did not announce it, the
speaker put it to its author (`addressed_to_author`). Nor is a document someone asks for
("Please send us a one-page summary that will be shared …", "We need a one-page summary of the
report, which we will share …", "Can we get a short report to be published …"): an output is
produced or promised by its speaker, a request for one is an ask (`analyse.asks` lists it), and
listing it in both places told the user the session had produced what it only asked for
(`requested`).
The coalition is, in order: one named in the same sentence, the coalition the speaker
speaks for, the coalition the speaker was asked about, the coalition a moderator's
question in that turn goes to. One output per (kind, coalition) is kept — the first.
"""

from __future__ import annotations

import re

from ._regex import compile_cue
from .context import AnalysisContext
from .models import Output

__all__ = ["OUTPUT_KINDS", "addressed_to_author", "find_outputs", "hypothetical", "requested", "verb_use"]

OUTPUT_KINDS = (
    "report",
    "statement",
    "glossary",
    "charter",
    "paper",
    "guidelines",
    "toolkit",
    "recommendations",
    "study",
    "survey",
    "declaration",
    "handbook",
    "draft",
    "brief",
    "publication",
    "special issue",
    "compendium",
    "summary",
    "best practices",
)
_NOUN = r"(?P<noun>" + "|".join(sorted((re.escape(k) + r"s?" for k in OUTPUT_KINDS), key=len, reverse=True)) + r")\b"
_MADE_PAST = r"(produced|published|released|developed|prepared|drafted|wrote|written|adopted|agreed|issued|compiled|finali[sz]ed|presented|launched|completed|created)"
_MADE_FUTURE = r"(launching|will (be )?(launch|publish|release|produce|share|present)\w*|(are|is) (aiming|going|planning) to produce|is being (published|released|presented|launched)|will be (shared|published|released|available|launched)|being presented)"
_PAST = (
    compile_cue(rf"\b{_MADE_PAST}\b(\W+\w+){{0,8}}?\W+{_NOUN}", re.I),
    compile_cue(rf"\b{_NOUN}(\W+\w+){{0,8}}?\W+(that |which )?(we |they )?(have |has |had )?{_MADE_PAST}\b", re.I),
)
_FUTURE = (
    compile_cue(rf"\b{_MADE_FUTURE}\b(\W+\w+){{0,10}}?\W+{_NOUN}", re.I),
    compile_cue(rf"\b{_NOUN}(\W+\w+){{0,4}}?\W+{_MADE_FUTURE}", re.I),
)
_STRONG = r"(?P<noun>reports?|statements?|glossar(y|ies)|charters?|papers?|guidelines|toolkits?|stud(y|ies)|declarations?|handbooks?|publications?)\b"
_OWNED = (compile_cue(rf"\b(our|your|their|its|(dc|coalition)'s)\s+(\w+\s+){{0,3}}?{_STRONG}", re.I),)
_NOT_OUTPUT = compile_cue(
    r"\b(report back|reporting|report on (what|how)|recommendations? (from|on what)|the paper(s)? (that|which) (were|was) submitted|issue papers?)\b",
    re.I,
)


# A suggestion, a wish or a hypothetical in the clause that names the output: the document
# does not exist and is not scheduled ("a report could be published if the donors agree",
# "I hope the statement will be published", "maybe ... our report", "a report is excellent,
# but ..."). Only the output's own clause counts: "If you missed it, we released the report"
# reports a release.
_NOT_PRODUCED = compile_cue(
    r"\b(?:maybe|perhaps|possibly|could|would|might|should|ought to|wish\w*|hope\w*|if|whether|unless|"
    r"suggest\w*|propos\w*|consider\w*|imagine|needs? to|would like|want(?:s|ed)? to|it'd|we'd|I'd)\b|"
    r"\b(?:is|are|would be|will be) (?:excellent|great|good|useful|nice|helpful|fine),? but\b",
    re.I,
)
# Where the output's clause begins: a comma, semicolon, colon or dash before it.
_CLAUSE_START = re.compile(r"[,;:]\s|\s(?:‑‑|--|—|–)\s")


def hypothetical(text: str, start: int, end: int) -> bool:
    """Whether the clause of `text` that holds the match `start:end` only suggests, wishes
    or supposes the output (`_NOT_PRODUCED`) instead of saying it exists or is scheduled.

    >>> s = "A report could be published next year if the donors agree."
    >>> hypothetical(s, 2, 27)
    True
    >>> s = "If you missed it, we released the report last week."
    >>> hypothetical(s, 21, 40)
    False
    """
    head = text[:start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    return bool(_NOT_PRODUCED.search(text[cut:end]))


# A request whose object is a new document: a request or need verb, then within a few words an
# indefinite noun phrase of an output kind ("please send us a one-page summary", "we need a short
# report", "we ask the secretariat for a two-page brief", "can we get a summary"). The indefinite
# article is what says the document does not exist yet: "please read our report" or "we need the
# report you released" name one that does.
_REQUESTED = compile_cue(
    r"\b(?:please|need(?:s|ed)?|request(?:s|ing)?|ask(?:s|ing)?\s+(?:[\w'‑-]+\s+){0,4}?for"
    r"|(?:can|could|may)\s+(?:we|i|you|they)\s+(?:please\s+)?(?:get|have|receive|see|prepare|produce|write|draft|make|send)"
    r"|(?:would|'d)\s+(?:like|love)|wants?|call(?:s|ing)?\s+for|look(?:s|ing)?\s+for)\s+"
    rf"(?:[\w'‑-]+\s+){{0,4}}?(?:a|an|one|another|some)\s+(?:[\w'‑-]+\s+){{0,3}}?{_NOUN}",
    re.I,
)


def requested(text: str, kind: str, end: int) -> bool:
    """Whether `text` up to `end` asks for a new document of `kind` (`_REQUESTED`) instead of
    announcing one: such a sentence is an ask, not an output.

    >>> requested("Please send us a one-page summary that will be shared.", "summary", 55)
    True
    >>> requested("Please read our report, published last week.", "report", 44)
    False
    """
    return any(_kind(m.group("noun")) == kind for m in _REQUESTED.finditer(text, 0, end))


_SECOND = re.compile(r"\b(?:you|your|yours|yourselves)\b", re.I)
_FIRST = re.compile(r"\b(?:we|our|ours|us|i|my|me)\b", re.I)
_AGENT_WORDS = 3  # words before the match where its producer ("you wrote", "we released") stands


def addressed_to_author(text: str, start: int, end: int) -> bool:
    """Whether the output matched at `start:end` is the listener's document, named in the
    second person ("you wrote on the report", "your Dynamic Coalition paper"): the producer
    next to the verb or noun is "you/your" and no first-person producer is there. Structural:
    who made the document is read from the pronouns beside the match, not from the words.

    >>> s = "You mentioned in your paper, you wrote on the report of the value of openness."
    >>> addressed_to_author(s, 33, 52)
    True
    >>> s = "As you know, we released the report last week."
    >>> addressed_to_author(s, 16, 35)
    False
    """
    head = text[:start].split()[-_AGENT_WORDS:]
    span = " ".join([*head, text[start:end]])
    return bool(_SECOND.search(span)) and not _FIRST.search(span)


_FIRST_NOUN = compile_cue(rf"\b{_NOUN}", re.I)
_REPEAT_LINES = 12


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first match of the first pattern that finds a document noun, not a verb (`verb_use`)."""
    for p in patterns:
        for m in p.finditer(text):
            if not verb_use(text, m.start("noun"), m.end("noun")):
                return m
    return None


# What stands right before a word used as a verb: a subject pronoun, a modal, the infinitive's
# "to", a negation or an adverb of the verb group ("we will report back", "to report on",
# "they also survey", "we study how").
_VERB_BEFORE = frozenset(
    [
        "i",
        "we",
        "you",
        "they",
        "he",
        "she",
        "who",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "to",
        "not",
        "also",
        "then",
        "please",
        "let's",
    ]
)
# What follows a verb of telling right away: a particle, a preposition or a complement clause
# ("members report on their work", "report back", "report to the plenary", "report that …").
_VERB_AFTER = frozenset(["on", "back", "to", "that", "about", "how", "what", "whether"])


def verb_use(text: str, start: int, end: int) -> bool:
    """Whether the output noun at `start:end` is the verb of the same spelling: outputs are
    documents made, not the act of reporting, studying or surveying ("we will report back",
    "Today our members report on their work", "to study how"). Read from the words beside it:
    a subject pronoun, a modal or "to" right before it (no punctuation between: "on top of it,
    recommendations" is a list); or, for the plain (unsuffixed) form, a
    plural noun right before it (its subject) and a particle, preposition or "that" right
    after it ("members report on", "partners survey how").

    >>> s = "Today our members report on their work of the year."
    >>> verb_use(s, 18, 24)
    True
    >>> s = "Our annual report on the work of the year is out."
    >>> verb_use(s, 11, 17)
    False
    """
    before = re.search(r"([\w']+)\s+$", text[:start].lower())  # the word right before, no punctuation between
    after = re.findall(r"[\w']+", text[end:].lower())[:1]
    prev = before.group(1) if before else ""
    if prev in _VERB_BEFORE:
        return True
    plural_subject = len(prev) > 3 and prev.endswith("s") and not prev.endswith(("ss", "us", "is", "'s"))
    return not text[start:end].lower().endswith("s") and plural_subject and bool(after) and after[0] in _VERB_AFTER


def _kind(noun: str) -> str:
    noun = noun.lower()
    for kind in sorted(OUTPUT_KINDS, key=len, reverse=True):
        if noun.startswith(kind):
            return kind
    return noun


def find_outputs(
    ctx: AnalysisContext, speaks_for: dict[int, str] | None = None, asked_about: dict[int, str] | None = None
) -> list[Output]:
    """Outputs mentioned in the session, with status and producing coalition.

    `speaks_for` maps turn index → the speaker's coalition; `asked_about` maps turn
    index → the coalition a moderator's question in that turn goes to.
    """
    seen: set[tuple[str, str | None]] = set()
    out: list[Output] = []
    for turn in ctx.turns:
        if turn.kind != "speech":
            continue
        for s in ctx.sentences[turn.index]:
            status = None
            match = _first(_FUTURE, s.text)
            if match:
                status = "forthcoming"
            elif match := _first(_PAST, s.text):
                status = "released"
            elif match := _first(_OWNED, s.text):
                status = "mentioned"
            if (
                match is None
                or status is None
                or _NOT_OUTPUT.search(s.text[max(0, match.start() - 10) : match.end() + 10])
                or hypothetical(s.text, match.start(), match.end())
                or addressed_to_author(s.text, match.start(), match.end())
            ):
                continue
            first = next(
                (m for m in _FIRST_NOUN.finditer(s.text, 0, match.end()) if not verb_use(s.text, m.start(), m.end())),
                None,
            )
            kind = _kind(first.group("noun") if first else match.group("noun"))
            if requested(s.text, kind, match.end()):
                continue  # asked for, not produced: the ask is `analyse.asks`'
            if any(o.kind == kind and o.line >= s.line - _REPEAT_LINES for o in out):
                continue  # the same output again a few turns on
            named = ctx.coalitions_in(s.start, s.end)
            coalition = (
                (named[0].name if named else None)
                or (speaks_for or {}).get(turn.index)
                or (asked_about or {}).get(turn.index)
            )
            if (kind, coalition) in seen:
                continue
            seen.add((kind, coalition))
            out.append(
                Output(
                    kind=kind,
                    by=ctx.people[turn.index].name,
                    line=s.line,
                    quote=s.text,
                    coalition=coalition,
                    status=status,
                )
            )
    return out
