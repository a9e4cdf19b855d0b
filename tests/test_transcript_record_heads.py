"""Two head-line rules from round 23's parse misses, on invented files: a recording's date line
above a transcription export's `Name  mm:ss` heads is no head (`stampedheads.py`), and a name card
whose piece is a lower-case agent noun (`registry operator`) is still a name card (`namecards.py`)."""

from __future__ import annotations

from forumlens.transcript.namecards import piece_kind
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.stampedheads import read_stamped_heads

# An automatic transcription export: title, the recording's date and length line, then blocks.
EXPORT = """Coalition call 7

Tue, 3/9 4:15PM • 31:02

Kaveh Amirzadeh-Lund  00:03
Right, we are recording. Two items today.

Speaker 3  00:20
Can we start with the survey?

Kaveh Amirzadeh-Lund  00:26
Yes, the survey first. Ines, the numbers?

Ines Okonkwo-Varga  00:31
We have 212 answers so far, most from the south.

Kaveh Amirzadeh-Lund  01:02
Good. Then the draft.
"""


def test_a_date_line_with_a_clock_in_its_name_field_is_no_head() -> None:
    found = read_stamped_heads(EXPORT)
    assert found is not None
    assert [m.label for m in found.marks] == [
        "Kaveh Amirzadeh-Lund",
        "Speaker 3",
        "Kaveh Amirzadeh-Lund",
        "Ines Okonkwo-Varga",
        "Kaveh Amirzadeh-Lund",
    ]


def test_a_lower_case_agent_noun_after_a_qualifier_is_an_occupation_on_a_card() -> None:
    assert piece_kind("registry operator") == "office"
    assert piece_kind("network engineer") == "office"
    # a bare agent noun alone, or words of a sentence, are no card piece
    assert piece_kind("water") == "other"
    assert piece_kind("thank you for the answer") == "other"


def test_a_titled_name_with_an_agent_noun_and_a_city_is_a_label() -> None:
    text = (
        "Chair: The floor is open. The gentleman at the back.\n"
        "Mr. Timur Abdrakhmanov, registry operator, Almaty: Thank you. Our exchange went live in May.\n"
        "Chair: Thank you. Next, please.\n"
        "Ms. Lerato Dlamini-Shange, Durban: I have a question for the panel.\n"
        "Chair: Go ahead.\n"
        "Mr. Abdrakhmanov: One more point on the exchange, if I may.\n"
    )
    turns = parse_transcript(text).turns
    assert [t.speaker for t in turns] == [
        None,
        "Timur Abdrakhmanov",
        None,
        "Lerato Dlamini-Shange",
        None,
        "Abdrakhmanov",
    ]
