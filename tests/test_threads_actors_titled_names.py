"""A coalition named as a title ends where its capitals end: "the Dynamic Coalition on Quiet Harbours has me as its
coordinator" is the Dynamic Coalition on Quiet Harbours, not "… Quiet Harbours Has Me", and "for" between two
capitalised words stays inside the name ("… on Radio for Island Schools"), read by threads/actors itself."""

from __future__ import annotations

from forumlens.threads.actors import _family_body

from .threads_support import items_of

RUNS_ON = """IGF 2013 - Open forum: harbours

>> ASTRID VOLKOVA: Good morning. Leena, please.

>> LEENA PAAVOLA-RUIZ: Thank you. I am Leena Paavola-Ruiz, and since this spring the Dynamic Coalition on Quiet Harbours has me as its coordinator. Port authorities must publish their noise figures every month.

>> ASTRID VOLKOVA: Thank you. We close here.
"""

FOR_IN_NAME = """IGF 2015 - Open forum: island schools

>> ASTRID VOLKOVA: Good morning. Sione, please.

>> SIONE TAUFA-LEVY: Thank you. Sione Taufa-Levy, Dynamic Coalition on Radio for Island Schools. Ministries must keep one radio frequency free for school lessons.

>> ASTRID VOLKOVA: Thank you. We close here.
"""


def _actor(text: str, name: str, words: str) -> str | None:
    found = items_of(text, name)
    item = next(i for i in found.items if words in i.quote)
    return item.coalition or item.org


def test_a_titled_name_ends_before_the_verb_that_follows_it():
    assert _actor(RUNS_ON, "igf2013-open-forum-harbours.txt", "noise figures") == "Dynamic Coalition on Quiet Harbours"


def test_for_between_capitalised_words_stays_inside_the_name():
    assert (
        _actor(FOR_IN_NAME, "igf2015-open-forum-island-schools.txt", "radio frequency")
        == "Dynamic Coalition on Radio for Island Schools"
    )


def test_a_titled_name_does_not_run_on_to_a_place():
    assert _family_body("the Dynamic Coalition on Quiet Harbours in Tallinn asked")[0] == (
        "Dynamic Coalition on Quiet Harbours"
    )


def test_a_name_in_lower_case_still_reads_its_lower_case_topic():
    assert _family_body("I coordinate the dynamic coalition on harbours and noise this year")[0] == (
        "Dynamic Coalition on Harbours and Noise"
    )
