"""What a reply says to a question, read from grammar and matter (`analyse.replyevidence`), and the
`say:` fate features built on it (`questionfeatures.said_features`). Sentences and sessions are
written for these tests."""

from __future__ import annotations

import pytest

from forumlens.analyse.context import build_context
from forumlens.analyse.questiongroups import find_question_groups
from forumlens.analyse.questions import question_fates
from forumlens.analyse.replyevidence import matter, opening, own_words, parks, uptake, withholds_speech
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "sentence",
    [
        "Honestly, I couldn't tell you what the board will do.",
        "We have not decided that yet.",
        "Nobody in this room can speak for the regulator.",
        "Frankly I am not the one who decides the budgets.",
        "That one we really don't know.",
        "No one at this table could confirm the figure.",
    ],
)
def test_withheld_speech_is_a_negated_verb_of_knowing_or_saying_after_i_we_or_nobody(sentence: str) -> None:
    assert withholds_speech(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I don't think the law is ready.",  # a hedge: "think" is no verb of knowing or saying here
        "We decided in May to publish it.",  # no negation
        "I can tell you that it is twelve.",
        "They cannot tell us anything, says the ministry.",  # not the speaker's side
        "I am not sure the villages are on any list, the list has forty names.",  # no verb of the class
    ],
)
def test_answers_hedges_and_third_persons_withhold_nothing(sentence: str) -> None:
    assert not withholds_speech(sentence)


def test_parking_points_back_at_the_question_and_to_a_later_time() -> None:
    assert parks("Could we leave this one until the coffee break?")
    assert parks("I will take them after the second panel.")
    assert not parks("It was after the floods that the towers came.")  # the past, not a deferral
    assert not parks("The towers reach the valley until the river.")  # nothing points back


def test_uptake_counts_the_question_matter_the_best_reply_sentence_takes_up() -> None:
    m = matter("How many of the 40 clinics in Tamale use the solar fridges?")
    assert uptake(m, "Thank you.  All 40 clinics in Tamale have solar fridges now.") >= 4
    assert uptake(m, "Thank you.  We should speak about trust in general.") == 0


def test_opening_skips_courtesy_and_own_words_tell_the_reader_from_the_asker() -> None:
    assert opening("Ah.  Thank you, Mirela.  I cannot say it here.  The rest later.") == ["I cannot say it here."]
    assert own_words("The answer is yes, the toolkit is online since March.")
    assert not own_words("And she says also that the toolkit should be in Romanian.")


DECLINED = """\
>> CHAIR:  The floor is open.

>> SUNITA RAO:  Sunita Rao, from a farmers' radio.  Will your ministry fund the rural radio stations next year?

>> PETER OKAFOR:  That part I really do not know, the minister decides the budget in March.  We spoke with the stations twice.

>> CHAIR:  Thank you both.  Next, the lady in the back.
"""

ANSWERED = DECLINED.replace(
    "That part I really do not know, the minister decides the budget in March.",
    "Yes, the ministry funds the rural radio stations next year, twelve of them.",
)


def _features(text: str, line: int) -> list[str]:
    ctx = build_context(parse_transcript(text), mentions=[])
    groups = find_question_groups(ctx)
    records = question_fates(ctx, groups, None, with_features=True)
    return next(r.features for g, r in zip(groups, records, strict=True) if g.line == line)


def test_a_reply_opening_with_withheld_speech_gives_the_model_its_feature() -> None:
    declined, answered = _features(DECLINED, 3), _features(ANSWERED, 3)
    assert "say:withholds" in declined
    assert "say:withholds" not in answered
    assert "say:uptake-much" in answered  # the answer takes up ministry, fund, rural, radio, stations
