"""orgnames: where an organisation's name said after a cue starts and ends."""

from __future__ import annotations

from forumlens.resolve.mentions import find_mentions
from forumlens.resolve.orgnames import MentionsByStart, org_at
from forumlens.resolve.orgwords import foreign_joiner, foreign_word, load_gazetteer


def _org_after(text: str, cue: str) -> str | None:
    at = text.index(cue) + len(cue)
    org = org_at(text, at, len(text), [], load_gazetteer(), place_cue=False)
    return org.name if org else None


def test_a_name_in_another_language_keeps_its_lower_case_words() -> None:
    # Czech writes the adjective and the head noun of a body's name in lower case
    text = "At home I coordinate Ústecká komunitní síť, the Ústí community network, with six villages."
    assert _org_after(text, "coordinate ") == "Ústecká komunitní síť"


def test_a_short_function_word_of_another_language_joins_capitalised_words() -> None:
    text = "I work for the Miejski Ośrodek Kultury w Lipnie, the town culture house in Lipno."
    assert _org_after(text, "work for ") == "Miejski Ośrodek Kultury w Lipnie"
    # English short words never join: the body is the name before them
    text = "I work for Harbourline Networks at Mombasa port."
    assert _org_after(text, "work for ") == "Harbourline Networks"


def test_an_english_lower_case_word_ends_the_name() -> None:
    text = "I run Fjordbyte Labs because nobody else would."
    assert _org_after(text, "run ") == "Fjordbyte Labs"


def test_foreign_words_are_told_by_letters_english_lacks() -> None:
    assert foreign_word("komunitní") and foreign_word("síť")
    assert not foreign_word("community") and not foreign_word("Síť")
    # no letter English lacks, but no English vocabulary word either: another language's word
    assert foreign_word("digitalpolitikk") and foreign_word("communautaire")
    assert not foreign_word("communities") and not foreign_word("networks")
    assert foreign_joiner("w") and foreign_joiner("na")
    assert not foreign_joiner("at") and not foreign_joiner("is") and not foreign_joiner("and")


def test_sorted_mentions_give_the_same_organisation_as_a_list() -> None:
    # the session view hands `org_at` its mentions sorted (a bisection, not a scan per cue):
    # the body named at the cue, and a body inside a unit's name, come out as from the plain list
    text = "I work for UNESCO and my colleague is with the Board of ICANN, as is the ITU team."
    mentions = list(reversed(find_mentions(text)))  # any order in: the first at an offset is kept
    for cue in ("work for ", "is with "):
        at = text.index(cue) + len(cue)
        listed = org_at(text, at, len(text), mentions, load_gazetteer(), place_cue=False)
        indexed = org_at(text, at, len(text), MentionsByStart(mentions), load_gazetteer(), place_cue=False)
        assert listed is not None and indexed == listed
    assert [m.start for m in MentionsByStart(mentions)] == sorted(m.start for m in mentions)


def test_a_body_name_ends_before_the_country_it_is_in() -> None:
    from forumlens.resolve.orgwords import place_after_name, place_qualifier

    assert place_qualifier(["Ministry", "of", "Ports", "and", "Shipping", "of", "Kenya"]) == 5
    assert place_qualifier(["University", "of", "Kenya"]) is None  # the country is its name
    assert place_qualifier(["Communications", "Authority", "of", "Kenya"]) is None  # one "of" only
    assert place_qualifier(["Bank", "of", "the", "Republic", "of", "Kenya"]) is None  # a state's long form
    # a name that opens with its organisation word and says what it is of ends before "in"
    assert place_after_name(["Institute", "of", "the", "Red", "Sea", "Coast", "in", "Jubaland"]) == 6
