"""Is this sentence a definition of that term? The shapes a definition takes, as rules.

A glossary entry cites a sentence only when it defines: the sentence expands or explains
the term, and says so right at the term. A sentence that merely uses the term ("AI is
changing data centres") is not cited; the entry then shows its expansion alone. The shapes,
each anchored at one occurrence of the term in the sentence:

1. after the term, a defining verb: "T means", "T refers to", "T stands for", "T is short
   for", "T is defined as", "T is called", "T denotes", "T describes";
2. after the term, a copula that starts a description: "T is a/an/the … that/which/for …",
   "T are about …", "T is when/where/how …". The term is the bare subject of its clause
   (only a determiner or "and", "so" … before it: "maybe T is the answer", "generative T
   is a help", "work without T is a divide" say something about something else), and a
   description opened by an article goes on past its noun ("a place for dialogue", "a
   district where …"): "the IGF is an annual event" classes the term in passing, as an
   argument, and says nothing of what it is for. An evaluation ("T is still going on",
   "T is a key concern") is not one;
3. after the term, an appositive or relative clause: "T, which is …", "T, that is, …",
   "T, where …", "T, i.e. …", "T, meaning …", "the concept of T, it is the way …" — but
   "T, where I co-chair …" places the speaker, "T, where does …?" asks, and "T, that
   means …" points back at the sentence before: none says what T is;
4. after the term, a parenthetical of two or more words, not an acronym: "T (the rules …)";
5. a term opening the sentence and followed by a colon: "T: connectivity that …" (glossaries);
6. before the term, a naming clause with something named: "a framework called T", "a group
   that's called T", "it is known as T" — but not "what you call T" or "so-called T", which
   name without saying what;
7. "what we mean by T", "by T we mean …", "we define T as …";
8. for an acronym, its expansion right beside it: "ACR (expansion)", "expansion (ACR)",
   "expansion, ACR", "ACR, or expansion", "ACR stands for expansion".

A term cut out of a longer quoted name ("called "Digital health for all: …"") is named only
in part, and defines nothing.

The rules are about the shape of English definitions, not about any transcript's words;
`bench/glossary.py` measures them against a hand annotation of what the glossary cites.
"""

from __future__ import annotations

import re

from forumlens.text import STOPWORDS

__all__ = ["defines", "defines_acronym"]

_QUOTE = r"[\"“”'‘’]"
_ADVERB = r"(?:basically|essentially|simply|really|actually|just|also|broadly|generally|usually|often|therefore|thus)"
_DESCRIPTION_START = (
    r"(?:a|an|the|about|when|where|how|what|whatever|all\s+about|one\s+of|our|their|its|any|some|those|these)"
)
_DEFINING_VERB = (
    r"(?:means|meant|mean|refers?\s+to|stands?\s+for|is\s+short\s+for|(?:is|are)\s+defined\s+as"
    r"|(?:is|are)\s+understood\s+as|(?:is|are)\s+called|(?:is|are)\s+known\s+as|denotes?|describes?)"
)
_VERB_AFTER = re.compile(rf"^{_QUOTE}?\s*(?:,\s*)?(?:(?:which|that)\s+)?{_DEFINING_VERB}\b", re.IGNORECASE)  # 1
_COPULA_AFTER = re.compile(  # 2: the description starts at the end of the match
    rf"^{_QUOTE}?\s*(?:is|are)\s+(?:{_ADVERB}\s+)?(?={_DESCRIPTION_START}\b)", re.IGNORECASE
)
_RELATIVE_AFTER = re.compile(  # 3: "T, which is …", "T which is …"
    r"^[\"“”'‘’]?(?:\s*,\s*(?:which|that)\s+(?:is|are|was|were)\s+|\s+which\s+(?:is|are)\s+)", re.IGNORECASE
)
# 2: what may stand before the term in its clause when "T is a …" defines it: a determiner,
# a linking word, a quote. Anything else makes the term part of a longer subject, or hedges.
_BARE_SUBJECT_WORDS = (
    "the a an this that these those our their its my your and but so now well then also basically essentially"
)
_BARE_SUBJECT = frozenset(_BARE_SUBJECT_WORDS.split())
_ARTICLE_START = re.compile(r"^(?:a|an|the|one\s+of|our|their|its|any|some|those|these)\b", re.IGNORECASE)
# 2: a description opened by an article goes on past its noun: a relative word, a preposition or
# an infinitive's "to" after its first word ("a place for …", "a network built and run by …")
_COMPLEMENT_WORDS = """
    that which who whom whose where when whereby for of to in on at with without by from about between among
    across through against within into like such
"""
_COMPLEMENT = frozenset(_COMPLEMENT_WORDS.split())
_RELATIVE_NEXT = re.compile(r"^\s*(?:which|that|who|where|whereby|used|meaning|i\.\s?e\.)\b", re.IGNORECASE)
_SPEAKER_OR_QUESTION = re.compile(  # 3: "T, where I co-chair …", "T, where does …?"
    r"^[\"“”'‘’]?\s*,\s*where\s+(?:i(?:'m|’m|'ve|’ve|'d|’d)?\b|my\b"
    r"|(?:does|do|did|is|are|was|were|can|could|should|would|will|shall)\b)",
    re.IGNORECASE,
)
_POINTING_BACK = re.compile(  # 1 and 3: ", that means …" is a demonstrative, not a relative
    r"^[\"“”'‘’]?\s*,\s*that\s+(?!stands?\s+for|is\s+short\s+for|refers?\s+to|is\s*,)", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"[,;:.!?()\u2013\u2014]|\s[-\u2013\u2014]\s")
_APPOSITIVE_AFTER = re.compile(
    r"^[\"“”'‘’]?\s*,\s*(?:where|whereby|in\s+which|i\.\s?e\.|ie\b|meaning|that\s+is\s*,|namely)", re.IGNORECASE
)
_PRONOUN_AFTER = re.compile(  # 3, "the concept of T, it is the way …": only after a concept cue or opening
    rf"^{_QUOTE}?\s*(?:,|\s[-–—])\s*(?:it|this|they|these)\s+(?:is|are|means)\s+(?:{_ADVERB}\s+)?(?={_DESCRIPTION_START}\b)",
    re.IGNORECASE,
)
_CONCEPT_BEFORE = re.compile(
    rf"\b(?:concepts?|notions?|idea|term|principle|definition)\s+of\s+(?:the\s+)?{_QUOTE}?$", re.IGNORECASE
)
# A description that evaluates or dates its subject is a comment on the term, not a definition:
# "T is a key concern", "T is a blank slate right now". General English, not any transcript's words.
_EVALUATIVE_WORDS = """
    key major big bigger great greater huge real serious good better best bad worse important critical crucial
    central main top hot very clear perfect excellent fantastic wonderful nice strong priority problem problems
    challenge challenges concern concerns issue issues question questions matter topic threat risk success
    example pleasure honour honor shame pity lot bit must core heart cornerstone
"""
_EVALUATIVE = frozenset(_EVALUATIVE_WORDS.split())
_DATED = re.compile(
    r"\b(?:right\s+now|currently|at\s+the\s+moment|at\s+present|nowadays|these\s+days|this\s+year|today|still|already)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,.;:!?()]")
_PARENTHETICAL = re.compile(r"^\s*\(([^()]{3,120})\)")
_COLON = re.compile(rf"^{_QUOTE}?\s*:\s*\S")
_OPENING = re.compile(rf"^[\s\-–—•*\d.)]*{_QUOTE}?$")
_NAMING = re.compile(
    rf"(?:\b\w+\s+(?:that's|that\s+is|which\s+is|that\s+are|which\s+are|is|are|was|were)\s+"
    rf"(?:called|known\s+as|referred\s+to\s+as|termed|dubbed|named)"
    rf"|\b(?:a|an|the|this|our|their)\s+(?:[\w-]+\s+){{1,4}}(?:called|known\s+as|termed|dubbed|named)"
    rf"|\bmean[st]?\s+by(?:\s+the\s+(?:term|word|notion|concept))?"
    rf"|\bdefined?\s+(?:the\s+(?:term|word|notion|concept)\s+)?)"
    rf"\s+{_QUOTE}?$",
    re.IGNORECASE,
)
_NOT_NAMING = re.compile(r"(?:\bwhat\s+\w+\s+(?:\w+\s+){0,3}call(?:s|ed|ing)?|so[\s\u2010\u2011-]called)\s+\S*$", re.I)
_BY_BEFORE = re.compile(rf"\b(?:by|with)\s+(?:the\s+(?:term|word|notion|concept)\s+)?{_QUOTE}?$", re.IGNORECASE)
_WE_MEAN_AFTER = re.compile(
    rf"^{_QUOTE}?\s*,?\s*(?:we|i|they|you|people)\s+(?:mean|refer\s+to|understand)\b", re.IGNORECASE
)
_ADJACENT_GAP = re.compile(
    r"^[\s,:(\"“”'‘’\-–—]*(?:(?:or|i\.\s?e\.|ie|also\s+known\s+as|known\s+as|which\s+stands\s+for|that\s+stands\s+for"
    r"|stands\s+for|is\s+short\s+for|short\s+for|meaning|means|that\s+is|is|the)\b[\s,:(\"“”'‘’\-–—]*)?$",
    re.IGNORECASE,
)
_MAX_GAP = 40  # characters between an acronym and its expansion that still read as one apposition


def _describes(description: str) -> bool:
    """Is the clause after a copula a description, not an evaluation or a dated remark?"""
    clause = _CLAUSE_END.split(description, maxsplit=1)[0]
    head = [w.lower() for w in re.findall(r"[\w'-]+", clause)[:4]]
    return bool(head) and not (_EVALUATIVE & set(head)) and not _DATED.search(clause)


def _bare_subject(before: str) -> bool:
    """Is the term the whole subject of its clause: only a determiner or a linking word before it?"""
    clause = _CLAUSE_START.split(before)[-1]
    return all(w.lower() in _BARE_SUBJECT for w in re.findall(r"[\w'’-]+", clause))


def _goes_on(description: str) -> bool:
    """Does a description opened by an article say more than its noun ("a place for dialogue",
    "a district where …"), rather than class the term in passing ("an annual event")?"""
    if not _ARTICLE_START.match(description):
        return True  # "about …", "when …", "how …": already a clause
    clause = re.split(r"[.;:!?()]", description, maxsplit=1)[0]
    first, _, rest = clause.partition(",")
    words = [w.lower() for w in re.findall(r"[\w'’-]+", first)]
    return bool(_COMPLEMENT & set(words[1:])) or bool(rest and _RELATIVE_NEXT.match(rest))


def _partly_quoted(before: str, after: str) -> bool:
    """Does a quotation open right at the term and go on past it ("called "Digital health for all""),
    so that only part of a quoted name is the term?"""
    return bool(re.search(r"(?:^|[\s(])[\"“‘]$", before)) and not re.match(r"^[,.;:!?]?[\"”’]", after)


def _ends_term(after: str) -> bool:
    """Does the term end here, rather than go on as a longer name ("called net neutrality light")?"""
    word = re.match(r"^\s*([\w'-]+)", after)
    return word is None or word.group(1).lower() in STOPWORDS or after[: word.start(1)].strip() != ""


def defines(sentence: str, start: int, end: int) -> bool:
    """Does `sentence` define the term it holds at [start, end)? (Shapes 1–7 of the module doc.)

    >>> s = "The so-called data stewardship model, where a trusted body manages data, came out of it."
    >>> defines(s, 14, 36)
    True
    >>> defines("Climate change is definitely a hot topic.", 0, 14)
    False
    """
    before, after = sentence[:start], sentence[end:]
    if _partly_quoted(before, after):
        return False
    if not _POINTING_BACK.match(after) and (
        _VERB_AFTER.match(after) or (_APPOSITIVE_AFTER.match(after) and not _SPEAKER_OR_QUESTION.match(after))
    ):
        return True
    relative = _RELATIVE_AFTER.match(after)
    if relative and _describes(after[relative.end() :]):
        return True
    copula = _COPULA_AFTER.match(after)
    if copula and _bare_subject(before) and _describes(after[copula.end() :]) and _goes_on(after[copula.end() :]):
        return True
    pronoun = _PRONOUN_AFTER.match(after)
    if pronoun and (_CONCEPT_BEFORE.search(before) or _OPENING.match(before)) and _describes(after[pronoun.end() :]):
        return True
    paren = _PARENTHETICAL.match(after)
    if paren and len(paren.group(1).split()) >= 2 and not paren.group(1).strip().isupper():
        return True
    if _COLON.match(after) and _OPENING.match(before):
        return True
    if _NAMING.search(before) and not _NOT_NAMING.search(before + sentence[start:end]) and _ends_term(after):
        return True
    return bool(_BY_BEFORE.search(before) and _WE_MEAN_AFTER.match(after))


def defines_acronym(sentence: str, acronym: str, expansion: str | None) -> bool:
    """Does `sentence` define `acronym`: a definition shape at one of its occurrences, or its
    `expansion` right beside it (shape 8)? The expansion is compared case-insensitively."""
    spans = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", sentence)]
    if any(defines(sentence, a, b) for a, b in spans):
        return True
    if not expansion:
        return False
    low = sentence.lower()
    wanted = expansion.lower()
    places = [m.span() for m in re.finditer(re.escape(wanted), low)]
    for a, b in spans:
        for x, y in places:
            gap = sentence[b:x] if x >= b else sentence[y:a]
            if len(gap) <= _MAX_GAP and _ADJACENT_GAP.match(gap):
                return True
    return False
