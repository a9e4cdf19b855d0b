"""The coalition page's two ask lists never contradict each other (issue 20, a new-user walk).

"What it asked for" lists the asks the session analysis attributed to the coalition; its Threads section
follows every ask its speakers made, read from each sentence. A persisting problem ("… still have no
computers for the public") is an ask a thread follows that the analysis does not attribute: the page said
"No asks recorded yet" above two asks. Now each list says what it counts and an empty one points to the other.
"""

from __future__ import annotations

import re
import warnings
from html import unescape
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app

from .web_support import web_settings

SAID = {
    2031: "Public libraries in rural towns still have no computers for the public, and the waiting lists grow.",
    2032: "A year on, public libraries in rural towns still have no computers for the public.",
}


def _forum(year: int) -> str:
    return (
        f"IGF {year} Open Forum on Public Access\n\n"
        ">> MODERATOR JANE DOE: Welcome. Amina, the floor is yours.\n\n"
        ">> AMINA OSEI: I am Amina Osei, from the Dynamic Coalition on Public Access in Libraries. "
        f"{SAID[year]}\n\n"
        ">> MODERATOR JANE DOE: Thank you, Amina.\n"
    )


def _section(html: str, name: str) -> str:
    return unescape(html.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0])


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("coalition-asks")
    paths = []
    for year in SAID:
        path = folder / f"igf{year}-libraries-open-forum.txt"
        path.write_text(_forum(year), "utf-8")
        paths.append(path)
    db = str(Path(folder) / "store.sqlite3")
    with open_store(db) as store:
        assert {o.status for o in ingest_paths(store, paths, IngestOptions())} == {"ingested"}
    with TestClient(create_app(db, web_settings(db))) as client:
        response = client.get("/coalitions/dc-on-public-access-in-libraries")
    assert response.status_code == 200
    return response.text


def test_threads_follow_asks_the_analysis_did_not_attribute(page):
    threads = _section(page, "threads")
    for quote in SAID.values():
        assert quote in threads  # both asks are followed, year by year
    asks = _section(page, "asks")
    assert "No asks recorded" not in asks  # the contradiction the walk met
    said = re.search(r"its speakers made (\d+) asks? that", asks)
    assert said is not None and int(said.group(1)) == len(SAID), asks
    assert 'href="#threads"' in asks and "session analysis" in asks
