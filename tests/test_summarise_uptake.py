"""summarise/uptake.py: a point a later speaker takes up by its speaker's name weighs more in the takeaways."""

from __future__ import annotations

import math

from forumlens.summarise import report
from forumlens.summarise.context import build_context
from forumlens.summarise.uptake import name_words, named_uptake
from forumlens.transcript.parse import parse_transcript

_ROOM = (
    ">> MODERATOR: Welcome to the workshop on rural connectivity. Ana, please start.\n"
    ">> ANA LIMA: Backhaul prices decide whether a community network survives its first winter."
    " Solar panels are cheap now and nobody worries about them.\n"
    ">> BO TANAKA: Spectrum licences for villages should cost nothing for five years."
    " Our cooperative waited two years for a licence from the regulator.\n"
    ">> CY OKORO: As Ana said, backhaul prices decide everything for the small networks we fund in the mountains.\n"
    ">> MODERATOR: Thank you all.\n"
)


def _first_words(ctx: object, share: object) -> dict[str, float]:
    return {u.text.split()[0]: share(u) for u in ctx.units}  # type: ignore[attr-defined, operator]


def test_the_words_a_speaker_is_called_by_are_the_capitalised_ones_of_three_letters_or_more() -> None:
    assert name_words("Ana Lima") == frozenset({"Ana", "Lima"})
    assert name_words("Bo de la Cruz") == frozenset({"Cruz"})


def test_a_point_a_later_speaker_names_and_says_again_has_a_share_and_the_others_none() -> None:
    ctx = build_context(parse_transcript(_ROOM, source="r.txt", sha256="r"))
    shares = _first_words(ctx, named_uptake(ctx.units, ctx.ranking().model))
    assert 0 < shares["Backhaul"] < 1  # "As Ana said, backhaul prices decide ...": not every term of hers
    assert shares["Solar"] == 0.0  # Ana's, but not said again
    assert shares["Spectrum"] == 0.0 and shares["As"] == 0.0  # nobody names Bo or Cy
    assert named_uptake(ctx.units, None)(ctx.units[0]) == 0.0  # nothing rankable: no weights


def test_naming_before_the_point_is_no_uptake() -> None:
    before = _ROOM.replace("As Ana said, backhaul", "Backhaul", 1).replace(
        "Ana, please start.", "Ana, backhaul prices?"
    )
    ctx = build_context(parse_transcript(before, source="r.txt", sha256="r"))
    assert _first_words(ctx, named_uptake(ctx.units, ctx.ranking().model))["Backhaul"] == 0.0


def test_the_takeaways_weigh_the_taken_up_point_by_its_share() -> None:
    ctx = build_context(parse_transcript(_ROOM, source="r.txt", sha256="r"))
    signals = report.signals_of(ctx)
    share = named_uptake(ctx.units, ctx.ranking().model)
    shipped = report.takeaway_boost(ctx, signals)
    saved = report.NAMED_UPTAKE
    try:
        report.NAMED_UPTAKE = 0.0
        without = report.takeaway_boost(ctx, signals)
    finally:
        report.NAMED_UPTAKE = saved
    for u in ctx.units:
        assert math.isclose(shipped(u), without(u) * (1.0 + saved * share(u)), rel_tol=1e-9)
    assert any(share(u) > 0 for u in ctx.units)
