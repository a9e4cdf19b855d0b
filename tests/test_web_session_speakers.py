"""A session page's speakers table tells unnamed speakers apart (new user's walk, round 17).

A speaker the captions never name (a role label such as MODERATOR or AUDIENCE) was shown as
"unnamed speaker" and nothing more, so two of them read as the same row; the row now says how
the captions label them, as the search results do ("captioned MODERATOR"). The session is
written for this test.
"""

from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.web import create_app

from .web_support import store_of_texts, web_settings

SESSION = """IGF 2029 Open Forum #9: Broadband Plans and Public Access

>> MODERATOR: Good morning and welcome to this open forum on broadband plans. Maria, the floor is yours.

>> MARIA KOVAC: I am Maria Kovac from the Dynamic Coalition on Public Access in Libraries. \
We ask ministries to count libraries as public access points in their broadband plans.

>> AUDIENCE: How many ministries have done so already, and which ones are they?

>> MARIA KOVAC: Four of them so far, all in West Africa.
"""


@pytest.fixture(scope="module")
def speakers_table(tmp_path_factory: pytest.TempPathFactory) -> str:
    db, ids = store_of_texts(tmp_path_factory.mktemp("session-speakers"), {"of": ("igf2029-of9.txt", SESSION)})
    with TestClient(create_app(db, web_settings(db))) as client:
        page = client.get(f"/sessions/{ids['of']}")
    assert page.status_code == 200
    return page.text.split('<table class="speakers">', 1)[1].split("</table>", 1)[0]


def test_each_unnamed_speaker_row_says_how_the_captions_label_it(speakers_table):
    rows = re.findall(r'<td class="who">(.*?)</td>', speakers_table)
    # each cell's text without its chips (online, onsite) and flags
    cells = [re.sub(r"<[^>]+>", "", re.sub(r'<span class="(chip|flag)".*?</span>', "", c)).strip() for c in rows]
    unnamed = sorted(c for c in cells if c.startswith("unnamed speaker"))
    assert unnamed == ["unnamed speaker (captioned AUDIENCE)", "unnamed speaker (captioned MODERATOR)"], cells
    assert any(c.startswith("Maria Kovac") for c in cells)
