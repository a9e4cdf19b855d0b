"""The portal reads the store's threads at start-up, not on the first page view, and bounds the coalition section.

Over the threads development corpus ingested by the real pipeline, through the real app
(its lifespan runs the start-up). Reading the threads is counted by wrapping the function
the portal reads them with (`store_threads`), which still does the real work.
"""

from __future__ import annotations

import re
import threading
import time
import warnings
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.threads import service
from forumlens.web import create_app
from forumlens.web import threads as web_threads

from .web_support import web_settings

DEV = Path(__file__).resolve().parents[1] / "bench" / "threads" / "dev"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CONNECTIVITY = "dc-on-community-connectivity"
LIBRARIES = "dc-on-public-access-in-libraries"


@pytest.fixture
def dev_db(tmp_path: Path) -> str:
    """A new store per test: nothing of it can be in any worker's memory yet."""
    path = str(tmp_path / "dev.sqlite3")
    with open_store(path) as store:
        ingest_paths(store, [DEV], IngestOptions())
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the threads that read the store's threads, in order (each read takes 0.5 s more)."""
    seen: list[str] = []
    real = service.store_threads

    def counted(*args, **kwargs):
        seen.append(threading.current_thread().name)
        time.sleep(0.5)  # a larger store: a request arriving meanwhile must wait, not read again
        return real(*args, **kwargs)

    monkeypatch.setattr(web_threads, "store_threads", counted)
    service._memo.clear()
    yield seen


def test_threads_are_read_once_at_start_up_and_first_pages_do_not_read_them(dev_db, reads):
    app = create_app(dev_db, web_settings(dev_db))
    with TestClient(app) as client:
        first = client.get(f"/coalitions/{CONNECTIVITY}")  # sent at once: the start-up read is still running
        assert first.status_code == 200 and '<section id="threads">' in first.text
        ids = re.findall(r'href="/threads/([a-z0-9]+)"', client.get("/threads").text)
        assert ids
        for tid in ids:
            assert client.get(f"/threads/{tid}").status_code == 200
        assert client.get("/api/threads").json()["threads"]
    assert len(reads) == 1, reads  # one read for all of them
    assert reads[0] != threading.current_thread().name and "warm" in reads[0]  # by the start-up, not a request


def test_an_app_told_not_to_warm_reads_threads_only_when_a_page_needs_them(dev_db, reads):
    app = create_app(dev_db, web_settings(dev_db), warm_threads=False)  # as `publish --no-threads` may ask
    with TestClient(app) as client:
        assert client.get("/api").status_code == 200
        time.sleep(1.0)
        assert reads == []
        assert client.get("/threads").status_code == 200
    assert len(reads) == 1 and "warm" not in reads[0]


def test_a_new_ingest_is_read_again_on_request(dev_db, reads, tmp_path):
    app = create_app(dev_db, web_settings(dev_db))
    with TestClient(app) as client:
        before = client.get("/api/threads").json()["threads"]
        with open_store(dev_db) as store:
            ingest_paths(store, [EXAMPLES], IngestOptions())
        after = client.get("/api/threads").json()["threads"]
    assert len(after) > len(before) and len(reads) == 2


def test_the_coalition_section_is_bounded_with_links_to_the_rest(dev_db, monkeypatch):
    with open_store(dev_db) as store:  # the examples add the libraries coalition's promises of 2024-2025
        ingest_paths(store, [EXAMPLES], IngestOptions())
    monkeypatch.setattr(web_threads, "ASKS_PER_YEAR", 1)
    monkeypatch.setattr(web_threads, "PROMISES_SHOWN", 1)
    monkeypatch.setattr(web_threads, "FATE_SHOWN", 1)
    app = create_app(dev_db, web_settings(dev_db, portal_cache_mb=0))
    capped = {"asks": 0, "promises": 0}
    with TestClient(app) as client:
        for coalition in (CONNECTIVITY, LIBRARIES):
            own = client.get(f"/api/threads?coalition={coalition}").json()["threads"]
            html = unescape(client.get(f"/coalitions/{coalition}").text)
            section = html.split('<section id="threads">', 1)[1].split("</section>", 1)[0]
            asks, promises = section.split("Promises and their fate", 1)
            ask_items = [i for t in own if t["kind"] == "ask" for i in t["items"]]
            for year in sorted({i["year"] for i in ask_items}):
                that_year = [i for i in ask_items if i["year"] == year]
                part = asks.split(f"<strong>{year}</strong>", 1)[1].split("<strong>", 1)[0]
                assert part.count("<li>") == 1
                if len(that_year) > 1:
                    capped["asks"] += 1
                    more = re.search(r'(\d+) more in \d{4}: <a href="([^"]+)"', part)
                    assert more and int(more.group(1)) == len(that_year) - 1
                    listed = client.get(more.group(2))
                    assert listed.status_code == 200
                    shown = set(re.findall(r'href="/threads/([a-z0-9]+)"', listed.text))
                    year_threads = {
                        t["id"] for t in own if t["kind"] == "ask" and year in {i["year"] for i in t["items"]}
                    }
                    assert year_threads <= shown
            commitments = [t for t in own if t["kind"] == "commitment"]
            assert promises.count('<span class="status">') == min(1, len(commitments))
            if len(commitments) > 1:
                capped["promises"] += 1
                assert f"{len(commitments) - 1} more promises" in promises
                assert client.get(f"/threads?coalition={coalition}&kind=commitment").status_code == 200
    assert capped["asks"] and capped["promises"]  # both bounds were met on this corpus
