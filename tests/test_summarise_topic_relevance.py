"""A topic brief speaks of its topic, across sessions (issue 23, item 2), under themes
that are not the topic itself (item 3). Fixtures are small transcripts written here."""

from __future__ import annotations

import hashlib

import pytest

from forumlens.analyse.models import Question
from forumlens.models import Session
from forumlens.summarise import brief_topic
from forumlens.summarise.themes import label_themes
from forumlens.summarise.topic import (
    ANSWER,
    SAID,
    _matches,
    on_topic,
    topic_parts,
    topic_turns,
)
from forumlens.summarise.units import session_units, terms
from forumlens.summarise.vocabulary import topic_vocabulary
from forumlens.transcript.parse import parse_transcript

IDF = {"capacity": 4.0, "build": 2.0, "child": 4.0, "online": 1.5, "safety": 3.0, "meaningful": 5.0, "access": 2.0}


def _session(text: str, name: str) -> Session:
    return parse_transcript(text, source=name, sha256=hashlib.sha256(text.encode()).hexdigest())


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("finance", "financial", True),
        ("child", "children", True),
        ("express", "expression", True),
        ("accessibility", "accessible", True),
        ("accessibility", "access", False),  # a shorter word is another idea
        ("finance", "financ", True),
        ("fund", "fun", False),  # too short to be a prefix
    ],
)
def test_word_forms(a: str, b: str, same: bool) -> None:
    assert _matches(a, b) is same


@pytest.mark.parametrize(
    ("topic", "sentence", "expected"),
    [
        ("capacity building", "Capacity building cannot be a one-off workshop.", True),
        ("capacity building", "We need to build capacity in the justice sector.", True),
        ("capacity building", "Every building gets a code made from the coordinates.", False),
        ("capacity building", "The national CERT has no capacity to take the reports.", False),
        ("child online safety", "Children must be protected online by design.", True),
        ("child online safety", "We propose no child labour and safe equipment.", False),
        ("child online safety", "Apply human rights online and protect data.", False),  # not the specific word
        ("accessibility", "The company signs a contract for five years.", False),  # one related word: a pun
        ("accessibility", "Captioning and sign language must be in the budget.", True),
        # a qualifying adjective is seldom said: the nouns carry the topic
        ("sustainable community networks", "Community networks need long-term funding.", True),
        ("sustainable community networks", "The CERT networks are sustainable.", False),
    ],
)
def test_a_sentence_speaks_of_the_topic_not_of_one_of_its_words(topic: str, sentence: str, expected: bool) -> None:
    assert on_topic(topic_vocabulary(topic), terms(sentence), IDF) is expected


def test_a_turn_on_the_topic_carries_it_only_through_its_specific_word() -> None:
    query = topic_vocabulary("capacity building")
    carried = terms("The capacity has to be continuous.")
    stray = terms("Most countries are not building frontier models.")
    assert on_topic(query, carried, IDF, topic_turn=SAID)
    assert not on_topic(query, stray, IDF, topic_turn=SAID)
    # an answer to a question on the topic is on it: any topic word will do
    assert on_topic(
        topic_vocabulary("meaningful access"), terms("Public access in libraries grew."), IDF, topic_turn=ANSWER
    )


MAIN = """>> AMINA DIALLO: Welcome. I turn to the libraries coalition now.
From your work on meaningful access, how do you close the gap?
>> PEDRO ALVES: Thank you. Public access in libraries gives people computers and connectivity every day.
Our report shows public access points in rural towns doubled the use of online services.
>> AMINA DIALLO: Thank you. Capacity building is our next point.
Capacity building must be continuous, and it is not a single workshop.
Many countries are not building their own models.
"""


def test_topic_turns_include_the_answer_to_a_question_on_the_topic() -> None:
    session = _session(MAIN, "main.txt")
    units = session_units(session)
    question = Question(
        line=2,
        by="Amina Diallo",
        to="Pedro Alves",
        text="From your work on meaningful access, how do you close the gap?",
        status="answered",
        answer_lines=(3,),
    )
    turns = topic_turns(topic_vocabulary("meaningful access"), units, [question])
    pedro = {u.turn for u in units if u.who and "Pedro" in u.who}
    assert pedro and all(turns.get(t) == ANSWER for t in pedro)
    said = topic_turns(topic_vocabulary("capacity building"), units)
    assert set(said.values()) == {SAID} and not pedro & set(said)


def _capacity_session(name: str, year: int, lines: list[tuple[str, str]]) -> str:
    body = "\n".join(f">> {who}: {text}" for who, text in lines)
    return f"IGF {year} - Workshop {name}\n\n{body}\n"


LONG = _capacity_session(
    "A",
    2023,
    [
        ("ANNA BERG", "Capacity building for regulators must come with money for trainers."),
        ("BEN OKAFOR", "Capacity building for judges should cover electronic evidence and cybercrime law."),
        ("CARLA MENDES", "Capacity building for librarians works best when it is paid by the ministry of education."),
        ("DAVID CHEN", "Capacity building for engineers needs certified courses in network security."),
        ("EVA NOWAK", "Capacity building for women technicians doubled the number of rural networks we run."),
        ("FARID HAIDARI", "Capacity building for parliament staff helps them write better digital laws."),
        ("GRACE MWANGI", "Capacity building for teachers must include data protection and safe apps."),
    ],
)
OTHERS = [
    _capacity_session(
        "B", 2024, [("HANA SATO", "Capacity building for small island states should be regional and shared.")]
    ),
    _capacity_session(
        "C", 2025, [("IVAN PETROV", "Capacity building for CERT staff must be continuous, not one workshop.")]
    ),
    _capacity_session(
        "D", 2025, [("JOY ADEYEMI", "Capacity building for youth leaders opened the policy debate to students.")]
    ),
    _capacity_session(
        "E",
        2025,
        [("KARL WEBER", "Every building gets an address code from its coordinates, and the registry is public.")],
    ),
]


def test_a_topic_brief_keeps_to_its_topic_and_spreads_over_sessions() -> None:
    sessions = [_session(LONG, "long.txt")] + [_session(t, f"s{i}.txt") for i, t in enumerate(OTHERS)]
    brief = brief_topic("capacity building", sessions)
    cited = [c for _theme, b in brief.bullets() for c in b.citations[:1]]
    texts = " ".join(b.text for _theme, b in brief.bullets())
    assert "address code" not in texts  # "building" alone is another idea
    long_id = sessions[0].id
    assert len(cited) >= 5
    assert sum(c.session == long_id for c in cited) <= 3  # one long session does not crowd out the others
    assert len({c.session for c in cited}) == 4


def test_the_topic_s_own_category_heads_only_what_nothing_else_groups() -> None:
    texts = [
        "Universal service funds should be opened to community networks with simple procedures.",
        "Most universal service funds are never spent, and regulators should publish what is left.",
        "Donors should fund the regional coordination and not only the national teams.",
    ]
    themes = dict(label_themes(texts, "funding"))
    assert "Funding" not in themes or themes["Funding"] == [2]
    assert any(sorted(members) == [0, 1] for label, members in themes.items() if label != "Funding")


def test_a_topic_joined_by_and_is_either_topic() -> None:
    parts = topic_parts("capacity building and community networks")
    assert [[t.stem for t in part] for part in parts] == [["capacity", "build"], ["community", "network"]]
    sentence = terms("Community networks in four villages trained local technicians.")
    assert any(on_topic(part, sentence, IDF) for part in parts)
