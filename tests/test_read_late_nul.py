"""NUL bytes past a file's first 8 KB: `ingest` used to store them as turn text (SQLite kept them,
PostgreSQL refused the write with a database error). Now they are refused on the decoded text, with
the file, the line they start on and the fix, and the store is left as it was on both back ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.errors import BinaryInput
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.read.text import decode_text
from forumlens.store import Store

TURN = ">> SOFIA ANDERSSON: Public access in libraries keeps people online where they live.\n"
HEAD = "IGF 2024 Workshop on Public Access\n\n" + TURN * 200  # well past the first 8 KB
LINE_OF_NUL = HEAD.count("\n") + 1


def _padded(text: str = HEAD) -> bytes:
    return text.encode("utf-8") + b">> LUCIA FERNANDEZ: Thank\x00\x00\x00 you.\n" + TURN.encode("utf-8")


def test_a_nul_past_the_first_8_kb_is_refused_with_its_line_and_the_fix():
    data = _padded()
    assert data.index(b"\x00") > 8192
    with pytest.raises(BinaryInput) as caught:
        decode_text(data, "captions.txt")
    assert caught.value.line == LINE_OF_NUL
    message = caught.value.render()
    assert f"captions.txt:{LINE_OF_NUL}: contains NUL bytes" in message
    assert f"remove the NUL bytes from line {LINE_OF_NUL}" in message


def test_the_line_is_counted_in_the_decoded_text_for_utf16_and_windows_line_ends():
    utf16 = _padded().decode("utf-8").encode("utf-16")  # every ASCII character has a NUL byte: still text
    with pytest.raises(BinaryInput) as caught:
        decode_text(utf16, "captions.txt")
    assert caught.value.line == LINE_OF_NUL
    crlf = _padded().replace(b"\n", b"\r\n")
    with pytest.raises(BinaryInput) as caught:
        decode_text(crlf, "captions.txt")
    assert caught.value.line == LINE_OF_NUL
    text, encoding, _ = decode_text((HEAD + TURN).encode("utf-16"), "captions.txt")  # no NUL character
    assert encoding == "utf-16-le" and text == HEAD + TURN


def test_ingest_refuses_the_file_and_leaves_the_store_as_it_was(fresh_store: Store, tmp_path: Path):
    good = tmp_path / "opening.txt"
    good.write_text("IGF 2024 Workshop on Libraries\n\n" + TURN * 3, encoding="utf-8")
    [first] = ingest_paths(fresh_store, [good], IngestOptions())
    assert first.status == "ingested"
    before = (fresh_store.session_ids(), fresh_store.counts())
    bad = tmp_path / "padded.txt"
    bad.write_bytes(_padded())
    [outcome] = ingest_paths(fresh_store, [bad], IngestOptions())
    assert outcome.status == "failed"
    assert f"{bad}:{LINE_OF_NUL}: contains NUL bytes" in outcome.reason
    assert "database" not in outcome.reason.casefold()
    assert (fresh_store.session_ids(), fresh_store.counts()) == before
