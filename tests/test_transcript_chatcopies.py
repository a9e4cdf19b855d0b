"""Chat copied out of a meeting client: the date and time in brackets on a line above the
sender's display name, the message below (transcript/timedlabels.py); a role account named by
its session code (transcript/speakers.py)."""

from __future__ import annotations

import pytest

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name, generic_label

COPY = """[3/21/2024 9:02 AM] Nomvula Dlamini (Guest)
Good morning from Durban, the stream is fine here.
[3/21/2024 9:03 AM] OF 12 Remote Moderator
Welcome. Questions go here, please start them with Q.
[3/21/2024 9:03 AM] OF 12 Remote Moderator
Agenda: https://example.org/of12
[3/21/2024 9:07 AM] Teodor Ivanov (External)
Q. Will the toolkit be translated? We would need it in Bulgarian:
soon, before the elections.
"""


def test_each_message_is_a_turn_under_its_stamp_line() -> None:
    turns = parse_transcript(COPY).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Nomvula Dlamini (Guest)", "Nomvula Dlamini"),
        ("OF 12 Remote Moderator", None),  # two messages of one account: one turn
        ("Teodor Ivanov (External)", "Teodor Ivanov"),
    ]
    assert turns[1].text.startswith("Welcome. Questions go here")
    assert "Agenda: https://example.org/of12" in turns[1].text
    assert turns[2].text.endswith("soon, before the elections.")  # a colon inside speech


@pytest.mark.parametrize("label", ["WS 41 Online Moderator", "WS41 Remote Moderator", "Room 2 Host"])
def test_a_role_account_named_by_its_session_is_no_person(label: str) -> None:
    assert generic_label(label)
    assert display_name(label) is None


def test_a_name_with_a_number_elsewhere_is_still_a_person() -> None:
    assert display_name("Jo Li") == "Jo Li"
    assert not generic_label("Mina Haddad")
