"""A third-person rewrite never says its subject twice (issue 23; summarise/rewrite.py).

Stop 42's walk: a member of a network said "We would like the coalition to give us a two-page
summary …" and the report's takeaway read "The coalition would like the coalition to give it a
two-page summary …": the "we" was rewritten as the speaker's coalition although the sentence
already names the coalition as the one it speaks *to*. A "we" sentence that names the body
(by name, or as "the coalition", "this ministry") keeps its first person and is attributed to
its speaker instead; "our coalition" is the speaker's own body and still becomes the subject.
The sentences are our own, in the way IGF speakers talk.
"""

from __future__ import annotations

import re

import pytest

from forumlens.summarise.naming import Named, name_once
from forumlens.summarise.rewrite import Voice, names_body, render_sentence, third_person

SCHOOLS = "DC on Schools and Connectivity"
MINISTRY = "Ministry of Digital Economy"


@pytest.mark.parametrize(
    "text, body",
    [
        ("We would like the coalition to give us a two-page summary before the ministers meet.", SCHOOLS),
        ("We have asked the Dynamic Coalition on Schools and Connectivity for its survey data.", SCHOOLS),
        ("We wrote to this ministry twice about the tower permits and got no reply.", MINISTRY),
        ("We will send the Ministry of Digital Economy our figures by March.", MINISTRY),
    ],
)
def test_a_we_that_names_the_body_as_another_keeps_its_first_person(text, body):
    assert names_body(text, body)
    assert third_person(text, body) is None


@pytest.mark.parametrize(
    "text, body, expected",
    [
        (
            "Our coalition ran tests in forty schools, and we published the results in May.",
            SCHOOLS,
            "The Dynamic Coalition on Schools and Connectivity ran tests in forty schools, and it published the"
            " results in May.",
        ),
        (
            "We have published a map of the schools without any connection.",
            SCHOOLS,
            "The Dynamic Coalition on Schools and Connectivity has published a map of the schools without any"
            " connection.",
        ),
    ],
)
def test_the_body_own_we_is_still_the_subject(text, body, expected):
    assert not names_body(text, body)
    assert third_person(text, body) == expected


def test_the_rendered_bullet_is_attributed_not_doubled():
    voice = Voice("Wanjiru Kamau", SCHOOLS, "Kenya Schools Network")
    out = render_sentence("We would like the coalition to give us a two-page summary before the ministers meet.", voice)
    assert out is not None
    assert out.text.startswith("Wanjiru Kamau (Kenya Schools Network): We would like the coalition")
    assert "third-person" not in out.steps


def test_no_bullet_of_a_section_says_the_same_subject_twice():
    """Through the short form too: a rewritten bullet after the body was named keeps one subject."""
    texts = [
        "We have published a map of the schools without any connection.",
        "We would like the coalition to give us a two-page summary before the ministers meet.",
        "Our coalition will write to the universal service funds in January.",
    ]
    items = []
    for text in texts:
        out = render_sentence(text, Voice("Wanjiru Kamau", SCHOOLS, SCHOOLS))
        assert out is not None
        items.append(Named(out.text, SCHOOLS, None))
    for bullet in name_once(items):
        subject = re.match(r"(?:[\w ()]+: )?((?:The|the) \w+(?: \w+){0,6}?) (?:would|has|will|ran)\b", bullet)
        assert subject is None or bullet.lower().count(subject.group(1).lower()) == 1, bullet
