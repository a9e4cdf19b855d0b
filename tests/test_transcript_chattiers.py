"""CHAT research transcripts (transcript/chattiers.py): `*CODE:` tiers named through the
`@Participants` header; headers, dependent tiers and media bullets are no speech."""

from __future__ import annotations

from forumlens.transcript.chattiers import read_chat_tiers
from forumlens.transcript.parse import parse_transcript

B = "\x15"
CHAT = (
    "@UTF8\n@Begin\n@Languages:\teng\n"
    "@Participants:\tCHR Lerato_Mokoena Chair, SP1 Henrik_Aas Speaker, OBS Observer Observer\n"
    "@Comment:\trecorded for a study of interruptions\n"
    f"*CHR:\twe start now (.) welcome . {B}1000_2500{B}\n"
    f"*CHR:\tfirst the data . {B}2500_3900{B}\n"
    f"*SP1:\tthe numbers are &-uh bigger [/] bigger than we said\n\tlast year . {B}4000_9000{B}\n"
    "%com:\tSP1 shows a chart\n"
    f"*OBS:\txxx can we see the chart ? {B}9100_9900{B}\n"
    f"*SP1:\tyes . {B}9900_10300{B}\n"
    "@End\n"
)


def test_each_code_is_named_by_the_participants_header() -> None:
    turns = parse_transcript(CHAT).turns
    assert [(t.speaker, t.text.split(" .")[0]) for t in turns] == [
        ("Lerato Mokoena", "we start now (.) welcome"),
        ("Henrik Aas", "the numbers are &-uh bigger [/] bigger than we said\n\tlast year"),
        (None, "xxx can we see the chart ?"),  # a role only: no person
        ("Henrik Aas", "yes"),
    ]


def test_headers_dependent_tiers_and_bullets_are_no_speech() -> None:
    text = " ".join(t.text for t in parse_transcript(CHAT).turns)
    assert "@Participants" not in text and "@End" not in text
    assert "shows a chart" not in text
    assert not text.endswith("10300" + B)


def test_a_text_without_a_participants_header_is_not_chat() -> None:
    assert read_chat_tiers(CHAT.replace("@Participants:", "@Comment:")) is None
    assert read_chat_tiers(">> CHAIR: *SP1: is not a tier here.\n") is None
