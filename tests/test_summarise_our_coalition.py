"""'Our coalition' said by a member whose affiliation is her employer (issue 22/23): the
sentence is the coalition's, not the employer's (`resolve.voice.speaker_body`, fed by the
cast's `speaks_for`). Was: "The <employer> published a report ..." for "Our coalition
published a report ..."."""

from __future__ import annotations

import hashlib

from forumlens.resolve.cast import resolve_session
from forumlens.summarise.attribution import Credits
from forumlens.summarise.units import session_units
from forumlens.summarise.wording import Wording
from forumlens.transcript.parse import parse_transcript

TEXT = """IGF 2024 - Dynamic Coalition on Rural Data Centres - Energy and Repair
>> MODERATOR: Welcome to the session of the Dynamic Coalition on Rural Data Centres. Noor Haddad joins us online.
>> NOOR HADDAD: Thank you. I work for the Jordan Telecom Regulatory Commission. Our coalition published a survey of forty rural sites last year, and we will publish the second edition in May.
>> NOOR HADDAD: At the commission we have licensed solar backup for small operators in the south of the country.
"""


def _rendered() -> dict[str, str]:
    session = parse_transcript(TEXT, source="t.txt", sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    cast = resolve_session(session)
    people = {p.name: p for p in cast.people if p.name}
    credits = Credits(session, [p.to_json() for p in cast.people])
    units = session_units(session)
    wording = Wording(units, credits, person=people.get)
    out = {}
    for unit in units:
        rendered = wording.render(unit)
        if rendered is not None:
            out[unit.text] = rendered.text
    return out


def test_our_coalition_of_an_employed_member_is_the_coalitions() -> None:
    rendered = _rendered()
    survey = next(text for said, text in rendered.items() if said.startswith("Our coalition published"))
    assert survey.startswith("The Dynamic Coalition on Rural Data Centres published"), survey
    assert "Regulatory Commission published" not in survey
