"""Ask units of ordinary sessions (round 23, issue 22): an ask is not cut before its own main
clause (a condition, a request named before it is said, "so that", a bare "or better"), a sound
note before a caption line is not the ask's line, a sentence end at a line break ends the unit,
and a story of what others ask for or a "where we should be" is no ask. Examples written here."""

from __future__ import annotations

from forumlens.analyse import find_intel
from forumlens.analyse.asks import classify_type
from forumlens.analyse.clauses import ask_units, opens_next
from forumlens.transcript.parse import parse_transcript


def _units(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in ask_units(sentence)]


def _asks(*lines: str) -> list[tuple[int, str, str]]:
    text = ">> MODERATOR: Farah, please.\n>> FARAH OSEI: " + "\n".join(lines) + "\n"
    return [
        (a["line"], a["type"], a["quote"]) for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]
    ]


def test_a_condition_stays_with_the_request_it_opens() -> None:
    sentence = (
        "And my request to the librarians of the network, please, if you keep old maps of the district "
        "in any format, scan them for us, we will put them all online together before the autumn."
    )
    assert _units(sentence)[0] == (
        "And my request to the librarians of the network, please, if you keep old maps of the district "
        "in any format, scan them for us"
    )


def test_a_time_clause_and_a_bare_or_better_stay_with_what_follows() -> None:
    sentence = (
        "So please, everybody here who writes the tenders for a city council, when you publish a tender, "
        "give the small firms four weeks at least, or better, give them six weeks and a contact person."
    )
    assert _units(sentence) == [sentence.rstrip(".") + "."]


def test_a_condition_after_a_clause_that_already_asks_is_not_glued() -> None:
    """The piece before the condition asks on its own, so the next piece is judged apart."""
    assert not opens_next("We would like the ministry to fund it, and Amara, if you send me your address")
    assert not opens_next("And if the Secretariat can give us one more room")
    assert opens_next("please, if you have photos of the flood")
    assert opens_next("put the data online, or better")
    assert not opens_next("So, Minister, if you read the transcript:")


def test_a_purpose_clause_is_not_a_unit_of_its_own() -> None:
    sentence = (
        "Third, I would really like the regional forums to use one common survey on school connectivity "
        "in their meetings next spring, the same ten questions, so that we can compare the results "
        "across the region and bring one message to the global forum."
    )
    assert len(_units(sentence)) == 1


def test_a_list_item_without_a_verb_stays_with_its_list_but_a_new_subject_is_cut() -> None:
    listed = (
        "So my recommendation is, every newsroom in the region should have a written safety policy, "
        "with one person responsible, a small budget for lawyers, and the right for the reporter "
        "to take leave after an attack."
    )
    assert len(_units(listed)) == 1
    new_subject = (
        "So my recommendation is, every newsroom in the region should have a written safety policy "
        "with one person responsible for it, and the owners should pay for the lawyers of the reporters."
    )
    assert len(_units(new_subject)) == 2


def test_a_sound_note_before_a_line_is_not_the_asks_line() -> None:
    asks = _asks(
        "Our network trained two hundred teachers this year.  (Laughter)",
        "Next year we will publish our teaching guide in French and in Arabic, so the other networks can use it.",
    )
    assert [(line, quote) for line, _, quote in asks] == [
        (3, "Next year we will publish our teaching guide in French and in Arabic, so the other networks can use it.")
    ]


def test_a_sentence_end_at_a_line_break_ends_the_unit() -> None:
    sentence = "Most families share one phone, the father keeps it.\nSo we recommend that the ministry should fund shared phones."
    assert _units(sentence) == [
        "Most families share one phone, the father keeps it.",
        "So we recommend that the ministry should fund shared phones.",
    ]


def test_what_others_ask_for_in_a_story_is_not_an_ask() -> None:
    assert (
        classify_type("They phone the pensioners at night and they ask for their bank codes, twice this month.") is None
    )
    assert classify_type("We ask for one interpreter at every regional meeting.") == "ask"
    assert classify_type("They need a trainer who speaks slowly.") == "ask"


def test_where_we_should_be_recommends_nothing() -> None:
    assert classify_type("Honestly, we are not where we should be on the captions.") is None
    assert classify_type("The captions should be in every room next year.") == "recommendation"
