"""The command line as a first-time user meets it: a folder with nothing to ingest, a search with
nothing to look for or nothing stored, an empty coalition snapshot, a missing extra from a clone.

Each empty answer says why and what to do; nothing is created by a command that had nothing to do.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.cli_support import clip, for_this_install, source_checkout
from forumlens.filetypes import ACCEPTED

from .conftest import ROOT
from .first_use_support import build_hand_store

EXAMPLES = ROOT / "examples"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("first-use") / "store.sqlite3")
    result = _run("--db", db, "ingest", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("first-use-empty") / "store.sqlite3")
    assert _run("--db", db, "migrate").exit_code == 0
    return db


# -- ingest of a folder with nothing to ingest ------------------------------------------------------


def test_ingest_of_a_folder_without_transcripts_names_it_and_creates_no_store(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "notes.json").write_text("{}", "utf-8")
    (folder / ".hidden.txt").write_text(">> A: hidden", "utf-8")
    db = tmp_path / "new.sqlite3"
    result = _run("--db", str(db), "ingest", str(folder))
    assert result.exit_code == 1
    assert f"error: {folder}: no transcripts or documents in this folder" in result.output
    assert ACCEPTED in " ".join(result.output.split()) and "hidden ones are skipped" in result.output
    assert "0 ingested" not in result.output  # no tally of nothing before the error
    assert not db.exists()  # an ingest that had nothing to store leaves no empty store behind


def test_ingest_of_only_bad_files_fails_per_file_and_creates_no_store(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    truncated = tmp_path / "report.pdf"
    truncated.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")
    db = tmp_path / "new.sqlite3"
    result = _run("--db", str(db), "ingest", str(empty), str(binary), str(truncated))
    assert result.exit_code == 1
    assert "0 ingested, 0 skipped, 3 failed" in result.output
    for bad in (empty, binary, truncated):  # each file has its own line saying what is wrong with it
        assert f"failed  {bad}:" in result.output
    assert f"note: nothing was stored, so no store was created at {db}" in result.output
    assert not list(tmp_path.glob("new.sqlite3*"))  # no store, no WAL or shared-memory file


def test_a_bad_file_into_an_existing_store_keeps_the_store(tmp_path, empty_db):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run("--db", empty_db, "ingest", str(empty))
    assert result.exit_code == 1
    assert "no store was created" not in result.output
    assert Path(empty_db).exists()


def test_an_empty_folder_beside_real_files_is_a_warning_and_the_rest_is_ingested(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    db = tmp_path / "store.sqlite3"
    result = _run("--db", str(db), "ingest", str(empty), str(EXAMPLES / "igf2024-ws-coalition-outputs.txt"))
    assert result.exit_code == 0, result.output
    assert f"warning: {empty}: no transcripts or documents in this folder" in result.output
    assert "1 ingested" in result.output


# -- search answers that are empty for a reason -----------------------------------------------------


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        (["--", "-funding"], "note: the query only excludes words (-funding): add a word to look for"),
        (["NOT", "funding"], "note: the query only excludes words (-funding)"),
        (["*"], "note: the query has no word to look for"),
    ],
)
def test_a_search_with_nothing_to_look_for_says_so(examples_db, query, reason):
    result = _run("--db", examples_db, "search", *query)
    assert result.exit_code == 0
    assert "No matches" in result.output and reason in result.output, result.output


def test_a_search_of_an_empty_store_says_nothing_is_stored(empty_db):
    result = _run("--db", empty_db, "search", "funding")
    assert result.exit_code == 0
    assert "note: nothing is stored yet: `forumlens ingest FILES`" in result.output


def test_a_miss_with_a_word_to_look_for_gets_no_such_note(examples_db):
    result = _run("--db", examples_db, "search", "zebra")
    assert result.output.strip() == "No matches for 'zebra'."


# -- a coalition snapshot with nothing in it --------------------------------------------------------


def test_a_coalition_snapshot_of_a_coalition_in_no_session_says_why(examples_db):
    result = _run("--db", examples_db, "brief", "--coalition", "DC-Blockchain")
    assert result.exit_code == 0
    assert "note: no stored session has DC on Blockchain Technologies (DC-Blockchain) speaking or named" in (
        result.output
    )


def test_a_snapshot_outside_the_years_stored_names_the_years(examples_db):
    result = _run("--db", examples_db, "brief", "--coalition", "DC-PAL", "--since", "2030")
    assert "note: no stored session from 2030 has DC on Public Access in Libraries (DC-PAL)" in result.output


def test_a_snapshot_with_points_has_no_note(examples_db):
    result = _run("--db", examples_db, "brief", "--coalition", "DC-PAL")
    assert result.exit_code == 0 and "note:" not in result.output and "WHAT IT SAID" in result.output


# -- clipped titles and texts say they go on ---------------------------------------------------------


def test_people_and_coalitions_lists_mark_a_clipped_title(examples_db):
    for args in (["people", "okoro"], ["coalitions"]):
        out = _run("--db", examples_db, *args).output
        rows = [line for line in out.splitlines() if "IGF 2024 – Day 1" in line]
        assert rows and all(row.endswith("…") for row in rows), out


def test_clip():
    assert clip("short", 10) == "short"
    assert clip("a  title\nthat goes on and on", 12) == "a title tha…"
    assert len(clip("x" * 100, 60)) == 60
    assert clip("ends at a word", 9) == "ends at…"  # no space left before the "…"


def test_the_tables_clip_as_the_commands_do():
    """One clipping (`format.clip`): a title with a line break or a run of spaces stays on its table row."""
    from forumlens.format import format_sessions
    from forumlens.store.base import SessionInfo

    title = "IGF 2024  Workshop\non community   networks and the next mapping of libraries in forty countries"
    table = format_sessions([SessionInfo("abc123", title, 2024, "x.txt", 10, 3, 500, "2024-01-01")])
    rows = table.splitlines()
    assert len(rows) == 3 and rows[2].endswith(clip(title, 70)), table
    assert "IGF 2024 Workshop on community networks" in rows[2] and rows[2].endswith("…")


# -- an optional extra from a clone ------------------------------------------------------------------


def test_an_extra_hint_from_a_checkout_names_the_editable_install(tmp_path):
    text = "error: the web portal needs extra packages (pip install 'forumlens[web]')"
    root = tmp_path / "forumlens"
    python = str(root / ".venv" / "bin" / "python")
    here = for_this_install(text, root, cwd=root, python=python)
    assert ".venv/bin/python -m pip install -e '.[web]'" in here
    elsewhere = for_this_install(text, root, cwd=tmp_path, python=python)
    assert f"forumlens/.venv/bin/python -m pip install -e '{root}[web]'" in elsewhere
    assert "pip install 'forumlens[web]'" in here  # the packaged form stays beside it


def test_an_extra_hint_is_left_alone_for_an_installed_package(tmp_path):
    text = "PDF output needs fpdf2 (pip install 'forumlens[pdf]')"
    assert for_this_install(text, None) == text  # installed as a package: the packaged form is right
    assert for_this_install("no hint here", tmp_path) == "no hint here"


def test_serve_without_the_web_extra_from_a_checkout_says_the_editable_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the web extra were not installed
    result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert result.exit_code == 1
    root = source_checkout()
    assert root is not None and Path(root, "pyproject.toml").is_file()
    assert f"-m pip install -e '{root}[web]'" in result.output or "install -e '.[web]'" in result.output


def test_a_brief_to_a_folder_that_does_not_exist_says_the_file_and_the_fix(examples_db, tmp_path):
    out = tmp_path / "no-such-folder" / "brief.md"
    result = _run("--db", examples_db, "brief", "--topic", "funding", "--md", "-o", str(out))
    assert result.exit_code == 1
    assert f"error: {out}: cannot write the file" in result.output and "folder exists" in result.output
    assert "report" not in result.output  # it is a brief, not a report


# -- live: a source that can never be followed -------------------------------------------------------


def test_live_refuses_a_folder_and_a_missing_folder_before_creating_a_store(tmp_path):
    db = tmp_path / "live.sqlite3"
    folder = _run("--db", str(db), "live", str(tmp_path))
    assert folder.exit_code == 1 and f"error: {tmp_path}: is a folder, not a caption file" in folder.output
    typo = tmp_path / "no-such-folder" / "captions.txt"
    missing = _run("--db", str(db), "live", str(typo))
    assert missing.exit_code == 1 and "no such folder" in missing.output and str(typo) in missing.output
    assert not db.exists()


def test_live_says_when_the_caption_file_does_not_exist_yet(tmp_path):
    source = tmp_path / "captions.txt"
    result = _run(
        "--db", str(tmp_path / "live.sqlite3"), "live", str(source), "--idle-exit", "0.2", "--interval", "0.05"
    )
    assert result.exit_code == 0
    assert f"{source} does not exist yet: waiting for captions to be written there" in result.output
    assert result.output.count("does not exist yet") == 1  # said once, by the follower
    assert "gone" not in result.output  # a file that never existed was not moved or deleted
    assert "no caption turn arrived, removed" in result.output


def _png_bytes() -> bytes:
    """A tiny real PNG (signature, IHDR, IDAT, IEND), as an image saved in the captions folder by mistake is."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 14)) + chunk(b"IEND", b"")
    )


def test_live_refuses_a_binary_file_before_creating_a_store(tmp_path):
    """A binary file never becomes captions: refused at once, exit 1, no store made (it used to be followed
    until --idle-exit, a session written and removed, and "no caption turn arrived" said with exit 0)."""
    image = tmp_path / "captions.png"
    image.write_bytes(_png_bytes())
    db = tmp_path / "live.sqlite3"
    result = _run("--db", str(db), "live", str(image), "--idle-exit", "0.2", "--interval", "0.05")
    assert result.exit_code == 1
    assert f"error: {image}: is binary data, not a caption text file" in result.output
    assert "forumlens ingest FILE" in result.output
    assert not db.exists()


def test_live_still_follows_utf16_captions_without_a_byte_order_mark(tmp_path):
    """UTF-16 without a BOM has NUL bytes too, but it is text: followed, as ingest reads it."""
    source = tmp_path / "captions.txt"
    text = (EXAMPLES / "igf2025-of-one-year-on.txt").read_text(encoding="utf-8")
    source.write_bytes(text.encode("utf-16-le"))
    db = tmp_path / "live.sqlite3"
    result = _run("--db", str(db), "live", str(source), "--idle-exit", "0.3", "--interval", "0.05")
    assert result.exit_code == 0, result.output
    assert "binary" not in result.output and "finalised" in result.output


# -- people: a name that is a flagged caption label ------------------------------------------------


def test_people_of_a_flagged_caption_label_says_whom_its_turn_is_counted_for(tmp_path):
    db, session_id = build_hand_store(tmp_path)
    result = _run("--db", db, "people", "petra")
    assert result.exit_code == 0
    assert "No people on record matching 'petra'." in result.output
    assert f"note: PETRA NOVAK labels line 7 of {session_id}" in result.output
    assert "flagged as a caption mis-attribution: the turn is counted for Maria Kovac" in result.output
    variant = _run("--db", db, "people", "kovach")  # a label variant finds the one person
    assert variant.output.startswith("Maria Kovac  (dc-representative") and "note:" not in variant.output
    nobody = _run("--db", db, "people", "zebra")
    assert nobody.output.strip() == "No people on record matching 'zebra'."


# -- ingest of what is stored already ------------------------------------------------------------------


def test_a_second_ingest_names_force_once_and_force_stores_it_again(tmp_path):
    db = str(tmp_path / "store.sqlite3")
    files = [str(EXAMPLES / "igf2024-ws-coalition-outputs.txt"), str(EXAMPLES / "igf2025-of-one-year-on.txt")]
    assert _run("--db", db, "ingest", "--no-analysis", *files).exit_code == 0
    again = _run("--db", db, "ingest", "--no-analysis", *files)
    assert again.exit_code == 0 and again.output.count("already stored (same content)") == 2
    assert again.output.count("--force") == 1  # one note for the whole batch, not one per file
    assert "note: add --force to ingest them again" in again.output
    forced = _run("--db", db, "ingest", "--no-analysis", "--force", files[0])
    assert "1 ingested" in forced.output and "--force" not in forced.output


@pytest.mark.parametrize("address", ["ftp://example.org/ws42.txt", "htps://example.org/ws42.txt", "file:///tmp/c.txt"])
def test_live_refuses_an_address_it_cannot_follow_and_names_the_scheme(tmp_path, address):
    db = tmp_path / "live.sqlite3"
    result = _run("--db", str(db), "live", address)
    scheme = address.split("://", 1)[0]
    assert result.exit_code == 1
    assert f"error: {address}: only http:// and https:// addresses can be followed, not {scheme}://" in result.output
    assert "no such folder" not in result.output and not db.exists()


# -- counts in words: "1 session", never "1 sessions" -------------------------------------------------


def test_backup_of_one_session_says_one_session(tmp_path):
    one = str(tmp_path / "one.sqlite3")
    assert _run("--db", one, "ingest", "--no-analysis", str(EXAMPLES / "igf2025-of-one-year-on.txt")).exit_code == 0
    result = _run("--db", one, "backup", str(tmp_path / "copy.sqlite3"))
    assert result.exit_code == 0 and f"backed up 1 session to {tmp_path / 'copy.sqlite3'}" in result.output


def test_the_publish_summary_counts_in_words():
    from forumlens.commands.publish import format_result
    from forumlens.publish.index import IndexStats
    from forumlens.publish.site import PublishResult

    counts = {"sessions": 1, "people": 1, "coalitions": 2, "topics": 0, "threads": 1, "briefs": 0}
    line = format_result(
        PublishResult(Path("site"), pages=1, files=1, bytes=10, seconds=1.0, counts=counts, index=IndexStats(turns=1))
    )
    assert line.startswith("published 1 page (1 session, 1 person, 2 coalitions, 0 topics, 1 thread, 0 briefs)")
    assert "a search index of 1 turn to site: 1 file," in line


# -- related: a question it cannot answer ------------------------------------------------------------


def test_related_refuses_an_empty_topic_and_a_limit_below_one(examples_db):
    empty = _run("--db", examples_db, "related", "--topic", "  ")
    assert empty.exit_code == 1 and "error: --topic is empty" in empty.output and "(none found)" not in empty.output
    zero = _run("--db", examples_db, "related", "--topic", "funding", "-k", "0")
    assert zero.exit_code == 2 and "Invalid value for '-k' / '--limit'" in zero.output


# -- subscribers: a coalition nobody has heard of ---------------------------------------------------


def test_a_subscriber_to_an_unknown_coalition_is_warned_and_kept(tmp_path):
    db = str(tmp_path / "subs.sqlite3")
    assert _run("--db", db, "ingest", "--no-analysis", str(EXAMPLES / "igf2025-of-one-year-on.txt")).exit_code == 0
    unknown = "DC on Underwater Cables"
    typo = _run("--db", db, "subscribers", "add", "Bob", "--coalition", unknown, "--questions-to", "zzz")
    assert typo.exit_code == 0 and "added Bob" in typo.output and f"coalitions: {unknown}" in typo.output
    assert f"warning: --coalition '{unknown}': no Dynamic Coalition is called that" in typo.output
    assert "warning: --questions-to 'zzz': no Dynamic Coalition is called that" in typo.output
    assert "kept as typed, it matches only sessions where that name appears" in typo.output
    known = _run("--db", db, "subscribers", "add", "Ann", "--coalition", "DC-PAL", "--questions-to", "DC-CIV")
    assert known.exit_code == 0 and "warning" not in known.output


# -- subscribers: a command that fails or has nothing to do leaves no store behind -------------------


def test_subscribers_remove_on_a_mistyped_db_creates_no_store(tmp_path):
    db = tmp_path / "typo.sqlite3"
    result = _run("--db", str(db), "subscribers", "remove", "Bob")
    assert result.exit_code == 1 and "no store at this path" in result.output
    assert not db.exists()


def test_subscribers_add_with_a_bad_address_is_refused_before_a_store_is_created(tmp_path):
    db = tmp_path / "new.sqlite3"
    result = _run("--db", str(db), "subscribers", "add", "Bob", "--email", "bob-at-example.org")
    assert result.exit_code == 1 and "'bob-at-example.org' is not an e-mail address" in result.output
    assert not db.exists()
    ok = _run("--db", str(db), "subscribers", "add", "Bob", "--email", "bob@example.org")
    assert ok.exit_code == 0 and db.exists()  # a good one still creates the store (README)


def test_subscribers_import_of_a_missing_file_or_a_folder_says_what_to_give(tmp_path):
    """It answered click's "Invalid value for 'FILE'" (exit 2) where every other command says it in words."""
    db = tmp_path / "new.sqlite3"
    for path, what in ((tmp_path / "subscribers.toml", "file not found"), (tmp_path, "is a folder, not a file")):
        result = _run("--db", str(db), "subscribers", "import", str(path))
        assert result.exit_code == 1, result.output
        assert (
            f"error: {path}: {what}" in result.output
            and "give a .toml or .yaml subscriber file, shaped as" in result.output
        )
        assert "Invalid value" not in result.output and "Errno" not in result.output
    assert not db.exists()  # nothing to import: no store made for it


# -- an error with an aside and a fix reads as one sentence ---------------------------------------------


def test_a_tag_of_a_missing_file_has_one_aside_not_two(tmp_path):
    missing = tmp_path / "nosuch.txt"
    result = _run("tag", str(missing))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"error: {missing}: file not found (it may have been moved or deleted; "
        'to tag words rather than a file: forumlens tag --text "clean water")'
    )


# -- empty answers say why --------------------------------------------------------------------------


def test_related_says_why_a_coalition_has_no_partner_suggestion(examples_db):
    # both example sessions have the same two coalitions: each has met every other one already
    result = _run("--db", examples_db, "related", "--coalition", "DC-PAL")
    assert result.exit_code == 0
    assert "(none found: every coalition and initiative on record has met it in a session already" in result.output


def test_the_store_glossary_names_every_session_a_term_is_used_in(examples_db):
    import json

    terms = json.loads(_run("--db", examples_db, "glossary", "--json").output)["terms"]
    shared = next(t for t in terms if len(t["sessions"]) == 2 and t["session"] == t["sessions"][0])
    lines = _run("--db", examples_db, "glossary").output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(shared["term"]))
    other = shared["sessions"][1]
    listed = json.loads(_run("--db", examples_db, "sessions", "--json").output)["sessions"]
    title = next(s["title"] for s in listed if s["id"] == other)
    said = lines[start + 2]
    # the other session by its id (what `show` takes) and its title (what a reader recognises), clipped
    assert said.startswith(f"    also used in 1 more session: {other} ({title[:40]}"), lines[start : start + 3]
    assert said.endswith(")") and len(said) < 120


def test_a_term_used_in_many_sessions_names_the_first_few_and_counts_the_rest():
    from forumlens.commands.topics import format_glossary

    ids = [f"s{n}" for n in range(6)]
    entry = {"term": "NRI", "expansion": None, "lines": [4], "definition": None, "session": "s0", "sessions": ids}
    text = format_glossary([entry], {"s1": "Youth IGF day one", "s2": "Open Forum on access"})
    assert text.splitlines()[-1] == (
        "    also used in 5 more sessions: s1 (Youth IGF day one); s2 (Open Forum on access); s3 and 2 more"
    )


# -- options say what they do -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["digest", "deliver"])
def test_the_retry_options_are_explained_and_refuse_nonsense(command, empty_db):
    text = " ".join(_run(command, "--help").output.split())
    assert "Attempts per item and channel before it is marked failed." in text
    assert "First retry delay in seconds" in text
    zero = _run("--db", empty_db, command, "--max-attempts", "0")
    assert zero.exit_code == 2 and "Invalid value for '--max-attempts'" in zero.output


# -- filters that contradict each other are said to, not answered with the wrong list -----------------


def test_questions_refuses_open_with_another_status(examples_db):
    result = _run("--db", examples_db, "questions", "--open", "--status", "answered")
    assert result.exit_code == 2
    assert "--open means --status unanswered, not --status answered: give one of them" in result.output
    assert "[unanswered]" not in result.output  # --open used to win silently
    same = _run("--db", examples_db, "questions", "--open", "--status", "unanswered")
    assert same.exit_code == 0 and "[unanswered]" in same.output


def test_an_empty_question_list_names_the_filters_that_found_nothing(examples_db):
    result = _run("--db", examples_db, "questions", "--open", "--year", "2024")
    assert result.exit_code == 0
    assert result.output.startswith(
        "No questions match --open --year 2024. On record: 5 questions (4 answered, 1 unanswered)"
    )


def test_threads_refuses_a_status_the_kind_never_has(examples_db):
    result = _run("--db", examples_db, "threads", "--kind", "ask", "--status", "fulfilled")
    assert result.exit_code == 2
    assert "--status fulfilled is not a status of an ask (an ask is recurring, raised-once or answered)" in (
        result.output
    )
    fits = _run("--db", examples_db, "threads", "--kind", "commitment", "--status", "fulfilled")
    assert fits.exit_code == 0 and "[commitment · fulfilled]" in fits.output


# -- an export with no rows says why ------------------------------------------------------------------


def test_an_export_outside_the_stored_years_says_why_its_tables_are_empty(examples_db, tmp_path):
    result = CliRunner().invoke(cli, ["--db", examples_db, "export", "-o", str(tmp_path / "t"), "--since", "2030"])
    assert result.exit_code == 0
    assert "0 rows" in result.stdout
    assert "note: none of the 2 stored sessions is from 2030 on" in result.stderr
    assert (tmp_path / "t" / "asks.csv").read_text("utf-8").startswith("session,title,year,line,")
    full = CliRunner().invoke(cli, ["--db", examples_db, "export", "--what", "sessions"])
    assert full.exit_code == 0 and not full.stderr and len(full.stdout.splitlines()) == 3


def test_an_export_of_an_empty_store_says_nothing_is_stored(empty_db):
    result = CliRunner().invoke(cli, ["--db", empty_db, "export", "--what", "asks"])
    assert result.exit_code == 0 and result.stdout.startswith("session,title,year,line,by")
    assert "note: nothing is stored yet, so the tables have only their header" in result.stderr


def test_sessions_of_a_year_with_none_does_not_say_nothing_is_stored(examples_db, empty_db):
    result = _run("--db", examples_db, "sessions", "--year", "2030")
    assert result.exit_code == 0
    assert result.output.strip() == "No session of 2030 among the 2 stored sessions: drop --year to list them all."
    assert "No sessions stored yet" in _run("--db", empty_db, "sessions", "--year", "2030").output


# -- analyse and backup: what they did not do, and where ------------------------------------------------


def test_analyse_says_why_it_analysed_nothing_and_refuses_two_selections(examples_db, empty_db):
    missing = _run("--db", examples_db, "analyse", "--missing")
    assert missing.exit_code == 0
    assert (
        missing.output.strip()
        == "analysed 0 sessions: every stored session has its analyses (--all analyses them again)"
    )
    empty = _run("--db", empty_db, "analyse", "--all")
    assert empty.output.strip() == "analysed 0 sessions: nothing is stored yet"
    both = _run("--db", examples_db, "analyse", "--all", "--missing")
    assert both.exit_code == 2 and "give one of SESSIONS, --missing or --all" in both.output


def test_a_backup_into_a_missing_folder_names_the_target_not_the_db(examples_db, tmp_path):
    target = tmp_path / "no-such-folder" / "copy.sqlite3"
    result = _run("--db", examples_db, "backup", str(target))
    assert result.exit_code == 1
    assert f"error: {target}: no such folder for the backup (create {target.parent} first" in result.output
    assert "--db" not in result.output and not target.parent.exists()


# -- serve: an address or a store it cannot use is said before the portal is announced -----------------


def test_serve_on_a_port_in_use_says_so_before_announcing_a_portal(tmp_path):
    import socket

    pytest.importorskip("uvicorn")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run("--db", str(tmp_path / "s.sqlite3"), "serve", "--port", str(port))
    assert result.exit_code == 1
    assert f"error: port {port} on 127.0.0.1 is already in use" in result.output
    assert "choose another port with --port" in result.output
    assert "forumlens portal on" not in result.output


def test_serve_on_port_0_announces_and_serves_the_port_the_system_gave(tmp_path, monkeypatch):
    import re

    uvicorn = pytest.importorskip("uvicorn")
    ran: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.append(kw))
    result = _run("--db", str(tmp_path / "s.sqlite3"), "serve", "--port", "0")
    assert result.exit_code == 0 and len(ran) == 1
    announced = re.search(r"forumlens portal on http://127\.0\.0\.1:(\d+)/", result.output)
    assert announced is not None, result.output  # never "…:0/", which no browser opens
    port = int(announced.group(1))
    assert port > 0 and ran[0]["port"] == port and ran[0]["host"] == "127.0.0.1"


def test_serve_refuses_a_store_in_a_missing_folder_and_notes_a_new_one(tmp_path, monkeypatch):
    uvicorn = pytest.importorskip("uvicorn")
    ran: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.append(app))
    typo = tmp_path / "no-such-folder" / "igf.sqlite3"
    refused = _run("serve", "--port", "0", "--db", str(typo))
    assert refused.exit_code == 1 and f"no folder {typo.parent} for a new store" in refused.output
    assert not ran
    new = tmp_path / "igf.sqlite3"
    started = _run("serve", "--port", "0", "--db", str(new))
    assert started.exit_code == 0 and len(ran) == 1
    assert f"note: creating a new store at {new}" in started.output
    assert "note: the portal starts empty" in started.output
    stored = tmp_path / "stored.sqlite3"
    assert _run("--db", str(stored), "migrate").exit_code == 0
    assert "creating a new store" not in _run("serve", "--port", "0", "--db", str(stored)).output


def test_a_digest_with_no_subscribers_says_nothing_can_match(examples_db, tmp_path):
    result = CliRunner().invoke(cli, ["--db", examples_db, "digest", "--dry-run"])
    assert result.exit_code == 0 and "0 new matches" in result.stdout
    assert "note: no subscribers yet, so nothing can match: add one with `forumlens subscribers add NAME" in (
        result.stderr
    )
    db = str(tmp_path / "subs.sqlite3")
    assert _run("--db", db, "ingest", "--no-analysis", str(EXAMPLES / "igf2025-of-one-year-on.txt")).exit_code == 0
    assert _run("--db", db, "subscribers", "add", "Ann", "--feed", "--coalition", "DC-PAL").exit_code == 0
    with_one = CliRunner().invoke(cli, ["--db", db, "digest", "--dry-run"])
    assert with_one.exit_code == 0 and "no subscribers yet" not in with_one.stderr


# -- a folder where a file is wanted, a missing selection: the same words and exit codes everywhere --------


@pytest.mark.parametrize("command", [["parse"], ["tag"], ["report"], ["glossary"]])
def test_a_folder_given_as_the_file_is_one_clear_error_naming_it(command, tmp_path):
    """`parse` and `tag` once answered click's "Invalid value for 'FILE'" (exit 2) where the others said it in words."""
    result = _run(*command, str(tmp_path))
    assert result.exit_code == 1, result.output
    assert f"error: {tmp_path}: is a folder, not a file (give one" in result.output
    assert "Invalid value" not in result.output


def test_tag_advice_fits_what_is_wrong(tmp_path):
    """A missing file gets the --text hint (words rather than a file); a folder gets the folder's advice."""
    missing = _run("tag", str(tmp_path / "notes.txt"))
    assert missing.exit_code == 1 and "forumlens tag --text" in missing.output
    folder = _run("tag", str(tmp_path))
    assert "forumlens ingest FOLDER" in folder.output and "--text" not in folder.output


def test_publish_briefs_from_a_missing_file_or_a_folder_says_what_to_give(examples_db, tmp_path):
    for path, what in ((tmp_path / "topics.txt", "file not found"), (tmp_path, "is a folder, not a file")):
        result = _run("--db", examples_db, "publish", str(tmp_path / "site"), "--briefs-from", str(path))
        assert result.exit_code == 1, result.output
        assert f"error: {path}: {what}" in result.output
        assert "give --briefs-from a file of topics, one a line" in result.output and "Errno" not in result.output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "give one of SESSION, --coalition NAME or --topic TEXT"),
        (["--topic", "funding", "--coalition", "DC-PAL"], "give one of SESSION, --coalition NAME or --topic TEXT"),
        (["--topic", "funding", "--line", "3"], "--line needs a SESSION"),
    ],
)
def test_related_without_one_selection_is_a_usage_mistake(examples_db, args, said):
    """The README: a missing or doubled selection exits 2, with the usage line; `related` exited 1."""
    result = _run("--db", examples_db, "related", *args)
    assert result.exit_code == 2 and said in result.output
    assert "related [OPTIONS] [SESSION]" in result.output  # the usage line, as click prints it


def test_serve_removes_the_store_it_created_when_nothing_was_stored_and_keeps_an_upload(tmp_path, monkeypatch):
    """A typo in `serve --db` no longer leaves an empty store after Ctrl-C; a store that got an
    upload while the server ran is kept, and so is a store that was there before."""
    uvicorn = pytest.importorskip("uvicorn")
    from forumlens.ingest import ingest_bytes
    from forumlens.store import open_store

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    typo = tmp_path / "igf.sqlit3"
    result = _run("serve", "--port", "0", "--db", str(typo))
    assert (
        result.exit_code == 0 and f"note: nothing was stored, so the new store at {typo} was removed" in result.output
    )
    assert not typo.exists() and not list(tmp_path.iterdir())

    def upload(app, **kw):
        store = open_store(str(tmp_path / "new.sqlite3"))
        try:
            ingest_bytes(store, b">> INES VARGA: We need a map.\n>> OSKAR LINDHOLM: I will draft it.\n", "up.txt")
        finally:
            store.close()

    monkeypatch.setattr(uvicorn, "run", upload)
    kept = _run("serve", "--port", "0", "--db", str(tmp_path / "new.sqlite3"))
    assert kept.exit_code == 0 and "was removed" not in kept.output and (tmp_path / "new.sqlite3").exists()
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    assert _run("--db", str(tmp_path / "old.sqlite3"), "migrate").exit_code == 0
    again = _run("serve", "--port", "0", "--db", str(tmp_path / "old.sqlite3"))
    assert "was removed" not in again.output and (tmp_path / "old.sqlite3").exists()  # not this run's store
