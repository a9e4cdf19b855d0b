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
