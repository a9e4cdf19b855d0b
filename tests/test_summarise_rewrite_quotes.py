"""The rewrite stage's quotation marks, hedges and back-links (issue 23, item 1).

A caption sentence cut inside a quoted card ("It failed because ... cards." with its opening
mark only) or a reading that closes on its own stop used to become a bullet with half a
quotation or '."."'; a trailing "I think", a resumed "I was saying," and a "For this reason,"
that points at the sentence before were left in. The bullet drops them; the citation still
quotes the sentence as said.
"""

from __future__ import annotations

import hashlib

import pytest

from forumlens.summarise import build_report, check_citations
from forumlens.summarise.compress import full_stop
from forumlens.summarise.rewrite import balance_quotes, dangling, render_sentence, restart
from forumlens.summarise.wording import institution, voice_for
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ('"Prices rose because the towers ran on diesel.', "Prices rose because the towers ran on diesel."),
        ("the clinics had no signal at night.”", "the clinics had no signal at night."),
        ("“Every school lost its link in May.", "Every school lost its link in May."),
        ('The card read: "the map was on paper."', 'The card read: "the map was on paper."'),
        ('They call it "green" electricity.', 'They call it "green" electricity.'),
    ],
)
def test_a_quotation_mark_the_sentence_does_not_pair_is_dropped(said: str, shown: str) -> None:
    assert balance_quotes(said) == shown


def test_a_quotation_closing_on_its_own_stop_gets_no_second_one() -> None:
    assert full_stop('The motion was: "never justified."') == 'The motion was: "never justified."'
    assert full_stop("The motion was never justified") == "The motion was never justified."
    out = render_sentence('The card from Lagos said: "The kiosks closed when the grant ended."')
    assert out is not None and out.text == 'The card from Lagos said: "The kiosks closed when the grant ended."'


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        (
            "Asking the operators for data is within the regulator's powers, I think.",
            "Asking the operators for data is within the regulator's powers.",
        ),
        (
            "I was saying, the district plans to connect every kiosk next year.",
            "The district plans to connect every kiosk next year.",
        ),
        ("For this reason, the ministry reformed the fund in 2023.", "The ministry reformed the fund in 2023."),
        ("That is why the regulator must map the clinics first.", "The regulator must map the clinics first."),
    ],
)
def test_hedges_resumptions_and_back_links_are_dropped(said: str, shown: str) -> None:
    out = render_sentence(said)
    assert out is not None and out.text == shown and "filler" in out.steps


def test_a_link_that_carries_a_condition_or_a_claim_stays() -> None:
    """ "In that case" makes what follows conditional, and "I think" at the start is handled
    (with its "that") by the hedge rule: neither is a back-link to drop here."""
    assert restart("In that case, the fund pays for the phones.") == "In that case, the fund pays for the phones."
    assert restart("That is not why the fund exists.") == "That is not why the fund exists."


CARDS = """Pre-mortem on a network switch-off

>> CHAIR:  Good morning.  Let us read the cards from the wall.

>> ADAEZE OKONKWO:  The card from the clinic group says: "It failed because the clinics still had old phones.  Nobody replaced them before the date."  For this reason, the regulator must map the clinics before the switch-off.

>> PEDRO SALAZAR:  Rural shops lost card payments for three weeks, I think.  I was saying, the terminals used the old network and nobody told the shop owners.

>> CHAIR:  Thank you all, we will stop here.
"""


def test_a_report_of_cards_shows_no_half_quotations_and_cites_verbatim() -> None:
    session = parse_transcript(CARDS, source="c.txt", sha256=hashlib.sha256(CARDS.encode()).hexdigest())
    report = build_report(session)
    assert check_citations(report, [session]) == []
    shown = [b.text for section, b in report.bullets() if section != "open_questions"]
    assert shown
    for text in shown:
        assert text.count('"') % 2 == 0 and '."."' not in text and '.".' not in text, text
        assert "I think" not in text and "I was saying" not in text and "For this reason" not in text, text


@pytest.mark.parametrize(
    "said",
    [
        "It is not expensive in itself, it is the reason the other costs grow.",
        "They have no papers, they are waiting for the card for two years.",
    ],
)
def test_two_clauses_both_headed_by_a_pronoun_point_back(said: str) -> None:
    """The second clause's pronoun follows a comma, but the first clause is headed by one too:
    what "it" or "they" is was said before the sentence, so it is not a point on its own."""
    assert dangling(said)
    assert render_sentence(said) is None


def test_a_list_after_a_full_clause_is_not_dangling() -> None:
    assert not dangling("Cooperation works, that strategies need budgets and people.")


def test_an_affiliation_without_a_word_is_not_shown() -> None:
    """A stray letter the analysis took for an affiliation ("G" from a group card) is not an
    institution: the voice has no org, so no bullet reads "Name (G): ..."."""
    assert institution("G.") is None and institution("3") is None
    assert institution("UN DESA") == "UN DESA"
    voice = voice_for("Thuy Linh", "guest", "G")
    assert voice.org is None and voice.body is None
    said = render_sentence("We will publish the numbers every year.", voice)
    assert said is not None and said.text.startswith("Thuy Linh: We will publish")
