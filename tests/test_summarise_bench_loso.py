"""bench/summary_loso.py: the pure parts of the leave-one-set-out reading of the takeaway ranker.

The baselines are cut as bench/summaries.py cuts them, TextRank's graph links sentences by their
shared terms, a variant patches the ranker only while it runs, and the leave-one-set-out choice
scores each set with the variant best on the *other* sets.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest

pytest.importorskip("sumy")  # the `bench` extra
pytest.importorskip("rouge_score")

from forumlens.summarise import rank, report
from forumlens.summarise.context import build_context
from forumlens.summarise.units import Unit
from forumlens.transcript.parse import parse_transcript

from .bench_support import load_bench
from .test_summarise_uptake import _ROOM

loso = load_bench("summary_loso")
COMMUNITY = Path(__file__).resolve().parent / "resources" / "summarise" / "ws-community-networks-2023.txt"


def test_baseline_takes_best_rated_until_the_budget_in_document_order_and_cuts_the_last() -> None:
    best_first = [(2, "three words here"), (0, "one two"), (1, "never reached at all")]
    assert loso.baseline_text(best_first, 4) == "one two\nthree words"


def test_textrank_graph_links_only_sentences_that_share_terms() -> None:
    vecs = [{"spyware": 0.7, "phone": 0.7}, {"phone": 1.0, "police": 0.1}, {"donation": 1.0}]
    graph = loso.textrank_graph(vecs)
    assert set(graph[0]) == {1} and graph[0][1] == graph[1][0] > 0
    assert graph[2] == {}


def test_a_variant_patches_the_ranker_only_while_it_runs() -> None:
    shipped = dict(rank.IMPORTANCE)
    with loso.variant(loso.VARIANTS["no importance"]):
        assert set(rank.IMPORTANCE.values()) == {1.0}
    assert dict(rank.IMPORTANCE) == shipped


def _case(name: str, group: str) -> object:
    return loso.Case(name, group, None, None, "", {})


def test_leave_one_set_out_scores_each_set_with_the_variant_chosen_on_the_others() -> None:
    cases = [_case("a1", "set a"), _case("b1", "set b"), _case("c1", "set c")]

    def row(ours: float) -> dict[str, tuple[float, float]]:
        return {"forumlens": (ours, ours), "textrank": (0.1, 0.1)}

    # "fitted" is best on set a only; "broad" is better than base on b and c
    results = {
        "base": {"a1": row(0.10), "b1": row(0.10), "c1": row(0.10)},
        "fitted": {"a1": row(0.50), "b1": row(0.05), "c1": row(0.05)},
        "broad": {"a1": row(0.09), "b1": row(0.12), "c1": row(0.12)},
    }
    text = loso.report(results, cases)
    assert "set a        chose broad" in text  # chosen on b and c, where "fitted" loses
    assert "set b        chose fitted" in text  # a's large gain outweighs c's loss
    # out of fold: a scored with broad (.09), b and c with fitted (.05): mean .0633
    assert "out of fold, pooled: 0.0633 / 0.0633; 0 / 0" in text


def test_a_length_prior_raises_long_sentences_and_widens_the_window_bounds_only_while_it_runs() -> None:
    from forumlens.summarise import spans

    shipped_bound = spans._MAX_WORDING
    with loso.variant(loso.length_prior(0.3)):
        assert rank._length_factor(40) > rank._length_factor(20) == 1.0 > rank._length_factor(12)
        widened = spans._MAX_WORDING
        assert widened == pytest.approx(shipped_bound * 1.5)
    restored = spans._MAX_WORDING
    assert rank._length_factor(40) == rank._length_factor(20) == 1.0
    assert restored == shipped_bound


def test_no_clause_trimming_keeps_every_sentence_whole_while_it_runs() -> None:
    from forumlens.summarise import spans

    with loso.variant(loso.VARIANTS["no clause trimming"]):
        assert spans.MIN_TRIM_WORDS > 10_000
    assert spans.MIN_TRIM_WORDS == 22


def test_a_line_read_out_after_a_relay_in_its_own_turn_is_penalised() -> None:
    from types import SimpleNamespace

    def unit(turn: int, i: int, text: str) -> SimpleNamespace:
        return SimpleNamespace(turn=turn, sent_index=i, text=text)

    relay, read_out = unit(3, 0, "Yes, we have a comment from Aisha in Kenya."), unit(3, 1, "Captions help.")
    own = unit(4, 1, "Captions help us too.")
    ctx = SimpleNamespace(units=[relay, read_out, own])
    boost = loso.after_relay_penalised(0.6)
    with patch_boost(lambda _ctx, _signals: lambda _unit: 2.0):
        scored = boost(ctx, None)
    assert scored(read_out) == pytest.approx(1.2)
    assert scored(relay) == scored(own) == 2.0


def patch_boost(fake: object) -> object:
    """`summary_loso`'s reference to the shipped takeaway boost, replaced by `fake` for one test."""
    from unittest.mock import patch

    return patch.object(loso, "_TAKEAWAY_BOOST", fake)


def test_a_window_handicap_scales_only_the_window_wording_and_the_speaker_cap_is_passed_on() -> None:
    from unittest.mock import patch

    with patch.object(loso, "_UNIT_FACTOR", lambda model, unit: 1.3):
        assert loso.windows_handicapped(0.5)(None, None) == pytest.approx(0.65)
    seen: dict[str, object] = {}
    with patch.object(loso, "_MMR_SELECT", lambda pool, k, **kw: seen.update(kw) or pool[:k]):
        assert loso.per_speaker(3)(["a", "b"], 1, per_speaker=2, lam=0.8) == ["a"]
    assert seen == {"per_speaker": 3, "lam": 0.8}


def test_a_line_reading_out_quoted_words_is_penalised_by_its_shape() -> None:
    from types import SimpleNamespace
    from unittest.mock import patch

    with patch.object(loso, "_TAKEAWAY_BOOST", lambda _ctx, _signals: lambda _unit: 1.0):
        boost = loso.read_out_penalised(0.6)(None, None)
    said = [
        'Online, Amara writes: "Every delay is a weapon."',
        "From Rashid in Dhaka: \u201cIt failed because the operators switched off on different dates.\u201d",
    ]
    own = ['We need three things: money, time and "trust".', '"It failed because nobody knew which machines."']
    assert [boost(SimpleNamespace(text=t)) for t in said] == [0.6, 0.6]
    assert [boost(SimpleNamespace(text=t)) for t in own] == [1.0, 1.0]


def test_a_chair_weight_variant_changes_only_a_chairs_plain_sentences() -> None:
    from types import SimpleNamespace

    chair = SimpleNamespace(who="Chair", text="Connectivity grew in the north.")
    summing_up = SimpleNamespace(who="Chair", text="To sum up, connectivity grew in the north.")
    panellist = SimpleNamespace(who="Ana", text="Connectivity grew in the north.")
    chairs = frozenset({"Chair"})
    for unit in (chair, summing_up, panellist):  # at the shipped 0.6 the variant is the shipped factor
        for wrapup in (False, True):
            assert loso.chair_weight(0.6)(unit, chairs, wrapup) == rank._summary_factor(unit, chairs, wrapup)
    assert loso.chair_weight(1.0)(chair, chairs, False) == 1.0 > rank._summary_factor(chair, chairs, False)
    assert loso.chair_weight(1.0)(panellist, chairs, True) == rank._summary_factor(panellist, chairs, True)


def test_a_budget_variant_passes_its_word_budget_and_bullet_cap_only_while_it_runs() -> None:
    from types import SimpleNamespace

    from forumlens.summarise import report

    picks = [SimpleNamespace(words=w) for w in (100, 100, 100, 100)]
    size = lambda s: s.words  # noqa: E731
    with loso.variant(loso.budget(250, 10)):
        assert report.MAX_TAKEAWAYS == 10
        assert len(report.fill_to_budget(picks, 1, length=size)) == 3  # 300 words reach 250
    assert report.MAX_TAKEAWAYS == 8
    assert len(report.fill_to_budget(picks, 1, length=size)) == 2  # 200 words reach the shipped 180


def test_mmr_with_changes_only_the_named_arguments() -> None:
    from unittest.mock import patch

    seen: dict[str, object] = {}
    with patch.object(loso, "_MMR_SELECT", lambda pool, k, **kw: seen.update(kw) or pool[:k]):
        assert loso.mmr_with(segment_bonus=0.3)(["a", "b"], 2, lam=0.8, segment_bonus=0.06) == ["a", "b"]
    assert seen == {"lam": 0.8, "segment_bonus": 0.3}


def test_the_centroid_variant_ranks_what_the_whole_session_talks_about_first() -> None:
    vecs = [{"cables": 0.8, "repair": 0.6}, {"cables": 1.0}, {"repair": 0.6, "ships": 0.8}, {"lunch": 1.0}]
    scores = loso.centroid(vecs)
    assert scores[0] == max(scores)  # shares both of the session's main terms
    assert scores[3] == min(scores)  # shares nothing with the others: only its own share of the centroid
    with loso.variant(loso.VARIANTS["centroid for LexRank"]):
        assert rank.lexrank is loso.centroid
    assert rank.lexrank is not loso.centroid


def test_the_closing_variants_widen_the_closings_share_only_while_they_run() -> None:
    from forumlens.summarise import report

    shipped = report.closing_share(8)
    with loso.variant(loso.VARIANTS["closing share + 1"]):
        assert report.closing_share(8) == shipped + 1
    with loso.variant(loso.VARIANTS["no closing cap"]):
        assert report.closing_share(8) == 8
    assert report.closing_share(8) == shipped == 2


def _said(who: str, turn: int, position: float, terms: str, words: int = 20) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(
        session="s",
        turn=turn,
        who=who,
        position=position,
        terms=tuple(terms.split()),
        words=words,
        text=terms + ".",
        start=0,
        end=words,
        span=("s", turn, 0, words),
    )


# four panellists, each on their own subject, then two long closing turns
_BODY = [
    _said("Ana", 1, 0.1, "spectrum licence auction rural tower backhaul fibre satellite village price tariff"),
    _said("Bo", 2, 0.3, "complaint ombudsman redress refund outage deadline escalation consumer regulator fine"),
    _said("Cy", 3, 0.5, "school teacher pupil literacy curriculum device laptop homework library training"),
    _said("Di", 4, 0.7, "disability caption screen reader sign interpreter braille audio accessible format"),
]


def test_a_long_closing_turn_that_restates_many_earlier_voices_reads_as_the_sessions_summary() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille sign", 150
    )
    own_word = _said("Ana", 6, 0.9, "spectrum licence auction rural tower backhaul satellite village tariff price", 150)
    found = loso.self_summary_turns([*_BODY, harvest, own_word])
    assert found == {harvest.span}  # the panellist's last word restates only their own subject
    short = _said("Chair", 5, 0.85, " ".join(harvest.terms), 40)
    assert loso.self_summary_turns([*_BODY, short]) == frozenset()  # too short to sum a session up
    in_body = _said("Chair", 5, 0.6, " ".join(harvest.terms), 150)
    assert loso.self_summary_turns([*_BODY, in_body]) == frozenset()  # not in the closing


def test_the_self_summary_variant_adds_the_turn_to_the_wrapups_only_while_it_runs() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille", 150
    )
    units = [*_BODY, harvest]
    with loso.variant(loso.VARIANTS["self-summary turn"]):
        assert harvest.span in rank.wrapup_spans(units) and harvest.span in rank.wrapup_spans(units, numbered=True)
    with loso.variant(loso.VARIANTS["self-summary turn, weight only"]):
        assert harvest.span in rank.wrapup_spans(units) and harvest.span not in rank.wrapup_spans(units, numbered=True)
    assert rank.wrapup_spans is loso._WRAPUP_SPANS


def test_a_share_only_variant_gives_the_turn_the_harvests_share_but_not_the_wrapups_weight() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille", 150
    )
    units = [*_BODY, harvest]
    with loso.variant(loso.VARIANTS["self-summary turn, share only"]):
        assert harvest.span not in rank.wrapup_spans(units) and harvest.span in rank.wrapup_spans(units, numbered=True)


def test_a_closing_turn_that_goes_point_by_point_unannounced_is_a_numbered_closing_list() -> None:
    from types import SimpleNamespace

    def line(turn: int, i: int, position: float, text: str) -> SimpleNamespace:
        return SimpleNamespace(session="s", turn=turn, position=position, text=text, span=("s", turn, i, i + 1))

    listed = [line(9, 0, 0.9, "We corrected three things."), line(9, 1, 0.9, "First, refunds are owed.")]
    listed += [line(9, 2, 0.9, "Second, outages are reported."), line(9, 3, 0.9, "Third, the desk stays open.")]
    in_body = [line(2, i, 0.3, u.text) for i, u in enumerate(listed)]
    two_points = [line(10, 0, 0.95, "First, thanks."), line(10, 1, 0.95, "Second, see you.")]
    found = loso.numbered_closing_turns([*in_body, *listed, *two_points])
    assert found == {u.span for u in listed}  # the body's list is a panellist's own; two points are no list


def test_the_opener_variant_keeps_only_a_summary_by_someone_who_spoke_at_the_start() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille", 150
    )
    opening = _said("Chair", 0, 0.02, "welcome session")
    assert loso.self_summary_turns([*_BODY, harvest], opener=True) == frozenset()  # the chair never opened
    assert loso.self_summary_turns([opening, *_BODY, harvest], opener=True) == {harvest.span}


def test_textrank_graph_weighs_shared_terms_over_the_sum_of_log_sizes_a_single_term_counting_as_two() -> None:
    graph = loso.textrank_graph([{"spectrum": 1.0, "licence": 1.0, "fee": 1.0}, {"spectrum": 1.0, "fee": 1.0}])
    assert graph[0] == {1: 2 / (math.log(3) + math.log(2))}
    assert loso.textrank_graph([{"fee": 1.0}, {"fee": 1.0}])[0][1] == 1 / (2 * math.log(2))


def _unit(turn: int, index: int, text: str, terms: tuple[str, ...]) -> Unit:
    return Unit("s", turn, 1 + turn, "Ana", None, 0, len(text), text, turn / 10, index, terms)


def test_the_sentence_that_ties_the_session_together_has_the_top_textrank_share() -> None:
    units = [
        _unit(0, 0, "Spectrum fees keep rural networks out.", ("spectrum", "fee", "rural", "network")),
        _unit(1, 0, "Rural networks need spectrum.", ("rural", "network", "need", "spectrum")),
        _unit(2, 0, "Fees for spectrum should fall.", ("fee", "spectrum", "fall", "should")),
        _unit(3, 0, "Lunch is at noon downstairs.", ("lunch", "noon", "downstair")),
    ]
    shares = loso.textrank_shares(units)
    assert shares[loso.sentence_key(units[0])] == 1.0
    assert shares[loso.sentence_key(units[3])] < shares[loso.sentence_key(units[1])]
    assert loso.textrank_shares([]) == {}


def test_a_clause_window_keys_as_its_whole_sentence() -> None:
    whole = _unit(4, 2, "Spectrum fees, which regulators set, keep rural networks out.", ("spectrum", "fee"))
    window = Unit("s", 4, 5, "Ana", None, 0, 12, "Spectrum fees", 0.4, 2, ("spectrum", "fee"))
    assert loso.sentence_key(window) == loso.sentence_key(whole) == ("s", 4, 2)


def test_the_textrank_share_variant_weighs_each_takeaway_by_its_share_to_the_power() -> None:
    data = COMMUNITY.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=COMMUNITY.name, sha256=hashlib.sha256(data).hexdigest())
    ctx = build_context(session)
    signals = report.signals_of(ctx)
    plain = report.takeaway_boost(ctx, signals)
    shares = loso.textrank_shares(ctx.units)
    with loso.variant(loso.VARIANTS["TextRank share ^.5"]):
        weighted = report.takeaway_boost(ctx, signals)
    units = [u for u in ctx.units if loso.sentence_key(u) in shares]
    assert any(shares[loso.sentence_key(u)] < 1.0 for u in units)
    for u in units:
        assert math.isclose(weighted(u), plain(u) * shares[loso.sentence_key(u)] ** 0.5, rel_tol=1e-9)


def test_rank_fusion_orders_by_both_ranks_and_keeps_the_shipped_scores() -> None:
    shipped = {("s", 0, 0): 3.0, ("s", 1, 0): 2.0, ("s", 2, 0): 1.0}
    central = {("s", 0, 0): 0.1, ("s", 1, 0): 0.9, ("s", 2, 0): 1.0}
    fused = loso.fused_scores(shipped, central, 1)
    # first: 1/2 + 1/4 = last: 1/4 + 1/2 (the tie goes to the shipped order); middle: 1/3 + 1/3
    assert fused == {("s", 0, 0): 3.0, ("s", 2, 0): 2.0, ("s", 1, 0): 1.0}
    assert sorted(fused.values()) == sorted(shipped.values())
    # with the centrality agreeing with the shipped order, nothing moves
    assert loso.fused_scores(shipped, {("s", 0, 0): 1.0, ("s", 1, 0): 0.5, ("s", 2, 0): 0.1}, 60) == shipped


def test_a_sentence_without_a_centrality_ranks_last_there() -> None:
    shipped = {("s", 0, 0): 2.0, ("s", 1, 0): 1.9}
    assert loso.fused_scores(shipped, {("s", 1, 0): 1.0}, 1) == {("s", 1, 0): 2.0, ("s", 0, 0): 1.9}


def test_the_fused_variant_reorders_the_shipped_scores_by_fused_rank() -> None:
    data = COMMUNITY.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=COMMUNITY.name, sha256=hashlib.sha256(data).hexdigest())
    ctx = build_context(session)
    signals = report.signals_of(ctx)
    plain = ctx.ranking().scored(report.takeaway_boost(ctx, signals))
    with loso.variant(loso.VARIANTS["fused RRF k=10"]):
        fused = ctx.ranking().scored(report.takeaway_boost(ctx, signals))
    before = {loso.sentence_key(s.unit): s.score for s in plain}
    after = {loso.sentence_key(s.unit): s.score for s in fused}
    assert sorted(after.values()) == pytest.approx(sorted(before.values()))
    assert after == pytest.approx(loso.fused_scores(before, loso.textrank_shares(ctx.units), 10))
    assert after != pytest.approx(before)  # TextRank disagrees somewhere on a real session


# A small workshop of our own: a moderator, two panellists, a floor voice (stop 39, U6).
_WORKSHOP = (
    "Rural spectrum licences\n\n"
    ">> MODERATOR: Welcome, everyone. Let me give the floor to Ana Lima first.\n"
    ">> ANA LIMA: Thank you. Spectrum licences cost too much for rural operators. "
    "Our survey of forty villages found the fees above what a cooperative earns in a year. "
    "We believe that regulators should price rural spectrum by population. "
    "The networks we build reach schools and clinics that no one else connects. "
    "That is why the fee question matters so much to us.\n"
    ">> BO TANAKA: Thanks. I run a small network in the hills. "
    "The problem is the backhaul, not the licence, because fibre stops at the district town and "
    "satellite capacity is priced for ships and mines rather than for villages.\n"
    ">> ANA LIMA: One more point on the fees, briefly.\n"
    ">> AUDIENCE: Could the regulator waive the fee for community networks for the first five years?\n"
    ">> MODERATOR: Thank you all for a lively discussion this morning.\n"
)


def _workshop() -> object:
    return build_context(parse_transcript(_WORKSHOP, source="w.txt", sha256="w"))


def test_the_titles_terms_are_those_of_its_words_the_speech_uses() -> None:
    assert loso.title_terms(_workshop()) == frozenset({"rural", "spectrum", "licence"})
    # a title word the speech never says is no term
    other = _WORKSHOP.replace("Rural spectrum licences", "Rural spectrum and mountaineering", 1)
    ctx = build_context(parse_transcript(other, source="w.txt", sha256="w"))
    assert loso.title_terms(ctx) == frozenset({"rural", "spectrum"})


def test_a_sentence_saying_the_titles_terms_weighs_more_by_how_many_it_says() -> None:
    ctx = _workshop()
    signals = report.signals_of(ctx)
    plain = report.takeaway_boost(ctx, signals)
    with loso.variant(loso.on_title(0.2)):
        weighted = report.takeaway_boost(ctx, signals)
    title = loso.title_terms(ctx)
    seen = set()
    for u in ctx.units:
        said = len(title.intersection(u.terms))
        expected = 1.0 + 0.2 * min(1.0, said / 2)
        assert math.isclose(weighted(u), plain(u) * expected, rel_tol=1e-9)
        seen.add(min(said, 2))
    assert seen == {0, 1, 2}  # the example has sentences with none, one and two of them
    assert report.takeaway_boost(ctx, signals)(ctx.units[0]) == plain(ctx.units[0])  # patched only while it runs


def test_the_asks_variant_raises_only_the_lines_of_analysed_asks_not_of_commitments() -> None:
    from forumlens.analyse.models import Ask
    from forumlens.summarise import Findings

    session = parse_transcript(_WORKSHOP, source="w.txt", sha256="w")
    asking = next(u for u in build_context(session).units if "should price" in u.text)
    waive = next(u for u in build_context(session).units if "waive" in u.text)
    findings = Findings(
        asks=(
            Ask("spectrum", "recommendation", "Ana Lima", asking.line, asking.text),
            Ask("spectrum", "commitment", "Audience", waive.line, waive.text),
        ),
        questions=(),
    )
    ctx = build_context(session, findings)
    signals = report.signals_of(ctx)
    plain = report.takeaway_boost(ctx, signals)
    with loso.variant(loso.asks_kept(1.2)):
        weighted = report.takeaway_boost(ctx, signals)
    for u in ctx.units:
        expected = 1.2 if u.line == asking.line else 1.0
        assert math.isclose(weighted(u), plain(u) * expected, rel_tol=1e-9)


def test_a_speakers_first_long_turn_is_their_position_but_not_a_chairs_or_the_floors() -> None:
    ctx = _workshop()
    first = loso.first_statements(ctx.units, ctx.chairs, least=30)
    holders = {u.who for u in ctx.units if (u.turn, u.sent_index) in first}
    assert holders == {"Ana Lima", "Bo Tanaka"}
    turns = {u.turn for u in ctx.units if (u.turn, u.sent_index) in first}
    assert len(turns) == 2  # Ana's short second turn is not her first statement
    assert loso.first_statements(ctx.units, ctx.chairs, least=500) == frozenset()


def test_position_and_problem_cues_read_the_form_not_the_subject() -> None:
    assert loso._POSITION.search("We believe that regulators should price rural spectrum by population.")
    assert loso._POSITION.search("In my view the court got it wrong.")
    assert not loso._POSITION.search("I think so.")  # no stated position follows
    assert loso._PROBLEM.search("The problem is the backhaul, not the licence.")
    assert loso._PROBLEM.search("Schools report a lack of trained staff.")
    assert not loso._PROBLEM.search("No problem, I can take that question.")


def test_families_are_chosen_apart_and_each_baseline_is_counted_on_its_own() -> None:
    cases = [_case("a1", "held_out"), _case("b1", "held_out2"), _case("igf2021-x", "development")]

    def row(ours: float) -> dict[str, tuple[float, float]]:
        return {"forumlens": (ours, ours), "lexrank": (0.1, 0.1), "textrank": (0.2, 0.2)}

    results = {
        "base": {"a1": row(0.15), "b1": row(0.15), "igf2021-x": row(0.15)},
        "x one": {"a1": row(0.30), "b1": row(0.30), "igf2021-x": row(0.05)},
        "y one": {"a1": row(0.05), "b1": row(0.05), "igf2021-x": row(0.05)},
    }
    text = loso.report(results, cases, ["x", "y"])
    assert "family 'x'" in text and "family 'y'" in text
    # family y never beats base on the other sets, so it scores as base everywhere
    y = text[text.index("family 'y'") :]
    assert "out of fold, pooled: 0.1500 / 0.1500" in y
    assert "base lexrank 3/0, textrank 0/3; chosen lexrank 3/0, textrank 0/3" in y
    x = text[text.index("family 'x'") : text.index("family 'y'")]
    assert "igf2021-x: 0.0500 / 0.0500" in x  # the shared transcript reported on its own
    assert "without held_out2:" in x  # the newest held-out set left out as a second reading


def _analysed(asks: list[tuple[str, str]]) -> object:
    """The workshop with analysed asks: (type, words of the sentence it quotes)."""
    from forumlens.analyse.models import Ask
    from forumlens.summarise import Findings

    session = parse_transcript(_WORKSHOP, source="w.txt", sha256="w")
    units = build_context(session).units
    found = []
    for kind, words in asks:
        u = next(u for u in units if words in u.text)
        found.append(Ask("spectrum", kind, u.who, u.line, u.text))
    return build_context(session, Findings(asks=tuple(found), questions=()))


def test_an_asks_own_sentence_weighs_more_but_not_the_rest_of_its_line() -> None:
    ctx = _analysed([("recommendation", "should price")])
    signals = report.signals_of(ctx)
    plain = report.takeaway_boost(ctx, signals)
    with loso.variant(loso.asks_by_quote(1.2)):
        weighted = report.takeaway_boost(ctx, signals)
    line = next(u.line for u in ctx.units if "should price" in u.text)
    neighbours = [u for u in ctx.units if u.line == line and "should price" not in u.text]
    assert neighbours  # the example's turn is one line of several sentences
    for u in ctx.units:
        expected = 1.2 if "should price" in u.text else 1.0
        assert math.isclose(weighted(u), plain(u) * expected, rel_tol=1e-9)


def test_a_commitment_weighs_as_a_decision_on_its_own_sentence_only() -> None:
    ctx = _analysed([("commitment", "networks we build")])
    signals = report.signals_of(ctx)
    shipped = report.takeaway_boost(ctx, signals)
    with loso.variant(loso.decisions_by_quote()):
        by_quote = report.takeaway_boost(ctx, signals)
    line = next(u.line for u in ctx.units if "networks we build" in u.text)
    for u in ctx.units:
        if "networks we build" in u.text or u.line != line:
            assert math.isclose(by_quote(u), shipped(u), rel_tol=1e-9)
        else:  # the shipped signal raised the whole line; by quote, the neighbours are not raised
            assert math.isclose(by_quote(u) * rank.IMPORTANCE["decision"], shipped(u), rel_tol=1e-9)


def test_a_point_two_later_speakers_take_up_has_the_higher_share() -> None:
    units = [
        Unit("s", 0, 1, "Ana", None, 0, 9, "Fees bar rural spectrum.", 0.1, 0, ("fee", "rural", "spectrum")),
        Unit("s", 1, 2, "Bo", None, 0, 9, "Spectrum fees hurt.", 0.4, 0, ("spectrum", "fee", "hurt")),
        Unit("s", 2, 3, "Cy", None, 0, 9, "Spectrum fees again.", 0.7, 0, ("spectrum", "fee", "again")),
        Unit("s", 3, 4, "Bo", None, 0, 9, "Spectrum fees, yes.", 0.9, 0, ("spectrum", "fee", "yes")),
    ]
    shares = loso.taken_up(units, {}, 1.0)
    assert math.isclose(shares[(0, 0)], 2 / 3)  # fee and spectrum taken up by Bo and Cy; rural by no one
    assert shares[(1, 0)] == 0.0  # after Bo only Cy (and Bo again) use them: one other is not two
    assert loso.taken_up(units, {}, 1.0, least=1)[(1, 0)] == 2 / 3


def test_an_answer_is_the_next_speakers_opening_on_the_questions_terms() -> None:
    ctx = _workshop()
    found = loso.answers(ctx.units)
    assert found == frozenset()  # no turn of the workshop ends in a question before another's turn
    asked = _WORKSHOP.replace(
        ">> MODERATOR: Thank you all", ">> ANA LIMA: The regulator could waive it, yes.\n>> MODERATOR: Thank you all"
    )
    ctx = build_context(parse_transcript(asked, source="w.txt", sha256="w"))
    found = loso.answers(ctx.units)
    assert [u.text for u in ctx.units if (u.turn, u.sent_index) in found] == ["The regulator could waive it, yes."]


def _sentence(text: str) -> Unit:
    return Unit("s", 0, 3, "Ama Owusu", "AMA OWUSU", 0, len(text), text, 0.5, 0, ())


def test_the_promises_variant_lowers_a_speakers_own_promise_and_nothing_else() -> None:
    promise = _sentence("We will publish the results on our website in March.")  # `roles.is_decision`
    finding = _sentence("Most small sellers used mobile money less after the transfer tax.")
    ask = _sentence("Governments should look at all the taxes together.")
    assert report._findings_first(promise) == 1.0  # shipped: a promise is no directive
    with loso.variant(loso.VARIANTS["promises .7"]):
        assert report._findings_first(promise) == 0.7
        assert report._findings_first(finding) == 1.0
        assert report._findings_first(ask) == 0.7  # the shipped directive factor stays
    assert report._findings_first(promise) == 1.0


# the uptake test's room, closed by a chair's summary said as such
_SUMMED = _ROOM.replace(
    ">> MODERATOR: Thank you all.",
    ">> MODERATOR: To sum up, backhaul prices matter most, and licences for villages should be free. Thank you all.",
)


def _summed() -> object:
    return build_context(parse_transcript(_SUMMED, source="s.txt", sha256="s"))


def _shares(ctx: object, share: object) -> dict[str, float]:
    return {u.text.split()[0]: share(u) for u in ctx.units}  # type: ignore[attr-defined, operator]


def test_a_point_the_summing_up_says_again_has_a_share_and_one_it_leaves_out_none() -> None:
    ctx = _summed()
    summary = loso.summing_up(ctx)
    assert any(u.text.startswith("To sum up") for u in summary)
    shares = _shares(ctx, loso.echoed(ctx, summary))
    assert shares["Backhaul"] > 0 and shares["Spectrum"] > 0  # Ana's and Bo's points, restated by the chair
    assert shares["Solar"] == 0.0  # said by Ana, never summed up
    assert shares["To"] == 0.0  # the summing-up does not raise itself
    assert shares["Welcome"] == 0.0  # words the summing-up does not say
    # only the terms few speakers used: "backhaul" and "price" are also Cy's, so Ana's point is the room's
    rare = _shares(ctx, loso.echoed(ctx, summary, distinct=2))
    assert rare["Backhaul"] == 0.0 and rare["Spectrum"] == shares["Spectrum"]


def test_the_echo_variant_weighs_each_sentence_by_its_share_and_only_while_it_runs() -> None:
    ctx = _summed()
    signals = report.signals_of(ctx)
    plain = report.takeaway_boost(ctx, signals)
    share = loso.echoed(ctx, loso.summing_up(ctx))
    with loso.variant(loso.echo_boost(0.5)):
        weighted = report.takeaway_boost(ctx, signals)
    for u in ctx.units:
        assert math.isclose(weighted(u), plain(u) * (1.0 + 0.5 * share(u)), rel_tol=1e-9)
    assert report.takeaway_boost(ctx, signals)(ctx.units[2]) == plain(ctx.units[2])


def test_a_chairs_closing_words_sum_up_only_when_asked_for() -> None:
    text = _SUMMED.replace("To sum up, backhaul", "So backhaul")
    ctx = build_context(parse_transcript(text, source="s.txt", sha256="s"))
    assert loso.summing_up(ctx) == []  # no summary said as such
    assert loso.summing_up(ctx, closing_chairs=True)[0].text.startswith("So backhaul")
