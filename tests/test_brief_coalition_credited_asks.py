"""A coalition brief's "What it asked for" keeps the asks the coalition page shows (issue 23).

The page credits an ask to a coalition when one of its people said it or when the
analyse stage credits it to the coalition; an unnamed speaker who says they speak for the
coalition is the second case. The brief used to keep only asks by its named people, so
the page and the brief disagreed. The session is written for this test.
"""

from __future__ import annotations

import hashlib

import pytest

from forumlens.models import Session
from forumlens.pipeline import analyse_session
from forumlens.summarise import brief_coalition
from forumlens.transcript.parse import parse_transcript

TEXT = """IGF 2025 – Day 2 – Workshop #14: Community Networks and Spectrum

***

>> MARTA OYELARAN:  Good afternoon and welcome.  I am Marta Oyelaran and I will moderate.  The floor is open.

>> AUDIENCE MEMBER:  I speak for the Dynamic Coalition on Community Connectivity.  Regulators should publish their licence fees for community networks in one public register.

We also need funding for the translations of our spectrum toolkit.

>> MARTA OYELARAN:  Thank you.  Any other questions from the floor?
"""


@pytest.fixture(scope="module")
def source() -> tuple[Session, dict]:
    session = parse_transcript(TEXT, source="ws14.txt", sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    return session, analyse_session(session)


def test_an_unnamed_speakers_ask_credited_to_the_coalition_is_in_its_brief(source: tuple[Session, dict]) -> None:
    _, analysis = source
    credited = [a for a in analysis["asks"] if a.get("coalition") and not a.get("by")]
    assert credited, "the analyse stage credits the unnamed speaker's asks to the coalition"
    brief = brief_coalition("DC on Community Connectivity", [source])
    quotes = {c.quote for b in brief.asked for c in b.citations}
    assert any("funding for the translations" in q for q in quotes)
    assert any("licence fees" in q for q in quotes)


def test_another_coalitions_brief_does_not_take_them(source: tuple[Session, dict]) -> None:
    brief = brief_coalition("DC on Child Online Safety", [source])
    assert not brief.asked
