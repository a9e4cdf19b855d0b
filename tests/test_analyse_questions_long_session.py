"""The per-session lookups of the question rules, kept once per session (issue 19), must give
the answers of reading the session each time, also when sessions alternate.

`AnalysisContext.name_words` keeps a session's speaker name words on its context,
`questionfeatures.said_lower` and `topic_word` keep their whole-session searches per
(text, word): each is compared with the plain computation on two real sessions, asked in
turn, and the fate features of both are compared with a run whose caches are bypassed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.analyse import questionfeatures
from forumlens.analyse.context import AnalysisContext, build_context
from forumlens.analyse.questions import find_question_groups, question_fates
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
SOURCES = [
    HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((HERE.parent / "examples").glob("*.txt"))[:2],
]


@pytest.fixture(scope="module")
def contexts() -> list[AnalysisContext]:
    return [build_context(parse_transcript(p.read_text("utf-8"))) for p in SOURCES]


def _plain_names(ctx: AnalysisContext) -> frozenset[str]:
    return frozenset(w for p in ctx.people if p.name for w in p.name.split())


def test_name_words_follow_the_session_asked(contexts: list[AnalysisContext]) -> None:
    assert len({_plain_names(c) for c in contexts}) == len(contexts)  # different casts
    for ctx in [*contexts, contexts[0], *contexts]:
        assert ctx.name_words == _plain_names(ctx)


def test_session_word_searches_match_plain_ones(contexts: list[AnalysisContext]) -> None:
    for ctx in [*contexts, *contexts]:
        text = ctx.session.text
        for word in sorted(set(re.findall(r"[A-Z][a-z]{2,}", text)))[:60]:
            low = word.lower()
            assert questionfeatures.said_lower(text, word) == bool(
                low in text and re.search(rf"\b{re.escape(low)}\b", text)
            )
            many = len(re.findall(rf"\b{re.escape(word)}\b", text)) > questionfeatures.TOPIC_MENTIONS
            assert questionfeatures.topic_word(text, word) == many


def test_fate_features_without_the_kept_lookups(
    contexts: list[AnalysisContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = [[r.features for r in question_fates(c, find_question_groups(c))] for c in contexts]
    assert sum(len(k) for k in kept) > 20
    monkeypatch.setattr(questionfeatures, "said_lower", questionfeatures.said_lower.__wrapped__)
    monkeypatch.setattr(questionfeatures, "topic_word", questionfeatures.topic_word.__wrapped__)
    plain = [[r.features for r in question_fates(c, find_question_groups(c))] for c in reversed(contexts)]
    assert kept == plain[::-1]
