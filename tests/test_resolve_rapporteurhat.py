"""A chair who says she is also the rapporteur speaks the ">> RAPPORTEUR:" read-out
(`resolve.rapporteurhat`, issue 22, round 17).

Inputs are invented (people, bodies and sentences written for this file) in the shape round
16's sets showed; the rule is also checked where it must not apply: a chair handing over to a
rapporteur, and one who says she is not the rapporteur.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.rapporteurhat import claims_rapporteur
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nGENEVA, 19 DECEMBER 2017\nNRI SESSION: SMALL FORUMS\n\n"
OPEN = (
    ">> MODERATOR:  Good morning.  I am Ilse Vandermeulen-Coppens, from the Flanders IGF, and I "
    "moderate this session.  Arvo, please start.\n\n"
    ">> ARVO KOIVISTO-LAHTI:  Thank you, Ilse.  Arvo Koivisto-Lahti, Finland IGF.  We meet in the "
    "library, because it is free.\n\n"
)
READ_OUT = ">> RAPPORTEUR:  So, key points.  Arvo for Finland: meet in the library.  Thank you.\n"


def _labels(chair_words: str) -> dict[str | None, tuple[str, ...]]:
    text = HEADER + OPEN + f">> MODERATOR:  {chair_words}\n\n" + READ_OUT
    return {p.name: p.labels for p in resolve_session(parse_transcript(text, source="t.txt")).people}


def test_the_read_out_is_the_chairs_when_she_says_she_is_also_the_rapporteur() -> None:
    labels = _labels(
        "We have three minutes.  Let me take my other hat, because the Secretariat asked me to be "
        "also the rapporteur, so I will read what I wrote."
    )
    assert labels["Ilse Vandermeulen-Coppens"] == ("MODERATOR", "RAPPORTEUR")
    assert None not in labels


def test_a_chair_handing_over_to_the_rapporteur_keeps_her_own_turns() -> None:
    labels = _labels("We have three minutes.  I give the floor to our rapporteur for the key points.")
    assert labels["Ilse Vandermeulen-Coppens"] == ("MODERATOR",)
    assert labels[None] == ("RAPPORTEUR",)


def test_a_claim_is_first_person_and_not_denied() -> None:
    assert claims_rapporteur("I am also the rapporteur today.")
    assert claims_rapporteur("Wearing my other hat now, as the session rapporteur.")
    assert not claims_rapporteur("I am not the rapporteur, Maria is.")
    assert not claims_rapporteur("Our rapporteur will read the points.")
