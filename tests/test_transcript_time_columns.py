"""Exports with no header row and perhaps no speaker field (`transcript/delimited.py`), and a
caption format with markup elements of its own (`transcript/markup.py`): an annotation tool's
tab export whose tier names the voice, an audio editor's label track whose text holds the
labels, a webcast caption file with self-closed and closed elements and escaped markers.
Invented names and words; line numbers are the file's."""

from __future__ import annotations

from forumlens.transcript.bullets import bullet_edits
from forumlens.transcript.delimited import read_delimited, text_column_edits
from forumlens.transcript.markup import markup_edits
from forumlens.transcript.parse import parse_transcript

TIERS = (
    "Host\t\t00:00:00.500\t00:00:04.000\t00:00:03.500\tWelcome to the session on rural broadband.\n"
    "Host\t\t00:00:04.000\t00:00:07.100\t00:00:03.100\tOur first guest works on community networks.\n"
    "Tomasz Wierzbicki-Lund\t\t00:00:07.500\t00:00:12.000\t00:00:04.500\tThanks. We built nine masts last year.\n"
    "Audience 1\t\t00:00:12.400\t00:00:15.000\t00:00:02.600\tWho paid for them?\n"
    "Tomasz Wierzbicki-Lund\t\t00:00:15.300\t00:00:19.000\t00:00:03.700\tThe villages did: a small fee per house.\n"
)

LABELS = (
    "0.000000\t3.200000\tMODERATOR: Good evening and welcome to the spectrum workshop.\n"
    "3.200000\t7.000000\tWe have two speakers tonight.\n"
    "7.500000\t12.250000\tRAHEL GEBRESELASSIE: Thank you. In our town the radio is still first.\n"
    "12.900000\t12.900000\t(laughter)\n"
    "13.100000\t16.800000\tPARTICIPANT: Is it the same in the villages?\n"
    "17.000000\t20.400000\tRAHEL GEBRESELASSIE: Yes, even more so.\n"
)


def test_a_header_less_tier_export_reads_the_tier_as_the_label() -> None:
    session = parse_transcript(TIERS)
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (1, "Host", None),  # two rows of one tier are one turn
        (3, "Tomasz Wierzbicki-Lund", "Tomasz Wierzbicki-Lund"),
        (4, "Audience 1", None),
        (5, "Tomasz Wierzbicki-Lund", "Tomasz Wierzbicki-Lund"),
    ]
    assert session.turns[0].text.startswith("Welcome to the session")  # the time columns are not speech
    assert "00:00" not in session.turns[-1].text
    assert "The villages did: a small fee" in session.turns[-1].text  # a colon in a cell is speech
    assert text_column_edits(TIERS) == []  # the voice is a field: no caption view


def test_a_label_track_with_no_speaker_field_reads_its_text_as_captions() -> None:
    session = parse_transcript(LABELS)
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (1, "MODERATOR", None),
        (3, "RAHEL GEBRESELASSIE", "Rahel Gebreselassie"),
        (5, "PARTICIPANT", None),
        (6, "RAHEL GEBRESELASSIE", "Rahel Gebreselassie"),
    ]
    assert "We have two speakers tonight." in session.turns[0].text  # a row with no label goes on
    assert "(laughter)" in session.turns[1].text  # a point label stays in its turn
    assert read_delimited(LABELS) is None  # not a table with a voice column


def test_prose_with_the_same_number_of_commas_on_every_line_is_no_table() -> None:
    prose = "CHAIR: Well, then, let us begin.\nANA RUIZ: Yes, thanks, I will be short.\nCHAIR: Good, fine, go ahead.\n"
    assert read_delimited(prose) is None
    assert text_column_edits(prose) == []  # no column holds a time or a number
    assert [t.label for t in parse_transcript(prose).turns] == ["CHAIR", "ANA RUIZ", "CHAIR"]


WEBCAST = (
    '<window type="generic" duration="00:30:00" wordwrap="true">\n'
    '<font face="Arial" color="#FFFFFF">\n'
    "<!-- captions: rural broadband -->\n"
    '<time begin="00:00:01.0"/><clear/>&gt;&gt; CHAIR: Good evening,<br/>we start now.\n'
    '<time begin="00:00:04.0"/><clear/>The first speaker is online.\n'
    '<time begin="00:00:07.0"/><clear/>&gt;&gt; MS. RAHEL GEBRESELASSIE: Thank you &amp; hello.\n'
    '<time begin="00:00:10.0"/><clear/><i>(Laughter)</i>\n'
    '<time begin="00:00:12.0"/><clear/>&gt;&gt; (Applause)\n'
    "</font>\n"
    "</window>\n"
)


def test_a_webcast_caption_file_reads_its_own_elements_as_markup() -> None:
    session = parse_transcript(WEBCAST)
    got = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert got == [
        (4, "CHAIR", None, "speech"),
        (6, "MS. RAHEL GEBRESELASSIE", "Rahel Gebreselassie", "speech"),
        (8, None, None, "note"),
    ]
    assert "The first speaker is online." in session.turns[0].text
    assert session.turns[1].text.startswith("Thank you &amp; hello.")  # the source, as written


def test_a_note_in_angle_brackets_is_never_self_closed_markup() -> None:
    text = "<p>CHAIR: We start.</p>\n<p>JO LI: Thanks <inaudible> yes.</p>\n"
    removed = {text[e.start : e.end] for e in markup_edits(text)}
    assert "<inaudible>" not in removed
    assert removed == {"<p>", "</p>"}
    vtt = "<v Jo Li>Hello there.</v>\n<b>CHAIR:</b> Next.<br/>\n"
    assert "<v Jo Li>" not in {vtt[e.start : e.end] for e in markup_edits(vtt)}


NOTES = (
    "Workshop 7: Radio in rural schools - shared notes\n"
    "Please keep one bullet per speaker.\n"
    "\n"
    "- Facilitator: opens, explains the three rounds\n"
    "- Amara Okonkwo-Diallo (Lagos): most schools have a radio, few have a signal\n"
    "  - asks regulators for a school frequency\n"
    "- Participant (online): what about solar chargers?\n"
    "- Amara Okonkwo-Diallo: every school in the pilot got one\n"
    "- Facilitator: closes\n"
)


def test_notes_with_one_bullet_a_speaker_read_the_bullet_as_furniture() -> None:
    session = parse_transcript(NOTES)
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (4, "Facilitator", None),
        (5, "Amara Okonkwo-Diallo (Lagos)", "Amara Okonkwo-Diallo"),
        (7, "Participant (online)", None),  # a generic voice with an aside, in sentence case
        (8, "Amara Okonkwo-Diallo", "Amara Okonkwo-Diallo"),
        (9, "Facilitator", None),
    ]
    assert "asks regulators for a school frequency" in session.turns[1].text  # a sub-bullet goes on
    assert session.turns[1].text.startswith("most schools have a radio")


def test_a_list_of_points_inside_a_speech_keeps_its_bullets() -> None:
    text = (
        "CHAIR: Three points from the last meeting:\n"
        "- the mandate\n"
        "- the funding: still open\n"
        "- the timeline\n"
        "ANA RUIZ: Thanks. On funding, nothing new.\n"
    )
    assert bullet_edits(text) == []
    assert [t.label for t in parse_transcript(text).turns] == ["CHAIR", "ANA RUIZ"]


RECOGNISED = (
    '{"id": "job-1", "status": "completed", "speaker_labels": true,\n'
    ' "text": "Welcome all. Thanks, glad to be here. Our first speaker. Happy to help.",\n'
    ' "utterances": [\n'
    '  {"speaker": "A", "text": "Welcome all, this is the forum on village radio.", "start": 0, "end": 4000},\n'
    '  {"speaker": "B", "text": "Thanks, glad to be here with you today.", "start": 4200, "end": 8000},\n'
    '  {"speaker": "A", "text": "Our first speaker joins from the coast.", "start": 8100, "end": 9900},\n'
    '  {"speaker": "C", "text": "Happy to help, we run two stations.", "start": 10000, "end": 12000},\n'
    '  {"speaker": "B", "text": "And we run one, on the hill above town.", "start": 12500, "end": 14000},\n'
    '  {"speaker": "A", "text": "Thank you both, we have five minutes.", "start": 14200, "end": 16000}\n'
    " ]\n"
    "}\n"
)


def test_a_recognisers_lettered_speakers_are_labels_of_unknown_voices() -> None:
    session = parse_transcript(RECOGNISED)
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [(4, "A", None), (5, "B", None), (6, "A", None), (7, "C", None), (8, "B", None), (9, "A", None)]
    assert session.turns[0].text.startswith("Welcome all, this is the forum")  # not the job-level text


def test_spruce_stl_style_toggles_are_read_as_nothing() -> None:
    text = (
        "//Workshop 9 - English subtitles\n"
        ">> MODERATOR: Good morning,|and welcome.\n"
        "^I>> (Applause)^I\n"
        ">> MS. RAHEL GEBRESELASSIE: Thank you. ^BTwo^B points today.\n"
    )
    removed = [text[e.start : e.end] for e in markup_edits(text)]
    assert removed == ["^I", "^I", "^B", "^B"]
    got = [(t.line, t.label, t.kind) for t in parse_transcript(text).turns]
    assert got == [(2, "MODERATOR", "speech"), (3, None, "note"), (4, "MS. RAHEL GEBRESELASSIE", "speech")]
    assert markup_edits("He said 2^Int is large.\n") == []  # one caret code is no toggle
