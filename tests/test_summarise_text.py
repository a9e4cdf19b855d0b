"""Sentence units, procedural filtering and faithful compression (the summariser's inputs)."""

from __future__ import annotations

import pytest

from forumlens.summarise.compress import compress
from forumlens.summarise.procedural import is_procedural, procedural_weight
from forumlens.summarise.units import session_units, terms
from forumlens.transcript.parse import parse_transcript

CAPTION = """Test session

>> MODERATOR:  Good morning.  Can you hear me?  The floor is yours, Ana.

>> ANA SILVA:  Thank you.  We need sustainable funding for research ‑‑ and channels to decision makers.
Human captioning remains essential for deaf participants
"""


@pytest.mark.parametrize(
    "text",
    [
        "The floor is yours.",
        "Can you hear me now?",
        "Thank you very much, Jennifer.",
        "Over to you, Jason.",
        "I see a hand in the Zoom room.",
        "Please unmute yourself.",
        "We're running out of time.",
        "Without further ado, let's go to section 2.",
        "I'll turn first to Tomas, who tested the platforms.",
        "Good afternoon and welcome to the session of the coalition.",
        "Is it better now?",
        "Thank you for giving me the floor.",
        "I put some information in the chat.",
        "Next we have Maria from the ministry.",
        "Our last speaker is online, Tomas.",
        "Let me start with Ana, who runs the network.",
        "We have a question online, Ana, it is for you.",
        "Thank you to all the speakers, to the captioners and to everyone online.",
        "I think that's all from my side.",
        "So that is it from us for now.",
        "Is there anybody from the youth coalition in the room?",
        "Are there other comments online?",
        "Next, Ines Varga joins us online from Quito.",  # who is connected and where
        "And our second panellist, who is with us here in the room.",
        "We have three remote hubs connected today, Suva and Apia.",
        "We are about forty participants here in the hub, mostly teachers.",
        "We have around fifty people online already.",
    ],
)
def test_procedural_talk_is_recognised(text: str) -> None:
    assert is_procedural(text)
    assert procedural_weight(text) == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "We need channels of communication out from the IGF to decision makers.",
        "Thank you for the question: funding is the main barrier for volunteer-run coalitions.",
        "Human captioning remains essential for deaf participants.",
        "Countries that adopted a strategy with a budget attached made progress.",
        "The last speaker in our survey, a rural clinic, had no connection at all for a month.",  # not a line-up
        "Is there anybody who still believes self-regulation alone will protect children online?",  # rhetoric, not a floor call
        "That is all the funding we had for the whole region last year.",
        "Our ministry joins us in calling for a regional fund.",  # joining a call, not the session
        "We have 300 people connected to the community network in the valley.",
        "We have two million people online in the country now.",
        "We are eleven people for the whole country.",  # a team's size
        "We are twelve people.",
    ],
)
def test_substance_is_kept(text: str) -> None:
    assert not is_procedural(text)


@pytest.mark.parametrize(
    "said, written",
    [
        (
            "So I think, you know, human captioning remains essential, so on, so on.",
            "Human captioning remains essential.",
        ),
        (
            "why public access ‑‑ why use public access when alternatives are there",
            "Why use public access when alternatives are there.",
        ),
        ("My ‑‑ good day, the statement is published today.", "Good day, the statement is published today."),
        ("And also, basically, donors should coordinate.", "Donors should coordinate."),
        # the caption disfluencies a rapporteur never writes: stutters, discourse markers, framing, asides
        (
            "And so I would say, I would say the key message from our study is that you cannot manage what you do not measure.",
            "You cannot manage what you do not measure.",
        ),
        (
            "Um, so, what we found is that, that most of the, the clinics run on, you know, solar panels.",
            "Most of the clinics run on solar panels.",
        ),
        (
            "Yeah, the ministry published a standard, which by the way is what the unions asked for.",
            "The ministry published a standard, which is what the unions asked for.",
        ),
        ("Well, I think the the schools could share one server, for example,", "The schools could share one server."),
        ("This is, let's say, a problem of budgets.", "This is a problem of budgets."),
        # "so far" and "so long as" are no discourse marker: "Far, we had ..." reads as an address
        ("So far, no hospital has lost data.", "So far, no hospital has lost data."),
        ("So long as the grid fails, clinics lose power.", "So long as the grid fails, clinics lose power."),
    ],
)
def test_compress_only_deletes_filler(said: str, written: str) -> None:
    out = compress(said)
    assert out == written
    said_words = {w.strip(".,‑").lower() for w in said.split()}
    assert {w.strip(".,‑").lower() for w in out.split()} <= said_words  # nothing added


@pytest.mark.parametrize(
    "said",
    [
        "I would like to suggest that the coalition collects the prices of backhaul in every region.",
        "So I would like to propose that the secretariat opens a page for each report.",
        "I would like to recommend that ministries publish the spectrum fees.",
    ],
)
def test_compress_keeps_a_proposal_a_proposal(said: str) -> None:
    # deleting "I would like to suggest that" would print the suggestion as a fact
    out = compress(said)
    assert out.lower().startswith("i would like to")


def test_units_are_exact_slices_with_source_lines() -> None:
    session = parse_transcript(CAPTION)
    units = session_units(session)
    lines = CAPTION.split("\n")
    for unit in units:
        turn = session.turns[unit.turn]
        assert turn.text[unit.start : unit.end] == unit.text
        assert unit.text.split()[0] in lines[unit.line - 1]
    last = units[-1]
    assert last.text == "Human captioning remains essential for deaf participants"
    assert last.line == 6 and last.speaker == "Ana Silva"


def test_terms_drop_stopwords_and_filler() -> None:
    assert terms("Yeah, you know, we really need funding") == ["need", "fund"]
