"""A meeting platform shows everyone in the room as the room's microphone: two people share one label and name
themselves in their first words. Their items are the person's, not the session's, so they can join what the same
person said in other years."""

from __future__ import annotations

import pytest

from forumlens.threads.roomvoices import self_named

from .threads_support import items_of

EXPORT = """IGF 2031 Dakar -- Open Forum 7 -- Maps and schools
Transcript exported from the meeting platform, 3 December 2031

0:00:03.100 --> 0:00:20.400
Ndiaye, Awa (Host Country)
Good morning and welcome. Speakers in the room will use the room microphone, so please introduce yourselves.

0:00:21.000 --> 0:01:10.200
MR-02 Hall C (Conference Room)
Thank you. My name is Kofi Mensah-Boateng, from Accra. We will publish an atlas of school connectivity next year.

0:01:10.900 --> 0:01:55.000
MR-02 Hall C (Conference Room)
About the old directory: we have stopped work on it.

0:01:56.000 --> 0:02:40.000
Ndiaye, Awa (Host Country)
Thank you. Next from the room.

0:02:41.000 --> 0:03:20.000
MR-02 Hall C (Conference Room)
Good afternoon, Marta Ruiz-Oyarzun for the libraries. We ask ministries to fund a librarian in every school.

0:03:21.000 --> 0:03:40.000
Ndiaye, Awa (Host Country)
Thank you. Kofi wants to add something.

0:03:41.000 --> 0:03:50.000
MR-02 Hall C (Conference Room)
Kofi again. And the mentoring platform: we never launched it, because nobody could host it.
"""


def test_each_room_microphone_turn_is_the_person_who_names_themself():
    items = {i.line: i for i in items_of(EXPORT, "dakar-export.txt").items}
    assert items[10].signal == "promise" and items[10].speaker == "Kofi Mensah-Boateng"
    # the next block of the same microphone, naming nobody, goes on from it
    assert items[14].signal == "slip" and items[14].speaker == "Kofi Mensah-Boateng"
    assert items[22].signal == "need" and items[22].speaker == "Marta Ruiz-Oyarzun"
    # "Kofi again" is the Kofi who named himself earlier, not the speaker just before
    assert items[30].signal == "slip" and items[30].speaker == "Kofi Mensah-Boateng"


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("Thank you. My name is Ana Lima-Costa, I am from Recife.", "Ana Lima-Costa"),
        ("Good evening, Ana Lima-Costa for the radios. The fees again.", "Ana Lima-Costa"),
        ("Ana again. Yes, we will.", "Ana Lima-Costa"),
        ("Pedro again. Yes, we will.", None),  # nobody of that name spoke before
        ("Madam Chair, thank you for the floor.", None),  # an address, not a name
        ("The fees again: regulators still charge twice.", None),
        ("Bolivia did it, and we ask the others to follow.", None),
        # the resolve stage's reader says what a name is: a place, a hand-off, "I'm" before it, "again" before it
        ("In Peru, in the highlands, the radio is the school.", None),
        ("Thank you, La Paz, we will pass your question on.", None),
        ("Thank you. Now UNESCO, Ines Duarte-Pires, please.", None),
        ("Hello, good afternoon, I'm Ana Lima-Costa from the radios.", "Ana Lima-Costa"),
        ("Again Ana, sorry, one more.", "Ana Lima-Costa"),
    ],
)
def test_the_name_a_speaker_gives_themself(opening, name):
    assert self_named(opening, ("Ana Lima-Costa",)) == name
