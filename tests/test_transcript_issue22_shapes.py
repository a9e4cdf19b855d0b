"""The caption shapes issue 22 listed, on a fixture written for it: a mixed-case label with no
colon (`>> Firstname Surname Excellencies, …`), a collective label (`>> Everyone:`), a new voice
after a blank line that opens with a lower-case "thank you very much", a first turn with no
marker after the page's boilerplate, and the bracketed room and name labels. Invented names."""

from __future__ import annotations

import hashlib

from forumlens.transcript.parse import parse_transcript

ISSUE_SHAPES = """IGF 2024 - Day 3 - Workshop Room 5 - WS #201 Spectrum for Villages
The following are the outputs of the real-time captioning taken during the Nineteenth Annual Meeting of the Internet Governance Forum (IGF) in Riyadh, Saudi Arabia. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors. It is posted as an aid to understanding the proceedings at the event, but should not be treated as an authoritative record.

Good morning and welcome, I am the moderator of this workshop and we begin with the minister.
>> Torvald Ingebrigtsen Excellencies, dear colleagues, the spectrum we leave unused in the villages is a loss we all pay for.
>> MODERATOR: Thank you, Minister. Let us thank him together.
>> Everyone: Thank you!
>> MODERATOR: Now the floor. Yes, you in the second row.

thank you very much, I come from a cooperative in the north and we waited six years for a licence.
>> AUDIENCE (SALLE XI): And in the other room we have the same question about licences.
>> Moderator (Sunniva): We take one more from the chat.
"""


def test_the_issue_shapes_read_as_turns() -> None:
    session = parse_transcript(
        ISSUE_SHAPES, source="issue22.txt", sha256=hashlib.sha256(ISSUE_SHAPES.encode()).hexdigest()
    )
    got = [(t.line, t.label, t.speaker, t.text.split()[0]) for t in session.turns]
    assert got == [
        (4, None, None, "Good"),  # the first turn, unmarked, after the boilerplate
        (5, "Torvald Ingebrigtsen", "Torvald Ingebrigtsen", "Excellencies,"),  # no colon
        (6, "MODERATOR", None, "Thank"),
        (7, "Everyone", None, "Thank"),  # a collective: a label, no person
        (8, "MODERATOR", None, "Now"),
        (10, None, None, "thank"),  # a new voice after the blank line
        (11, "AUDIENCE (SALLE XI)", None, "And"),  # a room is no name
        (12, "Moderator (Sunniva)", "Sunniva", "We"),
    ]
