"""Whom a speaker speaks for when the people analysis only guesses: an all-caps caption's description of the
speaker is no body, a body the turn addresses is not the speaker's, a coalition guessed from a moderator's panel
list does not beat the body the speaker said elsewhere, and a body's initials name it as a subject."""

from __future__ import annotations

from dataclasses import replace

from forumlens.threads import Item, SessionItems, link_items, place_items

from .threads_support import items_of

A2K = "DC on Access to Knowledge and Freedom of Expression"

CAPS = """IGF 2007 - WORKSHOP ON CONSUMERS ONLINE

>> LOTTE BRANDSTRUP: GOOD MORNING. WE HAVE THE DYNAMIC COALITION ON PRIVACY WITH US. INGRID, FOR PRIVACY.

>> INGRID VESTERGAARD: THANK YOU. INGRID VESTERGAARD, FROM A TENANTS ASSOCIATION IN AARHUS. EVERY COUNTRY NEEDS AN INDEPENDENT AUTHORITY THAT HANDLES COMPLAINTS ABOUT PERSONAL DATA.

>> LOTTE BRANDSTRUP: THANK YOU. WE CLOSE HERE.
"""

ADDRESSED = """IGF 2013 - Open forum: coalitions meet the institutions

>> FEMALE SPEAKER: Good morning, my name is Lotte Brandstrup and I moderate. Ingrid, for the privacy coalition.

>> FEMALE SPEAKER: Thank you. Ingrid Vestergaard. First, a word of thanks to everyone who came.

Second, to the Council of Europe, again: a country in Asia that wants to join Convention 108 should get help to do it.

>> FEMALE SPEAKER: Thank you, Ingrid. We close here.
"""

SAID = """IGF 2014 - Workshop on islands

>> MARTA OYELARAN: Good morning. Juliette, please.

>> JULIETTE BASTIEN: Good afternoon. Juliette Bastien, from Castries, for the Caribbean IGF. We ask the IGF to fund the travel of one participant from every small island state to each annual meeting.

>> MARTA OYELARAN: Thank you. We close here.
"""

LATER = """IGF 2019 - Open forum on resilience

>> HANNA KORPELA: Good morning. Juliette, please.

>> JULIETTE BASTIEN: Thank you. Our guide for operators on hurricanes came out in May 2018, and the operators say it helped them.

>> HANNA KORPELA: Thank you. We close here.
"""

INITIALS = """IGF 2016 - Workshop on broadband prices

>> MARTA OYELARAN: Good morning. Desmond, please.

>> DESMOND HAYNES: Thank you. Desmond Haynes, Pacific Telecommunications Council. From next year the PTC will publish, every year, a report comparing the price of broadband in all our member states.

>> MARTA OYELARAN: Thank you. We close here.
"""


def test_an_all_caps_description_of_the_speaker_is_no_body():
    found = items_of(CAPS, "igf2007-workshop-consumers.txt")
    need = [i for i in found.items if i.speaker == "Ingrid Vestergaard"]
    assert need and all(i.org is None for i in need)  # not "FROM A TENANTS ASSOCIATION IN AARHUS"


def test_a_body_the_turn_addresses_is_not_the_speakers():
    found = items_of(ADDRESSED, "igf2013-open-forum-institutions.txt")
    ask = [i for i in found.items if "Convention 108" in i.quote]
    assert ask and all(i.org != "Council of Europe" for i in ask)


def test_a_guessed_coalition_does_not_beat_the_body_she_said_elsewhere():
    said = items_of(SAID, "igf2014-workshop-islands.txt")
    assert said.bodies == {"Juliette Bastien": "Caribbean IGF"}
    # 2017: the people analysis read her as the coalition the moderator's panel list named last (a guess)
    promise = Item("s2017", 5, "We will publish a guide for operators on hurricanes.", "promise", "Juliette Bastien")
    promise = replace(promise, coalition=A2K, family="guide", head="guide")
    listed = SessionItems((promise,), {"Juliette Bastien": A2K}, guessed=("Juliette Bastien",))
    later = items_of(LATER, "igf2019-open-forum-resilience.txt")  # nothing says whom she speaks for
    assert [(i.coalition, i.org) for i in later.items if i.speaker == "Juliette Bastien"] == [(None, None)]
    placed = place_items([(2014, (2014,), said), (2017, (2017,), listed), (2019, (2019,), later)])
    juliette = [i for i in placed if i.speaker == "Juliette Bastien"]
    assert {(i.coalition, i.org) for i in juliette} == {(None, "Caribbean IGF")}
    guide = [t for t in link_items(placed).threads if t.kind == "commitment"]
    assert [t.status for t in guide] == ["fulfilled"]  # her delivery reaches her own forum's promise


def test_a_body_named_by_its_initials_promises_as_we_will_does():
    found = items_of(INITIALS, "igf2016-workshop-broadband-prices.txt")
    promise = [i for i in found.items if i.signal == "promise"]
    assert promise and promise[0].org == "Pacific Telecommunications Council"
    assert "PTC will publish" in promise[0].quote


PROMISED = """IGF 2016 - Workshop on broadband prices

>> MARTA OYELARAN: Good morning. Desmond, please.

>> DESMOND HAYNES: Thank you. Desmond Haynes, Pacific Telecommunications Council. From next year we will publish a yearly report comparing the price of broadband in all our member states.

>> MARTA OYELARAN: Thank you. We close here.
"""

TOLD = """IGF 2018 - Open forum on the islands

>> HANNA KORPELA: Good morning. Juliette, please.

>> JULIETTE BASTIEN: Thank you. Juliette Bastien, from Castries, for the Caribbean IGF. The PTC's yearly report on the price of broadband came out in March, and our ministers read it.

>> HANNA KORPELA: Thank you. We close here.
"""


def test_a_delivery_told_by_another_names_the_owner_by_its_initials_and_the_output_before_an_of_phrase():
    told = items_of(TOLD, "igf2018-open-forum-islands.txt")
    delivery = [i for i in told.items if i.signal == "delivery"]
    assert delivery and delivery[0].head == "report"  # "The PTC's yearly report| on the price of broadband |came out"
    placed = place_items(
        [(2016, (2016,), items_of(PROMISED, "igf2016-workshop-broadband-prices.txt")), (2018, (2018,), told)]
    )
    threads = [t for t in link_items(placed).threads if t.kind == "commitment"]
    assert [(t.status, len(t.items)) for t in threads] == [("fulfilled", 2)]
    assert threads[0].actor == "org:Pacific Telecommunications Council"


REPEATED = """IGF 2016 - Workshop on the islands

>> MARTA OYELARAN: Good morning. Juliette, please.

>> JULIETTE BASTIEN: Thank you. Juliette Bastien, for the Caribbean IGF. Eight years after I first asked in Hyderabad, the islands still pay their own way to every meeting.

>> MARTA OYELARAN: Thank you. We close here.
"""


def test_the_speakers_own_earlier_ask_named_at_its_meeting_is_no_response():
    found = items_of(REPEATED, "igf2016-workshop-islands.txt")
    assert not [i for i in found.items if i.signal == "response"]


NAMED = """IGF 2006 - Workshop on access to knowledge

>> LOTTE BRANDSTRUP: Good morning. Ananya, please.

>> ANANYA RAGHUNATHAN: Thank you. Ananya Raghunathan, I coordinate the dynamic coalition on access to knowledge. We will publish a handbook for school librarians on copyright exceptions before the next IGF.

>> LOTTE BRANDSTRUP: Thank you. We close here.
"""

SURNAMES = """IGF 2007 - Dynamic coalitions reporting back

>> DR. MEHTA: Good afternoon. First, Ms. Raghunathan.

>> MS. RAGHUNATHAN: Thank you, Chair. Our handbook for school librarians on copyright exceptions came out in May, in print and online.

>> DR. MEHTA: Thank you. We close here.
"""


def test_a_speaker_labelled_by_her_surname_is_the_one_who_gave_her_full_name_elsewhere():
    later = items_of(SURNAMES, "igf2007-dc-reporting-back.txt")
    delivery = [i for i in later.items if i.signal == "delivery"]
    assert delivery and (delivery[0].speaker, delivery[0].coalition) == ("Raghunathan", None)
    placed = place_items([(2006, (2006,), items_of(NAMED, "igf2006-workshop-a2k.txt")), (2007, (2007,), later)])
    assert {i.coalition for i in placed if i.speaker == "Raghunathan"} == {A2K}
    handbook = [t for t in link_items(placed).threads if t.kind == "commitment"]
    assert [(t.status, len(t.items)) for t in handbook] == [("fulfilled", 2)]


PROMISED_IN_NAIROBI = """IGF 2011 - Open forum on gender

>> LOTTE BRANDSTRUP: Good morning. Thandi, please.

>> THANDI MOKOENA: Thank you. Thandi Mokoena, for the dynamic coalition on gender and Internet governance. Our coalition will start a mentoring programme that pairs a young woman coming to the IGF for the first time with one who has come before.

>> LOTTE BRANDSTRUP: Thank you. We close here.
"""

TOLD_IN_ISTANBUL = """IGF 2014 - Main session on the coalitions

>> LOTTE BRANDSTRUP: Good morning. Thandi, please.

>> THANDI MOKOENA: Thank you. Thandi Mokoena, for the dynamic coalition on gender and Internet governance. The pairing scheme that I announced in Nairobi was dropped after its first year, we had no money to bring the mentors.

>> LOTTE BRANDSTRUP: Thank you. We close here.
"""


def test_a_fate_that_names_its_promise_and_the_meeting_joins_the_promise_made_there_in_other_words():
    placed = place_items(
        [
            (2011, (2011,), items_of(PROMISED_IN_NAIROBI, "igf2011-open-forum-gender.txt")),
            (2014, (2014,), items_of(TOLD_IN_ISTANBUL, "igf2014-main-session-coalitions.txt")),
        ]
    )
    threads = [t for t in link_items(placed).threads if t.kind == "commitment"]
    assert [t.status for t in threads] == ["unfulfilled"]
    assert {i.year for i in threads[0].items} == {2011, 2014}


SIDE_BY_SIDE = """---
title: Dynamic Coalition on Access to Knowledge - annual report 2010
---

# 2. What we ask for

2.1 Libraries should be allowed to lend electronic books to their readers on the same terms as printed books.

2.2 Libraries should be allowed to digitise and put online the books whose authors cannot be found.
"""


def test_two_needs_said_side_by_side_in_one_session_are_two_threads():
    found = items_of(SIDE_BY_SIDE, "dc-a2k-annual-report-2010.md")
    needs = [i for i in found.items if i.signal == "need"]
    assert {i.line for i in needs} >= {7, 9}
    threads = [t for t in link_items(place_items([(2010, (2010,), found)])).threads if t.kind == "ask"]
    assert all(len({i.line for i in t.items}) == 1 for t in threads)


OUR_COALITION = """IGF 2024 - DC on Sustainability - Data and the Green Transition

>> MODERATOR: Good morning and welcome to the session of the Dynamic Coalition on Sustainability. My name is Rosa Ibarra. Keiko, please.

>> KEIKO ARAMAKI: Thank you. I am with the Asia Pacific Network Information Centre. Our coalition published a report on e-waste last year, and we will release the second edition in March 2025.

>> MODERATOR: Thank you, Keiko. We close here.
"""


def test_our_coalition_said_by_an_employee_of_another_body_is_the_coalitions_promise():
    # her opening names her employer; "our coalition" in the same turn claims the session's coalition
    found = items_of(OUR_COALITION, "igf2024-dc-sustainability.txt")
    promise = [i for i in found.items if i.signal == "promise"]
    assert promise, found.items
    assert {(i.coalition, i.org) for i in promise} == {(None, "Dynamic Coalition on Sustainability")}
