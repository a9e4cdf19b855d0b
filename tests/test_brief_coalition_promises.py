"""A coalition snapshot files its own promises under what it produced or promised, never
under what it asked for, and shows each point once (issue 23).

The session is written for this test: a coalition's representative reports an output,
promises the next one and asks for funding; the analysis (here the analyse stage's own
output for the text) types the promise a commitment.
"""

from __future__ import annotations

import hashlib

import pytest

from forumlens.analyse.models import Ask
from forumlens.models import Session
from forumlens.pipeline import analyse_session
from forumlens.summarise import brief_coalition, render
from forumlens.summarise.snapshot import promised
from forumlens.transcript.parse import parse_transcript

TEXT = """IGF 2025 – Day 3 – Workshop #9: Community Networks, What Comes Next

***

>> MARTA OYELARAN:  Good afternoon and welcome.  I am Marta Oyelaran and I will moderate.  Kofi, you speak for the Dynamic Coalition on Community Connectivity.

>> KOFI MENSAH:  Thank you, Marta.  Kofi Mensah, for the Dynamic Coalition on Community Connectivity.  This year we published a toolkit on spectrum licences for community networks, tested in nine countries.

Regulators in three of those countries now cite the toolkit in their licence rules.

Next year we will publish a second edition of the toolkit with a chapter on backhaul for island networks.

What we need now is funding for the translations, and a contact point in each regulator for community networks.

>> MARTA OYELARAN:  Thank you, Kofi.  Any questions from the floor?

>> AMINA DIALLO:  Amina Diallo, from a rural network in Senegal.  Community networks in my region still wait two years for a licence, and the toolkit helps us argue with the regulator.
"""


@pytest.fixture(scope="module")
def source() -> tuple[Session, dict]:
    data = TEXT.encode()
    session = parse_transcript(TEXT, source="ws9.txt", sha256=hashlib.sha256(data).hexdigest())
    return session, analyse_session(session)


def _quotes(bullets) -> set[str]:
    return {c.quote for b in bullets for c in b.citations}


def test_a_promise_is_filed_under_produced_not_asked(source: tuple[Session, dict]) -> None:
    brief = brief_coalition("DC on Community Connectivity", [source])
    promise = "Next year we will publish a second edition"
    assert not any(promise in q for q in _quotes(brief.asked))
    assert any(promise in q for q in _quotes(brief.produced))
    assert any("funding for the translations" in q for q in _quotes(brief.asked))
    assert "What it produced or promised" in render(brief, "md")


def test_each_point_is_shown_once_across_the_sections(source: tuple[Session, dict]) -> None:
    brief = brief_coalition("DC on Community Connectivity", [source])
    sections = [brief.said, brief.produced, brief.asked]
    seen: list[str] = [b.text for section in sections for b in section]
    assert len(seen) == len(set(seen))
    assert not _quotes(brief.said) & (_quotes(brief.produced) | _quotes(brief.asked))


def test_an_inferred_ask_that_only_commits_is_a_promise() -> None:
    def ask(quote: str, kind: str = "ask") -> Ask:
        return Ask(category="other", type=kind, by="Kofi Mensah", line=1, quote=quote)

    assert promised(ask("Next year we will publish a second edition of the toolkit.", "commitment"))
    assert promised(ask("We will publish a second edition of the toolkit next year."))
    assert not promised(ask("We will publish it, but we need funding for the translations."))
    assert not promised(ask("Regulators should publish their licence fees."))


# The same coalition a year on: an output, a recommendation that names it (an ask of others:
# it names the toolkit but the coalition did not make anything in it), and a sentence that
# reports an output and then asks for something (still a report of what it produced).
RECOMMENDS = """IGF 2026 – Day 1 – Open Forum #4: Community Networks, One Year On

***

>> MARTA OYELARAN:  Welcome back.  I am Marta Oyelaran and I will moderate.  Kofi, you speak for the Dynamic Coalition on Community Connectivity.

>> KOFI MENSAH:  Thank you, Marta.  Kofi Mensah, for the Dynamic Coalition on Community Connectivity.  We released the second edition of our toolkit on spectrum licences in May.

We recommend that every regulator adopts the toolkit in its licence rules.

This year we also published a checklist for island networks, and we ask regulators to use it when they review backhaul prices.

>> MARTA OYELARAN:  Thank you, Kofi.  That closes our session.
"""


def test_a_recommendation_naming_an_output_is_an_ask_not_an_output() -> None:
    session = parse_transcript(RECOMMENDS, source="of4.txt", sha256=hashlib.sha256(RECOMMENDS.encode()).hexdigest())
    brief = brief_coalition("DC on Community Connectivity", [(session, analyse_session(session))])
    produced, asked = _quotes(brief.produced), _quotes(brief.asked)
    assert not any("We recommend that every regulator" in q for q in produced)
    assert any("We recommend that every regulator" in q for q in asked)
    assert any("second edition of our toolkit" in q for q in produced)
    assert any("published a checklist for island networks" in q for q in produced)  # an output that then asks
