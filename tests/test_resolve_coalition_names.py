"""Coalition names as users type them resolve to the registry, or fail with suggestions."""

import pytest

from forumlens.errors import ConfigError
from forumlens.resolve.coalition_names import UnknownCoalition, find_coalition, nearest_coalitions


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("DC-PAL", "DC on Public Access in Libraries"),
        ("dcpal", "DC on Public Access in Libraries"),
        ("Dynamic Coalition on Core Internet Values", "DC on Core Internet Values"),
        ("core internet values", "DC on Core Internet Values"),
        ("IRPC", "Internet Rights and Principles Coalition"),
        ("platform responsibilty", "DC on Platform Responsibility"),  # a typo
        ("DC on Public Access in Librairies", "DC on Public Access in Libraries"),
        ("net neutrality", "DC on Network Neutrality"),
    ],
)
def test_acronyms_names_topics_and_typos_find_the_coalition(typed, name):
    assert find_coalition(typed).name == name


def test_an_unknown_name_is_refused_with_the_nearest_names():
    with pytest.raises(UnknownCoalition) as caught:
        find_coalition("DC on Digital Helth and Wellbeing Unicorns")
    assert "no Dynamic Coalition is called" in str(caught.value)
    assert "DC on Digital Health" in caught.value.render() and caught.value.status == 404


def test_a_name_far_from_every_coalition_says_where_to_look():
    with pytest.raises(UnknownCoalition) as caught:
        find_coalition("DC on Unicorns")
    assert "forumlens coalitions" in caught.value.render()
    assert nearest_coalitions("unicorns") == []


def test_an_empty_name_is_a_usage_error():
    with pytest.raises(ConfigError, match="empty"):
        find_coalition("  ")


def test_a_typo_in_an_acronym_is_taken_or_suggested():
    assert find_coalition("DC-PAAL").name == "DC on Public Access in Libraries"
    with pytest.raises(UnknownCoalition, match="Internet Rights and Principles Coalition"):
        find_coalition("IRCP")  # two letters swapped: suggested, not guessed


def test_one_key_reads_the_dc_opening_as_whole_words():
    from forumlens.resolve.coalition_names import coalition_key

    assert (
        coalition_key("Dynamic Coalition on Open Water Data") == coalition_key("open water data") == "open water data"
    )
    assert coalition_key("DC-PAL") == "pal" and coalition_key("the DC for Fishers") == "fishers"
    # "on" / "in" opening a word are the word's ("line safety" and "ternet of things" before)
    assert coalition_key("DC Online Safety") == "online safety"
    assert coalition_key("DC Internet of Things") == "internet of things"
    assert coalition_key("DC on Género y Tecnología") == "genero y tecnologia"  # accents folded, not split
    assert coalition_key("DC on") == "dc on"  # nothing but the opening: the whole key


def test_stored_names_are_suggested_by_the_registrys_ranking():
    from forumlens.coalition_filter import pick_coalition

    stored = [("Dynamic Coalition on Rural Libraries", None), ("Dynamic Coalition on Lake Boatmen", "DC-LB")]
    with pytest.raises(UnknownCoalition) as caught:
        pick_coalition("DC on Lake Boatman Unions", stored)
    hint = caught.value.hint or ""
    assert hint.startswith("did you mean Dynamic Coalition on Lake Boatmen") and "Rural" not in hint
    assert pick_coalition("lake boatmen", stored) == "Dynamic Coalition on Lake Boatmen"
