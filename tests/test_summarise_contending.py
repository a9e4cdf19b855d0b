"""summarise/report.contending: a voice's first point earns the new-voice bonus only when the
session's ranking puts one of its sentences among the contenders.

Written examples (not the benchmark files): a panel of two main speakers and a host whose only
sentence is a hand-over ranked far down.
"""

from __future__ import annotations

from forumlens.summarise.rank import Scored
from forumlens.summarise.report import CONTENDERS, contending, rank_takeaways
from forumlens.summarise.units import Unit


def _item(who: str, n: int, score: float) -> Scored:
    text = f"{who} says point number {n} about rural backhaul prices"
    unit = Unit("s", n, n + 1, who, None, 0, len(text), text, n / 100, 0, tuple(text.split()))
    return Scored(unit, score, {})


def _voice(unit: Unit) -> str:
    return f"{unit.who}\x00summary:{unit.position}" if unit.who == "Wrap" else unit.who


def test_a_voice_with_no_contending_sentence_loses_its_bonus_and_the_others_keep_theirs() -> None:
    k = 2  # two takeaways: the contenders are the CONTENDERS * 2 best-scored candidates
    pool = [_item("Ana", n, 1.0 - n / 100) for n in range(CONTENDERS * k)]  # Ana holds every contending place
    pool += [_item("Bo", 20, 0.99), _item("Host", 30, 0.1)]  # Bo ranks near the top; the host's hand-over far down
    bonus = {"Ana": 1.0, "Bo": 0.5, "Host": 0.8}
    out = contending(pool, k, _voice, bonus)
    assert out["Host"] == 0.0  # its best sentence is below the contenders: no bonus for a new voice
    assert out["Ana"] == 1.0 and out["Bo"] == 0.5  # a contending voice keeps its share as it was
    assert bonus["Host"] == 0.8  # the shares passed in are not changed


def test_a_wrap_up_keeps_its_bonus_however_it_ranks_and_a_small_pool_gates_nobody() -> None:
    pool = [_item("Ana", n, 1.0 - n / 100) for n in range(10)] + [_item("Wrap", 50, 0.05)]
    wrap = _voice(pool[-1].unit)
    assert contending(pool, 1, _voice, {wrap: 1.0})[wrap] == 1.0  # the room's voice, not a speaker's aside
    few = [_item("Ana", 1, 0.9), _item("Host", 2, 0.1)]
    assert contending(few, 8, _voice, {"Ana": 1.0, "Host": 1.0}) == {"Ana": 1.0, "Host": 1.0}
    assert contending([], 3, _voice, {"Ana": 1.0}) == {"Ana": 1.0}


def test_rank_takeaways_still_gives_each_main_speaker_a_point() -> None:
    from forumlens.summarise.context import build_context
    from forumlens.transcript.parse import parse_transcript

    room = (
        ">> MODERATOR: Welcome. Ana, please.\n"
        ">> ANA LIMA: Backhaul prices decide whether a community network survives its first winter."
        " Regulators should publish wholesale backhaul prices every year."
        " Solar power is cheap now for the towers in the hills.\n"
        ">> BO TANAKA: Spectrum licences for villages should cost nothing for five years."
        " Our cooperative waited two years for a licence from the regulator.\n"
        ">> CY OKORO: Community networks need trained local technicians more than new towers."
        " We trained forty technicians last year in three districts.\n"
        ">> MODERATOR: Thank you all.\n"
    )
    ctx = build_context(parse_transcript(room, source="r.txt", sha256="r"))
    speakers = {s.unit.who for s in rank_takeaways(ctx, k=3)}
    assert speakers == {"Ana Lima", "Bo Tanaka", "Cy Okoro"}  # one point of each panellist, none of the host
