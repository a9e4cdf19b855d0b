"""Caption shapes the parser met on unseen excerpts (issue 22, stop 18): name cards that open
with the role ("MODERATOR (Jane Doe):", "Chair — Jane Doe:"), cards whose pieces are separated
by dashes, and a session title with a colon in a transcript that has no `>>` markers.

Inputs are written for this file in those shapes (invented names and bodies)."""

from __future__ import annotations

import pytest

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name, looks_like_label, parse_name_card


@pytest.mark.parametrize(
    "label, name, role, organisation",
    [
        ("MODERATOR (Grace Osei)", "Grace Osei", "MODERATOR", None),
        ("Chair — Halima Yusuf", "Halima Yusuf", "Chair", None),
        ("CO-MODERATOR, DR. TOMAS NOVAK", "DR. TOMAS NOVAK", "CO-MODERATOR", None),
        ("Halima Yusuf — Ministry of Digital Economy", "Halima Yusuf", None, "Ministry of Digital Economy"),
        ("Jonas Berg - online moderator", "Jonas Berg", "online moderator", None),
        ("PRIYA NAIR – NASSCOM FOUNDATION, INDIA", "PRIYA NAIR", None, "NASSCOM FOUNDATION, INDIA"),
    ],
)
def test_role_first_and_dashed_name_cards(label: str, name: str, role: str | None, organisation: str | None) -> None:
    card = parse_name_card(label)
    assert (card.name, card.role, card.organisation) == (name, role, organisation)
    assert looks_like_label(label)


@pytest.mark.parametrize(
    "label, speaker",
    [
        ("MODERATOR (Grace Osei)", "Grace Osei"),
        ("Chair — Halima Yusuf", "Halima Yusuf"),
        ("CO-MODERATOR, DR. TOMAS NOVAK", "Tomas Novak"),
        # the role before something that is not a person's name stays a role with no speaker
        ("MODERATOR (ONLINE)", None),
        ("Chair, Ministry of ICT", None),
        ("MODERATOR (KENYA ICT NETWORK)", None),
        # hyphenated names are not dashes
        ("Jean-Luc Mbeki-Owusu", "Jean-Luc Mbeki-Owusu"),
    ],
)
def test_the_speaker_of_a_card(label: str, speaker: str | None) -> None:
    assert display_name(label) == speaker


_MARKED = """IGF 2024 - Day 3 - WS #12 Cards in Every Style

>> MODERATOR (Grace Osei):  Welcome, everyone.  Our first speaker is Halima.

>> Halima Yusuf — Ministry of Digital Economy:  Thank you, Grace.  We start with the law.

>> Chair — Grace Osei:  Thank you.  Jonas, anything online?

>> Jonas Berg - online moderator:  Yes, one question.
"""


def test_role_first_cards_in_a_marked_transcript() -> None:
    session = parse_transcript(_MARKED)
    assert [t.speaker for t in session.turns] == ["Grace Osei", "Halima Yusuf", "Grace Osei", "Jonas Berg"]
    assert session.turns[1].text.startswith("Thank you, Grace.")
    cast = resolve_session(session)
    got = {p.name: (p.role, p.affiliation) for p in cast.people}
    assert got["Grace Osei"] == ("moderator", None)
    assert got["Halima Yusuf"] == ("guest", "Ministry of Digital Economy")
    assert got["Jonas Berg"][0] == "moderator"


_BARE = """Internet Governance Forum 2011, Nairobi
Open Forum: Mobile Money and Digital Rights

September 29, 2011

Note: The following is the output of the real-time captioning taken during the Sixth Meeting of the IGF, in Nairobi. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

CHAIR:  Good morning.  We begin with the regulator.
Amos Kiprono:  Thank you.  Our rule is simple: the agent must keep a register.
Mercy Wanjiru Otieno:  Yes: Registers Must Be Public.
CHAIR:  Thank you.  Questions?
"""


def test_a_title_with_a_colon_is_not_a_speaker() -> None:
    session = parse_transcript(_BARE)
    # a speaker's words after the label may look like a title, but they end as a sentence does
    assert [t.label for t in session.turns] == ["CHAIR", "Amos Kiprono", "Mercy Wanjiru Otieno", "CHAIR"]
    assert session.title == "Open Forum: Mobile Money and Digital Rights"
    # a colon inside speech does not start a turn either
    assert "the agent must keep a register" in session.turns[1].text


@pytest.mark.parametrize(
    "line",
    [
        "Workshop 4: Cybersecurity for Small Businesses",  # a session-type phrase before the colon
        "Main Session: Digital Inclusion",
        "Theme: Data Governance and Trust",
        "Capacity Building: Lessons From the Field",  # the rest of the line is a title
    ],
)
def test_heading_lines_in_a_bare_label_transcript(line: str) -> None:
    text = f"{line}\n\nCHAIR:  Welcome.  Let us start.\nNADIA SALEH:  Thank you, Chair.\n"
    session = parse_transcript(text)
    assert [t.label for t in session.turns] == ["CHAIR", "NADIA SALEH"]
