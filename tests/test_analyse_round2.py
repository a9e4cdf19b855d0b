"""Round 2 of issue 22: clause cuts of unpunctuated and addressed lines, the new ask-shaped
evidence of the classifier, and questions set aside for time or taken offline.

Inputs are written here (invented speakers); the blind sessions are never read by tests
except for the format check in test_analyse_askmodel.
"""

from __future__ import annotations

from forumlens.analyse import find_intel
from forumlens.analyse.askmodel import load_ask_model, type_features
from forumlens.analyse.clauses import ask_units
from forumlens.analyse.questions import is_question_sentence
from forumlens.transcript.parse import parse_transcript


def _pieces(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in ask_units(sentence)]


def test_unpunctuated_caption_line_is_cut_at_spoken_clause_starts() -> None:
    line = (
        "thank you chair so for our forum the year was hard because the sponsor left before the event "
        "so the regional forums need a stable fund that does not depend on one company and second thing "
        "the committee should give the young organisers a real role in the planning and third the host "
        "country should pay the travel of one organiser from each small forum"
    )
    pieces = _pieces(line)
    assert len(pieces) >= 4
    assert any(p.startswith("so the regional forums need a stable fund") for p in pieces)
    assert any(p.startswith("and third the host") for p in pieces)
    assert "".join(pieces).replace(" ", "") in line.replace(" ", "") or all(p in line for p in pieces)


def test_punctuated_short_sentences_are_not_cut_at_bare_conjunctions() -> None:
    sentence = "We met in May and also in June so that everybody could come."
    assert _pieces(sentence) == [sentence]


def test_addressed_heading_is_cut_and_becomes_context() -> None:
    sentence = "To the licensing authorities in the region: cut the fee for non-profit networks to a symbolic amount."
    pieces = _pieces(sentence)
    assert pieces[-1].startswith("cut the fee")
    feats = type_features(pieces[-1], "Thank you. To the licensing authorities in the region: ")
    assert "ctx:addressee" in feats and "imperative" in feats


def test_offer_cleft_and_third_party_need_are_ask_evidence() -> None:
    model = load_ask_model()
    assert model is not None
    assert "cue:offer" in type_features("Our institute is ready to host the next meeting of the coordinators.")
    assert "cue:cleft" in type_features("What we would ask from the ministries is a budget line for the forum.")
    assert "cue:third-need" in type_features("Librarians need more training on privacy tools.")
    assert "cue:past" not in type_features("We need the agency to publish the decisions.")
    assert (
        model.predict("Our institute is ready to host the next meeting of the coordinators.").p_ask >= model.threshold
    )
    assert model.predict("I am happy to be here today with all of you.").p_ask < model.threshold


def test_pseudo_cleft_statement_is_not_a_question() -> None:
    assert not is_question_sentence("What I would ask from the regulators is a simple licence.", moderator=False)
    assert is_question_sentence("What would you ask from the regulators?", moderator=True)


TAKEN_OFFLINE = """Test session

>> MODERATOR:  Welcome.  Let us open the floor.

>> AUDIENCE:  Thank you, Ines Duarte from a library network.  A question for Peter: will your fund also pay for running costs?

>> MODERATOR:  I am sorry, we are out of time, so we will have to take those offline.  Thank you all and see you tomorrow.

>> PETER HOLM:  Thank you everybody, goodbye.
"""


def test_question_taken_offline_for_time_is_unanswered() -> None:
    session = parse_transcript(TAKEN_OFFLINE, source="offline.txt")
    questions = find_intel(session).to_json()["questions"]
    asked = [q for q in questions if "running costs" in q["text"]]
    assert asked and asked[0]["status"] == "unanswered"


# --- Precision round (issue 22): the round-2 evidence let vague statements in; these keep them out.


def test_could_is_a_suggestion_only_as_the_main_clause() -> None:
    assert "cue:could" in type_features("Maybe we could pair each newcomer with a mentor from another region.")
    assert "cue:could" in type_features("And you might invite the mayors to the next round.")
    for sentence in (
        "I hope to learn from the other groups where the networks can work together.",
        "The forms arrived late, so we could not compare the provinces.",
        "We had a contact person we could phone at any hour.",
        "We can see the numbers going up every year.",
    ):
        assert "cue:could" not in type_features(sentence), sentence


def _asks_of(turn: str) -> list[dict]:
    text = f"Test session\n\n>> MODERATOR:  Welcome, Amara.\n\n>> AMARA DIALLO:  {turn}\n"
    return find_intel(parse_transcript(text, source="t.txt"), mentions=[]).to_json()["asks"]


def test_passive_cue_without_category_keyword_is_not_routed() -> None:
    """ "will be published", "need to be stressed": a passive cue names no one who acts; an
    announced output is `analyse.outputs`' business, an emphasis is nobody's ask."""
    assert _asks_of("We wrote a short charter last spring, which will be published after the review in June.") == []
    assert _asks_of("Thank you.  Those two findings need to be highlighted.") == []


def test_heading_before_a_colon_is_context_not_an_ask() -> None:
    asks = _asks_of(
        "So my message to the Minister and to everybody in this room: give the youth a vote in the follow-up."
    )
    assert [a["quote"] for a in asks] == ["give the youth a vote in the follow-up."]


def test_keywordless_recommendation_is_policy_or_a_confident_category_else_other() -> None:
    from forumlens.analyse.askcategory import keywordless_category
    from forumlens.analyse.askmodel import Prediction

    def pred(category: str, p: float, p_ask: float = 1.0) -> Prediction:
        return Prediction(p_ask, "recommendation", category, {category: p, "other": 1 - p})

    assert keywordless_category("recommendation", pred("policy", 0.4), "should add") == "policy"
    assert keywordless_category("recommendation", pred("agenda", 0.3), "should add") == "other"
    assert keywordless_category("recommendation", pred("visibility", 0.8), "should add") == "visibility"
    assert keywordless_category("ask", pred("support", 0.8, p_ask=0.95), "we will share it") == "support"
    assert keywordless_category("ask", pred("support", 0.8, p_ask=0.7), "we need") == "other"  # unsure it is an ask
    assert keywordless_category("commitment", pred("policy", 0.9), "will be released next month") == "other"


def test_taught_is_a_capacity_building_keyword() -> None:
    from forumlens.analyse.asks import category_scores

    assert "capacity-building" in category_scores("Pupils need lessons on online safety, taught by people who know it.")
