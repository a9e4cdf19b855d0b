"""A report's header fields above its transcript (`markers._header_field`): `Organiser: a
consumer group …`, `Participants: see the sheet` are no speakers. The value opens in lower case,
the label does not come back, and no label that comes back stands above it. Invented inputs."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

REPORT = """Regional Forum 2015 - Workshop Report
Workshop No. 7: Rural Libraries Online
Organiser: a network of village libraries in the lake region
Rapporteur: see the contact list at the end
Moderator: Good morning. We have an hour and three speakers.
Ana Ruiz: Thank you. Our libraries open the connection to everyone.
Moderator: And who pays for it?
Ana Ruiz: the municipality, most of the time.
Moderator: Thank you.
"""


def test_header_fields_with_a_lower_case_value_are_no_turns() -> None:
    labels = [t.label for t in parse_transcript(REPORT).turns]
    assert labels == ["Moderator", "Ana Ruiz", "Moderator", "Ana Ruiz", "Moderator"]


def test_a_speaker_who_comes_back_keeps_a_lower_case_opening() -> None:
    # the same lower-case value after a label that comes back, below the header, is speech
    turns = parse_transcript(REPORT).turns
    assert turns[3].text.startswith("the municipality")


def test_a_one_off_speaker_below_a_recurring_label_is_still_a_turn() -> None:
    text = REPORT + "Jo Li: sorry, one more question from the floor.\nModerator: Go ahead.\n"
    labels = [t.label for t in parse_transcript(text).turns]
    assert "Jo Li" in labels


def test_a_role_label_whose_speech_closes_a_sentence_inside_its_first_line_is_a_turn() -> None:
    # `For the Director. Will …` reads like a title word by word, but a sentence ends inside it
    text = "\n".join(
        [
            "CHAIR: Thank you. Is there a question",
            "from the room? Briefly, please.",
            "PARTICIPANT: For the Director. Will",
            "the new plan cover the islands as well?",
            "DIRECTOR: Yes, from next year.",
            "CHAIR: Thank you both.",
        ]
    )
    assert [t.label for t in parse_transcript(text).turns] == ["CHAIR", "PARTICIPANT", "DIRECTOR", "CHAIR"]
