"""Who's-who rules of round 16 (issue 22), fourth part: a voice that announces itself only by
its body ("This is the Malawi IGF").

Inputs are invented (people, bodies and sentences written for this file) in the shape round
16's sets showed: a floor or platform voice that gives no name, only the national IGF it
speaks for, in its opening words. The rule is also checked where it must not apply: the same
words later in a speech, and the IGF as a whole.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nLYON, 3 DECEMBER 2019\nWORKSHOP: SMALL FORUMS\n\n"
OPEN = ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  The floor, please.\n\n"


def _unnamed(body: str) -> list[tuple[str | None, str | None]]:
    cast = resolve_session(parse_transcript(HEADER + OPEN + body, source="t.txt"))
    return [(p.affiliation_id, p.affiliation) for p in cast.people if p.name is None]


def test_a_voice_announcing_its_national_igf_speaks_for_it() -> None:
    found = _unnamed(
        ">> PARTICIPANT:  Thank you.  This is the Malawi IGF.  We held our second forum in the spring, "
        "and the schools came.\n\n"
        ">> MODERATOR:  Thank you, Malawi.  Anyone online?\n\n"
        ">> ONLINE PARTICIPANT:  Hello, good morning, this is the Benin IGF, we are connected from our "
        "office.  How do you pay for the rooms?\n"
    )
    assert [a for a, _ in found] == ["nri-malawi", "nri-benin"]


def test_the_same_words_later_in_a_speech_or_of_the_igf_as_a_whole_name_no_body() -> None:
    found = _unnamed(
        ">> PARTICIPANT:  Thank you.  I want to say something about the money, because we spent two "
        "years on it and nobody listened.  And this is the Malawi IGF's problem too, not only ours.\n\n"
        ">> MODERATOR:  Thank you.  Next.\n\n"
        ">> PARTICIPANT:  Hello.  This is the IGF, so we can say it: the rooms are too expensive.\n"
    )
    assert [a for a, _ in found] == [None, None]
