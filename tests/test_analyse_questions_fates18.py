"""Question fates of round 18's shapes (issue 22), learned from `asks_blind18` once it became
development data: a refusal is one shape, a first-person "cannot / will not" followed by a verb
of saying and what is not said, whatever the verb ("comment on", "speak about", "take it",
"say it"); a refusal that goes on with "but …" in the same sentence answers. Sentences and the
session are written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse.cues import DECLINE

from .questions_support import rule_questions


@pytest.mark.parametrize(
    "said",
    [
        "Mirela, I cannot comment on an ongoing tender, you know that.",
        "I will not speak about the minister's letter here.  Sorry.",
        "No, I will not take it, I have thirty seconds left.",
        "WE HAVE TO CHECK WITH THE CABINET I CANNOT SAY IT NOW",
        "We would rather not go into that before the court decides.",
    ],
)
def test_a_refusal_with_any_verb_of_saying_declines(said: str) -> None:
    assert DECLINE.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "I cannot comment on every country, but in ours the court decides within a day.",
        "I will not say it is easy, but we did it in three months.",
        "We can talk about it in the break.",
        "I will speak about the budget first, then the schools.",
    ],
)
def test_a_refusal_that_goes_on_with_but_or_no_refusal_is_no_decline(said: str) -> None:
    assert not DECLINE.search(said)


_REFUSED = """>> MODERATOR:  Welcome to the open forum on spectrum.  The floor is open.

>> PARTICIPANT:  Lerato Dube, from Maseru.  Aziz, is your company bidding for the new 5G band?

>> AZIZ KARIMOV:  Lerato, I cannot comment on a running auction, sorry.  The rules of the auction are public.

>> PARTICIPANT:  Tomas Rehak, from Brno.  Aziz, how long does a licence last in your country?

>> AZIZ KARIMOV:  Fifteen years, and it can be renewed once, for ten more years, if the coverage duties are met.

>> MODERATOR:  Thank you all.
"""


def test_a_question_the_addressee_refuses_to_comment_on_stays_unanswered() -> None:
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_REFUSED)}
    assert got == {"band?": "unanswered", "country?": "answered"}
