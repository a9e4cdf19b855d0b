"""A body's name read whole: across the articles of a name in Spanish, Portuguese, French or
Italian, across an elided article ("de l'Océan"), and the whole name over a piece of it cut at
an inner "of"/"for" (`resolve.wholename`). The session and the names are written for these tests.
"""

from __future__ import annotations

import pytest

from forumlens.resolve.affcands import Candidate, _spans
from forumlens.resolve.cast import resolve_session
from forumlens.resolve.orgnames import proper_run
from forumlens.resolve.orgwords import elided_name_word
from forumlens.resolve.wholename import whole_name
from forumlens.transcript.parse import parse_transcript

SESSION = (
    "IGF 2023 – Day 2 – Workshop #77: Rural Roads and Mobile Data\n\n***\n\n"
    ">> HANNA LINDQVIST:  Good morning.  I am Hanna Lindqvist and I moderate this workshop.  Lucía, please.\n\n"
    ">> LUCIA FERRARIS:  Gracias.  My name is Lucía Ferraris, I am a volunteer of the Red de Mujeres por una "
    "Radio Libre de Chiloé, we run a radio for the islands.\n\n"
    ">> HANNA LINDQVIST:  And Mamadou.\n\n"
    ">> MAMADOU DIOP:  Merci.  I am Mamadou Diop, and our school is the École de Journalisme de l'Océan Indien "
    "de Toliara, the students report on the roads.\n\n"
    ">> HANNA LINDQVIST:  Thank you all.  The session is closed.\n"
)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Red de Mujeres por una Radio Libre de Chiloé, we run", "Red de Mujeres por una Radio Libre de Chiloé"),
        ("Fondazione per l'Innovazione Rurale di Cuneo.", "Fondazione per l'Innovazione Rurale di Cuneo"),
        ("Università degli Studi di Lucca, and", "Università degli Studi di Lucca"),
        ("UN Women and the rest", "UN Women"),  # an article only in lower case: "UN" is no "un"
    ],
)
def test_a_name_in_another_language_is_read_across_its_articles(text, name):
    end, _words = proper_run(text, 0, len(text))
    assert text[:end] == name


def test_an_elided_article_is_a_word_of_the_name_only_before_a_capital():
    assert elided_name_word("l'Océan") and elided_name_word("dell’Innovazione") and elided_name_word("d'Ivoire")
    assert not elided_name_word("l'autre") and not elided_name_word("don't") and not elided_name_word("Internet")


def test_a_name_goes_on_across_an_elided_article_but_never_ends_on_one():
    text = "the École de Journalisme de l'Océan Indien de Toliara, the students, and Côte d'Ivoire."
    spans = [" ".join(words) for _a, _b, words in _spans(text, 0, len(text))]
    assert "École de Journalisme de l'Océan Indien de Toliara" in spans
    assert not any(s.endswith(("l'Océan", "d'Ivoire")) for s in spans)


def test_the_session_reads_both_names_whole():
    cast = resolve_session(parse_transcript(SESSION, source="igf2023-ws-rural-roads.txt"))
    bodies = {p.name: p.affiliation for p in cast.people}
    assert bodies["Lucía Ferraris"] == "Red de Mujeres por una Radio Libre de Chiloé"
    assert bodies["Mamadou Diop"] == "École de Journalisme de l'Océan Indien de Toliara"


def _cand(name: str, entity_id: str | None = None) -> Candidate:
    return Candidate(key=name.casefold(), name=name, entity_id=entity_id)


PLACES = frozenset(["kenya"])
PEOPLE = frozenset(["okello", "wamala"])


def test_a_field_picked_gives_way_to_the_agency_it_belongs_to():
    pick = _cand("Water and Rural Roads")
    whole = _cand("National Agency for Water and Rural Roads")
    others = [pick, _cand("National Agency"), whole, _cand("Rural Roads")]
    assert whole_name(pick, others, PLACES, PEOPLE) is whole


def test_a_head_picked_gives_way_to_its_whole_name():
    pick = _cand("Lakeside Academy")
    whole = _cand("Lakeside Academy of Music and Drama")
    assert whole_name(pick, [pick, _cand("Lakeside Academy of Music"), whole], PLACES, PEOPLE) is whole


@pytest.mark.parametrize(
    "pick, longer",
    [
        ("Lakeside Academy", "Lakeside Academy and I"),  # a clause starts
        ("Faculty of Law", "Faculty of Law of Lakeside University"),  # another body, with its own head
        ("Ministry of Roads", "Ministry of Roads of Kenya"),  # a country: left as picked
        ("Reply Picture", "Reply Picture of Okello Wamala"),  # a speaker's name
        ("Roads Board", "Roads Board of Dr"),  # a title
        ("Water and Rural Roads", "National Roads for Water and Rural Roads"),  # no head in the front part
        ("ROADS BOARD", "ROADS BOARD OF THE NORTH"),  # in capitals case says nothing
    ],
)
def test_no_whole_name_past_what_is_no_part_of_it(pick, longer):
    picked = _cand(pick)
    assert whole_name(picked, [picked, _cand(longer)], PLACES, PEOPLE) is picked


def test_a_registry_body_is_never_replaced_nor_taken():
    registered = _cand("Internet Society", "isoc")
    assert whole_name(registered, [_cand("Internet Society of Lakeside")], PLACES, PEOPLE) is registered
    pick = _cand("Lakeside Academy")
    assert whole_name(pick, [pick, _cand("Lakeside Academy of Music", "dc-music")], PLACES, PEOPLE) is pick
    assert whole_name(None, [pick], PLACES, PEOPLE) is None
