"""Question shapes of the fifth blind set's misses (stop 21), on the sessions themselves.

The blind5 sets are development data since stop 21; these tests pin the general shapes found
there (`analyse.questioncues`), each on the session that showed it, and on short sentences:
a second "And …?" question listed apart, a question with its own heading from a contributor,
a moderator's verbless hand-off, a co-moderator introduced "online from Moscow, who …" (not a
relay), a reported "NAME asks the panel if …", a moderator answering in their own words or
giving the floor by name, a short "we don't have this number" reply, and unnamed voices under
one collective label.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.context import build_context
from forumlens.analyse.questioncues import intro_name
from forumlens.analyse.questions import is_housekeeping, is_question_sentence, same_speaker
from forumlens.transcript.parse import parse_transcript

from .questions_support import rule_questions

RES = Path(__file__).resolve().parent / "resources"
BLIND5 = RES / "asks_blind5"


def _text(name: str) -> str:
    return (BLIND5 / f"{name}.txt").read_text("utf-8")


def _questions(name: str) -> list[dict]:
    return find_intel(parse_transcript(_text(name)), mentions=[]).to_json()["questions"]


def _gold(name: str) -> dict:
    return json.loads((BLIND5 / f"{name}.gold.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "sentence, moderator, floor, expected",
    [
        ("Question to Anjali: did the BPF receive any contribution from the platforms themselves?", False, False, True),
        ("A question about the scope: does the draft include the ordinary women?", False, False, True),
        (
            "And I would also like to ask the colleagues from the other NRIs, did anybody find a model?",
            False,
            False,
            True,
        ),
        ("For Thandiwe: how many schools have electricity from the grid?", False, False, True),
        ("He asks if the BPF will continue next year or if this is the final document.", False, True, True),
        ("He asks if the BPF will continue next year.", False, False, False),  # not read out from the floor
        ("Joseph, on the quality?", True, False, False),  # hand-off of an earlier question
        ("Mariam, the cost?", True, False, False),
        ("Joseph, what does the regulator do about the quality?", True, False, True),
        ("Aiko, can you look in the data and we come back to it before the end?", True, False, False),
        ("How do we keep the libraries open at night?", False, False, False),  # rhetorical inside a speech
    ],
)
def test_sentence_shapes(sentence: str, moderator: bool, floor: bool, expected: bool) -> None:
    assert is_question_sentence(sentence, moderator, "", floor) is expected


def test_a_reason_after_the_question_makes_it_one() -> None:
    ask = "Is there a fund for NRIs in the IGF, or not?"
    assert is_question_sentence(ask, False, "Because we hear different things.")
    assert not is_question_sentence("Why do we do this?", False, "Because the users pay twice.")


@pytest.mark.parametrize(
    "sentence", ["Rahul, anything from the chat?", "Kwabena, is it working?", "Is it working now?"]
)
def test_chat_and_tech_checks_are_housekeeping(sentence: str) -> None:
    assert is_housekeeping(sentence)


def test_and_question_is_listed_apart_with_the_same_addressee() -> None:
    qs = [q for q in _questions("bpf-2020-virtual-gender-draft-output") if q["line"] == 65]
    assert [q["text"].split("?")[0].split()[-2:] for q in qs] == [["women", "online"], ["the", "campaign"]]
    assert {q["to"] for q in qs} == {"Lucia Fernandez"}  # "Two questions for Ms. Fernández."
    assert {q["status"] for q in qs} == {"unanswered"}  # she had left; forwarded by email


def test_contributor_question_with_a_heading_is_found_and_answered() -> None:
    q = next(q for q in _questions("bpf-2020-virtual-gender-draft-output") if q["line"] == 33)
    assert q["to"] == "Anjali Nair" and q["status"] == "answered" and q["answer_lines"][0] == 35


def test_moderator_handoffs_are_not_questions_and_the_panel_answers_in_turn() -> None:
    qs = _questions("ws-2024-riyadh-qa-runs-out")
    assert not [q for q in qs if q["line"] in (41, 45, 53)]  # "Joseph, on the quality?", "Seru, …?", "Mariam, …?"
    first, second = [q for q in qs if q["line"] == 31]
    assert (first["to"], second["to"]) == ("Hannah Schulz", "Joseph Banda")
    assert first["answer_lines"][0] == 39 and second["answer_lines"][0] == 43
    priya = [q for q in qs if q["line"] == 51 and q["by"] == "Priya"]
    assert len(priya) == 1  # "And Priya asks the panel if anyone has evaluated …"


def test_co_moderator_introduced_online_is_not_a_relayed_question() -> None:
    qs = _questions("nri-2018-paris-latin-america-interpreted")
    assert not [q for q in qs if q["line"] == 7]
    gold_lines = sorted(q["line"] for q in _gold("nri-2018-paris-latin-america-interpreted")["questions"])
    assert sorted(q["line"] for q in qs if q["line"] != 59) == gold_lines  # 59 is an optional room check


def test_moderator_answers_in_own_words_or_gives_the_floor_by_name() -> None:
    by_line = {q["line"]: q for q in rule_questions(_text("dc-2023-kyoto-libraries-report"))}
    assert by_line[43]["status"] == "answered" and by_line[43]["answer_lines"] == [45]  # "Very easy, …"
    assert by_line[47]["status"] == "answered" and by_line[47]["answer_lines"][0] == 51  # "Aiko, do we have French?"
    nri = {q["line"]: q for q in rule_questions(_text("nri-2018-paris-latin-america-interpreted"))}
    assert nri[47]["answer_lines"][0] == 51  # "Who wants to take it?  Oksana?"
    assert nri[65]["status"] == "answered"  # "Yes, we will include it in the report …"


def test_we_do_not_have_this_number_is_not_an_answer() -> None:
    q = next(q for q in _questions("dc-2023-kyoto-libraries-report") if q["line"] == 59)
    assert q["status"] == "unanswered"


def test_unnamed_voices_under_one_collective_label_are_different_people() -> None:
    ctx = build_context(parse_transcript(_text("ws-2024-riyadh-qa-runs-out")), mentions=[])
    audience = [t.index for t in ctx.turns if t.label == "AUDIENCE"]
    assert len(audience) >= 4
    assert not same_speaker(ctx, audience[0], audience[1])  # Nomvula, then Tomás


@pytest.mark.parametrize(
    "opening, name",
    [
        ("Thank you.  Nomvula Dlamini, South Africa, I am a researcher.  ", "Nomvula Dlamini"),
        ("Hi, I'm Leah Goldberg, from a youth network.  ", "Leah Goldberg"),
        ("Yes, please.  Thank you.  I am Jean-Baptiste Mukendi, from the Congo IGF, ", "Jean-Baptiste Mukendi"),
        ("Thank you, madam chair.  Ricardo Mendes, from Brazil, ", "Ricardo Mendes"),
        ("Thank you.  I am from the ministry of health.  ", None),
        ("So, the question is simple.  ", None),
        ("Thank you, Jennifer, for giving me the floor.  ", None),  # the one thanked
        ("Thanks, Amina.  I'm Tomasz Wilk, from a library network.  ", "Tomasz Wilk"),
        ("Thank you very much, Ana Lucia Reyes, for the floor.  ", None),
    ],
)
def test_intro_name(opening: str, name: str | None) -> None:
    assert intro_name(opening) == name


def test_floor_voice_is_recorded_by_the_name_it_gives() -> None:
    by_line = {q["line"]: q["by"] for q in _questions("ws-2024-riyadh-qa-runs-out")}
    assert by_line[35] == "Tomás" and by_line[69] == "Yusuf"
    gold = {q["line"]: q["by"] for q in _gold("ws-2024-riyadh-qa-runs-out")["questions"]}
    assert by_line[35] == gold[35]


def test_question_taken_up_again_by_its_askers_name_is_answered_later() -> None:
    text = (RES / "asks_blind4" / "dc-2019-berlin-coalition-report.txt").read_text("utf-8")
    qs = [q for q in find_intel(parse_transcript(text), mentions=[]).to_json()["questions"] if q["line"] == 54]
    kaveh = next(q for q in qs if q["by"] == "Kaveh")  # "Tomás, Kaveh's question on the open data, …"
    assert kaveh["status"] == "answered-later" and kaveh["answer_lines"] == [72]
    assert {q["status"] for q in qs if q is not kaveh} == {"unanswered"}


def test_a_call_back_names_the_topic_when_the_asker_put_two_questions() -> None:
    text = (RES / "asks_dev6" / "mag-2022-addis-community-consultation.txt").read_text("utf-8")
    qs = [q for q in find_intel(parse_transcript(text), mentions=[]).to_json()["questions"] if q["line"] == 33]
    assert len(qs) == 2 and qs[1]["status"] == "answered-later" and qs[1]["answer_lines"] == [47]  # "… the feedback"
    assert qs[0]["answer_lines"] != [47]


_RELAYED = """IGF 2030 – Workshop #5: Open Data for Water Utilities

***

>> HANNA LIND:  Welcome.  Our first speaker presents the utilities report.  Pedro, the floor is yours.

>> PEDRO ALVES:  Thank you, Hanna.  We published a report on open data in forty water utilities.

>> HANNA LIND:  Thank you, Pedro.  Tomas, is there a question online?

>> TOMAS NOVAK:  Yes.  A participant from the Lagos hub asks:  how can small utilities afford the data platform?

>> PEDRO ALVES:  {reply}

>> HANNA LIND:  Thank you.  We close here.
"""


@pytest.mark.parametrize(
    "reply, status",
    [
        ("Good question.  The platform is free software, and two foundations pay for hosting.", "answered"),
        ("Thank you for the question.  Small utilities share one platform per region.", "answered"),
        ("Good question, and honestly I do not know.  We will check with the foundations.", "unanswered"),
    ],
)
def test_a_reply_that_takes_a_relayed_question_up_answers_it(reply: str, status: str) -> None:
    text = _RELAYED.format(reply=reply)
    questions = find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]
    relayed = next(q for q in questions if "afford" in q["text"])
    assert relayed["status"] == status


def test_the_demo_sessions_relayed_question_is_answered_by_the_presenter() -> None:
    """`make demo`'s 2024 workshop: the online moderator relays a question and the presenter
    replies "Good question.  The report has a two-page summary …" (the reply names no asker and
    shares one content word with the question, so only its opening says it answers)."""
    path = Path(__file__).resolve().parents[1] / "examples" / "igf2024-ws-coalition-outputs.txt"
    questions = find_intel(parse_transcript(path.read_text("utf-8")), mentions=[]).to_json()["questions"]
    relayed = next(q for q in questions if "national IGFs use the report" in q["text"])
    assert (relayed["status"], relayed["answer_lines"]) == ("answered", [19])
