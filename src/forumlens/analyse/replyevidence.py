"""What a reply says to a question, read from its grammar and its matter, not from phrase lists.

Why a module of its own: three rounds running (stops 42–44) the question fixes were phrases
taken from the last round's declines, relays and parked questions ("cannot promise", "from
NAME", "To close"), and the next round said each of them otherwise ("That I really don't know,
I am not the person who decides", "nobody here can answer for the ministry"). The evidence here
does not list wordings:

- **withheld speech** (`withholds_speech`): a sentence whose subject is the speaker or their side
  ("I", "we") with a negation after it and then a verb of knowing, saying, answering or deciding
  (`SPEECH_VERBS`, a small closed class of verbs, not sentences), or whose subject is nobody
  ("nobody", "no one") and whose verb is one of those; the verb may come a few words after the
  negation ("I am not the person who decides");
- **parking** (`parks`): a sentence that points back at the question ("it", "that question",
  "them") and, a few words on, puts it off to a later time ("until", "later", "at the end",
  "after", "when … comes");
- **uptake** (`Matter`, `uptake`): how much of the question's matter (its content-word stems,
  its figures and the names it says) one sentence of a reply takes up, the best sentence counted.

Pure functions of text; `questionfeatures` turns them into features of the fate model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..transcript.sentences import sentence_texts
from .cues import content_words
from .replyreader import courtesy

__all__ = ["SPEECH_VERBS", "Matter", "matter", "opening", "own_words", "parks", "uptake", "withholds_speech"]

# Verbs of knowing, saying, answering and deciding, by their bare form: what a speaker who
# withholds an answer says they cannot or do not do.
SPEECH_VERBS = frozenset(
    {"know", "say", "tell", "answer", "decide", "speak", "comment", "confirm", "promise", "commit"}
    | {"guarantee", "respond", "reply", "disclose", "predict", "judge"}
)
_FIRST_PERSON = frozenset({"i", "we"})
_NOBODY = frozenset({"nobody", "noone"})
_NEGATION = frozenset({"not", "cannot", "never", "can't", "don't", "didn't", "won't", "couldn't", "doesn't"})
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Words between the subject and the negation ("I really don't", "we do not", "I am not") and
# between the negation and the verb ("not the person who decides", "cannot tell you").
SUBJECT_GAP = 3
VERB_GAP = 5


def _bare(word: str) -> str:
    """The bare form of a verb of `SPEECH_VERBS` as written ("decides", "decided", "telling")."""
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and word[: -len(suffix)] in SPEECH_VERBS:
            return word[: -len(suffix)]
    return word


def _tokens(sentence: str) -> list[str]:
    """Lower-case words, "no one" as one subject word ("noone")."""
    return _WORD.findall(re.sub(r"\bno one\b", "noone", sentence.lower().replace("’", "'")))


def withholds_speech(sentence: str) -> bool:
    """Whether `sentence` says its speaker (or nobody) knows, says, answers or decides nothing:
    "I" or "we", a negation within `SUBJECT_GAP` words, a verb of `SPEECH_VERBS` within
    `VERB_GAP` words of it; or "nobody" / "no one" with such a verb within `VERB_GAP` words.

    >>> withholds_speech("That I really don't know, I am not the person who decides.")
    True
    >>> withholds_speech("I do not think the law is ready.")
    False
    """
    toks = _tokens(sentence)
    for i, w in enumerate(toks):
        if w in _NOBODY:
            if any(_bare(v) in SPEECH_VERBS for v in toks[i + 1 : i + 1 + VERB_GAP]):
                return True
            continue
        if w not in _FIRST_PERSON:
            continue
        for k in range(i + 1, min(len(toks), i + 1 + SUBJECT_GAP + 1)):
            t = toks[k]
            if t in _NEGATION or t.endswith("n't"):
                if any(_bare(v) in SPEECH_VERBS for v in toks[k + 1 : k + 1 + VERB_GAP]):
                    return True
                break
            if t in _FIRST_PERSON or t in _NOBODY:
                break
    return False


# The question pointed back at, and a later time it is put off to.
_BACK = frozenset({"it", "that", "this", "them", "those", "question", "questions", "one"})
_LATER = frozenset({"until", "till", "later", "afterwards", "after", "end", "when"})
PARK_GAP = 5


def parks(sentence: str) -> bool:
    """Whether `sentence` points back at the question and puts it off: a word that points back
    (`_BACK`: "it", "that question", "them") followed within `PARK_GAP` words by a word of a later
    time (`_LATER`: "until", "later", "after", "at the end", "when"), in a sentence that is no
    question about the past ("did", "was").

    >>> parks("Can we keep that question until after the reports?")
    True
    >>> parks("It was after the elections.")
    False
    """
    toks = _tokens(sentence)
    if any(t in ("did", "was", "were", "had") for t in toks):
        return False
    return any(w in _BACK and any(t in _LATER for t in toks[i + 1 : i + 1 + PARK_GAP]) for i, w in enumerate(toks))


_NUMBER = re.compile(r"\b\d[\d.,]*\b")
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'-]{2,}")


@dataclass(frozen=True)
class Matter:
    """What a question is about: its content-word stems, its figures and the names it says
    (capitalised words inside a sentence)."""

    stems: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]

    def __len__(self) -> int:
        return len(self.stems) + len(self.numbers) + len(self.names)


def matter(question: str) -> Matter:
    """The `Matter` of a question's text."""
    return Matter(
        frozenset(content_words(question)),
        frozenset(_NUMBER.findall(question)),
        frozenset(n.lower() for n in _NAME.findall(question)) - frozenset(content_words(question)),
    )


def uptake(m: Matter, text: str) -> int:
    """How many pieces of the question's matter the reply sentence of `text` that takes up most
    of it takes up (stems, figures and names each count once)."""
    best = 0
    for s in sentence_texts(text):
        words = content_words(s)
        low = s.lower()
        took = len(m.stems & words) + sum(1 for n in m.numbers if n in s) + sum(1 for n in m.names if n in low)
        best = max(best, took)
    return best


def opening(text: str, sentences: int = 1, least: int = 3) -> list[str]:
    """The first `sentences` sentences of `text` with at least `least` words that are no courtesy
    (`replyreader.courtesy`: "Ah.", "Hmm.", "Thank you, Zhyldyz." are skipped): where a reply says
    what it does with the question. One sentence by default: a refusal after an answer already
    given ("Yes, from March.  I cannot promise more today.") withholds nothing that was asked."""
    return [s for s in sentence_texts(text) if len(s.split()) >= least and not courtesy(s)][:sentences]


# The reader of a relayed question going on in the asker's voice ("And he says also …", "She
# adds that …"), not in their own.
_REPORTED = re.compile(
    r"\b(?:he|she|they|it)\b(?: \w+)? (?:says?|said|asks?|asked|writes?|wrote|adds?|added|wants?|thinks?)\b"
    r"|\b(?:says|asks|writes|adds|wants) (?:also|that|to)\b|[\"“”]",
    re.I,
)


def own_words(rest: str) -> bool:
    """Whether `rest` (what the reader of a relayed question says after it, in the same turn) is
    in the reader's own voice: no sentence reports the asker ("he says", "she adds that", a quote)."""
    return not _REPORTED.search(rest)
