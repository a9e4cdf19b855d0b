"""The reading view (`transcript/view.py`) and its two readers: HTML character references left
in a scraped page (`entities.py`) and turn markers mangled by a PDF (`markervariants.py`). The
rules read the view; every turn is cut from the source again, so its text is the file as
written (entities and all) and its line is the source line.

The examples are written for this file (invented names)."""

from __future__ import annotations

from forumlens.transcript.entities import entity_edits
from forumlens.transcript.markervariants import marker_edits
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.view import Edit, View, apply_edits

SCRAPED = (
    "IGF 2012 Baku &ndash; Workshop 61: Open Data in Cities\n"
    "&nbsp;\n"
    "&gt;&gt; CHAIR: Welcome. Ms.&nbsp;Aliyeva-Rustamova first.\n"
    "&gt;&gt; LALA ALIYEVA-RUSTAMOVA: Thank you. Roads &amp; buses are open data now.\n"
    "We call it &quot;the city book&quot;.\n"
    "&gt;&gt; (Laughter)\n"
    "&gt;&gt; AUDIENCE MEMBER: And &lt;inaudible&gt; budgets?\n"
)

PDF = (
    "IGF 2013 BALI -- OPEN FORUM ON SPECTRUM\n"
    "\u00bb MODERATOR: Welcome to the forum.\n"
    "\u00bbKETUT ARDANA: Thank you. Spectrum is scarce.\n"
    "> > MODERATOR: Why?\n"
    ">>> KETUT ARDANA: Broadcasters hold it.\n"
    "\u00bb (Laughter)\n"
    "\u00bb Sorry, from the floor. Is it auctioned?\n"
)


def test_a_view_maps_offsets_back_to_the_source() -> None:
    source = "a &amp; b **x** c"
    view = apply_edits(source, [Edit(2, 7, "&"), Edit(10, 12, ""), Edit(13, 15, "")])
    assert view.text == "a & b x c"
    assert view.changed
    # "& b x" in the view is "&amp; b **x" in the source: a start takes the whole reference,
    # an end stops before the deleted "**"
    assert view.source_span(2, 7) == (2, 13)
    assert source[slice(*view.source_span(6, 9))] == "x** c"  # a start skips a deleted "**"
    assert view.source_offset(len(view.text), end=True) == len(source)
    # a view never moves a line: an edit across a line break is not applied
    assert not apply_edits("a\nb", [Edit(0, 3, "ab")]).changed
    assert View("plain").source_span(1, 3) == (1, 3)


def test_html_entities_are_read_decoded_and_quoted_as_written() -> None:
    session = parse_transcript(SCRAPED)
    assert session.title == "IGF 2012 Baku – Workshop 61: Open Data in Cities"
    got = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert got == [
        (3, "CHAIR", None, "speech"),
        (4, "LALA ALIYEVA-RUSTAMOVA", "Lala Aliyeva-Rustamova", "speech"),
        (6, None, None, "note"),
        (7, "AUDIENCE MEMBER", None, "speech"),
    ]
    lala = session.turns[1].text
    assert lala == "Thank you. Roads &amp; buses are open data now.\nWe call it &quot;the city book&quot;."
    assert session.turns[3].text == "And &lt;inaudible&gt; budgets?"
    for turn in session.turns:
        assert SCRAPED[turn.start : turn.end] == turn.text
    assert session.text == SCRAPED


def test_one_entity_is_a_speakers_own_and_not_decoded() -> None:
    assert entity_edits("We met at AT&amp;T.") == []
    assert len(entity_edits("&gt;&gt; A: B")) == 2
    # a reference to a line break is left as written: a view keeps the source's lines
    assert entity_edits("a&#10;b &amp; c &amp; d") == [Edit(8, 13, "&"), Edit(16, 21, "&")]


def test_pdf_mangled_markers_are_turn_markers() -> None:
    session = parse_transcript(PDF)
    got = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert got == [
        (2, "MODERATOR", None, "speech"),
        (3, "KETUT ARDANA", "Ketut Ardana", "speech"),  # glued to the label
        (4, "MODERATOR", None, "speech"),
        (5, "KETUT ARDANA", "Ketut Ardana", "speech"),
        (6, None, None, "note"),
        (7, None, None, "speech"),  # a bare marker before a sentence: an unlabelled voice
    ]
    assert session.turns[5].text == "Sorry, from the floor. Is it auctioned?"
    for turn in session.turns:
        assert PDF[turn.start : turn.end] == turn.text


def test_guillemets_inside_lines_and_a_single_variant_are_left_alone() -> None:
    french = ">> ANNE ROY: On l'appelle « la boîte » depuis.\n>> PAUL ROY: » Oui.\n"
    assert marker_edits(french) == []  # one line opening with a variant
    assert marker_edits("> > quoted mail line\nplain text\n") == []
