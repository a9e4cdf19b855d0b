"""Initials labels ("DR. V.K.", "H.E. A.B.") → the one person of the session whose name they
abbreviate (issue 22, the 2008 captions that write initials until they have the name)."""

from __future__ import annotations

import pytest

from forumlens.resolve.cast import Cast, resolve_session
from forumlens.resolve.initials import label_initials
from forumlens.transcript.parse import parse_transcript

HEAD = "IGF 2008 Hyderabad\n4 December 2008\nWorkshop on public terminals\n\n"


def _cast(body: str) -> Cast:
    return resolve_session(parse_transcript(HEAD + body, source="initials-test.txt"))


def _by_label(cast: Cast, label: str) -> str | None:
    return next(p.name for p in cast.people if label in p.labels)


@pytest.mark.parametrize(
    ("label", "initials"),
    [
        ("DR. V.K.", ("v", "k")),
        ("H.E. A.B.", ("a", "b")),
        ("MS. R. Q.", ("r", "q")),
        ("J.-P. M.", ("j-p", "m")),
        ("A.B.C.", ("a", "b", "c")),
        ("MR. NG", None),  # a two-letter surname, no periods
        ("VK", None),
        ("DR. OKORO", None),
        ("MS. A. OKORO", None),  # an initial and a surname: a name, not initials
    ],
)
def test_label_initials(label: str, initials: tuple[str, ...] | None) -> None:
    assert label_initials(label) == initials


def test_initials_join_the_name_the_speaker_and_the_chair_give() -> None:
    cast = _cast(
        ">> DR. V.K.:  Good morning.  My name is Dr. Vasanthi Kodandaraman, I teach law at the "
        "Golconda Institute of Cyber Law.  First, His Excellency Dr. Abdulkarim Bamatraf, Deputy "
        "Minister at the Ministry of Telecommunications of Yemen.  Your Excellency, please.\n\n"
        ">> H.E. A.B.:  Thank you, Madam Chair.  In Yemen the cafe is often the only place to read mail.\n\n"
        ">> DR. KODANDARAMAN:  Thank you, Excellency.  Next, Mr. Wafula Nabwera-Simiyu.\n\n"
        ">> MR. W.N.:  Thank you, Madam.  Our association has 140 members.\n\n"
        ">> H.E. DR. BAMATRAF:  One more word on the register.\n"
    )
    assert _by_label(cast, "DR. V.K") == "Vasanthi Kodandaraman"
    assert _by_label(cast, "DR. KODANDARAMAN") == "Vasanthi Kodandaraman"
    assert _by_label(cast, "H.E. A.B") == _by_label(cast, "H.E. DR. BAMATRAF") == "Abdulkarim Bamatraf"
    assert _by_label(cast, "MR. W.N") == "Wafula Nabwera-Simiyu"  # a hyphenated surname counts once
    minister = next(p for p in cast.people if p.name == "Abdulkarim Bamatraf")
    assert minister.affiliation == "Ministry of Telecommunications of Yemen"  # the chair's hand-off reaches him
    assert len(cast.people) == 3


def test_two_names_with_the_initials_join_nobody() -> None:
    cast = _cast(
        ">> CHAIR:  We welcome Ms. Anna Berg of the library and Mr. Arne Bakke of the ministry.\n\n"
        ">> MR. A.B.:  Thank you, Chair.  Libraries matter.\n"
    )
    assert _by_label(cast, "MR. A.B") not in ("Anna Berg", "Arne Bakke")


def test_a_title_of_the_other_gender_vetoes_the_join() -> None:
    cast = _cast(
        ">> CHAIR:  Our next speaker is Mr. Rashid Qureshi of the regulator.\n\n"
        ">> MS. R.Q.:  Thank you.  I speak for the providers.\n"
    )
    assert _by_label(cast, "MS. R.Q") != "Rashid Qureshi"


def test_a_misheard_first_sound_of_a_titled_surname_joins_the_speaker() -> None:
    cast = _cast(
        ">> CHAIR:  Now Ms. Rukhsana Qizilbash of Indus Wavelink.\n\n"
        ">> MS. QIZILBASH:  Thank you.  The burden moved to the provider.\n\n"
        ">> CHAIR:  Thank you.\n\n"
        ">> MS. KIZILBASH:  I am still here.\n"
    )
    assert _by_label(cast, "MS. KIZILBASH") == "Rukhsana Qizilbash"
