"""Stopword sets: one English base and the named additions each stage needs, with why.

Every set is the base `STOPWORDS`, a part of it, or the base plus named domain lists, so
a word dropped "as a stopword" means the same thing everywhere unless a set below says
why it differs. The sets are not interchangeable: each is exactly what its stage used
before they were gathered here (`tests/test_text.py` pins how they are composed).

- `STOPWORDS`: English function words plus written-report abbreviations ("eg", "et al",
  "per cent"). Tags, features, the glossary and keyword profiles drop these.
- `SUMMARY_STOPWORDS` = base + `SPOKEN_FILLER`: what a caption speaker says without
  saying anything ("yeah", "you know", "I mean", "thank you"); summary terms leave it out
  so ranking is not driven by how chatty a sentence is.
- `KEYWORD_STOPWORDS` = base + `FLOOR_TALK` + `FORUM_WORDS`: a session's keyword profile
  also drops chairing talk (greetings, "floor", "next speaker", "minutes") and the name of
  the forum itself, which every session says and which therefore tells no two apart.
- `QUESTION_STOPWORDS`: the words a question and a candidate answer share without being
  about the same thing (function words, floor talk, the forum's name, "question",
  "answer"). A hand-picked part of the base plus those, exactly the list the question
  matcher (`analyse/cues.py`) was written with.
- `NAME_CONNECTORS`: the only words ignored inside an organisation's name, those captions
  add or drop freely ("Dynamic Coalition on/for ..."). Deliberately tiny: the base set
  would also drop words that *are* names ("WHO", "US IGF", "I-Kiribati").
"""

from __future__ import annotations

__all__ = [
    "FLOOR_TALK",
    "FORUM_WORDS",
    "KEYWORD_STOPWORDS",
    "NAME_CONNECTORS",
    "QUESTION_STOPWORDS",
    "SPOKEN_FILLER",
    "STOPWORDS",
    "SUMMARY_STOPWORDS",
]


def _words(block: str) -> frozenset[str]:
    """A set from whitespace-separated words: lists this long read better as text blocks."""
    return frozenset(block.split())


STOPWORDS = _words(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    may me might more most must my myself no nor not now of off on once only or other our ours
    ourselves out over own same shall she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up upon very was we were
    what when where which while who whom why will with within without would you your yours yourself
    yourselves one two three per cent eg ie et al etc us thus however therefore although yet still
    well much many several another either neither every
    """
)

# The forum's own name: said in every session, so it never distinguishes a topic.
FORUM_WORDS = _words("dynamic coalition coalitions igf forum internet governance")

# Conversational filler of spoken captions (additions to the base).
SPOKEN_FILLER = _words(
    """
    yeah yes okay ok oh um uh hmm really actually basically think know mean like thank thanks please
    sorry going want say said get got go let lot kind sort things thing something anything
    everything everybody everyone way quite maybe perhaps course indeed sure good great right today
    yesterday tomorrow even already make made see seen hear
    """
)

# Chairing and floor talk: greetings, turn-taking, time keeping (additions to the base).
FLOOR_TALK = _words(
    """
    thank thanks yes yeah okay ok think know going want really like actually lot lots things thing
    say said says see good great morning afternoon evening hello everyone everybody please mean
    first next last question questions floor minute minutes colleague colleagues time today need
    needs make made way get got give given take come came let sure right moderator chair session
    panel panelists speaker speakers mr ms madam sir dear excellency welcome
    """
)

SUMMARY_STOPWORDS = STOPWORDS | SPOKEN_FILLER
KEYWORD_STOPWORDS = STOPWORDS | FLOOR_TALK | FORUM_WORDS

# The part of the base a question/answer overlap ignores, then what it adds.
_QUESTION_FUNCTION_WORDS = _words(
    """
    a an the and or but if of on in to for with at by from as into about over than then so that this
    these those there here it its is are was were be been being do does did can could would will
    should shall may might must have has had i me my we us our you your he she they them their his
    her what which who whom how why when where not no very more most much many some any all each
    other also just well one now
    """
)
_QUESTION_TALK = _words(
    """
    yes really think know like want need needs needed please thank thanks question questions answer
    perhaps maybe make made get go going come way session work working point points say said see let
    lets today time
    """
)
QUESTION_STOPWORDS = _QUESTION_FUNCTION_WORDS | FORUM_WORDS | _words("dc dcs") | _QUESTION_TALK

# Connectors inside names; "s" is what is left of a possessive once apostrophes split words.
NAME_CONNECTORS = _words("a an and of on for in to at by with from or its their our your s")
