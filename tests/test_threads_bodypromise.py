"""A body's promise told in the third person ("UNICEF will run a workshop …", "The Secretariat will publish …") is
that body's promise, whoever tells it (`threads.bodypromise`); a name the registry does not know as a body, a
hedge or a verb that makes nothing is none."""

from __future__ import annotations

import pytest

from forumlens.resolve.registry import load_registry
from forumlens.threads.bodypromise import body_promise
from forumlens.threads.promiseshape import body_subjects

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("UNICEF will run a workshop for school librarians in Lima in 2031.", ["UNICEF"]),
        ("From next year the Secretariat will publish a list of remote hubs.", ["Secretariat"]),
        ("Step by step, the Pacific IGF will build a registry of island experts.", ["Pacific IGF"]),
        ("In March the MAG (as agreed) will review the guidance for workshops.", ["MAG"]),
        ("Next year will be different for the hubs.", []),  # a time, not a name
        ("we will publish a list of hubs.", []),  # the speaker's side: `promise_shape` reads it
    ],
)
def test_a_name_right_before_a_modal_is_read_as_its_subject(sentence, names):
    assert [sentence[a:b] for a, b in body_subjects(sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("UNESCO will hold a workshop for managers of heritage sites in 2031.", (None, "UNESCO")),
        ("The Secretariat will publish a short guide for remote hubs before the next IGF.", (None, "IGF Secretariat")),
    ],
)
def test_a_known_body_as_the_subject_promises_for_itself(sentence, actor):
    found = body_promise(sentence, load_registry())
    assert found is not None
    cue, by = found
    assert cue.signal == "promise" and by == actor


@pytest.mark.parametrize(
    "sentence",
    [
        "The Toolkit will cover three regions and two languages.",  # a capitalised thing, no body
        "Maria will send the slides after the session.",  # a person
        "UNESCO will see what it can do.",  # a verb that makes nothing
        "If UNESCO will pay for it, we can hold a workshop.",  # a condition
        "We hope UNESCO will publish a guide.",  # a hedge
        "UNESCO will be there with us.",  # no object
    ],
)
def test_no_body_promise(sentence):
    assert body_promise(sentence, load_registry()) is None


SESSION = """IGF 2031 open forum on school libraries

>> CHAIR: Welcome. Tomas, the floor is yours.
>> TOMAS VIDAL: Thank you. I speak for the Dynamic Coalition on School Libraries Online.
UNESCO will hold a workshop in Lima in 2032 for managers of rural school libraries.
>> CHAIR: Thank you, Tomas.
"""


def test_the_body_named_as_subject_takes_the_item_not_its_teller():
    items = items_of(SESSION, "igf2031-lima-open-forum.txt").items
    (promise,) = [i for i in items if i.line == 5]
    assert promise.signal == "promise" and promise.speaker == "Tomas Vidal"
    assert (promise.coalition, promise.org) == (None, "UNESCO")
    assert promise.head == "workshop"
