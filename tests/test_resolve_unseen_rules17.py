"""Who's-who rules from round 17's remaining misses (issue 22): a present post said with "now" /
"currently" / "these days", a list of people that is not a body, a shared account's voices and
modes said indirectly.

Inputs are invented (people, bodies and sentences written for this file) in the shapes round
17's sets showed; each rule is also checked where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nTALLINN, 4 NOVEMBER 2011\nHIGH-LEVEL MEETING: THE LAST MILE\n\n"


def _people(body: str) -> dict[str | None, tuple[str | None, str | None]]:
    cast = resolve_session(parse_transcript(HEADER + body, source="t.txt"))
    return {p.name: (p.affiliation, p.mode) for p in cast.people}


def _bio(post: str) -> str:
    return (
        ">> CHAIR:  Good afternoon.  I am Marju Kõiv-Saarepuu and I chair this meeting.  Before each "
        "speaker I read a short biography.  Our first speaker studied physics in Tartu.  He built the "
        f"radio masts of the islands, and {post}.  Mr. Aivar Lõhmusalu, please.\n\n"
        ">> MR. LOHMUSALU:  Thank you, Chair.  The lake is wide and the villages are small, so the "
        "radio is the only thing that arrives in winter.\n\n"
    )


def test_a_post_held_now_in_a_biography_gives_its_body() -> None:
    for post in (
        "he is now chief executive of Saaremaa Mast Services",
        "he is currently director of Saaremaa Mast Services",
        "he is these days with Saaremaa Mast Services",
    ):
        assert _people(_bio(post))["Aivar Lõhmusalu"][0] == "Saaremaa Mast Services", post


def test_a_former_post_said_with_then_is_still_not_the_speakers_body() -> None:
    assert _people(_bio("he was then with Saaremaa Mast Services"))["Aivar Lõhmusalu"][0] is None
