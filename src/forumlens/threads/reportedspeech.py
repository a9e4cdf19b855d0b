"""Reported speech in a third-person record: who a sentence of a summary or minutes reports, and what they did. Pure.

Why: a reporting service's summary, an organisers' note or minutes tell what others said in the third person ("Ms. X
(UNECA) said that since 2014 the Commission publishes …", "She announced that the Commission would publish a guide
…", "He asked city transport authorities once more to treat …", "Mr. Y asked whether the guide would …"). Read as the
record's own words, those asks, promises and questions are the document's (or nobody's) and never join the reported
person's or body's items of other years; the backshifted "would" of a reported promise is no promise of the writer's
either. The sentence's shape says it: a subject that names a person (an honorific, a full name, or "he"/"she" for the
person named last) or an anonymous asker, then a reporting verb. Only records read as third person call this (a
document's paragraph, an unlabelled paragraph of a transcript): in speech "she said that …" retells, it does not
report for the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..resolve.registry import Registry
from .actors import Actor, _short_coalition, reported_body

__all__ = ["Reported", "Voices", "backshifted", "reported"]


@dataclass(frozen=True)
class Reported:
    """A reported sentence: `who` as the record names them (a full name, a pronoun, "A remote participant"),
    `affiliation` the body in brackets or an apposition after the name, `kind` what the verb reports ("said": a
    statement whose clause may promise or deliver; "ask": an ask of others; "question"), `clause` where the reported
    words start in the sentence."""

    who: str
    affiliation: str | None
    kind: str
    clause: int
    pronoun: bool = False
    anonymous: bool = False
    answer: bool = False  # "answered that …", "replied that …"
    lead: str | None = None  # the opening phrase before the subject ("For the rivers coalition")
    own: bool = False  # the record's own question ("We asked the Secretariat whether …"): its writer's


_NAME = r"[A-Z][\w'’.-]*[a-z][\w'’-]*(?:\s+(?:de|da|do|dos|van|von|der|al|el|bin)?\s*[A-Z][\w'’-]+){0,3}"
_WHO = (
    r"(?P<pronoun>(?:[Hh]e|[Ss]he)\b)"
    # a group of the floor as the subject ("Participants asked …", "Several delegates asked …"): before a name, which
    # a capitalised "Participants" would otherwise be read as
    r"|(?P<crowd>(?:(?:Some|Several|Many|Other|Two|Three|A\s+few)\s+(?:[a-z-]+\s+){0,2})?(?:[Pp]articipants"
    r"|[Dd]elegates|[Aa]ttendees|[Mm]embers\s+of\s+the\s+audience)\b)"
    # the session's officer named by role, answering ("The coordinator answered that …"; `reported` reads no other verb)
    r"|(?P<role>[Tt]he\s+(?:new\s+|former\s+|outgoing\s+)?(?:co-?)?(?:coordinator|chair(?:person)?|moderator"
    r"|convenor|convener|facilitator|rapporteur|organi[sz]er)\b)"
    r"|(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?(?P<name>" + _NAME + r")"
    r"|(?P<anon>(?:A|An|One|Another)\s+(?:[a-z-]+\s+){0,2}(?:participant|speaker|delegate|attendee|member of the"
    r" audience))"
)
# an opening phrase before the subject ("Answering a question left on …, Ms. X said …", "In 2014, she …")
_LEAD = r"(?:(?P<lead>[A-Z][^,;:!?]{2,140}),\s+)?"
_AFFILIATION = r"(?:\s*\((?P<paren>[^()]{2,100})\))?(?:,\s+(?P<appos>[^,;:!?]{3,160}),)?"
_ASK_VERB = r"asked|called\s+(?:on|upon)|urged|requested"
_QUESTION_VERB = r"asked\s+(?:[^,;.?!]{1,60}?\s+)?(?=(?:whether|if|when|how|what|why|who|which)\b)"
_SAY_VERB = (
    r"(?:said|added|noted|announced|stated|explained|confirmed|reported|replied|answered|promised|pledged"
    r"|indicated|assured\s+[^,;.]{1,40}?)(?:\s+(?:to\s+[^,;.]{1,60}?\s+)?that)?"
)
_REPORTED = re.compile(
    r"^\W*" + _LEAD + r"(?:" + _WHO + r")" + _AFFILIATION + r"\s+(?:also\s+|then\s+|later\s+|further\s+)?"
    r"(?:(?P<question>" + _QUESTION_VERB + r")"
    r"|(?P<ask>(?:" + _ASK_VERB + r")\s+[^,;.?!]{2,80}?\s+(?:once\s+more\s+|again\s+|also\s+)?to\s+(?=[a-z]))"
    r"|(?P<say>" + _SAY_VERB + r")\s+)"
)
# the record's own question told in the first person ("We asked the IGF Secretariat in 2019 whether …", "We wrote to
# the Secretariat in February to ask whether …", "Our question to the Secretariat of May 2016, whether …")
_OWN_QUESTION = re.compile(
    r"^\W*(?:(?:In|On|At|Last|This|Since)\b[^,;.?!]{0,40},\s*)?(?:[Ww]e\s+(?:also\s+|again\s+)?(?:asked|wrote\s+to"
    r"\s+[^,;.?!]{1,60}?\s+to\s+ask)\s+(?:[^,;.?!]{1,60}?\s+)?|[Oo]ur\s+question\s+to\s+[^;.?!]{1,80}?,?\s+)"
    r"(?=whether\b(?!\s+or\s+not)|if\b)"
)
# a capitalised opening that is no subject (a month, a weekday, a function word)
_NOT_A_NAME = re.compile(
    r"^(?:The|This|That|These|Those|It|There|Here|We|They|I|You|Our|Their|Its|In|On|At|For|After|Before|When|While|As"
    r"|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def reported(sentence: str, before: str = "") -> Reported | None:
    """The reported speech `sentence` opens with, or None; `before` is the text just before it (a sentence split
    after "Ms." leaves the honorific there).

    >>> reported("She announced that the Commission would publish a guide by 2017.").kind
    'say'
    >>> r = reported("Mr. Ali Tembo (Transport Coalition) asked the city once more to publish the routes.")
    >>> (r.who, r.affiliation, r.kind)
    ('Ali Tembo', 'Transport Coalition', 'ask')
    >>> reported("The panel said that it was late.") is None
    True
    """
    mine = _OWN_QUESTION.match(sentence)
    if mine is not None:
        return Reported(who="", affiliation=None, kind="question", clause=mine.end(), own=True)
    match = _REPORTED.match(sentence)
    if match is None:
        return None
    name, pronoun = match.group("name"), match.group("pronoun")
    anon = match.group("anon") or match.group("crowd") or match.group("role")
    if name is not None and (
        _NOT_A_NAME.match(name) or (len(name.split()) < 2 and not _honorific_before(match, before))
    ):
        return None
    kind = "question" if match.group("question") else "ask" if match.group("ask") else "say"
    answer = kind == "say" and match.group("say").lower().startswith(("answered", "replied"))
    if match.group("role") and not answer:
        return None  # an officer named by role is read only answering ("The moderator asked each coalition to …")
    affiliation = match.group("paren") or match.group("appos")
    return Reported(
        who=(name or pronoun or anon or "").strip(),
        affiliation=affiliation.strip() if affiliation else None,
        kind=kind,
        clause=match.end(),
        pronoun=pronoun is not None,
        anonymous=anon is not None,
        answer=answer,
        lead=match.group("lead"),
    )


_HONORIFIC_END = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s*$")


def _honorific_before(match: re.Match[str], before: str) -> bool:
    """A one-word name is a person's only after an honorific ("Ms. Munevar-Otalora answered …")."""
    ahead = match.string[: match.start("name")]
    return bool(_HONORIFIC_END.search(ahead if ahead.strip() else before))


_WOULD = re.compile(r"\bwould\b")


def backshifted(sentence: str, clause: int) -> str:
    """`sentence` with the reported clause's "would" read as the "shall" it reports (same length, so every offset
    holds): "She announced that the Commission would publish a guide" tells the Commission's "shall publish".

    >>> backshifted("She said that UNECA would publish a guide.", 14)
    'She said that UNECA shall publish a guide.'
    """
    return sentence[:clause] + _WOULD.sub("shall", sentence[clause:])


@dataclass
class Voices:
    """Whom a record has reported so far, read in its order: the person named last (whom "he"/"she" is), each
    surname's full name and body ("Ms. Munevar-Otalora" after "Ms. Graciela Munevar-Otalora (…)"), and the reported
    question still waiting for its answer (line, asker)."""

    last: tuple[str, Actor] | None = None
    by_surname: dict[str, tuple[str, Actor]] = field(default_factory=dict)
    question: tuple[int, str] | None = None

    def resolve(self, said: Reported, registry: Registry) -> tuple[str, Actor] | None:
        """(name, body) of the reported speaker, or None for a pronoun before anybody was named."""
        if said.pronoun:
            return self.last
        if said.anonymous:
            return said.who, (None, None)
        entity = registry.by_name(said.who)
        if entity is not None:  # "UNECA said that …": the body itself
            return said.who, ((entity.name, None) if entity.kind == "dc" else (None, said.who))
        surname = said.who.split()[-1].lower()
        known = self.by_surname.get(surname)
        actor = reported_body(said.affiliation, registry) if said.affiliation else (None, None)
        if actor == (None, None) and said.lead:
            actor = _lead_body(said.lead, registry)
        name = known[0] if known is not None and len(said.who.split()) < 2 else said.who
        if actor == (None, None) and known is not None and known[0] == name:
            actor = known[1]
        self.by_surname[surname] = (name, actor)
        self.last = (name, actor)
        return name, actor


# an opening phrase that says whom the sentence reports for: "For the rivers coalition", "On behalf of the Forum …"
_FOR_BODY = re.compile(r"^(?:For|On\s+behalf\s+of)\s+(?P<body>.+)$")


def _lead_body(lead: str, registry: Registry) -> Actor:
    """The body an opening "For the X coalition, …" / "On behalf of X, …" names, or (None, None).

    Why: a joint report gives each coalition a paragraph opened by whom it reports for ("For the rivers coalition, Ana
    Ruiz reported that …"); no bracket after the name says it, and the record's own actor (its first organiser)
    would take the other coalitions' promises and their fates."""
    found = _FOR_BODY.match(lead.strip())
    if found is None:
        return None, None
    body = found.group("body")
    short = _short_coalition(body)
    if short is not None:
        return short[0], None
    return reported_body(body, registry)
