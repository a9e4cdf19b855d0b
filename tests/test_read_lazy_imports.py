"""A plain-text transcript is read and analysed without the HTML parser or the mojibake fixer.

bs4 (≈ 0.1 s to import) is needed only for web pages and ftfy (≈ 45 ms) only for text that
shows signs of mis-encoding; `forumlens report talk.txt` paid both on every run. Checked in a
fresh interpreter, since this test process has long imported both.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from forumlens.read import read_bytes

_PROBE = """
import json, sys
from forumlens.pipeline import analyse_session, prepare_document
from forumlens.read import read_bytes
doc = read_bytes(sys.stdin.buffer.read(), "talk.txt")
session, _meta = prepare_document(doc)
analyse_session(session)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("bs4", "ftfy", "soupsieve"))))
"""


def _modules_after_reading(data: bytes) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE], input=data, capture_output=True, check=True)
    return list(json.loads(done.stdout))


def test_a_clean_text_transcript_imports_neither_bs4_nor_ftfy() -> None:
    talk = b">> ANNA SMITH: Welcome to the workshop on meaningful access.\n>> BEN JONES: Thank you, Anna.\n"
    assert _modules_after_reading(talk) == []


def test_mojibake_still_gets_repaired_when_ftfy_is_imported_on_demand() -> None:
    broken = "Caf\u00e9 and na\u00efve".encode().decode("latin-1").encode("utf-8")  # UTF-8 read as latin-1
    doc = read_bytes(b">> ANNA SMITH: " + broken + b".\n", "talk.txt")
    assert "Café and naïve" in doc.text
    assert "repaired mis-encoded characters (mojibake)" in doc.warnings


@pytest.mark.parametrize("page", [b"<!doctype html><html><body><p>>> ANNA SMITH: Hello.</p></body></html>"])
def test_a_web_page_still_reads_through_bs4(page: bytes) -> None:
    assert ">> ANNA SMITH: Hello." in read_bytes(page, "talk.html").text


_READERS_PROBE = """
import json, sys
from forumlens.read import read_bytes, sniff_format
read_bytes(b">> ANNA SMITH: Welcome to the workshop.\\n", "talk.txt")
before = sorted(m for m in sys.modules if m in ("forumlens.read.pdf", "forumlens.read.word", "logging"))
formats = [sniff_format(b"%PDF-1.7"), sniff_format(b"PK\\x03\\x04 word/document.xml")]
print(json.dumps([before, formats]))
"""


def test_a_text_transcript_imports_neither_the_pdf_nor_the_word_reader() -> None:
    """They are imported when a PDF or Word file arrives (`read.sniff` recognises one without them)."""
    done = subprocess.run([sys.executable, "-c", _READERS_PROBE], capture_output=True, check=True, text=True)
    before, formats = json.loads(done.stdout)
    assert before == [] and formats == ["pdf", "docx"]


def test_the_registry_still_hands_a_word_file_to_its_reader() -> None:
    from forumlens.errors import EncryptedInput

    with pytest.raises(EncryptedInput, match="password-protected"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "locked.docx")


def test_the_summarise_package_loads_briefs_only_when_asked() -> None:
    """`import forumlens.summarise` (as `report FILE` does) imports no topic brief, coalition
    snapshot or theme labelling; each public name is still its defining module's object."""
    import importlib

    import forumlens.summarise as summarise

    code = "import forumlens.summarise, json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert not loaded & {f"forumlens.summarise.{m}" for m in ("topic", "snapshot", "themes", "check", "report")}
    for name, source in summarise._PUBLIC.items():
        assert getattr(summarise, name) is getattr(importlib.import_module(source, "forumlens.summarise"), name)
    eager = {name for name in summarise.__all__ if name not in summarise._PUBLIC}
    assert eager and all(name in vars(summarise) for name in eager)  # the records and the render functions
    assert set(summarise._PUBLIC) == {"check_citations", "build_report", "brief_coalition", "brief_topic"}
    importlib.import_module("forumlens.summarise.render")  # the submodule imported does not hide the function
    assert callable(summarise.render) and summarise.render.__module__ == "forumlens.summarise.render"
