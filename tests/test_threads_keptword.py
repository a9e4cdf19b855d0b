"""Another body's deed told as a promise kept (issue 20): "as the Secretariat promised, …", "UNEP gave the trainings
it promised", "UN DESA kept its word". The item is the named body's delivery, not the speaker's. Invented
sentences and captions."""

from __future__ import annotations

import pytest

from forumlens.threads.keptword import kept_promise

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Our map is online since May 2030, as the Secretariat promised in Dakar, and the schools use it.",
            "Secretariat",
        ),
        (
            "The glossary, which the Commission for Oceania promised us in Lima, arrived in June.",
            "Commission for Oceania",
        ),
        ("FAO printed the farmers' handbook it promised in Kigali, in three languages.", "FAO"),
        ("Good news: the WMO kept its word: the flood bulletin is in Swahili now.", "WMO"),
        ("The old server is gone; the Secretariat did what it promised in Lima.", "Secretariat"),
        ("Some news: UNICEF's toolkit, which they promised us in Oslo, came out in March.", "UNICEF"),
    ],
)
def test_a_body_named_as_the_maker_of_a_kept_promise(sentence, body):
    kept = kept_promise(sentence)
    assert kept is not None and kept.body == body


@pytest.mark.parametrize(
    "sentence",
    [
        "We printed the handbook, as we promised in Kigali.",  # the speaker's own promise
        "The handbook is out, as our report promised.",
        "As Amara promised in Lima, the map is online.",  # a person, not a body
        "As the Secretariat promised, the summary will be out next week.",  # still a promise
        "The Secretariat published the handbook in March.",  # no promise named
        "They promised us a handbook in Kigali.",  # a promise told, nobody named as keeping it
    ],
)
def test_no_body_kept_a_promise(sentence):
    assert kept_promise(sentence) is None


CAPTIONS = """IGF 2032 Nairobi -- DC on Island Schools -- session captions

>> MOANA TERIITEHAU: Thank you, Chair. Moana Teriitehau, Dynamic Coalition on Island Schools.
One promise kept, not by us: UNESCO gave the two online courses for teachers it promised in Dakar, and sixty teachers took them.
We will publish our atlas of island schools next year.
"""


def test_the_delivery_is_the_named_bodys_and_the_speakers_promise_stays_hers():
    items = {i.line: i for i in items_of(CAPTIONS, "island-schools.txt").items}
    delivered = items[4]
    assert delivered.signal == "delivery"
    assert (delivered.coalition, delivered.org) == (None, "UNESCO")
    promise = items[5]
    assert promise.signal == "promise" and promise.org != "UNESCO"
