"""Ask shapes of round 10 of issue 22 (from the kinds of misses and false asks on the development
sets, never their sentences): a gapped second addressee, a reason that is the speaker's own
commitment, a request to "send me", a named body of the forum taking something on, asks about
an agenda that do not say "agenda", a self-introduction that is no ask, and the training rows
generated from a set's gold without the moderator's floor talk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forumlens.analyse.askcues import CATEGORIES
from forumlens.analyse.askmodel import has_evidence, type_features
from forumlens.analyse.asks import classify_category, find_asks
from forumlens.analyse.askunits import gapped_reading
from forumlens.analyse.context import build_context
from forumlens.threads.cues import find_cue
from forumlens.transcript.parse import parse_transcript

from .bench_support import load_bench


def _asks(turn: str) -> list[dict]:
    text = f">> MODERATOR:  Now Ines, please.\n\n>> INES KOVAC:  Thank you.  {turn}\n"
    ctx = build_context(parse_transcript(text), mentions=[])
    return [a.to_json() for a in find_asks(ctx)]


GAPPED = (
    "I would encourage the universities of the region to put their courses online in the local languages, "
    "and the donors to fund the translation of the old textbooks into Uzbek."
)


def test_a_gapped_addressee_is_judged_with_the_request_verb_of_the_clause_before() -> None:
    previous, unit = GAPPED.split(", and")
    assert gapped_reading(previous, "and" + unit) == (
        "I would encourage the donors to fund the translation of the old textbooks into Uzbek."
    )
    quotes = {a["quote"]: a["category"] for a in _asks(GAPPED)}
    gapped = [q for q in quotes if q.startswith("and the donors to fund")]
    assert gapped, quotes  # quoted as said, not as rewritten for the classifier
    assert quotes[gapped[0]] == "funding"


@pytest.mark.parametrize(
    ("previous", "unit"),
    [
        ("I would encourage the universities to put their courses online", "and we want to see it soon."),
        ("We ask you to act", "and the operators to publish prices."),  # no addressee of its own before
        ("The universities put their courses online", "and the donors to fund the translation."),  # no request
    ],
)
def test_only_a_second_addressee_of_a_request_is_gapped(previous: str, unit: str) -> None:
    assert gapped_reading(previous, unit) is None


def test_a_reason_that_is_the_speakers_own_commitment_is_an_ask_of_its_own() -> None:
    turn = (
        "And colleagues, send me your examples of small networks that stayed online during the floods, "
        "by Friday, because we will prepare a map of them for the plenary."
    )
    quotes = [a["quote"] for a in _asks(turn)]
    assert any(q.startswith("because we will prepare a map") for q in quotes), quotes
    assert any(q.startswith("And colleagues, send me your examples") for q in quotes), quotes


def test_a_reason_about_someone_else_stays_in_its_unit() -> None:
    turn = (
        "Please write the guidance in plain words for the judges, because the lawmakers will use your text "
        "and they need a clear definition."
    )
    assert not any(a["quote"].startswith("because") for a in _asks(turn))


@pytest.mark.parametrize(
    ("unit", "imperative"),
    [
        ("Send me your examples by Friday.", True),
        ("Tell me where the money went.", True),
        ("Let me add one point.", False),
        ("Give me one second to find the slide.", False),
    ],
)
def test_a_request_to_send_me_is_an_imperative_floor_talk_to_me_is_not(unit: str, imperative: bool) -> None:
    assert ("imperative" in type_features(unit)) is imperative


@pytest.mark.parametrize(
    "unit",
    [
        "I'm the officer of the national forum in the Ministry of Digital Economy.",
        "We're the hub in Kampala, twelve of us in the room.",
        "It's the third year of this coalition.",
    ],
)
def test_a_sentence_opened_by_a_fused_subject_and_verb_is_not_imperative_shaped(unit: str) -> None:
    assert not has_evidence(type_features(unit))


def test_a_self_introduction_is_no_ask() -> None:
    assert _asks("I'm the officer of the national forum in the Ministry of Digital Economy.") == []


@pytest.mark.parametrize(
    ("unit", "cue"),
    [
        ("The Italian youth IGF will present it in Rome in the spring.", True),
        ("The Pacific Islands Coalition will translate the toolkit.", True),
        ("The Global IGF will be held in Kyoto.", False),  # an event announced, nobody takes anything on
    ],
)
def test_a_named_body_of_the_forum_taking_something_on_is_ask_shaped(unit: str, cue: bool) -> None:
    assert ("cue:our-will" in type_features(unit)) is cue


@pytest.mark.parametrize(
    ("sentence", "agenda"),
    [
        ("We ask the MAG to put e-waste in a main session next year.", True),
        ("We would like a slot in the main programme in December.", True),
        ("We ask the NRIs to include the exchange points in their programme for next year.", True),
        ("The youth coalition should make this topic a main topic for next year.", True),
        ("We need continuous training programmes for the teachers.", False),
        ("We will prepare a map of them for the main session.", False),  # an output for the session
    ],
)
def test_agenda_asks_are_found_without_the_word_agenda(sentence: str, agenda: bool) -> None:
    assert (CATEGORIES["agenda"].search(sentence) is not None) is agenda
    if agenda:
        assert classify_category(sentence) == "agenda"


@pytest.mark.parametrize(
    ("sentence", "need"),
    [
        ("Openness is what let the network grow without asking anyone for permission.", False),
        ("By asking the donors for money every year we lose months.", False),
        ("We keep asking the ministry for a seat at the table.", True),
    ],
)
def test_threads_read_asking_after_without_or_by_as_a_manner_not_a_need(sentence: str, need: bool) -> None:
    cue = find_cue(sentence)
    assert (cue is not None and cue.signal == "need") is need


def test_gold_rows_leave_out_the_moderators_floor_talk(tmp_path: Path) -> None:
    train = load_bench("train_asks")
    folder = tmp_path / "asks_set"
    folder.mkdir()
    transcript = (
        ">> MODERATOR:  Welcome to this session on community networks.  Lerato, please go ahead.\n\n"
        ">> LERATO MOKOENA:  Thank you.  We ask the regulators to waive the spectrum fee for the cooperatives.\n\n"
        ">> MODERATOR:  Thank you, Lerato.  Please, five minutes each, I am strict.  Next, Ana.\n\n"
        ">> ANA SOUZA:  Thank you.  Our hub has forty members in three villages, and the school pays for the "
        "electricity of the mast.  The teachers use it every day.\n\n"
        ">> MODERATOR:  Thank you, Ana.\n"
    )
    (folder / "s.txt").write_text(transcript, "utf-8")
    gold = {
        "source": "s.txt",
        "asks": [
            {
                "line": 3,
                "quote": "We ask the regulators to waive the spectrum fee for the cooperatives",
                "type": "ask",
                "categories": ["policy"],
            }
        ],
    }
    (folder / "s.gold.json").write_text(json.dumps(gold), "utf-8")
    rows = [line.split("\t") for line in train.gold_rows(folder)]
    texts = [r[2] for r in rows]
    assert rows[texts.index(gold["asks"][0]["quote"])][:2] == ["ask", "policy"]
    assert not any("five minutes" in t or "go ahead" in t for t in texts), texts
    kept, dropped = train._unleaked(train.gold_rows(folder), tmp_path / "no-blind-set")
    assert (len(kept), dropped) == (len(rows), 0)
