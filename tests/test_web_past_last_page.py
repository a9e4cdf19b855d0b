"""A page number past the end of a list says so (new user's walk, round 17).

`/search?q=funding&page=3` over a store with one hit said "No matches for “funding” in the
record: try fewer or other words", beside facets counting that very hit, and `/sessions?page=5`
(and `/threads?page=4`) said "No session matches these filters" with no filter given. Both now say the list ends before
that page and link its first page; a search that finds nothing still says so. The session is
written for this test.
"""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.web import create_app

from .web_support import store_of_texts, web_settings

SESSION = """IGF 2029 Workshop #3: Libraries and Broadband Plans

>> MODERATOR JANE DOE: Welcome. Maria, the floor is yours.

>> MARIA KOVAC: I am Maria Kovac from the Dynamic Coalition on Public Access in Libraries. \
We need funding to keep library hotspots open at night for students.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    db, _ids = store_of_texts(tmp_path_factory.mktemp("past-last-page"), {"ws": ("igf2029-ws3.txt", SESSION)})
    with TestClient(create_app(db, web_settings(db))) as client:
        yield client


@pytest.mark.parametrize(
    ("path", "first", "wrong"),
    [
        ("/search?q=funding&page=3", "/search?q=funding", "No matches"),
        ("/sessions?page=5", "/sessions", "No session matches"),
        ("/sessions?year=2029&page=2", "/sessions?year=2029", "No session matches"),
        ("/threads?page=4", "/threads", "No thread matches"),
    ],
)
def test_a_page_past_the_end_links_the_first_page(client, path, first, wrong):
    page = client.get(path)
    assert page.status_code == 200
    assert "the list ends before it" in page.text and wrong not in page.text
    assert f'<a href="http://testserver{first}">Go to the first page</a>' in page.text
    assert "the list ends before it" not in client.get(first).text  # its first page lists the matches


def test_a_search_that_finds_nothing_still_says_so(client):
    page = client.get("/search?q=zebra")
    assert "No matches for “zebra” in the record" in page.text and "the list ends before it" not in page.text
