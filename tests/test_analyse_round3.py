"""Issue 22, round 3: question status after time-outs and read-out lists, the ask-category
confusion of the bench, and the one-pass feature computation of the ask classifier.

The small sessions here were written for these tests (invented people); each shows one rule.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askmodel import (
    _APPOSITIVE,
    _BARE_APPOSITIVE,
    _SEARCHED,
    _Unit,
    category_features,
    load_ask_model,
    type_features,
)
from forumlens.analyse.questions import is_question_sentence
from forumlens.analyse.scoring import ask_confusion, score_asks
from forumlens.transcript.parse import parse_transcript

from .questions_support import rule_questions

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt"


def _questions(text: str) -> list[dict]:
    return find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]


FLOOR_TWO_ADDRESSEES = """Session

>> MODERATOR:  Welcome.  Our speakers are Nadia Karim from a ministry and Oskar Lind from a university.  Oskar, please start.

>> OSKAR LIND:  Thank you.  Our university now trains algorithm auditors in a one-year course.

>> MODERATOR:  Thank you Oskar.  The floor is open.

>> AUDIENCE:  Thank you, Marek Nowak from a consumer group.  For Nadia: who audits the contracts?  Because nobody in the ministry can read the code.  And a second short one for Oskar: are your courses free for students from abroad?

>> MODERATOR:  Nadia first, briefly.

>> NADIA KARIM:  Our audit office audits the contracts, with two external experts since last year.

>> MODERATOR:  I am sorry, we are out of time.  Oskar, your question on the courses, we will have to take it offline.  Thank you all.
"""


def test_second_question_to_another_person_is_its_own_and_stays_unanswered() -> None:
    qs = _questions(FLOOR_TWO_ADDRESSEES)
    by_to = {q["to"]: q for q in qs}
    assert set(by_to) == {"Nadia Karim", "Oskar Lind"}
    assert by_to["Nadia Karim"]["status"] == "answered"
    assert by_to["Oskar Lind"]["status"] == "unanswered"  # Nadia's reply is not Oskar's answer


READ_OUT_LIST = """Session

>> MODERATOR:  We have to leave the room now.  The chat has two questions left: from Tomas, how will small islands pay for the audits; and from Ines, is there a model law we can copy.  We will ask the speakers to answer in writing.  Thank you.
"""


def test_read_out_list_of_chat_questions_gives_one_unanswered_question_each() -> None:
    qs = _questions(READ_OUT_LIST)
    assert [q["by"] for q in qs] == ["Tomas", "Ines"]
    assert all(q["status"] == "unanswered" for q in qs)
    assert "model law" in qs[1]["text"] and "model law" not in qs[0]["text"]


UNPUNCTUATED_RELAY = """Session

>> MODERATOR:  thank you so one question online from Priya she asks if the forums have thought about a shared fundraising page and the second one also online from Jonas what is the single thing the secretariat could change next year

>> RUTH ABEBE:  the single thing I would change next year is to give the secretariat a real budget line for the regional forums

>> MODERATOR:  thank you Ruth we have to close here the fundraising page is a good idea maybe for the next call thank you all
"""


def test_rules_unpunctuated_relayed_questions_are_split_and_only_the_taken_up_one_is_answered() -> None:
    qs = rule_questions(UNPUNCTUATED_RELAY)
    assert [q["by"] for q in qs] == ["Priya", "Jonas"]
    assert [q["status"] for q in qs] == ["unanswered", "answered"]


HUB_CALLED_FIRST = """Session

>> MODERATOR:  Thank you.  Lagos hub, the floor is yours.  I think they are still unmuting.  While they fix it, one question from the chat, from Amina in Kano: does anybody have figures on how many school labs are still offline after the grant?

>> REMOTE HUB LAGOS:  Sorry, we were muted.  Good morning from Lagos, we run a repair cafe for phones and our problem is spare parts, they come by ship and take three months.

>> MODERATOR:  Thank you Lagos.  Our last speaker is Pablo Ruiz from a development bank.

>> PABLO RUIZ:  Thank you.  Our bank lends to cooperatives and we want to understand how repair can be financed.
"""


def test_read_question_is_not_answered_by_the_hub_called_before_it() -> None:
    qs = _questions(HUB_CALLED_FIRST)
    assert len(qs) == 1
    assert qs[0]["status"] == "unanswered"


NAMED_GROUP_ASKS = """Session

>> MODERATOR:  Yes.  A remote participant from the Ghana IGF asks:  how can national IGFs use the report?

>> ROSA DIAZ:  They can translate it and run a consultation on it.

>> MODERATOR:  And Dhaka asks:  why do the hubs get the slides so late?
"""


def test_a_name_that_ends_a_longer_phrase_is_not_the_asker_but_a_hub_name_is() -> None:
    qs = _questions(NAMED_GROUP_ASKS)
    assert [q["by"] for q in qs][1:] == ["Dhaka"]
    assert qs[0]["by"] != "IGF"  # "the Ghana IGF" is where the participant is from, not who asks


@pytest.mark.parametrize(
    "sentence, following, expected",
    [
        ("Who pays for the review?", "Because the agencies will say they have no budget.", True),  # a reason for asking
        ("Why do we do this?", "Because nobody else will.", False),  # answers itself
        ("Is it enough?", "No.", False),
    ],
)
def test_because_after_a_question(sentence: str, following: str, expected: bool) -> None:
    assert is_question_sentence(sentence, False, following, floor=True) is expected


def test_rules_fair_criticism_by_the_moderator_answers_a_floor_question() -> None:
    text = """Session

>> MODERATOR:  The floor is open.

>> AUDIENCE:  Hello, Lea from a student union.  Why are students never invited to the drafting group?

>> MODERATOR:  That is a fair criticism.  The drafting group is open to everyone, and I will make sure the student unions get the call next year.  We have time for one more.
"""
    assert [q["status"] for q in rule_questions(text)] == ["answered"]


def test_ask_confusion_counts_right_wrong_missed_and_false_alarms() -> None:
    gold = {
        "asks": [
            {"line": 3, "categories": ["funding"]},
            {"line": 5, "categories": ["cooperation", "participation"]},
            {"line": 7, "categories": ["policy"]},
        ],
        "optional_asks": [11],
    }
    detected = [
        {"line": 3, "category": "funding", "quote": "a"},
        {"line": 5, "category": "links-to-institutions", "quote": "b"},
        {"line": 9, "category": "support", "quote": "c"},
        {"line": 11, "category": "other", "quote": "d"},  # optional: neither right nor wrong
    ]
    matrix = ask_confusion(detected, gold)
    assert matrix == {
        ("funding", "funding"): 1,
        ("cooperation", "links-to-institutions"): 1,
        ("policy", "-"): 1,
        ("-", "support"): 1,
    }
    score = score_asks(detected, gold)
    right = sum(n for (g, d), n in matrix.items() if g == d)
    assert right == score.category.tp


def _units() -> list[tuple[str, str]]:
    """Real units: the shared transcript's sentences and the training sentences."""
    units = [(s, "") for s in re.split(r"(?<=[.?!])\s+", SHARED.read_text("utf-8")) if 3 <= len(s.split()) <= 120]
    for path in sorted((ROOT / "bench" / "data" / "asks").glob("*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3 and not line.startswith("#"):
                units.append((cols[2], cols[3] if len(cols) > 3 else ""))
    return units


def test_one_pass_unit_gives_each_pattern_its_own_answer() -> None:
    """The prefiltered search of `_Unit` is each pattern's own search and findall count, on the
    text the unit reads (the unit's text without an appositive after "we"/"I", stop 20, or a bare
    "we the microworkers in Zimbabwe will …" as run-on captions write it)."""
    units = _units()
    assert len(units) > 1000
    stripped = 0
    for text, _before in units:
        unit = _Unit(text)
        if unit.text != text:
            stripped += 1
            assert len(unit.text) < len(text), text[:80]
            assert _APPOSITIVE.search(text) or _BARE_APPOSITIVE.search(text), text[:80]
        for name, pattern in _SEARCHED.items():
            own = pattern.search(unit.text)
            got = unit.search(name)
            assert (got and got.span()) == (own and own.span()), (name, text[:80])
            assert unit.count(name) == len(pattern.findall(unit.text)), (name, text[:80])
    assert 0 < stripped < len(units) // 50


def test_features_and_predictions_do_not_depend_on_sharing_the_unit() -> None:
    model = load_ask_model()
    assert model is not None
    for text, before in _units()[::7]:
        shared = _Unit(text)
        assert type_features(text, before, shared) == type_features(text, before)
        assert category_features(text, before, shared) == category_features(text, before)
        p = model.predict(text, before)
        assert p.p_ask == pytest.approx(model.predict(text, before).p_ask)


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_intel", ROOT / "bench" / "intel.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_bench_skips_a_missing_or_empty_set_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    registry = bench.blind_round
    assert frozenset({registry.BLIND_LABEL}) == bench.BLIND_SETS
    assert bench.ASK_SETS[registry.BLIND_LABEL] == [registry.blind("asks")]
    last_dev = registry.folder("asks", registry.ROUND - 1)
    assert bench.ASK_SETS[f"dev (blind{registry.ROUND - 1})"] == [last_dev]
    (tmp_path / "empty").mkdir()
    sets = {"missing": [tmp_path / "nowhere"], "empty": [tmp_path / "empty"]}
    assert bench.asks_side_by_side(False, False, sets) == 0
    out = capsys.readouterr().out
    assert "set 'missing' skipped (folder missing" in out and "set 'empty' skipped (no *.gold.json" in out


def test_scorer_pairs_right_categories_as_a_matching_not_greedily() -> None:
    gold = {
        "asks": [
            {"line": 4, "categories": ["capacity-building", "policy"]},
            {"line": 4, "categories": ["capacity-building", "participation"]},
        ]
    }
    detected = [
        {"line": 4, "category": "capacity-building", "quote": "internships"},
        {"line": 4, "category": "policy", "quote": "certification"},
    ]
    assert score_asks(detected, gold).category.tp == 2


@pytest.mark.parametrize(
    "sentence, pieces",
    [
        # an ask, then the speaker's side takes something on in its own clause: two units
        (
            "I would ask the other ministries to put the same clause in their tenders, and I am happy to share ours.",
            2,
        ),
        (
            "Universities should create a course for auditors, and our company will offer internships to them.",
            2,
        ),
        # an offer followed by a commitment of the same side: one unit
        ("Our forum is ready to host the next meeting, and we will cover the local costs.", 1),
    ],
)
def test_self_clause_cut(sentence: str, pieces: int) -> None:
    from forumlens.analyse.clauses import ask_units

    assert len(ask_units(sentence)) == pieces


def test_ask_before_a_colon_keeps_its_explanation_and_a_heading_does_not() -> None:
    from forumlens.analyse.askunits import is_heading, join_elaborations
    from forumlens.analyse.clauses import ask_units

    text = "Second, team up: an application from five networks together is stronger than five small ones."
    assert len(ask_units(text)) == 2  # the cutter splits at the colon
    ((a, b),) = join_elaborations(text, ask_units(text))
    assert text[a:b].startswith("Second, team up:") and "five small ones" in text[a:b]
    assert is_heading("And to the regional development bank")
    assert is_heading("Three requests to the ministers")
    assert not is_heading("Second, team up")


def test_commitment_of_the_speakers_body_with_new_verbs() -> None:
    from forumlens.analyse.asks import classify_type

    assert classify_type("Our company will offer internships to the first cohort.") == "commitment"
    assert classify_type("We will open the second call for proposals in May.") == "commitment"
    assert classify_type("We will open the floor for questions now.") is None
