"""A body outside the registries tied to the speaker by a link word of their own clause ("I am
here for the …", "At the … Office we …"; `resolve.affiliation_links`), and what is no such tie.
The session and the names are written for these tests.
"""

from __future__ import annotations

import pytest

from forumlens.resolve.affiliation_links import linked_orgs
from forumlens.resolve.cast import resolve_session
from forumlens.resolve.mentions import Mention
from forumlens.resolve.orgs import self_orgs
from forumlens.resolve.orgwords import load_gazetteer
from forumlens.transcript.parse import parse_transcript

SESSION = (
    "IGF 2019 – Day 3 – Workshop #212: Post Offices as Internet Rooms\n\n***\n\n"
    ">> MODERATOR:  Good morning.  My name is Oddny Brekkestrand, and for nine years I have edited a weekly page "
    "on village life at Fjordposten Nord Avis, a local newspaper in Troms, so I know the post offices well.  "
    "Our first speaker is Jurgis.\n\n"
    ">> JURGIS VALAITIS:  Thank you, Oddny.  Jurgis Valaitis, I run the counter in a small village, and I am "
    "here for the Kaimo Pastininkų Sąjunga, the union of village postmasters.  We have two hundred members.\n\n"
    ">> MODERATOR:  Thank you.  Kalinda, please.\n\n"
    ">> KALINDA MARRAWUY:  Hello.  I am Kalinda Marrawuy.  At the Arnhem Coast Learning Circle we open the "
    "school library to the whole town on Saturdays.  I thank you for the Invitation.\n\n"
    ">> MODERATOR:  Thank you all.  The session is closed.\n"
)


def _orgs(sentence: str) -> list[str]:
    gazetteer = load_gazetteer()
    return [o.name for o in linked_orgs(sentence, 0, len(sentence), [], gazetteer, lambda pos: False)]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("I am here for the Kaimo Pastininkų Sąjunga, the union of postmasters.", "Kaimo Pastininkų Sąjunga"),
        ("I do the online part for the Dunmore Civic Bench, from the laptop.", "Dunmore Civic Bench"),
        ("I write about floods for the Ukiyama Shimbun here in Sendai.", "Ukiyama Shimbun"),
        ("At the Tarrant Valley Broadband Office we counted the villages.", "Tarrant Valley Broadband Office"),
        (
            "I am sorry not to be there, at the Coral Atoll Radio Trust our budget went to fuel.",
            "Coral Atoll Radio Trust",
        ),
        ("I also present the farming news at Radio Kasese FM every Friday.", "Radio Kasese FM"),  # an acronym shows it
    ],
)
def test_a_body_after_a_link_of_ones_own_clause_is_read(sentence, name):
    assert _orgs(sentence) == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        "I thank you for the Kind Words of the chair.",  # thanks
        "I have a question for the Dunmore Civic Bench.",  # a question to a body
        "I was at the Tarrant Valley Broadband Office for ten years.",  # the past
        "I did some interviews for the Coral Atoll Radio Trust in the islands.",  # work done once, a client
        "I am here at the Palais Wilson with my colleagues.",  # where one is
        "I am very happy to be at the Palais des Nations today.",  # being there, glad of it
        "At the Closing Plenary we will hear the messages.",  # an event, no body
        "I would like to speak for the Global South today.",  # English words, no organisation word
        "I think this matters for the Open Internet Principles.",
        "I am responsible for the Digital Inclusion Strategy in our office.",
        "I never worked for the Dunmore Civic Bench.",  # a denial
        "I am happy to be here for the Ukiyama.",  # one word that shows no body
        "I work closely with people at Dunmore Civic Bench.",  # no "the", no body word, no kind said
        "I am Jurgis, I love my time for Kenya.",  # a place
        "At the Tarrant Valley Broadband Office they counted the villages.",  # not the first person after
        "So, and at the Tarrant Valley Broadband Office, I think, nobody counted.",  # the link opens no clause
        "I report for the North Sea meeting we held in May.",  # the name qualifies a noun
        "I propose to add that training for the Harbour Watch Unit is paid.",  # another clause's subject
        "I appear for the Republic of Valdoria in this case.",  # a state, even an invented one
    ],
)
def test_no_body_where_the_tie_is_loose_or_the_name_no_body(sentence):
    assert _orgs(sentence) == []


def test_a_registry_body_is_left_to_the_cues():
    sentence = "I am here for the Kaimo Postal Union this week."
    start = sentence.index("Kaimo")
    end = start + len("Kaimo Postal Union")
    mention = Mention("kpu", "org", "Kaimo Postal Union", start, end, 0, sentence[start:end], 0.9, "exact")
    gazetteer = load_gazetteer()
    assert _orgs(sentence) == ["Kaimo Postal Union"]
    assert linked_orgs(sentence, 0, len(sentence), [mention], gazetteer, lambda pos: False) == []


def test_a_kind_said_after_a_name_without_the_article_makes_it_a_body():
    gazetteer = load_gazetteer()
    sentence = "I have edited a page at Fjordposten Nord Avis, a local newspaper."
    described = [o.name for o in linked_orgs(sentence, 0, len(sentence), [], gazetteer, lambda pos: True)]
    undescribed = [o.name for o in linked_orgs(sentence, 0, len(sentence), [], gazetteer, lambda pos: False)]
    assert described == ["Fjordposten Nord Avis"]
    assert undescribed == []


def test_self_orgs_reads_the_kind_said_after_the_name():
    gazetteer = load_gazetteer()
    sentence = "For nine years I have edited a weekly page at Fjordposten Nord Avis, a local newspaper in Troms."
    assert [o.name for o in self_orgs(sentence, 0, len(sentence), [], gazetteer)] == ["Fjordposten Nord Avis"]


def test_the_session_gives_each_speaker_their_body():
    cast = resolve_session(parse_transcript(SESSION, source="igf2019-ws-post-offices.txt"))
    by_name = {p.name: p.affiliation for p in cast.people}
    assert by_name["Jurgis Valaitis"] == "Kaimo Pastininkų Sąjunga"
    assert by_name["Kalinda Marrawuy"] == "Arnhem Coast Learning Circle"
    assert by_name["Oddny Brekkestrand"] == "Fjordposten Nord Avis"
