"""Court-style testimony (transcript/testimony.py): `Q.` is the counsel of the last `BY …:` line,
`A.` the witness sworn in; the `BY …:` headings are no turns; a briefing's `Q:`/`A:` stays as it was."""

from __future__ import annotations

from forumlens.pipeline import analyse_session
from forumlens.transcript.parse import parse_transcript

HEARING = """          THE COURT: Please be seated. Call your witness.
          MS. ADEYEMI: The hub calls Mr. Tomás Rivera.
          TOMÁS RIVERA, having been duly sworn, testified as follows:
                    DIRECT EXAMINATION
     BY MS. ADEYEMI:
          Q.   How many towers does the hub run?
          A.   Twelve, on the school roofs.
                    CROSS-EXAMINATION
     BY MR. OKONKWO-BELL:
          Q.   Who paid for them?
          A.   The county.
          THE COURT: Thank you, Mr. Rivera.
"""


def test_q_and_a_are_the_examining_counsel_and_the_witness() -> None:
    session = parse_transcript(HEARING)
    assert [((t.label or "").rstrip("."), t.speaker) for t in session.turns] == [
        ("THE COURT", None),
        ("MS. ADEYEMI", "Adeyemi"),
        ("Q", "Adeyemi"),
        ("A", "Tomás Rivera"),
        ("Q", "Okonkwo-Bell"),  # counsel changes at the cross-examination's `BY …:` line
        ("A", "Tomás Rivera"),
        ("THE COURT", None),
    ]


def test_a_briefing_without_examination_lines_keeps_its_reading() -> None:
    briefing = "SPOKESPERSON: Good morning.\nQ: Will the report be public?\nA: Yes, in May.\nQ: When?\n"
    speakers = [t.speaker for t in parse_transcript(briefing).turns]
    assert "Adeyemi" not in speakers and len(speakers) == 4


def test_the_dropped_headings_leave_no_gap_in_the_turn_numbers() -> None:
    # every stage indexes `session.turns` by a turn's index: a gap left by a dropped `BY …:`
    # heading made the who's-who stage fail with an IndexError on a hearing transcript
    session = parse_transcript(HEARING)
    assert [t.index for t in session.turns] == list(range(len(session.turns)))
    people = analyse_session(session)["people"]
    assert {"Adeyemi", "Tomás Rivera"} <= {p["name"] for p in people}
