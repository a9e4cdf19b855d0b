"""Organisations tied to a person by the words around them, in or out of the registries."""

from __future__ import annotations

import pytest

from forumlens.resolve import find_mentions
from forumlens.resolve.orgs import after_name, load_gazetteer, self_orgs

GAZETTEER = load_gazetteer().with_people(["Anna Schmidt", "Anna", "Schmidt"])


def _own(sentence: str) -> list[tuple[str, str]]:
    found = self_orgs(sentence, 0, len(sentence), find_mentions(sentence), GAZETTEER)
    return [(o.name, o.key) for o in sorted(found, key=lambda o: o.rank)]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("I'm from the University of Nairobi.", "University of Nairobi"),
        ("I work for a start-up called Kasi Labs.", "Kasi Labs"),
        ("I'm the founder of Kasi Labs, we build apps.", "Kasi Labs"),
        ("I'm from the Ministry of ICT of Uganda.", "Ministry of ICT"),
        ("I'm with the national radio network.", "national radio network"),
        ("I am a journalist at the Daily Monitor in Kampala.", "Daily Monitor"),
        ("I am the Director General of the Communications Authority of Kenya.", "Communications Authority of Kenya"),
        ("I'm a professor of Law at Oxford University.", "Oxford University"),
        ("I am representing the Government of Brazil.", "Government of Brazil"),
        (
            "Hello, I am Kavya from Pune, I'm with the Centre for Internet and Society.",
            "Centre for Internet and Society",
        ),
        ("My other hat is my university, the Universidad de Chile, so I teach too.", "Universidad de Chile"),
        (
            "I have seen many things, and that is why today I work at El Faro, the newspaper, on a team.",
            "El Faro",
        ),
    ],
)
def test_organisations_outside_the_registry(sentence, name):
    found = _own(sentence)
    assert found, sentence
    assert found[0][0] == name and found[0][1].startswith("org:")


@pytest.mark.parametrize(
    "sentence, entity",
    [
        ("I am a member of the Youth IGF Poland.", "nri-youth-poland"),
        ("As the Chair of the Board of ICANN, I think we should act.", "icann"),
        ("I am a programme specialist in UNESCO's Section for Digital Innovation.", "unesco"),
        ("I'm a consultant for the World Bank and UNDP.", "world-bank"),
    ],
)
def test_registry_bodies_keep_their_registry_identity(sentence, entity):
    assert _own(sentence)[0][1] == entity


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm from Kenya.",
        "I'm from New York.",
        "I work in Nairobi.",
        "I'm calling in from Kumasi.",
        "I'm Anna Schmidt from Berlin.",
        "I'm with you on this point.",
        "I'm with my colleague Anna here.",
        "I work with Anna on this.",
        "I'm representing myself.",
        "Speaking for myself, I agree.",
        "We run workshops with UNICEF every year.",  # a partner, not an employer
        "In my previous job I worked for the OHCHR.",  # a past employer
        "I'm an expert in AI and Human Rights.",  # a field
        "I'm a senior advisor at the Ministry, in charge of cyber.",  # which ministry is not said
        "I work for a think tank here in the city.",  # a description with no name
        "I took a course by UNESCO last year.",
    ],
)
def test_places_people_fields_and_mere_mentions_are_not_organisations(sentence):
    assert _own(sentence) == []


@pytest.mark.parametrize(
    "text, name, org",
    [
        ("Our next speaker is Ana Lima from the University of São Paulo.", "Ana Lima", "University of São Paulo"),
        (
            "Dr. Ada Obi, director of digital health at the Ministry of Health of Ghana.",
            "Ada Obi",
            "Ministry of Health",
        ),
        ("Tom Berg, a reporter for the national broadcaster of Norway.", "Tom Berg", "national broadcaster of Norway"),
        ("Jean-Paul runs a start-up called MedLink that builds records.", "Jean-Paul", "MedLink"),
        ("Sara Lind, who is with Access Now, is here.", "Sara Lind", "Access Now"),
        ("Kenji Watanabe from NTT Docomo.", "Kenji Watanabe", "NTT Docomo"),
    ],
)
def test_organisations_others_tie_to_a_name(text, name, org):
    end = text.index(name) + len(name)
    found = after_name(text, end, len(text), find_mentions(text), GAZETTEER)
    assert [o.name for o in found][:1] == [org]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Let me start with Olusegun Adeyemi from Lagos.", "Olusegun Adeyemi"),
        ("Rahim Khan, who is joining us from Karachi.", "Rahim Khan"),
        ("Thank you, Maria, and thanks to UNESCO for the support.", "Maria"),
    ],
)
def test_where_someone_is_or_an_organisation_nearby_is_not_theirs(text, name):
    end = text.index(name) + len(name)
    assert after_name(text, end, len(text), find_mentions(text), GAZETTEER) == []


def test_name_card_labels_give_the_affiliation():
    from forumlens.resolve import resolve_session
    from forumlens.transcript.parse import parse_transcript

    text = (
        "IGF 2019 - WS 1 Name cards\n\n>> MODERATOR:  Welcome.\n\n"
        ">> ALISON GILLWALD, RESEARCH ICT AFRICA:  Thank you.\n\n"
        ">> JANE DOE (UNICEF):  Thank you.\n\n"
        ">> Tom Berg, University of Oslo:  Hello.\n"
    )
    cast = resolve_session(parse_transcript(text))
    got = {p.name: (p.affiliation, p.affiliation_id) for p in cast.people if p.name}
    assert got == {
        "Alison Gillwald": ("Research ICT Africa", None),
        "Jane Doe": ("UNICEF", "unicef"),  # a registry body keeps its canonical name and id
        "Tom Berg": ("University of Oslo", None),
    }
    evidence = next(p for p in cast.people if p.name == "Alison Gillwald").evidence
    assert [(e.kind, e.quote) for e in evidence] == [("name-card", "ALISON GILLWALD, RESEARCH ICT AFRICA")]


@pytest.mark.parametrize(
    "text, name, org",
    [
        ("From the University of Ghana, Professor Ama Owusu.", "Ama Owusu", "University of Ghana"),
        ("Representing Access Now, we have Sara Lind.", "Sara Lind", "Access Now"),
        ("From Lagos, Ade Bello.", "Ade Bello", None),
        ("We heard from UNESCO earlier, and now Ade Bello.", "Ade Bello", None),
    ],
)
def test_organisations_said_right_before_a_name(text, name, org):
    from forumlens.resolve.orgs import before_name

    found = before_name(text, 0, text.index(name), find_mentions(text), GAZETTEER)
    assert (found.name if found else None) == org


@pytest.mark.parametrize(
    "sentence, name",
    [
        # a title of capitalised words before the role noun
        (
            "I am Deputy Minister at the Ministry of Water and Sanitation of Zambia.",
            "Ministry of Water and Sanitation",
        ),
        ("I am a second-year student at Makerere University.", "Makerere University"),
        # a unit inside the organisation, then the organisation
        ("I'm from the department of media studies of the University of Lagos.", "University of Lagos"),
        ("I'm a policy officer in the Ministry of Justice of Chile.", "Ministry of Justice"),
        # verbs of teaching and studying
        ("I teach journalism at Rhodes University, in Makhanda.", "Rhodes University"),
        # the cue after the name
        ("At Radio Nkwanta, where I work, we have no budget for fact-checking.", "Radio Nkwanta"),
        ("Speaking from the side of the Tallinn Digital Council, we welcome this.", "Tallinn Digital Council"),
    ],
)
def test_more_ways_to_say_whom_one_works_for(sentence, name):
    assert _own(sentence)[0][0] == name


def test_a_minister_speaks_for_the_ministry_whose_fields_are_listed_with_commas():
    found = _own("I am the Minister of Youth, Sports and the Creative Economy of Ghana.")
    assert found[0][0] == "Ministry of Youth, Sports and the Creative Economy of Ghana"


def test_a_sentence_opening_with_the_speakers_own_name_and_for_is_a_self_introduction():
    sentence = "Marta Silva, for the Dynamic Coalition on Community Connectivity.  We built 12 networks."
    mine = self_orgs(sentence, 0, 55, find_mentions(sentence), GAZETTEER, ["Marta Silva", "Marta", "Silva"])
    assert [o.key for o in mine] == ["dc3"]
    # the same shape with someone else's name is a chair handing over, not a self-introduction
    theirs = self_orgs(sentence, 0, 55, find_mentions(sentence), GAZETTEER, ["Ingrid Berg", "Ingrid", "Berg"])
    assert theirs == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I am not a member of the Kenya Editors Guild Association.",
        "I'm an expert in Data Protection and Human Rights.",
    ],
)
def test_negations_and_fields_are_still_not_affiliations(sentence):
    assert _own(sentence) == []


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Next, Halima Yusuf, who chairs the ICT committee in the National Assembly of Nigeria.",
            "National Assembly of Nigeria",
        ),
        ("We welcome Jon Ek, Chief Information Security Officer of Nordic Fibre Networks.", "Nordic Fibre Networks"),
    ],
)
def test_others_words_with_a_verb_or_a_capitalised_title(text, name):
    who = "Halima Yusuf" if "Halima" in text else "Jon Ek"
    end = text.index(who) + len(who)
    found = after_name(text, end, len(text), find_mentions(text), GAZETTEER)
    assert found and found[0].name == name


def test_a_seat_between_the_name_and_the_body_is_passed_but_a_town_after_it_is_no_body() -> None:
    from forumlens.resolve import resolve_session
    from forumlens.transcript.parse import parse_transcript

    def body(intro: str) -> str | None:
        text = (
            "INTERNET GOVERNANCE FORUM\nSHARM, 2009\nMAIN SESSION\n\n"
            f">> MODERATOR:  Good afternoon.  {intro}  Selim, please.\n\n"
            ">> SELIM HADDAD-KARAM:  Thank you.  In our town we host locally.\n"
        )
        cast = resolve_session(parse_transcript(text, source="t.txt"))
        return next(p.affiliation for p in cast.people if p.name == "Selim Haddad-Karam")

    assert body(
        "Then Selim Haddad-Karam, sitting closest to me, who is a founder of the Tyre Hosting Cooperative."
    ) == ("Tyre Hosting Cooperative")
    assert body("Then Selim Haddad-Karam, seated at the far end of the table, from the Tyre Hosting Cooperative.") == (
        "Tyre Hosting Cooperative"
    )
    assert body("Then Selim Haddad-Karam, sitting next to me, from Zahle.") is None


@pytest.mark.parametrize(
    "text, name",
    [
        # the country or town after a body's full name is where it is, not part of its name
        ("I'm from the Ministry of Fisheries and Blue Economy of Ghana.", "Ministry of Fisheries and Blue Economy"),
        ("I work for the Open Maps Foundation in the Netherlands.", "Open Maps Foundation"),
        # a body named after its country keeps it: one "of" only, or a national body
        ("I work for the Central Bank of Kenya.", "Central Bank of Kenya"),
        (
            "I'm with the National Union of Fishing Cooperatives of Ghana.",
            "National Union of Fishing Cooperatives of Ghana",
        ),
    ],
)
def test_a_body_then_where_it_is(text, name):
    assert _own(text)[:1] and _own(text)[0][0] == name


def test_the_body_before_its_country_and_where_i_work():
    assert _own("This forum is hosted by the Ministry of Rural Roads of Peru, where I work.")[0][0] == (
        "Ministry of Rural Roads"
    )


def test_ones_own_name_after_a_colon_then_a_body_is_a_self_introduction():
    sentence = "And I forgot myself, so for the record: Tamar Oduya, from the Lakeside Seed Library."
    mine = self_orgs(sentence, 0, len(sentence), find_mentions(sentence), GAZETTEER, ["Tamar Oduya"])
    assert [o.name for o in mine] == ["Lakeside Seed Library"]
    # the same shape with somebody else's name is a hand-off, not the speaker's body
    theirs = self_orgs(sentence, 0, len(sentence), find_mentions(sentence), GAZETTEER, ["Pita Lomu"])
    assert theirs == []


@pytest.mark.parametrize(
    "text, name, org",
    [
        # what the person is, then the body they are also from or here for
        (
            "Beside me, Dr. Ines Valcourt, the lead writer of the study, also from the Coastal Data Observatory.",
            "Ines Valcourt",
            "Coastal Data Observatory",
        ),
        (
            "Then Senator Tomas Ruel, a member from Ecuador, who is here for the Andean Caucus on Broadband.",
            "Tomas Ruel",
            "Andean Caucus on Broadband",
        ),
        # a body named and then its people in lower case, though a town opens its name
        ("Our timekeeper is Noor Haddad of the Tripoli Code Club volunteers.", "Noor Haddad", "Tripoli Code Club"),
    ],
)
def test_past_what_someone_is_the_body_they_are_from(text, name, org):
    end = text.index(name) + len(name)
    found = after_name(text, end, len(text), find_mentions(text), GAZETTEER)
    assert [o.name for o in found][:1] == [org]


def test_the_arabic_article_joined_by_a_hyphen_stays_in_a_name():
    assert _own("I write for Nida al-Sahil, it is a monthly paper.")[0][0] == "Nida al-Sahil"
