"""A topic brief's points are about the topic, not sentences that say one of its words
(issue 23, item 2). Fixtures are small transcripts written here."""

from __future__ import annotations

import hashlib

import pytest

from forumlens.models import Session
from forumlens.summarise import brief_topic
from forumlens.summarise.aboutness import bears_neighbour, narrowed, one_clause, outside_names, topic_entries
from forumlens.summarise.topic import _name_words, on_topic
from forumlens.summarise.units import terms
from forumlens.summarise.vocabulary import topic_vocabulary
from forumlens.transcript.parse import parse_transcript

IDF = {"children": 4.0, "online": 1.5, "capacity": 4.0, "build": 2.0}


def _session(text: str, name: str) -> Session:
    return parse_transcript(text, source=name, sha256=hashlib.sha256(text.encode()).hexdigest())


# A store is large: words said in a few sentences are rare in it (the rules weigh words by
# their rarity, and the record's subject words by their share of its sentences).
_NOUNS = ("harvest", "river", "theatre", "railway", "bakery", "orchestra", "museum", "bicycle", "garden", "ferry")
_VERBS = ("opened", "closed", "moved", "painted", "repaired", "visited", "praised", "measured", "cleaned", "counted")
FILLER = "IGF 2021 - Workshop on town life\n\n" + "\n".join(
    f">> {('RITA', 'OMAR', 'YUKI', 'EMMA')[i % 4]} LANE: The {_NOUNS[i % 10]} was {_VERBS[i // 10]} in week {i}."
    for i in range(100)
)


def _points(topic: str, *texts: str) -> list[str]:
    sessions = [_session(t, f"s{i}.txt") for i, t in enumerate((*texts, FILLER))]
    return [b.text for _section, b in brief_topic(topic, sessions).bullets()]


def test_a_coalition_name_is_not_what_a_sentence_is_about() -> None:
    blanked = outside_names("I speak today for the Dynamic Coalition on Gender and Internet Governance.")
    assert "Gender" not in blanked and len(blanked) == len(
        "I speak today for the Dynamic Coalition on Gender and Internet Governance."
    )
    assert outside_names("Gender gaps in device ownership persist.") == "Gender gaps in device ownership persist."


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["data", "protect"], "Kenya passed its data protection law in 2019.", True),
        (
            ["data", "protect"],
            "We ask for public data on faults and repairs, and protection zones around cables.",
            False,
        ),
        (["capacity", "build"], "We must build the capacity inside the parliament.", True),
        (["mandate"], "The mandate, in short.", True),  # one word: nothing to keep together
    ],
)
def test_a_topic_of_several_words_is_said_in_one_clause(words: list[str], text: str, expected: bool) -> None:
    assert one_clause(words, text) is expected


def test_a_qualified_topic_needs_its_qualifier_or_a_taxonomy_neighbour() -> None:
    assert topic_entries("meaningful access")  # the taxonomies name the idea
    said = "In the Pacific, meaningful access depends on submarine cables."
    neighbour = "For this coalition the priority is last mile access in rural areas."
    other = "We will extend free access to the education version next year."
    assert narrowed(["meaning"], "meaningful access", said, terms(said))
    assert bears_neighbour(neighbour, "meaningful access") and narrowed(
        ["meaning"], "meaningful access", neighbour, terms(neighbour)
    )
    assert not narrowed(["meaning"], "meaningful access", other, terms(other))
    # a form of the topic's own word is not its neighbour
    assert not bears_neighbour("The form on the website is not accessible.", "meaningful access")


@pytest.mark.parametrize(
    ("topic", "sentence", "expected"),
    [
        ("children online", "In Vietnam the children are online from the age of six.", True),
        # the specific word only in a related word ("students" for "children") is another idea
        ("children online", "With my students we read the chat logs of online forums.", False),
        ("capacity building", "If schools build the learning around AI, students fall behind.", False),
    ],
)
def test_the_specific_word_is_said_in_its_own_word(topic: str, sentence: str, expected: bool) -> None:
    assert on_topic(topic_vocabulary(topic), terms(sentence), IDF) is expected


ACCESS = """IGF 2024 - Workshop on meaningful access

>> AMINA DIALLO: In the Pacific, meaningful access depends on one or two submarine cables.
>> PEDRO ALVES: Our company will extend free access to the education version to public schools next year.
>> LINA HASSAN: We cannot say whether access is meaningful if we only count SIM cards.
>> JONAS BERG: The priority of our coalition is last mile access for rural villages.
"""
DATA = """IGF 2023 - Workshop on data protection

>> RUTH OKAFOR: Kenya passed its data protection law in 2019, and the office is now staffed.
>> ARJUN MEHTA: I heard the ask for shared spares, the call for public data on faults and repairs, and protection zones around cables.
>> CLARA VOSS: Data protection authorities should fine companies that use dark patterns.
"""
GENDER = """IGF 2022 - Open forum

>> SHIRIN MUNNI: I speak today on behalf of the Dynamic Coalition on Gender and Internet Governance.
>> TOMAS WEBER: Every session report should state how many women spoke and whether gender was discussed.
>> NADIA KARIM: The gender gap in access to devices is still wide for women in rural areas.
"""


def test_briefs_leave_out_points_that_only_say_a_word_of_the_topic() -> None:
    access = _points("meaningful access", ACCESS)
    assert access and not any("education version" in p for p in access)
    assert any("submarine cables" in p for p in access) and any("last mile" in p for p in access)
    data = _points("data protection", DATA)
    assert any("Kenya" in p for p in data) and not any("spares" in p for p in data)
    gender = _points("gender", GENDER)
    assert any("women spoke" in p for p in gender) and not any("on behalf of" in p for p in gender)


def test_a_theme_never_avoids_the_words_of_a_speakers_organisation() -> None:
    words = _name_words({"Faisal Al-Qahtani (Arabic Language Data Alliance)", "RUTH OKAFOR"})
    assert {"Faisal", "Qahtani", "RUTH", "OKAFOR"} <= words and "Data" not in words
