"""Who's-who rules built for sessions the code has not seen (issue 22, stop 18).

Each input is written for this file (invented people and bodies, the shapes seen in unseen
sessions): organisations outside the registries tied by self-introductions, read-out name
cards and introductions by a co-chair; bodies merely addressed or named in a later clause
that are not affiliations; modes from what people say about where they are; roles from when
the chair opened the floor.
"""

from __future__ import annotations

import pytest

from forumlens.resolve import find_mentions, resolve_session
from forumlens.resolve.modes import ALL, own_cues, speaker_split
from forumlens.resolve.orgs import abbreviates, after_name, load_gazetteer, self_orgs
from forumlens.transcript.parse import parse_transcript

GAZETTEER = load_gazetteer().with_people(["Lina Saab", "Lina", "Saab", "Omar Aziz", "Omar", "Aziz"])


def _own(sentence: str) -> list[str]:
    found = self_orgs(sentence, 0, len(sentence), find_mentions(sentence), GAZETTEER)
    return [o.name for o in sorted(found, key=lambda o: o.rank)]


@pytest.mark.parametrize(
    "sentence, name",
    [
        # "I come from" and "I work in" introduce a body as well as a place
        ("Good morning, I come from the Lagos Innovation Hub Association, LIHA.", "Lagos Innovation Hub Association"),
        ("I work in the regulatory affairs team of Vodacom.", "Vodacom"),  # a team belongs to a body, not a town
        # Spanish, French and Portuguese link words inside a name
        (
            "I coordinate the digital rights program at Asociación por los Derechos Digitales in Peru.",
            "Asociación por los Derechos Digitales",
        ),
        ("I am with the Ligue pour la Protection des Données.", "Ligue pour la Protection des Données"),
        # an acronym glued to the name it abbreviates is not part of the name
        ("i am with the Ghana Youth Tech Collective GYTC and i will moderate", "Ghana Youth Tech Collective"),
        # a generic name keeps its place; a distinctive one does not need it
        ("I teach at the Catholic University in Lima.", "Catholic University in Lima"),
        ("I am a researcher at Makerere University in Kampala.", "Makerere University"),
        # a unit of a named forum is that forum
        ("I am with the Pacific Libraries Forum secretariat.", "Pacific Libraries Forum"),
    ],
)
def test_bodies_people_tie_themselves_to(sentence: str, name: str) -> None:
    assert _own(sentence)[:1] == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        "I am a teacher from Dakar, and my question is for UNESCO.",  # addressed, not joined
        "I am not with the ministry, I am not with Vodacom either.",  # denied
        # an unpunctuated caption: the body is in the next clause, about a past job
        "hi so i am an independent journalist in Quito I wrote a report for UNDP last year",
        "I advocate for Human Rights and Open Data.",  # a cause, not a body
        "I train people for the ILO sometimes.",  # a registry body as a client, not an employer
    ],
)
def test_bodies_merely_named_are_not_affiliations(sentence: str) -> None:
    assert _own(sentence) == []


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("My name is Kenji Watanabe, Hitotsubashi University.", ["Hitotsubashi University"]),
        ("Kenji Watanabe, NTT Docomo, Tokyo.", ["NTT Docomo"]),
        ("I am Kenji Watanabe, Tokyo.", []),  # a place
        ("My name is Kenji Watanabe, and I agree with Lina Saab.", []),
    ],
)
def test_a_speaker_reading_out_their_own_card(sentence: str, names: list[str]) -> None:
    own = ["Kenji Watanabe", "Kenji", "Watanabe"]
    found = self_orgs(sentence, 0, len(sentence), find_mentions(sentence), GAZETTEER, own)
    assert [o.name for o in found] == names


def test_the_secretariat_after_a_cue_is_the_igf_secretariat_with_its_canonical_name() -> None:
    text = "Now Aino from the Secretariat will explain the logistics."
    end = text.index("Aino") + len("Aino")
    found = after_name(text, end, len(text), find_mentions(text), GAZETTEER)
    assert [(o.name, o.key) for o in found] == [("IGF Secretariat", "igf-secretariat")]
    # as a free mention it stays nobody's body
    assert "igf-secretariat" not in {m.entity_id for m in find_mentions("Please write to the Secretariat.")}


@pytest.mark.parametrize(
    "text, name, org",
    [
        (
            "Karim Haddad, Arab Digital Rights Observatory, joining us online.",
            "Karim Haddad",
            "Arab Digital Rights Observatory",
        ),
        ("And Wanjiru Kamau, KICTANet, from Nairobi.", "Wanjiru Kamau", "KICTANet"),
    ],
)
def test_a_name_card_read_out_by_the_chair(text: str, name: str, org: str) -> None:
    end = text.index(name) + len(name)
    assert [o.name for o in after_name(text, end, len(text), find_mentions(text), GAZETTEER)] == [org]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Thank you Karim Haddad, Lina Saab and Omar Aziz.", "Karim Haddad"),  # a list of names
        ("We welcome Karim Haddad, Beirut, and Lina Saab.", "Karim Haddad"),  # a place
        ("Karim Haddad, Digital Rights and Open Data are your topics.", "Karim Haddad"),  # no organisation word
    ],
)
def test_what_follows_a_name_and_a_comma_is_not_always_a_card(text: str, name: str) -> None:
    end = text.index(name) + len(name)
    assert after_name(text, end, len(text), find_mentions(text), GAZETTEER) == []


@pytest.mark.parametrize(
    "token, words, expected",
    [
        ("APNIC", ["Asia", "Pacific", "Network", "Information", "Centre"], True),
        ("KICTANet", ["Kenya", "ICT", "Action", "Network"], True),
        ("GYTC", ["Ghana", "Youth", "Tech", "Collective"], True),
        ("Nairobi", ["Kenya", "ICT", "Action", "Network"], False),
        ("UNDP", ["Ghana", "Youth", "Tech", "Collective"], False),
    ],
)
def test_acronyms_of_a_name(token: str, words: list[str], expected: bool) -> None:
    assert abbreviates(token, words) is expected


@pytest.mark.parametrize(
    "sentence, side",
    [
        ("I am so happy to be with you in Kyoto this year.", "onsite"),  # the 2023 venue
        ("I am happy to be here with you all in Nairobi.", "online"),  # somewhere else
        ("I wish I could be with you in Kyoto.", None),  # where they are not
        ("I bring greetings from Accra and from our minister.", None),  # a message from home
    ],
)
def test_where_a_speaker_says_they_are(sentence: str, side: str | None) -> None:
    online, onsite = own_cues(sentence, 2023)
    got = None if online == onsite else ("online" if online > onsite else "onsite")
    assert got == side


@pytest.mark.parametrize(
    "words, expected",
    [
        ("We have three speakers in the room and one online.", (3, 1)),
        ("Four panellists, two here and two online.", (2, 2)),
        ("We have 2 speakers online and 3 with me here.", (3, 2)),
        ("Three speakers, and we want time for you.", None),
        ("We have three speakers, all of them here in the room with me.", (ALL, 0)),
        ("Both of our speakers are remote today.", (0, ALL)),
    ],
)
def test_a_chair_counting_the_panel_by_where_they_are(words: str, expected: tuple[int, int] | None) -> None:
    found = speaker_split(words)
    assert (found[:2] if found else None) == expected


_SESSION = """IGF 2023 Day 1 - Room G - WS #77 Rural Clinics and Telehealth

The following are the outputs of the captioning taken during an IGF intervention. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

>> Ines Moreau, moderator:  Good afternoon and welcome, here in Kyoto and online.  I will share the chair with Kwame Asante, who is taking the online questions from the back of the room.  I come from the Mediterranean Telehealth Alliance, and Kwame is from the Ghana Telemedicine Society.  We have three speakers in the room and one online.  First, Dr. Leila Haddad, joining us remotely from Amman.

>> LEILA HADDAD:  Thank you, Ines.  Good evening from Amman.  I am a physician at the Jordan Rural Health Network.  Our clinics lose the connection every afternoon.

>> Ines Moreau, moderator:  Thank you, Leila.  Now Tarek Mansour, Levant Satellite Company, here on the stage with me.

>> TAREK MANSOUR:  Thank you.  I bring greetings from Beirut.  We sell satellite capacity to clinics at cost.

>> Ines Moreau, moderator:  Thank you.  Next, Sun-hee Park, who leads the nursing faculty of Seoul Nursing College.

>> SUN-HEE PARK:  Thank you.  Nurses need training before devices.

>> Ines Moreau, moderator:  Thank you.  Akira Mori will speak after her.

>> AKIRA MORI:  I am happy to be with you in Kyoto.  I work in the health data team of Tohoku Hospital Group.

>> Ines Moreau, moderator:  Thank you all.  Let us open the floor.  Kwame, do we have questions online?

>> KWAME ASANTE:  Yes.  We have one remote participant.  Beatriz, please go ahead.

>> BEATRIZ LOPES:  Hello, can you hear me?  I am a nurse at the Clinica Popular da Maré in Rio.  My question is for the Levant Satellite Company.  Is the price the same for small clinics?

>> TAREK MANSOUR:  Yes, the same price.

>> AUDIENCE:  Thank you.  Just a comment, the data must stay in the country.

>> Ines Moreau, moderator:  Thank you.  We close here.
"""


def test_a_whole_unseen_session() -> None:
    cast = resolve_session(parse_transcript(_SESSION))
    got = {(p.name or p.labels[0]): (p.role, p.affiliation, p.mode) for p in cast.people}
    assert got == {
        # her own words put her in the room; "joining us remotely" is said of Leila
        "Ines Moreau": ("moderator", "Mediterranean Telehealth Alliance", "onsite"),
        # a co-chair introduced by first name by the other chair, "from the back of the room"
        "Kwame Asante": ("moderator", "Ghana Telemedicine Society", "onsite"),
        "Leila Haddad": ("guest", "Jordan Rural Health Network", "online"),
        # a read-out name card; "greetings from Beirut" is a message, not where he is
        "Tarek Mansour": ("guest", "Levant Satellite Company", "onsite"),
        # no mode said, but three in the room and the one online is known
        "Sun-Hee Park": ("guest", "Seoul Nursing College", "onsite"),
        "Akira Mori": ("guest", "Tohoku Hospital Group", "onsite"),
        # first heard after the floor opened: a participant; the company she asks is not hers
        "Beatriz Lopes": ("participant", "Clinica Popular da Maré", "online"),
        # a floor voice nobody places (it speaks right after a panelist): no mode, since a floor
        # label alone says nothing about where the voice is (mode null where never stated)
        "AUDIENCE": ("participant", None, None),
    }
    sun_hee = next(p for p in cast.people if p.name == "Sun-Hee Park")
    assert any("three speakers in the room" in e.quote for e in sun_hee.evidence)


_SECOND = """IGF 2018 - Day 2 - Salle IX - WS #301 Small Business, Big Data: Privacy for SMEs

The following are the outputs of the real-time captioning taken during the Thirteenth Annual Meeting of the Internet Governance Forum (IGF) in Paris, France. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

>> SOFIA MARIN:  Good afternoon, everybody, and welcome here in Paris.  I'm Sofia Marin from Derechos Digitales, and I will moderate this workshop.  My co-moderator Ahmed Farouk is online and he will read the chat for us.  We have four speakers.  First, Nour Hassan.

>> NOUR HASSAN:  Thank you Sofia, I hope you can hear me, I am joining from Cairo so forgive the noise.  so small companies in Egypt they collect a lot of data from customers on WhatsApp and they never think of it as data and this is a problem because when there is a leak nobody knows who is responsible, I'm the policy lead at Telecom Egypt and we see this every week with our SME clients.

>> SOFIA MARIN:  Thank you, Nour.  Next is Jean-Pierre Habimana, who heads the cybersecurity unit at the National Bank of Rwanda, and who is sitting at the front with me.

>> JEAN-PIERRE HABIMANA:  Merci, Sofia.  For the banks, the small merchants are the weakest point.  We published a simple guide last year.

>> SOFIA MARIN:  Thank you.  Mary, over to you.

>> MARY WAMBUI:  Thank you.  I flew in from Nairobi yesterday, so I am a bit tired.  I represent the Kenya Private Sector Alliance KEPSA, and our members are mostly small companies.  They want one rule, not five.

>> SOFIA MARIN:  Thank you, Mary.  And our last speaker, Tom Fischer.

>> TOM FISCHER:  Hello.  Apologies, my video is off because the connection is weak.  I used to work for Google, but now I am an independent consultant.  My advice is to start with data minimisation.

>> SOFIA MARIN:  Thank you, Tom.  Let's open the floor.  Yes, at the front.

>> AUDIENCE:  Thank you.  I am Jacques Lemaire, a student at Sciences Po here in Paris.  Who should train the small companies?

>> SOFIA MARIN:  Ahmed, anything from online?

>> AHMED FAROUK:  Yes, Lina Khoury has a question.  Lina, please.

>> LINA KHOURY:  Hi, thank you.  I work with SMEX in Beirut.  My question is for the National Bank of Rwanda:  is the guide available in French?

>> JEAN-PIERRE HABIMANA:  Yes, in French and Kinyarwanda.

>> SOFIA MARIN:  Thank you all.  We close here.
"""


def test_a_second_unseen_session() -> None:
    """Run-on self-introductions, a co-moderator online, modes said indirectly ("sitting at the
    front with me", "I flew in from Nairobi", "my video is off"), a former employer, and a
    question from online relayed by the online moderator."""
    cast = resolve_session(parse_transcript(_SECOND))
    got = {(p.name or p.labels[0]): (p.role, p.affiliation, p.mode) for p in cast.people}
    assert got == {
        "Sofia Marin": ("moderator", "Derechos Digitales", "onsite"),
        "Nour Hassan": ("guest", "Telecom Egypt", "online"),  # said at the end of a long run-on turn
        "Jean-Pierre Habimana": ("guest", "National Bank of Rwanda", "onsite"),
        "Mary Wambui": ("guest", "Kenya Private Sector Alliance", "onsite"),  # "KEPSA" glued on is dropped
        "Tom Fischer": ("guest", None, "online"),  # "I used to work for Google, but now I am independent"
        "Jacques Lemaire": ("participant", "Sciences Po", "onsite"),  # "I am Jacques Lemaire, a student at …"
        "Ahmed Farouk": ("moderator", None, "online"),  # "is online and he will read the chat"
        "Lina Khoury": ("participant", "SMEX", "online"),  # "Ahmed, anything from online?"
    }


_THIRD = """IGF 2024 - Day 3 - Workshop Room 6 - OF #19 Youth, Jobs and AI in Africa

The following are the outputs of the captioning taken during an IGF intervention. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors. It is posted as an aid, but should not be treated as an authoritative record.

>> MODERATOR (ANA LIMA):  Good morning to all of you here in Riyadh and online.  I work at the Brazilian Network Information Center, and I will guide this open forum.  With me on the stage is the Deputy Minister, and online we have two youth leaders.  Minister, the floor is yours.

>> DEPUTY MINISTER PIERRE NDAYISHIMIYE:  (Interpretation) Thank you, Madam Moderator.  I am the Deputy Minister of ICT of Burundi.  Our young people are ready, but the connectivity is not.  We call on the partners to invest in the last mile.

>> MODERATOR (ANA LIMA):  Thank you, Minister.  Now we go online to Zanele.

>> ZANELE DLAMINI:  Hi everyone, I'm calling in from Lusaka.  We at Paradigm Youth Lab train young people to build AI tools in local languages.  The problem is the compute, it is too expensive for us.

>> MODERATOR (ANA LIMA):  Thank you, Zanele.  And Kofi, also online.

>> KOFI MENSAH:  Thank you.  My organisation, Ghana Code Club, works with three hundred schools.  I agree with Zanele.  I am sorry, my connection is unstable.

>> MODERATOR (ANA LIMA):  Thank you.  Let us take questions from the room.  The lady in the front.

>> AUDIENCE:  Thank you.  My name is Fatima Al-Sayed, I am a software engineer at Riyadh Tech Valley.  My question is to the Minister:  how many schools are connected in Burundi today?

>> DEPUTY MINISTER PIERRE NDAYISHIMIYE:  (Interpretation) Around thirty percent.  We want to reach sixty by 2027.

>> ACCRA HUB:  Hello, this is the Accra hub, we are ten students from the University of Ghana.  Our question is for Kofi:  does Ghana Code Club work outside the capital?

>> KOFI MENSAH:  Yes, in the Northern region too.

>> MODERATOR (ANA LIMA):  Thank you all.  We close the open forum here.
"""


def test_a_third_unseen_session() -> None:
    """A role-first name card as the moderator's label, an interpreted minister handed the floor by
    title, "we at X", "my organisation, X", a remote hub and a floor voice with a company."""
    cast = resolve_session(parse_transcript(_THIRD))
    got = {(p.name or p.labels[0]): (p.role, p.affiliation, p.mode) for p in cast.people}
    assert got == {
        "Ana Lima": ("moderator", "Brazilian Network Information Center", "onsite"),
        "Pierre Ndayishimiye": ("guest", "Ministry of ICT of Burundi", "onsite"),
        "Zanele Dlamini": ("guest", "Paradigm Youth Lab", "online"),
        "Kofi Mensah": ("guest", "Ghana Code Club", "online"),
        "Fatima Al-Sayed": ("participant", "Riyadh Tech Valley", "onsite"),
        "Accra Hub": ("remote-hub", None, "online"),
    }


_FOURTH = """IGF 2021 - Day 1 - Room 4 - DC on Internet Standards, Security and Safety: Procurement that Secures

The following are the outputs of the real-time captioning taken during the virtual Sixteenth Annual Meeting of the Internet Governance Forum (IGF), held in Katowice, Poland. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

>> WOUT DE NATRIS:  okay good morning good afternoon everybody welcome to the session of the Dynamic Coalition on Internet Standards, Security and Safety, I am the coordinator of the coalition and with me in the room here in Katowice is Mallory Knodel, and online we have Olaf from the Netherlands and Yurie from Japan, let me start with Mallory

>> MALLORY KNODEL:  thank you Wout, yes so I am the chief technology officer of the Center for Democracy and Technology and we looked at the procurement rules of twelve governments and only two mention security standards at all

>> WOUT DE NATRIS:  thank you Mallory, Olaf please

>> OLAF KOLKMAN:  Thank you.  I'm with the Internet Society, and I lead our work on technology and standards.  The main point is that governments buy what they ask for.

>> WOUT DE NATRIS:  Thank you Olaf.  Yurie, can you hear us?

>> YURIE ITO:  Yes.  Hello from Tokyo.  I founded the CyberGreen Institute, and what we measure is the health of the ecosystem.

>> WOUT DE NATRIS:  Thank you.  Now I open the floor, who has a question.  Yes, the gentleman here.

>> AUDIENCE:  Thank you, my name is Piotr Nowicki, I work for NASK, the Polish research institute.  Did you also look at the European rules?

>> MALLORY KNODEL:  Not yet, but we will.

>> WOUT DE NATRIS:  Thank you all, please join the coalition.
"""


def test_a_fourth_unseen_session() -> None:
    """Unpunctuated caption lines where one "sentence" is a whole turn: a coalition the chair names
    early in it is not the next speaker's body when she introduces herself with her own; "and
    online we have Olaf" starts a new clause, it does not describe "the room and online"."""
    cast = resolve_session(parse_transcript(_FOURTH))
    got = {(p.name or p.labels[0]): (p.role, p.affiliation, p.mode) for p in cast.people}
    assert got == {
        "Wout de Natris": ("moderator", "DC on Internet Standards, Security and Safety", "onsite"),
        "Mallory Knodel": ("guest", "Center for Democracy and Technology", "onsite"),
        "Olaf Kolkman": ("guest", "Internet Society", "online"),
        "Yurie Ito": ("guest", "CyberGreen Institute", "online"),
        "Piotr Nowicki": ("participant", "NASK", "onsite"),
    }


_FIFTH = """IGF 2022 Day 3 - Banquet Hall B - WS #410 Digital Skills for Informal Workers

The following are the outputs of the captioning taken during an IGF intervention. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

>> HELEN TADESSE:  Good morning.  I am Helen Tadesse, I come from a small town in Tigray, and today I am here as an independent researcher.  I will moderate.  We have three speakers, all of them here in the room with me.  First, Yohannes.

>> YOHANNES BEKELE:  Thank you, Helen.  I come from the private sector, I work in logistics.  The informal workers in Addis use the phone for everything, but nobody trains them.  We at the IGF should talk about this more.

>> HELEN TADESSE:  Thank you.  Maria, please.

>> MARIA GONZALEZ:  Thank you.  I work with UNESCO, in the section for digital skills.  Last year we trained market women in Lima together with the Ministry of Labour of Peru, and the lesson was that the women wanted short videos, not courses.

>> HELEN TADESSE:  Thank you, Maria.  And Samir.

>> SAMIR HADDAD:  Thank you.  I am speaking in my personal capacity today.  Before, I worked twenty years at Orange, but now I teach.  My point is that the operators can zero-rate the training content.

>> HELEN TADESSE:  Thank you.  Now questions.  Yes, please.

>> AUDIENCE:  Thank you.  I am from Nairobi, I work in education.  Do you have the videos in Swahili?

>> MARIA GONZALEZ:  Not yet, but UNESCO can translate them.

>> HELEN TADESSE:  Thank you all.
"""


def test_a_fifth_unseen_session_where_nobody_names_an_employer() -> None:
    """Precision: a home town, "the private sector", a field of work, "we at the IGF", a past
    employer and a personal capacity are no affiliation; a body named as one's employer is
    (UNESCO, canonical), and another body named in the same turn is not. "Three speakers, all of
    them here in the room with me" puts the whole panel on site."""
    cast = resolve_session(parse_transcript(_FIFTH))
    got = {(p.name or p.labels[0]): (p.role, p.affiliation, p.mode) for p in cast.people}
    assert got == {
        "Helen Tadesse": ("moderator", None, "onsite"),
        "Yohannes Bekele": ("guest", None, "onsite"),
        "Maria Gonzalez": ("guest", "UNESCO", "onsite"),
        "Samir Haddad": ("guest", None, "onsite"),
        "AUDIENCE": ("participant", None, None),  # "Now questions.  Yes, please.": placed nowhere
    }


_SIXTH = """IGF 2024 - Day 4 - Workshop Room 2 - WS #233 Cloud, Payments and Small Merchants

The following are the outputs of the captioning taken during an IGF intervention. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

>> AMARA OKONKWO:  Good afternoon.  It is very hot here in Riyadh, so thank you for coming.  My name is Amara Okonkwo, I am a board member of the Internet Society Nigeria Chapter, and I will moderate.  Joining us virtually is Dr. Min-jun Lee.  And my colleague sitting next to me, Ravi, will start.

>> RAVI PATEL:  Thank you, Amara.  I'm the head of policy at M-Pesa Foundation.  Our data shows that small merchants move to digital payments when the fees are below one percent.

>> AMARA OKONKWO:  Thank you, Ravi.  Dr. Lee, can you hear us?

>> MIN-JUN LEE:  Yes.  It's two in the morning here in Vancouver, so forgive me.  My employer, Shopify, works with many small merchants, and what they ask for is simple tools.

>> AMARA OKONKWO:  Thank you.  Our next speaker could not travel and is on Zoom.  Lucia?

>> LUCIA ORTEGA:  Thank you.  I'm sorry I could not be with you in Riyadh.  I represent the Government of Colombia in this discussion.  We launched a free payment system last year.

>> AMARA OKONKWO:  Thank you, Lucia.  Questions?  The gentleman with the red scarf.

>> AUDIENCE:  Thank you.  I am an engineer, I build networks for Liquid Intelligent Technologies.  My question is about cloud costs.

>> AMARA OKONKWO:  Ravi?

>> RAVI PATEL:  The cloud costs are falling, but not for everyone.

>> AMARA OKONKWO:  Thank you all.
"""


def test_a_sixth_unseen_session() -> None:
    """Modes said in passing ("very hot here in Riyadh", "two in the morning here in Vancouver",
    "sitting next to me", "could not travel and is on Zoom", "sorry I could not be with you in
    Riyadh") and bodies named through a chapter, "my employer, X", "I represent X" and "I build
    networks for X"."""
    cast = resolve_session(parse_transcript(_SIXTH))
    got = {(p.name or p.labels[0]): (p.role, p.affiliation, p.mode) for p in cast.people}
    assert got == {
        "Amara Okonkwo": ("moderator", "Internet Society Nigeria Chapter", "onsite"),
        "Ravi Patel": ("guest", "M-Pesa Foundation", "onsite"),
        "Min-Jun Lee": ("guest", "Shopify", "online"),
        "Lucia Ortega": ("guest", "Government of Colombia", "online"),
        "AUDIENCE": ("participant", "Liquid Intelligent Technologies", "onsite"),
    }
