"""A person whose body is said only through a colleague's takes the colleague's (resolve.colleagues)."""

from __future__ import annotations

import pytest

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Cast
from forumlens.transcript.parse import parse_transcript

_HEAD = "IGF 2019 - WS 12 - Rural radio online\n\n"
_HOST = (
    ">> MARIKA OSEI-BEKOE:  Good afternoon.  I am Marika Osei-Bekoe, I direct the Volta Listeners "
    "Radio Trust in Ho, and I will moderate.  Our online speakers are waiting.\n\n"
)


def _cast(body: str) -> Cast:
    return resolve_session(parse_transcript(_HEAD + _HOST + body, source="t.txt"))


def _affiliation(cast: Cast, name: str) -> str | None:
    return next(p.affiliation for p in cast.people if p.name == name)


def test_who_works_with_a_named_colleague_at_a_short_name_takes_the_colleagues_body() -> None:
    cast = _cast(
        ">> ONLINE MODERATOR:  Yes, Marika.  Good afternoon, I am Tevita Fusitu'a-Lolo, I work with "
        "Marika at Volta, and today I read the chat.\n\n"
        ">> MARIKA OSEI-BEKOE:  Thank you, Tevita.  Any questions online?\n\n"
        ">> ONLINE MODERATOR:  Not yet.\n"
    )
    host = _affiliation(cast, "Marika Osei-Bekoe")
    assert host is not None and "Volta Listeners Radio Trust" in host
    assert _affiliation(cast, "Tevita Fusitu'a-Lolo") == host
    tevita = next(p for p in cast.people if p.name == "Tevita Fusitu'a-Lolo")
    assert any("I work with Marika at Volta" in e.quote for e in tevita.evidence)


@pytest.mark.parametrize(
    "said",
    [
        "I work with Marika at Kumasi, on the chat today.",  # another body after "at"
        "I work with Kwabena on the chat today.",  # nobody of the cast
    ],
)
def test_no_shared_affiliation_with_another_body_or_an_unknown_name(said: str) -> None:
    cast = _cast(
        f">> ONLINE MODERATOR:  Yes, Marika.  I am Tevita Fusitu'a-Lolo, {said}\n\n>> MARIKA OSEI-BEKOE:  Thanks.\n"
    )
    assert _affiliation(cast, "Tevita Fusitu'a-Lolo") != _affiliation(cast, "Marika Osei-Bekoe")


def test_a_host_calling_someone_my_colleague_gives_them_no_body() -> None:
    cast = _cast(
        ">> MARIKA OSEI-BEKOE:  My colleague Tevita Fusitu'a-Lolo will help us online.\n\n"
        ">> TEVITA FUSITU'A-LOLO:  Thank you, Marika, the chat is open.\n"
    )
    assert _affiliation(cast, "Tevita Fusitu'a-Lolo") is None
