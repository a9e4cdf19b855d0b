"""Every line of a coalition snapshot reads alone (issue 23): an ask the analysis quoted as a
clause cut mid-sentence is shown as its whole sentence, and the tail of a sentence whose
main clause was a filler ("I think also for other coalitions to ...") is no point.

The session is written for this test, in the shape of a main-session caption."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from forumlens.models import Session
from forumlens.pipeline import analyse_session
from forumlens.summarise import brief_coalition, check_citations
from forumlens.summarise.rewrite import for_to_fragment, problem
from forumlens.summarise.snapshot import cuts_sentence
from forumlens.transcript.parse import parse_transcript

CUT = "There is a need to ensure that any village that wants a network can"
WHOLE = f"{CUT}, but we cannot expect that every volunteer must be there in order to be heard."
TAIL = "I think also for other Dynamic Coalitions to really think about and to be involved in coalitions that are working on similar issues."
TEXT = f"""IGF 2025 – Day 2 – Main Session: Coalitions at work

>> RITA SOUSA:  Good morning. I am Rita Sousa and I will moderate. Omar, you speak for the Dynamic Coalition on Community Connectivity.

>> OMAR HADDAD:  Thank you, Rita. Omar Haddad, for the Dynamic Coalition on Community Connectivity. This year our coalition mapped 300 community networks in twelve countries. {WHOLE} {TAIL} We need funding for the regional trainings.

>> RITA SOUSA:  Thank you, Omar.
"""


@pytest.fixture(scope="module")
def source() -> tuple[Session, dict[str, Any]]:
    session = parse_transcript(TEXT, source="main.txt", sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    return session, analyse_session(session)


def test_an_ask_cut_mid_sentence_is_shown_whole(source) -> None:
    session, analyses = source
    assert any(a["quote"] == CUT for a in analyses["asks"]), "the analysis quotes the asking clause only"
    brief = brief_coalition("Community Connectivity", [source])
    (need,) = [b for b in brief.asked if "any village" in b.text]
    assert need.text.endswith("in order to be heard.") and need.citations[0].quote == WHOLE
    assert check_citations(brief, [session], {session.id: analyses}) == []


def test_no_snapshot_line_is_the_tail_of_a_sentence(source) -> None:
    brief = brief_coalition("Community Connectivity", [source])
    lines = [b for _, b in brief.bullets()]
    assert lines and not any("other Dynamic Coalitions to really think" in b.text for b in lines)


@pytest.mark.parametrize(
    "quote, sentence, cut",
    [
        (CUT, WHOLE, True),
        (WHOLE, WHOLE, False),
        (
            "we ask regulators to license community networks.",
            "We mapped them, and we ask regulators to license community networks.",
            False,
        ),
    ],
)
def test_cuts_sentence(quote: str, sentence: str, cut: bool) -> None:
    assert cuts_sentence(quote, sentence) is cut


@pytest.mark.parametrize(
    "text, fragment",
    [
        (
            "For other Dynamic Coalitions to really think about and to be involved in coalitions that are working on it.",
            True,
        ),
        ("For the IGF to matter, we need national regulators in the room.", False),
        ("For coalitions to succeed they need stable funding.", False),
        ("For small states to take part is still very hard.", False),
    ],
)
def test_a_for_to_clause_alone_is_a_fragment(text: str, fragment: bool) -> None:
    assert for_to_fragment(text) is fragment
    assert (problem(text) == "fragment") is fragment
