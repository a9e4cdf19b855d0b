"""Who an item is by when the record names the speaker only in part: a captioner's bracketed note that names the
`>> SPEAKER:` of the turn and whom they speak for, and a double surname said in part (a tweet's display name, a
shortened caption label) that is the one full name another session gives."""

from __future__ import annotations

from forumlens.threads import link_items, place_items
from forumlens.threads.actors import noted_actor

from .threads_support import items_of


def test_a_captioners_note_names_the_body_of_the_unidentified_speaker():
    note = "We will publish it next year.\n\n[Captioner's note: the previous speaker was Ines Koskinen-Laine, UNESCO.]"
    assert noted_actor(note) == (None, "UNESCO")
    coalition = "[Transcriber's note: this was Oren Batzri-Levi, Dynamic Coalition on Rural Buses.]"
    assert noted_actor(coalition) == (None, "Dynamic Coalition on Rural Buses")


def test_a_note_without_a_person_and_a_body_names_nobody():
    assert noted_actor("[Applause]") == (None, None)
    assert noted_actor("[Captioner's note: the audio dropped for a minute.]") == (None, None)
    assert noted_actor("We thank UNESCO, the host.") == (None, None)  # no note at all


UNNAMED = """IGF 2016 - Workshop on rural transport

>> LENA VIRTANEN: Good morning. I believe our guest from the United Nations wants to answer first.

>> SPEAKER: Yes, thank you. We will publish a guide on open timetables for rural buses before the next Forum.

[Captioner's note: the previous speaker was Ines Koskinen-Laine, UNESCO. Her name was not heard.]

>> LENA VIRTANEN: Thank you. We close here.
"""


def test_the_promise_of_a_speaker_named_only_by_the_captioners_note_is_the_bodys():
    promises = [i for i in items_of(UNNAMED, "igf2016-workshop-rural-transport.txt").items if i.signal == "promise"]
    assert promises and {(i.coalition, i.org) for i in promises} == {(None, "UNESCO")}


INTRODUCED = """IGF 2016 - Workshop on open schoolbooks

>> LENA VIRTANEN: Good morning. Amara, please.

>> AMARA OKONKWO-BELLO: Thank you. Amara Okonkwo-Bello, for the Dynamic Coalition on Open Schoolbooks. We ask every ministry of education to publish the schoolbooks it pays for under an open licence.

>> LENA VIRTANEN: Thank you. We close here.
"""

IN_PART = """IGF 2014 - Workshop on schoolbooks

>> LENA VIRTANEN: Good morning. Amara, please.

>> AMARA OKONKWO: Thank you. Our ask, again: every ministry of education should publish the schoolbooks it pays for under an open licence.

>> LENA VIRTANEN: Thank you. We close here.
"""


def test_a_double_surname_said_in_part_is_the_one_full_name_given_elsewhere():
    placed = place_items(
        [
            (2014, (2014,), items_of(IN_PART, "igf2014-workshop-schoolbooks.txt")),
            (2016, (2016,), items_of(INTRODUCED, "igf2016-workshop-open-schoolbooks.txt")),
        ]
    )
    asks = [i for i in placed if i.signal == "need"]
    assert {i.speaker for i in asks} == {"Amara Okonkwo", "Amara Okonkwo-Bello"}
    assert len({(i.coalition, i.org) for i in asks}) == 1  # one actor, the coalition she named in 2016
    threads = [t for t in link_items(placed).threads if t.kind == "ask"]
    assert [len(t.items) for t in threads] == [2]


def test_a_short_name_two_full_names_open_is_left_alone():
    other = INTRODUCED.replace("Amara Okonkwo-Bello", "Amara Okonkwo-Eze").replace(
        "AMARA OKONKWO-BELLO", "AMARA OKONKWO-EZE"
    )
    other = other.replace("Open Schoolbooks", "School Libraries")
    placed = place_items(
        [
            (2014, (2014,), items_of(IN_PART, "igf2014-workshop-schoolbooks.txt")),
            (2016, (2016,), items_of(INTRODUCED, "igf2016-workshop-open-schoolbooks.txt")),
            (2016, (2016, 1), items_of(other, "igf2016-workshop-school-libraries.txt")),
        ]
    )
    short = [i for i in placed if i.speaker == "Amara Okonkwo"]
    assert short and all(i.coalition is None and i.org is None for i in short)
