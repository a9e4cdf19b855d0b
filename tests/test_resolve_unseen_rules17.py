"""Who's-who rules from round 17's remaining misses (issue 22): a present post said with "now" /
"currently" / "these days", a list of people that is not a body, a shared account's voices and
modes said indirectly.

Inputs are invented (people, bodies and sentences written for this file) in the shapes round
17's sets showed; each rule is also checked where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import Person
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nTALLINN, 4 NOVEMBER 2011\nHIGH-LEVEL MEETING: THE LAST MILE\n\n"


def _people(body: str, header: str = HEADER) -> dict[str | None, Person]:
    """Each person the session names, by name."""
    return {p.name: p for p in resolve_session(parse_transcript(header + body, source="t.txt")).people}


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
        assert _people(_bio(post))["Aivar Lõhmusalu"].affiliation == "Saaremaa Mast Services", post


def test_a_former_post_said_with_then_is_still_not_the_speakers_body() -> None:
    assert _people(_bio("he was then with Saaremaa Mast Services"))["Aivar Lõhmusalu"].affiliation is None


HYBRID = "IGF 2021 - Day 3 - DC Island Libraries: Annual Session\n\n***\n\n"


def _cast(body: str) -> dict[str | None, tuple[str, ...]]:
    return {name: p.labels for name, p in _people(body, HYBRID).items()}


SHARED = (
    ">> KRISTA MAASIK-ORU:  Good morning, I am Krista Maasik-Oru and I chair the coalition.  Our "
    "first guests share one laptop, so you will see one name and hear two people.  Welcome.\n\n"
    ">> Vormsi Raamatukogu:  Hello, can you hear us?  So this is Liivi speaking, Liivi Tammaru-Kask, "
    "I run the village library on the island.  I will tell the story and Peep the technique.\n\n"
    ">> Vormsi Raamatukogu:  Hello, Peep here, Peep Laanemets, I am the one who climbs the mast.  "
    "The link is a radio hop from the mainland.\n\n"
    ">> KRISTA MAASIK-ORU:  Thank you both.  A question from the room?\n\n"
    ">> Vormsi Raamatukogu:  Liivi again.  One more thing: the ferry brings the books.\n\n"
    ">> Vormsi Raamatukogu:  And the mast needs a new cable before winter.\n\n"
)


def test_two_voices_tagging_their_turns_on_one_account_are_two_people() -> None:
    found = _cast(SHARED)
    assert "Vormsi Raamatukogu" not in found
    assert found["Liivi Tammaru-Kask"] == ("Vormsi Raamatukogu",)
    assert found["Peep Laanemets"] == ("Vormsi Raamatukogu",)


def test_an_untagged_turn_goes_on_in_the_voice_before_it() -> None:
    turns = {name: p.lines for name, p in _people(SHARED, HYBRID).items()}
    assert len(turns["Liivi Tammaru-Kask"]) == 3 and len(turns["Peep Laanemets"]) == 1


def test_one_voice_naming_itself_twice_keeps_its_label() -> None:
    # the same voice tags both turns: one person, not a split
    found = _cast(
        ">> KRISTA MAASIK-ORU:  Good morning, I am Krista Maasik-Oru and I chair the coalition.\n\n"
        ">> Vormsi Raamatukogu:  Hello, so this is Liivi speaking, Liivi Tammaru-Kask, I run the "
        "village library.\n\n"
        ">> KRISTA MAASIK-ORU:  Thank you.\n\n"
        ">> Vormsi Raamatukogu:  Liivi again.  The ferry brings the books.\n\n"
    )
    assert sum(1 for labels in found.values() if "Vormsi Raamatukogu" in labels) == 1


def test_a_room_tagging_itself_is_not_a_voice() -> None:
    # "Tartu here", "Pärnu here": places answering a roll call, not two people
    found = _cast(
        ">> KRISTA MAASIK-ORU:  Good morning, I am Krista Maasik-Oru.  Which rooms are with us?\n\n"
        ">> Mare Liiv:  Hello, Tallinn here, we have twelve people.\n\n"
        ">> KRISTA MAASIK-ORU:  And the other one?\n\n"
        ">> Mare Liiv:  Sorry, Paris here too, they asked me to relay.\n\n"
    )
    assert found.get("Mare Liiv") == ("Mare Liiv",)


def _modes(body: str) -> dict[str | None, str | None]:
    return {name: p.mode for name, p in _people(body, HYBRID).items()}


def test_a_voice_the_chair_asks_to_unmute_itself_is_online() -> None:
    found = _modes(
        ">> KRISTA MAASIK-ORU:  Good morning, I am Krista Maasik-Oru and I chair the coalition.  "
        "Ene, please unmute yourself.\n\n"
        ">> Ene Kuusik-Pärn:  Thank you, Chair.  Ene Kuusik-Pärn, I coordinate the Hiiumaa Reading "
        "Rooms.  We have four rooms on the island.\n\n"
    )
    assert found["Ene Kuusik-Pärn"] == "online"


def test_a_speaker_parked_by_the_road_is_online() -> None:
    found = _modes(
        ">> KRISTA MAASIK-ORU:  Good morning, I am Krista Maasik-Oru and I chair the coalition.  "
        "Ene, go ahead.\n\n"
        ">> Ene Kuusik-Pärn:  Hello, I am parked at a bus stop near Kärdla, between two meetings.  "
        "Ene Kuusik-Pärn, I coordinate the Hiiumaa Reading Rooms.\n\n"
    )
    assert found["Ene Kuusik-Pärn"] == "online"


def test_parked_said_of_something_else_says_nothing() -> None:
    found = _modes(
        ">> KRISTA MAASIK-ORU:  Good morning, I am Krista Maasik-Oru and I chair the coalition.  "
        "Ene, go ahead.\n\n"
        ">> Ene Kuusik-Pärn:  Hello.  Ene Kuusik-Pärn, I coordinate the Hiiumaa Reading Rooms.  The "
        "project is parked until the money comes.\n\n"
    )
    assert found["Ene Kuusik-Pärn"] is None
