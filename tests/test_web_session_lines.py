"""A session page numbers the file's lines and no more (new user's walk, round 17).

The transcript and a document's text were cut at every newline, so the newline ending a file's
last line opened an empty line of its own: a 47-line file showed a line 48, an anchor no
citation can point to. A blank line inside the file, or at its end before the final newline,
is still a line of the file and keeps its number. The texts are written for this test.
"""

from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.web import create_app
from forumlens.web.session_page import source_lines

from .web_support import store_of_texts, web_settings

TRANSCRIPT = """IGF 2029 Workshop #3: Libraries and Broadband Plans

>> MODERATOR JANE DOE: Welcome. Maria, the floor is yours.

>> MARIA KOVAC: I am Maria Kovac from the Dynamic Coalition on Public Access in Libraries. \
We ask ministries to count libraries as public access points in their broadband plans.
"""
DOCUMENT = """# Statement of the Dynamic Coalition on Public Access in Libraries

## Requests

We ask the IGF to include coalition outputs in the official record of the meeting.

"""


def test_the_newline_ending_the_last_line_opens_no_line():
    assert source_lines("a\nb\n") == ["a", "b"]
    assert source_lines("a\nb") == ["a", "b"]
    assert source_lines("a\n\n") == ["a", ""]  # a blank last line of the file is kept
    assert source_lines("") == [""]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    files = {"ws": ("igf2029-ws3.txt", TRANSCRIPT), "doc": ("statement.md", DOCUMENT)}
    db, ids = store_of_texts(tmp_path_factory.mktemp("session-lines"), files)
    with TestClient(create_app(db, web_settings(db))) as client:
        out = {key: client.get(f"/sessions/{sid}") for key, sid in ids.items()}
    assert all(r.status_code == 200 for r in out.values())
    return {key: r.text for key, r in out.items()}


@pytest.mark.parametrize(("key", "text"), [("ws", TRANSCRIPT), ("doc", DOCUMENT)])
def test_a_session_page_has_one_anchor_per_line_of_the_file(pages, key, text):
    anchors = [int(n) for n in re.findall(r'<div class="line[^"]*" id="L(\d+)"', pages[key])]
    assert anchors == list(range(1, len(text.splitlines()) + 1))
