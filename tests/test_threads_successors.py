"""Whose "we" a speaker's items are when no session of hers says it the usual way: the coalition she founded in her
own words (`actors.own_word_coalition`), the coalition her predecessor spoke for (`succession.predecessor`, carried
by `service.place_items`), and the coordinator field of a coalition's report with a place in brackets or inside a
paragraph (`signatories.document_officers`). Invented examples."""

from __future__ import annotations

from forumlens.threads import place_items
from forumlens.threads.actors import own_word_coalition
from forumlens.threads.linkrecords import actor_of
from forumlens.threads.signatories import document_officers
from forumlens.threads.succession import predecessor

from .threads_support import items_of

FOUNDING = """IGF 2031 HOBART - WORKSHOP 12 - 4 DECEMBER 2031

>> Pita Havili: Good afternoon. I moderate; two groups start a coalition today. Tevita, please.

>> Tevita Fonua: Thank you, Chair. I repair boat radios in Nuku'alofa for twenty years.

So today we start the Dynamic Coalition on Reef Radio Beacons. Our first demand: the regulators must let a fisher
carry a distress beacon without a second licence.

>> Pita Havili: Thank you, Tevita. We close here.
"""

LATER = """IGF 2034 KYOTO - DC SESSION - 9 OCTOBER 2034

>> Aiko Morishita: Good morning, I moderate. Tevita first, then Salote.

>> Tevita Fonua: Thank you. Again we say to the regulators: a fisher must carry a distress beacon without a second
licence.

>> Aiko Morishita: Thank you. Salote.

>> Salote Kaufusi: Thank you, Aiko. I'm Salote, from Vava'u; Tevita handed the coalition to me in March. We will
publish a map of the reef beacons before the next IGF.
"""


AFTER = """IGF 2036 RIYADH - DC SESSION - 2 DECEMBER 2036

>> Noura Alharbi: Good morning, I moderate. Salote, please.

>> Salote Kaufusi: Thank you. The ministries must put tide gauges on every reef harbour before 2038.
"""


def test_a_founders_own_words_are_the_body_she_speaks_for_in_other_years():
    founding = items_of(FOUNDING, "igf2031-hobart-workshop.txt")
    assert founding.bodies.get("Tevita Fonua") == "Dynamic Coalition on Reef Radio Beacons"
    later = items_of(LATER, "igf2034-kyoto-dc-session.txt")
    placed = place_items([(2031, (2031,), founding), (2034, (2034,), later)])
    ask = next(i for i in placed if i.session.startswith("igf2034") and "distress beacon" in i.quote)
    assert actor_of(ask) == "org:Dynamic Coalition on Reef Radio Beacons"
    # alone, the later session leaves him a person
    alone = next(i for i in place_items([(2034, (2034,), later)]) if "distress beacon" in i.quote)
    assert actor_of(alone) == "person:tevita fonua"


def test_a_coalition_named_only_by_the_moderator_or_not_a_coalition_is_no_founders_word():
    person = {
        "affiliation": "Dynamic Coalition on Reef Radio Beacons",
        "lines": [7],
        "evidence": [{"line": 5, "quote": "Tevita, for the Dynamic Coalition on Reef Radio Beacons, please."}],
    }
    assert own_word_coalition(person, [7, 8, 9]) is None  # the moderator's line, not hers
    assert own_word_coalition(person, [5, 7]) == "Dynamic Coalition on Reef Radio Beacons"
    place = {"affiliation": "Tonga and Fiji", "evidence": [{"line": 7, "quote": "Yes, Tonga and Fiji, both."}]}
    assert own_word_coalition(place, [7]) is None
    assert own_word_coalition(None, [7]) is None


def test_whom_a_speaker_says_she_succeeded():
    assert predecessor("I'm Salote, from Vava'u; Tevita handed the coalition to me in March.") == "Tevita"
    assert predecessor("Ana Ruiz, from Lima; I took over from Karma Dorji last year.") == "Karma Dorji"
    assert predecessor("I took over the coordination of the coalition from Margit, who sends greetings.") == "Margit"
    assert predecessor("I am Ada Obi, coordinator since 2028 after Halla.") == "Halla"
    # a body, a month or somebody else's succession is no predecessor of the speaker
    assert predecessor("I took over the work from the Secretariat this year.") is None
    assert predecessor("I took over from March to May, as a volunteer.") is None
    assert predecessor("She took over from Karma last year.") is None
    assert predecessor("The ministry handed the coalition to the regulator.") is None
    assert predecessor("We will hand over the report in May.") is None


def test_a_successor_speaks_for_her_predecessors_body_unless_she_says_her_own():
    founding = items_of(FOUNDING, "igf2031-hobart-workshop.txt")
    later = items_of(LATER, "igf2034-kyoto-dc-session.txt")
    assert later.successors == {"Salote Kaufusi": "Tevita"}
    placed = place_items([(2031, (2031,), founding), (2034, (2034,), later)])
    promise = next(i for i in placed if "map of the reef beacons" in i.quote)
    assert actor_of(promise) == "org:Dynamic Coalition on Reef Radio Beacons"
    # without the session where the predecessor said the body there is nothing to inherit
    promise = next(i for i in place_items([(2034, (2034,), later)]) if "map of the reef beacons" in i.quote)
    assert actor_of(promise) == "person:salote kaufusi"
    # a successor who names her own body keeps it
    own = LATER.replace("from Vava'u;", "I work at UNESCO;")
    placed = place_items([(2031, (2031,), founding), (2034, (2034,), items_of(own, "igf2034-kyoto-dc-session.txt"))])
    promise = next(i for i in placed if "map of the reef beacons" in i.quote)
    assert actor_of(promise) == "org:UNESCO"
    after = items_of(AFTER, "igf2036-riyadh-dc-session.txt")
    placed = place_items(
        [
            (2031, (2031,), founding),
            (2034, (2034,), items_of(own, "igf2034-kyoto-dc-session.txt")),
            (2036, (2036,), after),
        ]
    )
    ask = next(i for i in placed if i.session.startswith("igf2036") and "tide gauges" in i.quote)
    assert actor_of(ask) != "org:Dynamic Coalition on Reef Radio Beacons"
    placed = place_items([(2031, (2031,), founding), (2034, (2034,), later), (2036, (2036,), after)])
    ask = next(i for i in placed if i.session.startswith("igf2036") and "tide gauges" in i.quote)
    assert actor_of(ask) == "org:Dynamic Coalition on Reef Radio Beacons"


def test_a_coordinator_field_with_a_place_or_inside_a_paragraph():
    assert document_officers("Coordinator: Tevita Fonua (Nuku'alofa)\nMembers: 40\n") == ["Tevita Fonua"]
    text = "It was founded in Hobart in 2031.  Coordinator: Salote Kaufusi (Vava'u, Tonga).  Members: 12 groups.\n"
    assert document_officers(text) == ["Salote Kaufusi"]
    assert document_officers("*Sent on 2 May 2032. Coordinators: Ana Ruiz and Ada Obi.*\n") == ["Ana Ruiz", "Ada Obi"]
    # a field that goes on with another body, or a title in running speech, names no officer
    assert document_officers("Coordinator: Ana Ruiz (Lima) and the Ministry of Health\n") == []
    assert document_officers("Our coordinator: Ana Ruiz will write to you.\n") == []


REPORT = """Dynamic Coalition on Reef Radio
Annual Report 2033

Coordinator: Tevita Fonua (Nuku'alofa)
Members: 40 fishing villages

We will publish a list of the beacon makers in 2034.
"""


def test_a_coordinator_a_report_names_speaks_for_its_coalition_unless_he_said_his_own_body():
    report = items_of(REPORT, "dc-reef-radio-annual-report-2033.txt")
    later = items_of(LATER, "igf2034-kyoto-dc-session.txt")
    assert report.speakers == {"Tevita Fonua": "Dynamic Coalition on Reef Radio"}
    placed = place_items([(2033, (2033,), report), (2034, (2034,), later)])
    ask = next(i for i in placed if i.session.startswith("igf2034") and "distress beacon" in i.quote)
    assert actor_of(ask) == "coalition:Dynamic Coalition on Reef Radio"
    # his own words of 2031 name the body in full: they win over the report's field
    founding = items_of(FOUNDING, "igf2031-hobart-workshop.txt")
    placed = place_items([(2031, (2031,), founding), (2033, (2033,), report), (2034, (2034,), later)])
    ask = next(i for i in placed if i.session.startswith("igf2034") and "distress beacon" in i.quote)
    assert actor_of(ask) == "org:Dynamic Coalition on Reef Radio Beacons"
