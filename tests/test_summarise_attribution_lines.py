"""A brief credits a turn to the person the session page shows, read the same way (issues 20/23).

`summarise.attribution.Credits` read the people analysis' `lines` with a loop of its own
(a later entry wins, by entry), the session page and the speaker filter with
`people_lines.credited_lines` (a later named person wins, by name). Where a person is
listed twice under one name (two entries, each with some of the labels), the brief
compared a turn's caption label with the labels of one entry only: a label the other
entry lists was taken for a re-attribution and the bullet said "speaker attributed by
forumlens (caption label unclear)", while the session page showed the turn as that
person's, unflagged. The transcript and the analysis are written for this test.
"""

from __future__ import annotations

import hashlib
from typing import Any

from forumlens.models import Citation, Session
from forumlens.summarise.attribution import INFERRED, Credits
from forumlens.summarise.models import Bullet
from forumlens.transcript.parse import parse_transcript
from forumlens.web.session_page import line_credits

REGISTER = "We call on regulators to publish the licence fees in one public register."
TEXT = f"""IGF 2030 Workshop #7: Spectrum for Community Networks

>> OLIVIER CREPIN-LEBLOND: Welcome, everyone, to this workshop on spectrum for small networks.

>> JANE DOE: Thank you, Olivier. The licence fees are too high for small networks.

>> OLIVIER REPIN-LEBLOND: {REGISTER}

>> AUDIENCE: Hear, hear.
"""
OLIVIER = "Olivier Crepin-Leblond"
PEOPLE: list[dict[str, Any]] = [  # one person listed twice under one name, each entry with some labels
    {"name": OLIVIER, "labels": ["OLIVIER CREPIN-LEBLOND", "OLIVIER REPIN-LEBLOND"], "lines": [3]},
    {"name": "Jane Doe", "labels": ["JANE DOE"], "lines": [5]},
    {"name": OLIVIER, "labels": ["OLIVIER CREPIN-LEBLOND"], "lines": [7]},
    {"name": None, "labels": ["AUDIENCE"], "lines": [9]},
]


def _session() -> Session:
    return parse_transcript(TEXT, source="ws7.txt", sha256=hashlib.sha256(TEXT.encode()).hexdigest())


def test_every_turn_is_credited_to_whom_the_session_page_shows_and_flags_alike() -> None:
    session = _session()
    credits = Credits.of(session, {"people": PEOPLE, "flags": []})
    page = {line: (person, flagged) for line, kind, person, flagged in line_credits(session, PEOPLE, []) if person}
    assert sorted(page) == [3, 5, 7]
    for line, (person, flagged) in page.items():
        credit = credits.at(line)
        assert credit is not None and (credit.name, credit.inferred) == (person, flagged), line
    # a turn counted for an unnamed person keeps the caption's words (the page credits no one)
    audience = credits.at(9)
    assert audience is not None and audience.name == "AUDIENCE" and not audience.inferred


def test_a_label_of_the_persons_other_entry_is_not_marked_as_inferred() -> None:
    session = _session()
    credits = Credits.of(session, {"people": PEOPLE, "flags": []})
    cited = Bullet(REGISTER, (Citation(line=7, quote=REGISTER, speaker="OLIVIER REPIN-LEBLOND"),))
    credited = credits.bullet(cited)
    assert credited.citations[0].speaker == OLIVIER
    assert credited.citations[0].voiced_by == "OLIVIER REPIN-LEBLOND"
    assert INFERRED not in credited.text
