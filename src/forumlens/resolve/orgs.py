"""Organisations a person is tied to, whether or not a registry knows them.

Registries cover coalitions, IGF and UN bodies and national IGFs; most speakers come from
elsewhere (a university, a start-up, a ministry, a radio network, a newspaper). What ties
an organisation to a person is the grammar around it, not its name:

- the speaker's own words: "I work for X", "I'm with X", "I am co-founder of X", "I'm a
  researcher at X", "my name is N from X", "I am N, a student at X", "a start-up called X",
  "my university, X", "I come from X", "We at X", "the policy team of X", and (only for a name
  with an organisation word) "I build networks for X";
- somebody else's words about them: "N from X", "N, director of … at X", "N, who is with X",
  "N runs a start-up called X", "N, who teaches at X", "N, a colleague from X", "N, joining us
  remotely from Kisumu, from X", a name card read out ("N, X Network, Ghana."; a bare name such
  as "PayLoop" only when a known place closes the card: "N, PayLoop, Kigali."); "the
  Secretariat" after such a cue is the IGF Secretariat (`after_cue` in the registry);
- more own-word shapes: "I do research at X", "X, where I am the head of …", "our
  organisation, X", "I am with the IT committee of X" (the unit's body), "I am here with a group
  of colleagues from X" (one's delegation, not "we work with colleagues from X");
- a bare "the Institute" after a cue stands for the one full name with that word said before
  it in the session ("the Caspian Institute of …"), and for none when two were said.

A body the speaker addresses or denies ("my question is for X", "I am not with X") is not
theirs, and in an unpunctuated caption a new "I"/"we" starts a new clause, so a body in it
("… in Quito I wrote a report for UNDP") is not tied to the cue before it.

An organisation named elsewhere in the sentence ("I took a course by UNESCO", "what UNESCO
said") is not tied to anybody. After a cue the name is read as a run of capitalised words
with their connectors ("Universidad de los Andes", "Ministry of Health of Nigeria"), an
acronym ("KAIST"), or a definite description ending in an organisation noun ("the national
broadcaster of Lebanon"). A cue that can also introduce a place ("from") needs more: a
word such as University or Ministry, an acronym, or two or more words that are not a
known place. Registry entities found at the cue keep their canonical names. The name is read
whole ("Fundación Redes por la Diversidad"), without an acronym glued to its end ("Kenya ICT
Action Network KICTANet"), and with its place when the rest says nothing distinctive
("American University in Cairo", but "Makerere University" alone).

The pieces this grammar reads with live beside it: the vocabulary and the `Org` and
`Gazetteer` records in `orgwords`, the reading of a name at a position in `orgnames`. This
module keeps the cues, and stays the entry point other modules import from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from forumlens.resolve import voice
from forumlens.resolve.affiliation_links import linked_orgs
from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.mentions import Mention
from forumlens.resolve.orgnames import abbreviates, ministry_of, org_at, proper_run
from forumlens.resolve.orgwords import (
    ACRONYM,
    CONNECTORS,
    ORG_NOUNS,
    Gazetteer,
    Org,
    fold,
    is_landform,
    is_place,
    is_platform,
    load_gazetteer,
    looks_org,
    never_body,
)
from forumlens.text.alternation import alternation

__all__ = [
    "Gazetteer",
    "Org",
    "abbreviates",
    "after_name",
    "before_name",
    "card_name",
    "is_landform",
    "is_office",
    "is_place",
    "is_platform",
    "load_gazetteer",
    "looks_org",
    "never_body",
    "office_orgs",
    "org_at",
    "self_orgs",
]


_ROLES = (
    r"(?:(?:senior|deputy|vice|co-?|executive|policy|programme|program|project|general|regional|national|"
    r"chief|founding|managing|technical|legal|digital|data|health|research|communications?|media|news|"
    r"(?-i:[A-Z][\w'’\u2011-]+))\s+){0,3}"  # and any capitalised title word: "State Minister", "Chief Technology Officer"
    r"(?:chair|chairperson|chairman|chairwoman|co-?chair|coordinator|advisor|adviser|officer|member|representative|director|"
    r"executive|"
    r"head|lead|leader|manager|founder|co-?founder|secretary|president|facilitator|convenor|convener|"
    r"rapporteur|researcher|specialist|expert|analyst|consultant|professor|lecturer|ambassador|minister|"
    r"counsellor|counselor|fellow|engineer|employee|delegate|journalist|reporter|editor|correspondent|"
    r"producer|lawyer|student|teacher|scientist|developer|activist|volunteer|intern|postdoc|"
    r"postdoctoral researcher|CEO|CTO|COO|partner|staff|economist|librarian|attorney|judge|official|"
    r"nurse|physician|doctor|surgeon|pharmacist|midwife|farmer|entrepreneur|architect|designer|programmer|"
    r"assistant|associate|educator|instructor|tutor|principal|dean|rector|mayor|councillor|councilor|"
    r"parliamentarian|legislator|diplomat|negotiator|auditor|accountant|administrator|planner|advocate|"
    r"campaigner|writer|blogger|broadcaster|presenter|host|anchor|photographer|filmmaker|statistician|"
    r"commissioner|envoy|spokesperson|trainer|organi[sz]er|focal point|part|colleague|candidate)s?(?:[ -]general)?"
)


_NAME = r"(?-i:[A-Z][\w'’\u2011-]+(?:\s+[A-Z][\w'’\u2011-]+){0,3})"


_I_AM = r"I(?:'m|’m| am)"


# Cues in the speaker's own words, by what may follow them:
# - "direct": the organisation right after the cue ("I work for X", "I'm with X");
# - "place": the same, but a place or a person may follow too ("I'm from X", "my name is N
#   from X", "on behalf of X"), so the name must look like an organisation;
# - "role": a role word; the organisation follows a linking word ("a researcher at X");
# - "lead": a verb of running something ("I run a start-up called X", "I lead the unit at X").
_SELF_CUES = SharedCue(
    re.compile(
        rf"\b(?:(?P<direct>{_I_AM}\s+(?:(?:also|now|currently|here|still|just)\s+)?with"
        r"(?!\s+(?:(?:a|our|my)\s+(?:group|delegation|team)\s+of\s+)?(?:my\s+|our\s+)?colleagues)|"
        r"I\s+(?:work|am working|'m working|’m working|volunteer|intern)\s+(?:for|at|with)|(?:co-?)?founder of|"
        r"I\s+(?:do|conduct|am doing)\s+(?:my\s+)?(?:research|a\s+PhD|my\s+PhD|PhD)\s+(?:at|for|with)|"
        r"(?:my|our) (?:organi[sz]ation|company|employer|university|ministry|institution|newspaper|station|"
        r"network|office|lab|laboratory|institute|agency)\b(?:\s+is\b)?[\s,]*)|"
        rf"(?P<place>{_I_AM}\s+(?:(?:also|originally|here|just)\s+)?(?:from|representing|coming from)|"
        r"I\s+(?:also\s+)?(?:come|came)\s+from|I\s+(?:work|am working|'m working|’m working)\s+in|"
        r"(?-i:We|we) at|(?-i:We|we) here at|"  # "We at Paradigm Youth Lab train young people" (whole literals)
        r"(?:I|we)\s+represent|representing|on behalf of|(?:I am |I'm |I’m |we are )?speaking (?:here |today )?for|"
        r"(?:I|we) speak (?:here |today )?for|"
        r"(?:from|on) the side of|"
        # a self-introduction said in French, Spanish or Portuguese in a bilingual session: "je suis
        # coordonnatrice de Lakou Dijital", "trabajo para …", "sou pesquisadora da …"
        r"(?-i:[Jj]e suis|[Jj]e travaille|[Ss]oy|[Tt]rabajo|[Ss]ou|[Tt]rabalho)\s+(?:(?-i:[a-zà-ÿ][\w\u2011-]*)\s+){0,3}?"
        r"(?-i:de|du|des|chez|pour|para|en|na|no|da|do)\s+(?:(?-i:la|el|a|o)\s+)?(?=(?-i:[A-Z]))|"
        rf"(?:{_I_AM}|my name is|this is)\s+{_NAME},?\s+(?:and\s+)?(?:{_I_AM}\s+)?(?:from|with|of))|"
        rf"(?P<role>(?:(?:{_I_AM}|as)\s+|(?:{_I_AM}|my name is|this is)\s+{_NAME},?\s+(?:and\s+{_I_AM}\s+)?)"
        rf"(?:(?:also|now|currently)\s+)?"  # "I am Jacques Lemaire, a student at Sciences Po"
        rf"(?:(?:a|an|the|one of the)\s+(?:(?-i:[a-z][\w\u2011-]*)\s+){{0,2}}?)?{_ROLES})|"
        r"(?P<lead>(?:I|we)\s+(?:lead|run|head|direct|manage|coordinate|chair|founded|co-?founded|set up|"
        # "I sit in the Parlement des jeunes de Kayes": a seat in a body is membership of it ("the"
        # read with the cue, so only a capitalised name follows: not "I sit in the second row")
        r"teach|study|lecture|research|sit\s+(?:in|on)\s+the)))\b",
        re.IGNORECASE,
    )
)


# Cues right after a person's name in somebody else's words (same kinds).
_NOW = r"(?:also|now|currently|still|today|these\s+days)"
_AFTER_NAME = re.compile(
    # a post held now: "he is now chief executive of X", "who is currently with X", "she is these days at X"
    r"[\s,]*(?:(?:who|he|she)\s+(?:is|was)\s+(?:"
    + _NOW
    + r"\s+)?|who's\s+(?:"
    + _NOW
    + r"\s+)?|is\s+(?:"
    + _NOW
    + r"\s+)?|"
    r"also\s+(?=from\b)|"
    r"(?:who|he|she)\s+(?=\w+s\b))?"
    r"(?:(?P<place>from|of|representing|(?:speaks|is speaking|is here|(?<=is\s)here|will speak)\s+(?:here\s+|today\s+)?(?:for|on behalf of))|(?P<direct>with|at|(?:works?|is working|volunteers?)\s+(?:for|at|with)|writes\s+(?:(?-i:[a-z]\w*)\s+){0,3}?for|(?<=who\s)(?-i:[a-z]\w*[^s\W]s)\s+(?:(?-i:[a-z]\w*)\s+){0,3}?for)|"
    # a verb of running something before a role word: "who leads X" is X's leader, not a role
    # "lead" (plural) that needs a linking word after it
    r"(?P<lead>runs|leads|heads|directs|manages|founded|co-?founded|coordinates|chairs|"
    r"teaches|lectures|studies|researches|does research)|"
    r"(?P<role>(?:(?:a|an|the|our|one of the)\s+)*" + _ROLES + r"))\b",
    re.IGNORECASE,
)


# Where the words about one person stop: a new clause, sentence or speaker.
_CLAUSE_END = re.compile(
    r"[.;:?!](?:\s|$)|\s(?:‑‑|--|—)\s|,\s+(?:I|we|but|and I|and we|so|which|who|where|because|it|this|that|"
    r"they|he|she|there|when|while|if|as|since|before|after)\b|\n|"
    # unpunctuated captions: a new "I"/"we" starts a new clause ("an independent researcher in
    # Sao Paulo I did a consultancy for the ILO"); any cue after it is read on its own
    r"\s(?-i:I)\s|\s(?:and\s+)?we\s",
    re.IGNORECASE,
)


# Words after which an organisation may be named, for role and lead cues.
_ROLE_LINK = re.compile(r"\b(?:(?P<place>from)|(?P<part>in)|(?P<of>of)|at|with|for|called|named)\s+", re.IGNORECASE)


_LEAD_LINK = re.compile(r"\b(?:at|called|named|(?P<place>in))\s+", re.IGNORECASE)


_NAMED_LINK = re.compile(r"\b(?:called|named)\s+", re.IGNORECASE)


_AGAIN_FROM = re.compile(r"\b(?:called|named)\s+|,\s+(?P<place>from)\s+", re.IGNORECASE)


# A unit of the body just named, before the link to what it covers: "UNICEF('s) regional office for".
_UNIT_OF_BODY = re.compile(
    r"(?:['’]s)?\s+(?:(?:regional|country|national|local|liaison|field)\s+)?"
    r"(?:office|bureau|team|section|department|unit|division|desk|branch|chapter|programme|program)\s+",
    re.IGNORECASE,
)


_MAX_WINDOW = 180  # characters of a clause read after a cue


def _clause_end(text: str, start: int, stop: int) -> int:
    m = _CLAUSE_END.search(text, start, min(stop, start + _MAX_WINDOW))
    return m.start() if m else min(stop, start + _MAX_WINDOW)


def _orgs_after_cue(
    text: str, cue: re.Match[str], stop: int, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[Org]:
    """Organisations a cue ties to its person, by the cue's kind (see `_SELF_CUES`)."""
    end = _clause_end(text, cue.end(), stop)
    kind = cue.lastgroup
    found: list[Org] = []
    if kind != "role":  # a role word needs a linking word: "a researcher at X"
        first = org_at(text, cue.end(), end, mentions, gazetteer, place_cue=kind == "place")
        if first is not None:
            found.append(first)
    # "I am from Tunisia, from the ministry of commerce": where, then whom for, one cue each
    links = {"role": _ROLE_LINK, "lead": _LEAD_LINK, "place": _AGAIN_FROM}.get(kind or "", _NAMED_LINK)
    for link in links.finditer(text, cue.end(), end):
        if any(o.start <= link.start() < o.end for o in found):
            continue
        if any(_UNIT_OF_BODY.fullmatch(text, o.end, link.start()) for o in found):
            continue  # "the UNICEF office for the Middle East": the unit's remit, not another body
        groups = link.groupdict()
        org = org_at(text, link.end(), end, mentions, gazetteer, place_cue=groups.get("place") is not None)
        if org is None or any(o.start == org.start for o in found):
            continue
        if groups.get("part") is not None and org.mention is None and not looks_org(org.name):
            continue  # "an expert in AI and Human Rights": a field; "a specialist in UNESCO's …": a body
        if (
            kind == "role"
            and groups.get("of") is not None
            and (org.mention is None or org.mention.kind == "stakeholder-group")
            and _MINISTER.search(cue.group())
        ):
            org = ministry_of(text, link.end(), end) or org  # "Minister of Youth": the Ministry of Youth
        rank = _link_rank(groups, text[max(0, link.start() - 40) : link.start()])
        if groups.get("of") is not None and kind == "role" and _field_like(org):
            rank += 0.5  # "Head of Policy at Kuda Networks": "Policy" is the office's field
        found.append(replace(org, rank=rank + 0.01 * len(found)))
    return found


def _field_like(org: Org) -> bool:
    """A name after "<office> of" that reads as a field, not a body: one word, no organisation
    word, no acronym, no registry match ("Head of Policy", "Professor of Law")."""
    words = org.name.split()
    return org.mention is None and len(words) == 1 and not looks_org(org.name) and not ACRONYM.fullmatch(words[0])


_BELONGS = re.compile(
    r"\b(?:member|part|head|chair\w*|co-?chair|director(?:[ -]general)?|founder|co-?founder|coordinator|"
    r"president|secretary(?:[ -]general)?|representative|leader|lead|CEO|CTO|COO|manager|convenor|convener|"
    r"focal point|officer|staff)s?\s*$",
    re.IGNORECASE,
)


def _link_rank(groups: dict[str, str | None], before: str) -> float:
    """ "at/with/for X" ties a role to an employer, and so does "of X" after "member", "head",
    "founder" …; after other words "of X" may be a field ("professor of Law"); "from X" or
    "in X" least: so "a professor of Law at Oxford University" is Oxford's."""
    if groups.get("of") is not None:
        return 0.0 if _BELONGS.search(before) else 0.2
    if groups.get("place") is not None or groups.get("part") is not None:
        return 0.3
    return 0.0


_MINISTER = re.compile(r"\bminister\s*$", re.IGNORECASE)


_DELEGATION = SharedCue(
    re.compile(
        r"\bwith\s+(?:(?:a|our|my)\s+(?:group|delegation|team)\s+of\s+)?(?:my\s+|our\s+)?colleagues\s+(?:from|of)\s+",
        re.IGNORECASE,
    )
)


# Where one is, right before "with … colleagues": "I am here", "sitting in the room", "we came".
_PRESENT_WITH = re.compile(
    r"\b(?:here|sitting|seated|came|come|travell?ed|(?:I|we)\s+(?:am|are|'m|’m|'re|’re))"
    r"(?:\s+(?:here|in|at|the|room|hall|today|also|together))*\s+$",
    re.IGNORECASE,
)


# `self_orgs` asks these of every sentence of every speaker: each behind its literal
# prefilter (`text.fastre`), which gives the pattern's own answers.
# "at Deutsche Welle Akademie, where I work": the cue comes after the organisation.
_WHERE_AFTER = SharedCue(
    re.compile(
        # also with a colleague: "…, where Günay and I both teach"
        r",?\s+where\s+(?:I|we|(?-i:[A-Z][\w'’\u2011-]+)\s+and\s+I)\s+(?:(?:both|also|all)\s+)?"
        r"(?:work|am working|study|teach|am based|am employed|"
        rf"am\s+(?:(?:the|a|an|one of the)\s+)?{_ROLES})\b",
        re.IGNORECASE,
    )
)


# (the body may follow its kind, in apposition: "At our school, the Caspian …, where I teach")
_WHERE_LINK = re.compile(
    r"\b(?:at|with|for|in|by)\s+(?:(?:our|my)\s+(?:[\w'’\u2011-]+\s+)?[\w'’\u2011-]+\s*,\s*)?", re.IGNORECASE
)


# A sentence that starts with a name and a link: "Lucía Fernández-Ruiz, for the DC on …".
# (also after a greeting and "I'm": "Yes, hello, I'm Jannik Oberholz, also from the …")
_NAME_LINK = SharedCue(
    re.compile(
        rf"\s*(?:(?:[\w'’]+,?\s+){{0,3}}?(?i:I'm|I’m|I am|my name is|this is)\s+)?(?P<name>{_NAME}),\s+"
        r"(?:also\s+)?(?:for|from|representing|with)\s+"
    )
)


# A speaker reading out their own card: "My name is Kenji Watanabe, Hitotsubashi University."
_OWN_CARD = re.compile(rf"\s*(?:(?:I'm|I’m|I am|my name is|this is)\s+)?(?P<name>{_NAME})(?=,)", re.IGNORECASE)


# Another person as the subject right before a cue that has none of its own ("founder of").
_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|who)\s+(?:is|was|are|were)\s+(?:(?:also|now|the|a|an|one\s+of\s+the)\s+)*(?:co-?)?$",
    re.IGNORECASE,
)


# A colon or a dash inside a sentence, after which a new statement opens.
_OPENS_AFTER = re.compile(r"(?::|\s(?:--|—))\s+")


# Where a body is, between its name and the cue after it: " of Slovenia,", " in the Netherlands, ".
_PLACE_TAIL = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2}\s*,?\s*")


def self_orgs(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    own_names: Sequence[str] = (),
) -> list[Org]:
    """Organisations the speaker ties themselves to in the sentence text[start:end].

    `own_names` are the speaker's name forms: a sentence that opens with one of them and a
    link ("Lucía Fernández-Ruiz, for the DC on …") is how speakers introduce themselves, while
    the same shape with another name is a hand-off ("Daniel, for the DC on …").
    """
    found: list[Org] = []
    for cue in _SELF_CUES.finditer(text, start, end):
        if _THIRD_PERSON.search(text, max(start, cue.start() - 40), cue.start()):
            continue  # "He is the founder of Kianda Sistemas": a chair presenting somebody else
        for org in _orgs_after_cue(text, cue, end, mentions, gazetteer):
            if not any(o.start == org.start for o in found) and not _spoken_to(text, start, org.start):
                found.append(org)
    full_names = {fold(n) for n in own_names if " " in n.strip()}
    # the sentence's start, or a colon inside it ("because I asked everyone else: Gunel Aliyeva,
    # from the …"): where a name said as one's own introduction opens
    openings = [start, *(m.end() for m in _OPENS_AFTER.finditer(text, start, end))] if full_names else []
    for opening in openings:
        named = _NAME_LINK.match(text, opening, end)
        if named is not None and fold(named.group("name")) in full_names:
            opened = org_at(text, named.end(), end, mentions, gazetteer, place_cue=True)
            if opened is not None and not any(o.start == opened.start for o in found):
                found.append(opened)
    carded = _OWN_CARD.match(text, start, end) if full_names else None
    if carded is not None and fold(carded.group("name")) in full_names:
        for org in _card_after(text, carded.end("name"), end, mentions, gazetteer):
            if not any(o.start == org.start for o in found):
                found.append(org)
    for cue in _DELEGATION.finditer(text, start, end):
        # "I am sitting here in the room with a group of colleagues from the German IGF": one's
        # own delegation, said with where one is (not "we work with colleagues from the ITU")
        if _PRESENT_WITH.search(text, max(start, cue.start() - 40), cue.start()) is None:
            continue
        delegation = org_at(text, cue.end(), _clause_end(text, cue.end(), end), mentions, gazetteer, place_cue=True)
        if delegation is not None and not any(o.start == delegation.start for o in found):
            found.append(delegation)
    for after in _WHERE_AFTER.finditer(text, start, end):
        # the link nearest the cue whose name runs up to it ("by the Agency for Digital Chile,
        # where I am …": not "for", inside the name)
        for link in reversed(list(_WHERE_LINK.finditer(text, start, after.start()))[-3:]):
            before = org_at(text, link.end(), after.start(), mentions, gazetteer, place_cue=True)
            if before is None or (
                before.end < after.start() - 1 and not _PLACE_TAIL.fullmatch(text, before.end, after.start())
            ):
                continue  # ("the Ministry of Digital Society of Slovenia, where I …": the ministry)
            if not any(o.start == before.start for o in found):
                found.append(before)
            break
    for work in _WORK_FOR.finditer(text, start, end):
        client = org_at(text, work.end(), _clause_end(text, work.end(), end), mentions, gazetteer, place_cue=True)
        if (
            client is not None
            and client.mention is None
            and (looks_org(client.name) or _DESCRIBED_AFTER.match(text, client.end, end) is not None)
            and not any(o.start == client.start for o in found)
            and not _spoken_to(text, start, client.start)
        ):
            found.append(replace(client, rank=0.3))
    for linked in linked_orgs(
        text, start, end, mentions, gazetteer, lambda pos: _DESCRIBED_AFTER.match(text, pos, end) is not None
    ):
        # "I am here for the Sdružení …", "At the … Office we looked at …": a link of one's own clause
        if not any(o.start == linked.start for o in found) and not _spoken_to(text, start, linked.start):
            found.append(replace(linked, rank=0.3))
    for described in _DESCRIBED_THEN_NAMED.finditer(text, start, end):
        named_org = org_at(
            text, described.end(), _clause_end(text, described.end(), end), mentions, gazetteer, place_cue=True
        )
        if (
            named_org is not None
            and named_org.mention is None
            and not any(o.start == named_org.start for o in found)
            and not _spoken_to(text, start, named_org.start)
        ):
            found.append(replace(named_org, rank=0.3))
    return found


# The kind of body said in the same breath as its name, which is how a name without an
# organisation word ("Kurier Pojezierza", "PayNaija") shows it is one: after the name ("…, it
# is a regional newspaper", "…, a fintech start-up") or before it, in the speaker's own tie to
# it ("I run a small NGO, Kampala Digital Literacy Trust", "I work for a start-up called Zeta").
_ORG_KIND = (
    r"(?:"
    + alternation(ORG_NOUNS)
    + r"|paper|weekly|monthly|journal|publication|outlet|firm|charity|non-?profit|newsroom|collective|consultancy|"
    + r"think[\s-]tank|cooperative|co-op)"
)


_DESCRIBED_AFTER = re.compile(
    rf"[ \u00a0]*,[ \u00a0]*(?:(?:it|which|that)[ \u00a0]+(?:is|was)[ \u00a0]+|it['’]s[ \u00a0]+)?"
    rf"(?:a|an|the|our)[ \u00a0]+(?:[\w'’\u2011-]+[ \u00a0]+){{0,3}}?{_ORG_KIND}s?\b",
    re.IGNORECASE,
)


_DESCRIBED_THEN_NAMED = SharedCue(
    re.compile(
        r"\bI\s+(?:run|lead|founded|co-?founded|manage|direct|coordinate|head|work\s+(?:for|at|with|in)|"
        r"am\s+with|volunteer\s+(?:for|with|at))\s+(?:a|an|our|my)\s+(?:[\w'’\u2011-]+\s+){0,3}?"
        + _ORG_KIND
        + r"(?:\s*,\s*|\s+)(?:(?:called|named)\s+)?(?=(?-i:[A-Z]))",
        re.IGNORECASE,
    )
)


# What one does for a living, then the body it is done for: "I build networks for Liquid
# Intelligent Technologies", "I write for the Lusaka Daily Mail". Looser than the cues above (the
# object may be anything), so only a name with an organisation word counts, never a registry
# body ("I do consultancy for the ILO" is a client, not an employer).
_WORK_FOR = SharedCue(
    re.compile(
        r"\bI\s+(?:build|develop|design|write|report|produce|code|program|train|teach|edit|manage|run)\b"
        r"[^.,;:?!]{0,40}?\s(?:for|at|with)\s+",
        re.IGNORECASE,
    )
)


def _spoken_to(text: str, sentence_start: int, org_start: int) -> bool:
    """A body the speaker addresses or denies, not one they belong to: "I am a librarian from
    Nairobi, and my question is for DC-PAL", "I am not with the ministry" (`voice`)."""
    return voice.addressed(text, sentence_start, org_start) or voice.negated(text, sentence_start, org_start)


def after_name(text: str, name_end: int, stop: int, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Org]:
    """Organisations others tie a person to right after naming them ("Ana Lima from X",
    "Ana, director of … at X", "Ana runs a start-up called X")."""
    cue = _AFTER_NAME.match(text, name_end, stop)
    if cue is not None and cue.lastgroup is not None:
        found = _orgs_after_cue(text, cue, stop, mentions, gazetteer)
        if found:
            return found
        # "Rodrigo, a deputy from Paraguay, who is here for the …": what he is, then whom for
        return _after_apposition(text, name_end, stop, mentions, gazetteer, described_only=True)
    return _after_apposition(text, name_end, stop, mentions, gazetteer) or _card_after(
        text, name_end, stop, mentions, gazetteer
    )


def _after_apposition(
    text: str,
    name_end: int,
    stop: int,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    *,
    described_only: bool = False,
) -> list[Org]:
    """The body tied to a person past an apposition between their name and the cue: where they
    are ("Beatrice, joining us remotely from Kisumu, from the … Network"), their seat, or what
    they are ("Hesham, the main author of the report, also from the …"). `described_only`: only
    past what they are (the words right after the name were read as a cue already)."""
    where = _WHERE_APPOSITION.match(text, name_end, stop)
    if where is None or (described_only and where.group("described") is None):
        return []
    cue = _AFTER_NAME.match(text, where.end(), stop)
    if cue is None or cue.lastgroup is None:
        return []
    found = _orgs_after_cue(text, cue, stop, mentions, gazetteer)
    if where.group("seat") is None:
        return found
    # past a seat ("Dragana, sitting next to me, from Novi Sad"): only a body by its
    # words or the registry, not a town read as one
    return [org for org in found if org.mention is not None or looks_org(org.name)]


# Where a person is, said between their name and their body: ", joining us remotely from Kisumu,",
# or their seat: ", sitting closest to me,", ", seated at the end of the table,".
_WHERE_APPOSITION = re.compile(
    r"[ \u00a0]*,[ \u00a0]*(?:who is[ \u00a0]+)?(?:(?:joining|connecting|connected|calling in|dialling in|here)"
    r"(?:[ \u00a0]+(?:us|in|with us|today))?(?:[ \u00a0]+(?:remotely|online|virtually|in person))?"
    r"(?:[ \u00a0]+(?:from|in)[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+))?)?|"
    r"(?P<seat>(?:sitting|seated|standing)(?:[ \u00a0]+(?-i:[a-z][\w'’-]*)){1,8})|"
    # what they are, in lower case, and perhaps where from: ", the main author of the report,",
    # ", a deputy from Paraguay,"
    r"(?P<described>(?:a|an|the|our)(?:[ \u00a0]+(?-i:[a-z][\w'’-]*)){1,6}"
    r"(?:[ \u00a0]+(?:from|in)[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+))?)?))"
    r"[ \u00a0]*,",
    re.IGNORECASE,
)


# A name card read out: "Amina Mensah, Ministry of Communications and Digitalisation, Ghana." —
# the body right after the name and a comma, itself followed by a comma or the sentence end.
_CARD_AFTER = re.compile(r",[ \u00a0]+(?=(?:the[ \u00a0]+)?[A-Z])")


_CARD_END = re.compile(r"[ \u00a0]*(?:[,.;]|$)")


def _card_after(text: str, name_end: int, stop: int, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Org]:
    """The body of a name card a chair reads out ("Moussa Diallo, Senegal Digital Rights Network,
    also remote"): it must name an organisation outright (a registry body, an organisation word
    or an acronym; not a place or a person) and stand alone between commas, so a list of names or
    places is not read as one."""
    comma = _CARD_AFTER.match(text, name_end, stop)
    if comma is None:
        return []
    org = org_at(text, comma.end(), _clause_end(text, comma.end(), stop), mentions, gazetteer, place_cue=True)
    if org is None:
        return _card_with_place(text, comma.end(), stop, gazetteer)
    if not _CARD_END.match(text, org.end, stop):
        return []
    if org.mention is None and not looks_org(org.name) and not any(ACRONYM.fullmatch(w) for w in org.name.split()):
        return []  # "Thank you, Lina Saab, Omar Aziz and Ana Lima": more names, not a body
    return [org]


_THEN_PLACE = re.compile(
    r"[ \u00a0]*,[ \u00a0]*((?-i:[A-Z][\w'’\u2011-]+)(?:[ \u00a0]+(?-i:[A-Z][\w'’\u2011-]+))?)[ \u00a0]*(?:[.;]|,[ \u00a0]*(?:and|&)\b|$)"
)


def _card_with_place(text: str, pos: int, stop: int, gazetteer: Gazetteer) -> list[Org]:
    """A card's body that is a bare name ("Daniel Osei, PayLoop, Kigali."): the card's shape says
    it is a body when a known place closes it; the name itself must be neither a place nor a person."""
    run = proper_run(text, pos, stop)
    if run is None or len(run[1]) > 4:
        return []
    end = run[0]
    place = _THEN_PLACE.match(text, end, stop)
    name = text[pos:end]
    if place is None or fold(place.group(1)) not in gazetteer.places:
        return []
    if (
        fold(name) in gazetteer.places
        or fold(name) in gazetteer.people
        or any(fold(w) in gazetteer.people for w in name.split())
    ):
        return []
    return [Org(pos, end, name)]


# An office written on its own, as on a name card: the office, then nothing or a link to its
# body ("Deputy Minister", "Minister of Digital Economy", "Director of Research at Foo University").
_OFFICE = re.compile(rf"(?:(?:the|a|an)\s+)?(?P<role>{_ROLES})(?=\s*$|\s+(?:of|at|for|with|in|to|on)\b)", re.IGNORECASE)


def is_office(piece: str) -> bool:
    """Whether a name-card piece is an office ("CEO", "Minister of …"), not a body's name."""
    return _OFFICE.match(piece.strip()) is not None


def office_orgs(piece: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Org]:
    """The bodies an office written on its own names, read as after a role cue ("Minister of
    Digital Economy" → "Ministry of Digital Economy"; "Director of Research at Foo University"
    → "Foo University"); `mentions` are the registry mentions in `piece`."""
    cue = _OFFICE.match(piece)
    return _orgs_after_cue(piece, cue, len(piece), mentions, gazetteer) if cue is not None else []


def card_name(card: str) -> str:
    """An organisation as written on a name-card label, in reading case when the captioner
    wrote it in capitals ("RESEARCH ICT AFRICA" -> "Research ICT Africa")."""
    text = " ".join(card.split())
    if any(ch.islower() for ch in text):
        return text
    words = []
    for k, word in enumerate(text.split(" ")):
        bare = word.strip(",").lower()
        if k and bare in CONNECTORS:
            words.append(word.lower())
        elif len(word.strip(",")) <= 3:
            words.append(word)  # "ICT", "UN": an acronym
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


_BEFORE_LINK = re.compile(r"\b(?:from|representing|with)\s+", re.IGNORECASE)


_TO_NAME = re.compile(
    r"[\s,]*(?:(?:we have|we welcome|please welcome|is|comes|joins us)\s+)?"
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador|Minister|Honourable|Hon|H\.E)\.?\s+)*",
    re.IGNORECASE,
)


def before_name(
    text: str, start: int, name_start: int, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> Org | None:
    """An organisation said right before a person's name: "From the University of Ghana,
    Professor Ama Owusu", "Representing Access Now, Sara Lind"."""
    for link in reversed(list(_BEFORE_LINK.finditer(text, start, name_start))):
        org = org_at(text, link.end(), name_start, mentions, gazetteer, place_cue=True)
        if org is not None and _TO_NAME.fullmatch(text, org.end, name_start):
            return org
    return None
