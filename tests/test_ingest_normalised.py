"""One transcript, many byte encodings: stored once (issue 21 follow-up), on SQLite and PostgreSQL.

The same caption text saved as UTF-16 (Word's "Unicode text"), with CRLF line ends, with
a UTF-8 byte-order mark, or with accents decomposed (NFD, as macOS file tools write them)
has other bytes and so another content hash, but it is the same session: a second copy
would make every ask in it look "recurring". `ingest` compares the hash of the normalised
text (decoded, BOM stripped, line ends as LF, NFC) and says which session holds it;
`--force` still stores the file.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, prepare_bytes
from forumlens.store import open_store
from forumlens.store.catalog import text_sha256

# Written for this test (not from the shared corpus): several speakers, non-native English,
# caption noise, accented names (so NFC and NFD differ), a stage note.
TRANSCRIPT = """IGF 2024 Riyadh - Workshop 88: Local content and small languages

>> MODERATOR: Good afternoon, we start now. Please the speakers, keep to five minutes.
>> SÉBASTIEN LEFÈVRE: Thank you. So, in Côte d'Ivoire we are having the problem that
the content in Dioula and Baoulé is not existing on the platforms, or very few.
(Inaudible)
>> NGUYỄN THỊ HƯƠNG: Yes, hello, can you hear me? In Việt Nam the the government
funds translation but the small languages they are not in the keyboards.
>> SÉBASTIEN LEFÈVRE: We ask the IGF to make a dynamic coalition on this, we need
funding for the community radios to go online.
>> MODERATOR: Thank you both. We take questions from the floor now.
"""

ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-16 with BOM": lambda text: text.encode("utf-16"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "CRLF line ends": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "UTF-8 BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "NFD accents": lambda text: unicodedata.normalize("NFD", text).encode("utf-8"),
    "UTF-16 + CRLF": lambda text: text.replace("\n", "\r\n").encode("utf-16"),
}


@pytest.fixture
def run(store_location: str) -> Callable[..., Result]:
    def invoke(*args: object) -> Result:
        return CliRunner().invoke(cli, ["--db", store_location, *map(str, args)], catch_exceptions=False)

    return invoke


def _ingest_json(run: Callable[..., Result], *paths: Path, force: bool = False) -> list[dict]:
    result = run("ingest", *paths, "--json", *(["--force"] if force else []))
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout)["outcomes"])


def _original(tmp_path: Path) -> Path:
    path = tmp_path / "ws88.txt"
    path.write_bytes(TRANSCRIPT.encode("utf-8"))
    return path


def test_the_variants_really_differ_in_bytes_and_not_in_text(tmp_path) -> None:
    """The premise: every variant has other bytes, and decodes to the same normalised text."""
    original = TRANSCRIPT.encode("utf-8")
    texts = set()
    for name, encode in ENCODINGS.items():
        data = encode(TRANSCRIPT)
        assert data != original, name
        prepared = prepare_bytes(data, f"{name}.txt", IngestOptions(analyse=False))
        assert prepared.document is not None, prepared.failure
        texts.add(text_sha256(prepared.document.text))
    assert texts == {text_sha256(TRANSCRIPT)}
    assert text_sha256(TRANSCRIPT) != text_sha256(TRANSCRIPT.replace("Baoulé", "Baoule"))  # not too lenient


@pytest.mark.parametrize("variant", sorted(ENCODINGS))
def test_a_copy_in_another_encoding_is_not_stored_again(run, store_location, tmp_path, variant) -> None:
    original = _original(tmp_path)
    copy = tmp_path / "ws88-copy.txt"
    copy.write_bytes(ENCODINGS[variant](TRANSCRIPT))
    first, second = _ingest_json(run, original, copy)
    assert first["status"] == "ingested"
    assert second["status"] == "skipped" and second["session"] == first["session"]
    assert second["reason"] == f"already stored as {first['session']} (same text, different encoding)"
    listing = json.loads(run("sessions", "--json").output)["sessions"]
    assert [s["id"] for s in listing] == [first["session"]]
    # and the other way round in a new run: the copy first, then the original is the one skipped
    again = _ingest_json(run, copy, original)
    assert [o["status"] for o in again] == ["skipped", "skipped"]
    assert "(same content)" in again[1]["reason"]


def test_the_text_message_names_the_session(run, tmp_path) -> None:
    original = _original(tmp_path)
    copy = tmp_path / "ws88-utf16.txt"
    copy.write_bytes(TRANSCRIPT.encode("utf-16"))
    run("ingest", original)
    result = run("ingest", copy)
    assert result.exit_code == 0, result.output
    sid = json.loads(run("sessions", "--json").output)["sessions"][0]["id"]
    assert f"skipped {copy}: already stored as {sid} (same text, different encoding)" in result.output
    assert "0 ingested, 1 skipped, 0 failed" in result.output


def test_force_still_stores_the_file(run, tmp_path) -> None:
    original = _original(tmp_path)
    copy = tmp_path / "ws88-crlf.txt"
    copy.write_bytes(ENCODINGS["CRLF line ends"](TRANSCRIPT))
    (first,) = _ingest_json(run, original)
    (forced,) = _ingest_json(run, copy, force=True)
    assert forced["status"] == "ingested" and forced["session"] != first["session"]
    ids = {s["id"] for s in json.loads(run("sessions", "--json").output)["sessions"]}
    assert ids == {first["session"], forced["session"]}


def test_a_different_text_is_still_a_new_session(run, tmp_path) -> None:
    original = _original(tmp_path)
    edited = tmp_path / "ws88-edited.txt"
    edited.write_bytes(TRANSCRIPT.replace("five minutes", "four minutes").encode("utf-16"))
    first, second = _ingest_json(run, original, edited)
    assert first["status"] == second["status"] == "ingested"
    assert first["session"] != second["session"]


def test_parallel_workers_find_the_copy_when_storing(run, tmp_path) -> None:
    """With --workers the text is compared where the session is stored (save_session), not before analysis."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-original.txt").write_bytes(TRANSCRIPT.encode("utf-8"))
    (folder / "b-utf16.txt").write_bytes(TRANSCRIPT.encode("utf-16"))
    (folder / "c-bom-crlf.txt").write_bytes(b"\xef\xbb\xbf" + TRANSCRIPT.replace("\n", "\r\n").encode("utf-8"))
    result = run("ingest", folder, "--json", "--workers", "2")
    assert result.exit_code == 0, result.output
    outcomes = json.loads(result.stdout)["outcomes"]
    assert [o["status"] for o in outcomes] == ["ingested", "skipped", "skipped"]
    assert {o["session"] for o in outcomes} == {outcomes[0]["session"]}
    assert all("same text, different encoding" in o["reason"] for o in outcomes[1:])


def test_the_store_refuses_a_second_copy_inside_its_transaction(store_location, tmp_path) -> None:
    """`save_session` itself answers with the stored session (a copy racing in from another process)."""
    original = prepare_bytes(TRANSCRIPT.encode("utf-8"), "ws88.txt", IngestOptions(analyse=False))
    copy = prepare_bytes(TRANSCRIPT.encode("utf-16"), "ws88-utf16.txt", IngestOptions(analyse=False))
    assert original.document and original.session and copy.document and copy.session
    assert original.session.id != copy.session.id
    with open_store(store_location) as store:
        first = store.save_session(original.document, original.session, {})
        assert store.save_session(copy.document, copy.session, {}) == first
        assert store.session_ids() == [first]
        replaced = store.save_session(copy.document, copy.session, {}, replace=True)
        assert replaced == copy.session.id and sorted(store.session_ids()) == sorted([first, replaced])
