"""Candidate affiliations of one speaker, with features, for the trained affiliation ranker.

Why: the cue rules (`roles.collect_evidence`) find an affiliation only in the shapes they
were written from, and scored ~100 % on those sessions but 53–86 % on each next unseen set.
Here candidates come from general shapes instead — every capitalised organisation-like span
and acronym in the speaker's first turns, in other speakers' sentences that name them, and on
their name card, plus every registry mention there and every body the rules tied to them —
and each is described by what a reader would weigh: who said it, how far from a first person
or from the speaker's name, the word before it ("from", "at", "with", "representing"), the
word after it (a verb after it makes it the subject: merely mentioned), where in the turn,
a registry hit, an organisation word in it. `affmodel` weighs these features with weights
learnt by `bench/train_whoswho.py`; this module only describes, it never decides.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from forumlens.resolve.mentions import Mention
from forumlens.resolve.orgs import never_body
from forumlens.resolve.orgwords import ORG_WORDS as _BODY_NOUNS
from forumlens.resolve.orgwords import (
    elided_name_word,
    foreign_joiner,
    foreign_word,
    place_after_name,
    place_qualifier,
    romance_link,
)
from forumlens.resolve.people import name_forms
from forumlens.resolve.registry import Registry
from forumlens.resolve.roles import AFFILIATING_KINDS, GENERAL_BODIES, Draft, Evidence, SessionView
from forumlens.resolve.salutation import salutation_end
from forumlens.resolve.scoring import affiliation_key

__all__ = ["Candidate", "candidates", "fold", "person_words"]

# A combining accent is part of its word: "Olùkọ́" keeps the acute over its dot-below "ọ" (no
# precomposed letter has both), so a Yoruba or Vietnamese name is one word, not cut before it.
_MARK = "\u0300-\u036f"
_WORD = re.compile(rf"[^\W\d_][\w&'’.{_MARK}-]*[\w&{_MARK}]|[^\W\d_][{_MARK}]*")
# Lower-case words allowed inside an organisation name ("Ministry of Communication and …").
_JOINERS = frozenset(
    [
        "of",
        "for",
        "and",
        "on",
        "in",
        "the",
        "de",
        "des",
        "du",
        "la",
        "le",
        "del",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "ya",
        "wa",
        "van",
        "von",
        "für",
        "und",
        "&",
        "y",
        "et",
    ]
)
# Capitalised words that open sentences or address people, never an organisation by themselves.
_OPENERS = frozenset(
    [
        "i",
        "i'm",
        "i’m",
        "we",
        "we're",
        "my",
        "our",
        "so",
        "and",
        "but",
        "thank",
        "thanks",
        "hello",
        "hi",
        "good",
        "yes",
        "no",
        "okay",
        "ok",
        "well",
        "now",
        "this",
        "that",
        "these",
        "those",
        "it",
        "it's",
        "he",
        "she",
        "they",
        "you",
        "your",
        "mr",
        "ms",
        "mrs",
        "dr",
        "prof",
        "professor",
        "excellency",
        "excellencies",
        "ladies",
        "gentlemen",
        "chair",
        "chairman",
        "chairperson",
        "madam",
        "mister",
        "let",
        "let's",
        "please",
        "as",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "today",
        "also",
        "just",
        "sorry",
        "what",
        "how",
        "why",
        "where",
        "when",
        "if",
        "then",
        "there",
        "here",
        "one",
        "two",
        "three",
        "first",
        "second",
        "third",
        "next",
        "last",
        "dear",
        "distinguished",
        "honourable",
        "honorable",
        "all",
        "everyone",
        "everybody",
        "colleagues",
        "friends",
        "before",
        "after",
        "because",
        "since",
        "while",
        "once",
        "yeah",
        "um",
        "uh",
        "oh",
        "right",
        "sure",
        "great",
        "indeed",
        "again",
        "finally",
        "moderator",
        "speaker",
        "participant",
        "audience",
        "floor",
        "question",
        "questions",
        "session",
        "panel",
        "workshop",
        "forum",
    ]
)
# Words that make a span the name of a body rather than of a person or a place; kept folded as
# `fold` compares them (an accented "fundación" never matched the folded "fundacion" of a span).
ORG_WORDS = frozenset(
    affiliation_key(w) or w
    for w in [
        "university",
        "universidad",
        "université",
        "college",
        "school",
        "academy",
        "institute",
        "institution",
        "ministry",
        "department",
        "office",
        "agency",
        "authority",
        "commission",
        "commissioner",
        "council",
        "committee",
        "board",
        "foundation",
        "fund",
        "trust",
        "network",
        "association",
        "society",
        "federation",
        "union",
        "alliance",
        "coalition",
        "forum",
        "group",
        "centre",
        "center",
        "lab",
        "laboratory",
        "initiative",
        "project",
        "programme",
        "program",
        "partnership",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "llc",
        "gmbh",
        "bank",
        "organization",
        "organisation",
        "secretariat",
        "parliament",
        "government",
        "radio",
        "television",
        "tv",
        "news",
        "times",
        "post",
        "press",
        "media",
        "observatory",
        "consortium",
        "chamber",
        "cooperative",
        "service",
        "services",
        "registry",
        "tribunal",
        "court",
        "agence",
        "ministerio",
        "ministère",
        "fundación",
        "fondation",
        "instituto",
        "asociación",
        # Portuguese and Italian forms ("Associação de Provedores do …", "Fondazione …")
        "associação",
        "associazione",
        "fundação",
        "fondazione",
        "ministério",
        "ministero",
        "universidade",
        "università",
        "sociedade",
        "cooperativa",
    ]
)
# Job titles: a span opening with one names a post ("CEO of X"), the body is after it.
_TITLES = frozenset(
    [
        "ceo",
        "cto",
        "coo",
        "director",
        "head",
        "minister",
        "president",
        "vice",
        "chair",
        "chairman",
        "chairperson",
        "secretary",
        "general",
        "manager",
        "founder",
        "co-founder",
        "coordinator",
        "officer",
        "advisor",
        "adviser",
        "professor",
        "dean",
        "rector",
        "ambassador",
        "commissioner",
        "deputy",
        "executive",
        "senior",
        "lead",
        "member",
        "representative",
    ]
)
# Words after a span that make it the subject of its own sentence ("X has published") —
# the body is talked about, not spoken for.
_VERBS_AFTER = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "did",
        "does",
        "do",
        "published",
        "released",
        "said",
        "says",
        "launched",
        "made",
    ]
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|my|we|we're|our|me)\b", re.IGNORECASE)
# What the clause around a span says about it, in words of any session (not its organisation):
# the speaker claims it ("I speak for my employer, which is a start-up, Tassili Cloud", "we are
# the …", "my own company is …"), puts it in the past ("I was for three years in …", "before
# that I was at …"), thanks or credits it ("with the support of …", "helped us", "our partner"),
# or sets it against what follows ("a member of the MAG this year, but here I speak for …").
_CLAIM_BEFORE = re.compile(
    r"\b(?:speak(?:ing)?\s+(?:for|on\s+behalf\s+of)|(?:I|we)\s+work(?:ing)?\s+(?:for|at)|employ(?:er|ed)|"
    r"my\s+own\s+\w+|own\s+organi[sz]ation|we\s+are\s+(?:the|a|an)|I\s+am\s+with|I'm\s+with|I’m\s+with|"
    # "my job, and my affiliation for today, is the Kutaisi Open Data Lab"
    r"my\s+(?:affiliation|day\s+job|employer)\b[^.;?!]{0,30}?\bis|"
    r"represent(?:ing)?|my\s+(?:company|organi[sz]ation|employer|network|team|station|newspaper))\b[^.;?!]{0,60}$"
    # "We are Rede Mandacaru, a community network …": the body named right after "we are"
    r"|\b(?:we\s+are|we're|we’re)\s+$",
    re.IGNORECASE,
)
# A post the speaker holds, said in their own words: "I coordinate the …", "I edit the weekend
# edition of the …", "I'm in the secretariat of the …", "I sit in the …", "I am the commercial
# manager of …", "now I am in the compliance team of an online operator, …", "I am a reporter
# for …". The body after it is where the post is; told apart from `claim` (speaking for a body)
# because a post may be held at one body while speaking for another, so the ranker weighs it.
_POST_BEFORE = re.compile(
    r"\b(?:I|we)\s+(?:run|coordinate|lead|direct|manage|head|chair|edit|teach|sit|serve|write|report|"
    r"founded|co-?founded|help\s+(?:to\s+)?(?:run|organi[sz]e|coordinate))\b[^.;?!]{0,50}$|"
    r"\b(?:I\s+am|I'm|I’m)\s+(?:now\s+|also\s+|currently\s+)?(?:an?\s+|the\s+)?(?!here\b|happy\b|glad\b|from\b)"
    r"(?:[\w-]+\s+){0,4}?(?:of|at|for|in|on|with)\s+(?:(?:the|an?|our|my)\s+)?(?:[^.;?!,]{0,40},\s*)?$",
    re.IGNORECASE,
)
_PAST_BEFORE = re.compile(
    r"\b(?:I\s+was|I\s+worked|I\s+used\s+to|used\s+to|formerly|former|previously|before\s+that|I\s+left)\b"
    r"[^.;?!]{0,50}$",
    re.IGNORECASE,
)
_CREDIT_BEFORE = re.compile(
    r"\b(?:thanks?|support|supported|help|helped|funded|funding|grant|partners?|together\s+with|lent|"
    r"invited|hosted|organi[sz]ed|asked\s+me|proposed)\b[^.;?!]{0,40}$",
    re.IGNORECASE,
)
# A relative clause about the body named before it, with no first person in it: "I coordinate the
# X, which is one of the organisations that hosts the Y": Y is X's partner, not the speaker's
# ("…, where I am the head of Z" is a post, not this).
_RELATIVE_BEFORE = re.compile(
    r",\s*(?:which|that|who|whose)\b(?![^,]*\b(?:I|I'm|I’m|me|my|we|our)\b)[^,]*$",
    re.IGNORECASE,
)
# The body named in apposition to a common noun of its kind: "now I am in the compliance team of
# an online operator, BetVallee", "I run a small community media association in Ostrobothnia, X".
_APPOS_BEFORE = re.compile(
    r"\b(?:a|an|the|our|my)\s+(?:[\w-]+\s+){0,4}?(?:operator|newspaper|station|start-?up|company|ngo|provider|firm|"
    r"publisher|magazine|broadcaster|outlet|cooperative|collective|association|network|organi[sz]ation|"
    r"foundation|university|institute|radio|platform|agency|consultancy|charity|union|club|regulator|bank|"
    r"lender|insurer|retailer|studio|school|clinic|hospital|lab|laboratory|think[\s-]tank|website|portal)"
    # where it is, said after it: "in Ostrobothnia", "here in Vilnius", "based in Pune"
    r"(?:\s+(?:here\s+)?(?:in|from|of|based\s+in)\s+[\w-]+(?:\s+[\w-]+)?)?\s*,\s*$",
    re.IGNORECASE,
)
# A body named in lower case after a preposition and "the", headed by an institution's noun: "I am
# from Tunisia, from the ministry of commerce", "head of alerts at the national emergency office
# of Chile" (a span of capitals cannot see it). The head and the words before it are lower case.
_LOWER_BODY = re.compile(
    r"\b(?:from|at|with|of|in|for)\s+the\s+((?:[a-z][\w-]*\s+){0,3}?"
    r"(?:ministry|department|office|agency|authority|commission|council|committee|university|institute|"
    r"secretariat|regulator|directorate|bureau|parliament|court|ombudsman)"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[\w-]+(?:\s+(?:and|of|for)\s+[\w-]+){0,3})?)"
    r"(?=\s*[,.;:!?)]|\s+(?:and|in|where|which|who|that|since|but|with)\b)"
)
# A list inside a name after its "of": "Ministry of Agriculture, Forestry and Fisheries (of Cambodia)".
_LIST_AFTER = re.compile(
    r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+,?\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
)
_OF_PLACE_AFTER = re.compile(r"\s+(?:of|for|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")
_CONTRAST_AFTER = re.compile(
    r"^[^.;?!]{0,60}?\bbut\b[^.;?!]{0,20}?\b(?:I|I'm|I’m|we|my|our)\b",
    re.IGNORECASE,
)
_PRONOUN_OPENS = re.compile(r"\s*(?:He|She)\s+(?:is|was|works|leads|heads|runs|comes|represents|teaches)\b")
_BUCKETS = (3, 8, 20, 60)
MAX_WINDOWS = 4  # sentences of others naming the speaker
MAX_OWN_WORDS = 80  # of each of the speaker's first turns
OWN_TURNS = 2


@dataclass
class Candidate:
    """One organisation that may be the speaker's: `key` (a registry id or a folded name),
    the name to show (a registry body keeps its canonical name), and its features."""

    key: str
    name: str
    entity_id: str | None  # registry id, or the rules' `org:` key, or None for a span found here
    features: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)  # the sentence of its first sighting


def _bucket(name: str, value: int) -> str:
    for edge in _BUCKETS:
        if value <= edge:
            return f"{name}<={edge}"
    return f"{name}>{_BUCKETS[-1]}"


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The scorer's comparison key of a name (case, accents, hyphens, a leading "the")."""
    return affiliation_key(text) or ""


def person_words(names: Sequence[str]) -> frozenset[str]:
    """Folded words of every person's name in the session (a span made of them is a person)."""
    return frozenset(w for n in names for f in name_forms(n) for w in fold(f).split())


def _more_spans(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int, list[str]]]
) -> Iterator[tuple[int, int, list[str], str]]:
    """Names `_spans` cannot see, with the shape that found them: a body named in lower case
    ("from the ministry of commerce": `lower`), and a name with a list inside it after its
    "of" ("Ministry of Agriculture, Forestry and Fisheries", with and without "of Cambodia":
    `list`); `spans`: `_spans` of the same stretch."""
    for m in _LOWER_BODY.finditer(text, start, end):
        yield m.start(1), m.end(1), m.group(1).split(), "lower"
    for a, b, words in spans:
        if len(words) < 3 or fold(words[0]) not in ORG_WORDS or not {"of", "for"} & {w.casefold() for w in words[1:-1]}:
            continue
        listed = _LIST_AFTER.match(text, b, end)
        if listed is None:
            continue
        yield a, listed.end(), text[a : listed.end()].split(), "list"
        place = _OF_PLACE_AFTER.match(text, listed.end(), end)
        if place is not None:
            yield a, place.end(), text[a : place.end()].split(), "list"


def _spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, list[str]]]:
    """Capitalised organisation-like spans in text[start:end]: runs of capitalised words with
    lower-case joiners inside, not crossing punctuation; each run and its sub-spans bounded by
    joiners ("Data Protection Commission" of "… Commission of the Republic of Ghana",
    "Fjordlink" of "CEO of Fjordlink"). A run never starts with a sentence opener or a word of
    address ("Thank", "We", "Madam")."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    i = 0
    while i < len(words):
        w = words[i][2]
        if not w[0].isupper() or w.casefold().rstrip(".") in _OPENERS:
            i += 1
            continue
        j = i + 1
        while j < len(words) and j - i < 10:
            if not _joined(text, words[j - 1], words[j]):
                break
            if not (_name_end(words[j][2]) or _joins(words[j][2]) or elided_name_word(words[j][2])):
                break  # a name word, a joiner or an elided article ("de l'Internet de …") goes on the run
            j += 1
        run = list(range(i, j))
        while run and _joins(words[run[-1]][2]):
            run.pop()
        # a capitalised article opening a name ("Le Courrier de la Drôme", "El Tiempo") is its first word
        joiner = [_joins(words[x][2]) and not (k == 0 and _opening_article(words[x][2])) for k, x in enumerate(run)]
        firsts = [k for k in range(len(run)) if not joiner[k] and (k == 0 or joiner[k - 1])]
        lasts = [k for k in range(len(run)) if not joiner[k] and (k == len(run) - 1 or joiner[k + 1])]
        for f in firsts:
            for k in lasts:
                if k >= f and words[run[f]][2][0].isupper() and _name_end(words[run[k]][2]):
                    named = [words[x][2] + _mark_after(text, words[x], x < run[k]) for x in run[f : k + 1]]
                    yield words[run[f]][0], words[run[k]][1], named
        i = max(j, i + 1)


# Articles of French, Spanish and Italian that open a title ("Le Monde", "La Nación", "Il Sole").
_TITLE_ARTICLES = frozenset(["le", "la", "les", "el", "il", "los", "las", "lo"])


def _opening_article(word: str) -> bool:
    """A capitalised article, which opens a name when a capitalised word follows it."""
    return word[:1].isupper() and word.casefold() in _TITLE_ARTICLES


def _joins(word: str) -> bool:
    """A lower-case word inside a name: a listed joiner, a Spanish, Portuguese, French or Italian
    article or preposition in lower case ("por una", "degli"), or another language's short one ("w")."""
    return word.casefold() in _JOINERS or romance_link(word) or foreign_joiner(word)


def _name_end(word: str) -> bool:
    """A word a name may end on: a capitalised one, or a lower-case word of another language
    ("Spišská komunitná sieť": its head noun last, in lower case)."""
    return word[0].isupper() or foreign_word(word)


def _mark_after(text: str, word: tuple[int, int, str], inside: bool) -> str:
    """The possessive mark a word inside a name carries ("Workers'" of "… Workers' Union")."""
    mark = text[word[1] : word[1] + 1]
    return mark if inside and mark in ("'", "’") else ""


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Whether nothing but a space, a hyphen or "&" parts two words of one name, or a plural's
    possessive mark before a capitalised word ("Salt Pan Women Workers' Union")."""
    gap = text[left[1] : right[0]].strip()
    if gap in ("", "-", "&"):
        return True
    return gap in ("'", "’") and left[2][-1:] in ("s", "S") and right[2][0].isupper()


# The feature of a candidate said only as a turn's opening greeting ("Malo e lelei, good morning"):
# the ranker never saw it (it weighs nothing); `resolve.cast` leaves such a candidate out of the pick.
GREETING_ONLY = "greeting_only"


@dataclass
class _Window:
    source: str  # own | other | card
    start: int
    end: int
    order: int  # which of the speaker's turns (own), or 0
    turn: int  # index of the turn the window is in
    name_at: int | None  # offset of the speaker's name in the window (other)


def name_hits(view: SessionView) -> dict[int, list[int]]:
    """Offsets of every speaker's name in the text, by `id` of their label group (the view's
    one index of names, so no per-speaker scan)."""
    hits: dict[int, list[int]] = {}
    for start, _end, group in reversed(view.names_between(view.header_end, len(view.text))):
        hits.setdefault(id(group), []).append(start)
    return hits


def _windows(view: SessionView, draft: Draft, named_at: Sequence[int]) -> list[_Window]:
    found: list[_Window] = []
    turns = view.session.turns
    own = [i for i in draft.group.turns if turns[i].kind == "speech"][:OWN_TURNS]
    for order, index in enumerate(own):
        spoken = turns[index]
        cut = spoken.end
        for seen, m in enumerate(_WORD.finditer(view.text, spoken.start, spoken.end), 1):
            if seen > MAX_OWN_WORDS:
                cut = m.start()
                break
        found.append(_Window("own", spoken.start, cut, order, index, None))
        if cut < spoken.end:
            # "… so this is not my coalition.  My name is N, I edit the X": a self-introduction
            # after a long opening is read too, as far as its sentence goes
            for at in named_at:
                if spoken.start <= at < spoken.end:
                    a, b = view.sentence_at(index, at)
                    if b > cut:
                        found.append(_Window("own", max(a, cut), b, order, index, None))
                        break
    mine = set(draft.group.turns)
    sentences: set[tuple[int, int]] = set()
    for start in named_at:
        turn = view.speech_turn_at(start)
        if turn is None or turn.index in mine:
            continue
        a, b = view.sentence_at(turn.index, start)
        if (a, b) in sentences:
            continue  # the name twice in one sentence: one window
        sentences.add((a, b))
        following = view.sentence_after(turn.index, b)
        if following is not None and _PRONOUN_OPENS.match(view.text, following[0]):
            b = following[1]  # "Mr. N will speak in Spanish.  He is the head of alerts at the …"
        found.append(_Window("other", a, b, 0, turn.index, start))
        if len(found) > MAX_WINDOWS:
            break
    return found


def _add(
    pool: dict[str, Candidate],
    key: str,
    name: str,
    entity_id: str | None,
    feats: dict[str, float],
    evidence: Evidence | None = None,
) -> None:
    """Merge one sighting into the pool: counts add, indicators and best distances keep the max."""
    cand = pool.get(key)
    if cand is None:
        pool[key] = Candidate(key, name, entity_id, dict(feats), [evidence] if evidence else [])
        return
    if entity_id and not cand.entity_id:
        cand.entity_id, cand.name = entity_id, name
    for f, v in feats.items():
        if f == "sightings":
            cand.features[f] = cand.features.get(f, 0.0) + v
        else:
            cand.features[f] = max(cand.features.get(f, 0.0), v)


def _context(text: str, a: int, b: int) -> tuple[str, str, str]:
    before = re.findall(r"[^\W\d_]+", text[max(0, a - 40) : a])
    after = re.findall(r"[^\W\d_]+|[.,;:]", text[b : b + 20])
    prev = before[-1].casefold() if before else "^"
    prev2 = " ".join(w.casefold() for w in before[-2:]) if len(before) >= 2 else "^"
    nxt = after[0].casefold() if after else "$"
    return prev, prev2, nxt


def candidates(
    view: SessionView,
    draft: Draft,
    registry: Registry,
    people: frozenset[str],
    places: frozenset[str],
    rule_names: dict[str, str],
    named_at: Sequence[int] = (),
) -> list[Candidate]:
    """Every candidate organisation of one speaker, with its features (see the module doc).

    `people`: folded name words of the session's speakers; `places`: folded country names;
    `rule_names`: the rules' candidate keys → names (`draft.affiliations`), added as
    candidates with the rules' evidence kinds and strengths as features; `named_at`: where
    others say the speaker's name (`name_hits`)."""
    pool: dict[str, Candidate] = {}
    # keys said as the greeting that opens a turn (`salutation`), and keys said anywhere else
    greeted: set[str] = set()
    elsewhere: set[str] = set()
    text = view.text
    mentions = _affiliating(view)
    mention_starts = [m.start for m in mentions]
    for window in _windows(view, draft, named_at):
        # "Malo e lelei, good morning, …": a greeting opening the speaker's own turn is no body
        greeting = salutation_end(text, window.start, window.end) if window.source == "own" else window.start
        firsts = [m.start() for m in _FIRST_PERSON.finditer(text, window.start, window.end)]
        local = _Words([m.start() for m in _WORD.finditer(text, window.start, window.end)])
        spans = list(_spans(text, window.start, window.end))
        more = list(_more_spans(text, window.start, window.end, spans))
        heads = _headed(spans)
        for a, b, words, shape in [(a, b, w, "") for a, b, w in spans] + more:
            folded = fold(" ".join(words))
            if not folded or all(w in people for w in folded.split()) or never_body(words):
                continue  # a person, a landform ("the Cook Islands") or a platform ("WebEx")
            k = bisect.bisect_left(mention_starts, b)
            entity = next((m for m in reversed(mentions[max(0, k - 3) : k]) if a < m.end), None)
            if entity is not None and entity.entity_id in GENERAL_BODIES:
                continue  # "from the youth IGF in Armenia": the IGF as a whole is nobody's body
            if entity is None and _bare_head(words):
                continue  # "we are a small NGO of women": the kind of body, not its name
            if entity is None and not shape and _tail_of_headed(text, a, b, heads):
                continue  # "Associação de Provedores do Vale": "Provedores do Vale" is what it is of
            if entity is None and _located(text, a, b, words):
                continue  # "the Atlas Cable Secretariat in Rabat": the body is the span before "in"
            if entity is not None:
                key, name, entity_id = (
                    entity.entity_id,
                    entity.name,
                    entity.entity_id,
                )  # a mention's name is its entity's
            else:
                key, name, entity_id = folded, " ".join(words), None
            (greeted if b <= greeting else elsewhere).add(key)
            feats = _span_features(text, a, b, words, window, firsts, places, local)
            if shape:
                feats[f"shape:{shape}"] = 1.0
            if entity is not None:
                feats["registry"] = 1.0
                feats[f"registry:{entity.kind}"] = 1.0
            _add(
                pool,
                key,
                name,
                entity_id,
                feats,
                None  # where it was said: only a new candidate keeps it
                if key in pool
                else view.evidence(
                    *view.sentence_at(window.turn, a), "own-words" if window.source == "own" else "introduction"
                ),
            )
    first_line = view.session.turns[draft.group.turns[0]].line if draft.group.turns else 0
    for label in draft.group.labels:
        for _a, _b, words in _spans(label, 0, len(label)):
            folded = fold(" ".join(words))
            if folded and not all(w in people for w in folded.split()):
                card = Evidence(first_line, label, "name-card")
                _add(pool, folded, " ".join(words), None, {"card": 1.0, "sightings": 1.0, "bias": 1.0}, card)
    by_name = {fold(c.name): c.key for c in pool.values()}
    for rule_key, items in draft.affiliations.items():
        name = rule_names.get(rule_key) or rule_key
        key = rule_key if rule_key in pool else by_name.get(fold(name), rule_key)
        rule_feats: dict[str, float] = {"rule": 1.0, "rule_strength": max(s for s, _ in items) / 4.0, "bias": 1.0}
        rule_feats["rule_items"] = min(len(items), 4) / 4.0
        for _, ev in items:
            rule_feats[f"rule:{ev.kind}"] = 1.0
        if rule_key.startswith("org:"):
            rule_feats["rule_free"] = 1.0
        else:
            rule_feats["registry"] = 1.0
            rule_feats[f"registry:{registry.get(rule_key).kind}"] = 1.0
        _add(pool, key, name if key not in pool else pool[key].name, rule_key if key == rule_key else None, rule_feats)
        if pool[key].entity_id is None:
            pool[key].entity_id, pool[key].name = rule_key, name
    for key in greeted - elsewhere:
        # counted as the ranker was trained (its "none" weighs how many there are), never picked
        pool[key].features[GREETING_ONLY] = 1.0
    return list(pool.values())


def _located(text: str, a: int, b: int, words: Sequence[str]) -> bool:
    """A span that is a body's name and then where it is (`place_after_name`), unless the session
    only ever says the name with that place, twice or more: then the place is part of its name
    (as a university's "… in Cairo" is, said in full every time)."""
    k = place_after_name(words)
    if k is None:
        k = place_qualifier(words)  # "Ministry of Posts of Mali", "… Foundation in the Netherlands"
    if k is None:
        return False
    full = re.sub(r"\s+", " ", text[a:b])
    head = " ".join(words[:k])
    flat = re.sub(r"\s+", " ", text)
    said = flat.count(full)
    return not (said >= 2 and flat.count(head) == said)


def _headed(spans: Sequence[tuple[int, int, list[str]]]) -> list[tuple[int, int]]:
    """Spans of three words or more opening with an organisation word ("Ministry of …",
    "Associação de …"): the body's whole name, its head said first."""
    return [(a, b) for a, b, words in spans if len(words) > 2 and fold(words[0]) in ORG_WORDS]


def _tail_of_headed(text: str, a: int, b: int, heads: Sequence[tuple[int, int]]) -> bool:
    """A span inside a headed name, starting after one of its joiners ("Foreign Affairs" of
    "Ministry of Foreign Affairs"): what the body is of, never a body of its own."""
    before = re.search(r"(\S+)\s+$", text[max(0, a - 20) : a])
    if before is None or before.group(1).casefold() not in _JOINERS:
        return False
    return any(h < a and b <= e for h, e in heads)


def _bare_head(words: Sequence[str]) -> bool:
    """A span that is one organisation noun alone ("NGO", "Club", "Ministry"): it says what kind
    of body, never which one, so the name said beside it is the candidate, not the noun."""
    return len(words) == 1 and (fold(words[0]) in ORG_WORDS or words[0].casefold() in _BODY_NOUNS)


@dataclass(frozen=True)
class _Words:
    """Word offsets of one window, to count words between two offsets by bisection."""

    starts: list[int]

    def between(self, a: int, b: int) -> int:
        """Number of words starting in [a, b)."""
        return bisect.bisect_left(self.starts, b) - bisect.bisect_left(self.starts, a)


def _affiliating(view: SessionView) -> list[Mention]:
    """The view's mentions of bodies a person can speak for, by start (cached on the view)."""
    cached: list[Mention] | None = getattr(view, "_affiliating", None)
    if cached is None:
        cached = sorted((m for m in view.all_mentions if m.kind in AFFILIATING_KINDS), key=lambda m: m.start)
        view._affiliating = cached  # type: ignore[attr-defined]
    return cached


_SENTENCE_END = re.compile(r"[.?!]")


def _span_features(
    text: str,
    a: int,
    b: int,
    words: list[str],
    window: _Window,
    firsts: list[int],
    places: frozenset[str],
    session_words: _Words,
) -> dict[str, float]:
    folded = [fold(w) for w in words]
    prev, prev2, nxt = _context(text, a, b)
    feats: dict[str, float] = {"bias": 1.0, "sightings": 1.0, f"src:{window.source}": 1.0}
    src = window.source
    feats[f"prev:{prev}"] = 1.0
    feats[f"prev2:{prev2}"] = 1.0
    feats[f"next:{nxt}"] = 1.0
    feats[f"{src}|prev:{prev}"] = 1.0
    feats[f"{src}|prev2:{prev2}"] = 1.0
    feats[f"{src}|next:{nxt}"] = 1.0
    if nxt in _VERBS_AFTER:
        feats["verb_after"] = 1.0
        feats[f"{src}|verb_after"] = 1.0
    start = max(text.rfind(".", 0, a), text.rfind("?", 0, a), text.rfind("!", 0, a), a - 200) + 1
    clause_head, clause_tail = text[start:a], text[b : b + 120]
    for cue, pattern in (
        ("claim", _CLAIM_BEFORE),
        ("post", _POST_BEFORE),
        ("past", _PAST_BEFORE),
        ("credit", _CREDIT_BEFORE),
        ("relative", _RELATIVE_BEFORE),
        ("appos", _APPOS_BEFORE),
    ):
        if pattern.search(clause_head):
            feats[f"clause:{cue}"] = 1.0
            feats[f"{src}|clause:{cue}"] = 1.0
    if _CONTRAST_AFTER.search(clause_tail):
        feats["clause:contrast"] = 1.0
        feats[f"{src}|clause:contrast"] = 1.0
    if folded and folded[0] in _TITLES:
        feats["title_first"] = 1.0
    if any(w in _JOINERS for w in folded[1:-1]) and "and" in folded:
        feats["has_and"] = 1.0
    if window.source == "own":
        feats[f"own_turn:{window.order}"] = 1.0
        # "Who should we contact at the DC on X?": a body named only in one's own questions is asked
        # about, not spoken for (`cast._eligible`)
        end = _SENTENCE_END.search(text, b, min(len(text), b + 300))
        feats["own_asked" if end is not None and end.group(0) == "?" else "own_stated"] = 1.0
        words_in = session_words.between(window.start, a)
        feats[_bucket("own_pos", words_in)] = 1.0
        before = [f for f in firsts if f < a]
        if before:
            gap = session_words.between(before[-1], a)
            feats[_bucket("own_fp_gap", gap)] = 1.0
        else:
            feats["own_no_fp_before"] = 1.0
    elif window.name_at is not None:
        gap = session_words.between(min(a, window.name_at), max(a, window.name_at))
        feats[_bucket("name_gap", gap)] = 1.0
        feats["after_name" if a > window.name_at else "before_name"] = 1.0
    if any(w in ORG_WORDS for w in folded):
        feats["org_word"] = 1.0
    if folded and folded[-1] in ORG_WORDS:
        feats["org_word_last"] = 1.0
    if len(words) == 1 and (words[0].isupper() or any(c.isupper() for c in words[0][1:])):
        feats["acronym_shape"] = 1.0
    if len(words) == 1 and not feats.get("acronym_shape"):
        feats["single_word"] = 1.0
    if " ".join(folded) in places:
        feats["place"] = 1.0
    feats[f"len:{min(len(words), 5)}"] = 1.0
    return feats
