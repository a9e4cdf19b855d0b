"""Readers of reports: PDF, DOCX, Markdown, HTML — structure kept, bad files refused by name."""

import sys

import pytest

from forumlens.errors import (
    ArchiveTooLarge,
    CorruptInput,
    EmptyInput,
    EncryptedInput,
    MissingExtra,
    NoTextLayer,
    UnsupportedFormat,
)
from forumlens.pipeline import is_document_session, parse_document
from forumlens.read import read_bytes, sniff_format
from forumlens.read.blocks import Block, StructuredDocument, assemble, text_blocks
from forumlens.read.markdown import without_code
from forumlens.read.word import check_zip_limits

from .docfiles import (
    encrypt_pdf,
    make_docx,
    make_pdf,
    make_scanned_pdf,
    make_zip_bomb_docx,
)

REPORT = [
    ("h1", "Annual Report 2023"),
    ("p", "The Dynamic Coalition on Core Internet Values met four times in 2023."),
    ("h2", "1. Activities"),
    ("p", "We held a session at IGF 2023 in Kyoto and published a glossary."),
    ("page", ""),
    ("h2", "2. Findings"),
    ("p", "Net neutrality remains central to the open Internet."),
]


def _turns(session):
    return [(t.kind, t.page, t.section, t.text) for t in session.turns]


def _exact_slices(session):
    return all(session.text[t.start : t.end] == t.text for t in session.turns)


@pytest.mark.parametrize("make, fmt", [(make_pdf, "pdf"), (make_docx, "docx")])
def test_reports_keep_headings_pages_and_exact_paragraph_offsets(make, fmt):
    document = read_bytes(make(REPORT), f"report.{fmt}")
    assert isinstance(document, StructuredDocument) and document.format == fmt
    session = parse_document(document)
    assert _turns(session) == [
        ("note", 1, "Annual Report 2023", "Annual Report 2023"),
        ("speech", 1, "Annual Report 2023", REPORT[1][1]),
        ("note", 1, "1. Activities", "1. Activities"),
        ("speech", 1, "1. Activities", REPORT[3][1]),
        ("note", 2, "2. Findings", "2. Findings"),
        ("speech", 2, "2. Findings", REPORT[6][1]),
    ]
    assert _exact_slices(session)
    assert all(t.label is None and t.speaker is None for t in session.turns)
    lines = session.text.split("\n")
    assert all(lines[t.line - 1].startswith(t.text[:20]) for t in session.turns)


def test_pdf_paragraphs_wrap_across_lines_and_page_numbers_are_dropped():
    long = "Coalitions asked for concise cited summaries of their work. " * 12
    document = read_bytes(make_pdf([("p", long), ("p", "7"), ("p", "A second paragraph.")]), "x.pdf")
    texts = [t.text for t in parse_document(document).turns]
    assert texts == [long.strip(), "A second paragraph."]


def test_pdf_running_heads_and_page_footers_are_not_paragraphs():
    items = [("h1", "Annual Report 2023")]
    for i in range(1, 13):
        items += [("h2", f"{i}. Part {i}"), ("p", f"Paragraph {i} says something useful. " * 20)]
    document = read_bytes(make_pdf(items, running_head="DC on Core Internet Values - Annual Report 2023"), "r.pdf")
    session = parse_document(document)
    assert document.pages and document.pages >= 3
    assert not any("Page " in t.text or "DC on Core Internet Values - " in t.text for t in session.turns)
    assert [t.text for t in session.turns if t.kind == "note"] == ["Annual Report 2023"] + [
        f"{i}. Part {i}" for i in range(1, 13)
    ]
    assert session.turns[-1].page == document.pages and session.turns[-1].section == "12. Part 12"


def test_docx_without_recorded_page_breaks_has_no_pages_and_keeps_tables():
    document = read_bytes(
        make_docx([("h1", "Statement"), ("p", "We call for access."), ("table", "Goal | Owner")]), "s.docx"
    )
    session = parse_document(document)
    assert [(t.kind, t.page, t.section, t.text) for t in session.turns] == [
        ("note", None, "Statement", "Statement"),
        ("speech", None, "Statement", "We call for access."),
        ("speech", None, "Statement", "Goal | Owner"),
    ]


def test_markdown_keeps_the_authors_lines_and_front_matter():
    text = (
        "---\ntitle: Glossary of platform terms\ndate: 2022-11-30\n---\n\n# Glossary\n\n"
        "Some intro\nover two lines.\n\n## Terms\n\nAlgorithm: a finite procedure.\n"
    )
    document = read_bytes(text.encode(), "g.md")
    assert document.format == "markdown" and document.info["title"] == "Glossary of platform terms"
    session = parse_document(document)
    assert [(t.line, t.kind, t.section) for t in session.turns] == [
        (6, "note", "Glossary"),
        (8, "speech", "Glossary"),
        (11, "note", "Terms"),
        (13, "speech", "Terms"),
    ]
    assert session.turns[1].text == "Some intro\nover two lines." and _exact_slices(session)


CODE_GUIDES = {
    "inline code": (
        "# Caption conventions\n\n"
        "`>> ANA LIMA:` marks a new speaker, and `>> MARIA KOVAC: Thank you.` is a whole turn.\n\n"
        "## Notes\n\nWrite `x >> y` for a shift.\n"
    ),
    "shell lines": (
        "# Shell tips\n\nAppend to a log with `echo done >> log.txt` and read it back.\n\n"
        "Redirect both with ``cmd >> out.txt 2>&1`` when needed.\n"
    ),
    "a fenced block": (
        "# Reading captions\n\nA caption file looks like this:\n\n"
        "```text\n>> ANA LIMA: Welcome to the session.\n>> MARIA KOVAC: Thank you, Ana.\n```\n\n"
        "Each marker starts a turn.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CODE_GUIDES))
def test_markdown_with_the_marker_only_in_code_is_a_document_not_a_transcript(name):
    document = read_bytes(CODE_GUIDES[name].encode(), "guide.md")
    assert document.format == "markdown"
    session = parse_document(document)
    assert session.turns and all(t.label is None and t.speaker is None for t in session.turns)
    assert session.turns[0].kind == "note" and session.turns[0].section == session.turns[0].text
    assert is_document_session(session) and _exact_slices(session)


def test_a_transcript_written_as_markdown_keeps_its_turns():
    text = "# IGF 2023 Workshop #9\n\n>> ANA LIMA: Welcome.\n\n>> MARIA KOVAC: Thank you, `Ana`.\n"
    session = parse_document(read_bytes(text.encode(), "ws9.md"))
    assert [(t.line, t.speaker) for t in session.turns if t.kind == "speech"] == [(3, "Ana Lima"), (5, "Maria Kovac")]
    assert not is_document_session(session)


def test_without_code_blanks_code_and_keeps_every_offset():
    text = "a `b >> c` d\n```\n>> X: y\n```\ne >> f\n"
    blanked = without_code(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert blanked.count(">>") == 1 and blanked.endswith("e >> f\n")


def test_html_with_caption_markers_is_a_transcript_and_without_them_a_document():
    transcript = b"<html><body><p>&gt;&gt; JANE DOE: Hello.</p><p>&gt;&gt; JOHN ROE: Hi.</p></body></html>"
    session = parse_document(read_bytes(transcript, "t.html"))
    assert [t.speaker for t in session.turns] == ["Jane Doe", "John Roe"]
    assert all(t.page is None and t.section is None for t in session.turns)
    page = (
        b"<!doctype html><html lang='fr'><head><title>Rapport annuel</title></head><body>"
        b"<nav>Home | Menu</nav><h1>Rapport annuel 2023</h1><p>Premier paragraphe.</p>"
        b"<h2>Activit\xc3\xa9s</h2><p>Nous avons tenu une session.</p><ul><li>Un</li><li>Deux</li></ul></body></html>"
    )
    document = read_bytes(page, "r.html")
    assert isinstance(document, StructuredDocument) and document.info["language"] == "fr"
    session = parse_document(document)
    assert [(t.kind, t.section, t.text) for t in session.turns] == [
        ("note", "Rapport annuel 2023", "Rapport annuel 2023"),
        ("speech", "Rapport annuel 2023", "Premier paragraphe."),
        ("note", "Activités", "Activités"),
        ("speech", "Activités", "Nous avons tenu une session."),
        ("speech", "Activités", "Un"),
        ("speech", "Activités", "Deux"),
    ]
    assert _exact_slices(session)


def test_a_docx_or_pdf_transcript_with_markers_is_still_a_transcript():
    data = make_docx([("p", ">> JANE DOE: Good morning."), ("p", ">> JOHN ROE: Thank you.")])
    session = parse_document(read_bytes(data, "t.docx"))
    assert [(t.speaker, t.text) for t in session.turns] == [("Jane Doe", "Good morning."), ("John Roe", "Thank you.")]


def test_plain_text_without_markers_becomes_paragraphs_with_guessed_headings():
    text = "REPORT OF THE COALITION\n\n1. Background\n\nWe met in June.\nWe agreed.\n\n2. Next Steps\n\nPublish.\n"
    session = parse_document(read_bytes(text.encode(), "r.txt"))
    assert [(t.kind, t.section, t.text) for t in session.turns] == [
        ("note", "REPORT OF THE COALITION", "REPORT OF THE COALITION"),
        ("note", "1. Background", "1. Background"),
        ("speech", "1. Background", "We met in June.\nWe agreed."),
        ("note", "2. Next Steps", "2. Next Steps"),
        ("speech", "2. Next Steps", "Publish."),
    ]
    assert any("no turn markers" in w for w in session.warnings)


def test_scanned_pdf_has_no_text_layer():
    with pytest.raises(NoTextLayer, match="no text layer"):
        read_bytes(make_scanned_pdf(), "scan.pdf")


def test_password_protected_pdf_is_refused_and_owner_only_protection_is_read():
    with pytest.raises(EncryptedInput, match="password-protected PDF"):
        read_bytes(encrypt_pdf(make_pdf(REPORT), user_password="secret"), "locked.pdf")
    document = read_bytes(encrypt_pdf(make_pdf(REPORT), user_password=""), "owner.pdf")
    assert "Net neutrality" in document.text and any("owner password" in w for w in document.warnings)


def test_encrypted_office_file_and_legacy_doc_are_named():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    with pytest.raises(EncryptedInput, match="password-protected Office"):
        read_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 50, "x.docx")
    with pytest.raises(UnsupportedFormat, match="legacy Office"):
        read_bytes(ole + b"WordDocument", "x.doc")


@pytest.mark.parametrize(
    "name, data, error, message",
    [
        ("truncated.pdf", make_pdf(REPORT)[:700], CorruptInput, "truncated PDF"),
        ("garbage.pdf", b"%PDF-1.4\n" + b"garbage " * 200 + b"\n%%EOF\n", CorruptInput, "damaged PDF"),
        ("truncated.docx", make_docx(REPORT)[:4000], CorruptInput, "damaged or truncated DOCX"),
        ("empty.docx", make_docx([]), EmptyInput, "no text"),
    ],
)
def test_corrupt_and_truncated_files_get_named_errors(name, data, error, message):
    with pytest.raises(error, match=message) as info:
        read_bytes(data, name)
    assert name in str(info.value)


def test_docx_zip_bomb_is_refused_from_the_directory():
    with pytest.raises(ArchiveTooLarge, match="zip bomb"):
        read_bytes(make_zip_bomb_docx(), "bomb.docx")


def test_zip_limits_count_total_size_and_members():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(5):
            archive.writestr(f"word/part{i}.xml", "x" * 1000)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        with pytest.raises(ArchiveTooLarge, match="unpack to"):
            check_zip_limits(archive, "a.docx", max_unpacked=4000)
        with pytest.raises(ArchiveTooLarge, match="5 parts"):
            check_zip_limits(archive, "a.docx", max_members=4)
        check_zip_limits(archive, "a.docx")


def test_a_zip_that_is_not_word_is_unsupported():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/readme.txt", "hello")
    with pytest.raises(UnsupportedFormat, match="not a Word document"):
        read_bytes(out.getvalue(), "x.zip")


def test_without_the_documents_extra_a_pdf_says_what_to_install(monkeypatch):
    pdf, docx = make_pdf(REPORT), make_docx(REPORT)
    monkeypatch.setitem(sys.modules, "pypdf", None)
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtra, match=r"pip install 'forumlens\[documents\]'"):
        read_bytes(pdf, "r.pdf")
    with pytest.raises(MissingExtra, match=r"forumlens\[documents\]"):
        read_bytes(docx, "r.docx")


def test_sniffing_is_by_bytes_not_names():
    assert sniff_format(make_pdf(REPORT)) == "pdf"
    assert sniff_format(make_docx(REPORT)) == "docx"
    assert sniff_format(b"# Title\n\nText\n") == "markdown"
    assert sniff_format(b"# Title\n\n>> JANE DOE: hi\n") == "text"


def test_assemble_and_text_blocks_give_exact_offsets():
    text, blocks = assemble(
        [Block("heading", " A  title ", level=1), Block("paragraph", ""), Block("paragraph", "one\n\n\ntwo", page=3)]
    )
    assert text == "A title\n\none\ntwo\n"
    assert [(b.text, text[b.start : b.end], b.page) for b in blocks] == [
        ("A title", "A title", None),
        ("one\ntwo", "one\ntwo", 3),
    ]
    source = "Title\n=====\n\nBody text\n\n```\ncode\n\nmore\n```\n"
    got = [(b.kind, source[b.start : b.end]) for b in text_blocks(source, markdown=True)]
    assert got == [("heading", "Title"), ("paragraph", "Body text"), ("paragraph", "```\ncode\n\nmore\n```")]


STATEMENT_BODY = (
    "The coalition met on the second day of the forum and discussed the privacy of users of social "
    "networks, the retention of their data by platforms and the role of regulators in each country."
)
NEXT_STEPS = (
    "The coalition will draft a charter of privacy principles for social networks and circulate it to "
    "its members and to the platforms for comment before the next forum."
)


def test_a_bold_run_in_heading_of_a_pdf_is_its_own_section():
    """A heading at body size, only set in bold and tight above its paragraph, is not joined
    onto that paragraph: it is a heading and names the paragraph's section."""
    items = [("h1", "Statement on privacy"), ("p", STATEMENT_BODY), ("b", "Next steps"), ("p", NEXT_STEPS)]
    session = parse_document(read_bytes(make_pdf(items), "statement.pdf"))
    assert [(t.kind, t.section, t.text) for t in session.turns][2:] == [
        ("note", "Next steps", "Next steps"),
        ("speech", "Next steps", NEXT_STEPS),
    ]
    assert _exact_slices(session)


@pytest.mark.parametrize(
    "items",
    [
        # a bold line that ends a sentence is emphasis, not a heading
        [("h1", "Statement on privacy"), ("p", STATEMENT_BODY), ("b", "We agreed."), ("p", NEXT_STEPS)],
        # a bold lead-in that the next line carries on is the start of a paragraph
        [("h1", "Statement on privacy"), ("b", "In its meeting the coalition"), ("p", "agreed. " + NEXT_STEPS)],
    ],
)
def test_bold_prose_is_not_a_heading(items):
    session = parse_document(read_bytes(make_pdf(items), "statement.pdf"))
    assert [t.text for t in session.turns if t.kind == "note"] == ["Statement on privacy"]


def test_a_pdf_set_in_bold_throughout_takes_no_heading_from_bold():
    items = [("h1", "Statement on privacy"), ("p", STATEMENT_BODY), ("b", "Next steps"), ("p", NEXT_STEPS)]
    session = parse_document(read_bytes(make_pdf(items, bold_body=True), "statement.pdf"))
    assert [t.text for t in session.turns if t.kind == "note"] == ["Statement on privacy"]


def test_a_word_export_with_timed_speaker_lines_is_a_transcript():
    # Word's "Transcribe" saves a time and the speaker on a line above each paragraph: the
    # export states its turns in fields of its own, so it is speech whatever its format.
    data = make_docx(
        [
            ("p", "00:00:03 Ines Varga"),
            ("p", "Welcome everyone to the session on rural access."),
            ("p", "00:00:41 Kofi Mensah"),
            ("p", "Thank you. Our cooperatives connect forty villages."),
        ]
    )
    session = parse_document(read_bytes(data, "transcribed.docx"))
    assert not is_document_session(session)
    assert [t.speaker for t in session.turns if t.kind == "speech"] == ["Ines Varga", "Kofi Mensah"]


TIDAL_INTRO = (
    "The coalition gathers harbour authorities, research stations and community networks that share "
    "measurements of tidal currents along the coast of three countries."
)
TIDAL_PLANS = (
    "In 2025 the coalition will publish an open data portal for the stations and will train ten harbour "
    "technicians in calibrating the sensors every quarter."
)


def _blocks_of(items):
    return [(b.kind, b.text) for b in read_bytes(make_pdf(items), "report.pdf").blocks]


def test_two_title_lines_at_one_size_are_two_headings_and_the_title_joins_them():
    """The second line would have fitted on the first: the writer broke it, so "Annual Report 2024"
    is not the end of the coalition's name; numbered section lines at body size are headings."""
    items = [
        ("h1", "Dynamic Coalition on Tidal Energy Data"),
        ("h1", "Annual Report 2024"),
        ("p", "1. Introduction"),
        ("p", TIDAL_INTRO),
        ("p", "2. Commitments"),
        ("p", TIDAL_PLANS),
    ]
    session = parse_document(read_bytes(make_pdf(items), "tidal.pdf"))
    assert [(t.kind, t.section, t.text) for t in session.turns] == [
        ("note", "Dynamic Coalition on Tidal Energy Data", "Dynamic Coalition on Tidal Energy Data"),
        ("note", "Annual Report 2024", "Annual Report 2024"),
        ("note", "1. Introduction", "1. Introduction"),
        ("speech", "1. Introduction", TIDAL_INTRO),
        ("note", "2. Commitments", "2. Commitments"),
        ("speech", "2. Commitments", TIDAL_PLANS),
    ]
    assert session.title == "Dynamic Coalition on Tidal Energy Data: Annual Report 2024"
    assert _exact_slices(session)


def test_title_lines_and_a_numbered_heading_set_tight_in_body_type_are_not_joined():
    # every line at body size and at the paragraph's own line spacing: only the line lengths
    # and the numbering tell the title lines and the section heading apart from prose
    items = [
        ("p", "Dynamic Coalition on Tidal Energy Data\nAnnual Report 2024"),
        ("p", "1. Introduction\n" + TIDAL_INTRO),
    ]
    assert _blocks_of(items) == [
        ("paragraph", "Dynamic Coalition on Tidal Energy Data"),
        ("paragraph", "Annual Report 2024"),
        ("heading", "1. Introduction"),
        ("paragraph", TIDAL_INTRO),
    ]


def test_wrapped_headings_prose_and_numbered_list_items_stay_whole():
    long_heading = (
        "Dynamic Coalition on Community Connectivity and Public Access in Libraries: Report of Activities 2024"
    )
    items = [
        ("h1", long_heading),
        ("p", TIDAL_INTRO + " " + TIDAL_PLANS + " Harbour Masters of the Region agreed to host the servers."),
        ("p", "1. Connect the stations\n2. Publish the data\n3. Train the technicians"),
    ]
    blocks = _blocks_of(items)
    assert blocks[0] == ("heading", long_heading)
    assert blocks[1] == (
        "paragraph",
        TIDAL_INTRO + " " + TIDAL_PLANS + " Harbour Masters of the Region agreed to host the servers.",
    )
    assert [kind for kind, _ in blocks[2:]] == ["paragraph"] * 3  # three list items, not three sections
