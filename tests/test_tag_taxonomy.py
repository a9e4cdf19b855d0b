"""The taxonomies shipped as data: complete, well-formed, and in our own words."""

from __future__ import annotations

import pytest

from forumlens.errors import ConfigError
from forumlens.tag.taxonomy import SCHEMES, load_taxonomy, match_terms
from forumlens.text import stems


def test_sdg_taxonomy_has_17_goals_and_all_169_targets() -> None:
    sdg = load_taxonomy("sdg")
    assert sdg.codes == [f"SDG{i}" for i in range(1, 18)]
    targets = [t for e in sdg.entries for t in e.targets]
    assert len(targets) == 169
    # every target is numbered under its own goal: "6.1" under SDG6, "17.19" under SDG17
    for e in sdg.entries:
        assert all(t.code.split(".")[0] == e.code[3:] for t in e.targets)
    assert sdg.entry("SDG6").label == "Clean water and sanitation"


def test_issue_areas_cover_2021_to_2024() -> None:
    areas = load_taxonomy("issue-area")
    years = {e.year for e in areas.entries}
    assert {2021, 2022, 2023, 2024} <= years
    assert len([e for e in areas.entries if e.year == 2023]) == 8  # Kyoto's eight sub-themes


def test_gdc_has_its_five_objectives() -> None:
    assert load_taxonomy("gdc").codes == ["GDC1", "GDC2", "GDC3", "GDC4", "GDC5"]


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_entry_has_label_description_and_vocabulary(scheme: str) -> None:
    tax = load_taxonomy(scheme)
    assert len(set(tax.codes)) == len(tax.codes)
    for e in tax.entries:
        assert e.label and len(e.description) > 20 and len(e.terms) >= 10, e.code


def test_unknown_scheme_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown tag scheme"):
        load_taxonomy("sdgs")


def test_phrase_matching_prefers_the_longest_term() -> None:
    sdg = load_taxonomy("sdg")
    found = match_terms(sdg, stems("Climate change hurts smallholder farmers."))
    assert [(sdg.entries[e].code, k) for e, _, k in found] == [("SDG13", 2), ("SDG2", 1), ("SDG2", 1)]


def test_the_shipped_sdg_model_matches_the_feature_code() -> None:
    from forumlens.tag.model import FEATURE_NAMES, load_model

    model = load_model("sdg")
    assert model is not None and len(model.coef) == len(FEATURE_NAMES)
    assert set(model.bias) == {f"SDG{i}" for i in range(1, 18)}
    assert load_model("gdc") is None  # vocabulary-density scoring there


def test_package_surface() -> None:
    import forumlens.tag as tag

    for name in tag.__all__:
        assert getattr(tag, name) is not None
