"""An unmarked voice between two turns of the same speaker (`transcript/interjections.py`):
the label coming back is the evidence that somebody else spoke. Examples written for this file
(invented names)."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

HEADER = "IGF 2011 Nairobi - Workshop 61: Rural Access\n\n"


def _turns(text: str) -> list[tuple[str | None, str]]:
    session = parse_transcript(text)
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text
    return [(t.label, " ".join(t.text.split())[:28]) for t in session.turns]


def test_a_floor_voice_before_the_speakers_label_returns_is_a_turn() -> None:
    text = HEADER + (
        ">> LEILA HADDAD: Our towers reach forty villages.\n"
        "Most of them run on solar power.\n"
        "Excuse me, I work for a co-operative in Meru. What does a tower cost?\n"
        ">> LEILA HADDAD: About twelve thousand dollars.\n"
    )
    assert _turns(text) == [
        ("LEILA HADDAD", "Our towers reach forty villa"),
        (None, "Excuse me, I work for a co-o"),
        ("LEILA HADDAD", "About twelve thousand dollar"),
    ]


def test_lines_of_one_speaker_between_other_labels_stay_in_the_turn() -> None:
    text = HEADER + (
        ">> LEILA HADDAD: Our towers reach forty villages.\n"
        "Most of them run on solar power.\n"
        ">> OMAR FARAH: And the batteries?\n"
    )
    assert [label for label, _ in _turns(text)] == ["LEILA HADDAD", "OMAR FARAH"]


def test_a_sentence_carried_over_a_line_break_is_the_same_voice() -> None:
    text = HEADER + (
        ">> LEILA HADDAD: Our towers reach forty villages, and\n"
        "Most of them run on solar power, which is cheaper.\n"
        ">> LEILA HADDAD: Sorry, I lost the connection.\n"
    )
    assert [label for label, _ in _turns(text)] == ["LEILA HADDAD", "LEILA HADDAD"]


def test_a_generic_label_twice_may_be_two_people_and_nothing_between() -> None:
    text = HEADER + (
        ">> PARTICIPANT: Thank you for the session.\n"
        "My question is about the price of a tower.\n"
        ">> PARTICIPANT: I have a question too.\n"
    )
    assert [label for label, _ in _turns(text)] == ["PARTICIPANT", "PARTICIPANT"]


def test_a_page_header_or_a_stage_note_is_no_voice() -> None:
    text = HEADER + (
        ">> LEILA HADDAD: Our towers reach forty villages.\n"
        "IGF 2011 NAIROBI    WORKSHOP 61    PAGE 2\n"
        "(Off microphone)\n"
        ">> LEILA HADDAD: As I was saying, solar power.\n"
    )
    assert [label for label, _ in _turns(text)] == ["LEILA HADDAD", "LEILA HADDAD"]


def test_a_label_written_again_after_a_page_break_keeps_one_voice() -> None:
    for page in ("Page 3", "- 12 -", "IGF 2011 NAIROBI    WORKSHOP 61"):
        text = HEADER + (
            ">> LEILA HADDAD: Our towers reach forty villages.\n"
            "Most of them run on solar power.\n"
            f"{page}\n"
            "\n"
            ">> LEILA HADDAD: The batteries last ten years.\n"
        )
        assert [label for label, _ in _turns(text)] == ["LEILA HADDAD", "LEILA HADDAD"], page


def test_a_page_break_before_the_floor_voice_does_not_hide_it() -> None:
    text = HEADER + (
        ">> LEILA HADDAD: Our towers reach forty villages.\n"
        "Page 3\n"
        "Most of them run on solar power.\n"
        "Excuse me, I work for a co-operative in Meru. What does a tower cost?\n"
        ">> LEILA HADDAD: About twelve thousand dollars.\n"
    )
    assert [label for label, _ in _turns(text)] == ["LEILA HADDAD", None, "LEILA HADDAD"]


# A single line break is layout, not a voice, where the file's own convention says so.


def test_a_file_that_parts_its_turns_by_blank_lines_repeats_a_label_for_the_same_voice() -> None:
    text = HEADER + (
        "Leila Haddad: Our towers reach forty villages. Most run on solar power.\n"
        "They cost less than a generator over five years.\n"
        "\n"
        "Leila Haddad: And a promise. We will publish the costs of every tower.\n"
        "\n"
        "Omar Farah: Thank you, Leila. What about the batteries?\n"
        "\n"
        "Leila Haddad: They last ten years.\n"
    )
    assert [label for label, _ in _turns(text)] == ["Leila Haddad", "Leila Haddad", "Omar Farah", "Leila Haddad"]


def test_a_hard_wrapped_file_carries_a_sentence_end_over_a_line_break_in_one_voice() -> None:
    text = HEADER + (
        ">> LEILA HADDAD: Our towers reach forty villages in the north of the county, and\n"
        "most of them run on solar power, which is cheaper than diesel over five years.\n"
        "The batteries are the part that fails first, so we train a technician in every\n"
        "village to replace them.\n"
        ">> OMAR FARAH: How many technicians have you trained so far, and who pays\n"
        "for the training?\n"
        ">> LEILA HADDAD: Forty, one in each village, paid by the county.\n"
    )
    turns = _turns(text)
    assert [label for label, _ in turns] == ["LEILA HADDAD", "OMAR FARAH", "LEILA HADDAD"]
    text = HEADER + (
        ">> LEILA HADDAD: Our towers reach forty villages in the north of the county, and\n"
        "most of them run on solar power, which is cheaper than diesel over five years.\n"
        "The batteries are the part that fails first, so we train a technician in every\n"
        "village to replace them.\n"
        ">> LEILA HADDAD: Forty technicians so far, one in each village.\n"
    )
    assert [label for label, _ in _turns(text)] == ["LEILA HADDAD", "LEILA HADDAD"]
