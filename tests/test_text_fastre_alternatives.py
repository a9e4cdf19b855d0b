"""`Prefiltered(pattern, alternatives=True)`: the literal test by alternative (issue 19, stop 38).

The questions' reply cues (`DEFERS`, `NOT_KNOWN`, the chair's read-back) are long alternations that
`re` tries at almost every letter; asked behind a test that one alternative's literals are all in the
text, they must give exactly the pattern's answers, and rule out more sentences than the whole
pattern's literal sets do (or the test is only a cost).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.analyse import askmodel, asksentence, chairview, questioncues, questiongroups
from forumlens.summarise import rewrite
from forumlens.text import fastre
from forumlens.text.fastre import Prefiltered
from forumlens.text.wordstart import GUARD, guarded
from forumlens.threads import cues

from .test_text_wordstart import _sentences  # the caption sentences the word-start guard is checked on

# (the gated cue, the pattern it must answer as)
_GATED = {
    "DEFERS": (questioncues.DEFERS_FAST, questioncues.DEFERS),
    "NOT_KNOWN": (questioncues.NOT_KNOWN_FAST, questioncues.NOT_KNOWN),
    "READ_BACK": (questioncues.READ_BACK_FAST, questioncues.READ_BACK),
    "ANSWERS_NAME": (questiongroups.ANSWERS_NAME_FAST, questiongroups.ANSWERS_NAME),
    "LOST": (rewrite._LOST_FAST, rewrite._LOST),
    # per-sentence cues of asks, the ask model and the threads (stop 44, PF)
    "SPOKEN_ASK": (asksentence._SPOKEN_ASK_CUE, asksentence._SPOKEN_ASK),
    "RELAYED": (chairview._RELAYED_CUE, chairview._RELAYED),
    "LIST_INTRO": (askmodel._LIST_INTRO_CUE, askmodel._LIST_INTRO),
    "ASKED_AT": (cues._ASKED_AT_CUE, cues._ASKED_AT),
}


# replies of the shapes the cues are for (our own examples: few caption sentences hold them)
_REPLIES = [
    "Maybe someone else can answer that, I am not the right person.",
    "Perhaps the panel could take this one.",
    "We don't have the figures with us today.",
    "I do not have a good answer today.",
    "I don't know, we will check and come back to you.",
    "No idea, honestly.",
    "Let me read back what I noted: first, the funding gap.",
    "I noted three things for the report: access, cost and language.",
    "To answer Sandra, the map is online since March.",
    "Kaveh's question was about the budget.",
    "In reply to Omar: yes, the survey closes in May.",
    "The health workers also need...",
    "... and the clinics in the north.",
    "We will come back to it after the break.",
    "I can't answer that for the ministry.",
    "We would also invite the district councils of the north to share their data.",
    "And our request to the organisers is a longer session next year.",
    "I'd love it if the network had a page in Portuguese.",
    'Moses writes from Gulu: "please publish the slides early"',
    "Aroha typed that she says the hub should open on weekends.",
    "There are three things we need from the regulators, quickly.",
    "What we ask is simple: keep the helpline open.",
    "The farmers asked us in Kisumu for a radio programme.",
    "In Nairobi the women's network asked for a second training.",
    "THE FARMERS ASKED US IN Kisumu FOR A RADIO PROGRAMME.",
]
_SENTENCES = _sentences() + _REPLIES


def _all(pattern: re.Pattern[str] | Prefiltered, text: str) -> list[object]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_gated_reply_cues_answer_as_their_patterns_on_real_sentences() -> None:
    assert len(_SENTENCES) > 1000
    matched = 0
    for name, (fast, pattern) in _GATED.items():
        assert fast.alternatives, name  # each is one alternation: the test by alternative is on
        for text in _SENTENCES:
            want = pattern.search(text)
            got = fast.search(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (name, text)
            assert _all(fast, text) == _all(pattern, text), (name, text)
            matched += want is not None
    assert matched > 20  # the cues do match (the examples above, and a few caption sentences)


def test_alternatives_rule_out_more_than_the_whole_patterns_sets() -> None:
    for name, (fast, pattern) in _GATED.items():
        whole = Prefiltered(pattern)
        let_through = sum(whole.possible(s) for s in _SENTENCES)
        narrowed = sum(fast.possible(s) for s in _SENTENCES)
        assert narrowed <= let_through, name
        if name in ("NOT_KNOWN", "LOST", "DEFERS"):
            assert narrowed < 0.6 * let_through, (name, narrowed, let_through)


def test_an_alternative_needs_all_of_its_own_sets() -> None:
    plain = re.compile(r"\b(?:we (?:will|shall) [a-z ]{0,20}answer|no idea)\b", re.I)
    fast = Prefiltered(plain, alternatives=True)
    assert fast.alternatives == (
        (frozenset({"we will ", "we shall "}), frozenset({"answer"})),
        (frozenset({"no idea"}),),
    )
    assert Prefiltered(plain).possible("We will see you tomorrow")  # the whole pattern's sets let it through
    assert not fast.possible("We will see you tomorrow")  # no alternative has all its sets
    assert fast.search("We will try to answer later").group() == "We will try to answer"
    assert fast.search("Honestly, NO IDEA.").group() == "NO IDEA"


def test_a_guarded_pattern_is_read_by_the_alternatives_inside_its_guard() -> None:
    plain = re.compile(r"\b(?:come back to (?:it|this)|we do not know)\b", re.I)
    wrapped = guarded(plain)
    assert wrapped.pattern.startswith(GUARD)
    assert fastre._unguarded(wrapped).pattern == plain.pattern
    fast = Prefiltered(wrapped, alternatives=True)
    assert len(fast.alternatives) == 2
    assert fast.pattern is wrapped  # the guarded pattern is the one asked
    assert fast.search("Let me come back to this later").span() == (7, 24)
    # a pattern that only starts like a guarded one is not cut open
    lookalike = re.compile(GUARD + "(?:a)|(?:b)")
    assert fastre._unguarded(lookalike) is lookalike
    assert fastre._unguarded(plain) is plain


def test_without_alternatives_nothing_changes() -> None:
    pattern = re.compile(r"\b(?:we will answer|no idea)\b", re.I)
    assert Prefiltered(pattern).alternatives == ()
    assert Prefiltered(re.compile(r"\w+"), alternatives=True).alternatives == ()  # nothing required


# pieces of the reply cues' phrases and their near misses (case, look-alikes, curly apostrophes)
_PIECES = st.sampled_from(
    [
        "we ",
        "I ",
        "İ ",
        "don't ",
        "don’t ",
        "do not ",
        "have ",
        "the ",
        "answer",
        "know ",
        "no idea",
        "NO IDEA",
        "come back to ",
        "it",
        "someone ",
        "else ",
        "can ",
        "let me ",
        "read ",
        "my notes",
        "noted ",
        "three things",
        ": ",
        "need ",
        "...",
        "…",
        "Sandra",
        "'s question",
        "to answer ",
        ", ",
        ". ",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_gated_cues_answer_as_their_patterns_on_generated_text(text: str) -> None:
    for name, (fast, pattern) in _GATED.items():
        assert _all(fast, text) == _all(pattern, text), (name, text)
