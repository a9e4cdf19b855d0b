"""Tables in a folder (`ingest.expand_paths`, `transcript.tables.caption_table`): a `.csv` or
`.tsv` whose header names a speaker and a text column is a caption export and is ingested like
any transcript; any other table (a spreadsheet, the rows of many sessions that `forumlens
export` writes) is named in the folder's "not read" warning, never ingested as a session.
Tables written for this file (invented names)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.ingest import expand_paths, passed_over

CAPTIONS = (
    '"Start","End","Speaker","Text"\n'
    '"00:00:01","00:00:04","Lerato Mokoena","Welcome to the clinic on rural broadband."\n'
    '"00:00:04","00:00:09","Tomas Berg","Thank you. Spectrum fees are the barrier."\n'
    '"00:00:09","00:00:12","Lerato Mokoena","Thank you, Tomas."\n'
)
TAB_CAPTIONS = "Speaker\tText\nLerato Mokoena\tWelcome, all.\nTomas Berg\tThanks. Fees matter.\n"
BUDGET = "Item,Cost,Notes\nTowers,12000,solar\nBatteries,3000,ten years\n"
EXPORT_OF_TURNS = (
    "session,title,year,index,line,speaker,label,kind,text\n"
    "s1,Clinic,2024,0,3,Lerato Mokoena,LERATO MOKOENA,speech,Welcome.\n"
    "s2,Other clinic,2023,0,5,Tomas Berg,TOMAS BERG,speech,Thank you.\n"
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "clinic.csv").write_text(CAPTIONS, encoding="utf-8")
    (folder / "sub" / "clinic2.tsv").write_text(TAB_CAPTIONS, encoding="utf-8")
    (folder / "budget.csv").write_text(BUDGET, encoding="utf-8")
    (folder / "turns.csv").write_text(EXPORT_OF_TURNS, encoding="utf-8")
    (folder / "broken.csv").write_bytes(b"\xff\xfe\x00\x00" + bytes(64))
    return folder


def test_a_folder_takes_caption_tables_and_names_the_other_tables(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    taken = [p.relative_to(folder).as_posix() for p in expand_paths([folder])]
    left = [p.relative_to(folder).as_posix() for p in passed_over(folder)]
    assert taken == ["clinic.csv", "sub/clinic2.tsv"]
    assert sorted(left) == ["broken.csv", "budget.csv", "turns.csv"]


def test_ingest_of_the_folder_stores_the_caption_table_and_warns_of_the_rest(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    db = str(tmp_path / "store.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(folder), "--no-analysis"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.output.splitlines() if "not read" in line)
    # a .csv is a type forumlens reads: the warning says why these were not, and the way out
    assert "3 tables not read, no caption export in their first rows" in warning
    assert "budget.csv" in warning and "turns.csv" in warning and "broken.csv" in warning
    assert "a speaker and a text column" in warning and "name the file to store it as a document" in warning
    assert "not a type forumlens ingests" not in result.output
    assert "clinic.csv" not in warning
    sessions = CliRunner().invoke(cli, ["--db", db, "sessions", "--json"], catch_exceptions=False)
    turns = sorted(s["turns"] for s in json.loads(sessions.output)["sessions"])
    assert turns == [2, 3]


def test_a_folder_takes_subtitle_files(tmp_path: Path) -> None:
    folder = tmp_path / "subs"
    folder.mkdir()
    (folder / "clinic.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Lerato Mokoena>Welcome to the clinic.</v>\n\n"
        "00:00:04.000 --> 00:00:08.000\n<v Tomas Berg>Thank you. Spectrum fees are the barrier.</v>\n",
        encoding="utf-8",
    )
    (folder / "clinic2.srt").write_text(
        "1\n00:00:01,000 --> 00:00:04,000\nLerato Mokoena: Welcome back.\n\n"
        "2\n00:00:04,000 --> 00:00:08,000\nTomas Berg: Fees again.\n",
        encoding="utf-8",
    )
    assert [p.name for p in expand_paths([folder])] == ["clinic.vtt", "clinic2.srt"]
    assert list(passed_over(folder)) == []


def _long_table(tmp_path: Path, encoding: str, newline: str) -> list[str]:
    """The folder walk's verdicts on long caption tables (longer than the top it sniffs) in
    `encoding`, the sniff's end falling at each byte of a row of accented names."""
    row = '"00:00:01","00:00:04","Léa Müller","Été, été, ' + "é" * 60 + '."' + newline
    verdicts = []
    for pad in range(4):  # shift the rows so the sniff ends inside a character once at least
        folder = tmp_path / f"{encoding}-{pad}"
        folder.mkdir()
        text = '"Start","End","Speaker","Text"' + " " * pad + newline + row * 3000
        (folder / "long.csv").write_bytes(text.encode(encoding))
        verdicts += [p.name for p in expand_paths([folder])]
    return verdicts


def test_a_long_caption_table_is_taken_wherever_its_sniffed_top_ends(tmp_path: Path) -> None:
    # a byte-order-marked UTF-8 file cut inside a character fails to decode: cut at a line end
    assert _long_table(tmp_path, "utf-8-sig", "\n") == ["long.csv"] * 4
    assert _long_table(tmp_path, "utf-16", "\r\n") == ["long.csv"] * 4
    assert _long_table(tmp_path, "utf-8", "\r") == ["long.csv"] * 4
