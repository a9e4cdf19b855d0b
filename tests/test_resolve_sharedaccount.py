"""Two voices on one meeting account told apart by the tags they open their turns with (resolve.sharedaccount)."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.selfnames import voice_tag
from forumlens.transcript.parse import parse_transcript

_HEAD = "IGF 2023 - WS 40 - Libraries online\n\n"


def _names(body: str) -> set[str | None]:
    return {p.name for p in resolve_session(parse_transcript(_HEAD + body, source="t.txt")).people}


def test_a_voice_tags_its_turn_by_name_and_by_its_full_name_when_it_follows() -> None:
    assert voice_tag("Hello, Tomasz here. We run the reading room.") == "Tomasz"
    assert voice_tag("So this is Ilona speaking, Ilona Kowalczyk, I am the librarian.") == "Ilona Kowalczyk"
    assert voice_tag("Yes, Tomasz again. One more point.") == "Tomasz"


def test_a_room_a_body_or_a_greeting_is_no_voice() -> None:
    assert voice_tag("Nairobi here, can you hear us?") is None  # a place the gazetteer knows
    assert voice_tag("Digital Rights Foundation here, we are connected.") is None  # a body
    assert voice_tag("We are all here today.") is None
    assert voice_tag("Thank you for the floor. " * 10 + "Tomasz here.") is None  # past the turn's opening


def test_a_label_whose_turns_tag_two_voices_is_split_into_both() -> None:
    body = (
        ">> AMARA OSEI:  Good morning.  I am Amara Osei and I moderate.  The library in Zadroze is "
        "with us online.\n\n"
        ">> GMINNA BIBLIOTEKA:  So this is Ilona speaking, Ilona Kowalczyk, I am the librarian.  We "
        "lend laptops.\n\n"
        ">> AMARA OSEI:  Thank you.  And your colleague?\n\n"
        ">> GMINNA BIBLIOTEKA:  Hello, Tomasz here, Tomasz Nowicki.  I teach the evening classes.\n\n"
        ">> AMARA OSEI:  Thank you both.\n"
    )
    names = _names(body)
    assert {"Ilona Kowalczyk", "Tomasz Nowicki"} <= names
    assert "Gminna Biblioteka" not in names


def test_one_voice_tagging_itself_twice_keeps_the_label_whole() -> None:
    body = (
        ">> AMARA OSEI:  Good morning.  I am Amara Osei and I moderate.\n\n"
        ">> GMINNA BIBLIOTEKA:  Hello, Tomasz here, Tomasz Nowicki.  We lend laptops.\n\n"
        ">> AMARA OSEI:  Thank you.\n\n"
        ">> GMINNA BIBLIOTEKA:  Yes, Tomasz again.  And we teach evening classes.\n"
    )
    assert "Ilona Kowalczyk" not in _names(body)
    assert len(_names(body) - {"Amara Osei"}) == 1


def test_a_voice_back_at_the_microphone_names_itself_after_me_again() -> None:
    assert voice_tag("Sorry, it is me again, Wairimu, one more question.") == "Wairimu"
    assert voice_tag("Yes, it's me again, Oskar Lind.  The budget?") == "Oskar Lind"
    # without "again", "It's me, Fiona" may answer Fiona: no tag
    assert voice_tag("It's me, Fiona, who asked that.") is None
    assert voice_tag("It is me again, Nairobi, can you hear?") is None  # a place, not a voice


def test_rooms_true_also_reads_a_place_name_tag() -> None:
    # "Wellington here" may be a person or a room: asked for, the tag is read either way
    assert voice_tag("Nairobi here, can you hear us?", rooms=True) == "Nairobi"
    assert voice_tag("Digital Rights Foundation here, we are connected.", rooms=True) is None  # still a body
