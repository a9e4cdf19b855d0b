"""Subtitle cue files (`transcript/cues.py`): WebVTT voice spans and SRT dialogue dashes mark
turns, cue identifiers and timing lines are never speech, and every turn stays an exact slice.

The examples are written for this file (invented names), in the shapes meeting tools and
subtitle editors export: a WebVTT file with and without hours, cue identifiers and cue
settings, voice spans closed or left open, with a class (`<v.loud …>`); an SRT file with
subtitle dialogue dashes."""

from __future__ import annotations

from forumlens.transcript.cues import cue_marks, is_cue_file, speech_end
from forumlens.transcript.parse import parse_transcript

VTT = (
    "WEBVTT\n"
    "Kind: captions\n"
    "\n"
    "intro-1\n"
    "00:01.000 --> 00:04.500 align:start position:10%\n"
    "<v Odile Marchetti>Good afternoon, we are live\n"
    "from room four.</v>\n"
    "\n"
    "intro-2\n"
    "00:04.600 --> 00:07.000\n"
    "<v Odile Marchetti>Tomasz, the floor is yours.\n"  # same voice, span left open: one turn
    "\n"
    "00:07.200 --> 00:11.900\n"  # no identifier
    "<v.loud Tomasz Wróblewski-Kane>Thank you, Odile. Our survey\n"
    "reached nine hundred schools.\n"
    "\n"
    "00:12.000 --> 00:13.000\n"
    "<v Odile Marchetti>Nine hundred?</v>\n"
)

SRT = (
    "1\n"
    "00:00:00,500 --> 00:00:03,000\n"
    "AMARA NWOSU: Welcome back, everyone.\n"
    "\n"
    "2\n"
    "00:00:03,100 --> 00:00:06,000\n"
    "- Is this microphone on?\n"
    "- Yes, we can hear you.\n"
    "\n"
    "3\n"
    "00:00:06,100 --> 00:00:09,000\n"
    "- PEDRO ALVES: Then my question\n"
    "is about the budget.\n"
    "\n"
    "4\n"
    "00:00:09,100 --> 00:00:11,000\n"
    "Step one: publish the figures.\n"
)


def _turns(text: str) -> list[tuple[str | None, str | None, str]]:
    session = parse_transcript(text)
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text  # citations stay verbatim
    return [(t.label, t.speaker, " ".join(t.text.split())) for t in session.turns]


def test_webvtt_voice_spans_are_labels_and_a_voice_change_is_a_turn() -> None:
    turns = _turns(VTT)
    assert [t[:2] for t in turns] == [
        ("Odile Marchetti", "Odile Marchetti"),
        ("Tomasz Wróblewski-Kane", "Tomasz Wróblewski-Kane"),
        ("Odile Marchetti", "Odile Marchetti"),
    ]
    # the cue after the same voice stays in the turn; the tags between stay in the slice
    assert turns[0][2].startswith("Good afternoon, we are live from room four.")
    assert turns[0][2].endswith("Tomasz, the floor is yours.")
    assert turns[1][2] == "Thank you, Odile. Our survey reached nine hundred schools."
    assert turns[2][2] == "Nine hundred?"  # the closing </v> is not speech


def test_the_header_identifiers_and_timings_are_not_turns() -> None:
    session = parse_transcript(VTT)
    assert session.turns[0].line == 6  # "WEBVTT", "Kind: captions", "intro-1" and the timing are header
    assert all("-->" not in t.text.split("\n")[-1] for t in session.turns)


def test_srt_dialogue_dashes_are_separate_unlabelled_voices() -> None:
    assert _turns(SRT) == [
        ("AMARA NWOSU", "Amara Nwosu", "Welcome back, everyone."),
        (None, None, "Is this microphone on?"),
        (None, None, "Yes, we can hear you."),
        # a label after the dash is read like any label; a cue with no name goes on with the turn
        (
            "PEDRO ALVES",
            "Pedro Alves",
            "Then my question is about the budget. 4 00:00:09,100 --> 00:00:11,000 Step one: publish the figures.",
        ),
    ]


def test_a_cue_file_is_told_by_its_lines_not_its_name() -> None:
    assert is_cue_file(VTT) and is_cue_file(SRT)
    one_range = ">> ANA LIMA: The call ran 10:00.000 --> 10:30.000, as planned.\n- a list item\n"
    assert not is_cue_file(one_range)
    assert cue_marks(one_range) == []  # a dash line in a caption transcript is no voice


def test_marks_give_offsets_into_the_text() -> None:
    marks = cue_marks(SRT)
    assert [(SRT[m.at : m.body], m.label) for m in marks] == [("- ", None), ("- ", None), ("- ", None)]
    open_span = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Li Wei>Hello\n"
    (mark,) = cue_marks(open_span)
    assert (open_span[mark.body :], mark.label) == ("Hello\n", "Li Wei")


def test_speech_end_drops_the_next_cues_furniture() -> None:
    text = "Hello there.</v>\n\n17\n00:00:05,000 --> 00:00:06,000\n"
    assert text[: speech_end(text, 0, len(text))] == "Hello there."
    kept = "Rule one.\n\n00:00:05.000 --> 00:00:06.000\nRule two."
    assert speech_end(kept, 0, len(kept)) == len(kept)  # speech after the timing stays


def test_a_guest_display_name_is_nobody_named() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Guest (Unverified)>Can you hear me?</v>\n"
    assert _turns(text) == [("Guest (Unverified)", None, "Can you hear me?")]


def test_the_first_cue_is_speech_even_with_no_mark() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\nWelcome, everyone, we start now.\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\nFATIMA ZAHRA: Thank you.\n"
    )
    assert _turns(srt) == [
        (None, None, "Welcome, everyone, we start now."),
        ("FATIMA ZAHRA", "Fatima Zahra", "Thank you."),
    ]
    unmarked = "WEBVTT\n\n00:01.000 --> 00:02.000\nWelcome, everyone.\n\n00:02.500 --> 00:04.000\nthe recording is on\n"
    (turn,) = parse_transcript(unmarked).turns  # no voice marked at all: one unlabelled turn, not none
    assert (turn.line, turn.label, turn.text.split("\n")[-1]) == (4, None, "the recording is on")


def test_a_short_cue_file_read_from_bytes_is_a_transcript_with_its_header_title() -> None:
    from forumlens.pipeline import parse_document
    from forumlens.read import read_bytes

    data = "WEBVTT - Open Forum 12: Cloud Outsourcing\nKind: captions\n\nc-1\n00:01.000 --> 00:02.000\n<v Jo Li>Hello all.\n"
    session = parse_document(read_bytes(data.encode("utf-8"), "forum.vtt"))
    assert session.title == "WEBVTT - Open Forum 12: Cloud Outsourcing"  # a cue id is never the title
    assert [(t.line, t.speaker, t.text) for t in session.turns] == [(6, "Jo Li", "Hello all.")]
    bare = parse_document(read_bytes(SRT.encode("utf-8"), "captions.srt"))
    assert bare.title == "" and [t.label for t in bare.turns][:2] == ["AMARA NWOSU", None]


def test_sentences_of_a_cue_turn_hold_no_cue_furniture() -> None:
    from forumlens.transcript.sentences import sentence_texts

    first = parse_transcript(VTT).turns[0]  # two cues of one voice: tags, id and timing between
    assert sentence_texts(first.text) == [
        "Good afternoon, we are live\nfrom room four.",
        "Tomasz, the floor is yours.",
    ]
    assert sentence_texts(parse_transcript(SRT).turns[3].text)[-1] == "Step one: publish the figures."


def test_closing_tags_are_peeled_from_the_end_and_tags_alone_stay() -> None:
    stacked = "Yes, it is on.</i></c> </v>"
    assert stacked[: speech_end(stacked, 0, len(stacked))] == "Yes, it is on."
    only_tags = "</v></c>"  # nothing was said: the block is left as it is, not emptied
    assert speech_end(only_tags, 0, len(only_tags)) == len(only_tags)
    inside = "a </v> tag inside stays</v>"
    assert inside[: speech_end(inside, 0, len(inside))] == "a </v> tag inside stays"


def test_a_two_megabyte_run_of_spaces_is_read_once() -> None:
    """Archive captions may pad a line with spaces; a pattern with two ways to take the same space
    re-reads the run once per start (hours on 2 MB). Run on one: it returns, with the answers of a
    short line."""
    spaces = " " * 2_000_000
    padded = f"Hello{spaces}there.</v>"
    assert padded[: speech_end(padded, 0, len(padded))] == f"Hello{spaces}there."
    unclosed = f"WEBVTT\n\n00:01.000 --> 00:02.000\n<v Jo{spaces}Li\n\n00:02.000 --> 00:03.000\n<v  Ana   Lima >Yes.\n"
    assert [m.label for m in cue_marks(unclosed)] == ["Ana Lima"]  # no `>`: no voice span
    padded_name = f"WEBVTT\n\n00:01.000 --> 00:02.000\n<v Jo{spaces}Li>Yes.\n"
    assert [m.label for m in cue_marks(padded_name)] == ["Jo Li"]


NAMED_IDS = """WEBVTT

1 "Leila Haddad" (3301)
00:00:01.000 --> 00:00:04.000
Good morning and welcome.

2 "Leila Haddad" (3301)
00:00:04.000 --> 00:00:07.500
Our first speaker is Omar.

3 "Omar Farouk" (3417)
00:00:08.000 --> 00:00:12.000
Thank you, Leila. Two points.

4 "Leila Haddad" (3301)
00:00:12.500 --> 00:00:14.000
Please go on.
"""


def test_a_cue_identifier_naming_the_voice_is_its_label() -> None:
    session = parse_transcript(NAMED_IDS)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (3, "Leila Haddad", "Leila Haddad"),  # two cues of one voice: one turn
        (11, "Omar Farouk", "Omar Farouk"),
        (15, "Leila Haddad", "Leila Haddad"),
    ]
    assert session.turns[0].text.startswith("Good morning and welcome.")
    assert "00:00" not in session.turns[1].text and '"' not in session.turns[1].text


NAME_LINES = """Weekly call-20220301_090000-Meeting Recording

0:0:0.0 --> 0:0:5.300
Kowalczyk-Nowak, Agata (MAC)
Good morning, we can begin with the budget.

0:0:6.100 --> 0:0:11.40
de Groot, Sanne
Thank you. The budget is unchanged.

0:0:11.40 --> 0:0:15.900
de Groot, Sanne
Only the travel line moved.

0:0:16.200 --> 0:0:20.0
Rui Tavares Mendes (Guest)
Moved where, exactly?

0:0:21.0 --> 0:0:25.500
Kowalczyk-Nowak, Agata (MAC)
To the spring meeting.
"""


def test_unpadded_timings_and_a_name_line_heading_each_cue() -> None:
    assert is_cue_file(NAME_LINES)
    session = parse_transcript(NAME_LINES)
    assert [(t.line, t.speaker) for t in session.turns] == [
        (4, "Agata Kowalczyk-Nowak"),
        (8, "Sanne de Groot"),  # two cues of one name: one turn
        (16, "Rui Tavares Mendes"),
        (20, "Agata Kowalczyk-Nowak"),
    ]
    assert session.turns[1].label == "de Groot, Sanne"
    assert session.turns[1].text.startswith("Thank you.") and session.turns[1].text.endswith("travel line moved.")


def test_a_timing_line_that_cannot_be_read_is_named_with_its_line() -> None:
    """A cue whose timing is mistyped is read as more of the cue before, so its new voice is lost:
    the session's warnings name the line and the fix, and good timing lines give no warning."""
    from forumlens.transcript.cues import unread_timings
    from forumlens.transcript.parse import parse_transcript

    good = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana Ruiz>Good morning, welcome.\n\n"
        "00:00:05.000 --> 00:00:08.000\n<v Ben Okoro>Thank you, Ana, I will be brief.\n\n"
        "00:00:09.000 --> 00:00:12.000\n<v Ana Ruiz>Thank you, Ben.\n"
    )
    bad = good.replace("00:00:05.000 --> 00:00:08.000", "00:00:05.000 --> 00:00:0X.000")
    assert unread_timings(good) == [] and unread_timings(bad) == [6]
    assert not any("timing" in w for w in parse_transcript(good, source="good.vtt").warnings)
    session = parse_transcript(bad, source="bad.vtt")
    (note,) = [w for w in session.warnings if "timing" in w]
    assert note.startswith("line 6: a cue timing line that cannot be read") and "hh:mm:ss.mmm" in note
    # an arrow in speech is no timing line, and a text that is no cue file is not read for them
    assert unread_timings("JO LI: the flow goes 3 --> 4 then back\n") == []
