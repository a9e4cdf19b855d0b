"""The need-pair model (`threads/linkmodel.py`): shipped weights, its features, and the joins it adds to the rules."""

from __future__ import annotations

import pytest

from forumlens.threads.link import link_items
from forumlens.threads.linkmodel import NEED_FEATURES, LinkModel, load_link_model, names_earlier, says_repeat
from forumlens.threads.models import Item


def _need(session: str, line: int, quote: str, year: int, category: str, speaker: str | None = None) -> Item:
    return Item(session, line, quote, "need", speaker=speaker, coalition="DC on Test", category=category).placed(
        year, (year,)
    )


@pytest.mark.parametrize("linker", ["lexical", "semantic"])
def test_shipped_model_for_each_linker(linker: str) -> None:
    model = load_link_model(linker)
    assert model is not None
    assert len(model.weights) == len(NEED_FEATURES)
    assert 0.0 < model.threshold < 1.0
    # alike needs weigh for a join, two needs of one session against it
    weights = dict(zip(NEED_FEATURES, model.weights, strict=True))
    assert weights["sim"] > 0 and weights["object"] > 0 and weights["same_session"] < 0


def test_model_json_round_trip_and_bad_length() -> None:
    model = LinkModel((0.5,) * len(NEED_FEATURES), -1.0, 0.5)
    assert LinkModel.from_json(model.to_json()) == model
    with pytest.raises(ValueError, match="weights"):
        LinkModel.from_json({"weights": [1.0], "bias": 0.0, "threshold": 0.5})


def test_repeat_and_named_speaker_cues() -> None:
    assert says_repeat("And I repeat what Ana asked last year, in other words: more seats.")
    assert not says_repeat("We ask for more seats for youth in the MAG.")
    earlier = _need("s1", 2, "We ask for more seats for youth.", 2023, "participation", speaker="Ana Pereira")
    said_by = _need("s2", 4, "I repeat what Pereira asked, more seats for the young.", 2025, "other", speaker="Bo Li")
    in_passing = _need("s2", 6, "Pereira made me promise to be short: more seats.", 2025, "other", speaker="Bo Li")
    assert names_earlier(earlier, said_by)
    assert not names_earlier(earlier, in_passing)


def test_model_joins_a_repeat_the_category_rule_keeps_apart() -> None:
    first = _need(
        "s1",
        3,
        "Our message: filtering at the level of the DNS hurts the whole Internet, and states should stop it.",
        2021,
        "links-to-institutions",
    )
    again = _need(
        "s2",
        5,
        "Once again we say it: states should not tamper with the domain name system to filter content on the Internet.",
        2023,
        "other",
    )
    other = _need(
        "s3", 7, "We ask the Secretariat for interpretation into French in every session.", 2023, "participation"
    )
    by_rules = link_items([first, again, other], model=False)
    assert sorted(len(t.items) for t in by_rules.threads) == [1, 1, 1]
    by_model = link_items([first, again, other], model=True)
    assert sorted([i.line for i in t.items] for t in by_model.threads) == [[3, 5], [7]]
    joined = next(d for d in by_model.decisions if d.item == "s2:5")
    assert "pair model" in joined.rule


def test_model_never_joins_two_actors() -> None:
    first = _need("s1", 3, "States should stop DNS filtering of content.", 2021, "other")
    again = Item(
        "s2", 5, "States should stop DNS filtering of content.", "need", coalition="DC on Other", category="other"
    ).placed(2023, (2023,))
    assert len(link_items([first, again], model=True).threads) == 2


def test_a_retrained_model_changes_the_link_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored threads are re-linked when the shipped weights change, not only when LINK_VERSION does."""
    from forumlens.threads import linkmodel, service

    sessions = [("s1", 2024, (2024, 1), "digest")]
    before = service.link_stamp(sessions, "lexical")
    assert service.link_stamp(sessions, "lexical") == before
    monkeypatch.setattr(linkmodel, "shipped_digest", lambda: "retrained000")
    assert service.link_stamp(sessions, "lexical") != before
