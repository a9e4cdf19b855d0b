"""The portal's glossary page on the examples store (the README's first steps): a term filter that finds
nothing says what it looked for and how to see every term, as the people page does for a name."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from .web_support import cli_store, portal_client

pytest.importorskip("fastapi")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    with portal_client(cli_store(tmp_path_factory, "glossary", EXAMPLES)) as c:
        yield c


def test_a_term_filter_that_finds_nothing_says_what_and_links_every_term(client) -> None:
    page = client.get("/glossary", params={"term": "<b>zzqq</b>"})
    assert page.status_code == 200
    text = page.text
    assert "<b>zzqq</b>" not in text  # the typed term is escaped, not markup
    assert "No term on record matches “<b>zzqq</b>”" in unescape(text)
    assert '<a href="/glossary">see every term</a>' in text


def test_a_term_filter_that_finds_a_term_lists_it_without_the_note(client) -> None:
    every = client.get("/glossary").text
    assert "No term on record matches" not in every
    page = client.get("/glossary", params={"term": "internet governance"}).text  # an expansion, in any case
    assert '<dt id="igf">IGF' in page and "No term on record matches" not in page
    assert '<dt id="public-access">' not in page  # the filter narrowed the list
