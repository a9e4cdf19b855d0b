"""Theme labels for a topic brief: named by meaning, and only by what the bullets say.

A theme heading is what a policy officer skims first, so it must say what the points
under it are about, and nothing they do not support. The old rule (the tag stage's label
of the line, else the most salient shared word) gave "Simple", "Faculty", "WE'RE", and
"Gender equality" over a point about backhaul and spectrum: a session-level tag is about
the passage, not the sentence, and one word is rarely a theme.

Labels here come only from the bullets' own words, of three kinds:

- a taxonomy label (SDGs, the IGF issue areas of the bullet's year, GDC objectives):
  every bullet of the theme holds strong evidence of the entry — one evidence phrase of
  two or more content words, or two different terms (the tag stage's own rule for short
  texts, `tag.tagger.strong_evidence`);
- an ask category (`analyse.askcues`: funding, concise summaries, recognition, …), the
  one the analyse stage gives the sentence: every bullet is an ask with that category's
  keywords, or uses two different ones ("donors" and "fund");
- a key phrase of two content words (adjacent, or joined by "of": "universal service",
  "freedom of expression") that every bullet of the theme contains. A phrase heading a
  single bullet must recur in the record (`recurring`: in two sentences on the topic at
  least): two words that happen to stand side by side once ("vague fake", "remains
  essential") are not a key phrase.

Evidence that is only the topic itself does not count (every point of a brief on
gender says "gender"), nor do the record's own subject words (`generic`: a term in at
least `GENERIC_SHARE` of all sentences, "dynamic coalition", "Internet"), nor words of
speakers' names; a phrase of common words only (`COMMON_SHARE`: "last year") is no key
phrase, and a taxonomy term of common words only ("Internet governance") is one term.

A taxonomy label or ask category that only says the topic ("Funding" in a brief on
funding) is the topic's own label: every point of the brief is about it, so it heads
only what no other label groups (as the topic's own phrase does, below), and the points
on universal service funds and on donors keep their own themes.

Themes are chosen greedily: the label that covers most of the unassigned bullets (two
at least) wins; on a tie a taxonomy label or ask category beats a phrase (meaning over
wording), then the stronger evidence or the rarer phrase. A leftover bullet then joins
a taxonomy theme it bears one evidence term of; leftovers sharing the topic's own
phrase ("capacity building" in a brief on it) are grouped under it; what is left gets
its own best label, one bullet each. Labels that name the same thing ("Funding", "Need
funding": one's content words within the other's, or one ask category) are one theme
(`_merge_same`). A theme of one bullet is then no theme unless a
taxonomy label or ask category names it strongly: its bullet joins the catch-all
(`_merge_singletons`). A bullet that supports no label at all goes under `OTHER`
("Other points"): an honest catch-all, never a word picked to fill a heading.

A compound of three content words ("data protection law", "extended producer
responsibility", "universal service fund") is a key phrase too, and on equal coverage it
beats its two-word pieces, which as headings are fragments ("Protection law", "Extended
producer").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..analyse.askcues import CATEGORIES
from ..analyse.asks import classify_category, classify_type
from ..tag.taxonomy import Taxonomy, load_taxonomy, match_terms
from ..text.stems import stems
from ..text.stopwords import STOPWORDS
from .units import terms

__all__ = [
    "ASK_LABELS",
    "COMMON_SHARE",
    "GENERIC_SHARE",
    "OTHER",
    "TAXONOMY_KINDS",
    "Candidate",
    "label_themes",
    "phrase_counts",
    "phrases_of",
    "strong",
    "taxonomy_evidence",
]

OTHER = "Other points"  # only for bullets that support no label at all
GENERIC_SHARE = 0.05  # a term in this share of all sentences is the record's subject: no evidence
COMMON_SHARE = 0.02  # a phrase needs one word rarer than this ("last year" is not a key phrase)
SCHEMES = ("sdg", "issue-area", "gdc")
TAXONOMY_KINDS = frozenset(SCHEMES)
# Ask categories that name a theme; "support", "agenda", "policy" and "other" are too vague to head one.
ASK_LABELS: dict[str, str] = {
    "funding": "Funding",
    "concise-summaries": "Concise summaries",
    "communication-channels": "Communication channels",
    "recognition": "Recognition",
    "visibility": "Visibility",
    "links-to-institutions": "Links to institutions",
    "capacity-building": "Capacity building",
    "participation": "Participation",
    "cooperation": "Cooperation",
}
# On equal coverage: meaning (taxonomies, asks) before wording; GDC objectives are a last resort (long).
_PRIORITY = {"sdg": 0, "issue-area": 0, "ask": 0, "phrase": 1, "gdc": 2, "topic": 3}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’‑-][A-Za-z0-9]+)*")
_JOINERS = frozenset({"of"})

Evidence = set[tuple[str, ...]]


def strong(found: Evidence) -> bool:
    """Strong evidence: two different terms, or one term of two content words or more."""
    return len(found) >= 2 or any(len(seq) >= 2 for seq in found)


@dataclass
class Candidate:
    """A possible theme label and, per bullet that bears it, the evidence found there.

    `kind`: sdg | issue-area | gdc (taxonomy labels), ask (an ask category), phrase (a
    key phrase), topic (a phrase of the topic itself: only when nothing else fits).
    """

    label: str
    kind: str
    evidence: dict[int, Evidence] = field(default_factory=dict)
    key: tuple[str, ...] = ()  # phrases: their content stems
    rarity: float = 0.0  # phrases: the least IDF of their terms

    def supports(self, members: Iterable[int], weak: bool = False) -> bool:
        """Whether this label may head exactly these bullets.

        A taxonomy label needs strong evidence in every bullet; `weak` lets one term do
        in a bullet that joins a theme already holding strong evidence. An ask category
        needs to be the category of every bullet (`ask_evidence`); a phrase only to be in
        every bullet.
        """
        chosen = list(members)
        if not chosen or any(i not in self.evidence for i in chosen):
            return False
        if self.kind in TAXONOMY_KINDS and not weak:
            return all(strong(self.evidence[i]) for i in chosen)
        return True

    def strength(self, members: Iterable[int]) -> float:
        if self.kind in ("phrase", "topic"):
            return self.rarity
        return float(len(set().union(*(self.evidence[i] for i in members))))


@dataclass(frozen=True)
class Phrase:
    key: tuple[str, ...]  # content stems
    surface: str  # as written


# Words that are (almost) only verbs: a phrase opening with one is a verb phrase ("put
# accessibility", "make sure"), not the name of a theme.
_VERBS = frozenset(
    [
        "put",
        "make",
        "take",
        "get",
        "give",
        "keep",
        "bring",
        "let",
        "ensure",
        "find",
        "see",
        "do",
        "have",
        "go",
        "come",
        "know",
        "think",
        "say",
        "tell",
        "want",
        "try",
        "allow",
        "enable",
        "become",
        "start",
        "stop",
        "use",
        "build",
        "create",
        "help",
        "look",
        "seem",
    ]
)
# Head nouns of bodies: "IGF secretariat", "Dynamic Coalitions" name an actor, not a theme.
_BODY_HEADS = re.compile(
    r"^(?:secretariats?|secretariates?|ministry|ministries|offices?|coalitions?|associations?|commissions?|agency|"
    r"agencies|councils?|departments?|committees?|organi[sz]ations?|institutes?|foundations?|envoy)$",
    re.IGNORECASE,
)
_NAME_LINKS = frozenset({"for", "of", "on", "and", "the", "in", "de", "du", "des"})


def _in_name(tokens: Sequence[tuple[int, int, str]], i: int) -> bool:
    """Whether the two capitalised words at `i` are a piece of a longer proper name
    ("Progressive Communications" in "Association for Progressive Communications", "Services
    Act" in "Digital Services Act"): a heading names a theme, not a fragment of a body."""
    if i + 1 >= len(tokens):
        return False
    first, second = tokens[i][2][:1].isupper(), tokens[i + 1][2][:1].isupper()
    before = tokens[i - 1][2] if i > 0 else ""
    two_before = tokens[i - 2][2] if i > 1 else ""
    after = tokens[i + 2][2] if i + 2 < len(tokens) else ""
    # a capitalised word whose name goes on outside the phrase: "Act requires" of "... Services Act requires"
    name_before = (
        first and i > 0 and (before[:1].isupper() or (before.lower() in _NAME_LINKS and two_before[:1].isupper()))
    )
    name_after = second and after[:1].isupper()
    return name_before or name_after


def phrases_of(text: str, avoid: frozenset[str] = frozenset()) -> list[Phrase]:
    """Two content words side by side ("community networks"), or joined by "of" ("rule of law").

    Punctuation breaks a phrase ("backhaul, spectrum" is two words, not one phrase); an
    "of" phrase must end where the name ends ("Charter of Human Rights" gives no "Charter
    of Human"); a word of a speaker's name (`avoid`, lower case) is never part of one; a
    verb phrase ("put accessibility"), a piece of a longer proper name ("Progressive
    Communications" of the Association for Progressive Communications) and a body's name
    ("IGF secretariat", "Dynamic Coalitions": `_BODY_HEADS`) are none.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out: list[Phrase] = []

    def content(word: str) -> tuple[str, ...]:
        if word.lower() in avoid or (len(word) < 3 and not word.isupper()):
            return ()
        return tuple(terms(word))

    def joined(a: int, b: int) -> bool:
        return b < len(tokens) and text[tokens[a][1] : tokens[b][0]].strip() == ""

    for i, (start, _end, word) in enumerate(tokens):
        first = content(word)
        if not first or not joined(i, i + 1) or word.lower() in _VERBS or _in_name(tokens, i):
            continue
        if _BODY_HEADS.match(tokens[i + 1][2]):
            continue
        if second := content(tokens[i + 1][2]):
            out.append(Phrase(first + second, text[start : tokens[i + 1][1]]))
            # a compound of three ("data protection law", "extended producer responsibility"):
            # its two-word pieces are fragments as headings ("Protection law", "Extended producer")
            if (
                joined(i + 1, i + 2)
                and not _BODY_HEADS.match(tokens[i + 2][2])
                and not (tokens[i + 2][2][:1].isupper() and not tokens[i + 1][2][:1].isupper())
                and (third := content(tokens[i + 2][2]))
            ):
                out.append(Phrase(first + second + third, text[start : tokens[i + 2][1]]))
        elif (
            tokens[i + 1][2].lower() in _JOINERS
            and joined(i + 1, i + 2)
            and (second := content(tokens[i + 2][2]))
            and not (joined(i + 2, i + 3) and tokens[i + 3][2].lower() not in STOPWORDS)
        ):
            out.append(Phrase(first + second, text[start : tokens[i + 2][1]]))
    return out


def phrase_counts(texts: Iterable[str], avoid: Iterable[str] = ()) -> Counter[tuple[str, ...]]:
    """In how many of `texts` each phrase occurs (by its content stems)."""
    names = frozenset(a.lower() for a in avoid)
    return Counter(key for text in texts for key in {p.key for p in phrases_of(text, names)})


@cache
def _taxonomy(scheme: str) -> Taxonomy:
    return load_taxonomy(scheme)


def _allowed(tax: Taxonomy, year: int | None) -> set[int]:
    """Entries that apply to a bullet: the issue areas of its own year (none when the year is unknown)."""
    if tax.scheme != "issue-area":
        return set(range(len(tax.entries)))
    return {i for i, e in enumerate(tax.entries) if year is not None and e.year == year}


def taxonomy_evidence(
    text: str,
    scheme: str,
    year: int | None = None,
    ignore: frozenset[str] = frozenset(),
    common: frozenset[str] = frozenset(),
) -> dict[str, Evidence]:
    """Label → the evidence-term stem sequences of that entry found in `text`.

    A term all of whose stems are in `ignore` (the topic, the record's subject words) is
    no evidence: "dynamic coalition" says nothing about a theme in a record of them. A
    phrase of `common` words only ("Internet governance" in an IGF record) counts as one
    term, not as strong evidence on its own.
    """
    tax = _taxonomy(scheme)
    allowed = _allowed(tax, year)
    text_stems = stems(text)
    out: dict[str, Evidence] = {}
    for entry, start, length in match_terms(tax, text_stems):
        if entry not in allowed:
            continue
        seq = tuple(s for s in text_stems[start : start + length] if s not in STOPWORDS)
        if seq and not set(seq) <= ignore:
            found = (" ".join(seq),) if set(seq) <= ignore | common else seq
            out.setdefault(tax.entries[entry].label, set()).add(found)
    return out


def ask_evidence(text: str) -> dict[str, Evidence]:
    """The sentence's ask category (the analyse stage's choice) → its keywords in `text`.

    It counts when the sentence is an ask, recommendation or commitment (the category
    names what is asked for; the sentence's type is then part of the evidence), or when
    a plain statement uses two different keywords ("donors" and "fund"): one keyword in
    a statement ("from the government side") says little about what it is about.
    """
    kind = classify_type(text)
    label = ASK_LABELS.get(classify_category(text, kind or "ask"))
    if label is None:
        return {}
    category = next(c for c, name in ASK_LABELS.items() if name == label)
    found: Evidence = {(m.group(0).lower(),) for m in CATEGORIES[category].finditer(text)}
    if kind is not None and found:
        found.add((f"<{kind}>",))
    return {label: found} if len(found) >= 2 else {}


@dataclass(frozen=True)
class _Vocabulary:
    """What the record says about words: the topic, its subject words, common words, names."""

    query: frozenset[str]
    generic: frozenset[str]
    common: frozenset[str]
    avoid: frozenset[str]
    idf: Mapping[str, float]


def _stems_of(words: Iterable[str]) -> frozenset[str]:
    """Summary terms as the taxonomy's stems (the two stemmers differ)."""
    return frozenset(s for w in words for s in stems(w))


def _candidates(texts: Sequence[str], years: Sequence[int | None], vocab: _Vocabulary, topic: str) -> list[Candidate]:
    ignore = frozenset(stems(topic)) | _stems_of(vocab.generic)
    common = _stems_of(vocab.common)
    top = max(vocab.idf.values(), default=1.0)
    found: dict[tuple[str, str], Candidate] = {}
    topical = frozenset(stems(topic))

    def kind_of(label: str, kind: str) -> str:
        # a label that only says the topic ("Funding" in a brief on funding) heads what nothing else does
        return "topic" if topical and _stems_of(label.split()) <= topical else kind

    for i, (text, year) in enumerate(zip(texts, years)):
        for scheme in SCHEMES:
            for label, seqs in taxonomy_evidence(text, scheme, year, ignore, common).items():
                found.setdefault((scheme, label), Candidate(label, kind_of(label, scheme))).evidence[i] = seqs
        for label, hits in ask_evidence(text).items():
            found.setdefault(("ask", label), Candidate(label, kind_of(label, "ask"))).evidence[i] = hits
        for p in phrases_of(text, vocab.avoid):
            words = set(p.key)
            if words <= vocab.query:
                kind = "topic"  # the topic itself: names a theme only when nothing else does
            elif words <= vocab.query | vocab.generic or words <= vocab.common:
                continue  # the record's subject ("dynamic coalitions") or common words ("last year")
            else:
                kind = "phrase"
            rarity = min((vocab.idf.get(t, top) for t in p.key), default=0.0)
            cand = found.setdefault(
                (kind, " ".join(p.key)), Candidate(_title(p.surface), kind, key=p.key, rarity=rarity)
            )
            cand.evidence.setdefault(i, set()).add(p.key)
    return list(found.values())


def _title(surface: str) -> str:
    """A phrase as a heading: first letter capitalised, a shouted word (caption capitals) lowered."""
    words = [w.lower() if w.isupper() and len(w) > 4 else w for w in surface.split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def label_themes(
    texts: Sequence[str],
    topic: str,
    *,
    years: Sequence[int | None] | None = None,
    idf: Mapping[str, float] | None = None,
    generic: Iterable[str] = (),
    common: Iterable[str] = (),
    avoid: Iterable[str] = (),
    preferred: Iterable[str] = (),
    recurring: Mapping[tuple[str, ...], int] | None = None,
) -> list[tuple[str, list[int]]]:
    """(label, bullet indices) for the bullets `texts` of a brief on `topic`.

    In five passes (the module doc has the rules): themes of two bullets or more, by
    the label that covers most; a leftover bullet joins a taxonomy theme it gives
    evidence for; leftovers sharing the topic's own phrase; one theme per bullet, by its
    own best label; then those one-bullet themes merged (`_merge_singletons`). `years`
    are the bullets' session years (issue areas are per year); `idf` ranks phrases by
    rarity; `generic` and `common` are summary terms in at
    least `GENERIC_SHARE` and `COMMON_SHARE` of the record's sentences; `avoid` words of
    speakers' names; `preferred` labels (the tag stage's, for these lines) win ties;
    `recurring` counts phrases in the record (`phrase_counts`; default: in `texts`).
    """
    n = len(texts)
    vocab = _Vocabulary(
        frozenset(terms(topic)),
        frozenset(generic),
        frozenset(common),
        frozenset(a.lower() for a in avoid),
        idf or {},
    )
    cands = _candidates(texts, list(years) if years is not None else [None] * n, vocab, topic)
    liked = set(preferred)
    counts = recurring if recurring is not None else phrase_counts(texts, avoid)

    def rank(c: Candidate, members: set[int]) -> tuple[int, int, bool, int, int, float, str]:
        seen = counts.get(c.key, 0) if c.key else 0
        # on equal coverage the whole compound beats its piece ("Data protection law", not "Protection law")
        return (len(members), -_PRIORITY[c.kind], c.label in liked, len(c.key), seen, c.strength(members), c.label)

    themes: dict[str, list[int]] = {}
    left = set(range(n))

    def greedy(pool: list[Candidate]) -> None:
        while len(left) >= 2:
            options = [(c, m) for c in pool if len(m := {i for i in left if c.supports({i})}) >= 2]
            if not options:
                return
            best, members = max(options, key=lambda o: rank(*o))
            themes.setdefault(best.label, []).extend(members)
            left.difference_update(members)

    greedy([c for c in cands if c.kind != "topic"])
    by_label = {c.label: c for c in cands if c.kind in TAXONOMY_KINDS}
    for i in sorted(left):  # pass 2: join a taxonomy theme with one term of evidence
        joins = [by_label[t] for t in themes if t in by_label and by_label[t].supports({i}, weak=True)]
        if joins:
            best = max(joins, key=lambda c: rank(c, {i}))
            themes[best.label].append(i)
            left.discard(i)
    greedy([c for c in cands if c.kind == "topic"])

    def alone(c: Candidate, i: int) -> tuple[int, tuple[int, int, bool, int, int, float, str]] | None:
        """How well `c` heads bullet `i` alone: a strong SDG, issue area or ask category, a
        recurring phrase, a strong GDC objective (long), the topic's own phrase. One term
        of evidence is not enough here ("women" at the end of a point about backhaul)."""
        if c.kind in ("sdg", "issue-area", "ask") and c.supports({i}):
            return 3, rank(c, {i})
        if c.kind == "phrase" and i in c.evidence and counts.get(c.key, 0) >= 2:
            return 2, rank(c, {i})
        if c.kind == "gdc" and c.supports({i}):
            return 1, rank(c, {i})
        if c.kind == "topic" and i in c.evidence:
            return 0, rank(c, {i})
        return None

    named: set[str] = set()  # one-bullet themes the taxonomies or ask categories name
    for i in sorted(left):  # pass 4: a theme of its own
        scored = [(fit, c.label) for c in cands if (fit := alone(c, i)) is not None]
        (level, _rank), title = max(scored) if scored else ((-1, None), OTHER)
        themes.setdefault(title, []).append(i)
        if level == 3:
            named.add(title)
    _merge_same(themes, {c.label: c.kind for c in cands}, vocab)
    _merge_singletons(themes, named)
    return [(label, sorted(members)) for label, members in themes.items()]


def _ask_category(label: str) -> str | None:
    """The ask category a label names: its own (an `ASK_LABELS` heading), else the one
    category whose keywords the label uses ("Need funding"), else None."""
    own = next((c for c, name in ASK_LABELS.items() if name == label), None)
    if own is not None:
        return own
    named = [c for c in ASK_LABELS if CATEGORIES[c].search(label)]
    return named[0] if len(named) == 1 else None


def _merge_same(themes: dict[str, list[int]], kinds: Mapping[str, str], vocab: _Vocabulary) -> None:
    """Pass 5a: labels that name the same thing are one theme (issue 23), in place.

    Two labels name the same thing when one's content words are a subset of the other's
    ("Funding", "Need funding") or they name the same ask category. The more general label
    heads the merged theme: an ask category's heading, else the label with fewer content
    words, else the one over more bullets. The topic's own label ("Funding" in a brief on
    funding) stays apart from a label that adds a word of its own ("Universal service
    funds"): every point of the brief is about the topic, so the other label says more.
    """

    def same(a: str, b: str) -> bool:
        ta, tb = frozenset(terms(a)), frozenset(terms(b))
        if not ta or not tb:
            return False
        if "topic" in (kinds.get(a), kinds.get(b)) and (ta ^ tb) - vocab.common - vocab.generic:
            return False  # the topic's own label, and a label that says something more
        category = _ask_category(a)
        return ta <= tb or tb <= ta or (category is not None and category == _ask_category(b))

    def general(a: str, b: str) -> tuple[bool, int, int]:
        return (a in ASK_LABELS.values(), -len(set(terms(a))), len(themes[a]))

    merged = True
    while merged:
        merged = False
        labels = [t for t in themes if t != OTHER]
        for a, b in ((a, b) for i, a in enumerate(labels) for b in labels[i + 1 :]):
            if same(a, b):
                keep, drop = (a, b) if general(a, b) >= general(b, a) else (b, a)
                themes[keep] = sorted(themes[keep] + themes.pop(drop))
                merged = True
                break


def _merge_singletons(themes: dict[str, list[int]], named: set[str]) -> None:
    """Pass 5: a theme of one bullet is no theme (issue 23, item 3), in place.

    Unless a taxonomy label or ask category names it strongly (`named`: "Decent work and
    economic growth" over the one point on the workers who train AI), its bullet goes under
    `OTHER` with the other leftovers: a phrase that heads one bullet ("Light licence", "New
    features") or the topic's own label says nothing a heading should. (A bullet bearing a
    larger theme's label has joined it already, in passes 1 and 2.) A lone leftover keeps
    its own label: an "Other points" of one is no better.
    """
    moved: dict[int, str] = {}
    for label in [t for t, m in themes.items() if len(m) == 1 and t != OTHER and t not in named]:
        i = themes.pop(label)[0]
        themes.setdefault(OTHER, []).append(i)
        moved[i] = label
    if len(themes.get(OTHER, ())) == 1 and (i := themes[OTHER][0]) in moved:
        del themes[OTHER]
        themes[moved[i]] = [i]
