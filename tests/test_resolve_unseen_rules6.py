"""Who's-who rules of stop 21 (issue 22; issue 23 point 6, attribution you can trust).

Inputs are written for this file (invented people and bodies) in the shapes the fifth blind
set showed, never its sentences: a surname label whose name has a letter Unicode does not
decompose ("Ø"), a titled label whose speaker names himself after "Madam Chair.", a remote
voice that says where it is, a bare "the Foundation" standing for the body named earlier, a unit
named by an acronym ("the ICT desk of …"), a name card whose body has no organisation word but
a place after it, "…, where I am the head of …", "I do research at …", a delegation of
colleagues, a seat at the table, "I will moderate in the room", "a pleasure to be in <host
city>", "I am on the bus", and a chair's "all … here with us, except …". Each rule is also
checked where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import find_mentions, modes, resolve_session
from forumlens.resolve.modes import own_cues, speaker_split
from forumlens.resolve.orgs import load_gazetteer, self_orgs
from forumlens.resolve.people import name_key, same_person
from forumlens.transcript.parse import parse_transcript

GAZETTEER = load_gazetteer()
HEADER = "INTERNET GOVERNANCE FORUM 2017\nGENEVA, SWITZERLAND\nWORKSHOP 55\n********\n\n"


def _cast(body: str) -> dict[str | None, tuple[str, str | None, str | None]]:
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    return {p.name or p.labels[0]: (p.role, p.affiliation, p.mode) for p in cast.people}


def _own(sentence: str) -> list[str]:
    found = self_orgs(sentence, 0, len(sentence), find_mentions(sentence), GAZETTEER)
    return [o.name for o in sorted(found, key=lambda o: o.rank)]


def test_letters_without_a_separable_accent_key_as_captioners_type_them() -> None:
    assert name_key("Bjørn Ødegård") == name_key("BJORN ODEGARD") == "bjorn odegard"
    assert name_key("Łukasz Wałęsa") == "lukasz walesa"
    assert same_person("Søren Kjær", "SOREN KJAER")
    assert not same_person("Søren Kjær", "Soren Berg")


_TITLED = """>> CHAIR:  Good morning.  My name is Ines Duarte, I chair this workshop.  Our first speaker is Ambassador Bjørn Ødegård, of the Ministry of Fisheries and Coastal Affairs.

>> AMBASSADOR ODEGARD:  Thank you, Madam Chair.  Coastal cables matter.

>> CHAIR:  Thank you.  The floor is open.

>> MR. HALVORSEN:  Thank you, Madam Chair.  Tomas Halvorsen.  I work for the Nordic Cable Institute.  What about repairs?

>> AMBASSADOR ODEGARD:  Repairs are slow.
"""


def test_a_titled_label_takes_the_full_name_even_across_a_sentence_end_and_a_slashed_o() -> None:
    got = _cast(_TITLED)
    assert got["Bjørn Ødegård"][0] == "guest"
    # "Madam Chair." ends a sentence: its gender is not the gender of "Tomas Halvorsen"
    assert got["Tomas Halvorsen"] == ("participant", "Nordic Cable Institute", None)
    assert "Halvorsen" not in got and "Odegard" not in got


_REMOTE = """>> CHAIR:  Welcome.  I am Ines Duarte, from the Lisbon Data Foundation, and I will moderate in the room.  At the end of the table, Mr. Karim Haddad, of the Levant Open Data Network.  And all our speakers are here with us, except Dr. Lea Brun, who joins us online from Montreal.

>> KARIM HADDAD:  Thank you, Ines.  It is a pleasure to be in Geneva again.  Open data needs open budgets.

>> LEA BRUN:  Thank you.  Budgets need audits.

>> CHAIR:  Thank you.  I would now like to open the floor.  Online first, please.

>> REMOTE PARTICIPANT:  Hello, can you hear me?  My name is Ravi Menon, I am on the bus, sorry.  I do research at the Kochi Civic Data Lab.  Who pays for the audits?

>> KARIM HADDAD:  The parliament should.

>> CHAIR:  Thank you.  One more here, with the colleague from the Foundation, please.

>> PARTICIPANT:  Thank you.  My name is Lina Costa, and I am also from the Foundation.  A comment only: audits must be public.
"""


def test_a_remote_voice_gets_its_body_and_mode_from_its_own_words() -> None:
    got = _cast(_REMOTE)
    assert got["Ravi Menon"] == ("participant", "Kochi Civic Data Lab", "online")  # named from his own words
    assert got["Ines Duarte"] == ("moderator", "Lisbon Data Foundation", "onsite")
    assert got["Karim Haddad"] == ("guest", "Levant Open Data Network", "onsite")  # the table, the host city
    assert got["Lea Brun"][2] == "online"


def test_a_bare_the_foundation_stands_for_the_foundation_named_before() -> None:
    got = _cast(_REMOTE)
    assert got["Lina Costa"] == ("participant", "Lisbon Data Foundation", "onsite")  # she names herself


def test_shapes_of_an_own_affiliation() -> None:
    assert _own("I am a notary, I am with the ICT desk of the Ghana Notaries Chamber.") == ["Ghana Notaries Chamber"]
    assert _own("This forum is hosted by the Agency for Digital Chile, where I am the head of the data unit.") == [
        "Agency for Digital Chile"
    ]
    assert _own("I do research at the Pune Policy Collective.") == ["Pune Policy Collective"]
    assert _own("I am here with a group of colleagues from the Nordic Cable Institute.") == ["Nordic Cable Institute"]
    # a body the speaker only thanks or criticises is not theirs
    assert _own("I thank the colleagues of the Nordic Cable Institute for the report.") == []
    assert _own("The Foundation published a report.") == []


def test_a_card_body_without_an_organisation_word_needs_a_place_after_it() -> None:
    body = """>> CHAIR:  Welcome.  I am Ines Duarte, I will moderate.  For those online, the cards: Tomas Berg, Fjordpay, Oslo.  And Ana Lima, Kigali.

>> TOMAS BERG:  Thank you.  Payments first.

>> ANA LIMA:  Thank you.  Skills first.
"""
    got = _cast(body)
    assert got["Tomas Berg"][1] == "Fjordpay"
    assert got["Ana Lima"][1] is None  # a place alone is no body


def test_mode_shapes() -> None:
    assert own_cues("It is a great pleasure to be in Geneva for the first time.", 2017) == (0.0, 1.5)
    assert own_cues("It is a great pleasure to be in Switzerland.", 2017) == (0.0, 0.0)  # a country is said from home
    assert own_cues("I wish I could be in Geneva.", 2017) == (0.0, 0.0)
    assert own_cues("I am on the bus, so sorry for the noise.", 2017)[0] > 0
    assert own_cues("I will moderate here in the room.", 2017)[1] > 0
    split = speaker_split("All of our panelists are here with us on the podium, except Dr. Brun.")
    assert split is not None and split[:2] == (modes.ALL, modes.SOME)  # all, except the ones named on their own
    whole = speaker_split("All of our panelists are here with us today.")
    assert whole is not None and whole[:2] == (modes.ALL, 0)


_HANDOFFS = """>> TERESA MWANGI:  Good afternoon, and welcome.  I am Teresa Mwangi, I will moderate this session here in the room.  Our first speaker, from the University of Ibadan, is Dr. Ngozi Eze.  After her, Tomas Ruiz, who teaches at the Universidad Nacional de Rosario.  Next to me is Maria Santos.  Maria worked for many years with UNICEF, but today she speaks for the Brazilian Association of Community Radios.  Ngozi, please.

>> NGOZI EZE:  Thank you, Teresa.  Local languages are missing online.

>> TERESA MWANGI:  Thank you.  Tomas?

>> TOMAS RUIZ:  Gracias.  The World Bank funded a study, and UNESCO published guidelines, but nobody applies them.

>> TERESA MWANGI:  Maria?

>> MARIA SANTOS:  Community radios reach the villages.  UNICEF supports some of them.

>> TERESA MWANGI:  Thank you.  I would like to open the floor.

>> KOFI ASANTE:  Thank you.  Kofi Asante.  I want to comment on the funding issue, because we see it every day.  Our radio broadcasts in six languages, and the advertisers only pay for English.  I should say that I am the station manager at Radio Ashanti Voice in Kumasi.  So funding follows the market.

>> PARTICIPANT:  Thank you.  I am a journalist.  I read the UNESCO report with interest.  Who pays for translation?
"""


def test_hand_off_shapes_and_a_body_said_mid_turn() -> None:
    got = _cast(_HANDOFFS)
    assert got["Ngozi Eze"][:2] == ("guest", "University of Ibadan")
    assert got["Tomas Ruiz"][:2] == ("guest", "Universidad Nacional de Rosario")  # "who teaches at"
    # a former employer is not whom she speaks for; "she speaks for" ties the body to her
    assert got["Maria Santos"][:2] == ("guest", "Brazilian Association of Community Radios")
    assert got["Kofi Asante"][1] == "Radio Ashanti Voice"  # said in the middle of a long first turn
    assert got["PARTICIPANT"][1] is None  # a report read is no affiliation


def test_an_untitled_surname_label_and_a_night_hour() -> None:
    body = """>> MODERATOR:  Good morning.  My name is Lucia Brandt, I will moderate.  Our first speaker is Dr. Ngozi Eze, a lecturer at the University of Ibadan.  Then Professor Hamid Rezaei, of the Tehran Institute for Policy Studies.  Ngozi.

>> EZE:  Thank you.  Local languages are missing online.

>> MODERATOR:  Hamid, please.

>> REZAEI:  Thank you.  It is 4 a.m. here, so forgive me.  We need more funding.
"""
    got = _cast(body)
    assert got["Ngozi Eze"][:2] == ("guest", "University of Ibadan")
    assert got["Hamid Rezaei"] == ("guest", "Tehran Institute for Policy Studies", "online")
    assert own_cues("It is 9 a.m. here and we start.", 2017) == (0.0, 0.0)  # a day hour says nothing


_FLOOR = """>> HANNA LUND:  Good morning.  I am Hanna Lund, I will moderate here in the room, and online my co-moderator is Omar Said.  Our speaker is Dr. Ade Bello, who coordinates the Dynamic Coalition on Rural Payments.  At the back of the room is Jonas Berg, a colleague from the Institute for Digital Commons, who helps with the chat.  And Ms. Rosa Lima, joining us remotely from Cusco, from the Andean Radio Network.  Ade, please.

>> ADE BELLO:  Thank you, Hanna.  Fees are too high.

>> HANNA LUND:  Rosa?

>> ROSA LIMA:  Thank you.  Radios can help.

>> HANNA LUND:  Thank you.  Now the floor is open.  Omar, anybody online?

>> OMAR SAID:  Yes, Lea has her hand up.  Lea, please.

>> LEA MARTIN:  Thank you, Omar.  I am Lea Martin, I work for UNESCO in the communication sector.  Are the radios licensed?

>> ROSA LIMA:  Most of them, yes.

>> JONAS BERG:  There is one more comment in the chat.  The visa question is important.

>> TARIQ AZIZ:  Thank you.  My visa came only last week, but I am happy to be here.  Tariq Aziz, I am a student.
"""


def test_coalition_colleague_remote_apposition_and_a_raised_hand() -> None:
    got = _cast(_FLOOR)
    # a coalition the registry does not know is still a coalition
    assert got["Ade Bello"][:2] == ("dc-representative", "Dynamic Coalition on Rural Payments")
    assert got["Jonas Berg"][1] == "Institute for Digital Commons"  # "a colleague from"
    assert got["Rosa Lima"] == ("guest", "Andean Radio Network", "online")  # "joining us remotely from Cusco, from …"
    # a UN official given the floor for a raised hand is a participant, not a panelist
    assert got["Lea Martin"][:2] == ("participant", "UNESCO")
    assert got["Tariq Aziz"][2] == "onsite"  # the visa came: the trip happened
    assert own_cues("I could not get my visa in time.", 2017)[1] == 0.0


def test_round_of_introductions_in_a_hybrid_call() -> None:
    body = """>> ANNA KOWALSKA:  Good afternoon from the room in Geneva, and good morning to those online.  I am Anna Kowalska, I will moderate.  Priya?

>> PRIYA NAIR:  Hi all, this is Priya from the Internet Society Chennai Chapter.  I am joining from my office in Chennai.

>> ANNA KOWALSKA:  Joseph?

>> JOSEPH MUKASA:  Thank you.  I am a PhD candidate at Makerere University, and we are a group of ten students here in the room.

>> ANNA KOWALSKA:  Rigoberto?

>> RIGOBERTO MEJIA:  Thank you.  Our organisation, Digital Rights Watch Honduras, works on surveillance.
"""
    got = _cast(body)
    assert got["Anna Kowalska"][2] == "onsite"  # "good afternoon from the room"
    assert got["Priya Nair"][1:] == ("Internet Society Chennai Chapter", "online")
    assert got["Joseph Mukasa"][1:] == ("Makerere University", "onsite")
    assert got["Rigoberto Mejia"][1] == "Digital Rights Watch Honduras"  # "our organisation, X"


def test_what_is_not_an_affiliation() -> None:
    body = """>> ANNA KOWALSKA:  Good afternoon.  I am Anna Kowalska, from the Warsaw Data Institute, and I will moderate.  We thank the Vienna Policy Institute for the report.  Karl, please.

>> KARL HUBER:  Thank you.  I am also from the Institute, and we are working with colleagues from the ITU on a survey.

>> ANNA KOWALSKA:  Thank you.  Floor.

>> MARTA SILVA:  Thank you.  Our ministry has a programme on this, and our company partners, like Google, help.  I am a teacher.
"""
    got = _cast(body)
    assert got["Anna Kowalska"][1] == "Warsaw Data Institute"
    # two institutes were named: "the Institute" is not resolved; colleagues one works with are not one's body
    assert got["Karl Huber"][1] is None
    assert got["Marta Silva"][1] is None
