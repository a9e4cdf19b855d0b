"""Notes for a file kept as a document although it was meant as data (`transcript/datanotes.py`)."""

from __future__ import annotations

import pytest

from forumlens.models import Document
from forumlens.pipeline import parse_document
from forumlens.transcript.datanotes import data_file_notes, open_quote_line, read_json


def test_a_json_file_of_turns_is_named_as_data_with_the_fix() -> None:
    text = '{"turns": [{"speaker": "Ines Varga", "text": "We need a spectrum map."}]}\n'
    (note,) = data_file_notes(text, "turns.json")
    assert "JSON data" in note and "`NAME: text`" in note
    lines = '{"id": 1, "text": "clean water"}\n{"id": 2, "text": "food"}\n'
    assert data_file_notes(lines, "items.jsonl") and data_file_notes(lines, "") != ()
    # braces in prose are no JSON file
    assert data_file_notes("{draft} Notes of the call. We met on Friday.\n", "notes.txt") == ()
    assert data_file_notes("[Draft] Notes of the call. We met on Friday.\n", "notes.txt") == ()


def test_json_cut_off_is_named_with_its_line_and_column() -> None:
    cut = '{"turns": [\n  {"speaker": "Ines Varga", "text": "We need a spectrum map."},\n'
    (note,) = data_file_notes(cut, "turns.json")
    assert note.startswith("line 2, column ") and "not valid" in note and "fix the JSON" in note
    # without the suffix, the opening says it is JSON data
    assert data_file_notes(cut, "download")[0].startswith("line 2, column ")
    # JSON lines: the first line that does not parse is the one named
    (lines,) = data_file_notes('{"id": 1}\n{"id": 2\n{"id": 3}\n', "items.jsonl")
    assert lines.startswith("line 2, column 9:")


def test_a_table_with_no_caption_header_says_which_header_it_needs() -> None:
    (note,) = data_file_notes("name,comment\nAna Souza,We ask for a budget line\nBen Okafor,Thanks\n", "call.csv")
    assert "no caption table was read" in note and "(speaker,text)" in note
    # a caption table gets no note; the same rows in a .txt are no table
    assert data_file_notes("speaker,text\nAna Souza,We ask for a budget line\nBen Okafor,Thanks\n", "call.csv") == ()
    assert data_file_notes("name,comment\nAna Souza,We ask for a budget line\n", "call.txt") == ()


def test_the_line_of_a_quote_that_opens_a_cell_and_never_closes() -> None:
    assert open_quote_line('Ana,"We ask for a budget\nBen,We will send it.\nAna,Thanks.\n', ",") == 1
    assert open_quote_line('speaker,text\nAna,"Closed, with a comma"\nBen,"He said ""no""\n', ",") == 3
    # a quote inside a cell opens nothing; closed and doubled quotes leave nothing open
    assert open_quote_line('Ana,She said "yes\nBen,"ok ""fine"""\n', ",") is None
    assert open_quote_line('Ana\t"open\tstill\n', "\t") == 1
    assert open_quote_line('Ana\t"open\tstill\n', ",") is None  # not a cell start for a comma table


def test_a_csv_kept_as_a_document_names_its_unclosed_quote_and_a_closed_one_does_not() -> None:
    broken = 'Ana Souza,"We ask for a budget line\nBen Okafor,We will send the report in May.\nAna Souza,Thanks.\n'
    session = parse_document(Document(text=broken, source="call.csv", format="text", encoding="utf-8", sha256="x"))
    assert session.warnings[0].startswith("line 1: a quote opens a cell and is never closed")
    assert any("kept as a document" in w for w in session.warnings)
    prose = parse_document(
        Document(
            text='Notes: "a quoted start\nand more prose.\n',
            source="notes.txt",
            format="text",
            encoding="utf-8",
            sha256="y",
        )
    )
    assert not any("quote" in w for w in prose.warnings)  # only a table's suffix is read as a table


def test_one_read_gives_the_value_or_where_it_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    from forumlens.transcript import datanotes

    calls: list[str] = []
    real = datanotes.json.loads

    def counted(s: str) -> object:
        calls.append(s)
        return real(s)

    monkeypatch.setattr(datanotes.json, "loads", counted)
    text = '{"turns": [{"speaker": "Ines Varga", "text": "A map."}]}'
    assert data_file_notes(text, "turns.json") and len(calls) == 1  # parsed once, not three times
    assert read_json(text).value == {"turns": [{"speaker": "Ines Varga", "text": "A map."}]}
    assert read_json('{"id": 1}\n{"id": 2}').value == [{"id": 1}, {"id": 2}]  # JSON lines
    assert read_json('{"id": 1}\n{"id": 2\n').error == (2, 9, "Expecting ',' delimiter")
    assert read_json('{"turns": [\n').error is not None and read_json("[1, 2]").error is None
