"""Whose items are a coalition's when its people never say it in the session: the officers its own document names
(`signatories.document_officers`, read by `service.place_items` through `SessionItems.speakers`), a speaker who says
"I coordinate the … coalition" (`cues.is_intro`), and a bare `>>` turn whose speaker names herself in her first words
(`roomvoices.room_credited`). Invented examples."""

from __future__ import annotations

from forumlens.threads import place_items
from forumlens.threads.cues import is_intro
from forumlens.threads.linkrecords import actor_of
from forumlens.threads.signatories import document_officers

from .threads_support import items_of

LETTER = """Dynamic Coalition on Kelp Farm Sensors

To the Chair of the Multistakeholder Advisory Group
Hobart, 2 March 2030

Dear Madam Chair,

1. We ask that the MAG gives the coastal communities a workshop slot every year.

2. For our part, we will publish a map of the kelp farm sensors before the IGF 2031.

Yours sincerely,

Mereana Tupaea-Walsh, coordinator
Bjorn Ellingsen, founder and member
"""

REPORT = """Dynamic Coalition on Kelp Farm Sensors
Activity report 2029

Coordinator: Mereana Tupaea-Walsh
Members: 12 (farmers, universities)

We will train forty farmers to read the sensors by 2030.
"""

JOINT = """Joint statement of three coalitions

Signed
Awino Odhiambo, coordinator, Dynamic Coalition on Lake Boatmen
Yours sincerely,
"""

CAPTIONS = """IGF 2031 HOBART - DYNAMIC COALITIONS SESSION - 4 DECEMBER 2031

>> CHAIR: Welcome. We start with the sensors.

>> MEREANA TUPAEA-WALSH: Kia ora. We ask that the MAG gives the coastal communities a workshop slot every year, again.

>> CHAIR: Thank you. Next.

>> Thank you. Lasse Vikstrom, fjord fishers coalition. We will publish a guide to cheap buoys next year.

>> BJORN ELLINGSEN: Hello, thank you. I coordinate the harbour schools coalition since 2029. We ask the regulator to connect every harbour school.
"""


def test_a_document_names_its_coordinator_and_its_signing_officers():
    assert document_officers(LETTER) == ["Mereana Tupaea-Walsh", "Bjorn Ellingsen"]
    assert document_officers(REPORT) == ["Mereana Tupaea-Walsh"]
    # a signature that names another body after the title may be someone else's officer: left alone
    assert document_officers(JOINT) == []
    # a body is no officer, and a title with no name names nobody
    assert document_officers("Coordinator: the Dynamic Coalition\nContact: the coordinator, through the website.") == []


def test_the_officers_of_a_coalitions_letter_speak_for_it_in_a_session_where_they_say_nothing():
    letter = items_of(LETTER, "dc-kelp-letter-2030.txt")
    captions = items_of(CAPTIONS, "igf2031-hobart-dc-session.txt")
    assert letter.speakers == {
        "Mereana Tupaea-Walsh": "Dynamic Coalition on Kelp Farm Sensors",
        "Bjorn Ellingsen": "Dynamic Coalition on Kelp Farm Sensors",
    }
    placed = place_items([(2030, (2030,), letter), (2031, (2031,), captions)])
    ask = next(i for i in placed if i.session.startswith("igf2031") and "workshop slot" in i.quote)
    assert actor_of(ask) == "coalition:Dynamic Coalition on Kelp Farm Sensors"
    # alone, the same caption session leaves her a person
    alone = place_items([(2031, (2031,), captions)])
    ask = next(i for i in alone if "workshop slot" in i.quote)
    assert actor_of(ask) == "person:mereana tupaea walsh"


def test_a_speaker_who_says_the_coalition_she_coordinates_speaks_for_it():
    assert is_intro("I coordinate the harbour schools coalition since 2029.")
    assert is_intro("I co-chair our coalition with Ana.")
    assert not is_intro("I coordinated nothing of this.")
    assert not is_intro("They coordinate the replies.")
    captions = items_of(CAPTIONS, "igf2031-hobart-dc-session.txt")
    need = next(i for i in captions.items if "harbour school" in i.quote and i.signal == "need")
    # the bodies stage reads the short name; here it is the body the speaker said, not a person
    assert need.speaker == "Bjorn Ellingsen" and (need.coalition or need.org) == "Dynamic Coalition on Harbour Schools"


def test_a_bare_turn_whose_speaker_names_herself_is_hers():
    captions = items_of(CAPTIONS, "igf2031-hobart-dc-session.txt")
    promise = next(i for i in captions.items if "cheap buoys" in i.quote)
    assert promise.speaker == "Lasse Vikstrom"
    bare = CAPTIONS.replace("Thank you. Lasse Vikstrom, fjord fishers coalition. ", "Thank you. ")
    promise = next(i for i in items_of(bare, "igf2031-hobart-dc-session.txt").items if "cheap buoys" in i.quote)
    assert promise.speaker is None  # no name said, nobody's


def test_a_bare_paragraph_of_a_document_and_a_noun_phrase_credit_nobody():
    report = """Dynamic Coalition on Kelp Farm Sensors: annual report 2030

Open Sensor Atlas, first edition. We will publish the second edition of the atlas in 2031.

The French, Spanish and Maori versions announced in 2029 were not produced.
"""
    found = items_of(report, "dc-kelp-annual-report-2030.txt")
    assert found.items and all(i.speaker is None for i in found.items)
    captions = CAPTIONS.replace("Lasse Vikstrom, fjord fishers coalition.", "The French, Spanish and Maori versions.")
    promise = next(i for i in items_of(captions, "igf2031-hobart-dc-session.txt").items if "cheap buoys" in i.quote)
    assert promise.speaker is None
