"""Sessions whose content is a chair's own talk: a training, a document presented by its
author (issue 23). The chair who says most of the session is its presenter: their
sentences weigh in full and each of their turns is its own share of the per-speaker cap;
the room's logistics (the network, the chat, an offer to translate, "I will show you")
and the introduction of the next voice from the floor are no takeaway.

The fixture is invented here (no corpus text): a short digital-safety clinic.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from forumlens.models import Session
from forumlens.summarise import build_report, rank
from forumlens.summarise.context import build_context
from forumlens.summarise.procedural import is_procedural
from forumlens.summarise.rank import importance, presenting
from forumlens.summarise.report import _person_of, _voice_of
from forumlens.summarise.roles import is_relay
from forumlens.transcript.parse import parse_transcript

CLINIC = """Hands-on clinic on account security

>> FACILITATOR:  Welcome to the clinic.  This is a training, not a panel.  We have three parts: accounts, phones and backups.

>> TOMAS VERHOEVEN-SILVA:  I am reading the chat from the remote participants.  The Wi-Fi name and password are on the screen.

>> FACILITATOR:  Part one, accounts.  When one website is hacked, the stolen passwords are sold in lists and tried on email accounts.  A different password for every important account is the only defence, and a password manager makes that possible without memorising anything.  I will show you one, it is free and open source.  The master passphrase should be four or five random words, which is stronger than a short word with symbols.

>> FROM THE FLOOR:  Our office has one computer shared by eight people, and a virus destroyed four years of recordings last year.

>> FACILITATOR:  Part two, phones.  A lock code of six digits or more encrypts most newer phones, so a lost phone cannot be read without it.  Journalists crossing checkpoints are safer carrying a second phone with no sources stored under real names.  Remote wipe lets the owner erase a phone that was taken and not returned.

>> TOMAS VERHOEVEN-SILVA:  The gentleman is a local news editor from the coast.  His reporters use one messaging application for everything.

>> FACILITATOR:  Part three, backups.  Three copies of important files on two kinds of storage, with one copy kept outside the office, protect a newsroom against theft and fire.  A disk that is disconnected after each weekly backup survives a virus that destroys the computer.  Separate user accounts on a shared computer stop one bad attachment from destroying everyone's files.  Donors should pay for translations and local trainers rather than another new application.
"""


@pytest.fixture(scope="module")
def clinic() -> Session:
    return parse_transcript(CLINIC, source="clinic.txt", sha256="clinic")


def test_the_chair_who_says_most_of_the_session_is_its_presenter(clinic: Session) -> None:
    ctx = build_context(clinic)
    trainer = "FACILITATOR"
    assert trainer in ctx.chairs  # a generic chair label
    assert presenting(ctx.units, ctx.chairs) == {trainer}
    # a chair who says little is only running the room
    cohost = next(w for w in {u.who for u in ctx.units} if w.startswith("Tomas"))
    assert presenting(ctx.units, {cohost}) == frozenset()
    assert presenting((), {trainer}) == frozenset()


def test_a_presenting_chair_keeps_full_weight_and_a_share_per_turn(clinic: Session) -> None:
    ctx = build_context(clinic)
    trainer = "FACILITATOR"
    mine = [u for u in ctx.units if u.who == trainer and rank.rankable(u)]
    model = rank.rank_units(ctx.units, {trainer}).model
    assert model is not None and trainer not in model.chairs  # no chair's lesser weight
    person = _person_of(_voice_of(model), presenting(ctx.units, {trainer}))
    assert len({person(u) for u in mine}) == len({u.turn for u in mine}) > 2
    plain = _person_of(_voice_of(model))
    assert len({plain(u) for u in mine}) == 1


def test_a_training_reports_the_trainers_points_not_the_rooms_logistics(clinic: Session) -> None:
    report = build_report(clinic)
    text = " ".join(b.text for b in report.takeaways)
    assert "Wi-Fi" not in text and "reading the chat" not in text
    assert "I will show you" not in text and "local news editor" not in text
    # more than the two points a single speaker used to be capped at, from at least two parts
    trainer_lines = {u.line for u in build_context(clinic).units if u.who == "FACILITATOR"}
    cited = [b for b in report.takeaways if any(c.line in trainer_lines for c in b.citations)]
    assert len(cited) > 2


@pytest.mark.parametrize(
    "text",
    [
        "The Wi-Fi name and password are on the screen.",
        "Njeri, the Wi-Fi is down.",
        "If you prefer to ask in Turkish, ask me and I will translate.",
        "I am also reading the chat from the remote participants.",
        "I will show you one, it is free and open source.",
        "We are going to show you the dashboard now.",
        "The session is recorded and the recording will be published on the IGF YouTube channel.",
        "The recording of this session will be available on the website.",
    ],
)
def test_room_logistics_are_procedure(text: str) -> None:
    assert is_procedural(text)


@pytest.mark.parametrize(
    "text",
    [
        "Free public Wi-Fi in libraries is how many rural students get online.",
        "The report will show you that two thirds of schools have no connection.",
        "Machine translation of the guides is not good enough for legal texts.",
        "Every hearing of the court is recorded, so the judges cannot deny what was said.",
    ],
)
def test_content_about_networks_and_translation_is_not_procedure(text: str) -> None:
    assert not is_procedural(text)


def test_introducing_the_next_voice_from_the_room_is_a_relay() -> None:
    assert is_relay("The gentleman is a local news editor from the south-east of the country.")
    assert is_relay("The lady in the second row is a teacher from Accra.")
    assert not is_relay("The participant is right that the law is unclear.")
    assert not is_relay("The gentleman asked the right question about funding.")


def test_a_speakers_stated_message_counts_as_a_finding() -> None:
    ctx = build_context(parse_transcript(CLINIC, source="clinic.txt", sha256="clinic"))
    unit = ctx.units[0]
    for said, weight in [
        ("So my message is that governance without capacity building is a new divide.", 1.3),
        ("The bottom line is that small operators cannot pay for the audits.", 1.3),
        ("The message of the song is hope.", 1.0),
    ]:
        assert importance(replace(unit, text=said)) == pytest.approx(weight)


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Connectivity kept societies running, and every speaker said it reached the connected first.", True),
        ("All the speakers stressed that funding must be predictable.", True),
        ("Most of our panellists noted the gap between the capital and the islands.", True),
        ("Each speaker has four minutes for a statement.", False),
        ("The speaker from the bank said the window opens in March.", False),
    ],
)
def test_what_the_speakers_had_in_common_is_a_summary(text: str, summary: bool) -> None:
    assert bool(rank.SUMMARY.search(text)) is summary
