"""Markup tags (`transcript/markup.py`) and invisible characters (`transcript/invisible.py`)
read in the view: a saved web page with its tags left in, a TTML caption file, an SRT file
with formatting tags, a copied page with bidi marks and no-break spaces. The turns are cut
from the source as written, on the source's own lines. Invented names and words."""

from __future__ import annotations

from forumlens.transcript.invisible import invisible_edits
from forumlens.transcript.markup import markup_edits
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sentences import sentence_texts
from forumlens.transcript.view import Edit

PAGE = (
    '<div class="record">\n'
    "<h3>Workshop 12: Radio spectrum for villages</h3>\n"
    "<p><b>CHAIR:</b> Welcome. Two speakers today,<br/>then the floor.</p>\n"
    "<p><strong>MS. OLUWASEUN ADEBAYO-KLINE (Nigeria):</strong> Thank you. Our towers run on <b>solar</b> power.</p>\n"
    "<p>The batteries are the weak part.</p>\n"
    "<p><i>(Applause)</i></p>\n"
    '<p class="speaker">PARTICIPANT:</p>\n'
    "<p>How long do they last?</p>\n"
    "<p><b>MS. OLUWASEUN ADEBAYO-KLINE (Nigeria):</b> Four years, if nobody steals them.</p>\n"
    "</div>\n"
)


def test_a_saved_page_with_its_tags_left_in_reads_as_its_paragraphs() -> None:
    session = parse_transcript(PAGE)
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (3, "CHAIR", None),
        (4, "MS. OLUWASEUN ADEBAYO-KLINE (Nigeria)", "Oluwaseun Adebayo-Kline"),
        (7, "PARTICIPANT", None),  # a label in a paragraph of its own, the speech in the next
        (9, "MS. OLUWASEUN ADEBAYO-KLINE (Nigeria)", "Oluwaseun Adebayo-Kline"),
    ]
    first = session.turns[1]
    assert first.text.startswith("Thank you. Our towers run on <b>solar</b>")  # the source, as written
    assert "The batteries are the weak part." in first.text  # a paragraph with no label goes on
    assert "(Applause)" in first.text
    for turn in session.turns:
        assert PAGE[turn.start : turn.end] == turn.text


TTML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en">\n'
    "  <body>\n"
    "    <div>\n"
    '      <p begin="00:00:01.000" end="00:00:04.000">&gt;&gt; MODERATOR: Good morning,<br/>and welcome.</p>\n'
    '      <p begin="00:00:04.100" end="00:00:07.000">Our first speaker joins from Suva.</p>\n'
    '      <p begin="00:00:07.100" end="00:00:11.000">&gt;&gt; TEVITA NAKAUSABARIA: Thank you. We share one cable.</p>\n'
    '      <p begin="00:00:11.100" end="00:00:12.000">&gt;&gt; <span tts:fontStyle="italic">(Applause)</span></p>\n'
    "    </div>\n"
    "  </body>\n"
    "</tt>\n"
)


def test_a_ttml_caption_file_reads_as_its_cues() -> None:
    session = parse_transcript(TTML)
    got = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert got == [
        (5, "MODERATOR", None, "speech"),
        (7, "TEVITA NAKAUSABARIA", "Tevita Nakausabaria", "speech"),
        (8, None, None, "note"),
    ]
    assert "Our first speaker joins from Suva." in session.turns[0].text  # a cue with no marker goes on
    assert not session.turns[1].text.endswith("</p>")


SRT = (
    "1\n"
    "00:00:00,500 --> 00:00:04,000\n"
    "<b>>> MODERATOR:</b> Boa noite and welcome.\n"
    "\n"
    "2\n"
    "00:00:04,100 --> 00:00:08,000\n"
    '>> <font color="#ffff00">CAUÃ MIRANDA TEIXEIRA:</font> Thank you. Our schools\n'
    "share one antenna.\n"
    "\n"
    "3\n"
    "00:00:08,100 --> 00:00:09,000\n"
    "{\\an8}<i>(Applause)</i>\n"
    "\n"
    "4\n"
    "00:00:09,100 --> 00:00:12,000\n"
    "<i>>> INTERPRETER: It was stolen twice.</i>\n"
)


def test_formatting_tags_in_a_subtitle_file_hide_no_marker() -> None:
    session = parse_transcript(SRT)
    got = [(t.line, t.label, t.speaker) for t in session.turns]
    assert got == [
        (3, "MODERATOR", None),
        (7, "CAUÃ MIRANDA TEIXEIRA", "Cauã Miranda Teixeira"),
        (16, "INTERPRETER", None),
    ]
    assert "(Applause)" in session.turns[1].text  # a position tag and italics: still the turn before


def test_one_tag_or_an_angle_bracket_note_is_no_markup() -> None:
    assert markup_edits("JO LI: I said <b>never</b> twice.") != []  # two tags: read as markup
    assert markup_edits("JO LI: a <b> alone") == []
    assert markup_edits(">> <inaudible> and then <crosstalk>") == []  # notes, not elements
    assert markup_edits("<v Jo Li>Hello</v> <v Ana>Hi</v>") == []  # WebVTT voices stay for cues.py
    assert markup_edits("a<br/>b <i>c</i>")[0] == Edit(1, 6, " ")  # a line break is a space


COPIED = (
    "\ufeffArab IGF \u2013 Youth track\n"
    "\u200f>>\u00a0MODERATOR: Welcome, \u0623\u0647\u0644\u0627\u200e everyone.\n"
    ">>\u00a0NOUR\u00a0EL-KHOURY\u200b: Thank you. Inter\u00adnationalised names fail.\n"
    "\u00a0\u200b\n"
    "\u200f>>\u00a0(Applause)\n"
)


def test_invisible_characters_hide_no_marker_label_or_name() -> None:
    session = parse_transcript(COPIED)
    got = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert got == [
        (2, "MODERATOR", None, "speech"),
        (3, "NOUR EL-KHOURY", "Nour El-Khoury", "speech"),
        (5, None, None, "note"),
    ]
    assert "Inter\u00adnationalised" in session.turns[1].text  # the source, as written
    for turn in session.turns:
        assert COPIED[turn.start : turn.end] == turn.text


def test_a_joiner_inside_a_word_stays() -> None:
    assert invisible_edits("plain ascii") == []
    word = "\u0645\u200c\u0646"  # a zero-width non-joiner between two Arabic-script letters
    assert invisible_edits(word) == []
    assert invisible_edits("a\u200cb \u200c") == [Edit(4, 5, "")]


def test_spaces_inside_a_speech_need_no_view() -> None:
    # a page with no-break spaces between sentences: they change no mark, so nothing is rewritten
    text = ">> JO LI: Thank you.\u00a0 We start.\u00a0 Two points: first, cost.\n>> ANA RUIZ: Yes.\u00a0 Agreed.\n"
    assert invisible_edits(text) == []
    assert invisible_edits(">>\u00a0ANA\u00a0RUIZ: Yes.") == [Edit(2, 3, " "), Edit(6, 7, " ")]


def test_a_line_break_tag_after_a_sentence_end_is_no_sentence_text():
    text = (
        ">> LERATO MOKOENA: Thank you.<br>We start with towers. <br/> Spectrum comes next.<BR>\n"
        ">> TOMAS BERG: Community networks need<br>spectrum they can afford.\n"
    )
    first, second = parse_transcript(text).turns
    assert "<br>" in first.text  # the turn is the file as written
    assert sentence_texts(first.text) == ["Thank you.", "We start with towers.", "Spectrum comes next."]
    # inside a sentence the tag stays: cutting there would cut the sentence in two
    assert sentence_texts(second.text) == ["Community networks need<br>spectrum they can afford."]
