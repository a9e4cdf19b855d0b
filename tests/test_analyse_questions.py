"""Questions and their fate: small sessions written to show each rule, then the shared one."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questions import is_housekeeping, is_question_sentence
from forumlens.transcript.parse import parse_transcript

from .questions_support import rule_questions


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


def test_rules_moderator_reply_answers_floor_question() -> None:
    qs = rule_questions(
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


# Floor management voiced as a question (issue 17, item 8): the shape of the whole
# sentence decides, once a leading vocative is set aside; the same topic words in a
# question of substance keep it a question.
@pytest.mark.parametrize(
    "sentence",
    [
        "Omar, do we have questions?",  # the co-moderator is asked about the room
        "Leila, is there a question online?",
        "Pablo, anything in the chat?",
        "I think we have Ines online?",
        "Sami, you're in the room?",
        "Hello, can I speak?",  # asking for the floor
        "May I ask a short question from the floor?",
        "Ms. Adeyemi?",  # a name called out
        "No?",
        "That is a big one and I'm afraid we are out of time, so let me keep it as a question for next year.",
        "We are running out of time, any last questions?",
    ],
)
def test_housekeeping_is_not_a_question(sentence: str) -> None:
    assert is_housekeeping(sentence)
    assert not is_question_sentence(sentence, True, "", floor=True)


@pytest.mark.parametrize(
    "sentence",
    [
        "How do we protect children online?",  # ends like a presence check, asks something
        "Can I ask you, how does your coalition fund its work?",
        "We are nearly out of time, so, what is the one change you would make?",
        "Before we wrap up: which outcome would you like to see next year?",
        "How do small delegations cope when they run out of time in negotiations?",
        "Why?",
        "Omar, how did the regulators react to the report?",
    ],
)
def test_questions_of_substance_stay_questions(sentence: str) -> None:
    assert not is_housekeeping(sentence)
    assert is_question_sentence(sentence, True, "")


_HYBRID = (
    ">> MODERATOR: Welcome. Our online moderator today is Tariq Aziz. Mina Cho, the floor is yours.\n"
    ">> MINA CHO: Thank you. Our coalition mapped forty community libraries and we need funds for the next survey.\n"
    ">> MODERATOR: Thank you, Mina. Tariq, do we have questions?\n"
    ">> TARIQ AZIZ: Yes, we do. The first one is from Lena Berg, for Mina: how do you keep the libraries open after"
    " the grant ends?\n"
    ">> MODERATOR: Mina, maybe you want to comment?\n"
    ">> MINA CHO: Sure. The municipalities take over the running costs after the second year.\n"
    ">> MODERATOR: Tariq, what are people in the chat saying about the survey method?\n"
    ">> TARIQ AZIZ: Several people in the chat like the method and ask to reuse the questionnaire at home.\n"
    ">> PARTICIPANT: Hello, can I speak? Why are the rural libraries not in the survey?\n"
    ">> MINA CHO: They are, in the second wave of the survey next spring.\n"
    ">> MODERATOR: I'm afraid we are out of time, so let me leave that as a question for the next meeting."
    " Thank you all.\n"
)


def test_floor_management_is_not_tracked() -> None:
    """Asking the co-moderator for questions, handing a question on, asking to speak and
    closing for time are no questions; the questions they surround are tracked once."""
    qs = _questions(_HYBRID)
    assert [q["line"] for q in qs] == [4, 7, 9]
    assert not any(is_housekeeping(q["text"]) for q in qs)
    assert qs[2]["text"] == "Why are the rural libraries not in the survey?"  # not "Hello, can I speak?"


def test_rules_relayed_question_has_its_asker_and_addressee() -> None:
    relayed = rule_questions(_HYBRID)[0]
    assert (relayed["by"], relayed["asked_by"], relayed["to"]) == ("Lena Berg", "Tariq Aziz", "Mina Cho")
    assert (relayed["status"], relayed["answer_lines"]) == ("answered", [6])


def test_request_to_a_co_moderator_answered_on_the_next_line() -> None:
    """Asked of a named person who speaks next: answered there, even by a moderator, and a
    question about the chat is the moderator's own (not one read from the chat)."""
    chat = _questions(_HYBRID)[1]
    assert chat["by"] is None and "asked_by" not in chat  # the MODERATOR label names no one
    assert (chat["to"], chat["status"], chat["answer_lines"]) == ("Tariq Aziz", "answered", [8])


def test_question_after_a_vocative_sentence_in_the_opening_is_addressed() -> None:
    qs = _questions(
        ">> MODERATOR: Good afternoon, I will moderate. Let's start with the first policy question, "
        "sustainable funding. Kofi, you ran networks in three districts. What happens when the donor money ends?\n"
        ">> KOFI MENSAH: Usually the network slowly dies unless a local cooperative collects a fee.\n"
    )
    assert [(q["line"], q["to"], q["status"]) for q in qs] == [(1, "Kofi Mensah", "answered")]


@pytest.mark.parametrize(
    "relative, housekeeping",
    [
        ("resolve/virtual-youth-ws-2020.txt", ("do we have questions", "can I speak")),
        ("summarise/of-cyber-capacity-2019.txt", ("out of time",)),
        ("summarise/dc-accessibility-2022.txt", ()),
    ],
)
def test_real_sessions_track_no_floor_management(relative: str, housekeeping: tuple[str, ...]) -> None:
    """The shapes above in caption transcripts: none of their lines is tracked as a question."""
    from .conftest import RESOURCES

    text = (RESOURCES / relative).read_text("utf-8")
    assert all(phrase in text for phrase in housekeeping)  # the sample still has them
    qs = find_intel(parse_transcript(text)).to_json()["questions"]
    assert qs, "the real questions are still found"
    for q in qs:
        assert not any(phrase in q["text"] for phrase in housekeeping), q
        assert len(q["text"].split()) > 2, q


@pytest.mark.parametrize(
    "sentence",
    [
        "Can everybody see the shared slides?",
        "Is the sound okay in the room?",
        "Do I have four minutes or three?",
        "Okay, shall we take the family photo now?",
        "Marta, could you unmute yourself?",
        "Can we go to the next slide?",
    ],
)
def test_logistics_questions_are_housekeeping(sentence: str) -> None:
    assert is_housekeeping(sentence)
    assert not is_question_sentence(sentence, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Does the new law limit the screen time of children?",
        "Can the slides of the regulator's consultation be changed by the public, and who decides?",
        "Is the working group on spectrum open to small operators?",
    ],
)
def test_questions_about_substance_are_not_logistics(sentence: str) -> None:
    assert not is_housekeeping(sentence)


def test_question_answered_by_its_own_speaker_is_rhetorical() -> None:
    assert not is_question_sentence("Did the ministry listen?", True, "I don't think so.")
    assert not is_question_sentence("Is this sustainable?", False, "Not really, and here is why.", floor=True)


CUT_OFF_SESSION = """>> MODERATOR:  Welcome.  Tariq, how did the cooperative pay for the towers?

>> TARIQ AZIZ:  With a loan from a local bank and a monthly fee from every household.

>> MODERATOR:  Thank you.  We take two questions from the floor.

>> PARTICIPANT:  Thank you, Lina from Amman.  Tariq, what interest rate did the bank ask for?

>> MODERATOR:  I am afraid we are out of time and the next session is waiting.  Maybe Tariq can answer by email.  Thank you all for coming.

>> TARIQ AZIZ:  Thank you everybody, and thanks to the organisers for a great session.
"""

BRIEF_SESSION = """>> MODERATOR:  Welcome.  Tariq, how did the cooperative pay for the towers?

>> TARIQ AZIZ:  With a loan from a local bank and a monthly fee from every household.

>> MODERATOR:  We take one question from the floor.

>> PARTICIPANT:  Thank you, Lina from Amman.  Tariq, what interest rate did the bank ask for?

>> MODERATOR:  We are almost out of time, so Tariq, very briefly please.

>> TARIQ AZIZ:  Six percent over five years, and the bank asked for the municipality as guarantor.
"""


def test_question_cut_off_for_time_is_unanswered() -> None:
    qs = {q["text"][:20]: q for q in _questions(CUT_OFF_SESSION)}
    rate = next(q for k, q in qs.items() if "interest rate" in q["text"])
    assert rate["status"] == "unanswered" and rate["answer_lines"] == []
    towers = next(q for q in qs.values() if "towers" in q["text"])
    assert towers["status"] == "answered"


def test_question_handed_over_briefly_despite_time_is_answered() -> None:
    rate = next(q for q in _questions(BRIEF_SESSION) if "interest rate" in q["text"])
    assert rate["status"] == "answered" and rate["answer_lines"] == [11]
