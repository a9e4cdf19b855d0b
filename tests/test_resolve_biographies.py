"""Who's-who rules of round 17 (issue 22): a biography the chair reads before the speaker's
first turn, and the body said only as the moderator thanks a speaker.

Inputs are invented (people, bodies and sentences written for this file) in the shapes round
17's sets showed. Each rule is also checked where it must not apply: a biography of somebody
who does not speak next, a former post in the biography, and thanks with no body after them.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nTALLINN, 4 NOVEMBER 2011\nHIGH-LEVEL MEETING: THE LAST MILE\n\n"


def _affiliations(body: str) -> dict[str | None, str | None]:
    cast = resolve_session(parse_transcript(HEADER + body, source="t.txt"))
    return {p.name: p.affiliation for p in cast.people}


BIO = (
    ">> CHAIR:  Good afternoon.  I am Marju Kõiv-Saarepuu and I chair this meeting.  Before each "
    "speaker I read a short biography.  Our first speaker studied law in Tartu.  He was for ten years "
    "a judge, and today he chairs the Peipsi Lakeshore Radio Cooperative, which links fishing "
    "villages.  He is sitting at my right.  Mr. Aivar Lõhmusalu.\n\n"
    ">> MR. LOHMUSALU:  Thank you, Chair.  The lake is wide and the villages are small, so the radio "
    "is the only thing that arrives in winter.\n\n"
)


def test_a_body_in_the_biography_read_before_the_first_turn_is_the_speakers() -> None:
    assert _affiliations(BIO)["Aivar Lõhmusalu"] == "Peipsi Lakeshore Radio Cooperative"


def test_a_biography_of_somebody_who_does_not_speak_next_gives_them_nothing() -> None:
    # the chair describes a guest, names him, and then another person speaks first
    found = _affiliations(
        ">> CHAIR:  Good afternoon.  I am Marju Kõiv-Saarepuu and I chair this meeting.  Later we "
        "will hear a guest.  Today he chairs the Peipsi Lakeshore Radio Cooperative.  Mr. Aivar "
        "Lõhmusalu.  But first, the floor.\n\n"
        ">> PARTICIPANT:  Thank you.  My name is Reet Pärnaste, I farm near Valga, and I have a "
        "question about the winter.\n\n"
        ">> MR. LOHMUSALU:  The lake freezes and the radio still works.\n\n"
    )
    assert found.get("Aivar Lõhmusalu") is None


def test_a_former_post_in_the_biography_is_not_the_speakers_body() -> None:
    found = _affiliations(
        ">> CHAIR:  Good afternoon.  I am Marju Kõiv-Saarepuu and I chair this meeting.  Our second "
        "speaker needs little introduction.  She was for six years at the Narva Border Telecom Office, "
        "and she retired last spring.  Ms. Helju Vaarmann-Oja.\n\n"
        ">> MS. VAARMANN-OJA:  Thank you.  I speak today as a grandmother who pays the bills.\n\n"
    )
    assert found["Helju Vaarmann-Oja"] is None


THANKED = (
    ">> KANTHARAJ:  Good afternoon, I am Lakshmi Kantharaj and I moderate.  Our panel is Ravindra "
    "Pallamreddy and Susheela Gundimeda.  Ravindra, you start.\n\n"
    ">> PALLAMREDDY:  Thank you.  The boats leave at four and the prices arrive at six, that is the "
    "whole problem.\n\n"
    ">> KANTHARAJ:  Thank you, Ravindra, from the Kakinada Boat Owners' Welfare Society.  Susheela, "
    "please.\n\n"
    ">> GUNDIMEDA:  Thank you.  In our villages the women sell the fish, so the phone must be theirs.\n\n"
    ">> KANTHARAJ:  Thank you, Susheela.  We close here.\n\n"
)


def test_the_body_said_as_the_moderator_thanks_a_speaker_is_theirs() -> None:
    found = _affiliations(THANKED)
    assert found["Ravindra Pallamreddy"] == "Kakinada Boat Owners' Welfare Society"


def test_thanks_with_no_body_after_the_name_give_none() -> None:
    assert _affiliations(THANKED)["Susheela Gundimeda"] is None
