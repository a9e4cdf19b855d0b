"""The trained ask classifier: units of run-on and list sentences, the shipped model, its
training data and the asks it adds to the cue-phrase rules on small invented sessions."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askmodel import EVIDENCE, AskModel, Softmax, load_ask_model, type_features
from forumlens.analyse.asks import find_asks
from forumlens.analyse.clauses import ask_units
from forumlens.analyse.context import build_context
from forumlens.transcript.parse import parse_transcript

from .bench_support import load_bench

ROOT = Path(__file__).resolve().parents[1]


def _train_module():  # type: ignore[no-untyped-def]
    return load_bench("train_asks")


def _asks(text: str, **kw: object) -> list[dict]:
    session = parse_transcript(text)
    ctx = build_context(session, mentions=[])
    return [a.to_json() for a in find_asks(ctx, **kw)]  # type: ignore[arg-type]


LIST_TURN = (
    ">> MODERATOR:  Welcome.  Pilar, the floor is yours.\n\n"
    ">> PILAR RUIZ:  Thank you.  We ran a census of rural schools this year.  Two requests to this group.  "
    "First, money for the tablets, because the parents cannot buy them.  Second, a training for the teachers "
    "who have never used one.\n"
)
RUN_ON_TURN = (
    ">> MODERATOR:  Now Samuel, please.\n\n"
    ">> SAMUEL OKELLO:  thank you chair, so in the district the cooperatives they built the towers with their "
    "own hands and the people are happy but the licence is very expensive, so we ask the regulator must make "
    "the licence free for the cooperatives, and also the young technicians need to learn how to repair the "
    "equipment, and we need some money for the spare parts because the donors they go after one year\n"
)
IMPERATIVE_TURN = (
    ">> MODERATOR:  Last word, Hana.\n\n"
    ">> HANA IVANOVA:  A call to everyone here.  Sign up for the mentoring circle, the form is on our site.  "
    "And donors, please pay for the translation of the guides, not only the printing.\n"
)


def test_units_cut_list_items_and_run_on_clauses_but_keep_short_sentences() -> None:
    items = "Two things.  One, a grant for the hub; two, a focal point in the ministry; three, a seat on the panel."
    assert [items[a:b] for a, b in ask_units(items)][1:] == [
        "two, a focal point in the ministry",
        "three, a seat on the panel.",
    ]
    run_on = RUN_ON_TURN.split(":  ", 2)[-1].strip()
    pieces = [run_on[a:b] for a, b in ask_units(run_on)]
    assert len(pieces) >= 4 and all(p in run_on for p in pieces)
    assert any(p.startswith("so we ask the regulator") for p in pieces)
    assert ask_units("We need funding for the hubs.") == [(0, len("We need funding for the hubs."))]


def test_a_recommendation_that_announces_a_list_is_not_cut_at_its_colon() -> None:
    """ "We recommend both: X and Y" recommends X and Y: a short head that recommends and says how
    many things follow keeps its list in one unit (a new user met the unit "We recommend both"),
    as a head that states a need does ("We need three things: …"); a heading that only names the
    addressee is still cut there (stop 41, K8)."""
    both = "We recommend both: a national training fund for librarians and a shared help desk for small towns."
    assert ask_units(both) == [(0, len(both))]
    following = "We would propose the following: one help desk per district."
    assert ask_units(following) == [(0, len(following))]
    simple = "My message to the regulators is simple: give us the spectrum."
    assert [simple[a:b] for a, b in ask_units(simple)] == [
        "My message to the regulators is simple",
        "give us the spectrum.",
    ]
    # numbered items after the colon are still items of their own
    items = "We recommend two things: first, a training fund for librarians; second, a help desk for the towns."
    assert [items[a:b] for a, b in ask_units(items)][1:] == [
        "first, a training fund for librarians",
        "second, a help desk for the towns.",
    ]


def test_shipped_model_loads_and_is_calibrated() -> None:
    model = load_ask_model()
    assert model is not None
    train = _train_module()
    # inside the calibration grid and not on its floor (stop 19's threshold sat on the floor 0.22)
    assert min(train.THRESHOLDS) < model.threshold <= max(train.THRESHOLDS)
    assert model.type_model.classes == ("none", "ask", "recommendation", "commitment")
    assert {"funding", "policy", "participation"} <= set(model.category_model.classes)
    cv = model.notes["cross_validation"]
    assert isinstance(cv, dict) and cv["precision"] >= train.MIN_PRECISION  # the calibration's own constraint


@pytest.mark.parametrize(
    "unit, before, kind",
    [
        ("Second, a training for the teachers who have never used one.", "Two requests to this group.", "ask"),
        ("Sign up for the mentoring circle, the form is on our site.", "", "ask"),
        ("My advice to the national regulator is to publish the coverage maps.", "", "recommendation"),
        ("Our network will open its archive to every newsroom in the region next year.", "", "commitment"),
    ],
)
def test_model_reads_asks_without_we_need(unit: str, before: str, kind: str) -> None:
    model = load_ask_model()
    assert model is not None
    pred = model.predict(unit, before)
    assert pred.p_ask >= model.threshold and pred.type == kind


@pytest.mark.parametrize(
    "unit, before",
    [
        ("Second, the sample was small.", "Let me explain the limits of the study."),
        ("Last year we trained two hundred librarians in four provinces.", ""),
        ("Can everyone see the slides now?", ""),
        ("Our coalition brings together about forty members from six regions.", ""),
    ],
)
def test_model_leaves_reports_lists_of_facts_and_procedure(unit: str, before: str) -> None:
    model = load_ask_model()
    assert model is not None
    assert model.predict(unit, before).p_ask < model.threshold


def test_descriptive_sentence_without_ask_shape_is_never_an_ask() -> None:
    """The evidence gate: no imperative, cue, addressee or announced list → P = 0."""
    sentence = "The cooperative model has worked well in the highlands for many years."
    assert EVIDENCE.isdisjoint(type_features(sentence))
    model = load_ask_model()
    assert model is not None and model.predict(sentence).p_ask == 0.0


def test_list_items_after_an_announced_list_become_asks_with_their_categories() -> None:
    rules = _asks(LIST_TURN, model=False)
    found = _asks(LIST_TURN)
    assert len(found) > len(rules)
    cats = {a["category"] for a in found}
    assert {"funding", "capacity-building"} <= cats
    assert all(a["quote"] in LIST_TURN for a in found)


def test_run_on_line_yields_several_asks_each_quoted_by_its_clause() -> None:
    found = _asks(RUN_ON_TURN)
    rules = _asks(RUN_ON_TURN, model=False)
    assert len(rules) <= 1 < len(found)
    cats = {a["category"] for a in found}
    assert {"funding", "capacity-building"} <= cats
    assert len({a["line"] for a in found}) == 1  # one caption line, several asks
    assert all(a["quote"] in RUN_ON_TURN and len(a["quote"]) < 200 for a in found)


def test_imperatives_to_the_room_are_asks() -> None:
    found = _asks(IMPERATIVE_TURN)
    assert len(found) == 2 and "funding" in {a["category"] for a in found}
    assert found[0]["quote"].startswith("Sign up for the mentoring circle")
    assert all(a["type"] in ("ask", "recommendation") for a in found)
    assert not _asks(IMPERATIVE_TURN, model=False)


def test_moderators_still_make_no_asks() -> None:
    text = (
        ">> MODERATOR:  Sign up for the newsletter and fund the hubs, please.  Over to you, Ana.\n\n>> ANA:  Thanks.\n"
    )
    assert _asks(text) == []


def test_report_contract_keeps_its_keys_with_the_model() -> None:
    data = find_intel(parse_transcript(LIST_TURN), mentions=[]).to_json()
    for ask in data["asks"]:
        assert set(ask) >= {"category", "by", "line", "quote", "type", "secondary_categories"}


def test_model_json_round_trip_and_bad_file_message() -> None:
    model = load_ask_model()
    assert model is not None
    again = AskModel.from_json(json.loads(json.dumps(model.to_json())))
    unit = "Please fund the interpreters for the next regional meeting."
    assert again.predict(unit).p_ask == pytest.approx(model.predict(unit).p_ask, abs=1e-3)
    with pytest.raises(ValueError, match="one value per class"):
        Softmax.from_json({"classes": ["a", "b"], "bias": [0, 0], "weights": {"u:x": [1.0]}})


def test_classifier_cpu_per_long_session_is_small() -> None:
    """Far under the 1 s budget: a 90-minute session has ~1,500 sentences; judge 3,000 units."""
    model = load_ask_model()
    assert model is not None
    units = [f"Unit {i}: we would like the secretariat to publish the reports of hub {i}." for i in range(3000)]
    start = time.process_time()
    for u in units:
        model.predict(u)
    assert time.process_time() - start < 1.5


def test_training_data_is_valid_documented_and_does_not_leak_the_blind_sessions() -> None:
    train = _train_module()
    rows = train.read_rows(train.DATA)
    assert len(rows) >= 600
    kinds = {r.type for r in rows}
    assert kinds == {"none", "ask", "recommendation", "commitment"}
    assert (train.DATA / "README.md").is_file()
    assert train.blind_overlaps(rows) == []


def test_blind_guard_catches_a_copied_sentence(tmp_path: Path) -> None:
    train = _train_module()
    blind = tmp_path / "blind"
    blind.mkdir()
    (blind / "s.txt").write_text(">> A:  We ask the ministry to open every budget line to the public now.\n")
    row = train.Row("x.tsv", 1, "ask", "policy", "so we ask the ministry to open every budget line", "")
    assert train.blind_overlaps([row], blind)


@pytest.mark.parametrize(
    "gold_file",
    sorted((ROOT / "tests" / "resources" / "asks_blind").glob("*.gold.json"))
    + sorted((ROOT / "tests" / "resources" / "asks_blind2").glob("*.gold.json")),
)
def test_blind_gold_files_are_well_formed(gold_file: Path) -> None:
    """Format only (no analysis runs here): every annotated line holds its quote."""
    gold = json.loads(gold_file.read_text("utf-8"))
    lines = (gold_file.parent / gold["source"]).read_text("utf-8").split("\n")
    assert gold["questions"] and gold["asks"]
    for item in gold["questions"] + gold["asks"]:
        assert item["quote"] in lines[item["line"] - 1], (gold_file.name, item["line"])
    for q in gold["questions"]:
        assert q["status"] in ("answered", "answered-later", "unanswered")
    for a in gold["asks"]:
        assert a["type"] in ("ask", "recommendation", "commitment") and a["categories"]


@pytest.mark.parametrize(
    "unit, cue",
    [
        ("If somebody could lend us a projector for the hub, we would be very grateful.", "cue:hedged-if"),
        ("and if the secretariat can list our meetups on its page, that would be wonderful", "cue:hedged-if"),
        ("So my suggestion, let us meet with the broadcasters after this panel.", "cue:let-us"),
        ("and we can lend you two field engineers for the pilot", "cue:can-offer"),
        ("Yes, I can translate it.", "cue:can-offer"),
        ("The Andean chapter will bring the booklet to the next meeting, I promise.", "cue:promise"),
        ("The Secretariat could put the hub map on the front page.", "cue:named-could"),
        ("The second recommendation is a small fund for local caption writers.", "cue:that-proposal"),
        ("and next year we will give every hub a modest grant", "cue:we-will"),
        ("Please, all the hub coordinators in the room, fill in the form.", "imperative"),
        ("If you run a hub, especially in a small town, write to us with your numbers.", "imperative"),
        ("(Interpretation from Spanish) Lower the import duty on solar panels.", "imperative"),
        ("In short: fund the maintenance, not only the towers.", "imperative"),
        ("So I would say to the ministries, if you care about it, bring the writers in early.", "imperative"),
        ("Could you send the working group a half-page summary of your case?", "cue:polite"),
        ("On our side, the teachers' union will run two workshops in spring.", "cue:promise"),
    ],
)
def test_round7_shapes_are_ask_shaped(unit: str, cue: str) -> None:
    """Shapes of stop 21 that had no ask-shaped feature, so the evidence gate kept the
    classifier from ever judging them."""
    feats = type_features(unit)
    assert cue in feats and not EVIDENCE.isdisjoint(feats)


@pytest.mark.parametrize(
    "unit",
    [
        "Let us now hear from the online participants.",
        "Let us be honest, the numbers were disappointing.",
        "I'm looking forward to hearing where the lines are that we can cooperate on platforms.",
        "we can see the same pattern in every district",
        "Now I will give the floor to our colleague from Tonga.",
        "We can connect only twelve schools with that budget.",
        "Can you tell us how the fund works?",
    ],
)
def test_round7_cues_stay_off_floor_talk_subordinate_clauses_and_abilities(unit: str) -> None:
    feats = type_features(unit)
    assert not {"cue:let-us", "cue:can-offer", "cue:we-will", "cue:polite"} & set(feats)


def test_judge_gives_predict_answers_and_skips_units_below_the_threshold() -> None:
    model = load_ask_model()
    assert model is not None
    units = [
        "The cooperative model has worked well in the highlands for many years.",
        "Sign up for the mentoring circle, the form is on our site.",
        "Last year we trained two hundred librarians in four provinces.",
        "We can send you the audit template tomorrow morning.",
        "If somebody could lend us a projector for the hub, we would be very grateful.",
    ]
    for unit in units:
        full, fast = model.predict(unit), model.judge(unit, "", model.threshold)
        if full.p_ask < model.threshold:
            assert fast is None
        else:
            assert fast == full


def test_commitment_without_category_is_kept_as_other_but_a_passive_output_is_not() -> None:
    text = (
        ">> MODERATOR:  Thank you.  Irina, please.\n\n"
        ">> IRINA POPA:  Thank you.  Your point on the elders is right, and we will add it as a finding "
        "in the final version.  The glossary itself will be published in December after the comments.\n"
    )
    found = _asks(text)
    assert [(a["type"], a["category"]) for a in found] == [("commitment", "other")]
    assert "we will add it" in found[0]["quote"]


def test_keyword_window_stops_at_the_reason() -> None:
    from forumlens.analyse.askcues import ask_window
    from forumlens.analyse.asks import classify_category

    sentence = "the countries should adopt open access rules, otherwise we finance a monopoly with public money"
    assert ask_window(sentence, sentence.index("should") + len("should")) == "adopt open access rules"
    assert classify_category(sentence, "recommendation") == "policy"


def test_evidence_gate_leaves_questions_and_context_only_fragments() -> None:
    from forumlens.analyse.askmodel import has_evidence

    listed = "What we need is simple."
    assert "ctx:intro-need" in type_features("And from the IGF", listed)
    assert has_evidence(type_features("a small fund for the caption writers, for every hub", listed))
    assert not has_evidence(type_features("And from the IGF", listed))  # a fragment before a comma
    assert not has_evidence(type_features("So when we say protect, protect from what exactly?"))
    assert has_evidence(type_features("Could you send the working group a half-page summary of your case?"))
    # a noun phrase that opens with a verb-like word is not an imperative; a verb with its object is
    assert "imperative" not in type_features("And sign languages, yes.")
    assert "imperative" in type_features("Share your glossaries, do not pay twice.")


def test_judge_stops_at_shape_features_that_hold_all_the_evidence() -> None:
    """`judge` gives up on a unit when its ask-shape features show no `EVIDENCE`, before the
    rest of `type_features` is worked out: that is only right while every evidence feature is a
    shape feature. Checked on every annotated training sentence, asks and non-asks alike."""
    from forumlens.analyse.askmodel import _shape_features, _Unit

    train = _train_module()
    rows = train.read_rows(train.DATA)
    with_evidence = 0
    for r in rows:
        shape, _lead = _shape_features(r.text, r.context, _Unit(r.text))
        full = EVIDENCE.intersection(type_features(r.text, r.context))
        assert EVIDENCE.intersection(shape) == full, r.text
        with_evidence += bool(full)
    assert 0 < with_evidence < len(rows)  # both kinds of unit are among them


@pytest.mark.parametrize(
    "text",
    [
        "We would like the MAG to reserve a main session for the coalitions next year.",
        "Our coalition will publish the toolkit in March, and we can offer translations.",
        "Please, could the ministries share their connectivity figures with us?",
        "Let us propose that every national IGF names a youth focal point.",
        "It would help if donors funded the maintenance, not only the launch.",
        "The weather in Riyadh was lovely this week.",
    ],
)
def test_type_cue_features_are_those_of_every_cue_asked(text):
    # `_shape_features` asks a type cue only when the unit holds its required literals: the cue
    # features must be exactly those of asking all 23 cues of a fresh unit
    from forumlens.analyse import askmodel

    expected = [f"cue:{name}" for name in askmodel._TYPE_CUES if askmodel._Unit(text).search(name)]
    shape, _lead = askmodel._shape_features(text, "", askmodel._Unit(text))
    cues = {f"cue:{name}" for name in askmodel._TYPE_CUES}
    assert [f for f in shape if f in cues] == expected
    assert [name for name, _feature, _options in askmodel._TYPE_CUE_TESTS] == list(askmodel._TYPE_CUES)
