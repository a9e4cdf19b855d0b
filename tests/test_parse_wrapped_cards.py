"""A name card that does not fit on its `>>` line (`transcript/heads.py`, `colonless.py`): a
capitals card alone on its line with the speech below is the whole line, and a card a hard wrap
cut before its colon ("… DC ON LINGUISTIC" / "DIVERSITY: …") is one label; the turn starts on
the marker's line, and nothing is joined when the first line has its colon or the next line is
speech.

The examples are written for this file (invented names)."""

from __future__ import annotations

import pytest

from forumlens.transcript.colonless import colonless_card
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import parse_name_card

HEADER = "OPEN FORUM: THE COALITIONS ASK\n\nThe following is the output of the real-time captioning.\n\n"


def _turns(text: str) -> list[tuple[int, str | None, str | None, str]]:
    return [(t.line, t.label, t.speaker, t.text.split("\n")[0][:18]) for t in parse_transcript(text).turns]


def test_a_capitals_card_alone_on_its_line_is_the_whole_line() -> None:
    text = HEADER + (
        ">> WANJIRU OTIENO, MODERATOR\n"
        "Welcome to the hubs. Dragan first.\n"
        ">> DRAGAN MILIC, DC ON COMMUNITY CONNECTIVITY\n"
        "Thank you, Wanjiru. We ask for a small fund.\n"
        ">> LEILA HADDAD, IGF SECRETARIAT\n"
        "We will look at it.\n"
        ">> REMOTE HUB, PORT LOUIS\n"
        "Hello from the hub.\n"
        ">> WANJIRU OTIENO, MODERATOR\n"
        "Thank you all.\n"
    )
    assert _turns(text) == [
        (5, "WANJIRU OTIENO, MODERATOR", "Wanjiru Otieno", "Welcome to the hub"),
        (7, "DRAGAN MILIC, DC ON COMMUNITY CONNECTIVITY", "Dragan Milic", "Thank you, Wanjiru"),
        (9, "LEILA HADDAD, IGF SECRETARIAT", "Leila Haddad", "We will look at it"),
        (11, "REMOTE HUB, PORT LOUIS", "Port Louis Remote Hub", "Hello from the hub"),
        (13, "WANJIRU OTIENO, MODERATOR", "Wanjiru Otieno", "Thank you all."),
    ]
    card = parse_name_card(parse_transcript(text).turns[1].label or "")
    assert card.organisation == "DC ON COMMUNITY CONNECTIVITY"  # the card piece whole


def test_a_card_a_hard_wrap_cut_before_its_colon_is_one_label() -> None:
    text = HEADER + (
        ">> WANJIRU OTIENO, MODERATOR: Welcome. Dragan first.\n"
        ">> DRAGAN MILIC, DC ON COMMUNITY\n"
        "CONNECTIVITY: Thank you. We ask for a small fund.\n"
        ">> LEILA HADDAD, IGF\n"
        "SECRETARIAT: We will look at it.\n"
        ">> WANJIRU OTIENO, MODERATOR: Thank you all.\n"
    )
    session = parse_transcript(text)
    assert _turns(text) == [
        (5, "WANJIRU OTIENO, MODERATOR", "Wanjiru Otieno", "Welcome. Dragan fi"),
        (6, "DRAGAN MILIC, DC ON COMMUNITY CONNECTIVITY", "Dragan Milic", "Thank you. We ask "),
        (8, "LEILA HADDAD, IGF SECRETARIAT", "Leila Haddad", "We will look at it"),
        (10, "WANJIRU OTIENO, MODERATOR", "Wanjiru Otieno", "Thank you all."),
    ]
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text  # citations stay verbatim


def test_nothing_is_joined_when_the_first_line_has_its_colon_or_the_next_is_speech() -> None:
    text = HEADER + (
        ">> WANJIRU OTIENO, MODERATOR: Welcome.\n"
        "AGENDA: three asks, then the answers.\n"
        ">> DRAGAN MILIC, DC ON COMMUNITY CONNECTIVITY\n"
        "Thank you: we ask for a small fund.\n"
    )
    assert _turns(text) == [
        (5, "WANJIRU OTIENO, MODERATOR", "Wanjiru Otieno", "Welcome."),
        (7, "DRAGAN MILIC, DC ON COMMUNITY CONNECTIVITY", "Dragan Milic", "Thank you: we ask "),
    ]
    assert parse_transcript(text).turns[0].text.endswith("then the answers.")


def test_a_card_the_file_writes_whole_takes_no_words_from_the_next_line() -> None:
    text = HEADER + (
        ">> WANJIRU OTIENO, MODERATOR\nWelcome.\n>> WANJIRU OTIENO, MODERATOR\nQUESTION ONE: who pays for the hubs?\n"
    )
    assert [t.label for t in parse_transcript(text).turns] == ["WANJIRU OTIENO, MODERATOR"] * 2


@pytest.mark.parametrize(
    ("head", "alone"),
    [
        ("LEILA HADDAD, IGF SECRETARIAT", "LEILA HADDAD, IGF SECRETARIAT"),
        ("JO LI, MINISTRY OF ICT (online)", "JO LI, MINISTRY OF ICT (online)"),
        ("JO LI, UNESCO Bonjour", "JO LI, UNESCO"),  # one speech word after a capitals card stays speech
        ("Jo Li, Ministry of ICT", ""),  # a mixed-case name must be the file's label elsewhere
    ],
)
def test_a_card_alone_on_its_line_ends_at_the_line_end(head: str, alone: str) -> None:
    assert head[: colonless_card(head, set(), alone=True)] == alone


def test_with_speech_after_it_on_its_line_a_card_ends_before_the_speech() -> None:
    head = "LEILA HADDAD, IGF SECRETARIAT Welcome"
    assert head[: colonless_card(head, set())] == "LEILA HADDAD, IGF SECRETARIAT"
