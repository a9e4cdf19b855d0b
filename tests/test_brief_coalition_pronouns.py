"""A coalition snapshot never shows an ask whose "it" names nothing (issue 23): the analysis
may quote the asking clause alone ("and we ask regulators to use it …"), whose "it" is named in
the sentence's earlier clause; the snapshot then shows the whole sentence, quoted verbatim.

The session is written for this test; the analysis is the analyse stage's own output for it,
its ask quoted as the clause after "and", as the stage quotes a promise of this shape.
"""

from __future__ import annotations

import hashlib

from forumlens.pipeline import analyse_session
from forumlens.summarise import brief_coalition, check_citations
from forumlens.transcript.parse import parse_transcript

TEXT = """IGF 2025 – Day 3 – Workshop #9: Community Networks, What Comes Next

***

>> MARTA OYELARAN:  Good afternoon and welcome.  I am Marta Oyelaran and I will moderate.  Kofi, you speak for the Dynamic Coalition on Community Connectivity.

>> KOFI MENSAH:  Thank you, Marta.  Kofi Mensah, for the Dynamic Coalition on Community Connectivity.  This year we published a toolkit on spectrum licences for community networks, and we ask regulators to use it in their licence rules.

What we need now is funding for the translations, and a contact point in each regulator for community networks.

>> MARTA OYELARAN:  Thank you, Kofi.
"""
CLAUSE = "and we ask regulators to use it in their licence rules."


def test_an_asking_clause_whose_it_was_named_before_it_is_shown_with_its_sentence() -> None:
    session = parse_transcript(TEXT, source="ws9.txt", sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    analyses = analyse_session(session)
    asks = [a for a in analyses["asks"] if CLAUSE in a["quote"]]
    assert asks, "the analysis finds the ask"
    for a in asks:
        a["quote"] = CLAUSE  # the asking clause alone, as the analysis quotes "…, and we will translate it …"
    brief = brief_coalition("DC on Community Connectivity", [(session, analyses)])
    licence = [b for b in brief.asked if "licence rules" in b.text]
    assert licence, "the ask is shown"
    for b in licence:
        assert "toolkit" in b.text  # what "it" is
        assert all("toolkit" in c.quote and CLAUSE in c.quote for c in b.citations)
    assert check_citations(brief, [session]) == []
