"""A frame or cue wrapper learned from the file (transcript/wrappers.py): the payload is read as
an ordinary caption, turns cut from the source, lines kept."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.wrappers import wrapper_edits

FRAMES = """{1}{1}29.970
{0}{40}{c:$0000ff}[Captions by the hub team]
{50}{120}>> MODERATOR: Welcome to the session.|We start with the hub in Accra.
{121}{240}The line is clear today.
{250}{330}>> MS. ABENA OWUSU-ANSAH: Thank you.|We have forty people here.
{331}{400}{y:i}(Applause)
{410}{520}>> MODERATOR: Thank you, Accra.
"""

SYNC = """<SAMI><HEAD><TITLE>Hub captions</TITLE></HEAD>
<BODY>
<SYNC Start=0><P Class=FRCC>&nbsp;
<SYNC Start=1200><P Class=FRCC>&gt;&gt; PRÉSIDENTE: Bonjour à toutes et à tous.<br>Nous commençons.
<SYNC Start=5300><P Class=FRCC>&gt;&gt; M. KOFFI ADJOVI: Merci, Madame la Présidente.
<SYNC Start=9100><P Class=FRCC>&nbsp;
<SYNC Start=9800><P Class=FRCC>&gt;&gt; PRÉSIDENTE: Merci.
</BODY></SAMI>
"""


def test_frame_numbers_before_each_caption_are_a_wrapper() -> None:
    session = parse_transcript(FRAMES)
    assert [(t.label, t.line) for t in session.turns] == [
        ("MODERATOR", 3),
        ("MS. ABENA OWUSU-ANSAH", 5),
        ("MODERATOR", 7),
    ]
    assert session.turns[1].speaker == "Abena Owusu-Ansah"
    first = session.turns[0]
    assert first.text.startswith("Welcome to the session.")
    assert FRAMES[first.start : first.end] == first.text  # an exact slice of the source


def test_sync_tags_before_each_caption_are_a_wrapper() -> None:
    session = parse_transcript(SYNC)
    assert [t.label for t in session.turns] == ["PRÉSIDENTE", "M. KOFFI ADJOVI", "PRÉSIDENTE"]
    assert [t.line for t in session.turns] == [4, 5, 7]
    assert session.turns[0].text.startswith("Bonjour à toutes")


def test_no_wrapper_without_a_number_or_on_too_few_lines() -> None:
    assert wrapper_edits("<b>CHAIR:</b> Hello.\n<b>JO LI:</b> Hi.\n<b>CHAIR:</b> Bye.\n") == []
    assert wrapper_edits("{12}{40}Hello.\n{41}{80}Hi.\n") == []
    assert wrapper_edits("[00:01] Jo Li: Hello.\n[00:02] Ana Ruiz: Hi.\n[00:03] Jo Li: Bye.\n") == []
