"""The accepted file types are named once (`filetypes.ACCEPTED`): every refusal, the folder filter and the README agree.

A PNG was told ".txt, .html, .md, .pdf and .docx", a binary file ".txt, .html, .pdf or
.docx", and neither named the subtitle and caption-table formats the readers accept.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.errors import InputError
from forumlens.filetypes import ACCEPTED, FORMATS
from forumlens.ingest import INGEST_SUFFIXES, TABLE_SUFFIXES, expand_paths
from forumlens.read import read_bytes

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_words_name_every_format():
    for kind in FORMATS:
        assert re.search(re.escape(kind.suffixes[0]) + r"\b", ACCEPTED), kind
    assert "caption-export .csv/.tsv" in ACCEPTED  # a table is read only as a caption export


def test_the_folder_filter_takes_the_declared_suffixes(tmp_path):
    assert {s for f in FORMATS if not f.table for s in f.suffixes} | {""} == INGEST_SUFFIXES
    assert {s for f in FORMATS if f.table for s in f.suffixes} == TABLE_SUFFIXES
    for name in ("a.vtt", "b.srt", "c.md", "d.png", "e.doc"):
        (tmp_path / name).write_text(">> ANA LIMA: Hello.\n", "utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.vtt", "b.srt", "c.md"]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "is a PNG image"),
        (b"PK\x03\x04" + b"junk" * 20, "ZIP archive"),
        (b">> ANA LIMA: Hello\x00\x00 there, binary\x00 data\x00" * 20, "binary data"),
        (bytes(range(1, 32)) * 40, "binary data"),  # control characters, no NUL
    ],
)
def test_every_refusal_names_the_same_accepted_types(data, what):
    with pytest.raises(InputError) as caught:
        read_bytes(data, "input.bin")
    message = str(caught.value)
    assert what in message and ACCEPTED in message, message


def test_the_readme_gives_the_same_list():
    assert ACCEPTED in README.read_text("utf-8")


def test_ingest_help_names_every_format():
    out = CliRunner().invoke(cli, ["ingest", "--help"]).output
    for kind in FORMATS:
        assert kind.suffixes[0] in out, kind
