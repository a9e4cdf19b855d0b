"""Turn shapes of unseen captions: `>>` markers glued to the end of the sentence before (line
breaks lost), a role label in sentence case with no colon ("Audience member Sorry, …"), and
new voices found by thanking the speaker of the turn they sit in, split without building the
turns twice."""

from __future__ import annotations

from forumlens.transcript.markers import find_markers, line_starts
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.shapes import label_shapes
from forumlens.transcript.turns import build_turns, split_turns
from forumlens.transcript.unmarked import implicit_markers, thanked_by_name


def _turns(text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(t.label, t.speaker, t.kind, t.text[:24]) for t in parse_transcript(text).turns]


def test_markers_glued_to_the_sentence_before_start_turns() -> None:
    text = (
        ">> CHAIR: Welcome.\n"
        ">> LINA HADDAD: The systems read the standard language, not the dialect.>> CHAIR: So what happens?"
        ">> LINA HADDAD: The insults stay.  (Laughter)  It is true.>>OMAR SAID: I confirm it.>> Is it published?"
        ">>OMAR SAID: Next month.\n"
    )
    assert _turns(text) == [
        ("CHAIR", None, "speech", "Welcome."),
        ("LINA HADDAD", "Lina Haddad", "speech", "The systems read the sta"),
        ("CHAIR", None, "speech", "So what happens?"),
        ("LINA HADDAD", "Lina Haddad", "speech", "The insults stay.  (Laug"),
        ("OMAR SAID", "Omar Said", "speech", "I confirm it."),
        (None, None, "speech", "Is it published?"),
        ("OMAR SAID", "Omar Said", "speech", "Next month."),
    ]


def test_a_marker_inside_a_word_or_an_address_is_text() -> None:
    text = ">> CHAIR: Pipe it as a>>b, or see http://x.org/a>>b here.\n>> ANA LIMA: Fine.\n"
    assert [t.label for t in parse_transcript(text).turns] == ["CHAIR", "ANA LIMA"]


def test_a_sentence_case_role_without_colon_is_a_label() -> None:
    text = (
        ">> Lakshmi Rao: Other questions?\n"
        ">> Audience member Sorry, can you repeat the number?\n"
        ">> Lakshmi Rao: Five million.\n"
        ">> Remote participant Hello, this is Dhaka.\n"
    )
    assert _turns(text)[1] == ("Audience member", None, "speech", "Sorry, can you repeat th")
    assert _turns(text)[3] == ("Remote participant", None, "speech", "Hello, this is Dhaka.")


def test_speech_opening_with_a_lower_case_word_after_a_role_word_is_not_a_label() -> None:
    text = ">> Lakshmi Rao: Hello.\n>> Participants are welcome to ask. Please.\n"
    assert _turns(text)[1][0] is None


THANKED = (
    ">> JOSEPH MWANGI: In Kenya we have twelve hubs.\n\n"
    "Thank you, Joseph.  Now Tanzania, we have five.\n\n"
    "(Applause)\n"
    ">> ANA LIMA: One question.\n\n"
    "Thank you, Ana.  The answer is yes.\n"
)


def test_a_voice_thanking_the_speaker_by_name_is_a_new_turn() -> None:
    assert _turns(THANKED) == [
        ("JOSEPH MWANGI", "Joseph Mwangi", "speech", "In Kenya we have twelve "),
        (None, None, "speech", "Thank you, Joseph.  Now "),
        ("ANA LIMA", "Ana Lima", "speech", "One question."),
        (None, None, "speech", "Thank you, Ana.  The ans"),
    ]


def test_splitting_at_thanks_gives_the_turns_a_full_rebuild_gives() -> None:
    """`split_turns` replaced a second `build_turns` pass: the same turns, field for field."""
    text = THANKED
    starts = line_starts(text)
    shapes = label_shapes(text)
    markers = find_markers(text, shapes)
    markers = sorted(markers + implicit_markers(text, markers, shapes), key=lambda m: m.at)
    turns = build_turns(text, markers, starts, shapes, {})
    thanked = thanked_by_name(text, turns)
    assert len(thanked) == 2
    rebuilt = build_turns(text, sorted(markers + thanked, key=lambda m: m.at), starts, shapes, {})
    assert split_turns(text, turns, thanked, starts) == rebuilt


def test_floor_microphones_and_groups_are_no_person() -> None:
    from forumlens.transcript.speakers import display_name

    for label in ("MICROPHONE 1", "Floor mic 2", "YOUTH DELEGATES", "THE ROOM", "Parliamentarians"):
        assert display_name(label) is None, label
    assert display_name("Dep. Valentina Ruiz (online)") == "Valentina Ruiz"
    assert display_name("MICHAEL ROOM") == "Michael Room"  # a surname, not the room
