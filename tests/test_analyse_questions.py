"""Questions and their fate: small sessions written to show each rule, then the shared one."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questions import is_question_sentence
from forumlens.transcript.parse import parse_transcript


def _questions(text: str) -> list[dict]:
    return find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]


@pytest.mark.parametrize(
    "sentence, moderator, following, expected",
    [
        ("How does your coalition contribute to these efforts.", True, "", True),  # caption lost the "?"
        ("So, how does the work of this group help children.", True, "", True),
        ("If you think about youth, what would be your main point.", True, "", True),
        ("I wanted to ask what can be done for the open Internet.", True, "", True),
        ("Can you hear us in the room?", True, "", False),  # housekeeping
        ("Is there anybody from the coalition online?", True, "", False),
        ("We want to look at how the coalitions work, and what is being done.", True, "", False),  # agenda statement
        ("Has it been enforced?", False, "The short answer is no.", False),  # rhetorical, self-answered
        ("Why did we do so?", False, "", False),  # rhetorical inside an answer
        ("It would be helpful to know how much financing is needed.", False, "", True),
        ("My question is for Kofi.", False, "", True),
        ("How can young people get involved?", False, "", False),
        ("How can young people get involved?", False, "", False),
    ],
)
def test_sentence_rules(sentence: str, moderator: bool, following: str, expected: bool) -> None:
    assert is_question_sentence(sentence, moderator, following) is expected


def test_floor_question_needs_no_you() -> None:
    assert is_question_sentence("How can young people get involved?", False, "", floor=True)


def test_direct_answer() -> None:
    qs = _questions(
        ">> MODERATOR: Ana, how does your network survive after the grant?\n"
        ">> ANA LIMA: A local cooperative collects a small fee from every household.\n"
    )
    assert [(q["status"], q["answer_lines"], q["to"]) for q in qs] == [("answered", [2], "Ana Lima")]


def test_declined_question_is_unanswered() -> None:
    qs = _questions(
        ">> MODERATOR: Ben, what can the coalition on community networks do here?\n"
        ">> BEN OKAFOR: I'm not a member of that coalition, so I can't answer that for them.\n"
        ">> MODERATOR: Thank you. Let's move to our second topic, skills.\n"
        ">> CARA DIAZ: Skills are the real bottleneck for local networks today.\n"
    )
    assert qs[0]["status"] == "unanswered"


def test_deferred_then_reasked_is_answered_later() -> None:
    qs = _questions(
        ">> MODERATOR: Dana, how do you fund the network? Dana is not online yet, so let me ask Eli instead. "
        "Eli, what do regulators think of light licensing?\n"
        ">> ELI STONE: Regulators like it for areas without any coverage at all.\n"
        ">> MODERATOR: Dana has joined. I will repeat the question. Dana, how do you fund the network?\n"
        ">> DANA PRICE: Mostly from a monthly fee paid by the members of the cooperative.\n"
    )
    assert len(qs) == 2
    first = qs[0]
    assert first["status"] == "answered-later" and first["answer_lines"] == [4] and first["line"] == 1
    assert qs[1]["status"] == "answered"


def test_chat_question_read_by_moderator_and_left_open() -> None:
    qs = _questions(
        ">> MODERATOR: We have a question in the chat from Lucia Fernandez. She asks, what role can "
        "banks play in connecting these projects? It is food for thought for everyone.\n"
        ">> MODERATOR: Now, the next speaker on our list, please go ahead.\n"
        ">> OMAR HADDAD: Thank you. I want to talk about translation of our report into French.\n"
    )
    assert qs and qs[0]["by"] == "Lucia Fernandez" and qs[0]["status"] == "unanswered"


def test_moderator_reply_answers_floor_question() -> None:
    qs = _questions(
        ">> MODERATOR: Any questions from the floor? The gentleman at the back.\n"
        ">> PARTICIPANT: Will the outputs of today be summarised somewhere we can cite?\n"
        ">> MODERATOR: Yes, the rapporteur will publish a two-page summary on the website within two weeks.\n"
    )
    assert [(q["status"], q["answer_lines"]) for q in qs] == [("answered", [3])]


def test_shared_session_known_fates(main_text: str) -> None:
    qs = find_intel(parse_transcript(main_text)).to_json()["questions"]
    by_to = {q["to"]: q for q in qs}
    assert by_to["DC on Community Connectivity"]["status"] == "unanswered"
    gender = by_to["DC on Gender and Internet Governance"]
    assert gender["status"] == "answered-later" and gender["answer_lines"] == [211]
    hub = next(q for q in qs if q["by"] == "Dhaka Bangladesh")
    assert hub["status"] == "unanswered" and "affordable" in main_text.split("\n")[hub["line"] - 1]
    financing = next(q for q in qs if "how much financing" in q["text"])
    assert financing["status"] == "unanswered"
    for q in qs:  # quotes are verbatim
        assert q["text"] in main_text
