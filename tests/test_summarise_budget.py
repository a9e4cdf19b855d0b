"""How many takeaways: a rapporteur's section length, within the 5–8 a session report carries.

Written examples (not the benchmark files): short single-claim bullets are topped up to
about a rapporteur's word count, long whole-sentence bullets are not.
"""

from __future__ import annotations

from forumlens.summarise import build_report, check_citations
from forumlens.summarise.context import build_context
from forumlens.summarise.rank import Scored, _text_factors
from forumlens.summarise.report import MAX_TAKEAWAYS, TAKEAWAY_WORDS, fill_to_budget, rank_takeaways
from forumlens.summarise.units import Unit
from forumlens.transcript.parse import parse_transcript


def _item(words: int, n: int) -> Scored:
    text = " ".join(f"claim{n}word{i}" for i in range(words))
    unit = Unit("s", n, n + 1, f"P{n}", None, 0, len(text), text, n / 10, 0, tuple(text.split()))
    return Scored(unit, 1.0 - n / 100, {})


def test_fill_to_budget_keeps_the_floor_then_tops_up_to_the_word_budget() -> None:
    picks = [_item(20, n) for n in range(8)]
    assert [s.unit.turn for s in fill_to_budget(picks, 6, budget=150)] == list(range(8))  # 140 < 150 after 7
    assert len(fill_to_budget(picks, 6, budget=120)) == 6  # the floor already holds 120 words
    assert len(fill_to_budget(picks, 6, budget=130)) == 7  # stops as soon as the budget is reached
    assert len(fill_to_budget(picks[:4], 6, budget=500)) == 4  # never more than the selector picked
    long = [_item(40, n) for n in range(8)]
    assert len(fill_to_budget(long, 5, budget=TAKEAWAY_WORDS)) == 5  # long bullets: the floor is enough


def _panel(sentence_of: dict[str, str]) -> str:
    turns = ["Workshop on community networks and rural connectivity", ""]
    turns.append(">> MODERATOR:  Good morning everyone.  Let us start with the panel.")
    for name, said in sentence_of.items():
        turns += ["", f">> {name}:  Thank you.  {said}"]
    return "\n".join(turns) + "\n"


SHORT = {
    "ANA SILVA": "Rural clinics lose connectivity when solar batteries fail after two years.",
    "TOMAS NOVAK": "The universal service fund now pays for batteries and maintenance.",
    "LEA BRANDT": "Nurses learn telemedicine tools quickly with training inside the clinic.",
    "OMAR HADDAD": "Community networks cut the price of mobile data for farmers by half.",
    "MEI LING": "Spectrum licences for small operators remain too expensive in most countries.",
    "JUAN PEREZ": "Local content in indigenous languages brings new users online faster.",
    "SARA OKAFOR": "Women use community networks less because shared access points feel unsafe.",
    "IVAN PETROV": "Municipal fibre backbones let community networks reach remote villages cheaply.",
    "NORA KLEIN": "Public libraries offer free access points and digital skills courses to elders.",
    "RAVI MEHTA": "Regulators rarely collect data on connectivity outside the main cities.",
}
LONG = {
    name: (
        f"{said[:-1]} and this finding comes from two years of field visits in many provinces where "
        f"we interviewed operators and users and local officials about their daily experience."
    )
    for name, said in SHORT.items()
}


def test_short_claims_are_topped_up_towards_a_rapporteurs_section() -> None:
    session = parse_transcript(_panel(SHORT), source="short.txt", sha256="short")
    report = build_report(session)
    assert len(report.takeaways) == MAX_TAKEAWAYS  # ~11-word claims: six of them say far less than a rapporteur
    assert not check_citations(report, [session])
    assert len({b.citations[0].speaker for b in report.takeaways}) == MAX_TAKEAWAYS  # each a different voice


def test_long_whole_sentence_claims_stay_at_the_floor() -> None:
    session = parse_transcript(_panel(LONG), source="long.txt", sha256="long")
    report = build_report(session)
    assert 5 <= len(report.takeaways) <= 6
    assert sum(len(b.text.split()) for b in report.takeaways) >= TAKEAWAY_WORDS
    assert not check_citations(report, [session])


def test_an_explicit_count_is_exact() -> None:
    session = parse_transcript(_panel(SHORT), source="short.txt", sha256="short")
    assert len(rank_takeaways(build_context(session, None), 5)) == 5
    assert len(build_report(session, takeaways=6).takeaways) == 6


def test_announcing_a_turn_of_the_talk_is_talk_about_the_talk() -> None:
    meta = _text_factors("I want to widen the picture a little bit, because data centres are only one part of it.")[2]
    plain = _text_factors("Data centres are only one part of the footprint of digital technologies.")[2]
    assert meta[2] == 0.5 and plain[2] == 1.0  # the _META multiplier
