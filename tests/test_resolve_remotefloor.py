"""A voice captioned only by the remote channel it came in on is the remote floor (resolve.remotefloor)."""

from __future__ import annotations

import pytest

from forumlens.resolve import resolve_session
from forumlens.resolve.remotefloor import is_remote_floor_label
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "label, channel",
    [
        ("REMOTE PARTICIPANT", True),
        ("Online Participant", True),
        ("VIRTUAL ATTENDEE", True),
        ("WEBEX", True),
        ("Zoom User", True),
        # a panellist on the programme can join online; a name beside the channel is the person's label
        ("REMOTE SPEAKER", False),
        ("Zoom User - Priya R", False),
        ("REMOTE MODERATOR", False),
        ("PARTICIPANT", False),
        ("KOFI MENSAH", False),
    ],
)
def test_only_the_whole_label_of_a_remote_channel_counts(label, channel):
    assert is_remote_floor_label(label) is channel


def _roles(text: str) -> dict[str | None, str]:
    return {p.name: p.role for p in resolve_session(parse_transcript(text, source="t.txt")).people}


def test_a_remote_voice_called_by_name_is_still_the_floor():
    text = (
        "IGF 2016 - WS 12 - Rural Broadband\nGuadalajara, 7 December 2016\n\n"
        ">> MODERATOR:  Good morning.  I am Sofia Marquez, and I chair this workshop.  Our first panellist "
        "is Tomas Herrera, from the Jalisco Rural Network.  Tomas, please.\n\n"
        ">> TOMAS HERRERA:  Thank you, Sofia.  We connect forty villages with radio links and solar power.\n\n"
        ">> MODERATOR:  Thank you, Tomas.  Is there anybody online, Lina?\n\n"
        ">> REMOTE MODERATOR:  Yes, Sofia.  We have one remote participant who wants to speak, Kwame Boateng, "
        "from Kumasi.  Kwame, go ahead.\n\n"
        ">> REMOTE PARTICIPANT:  Thank you.  I am Kwame Boateng, from the Kumasi Makers Club.  How do you pay "
        "for the batteries?\n\n"
        ">> TOMAS HERRERA:  The villages pay a small fee every month.\n"
    )
    roles = _roles(text)
    assert roles["Kwame Boateng"] == "participant"
    assert roles["Tomas Herrera"] == "guest"
