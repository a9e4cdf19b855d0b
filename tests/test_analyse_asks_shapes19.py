"""Ask shapes the development set of round 18 (asks_blind17) lost. Categories: a price to be
shown or lowered is not money asked for ("publish their full cost", "bring down the cost");
the verb that heads what is asked decides over a word inside its object ("Schools should teach
digital money": capacity-building); a track or session next year is agenda. Finding: a comment
read out for someone else ("He also writes that the donors should …") is judged as theirs, and
a speaker's aside between commas ("the IGF, I think, needs …") no longer hides the ask.
Sentences and sessions written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askcues import category_hits, head_category
from forumlens.analyse.asks import category_scores, classify_category
from forumlens.analyse.reported import direct_speech, reported_request, without_aside
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "said",
    [
        "I urge the telecom companies to publish their full cost, the fee and the rate, on one line.",
        "Please bring down the cost of the data bundle for students.",
        "We ask the shops to show the price in real money next to the coins.",
        "We will publish the running cost of each clinic for one full year.",
    ],
)
def test_a_price_to_be_shown_or_lowered_is_not_funding(said: str) -> None:
    assert category_hits("funding", said) == 0
    assert classify_category(said) != "funding"


@pytest.mark.parametrize(
    "said",
    [
        "We ask the donors to cover the cost of the solar kits.",
        "The ministry should give the libraries money for the printers.",
        "We need a budget for the interpreters.",
    ],
)
def test_money_asked_for_stays_funding(said: str) -> None:
    assert classify_category(said) == "funding"


def test_the_verb_heading_the_object_decides_over_a_word_inside_it() -> None:
    said = "Schools should teach digital money, like the coins in games, in the maths class."
    assert head_category("teach digital money, like the coins") == "capacity-building"
    assert category_scores(said)["capacity-building"] > category_scores(said)["funding"]
    assert classify_category(said, "recommendation") == "capacity-building"


def test_support_never_heads_the_object() -> None:
    assert head_category("support the training of librarians") is None


@pytest.mark.parametrize(
    "said",
    [
        "We wish for a coding track next year, with young coders on the panels.",
        "The forum needs a session next year on the buildings where people go online.",
    ],
)
def test_a_track_or_session_next_year_is_agenda(said: str) -> None:
    assert classify_category(said) == "agenda"


def test_a_comment_written_in_is_read_in_its_senders_first_person() -> None:
    said = "He also writes that the donors should stop paying for new kiosks in connected villages."
    assert reported_request(said)
    assert direct_speech(said) == "the donors should stop paying for new kiosks in connected villages."


@pytest.mark.parametrize(
    ("unit", "plain"),
    [
        ("And the forum, I think, needs a session on the libraries", "And the forum needs a session on the libraries"),
        ("the ministries, in my view, should open the data", "the ministries should open the data"),
        ("I think the ministries should open the data", None),
    ],
)
def test_an_aside_between_commas_is_left_out_for_the_classifier(unit: str, plain: str | None) -> None:
    assert without_aside(unit) == plain


_READ_IN = """>> ANNA BERG:  Welcome to the workshop on rural access.  We have one hour.

>> KARL MOOR:  Our post offices now have one computer each, and the post worker helps people with the forms.

>> ANNA BERG:  Remote moderator, anything from online?

>> REMOTE MODERATOR:  Yes, one comment by email from Tartu, from Priit Kask.  He writes that it works well in his village.  He also writes that the donors should stop funding new kiosks when the post office in the same village is already connected.

>> ANNA BERG:  Thank you.  And the IGF, I think, needs a session next year on the buildings, the physical places of access.  Thank you all.
"""


def test_asks_read_out_for_someone_and_broken_by_an_aside_are_found() -> None:
    asks = find_intel(parse_transcript(_READ_IN), mentions=[]).to_json()["asks"]
    quotes = {a["quote"].split()[2]: a["category"] for a in asks}
    assert quotes.get("writes") == "funding"  # "He also writes that the donors should stop funding …"
    assert quotes.get("IGF,") == "agenda"  # "And the IGF, I think, needs a session next year …"
