"""A cue file that labels every cue (`transcript/cuerepeats.py`): a video-meeting cloud
transcript writes `Name: text` on each cue, so consecutive cues of one name are one turn, and a
label ending its cue has its speech in the next cue (`turns.py` with `cues.speech_start`).

The examples are invented, in the shapes of a meeting service's `.vtt` transcript (display names
with pronouns or a role in brackets, a dial-in caller's masked number) and of an SRT file made
from captions that keep their `>>` labels."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

CLOUD = """WEBVTT

1
00:00:01.200 --> 00:00:05.800
Aroha Ngata-Whitfield: Kia ora, the recording has started.

2
00:00:05.800 --> 00:00:09.100
Aroha Ngata-Whitfield: Today we only look at the survey results.

3
00:00:09.100 --> 00:00:14.000
Bastien Lemaire-Roux (he/him): Thanks. The response rate was higher than last year.

4
00:00:14.000 --> 00:00:17.500
Bastien Lemaire-Roux (he/him): Almost every region answered.

5
00:00:17.500 --> 00:00:21.000
+64 21 *** **90: Hello, sorry, I am on the phone.

6
00:00:21.000 --> 00:00:24.300
Aroha Ngata-Whitfield: Welcome. Bastien, go on please.

7
00:00:24.300 --> 00:00:28.900
Mele Havili (IGF co-facilitator): One question before that, on the sample.
"""


def test_consecutive_cues_of_one_display_name_are_one_turn() -> None:
    turns = parse_transcript(CLOUD).turns
    assert [(t.speaker, t.text.split("\n")[0]) for t in turns] == [
        ("Aroha Ngata-Whitfield", "Kia ora, the recording has started."),
        ("Bastien Lemaire-Roux", "Thanks. The response rate was higher than last year."),
        (None, "Hello, sorry, I am on the phone."),
        ("Aroha Ngata-Whitfield", "Welcome. Bastien, go on please."),
        ("Mele Havili", "One question before that, on the sample."),
    ]
    # the joined turn runs to the end of its last cue and stays an exact slice of the text
    first = turns[0]
    assert first.text.endswith("Today we only look at the survey results.")
    assert CLOUD[first.start : first.end] == first.text
    assert [t.index for t in turns] == list(range(len(turns)))


def test_pronouns_and_a_role_in_brackets_are_no_part_of_the_name() -> None:
    turns = parse_transcript(CLOUD).turns
    assert turns[1].label == "Bastien Lemaire-Roux (he/him)"
    assert turns[-1].label == "Mele Havili (IGF co-facilitator)"


SRT = """1
00:00:01,000 --> 00:00:04,000
>> CHAIR: Welcome back.
>> OKONKWO ADEYEMI-BELLO:

2
00:00:04,000 --> 00:00:08,000
Thank you. We tested the new
routers in three villages.

3
00:00:08,000 --> 00:00:11,000
>> CHAIR: And the results?

4
00:00:11,000 --> 00:00:14,000
>> CHAIR: Sorry, one moment.
"""


def test_a_label_ending_its_cue_speaks_in_the_next_cue_and_chevrons_keep_their_cut() -> None:
    turns = parse_transcript(SRT).turns
    assert [(t.label, t.text.split("\n")[0]) for t in turns] == [
        ("CHAIR", "Welcome back."),
        ("OKONKWO ADEYEMI-BELLO", "Thank you. We tested the new"),
        ("CHAIR", "And the results?"),
        # the same label after `>>` in the next cue is the captioner's new turn: not joined
        ("CHAIR", "Sorry, one moment."),
    ]


SAVED_CAPTIONS = """[Host Room 3] 09:14:02 Good morning, we start in a minute.
[Host Room 3] 09:14:30 The recording is on.
[Ingrid Solbakken-Mwangi] 09:15:01 Thank you. Our hub met twice this year.
[Ingrid Solbakken-Mwangi] 09:15:12 Both meetings asked for cheaper backhaul.
[Galaxy Tab S7] 09:15:40 Hello? This is Tomasz, I cannot rename myself.
[Tomasz Wierzbicki-Ade] 09:15:58 Now it works. We agree with the backhaul point.
[Ingrid Solbakken-Mwangi] 09:16:20 Thank you, Tomasz.
"""


def test_saved_captions_that_write_the_name_before_the_time_join_one_speakers_lines() -> None:
    # a meeting's saved captions: `[Name] hh:mm:ss text`, one caption line each; two lines in a
    # row under one name are one turn cut by the service, as with the time mark before the name
    turns = parse_transcript(SAVED_CAPTIONS).turns
    assert [t.label for t in turns] == [
        "Host Room 3",
        "Ingrid Solbakken-Mwangi",
        "Galaxy Tab S7",
        "Tomasz Wierzbicki-Ade",
        "Ingrid Solbakken-Mwangi",
    ]
    assert "cheaper backhaul." in turns[1].text and turns[1].text.startswith("Thank you. Our hub")


def test_saved_caption_paragraphs_with_a_blank_line_between_keep_their_cuts() -> None:
    spaced = SAVED_CAPTIONS.replace("\n", "\n\n")
    assert len(parse_transcript(spaced).turns) == 7
