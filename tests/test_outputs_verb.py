"""An output is a document made, not the verb of the same spelling (analyse/outputs.py, issue 23).

Stop 42's walk: a coalition page listed "report — Today our members report on their work of the
year …": the verb "report" (what members do at the session) was read as a published report. The
noun and the verb are told apart by the words beside them (`verb_use`): a subject pronoun, a modal
or "to" before it; or, for the plain form, a plural subject before it and "on", "back", "to",
"that" … after it. The sentences are our own, each said by a panellist in a session of its own.
"""

from __future__ import annotations

import pytest

from forumlens.analyse.context import build_context
from forumlens.analyse.outputs import find_outputs, verb_use
from forumlens.transcript.parse import parse_transcript


def _outputs(sentence: str) -> list[tuple[str, str]]:
    """(kind, status) of the outputs found when a panellist says `sentence`."""
    text = f">> MODERATOR:  Thank you, over to you.\n\n>> RANGI PARATA:  Thank you.  {sentence}\n"
    session = parse_transcript(text, source="outputs-verb.txt", sha256="outputs-verb")
    return [(o.kind, o.status) for o in find_outputs(build_context(session))]


VERBS = [
    "Today our members report on their work of the year, one country after the other.",
    "Our head teachers report to the district office every month on the connection.",
    "In the afternoon our working groups report back on what they found about the towers.",
    "Their volunteers study how the rural libraries use the bandwidth they get.",
]

NOUNS = [
    ("Our annual report on the work of the year is on the coalition page.", ("report", "mentioned")),
    ("We published our members' report on the towers last week.", ("report", "released")),
    ("Our partners' survey of the valley schools was released in March.", ("survey", "released")),
    ("The coalition's study will be launched tomorrow at the village session.", ("study", "forthcoming")),
]


@pytest.mark.parametrize("sentence", VERBS)
def test_the_verb_is_no_output(sentence: str) -> None:
    assert _outputs(sentence) == []


@pytest.mark.parametrize("sentence", VERBS)
def test_the_verb_sentences_look_like_owned_outputs_to_the_cue(sentence: str) -> None:
    """Each verb sentence above matches the owned-output cue ("our … report"): only `verb_use`
    tells it apart, so the test above can fail."""
    from forumlens.analyse import outputs

    assert any(p.search(sentence) for p in (*outputs._FUTURE, *outputs._PAST, *outputs._OWNED))


@pytest.mark.parametrize(("sentence", "expected"), NOUNS)
def test_the_noun_is_still_an_output(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in _outputs(sentence)


@pytest.mark.parametrize(
    ("text", "word", "verb"),
    [
        ("We will report back to the plenary after lunch.", "report", True),
        ("The secretariat asked us to report on the pilots.", "report", True),
        ("They survey the schools every year.", "survey", True),
        ("The report on the pilots is out.", "report", False),
        ("Three reports on the pilots are out.", "reports", False),
        ("The progress report on the pilots is out.", "report", False),
        ("This year we wrote a framework and, on top of it, recommendations.", "recommendations", False),
    ],
)
def test_verb_use_reads_the_words_beside_it(text: str, word: str, verb: bool) -> None:
    start = text.index(word)
    assert verb_use(text, start, start + len(word)) is verb
