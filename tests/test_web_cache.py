"""The whole-response cache: replays public reads until the store changes, never anything else."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from forumlens.ingest import IngestOptions, ingest_file
from forumlens.store import open_store
from forumlens.web import create_app
from forumlens.web.cache import NO_STORE_HEADER, ResponseCache, cacheable_path, store_version
from forumlens.web.cache_shared import SharedTier

from .web_support import ADMIN_TOKEN, web_settings

SESSION = """IGF 2023 - Open Forum on {topic}

>> MODERATOR: Welcome to this open forum on {topic}. We start with the panel.

>> ANA PEREIRA: Our coalition published a report on {topic} and we need funding to continue.
"""


class Counter:
    """A tiny app that counts how often its handlers really run."""

    def __init__(self) -> None:
        self.calls = 0
        self.version: int | None = 1

    def app(self, max_bytes: int = 1 << 20) -> ResponseCache:
        def page(request: Request) -> PlainTextResponse:
            self.calls += 1
            headers = {}
            if "short" in request.query_params:
                headers[NO_STORE_HEADER] = "max-age=0.2"
            if "never" in request.query_params:
                headers[NO_STORE_HEADER] = "no-store"
            status = 404 if "missing" in request.query_params else 200
            return PlainTextResponse(f"call {self.calls} " + "x" * 2000, status_code=status, headers=headers)

        inner = Starlette(
            routes=[Route("/sessions/{sid}", page, methods=["GET", "POST"]), Route("/api/subscribers", page)]
        )
        return ResponseCache(inner, version=lambda: self.version, max_bytes=max_bytes)


@pytest.fixture
def counter() -> Counter:
    return Counter()


def test_a_repeated_read_is_replayed_without_running_the_handler(counter):
    client = TestClient(counter.app())
    first = client.get("/sessions/a")
    second = client.get("/sessions/a")
    assert counter.calls == 1
    assert second.text == first.text
    assert second.headers["content-encoding"] == "gzip"  # stored compressed, sent as is
    assert client.get("/sessions/a?page=2").text != first.text  # the query is part of the key
    assert counter.calls == 2


def test_clients_that_do_not_accept_gzip_get_plain_bytes(counter):
    client = TestClient(counter.app())
    body = client.get("/sessions/a").content
    raw = client.get("/sessions/a", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert raw.content == body
    assert int(raw.headers["content-length"]) == len(body)


def test_a_new_store_version_answers_afresh(counter):
    client = TestClient(counter.app())
    client.get("/sessions/a")
    counter.version = 2
    assert client.get("/sessions/a").text.startswith("call 2")


def test_no_version_means_no_cache(counter):
    counter.version = None  # e.g. a PostgreSQL store
    client = TestClient(counter.app())
    client.get("/sessions/a")
    client.get("/sessions/a")
    assert counter.calls == 2


@pytest.mark.parametrize(
    "how",
    [
        {"headers": {"Authorization": f"Bearer {ADMIN_TOKEN}"}},
        {"headers": {"X-Admin-Token": ADMIN_TOKEN}},
        {"params": {"missing": "1"}},  # errors are never stored
        {"params": {"never": "1"}},  # the handler said no-store
    ],
)
def test_what_is_never_replayed(counter, how):
    client = TestClient(counter.app())
    client.get("/sessions/a", **how)
    client.get("/sessions/a", **how)
    assert counter.calls == 2


def test_writes_and_private_routes_pass_through(counter):
    client = TestClient(counter.app())
    client.post("/sessions/a")
    client.post("/sessions/a")
    client.get("/api/subscribers")
    client.get("/api/subscribers")
    assert counter.calls == 4
    assert not cacheable_path("/api/subscribers") and not cacheable_path("/api/ingest")
    assert cacheable_path("/sessions/abc") and cacheable_path("/api/search")


def test_a_short_lived_entry_expires(counter):
    client = TestClient(counter.app())
    client.get("/sessions/a?short=1")
    client.get("/sessions/a?short=1")
    assert counter.calls == 1
    time.sleep(0.3)
    client.get("/sessions/a?short=1")
    assert counter.calls == 2


def test_etag_revalidation_answers_304(counter):
    client = TestClient(counter.app())
    etag = client.get("/sessions/a").headers.get("etag")
    client.get("/sessions/a")
    assert etag
    again = client.get("/sessions/a", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""


def test_the_byte_budget_evicts_the_least_recently_used(counter):
    cache = counter.app(max_bytes=8 * 1024)  # each entry ~ 250 compressed bytes + overhead
    client = TestClient(cache)
    for n in range(40):
        client.get(f"/sessions/s{n}")
    assert cache.stats()["bytes"] <= 8 * 1024
    calls = counter.calls
    client.get("/sessions/s0")  # the oldest was evicted
    assert counter.calls == calls + 1


def _ingest_elsewhere(path: str, folder: Path, topic: str) -> None:
    """Ingest one small session through a connection of its own, as another process would."""
    source = folder / f"{topic.replace(' ', '-')}.txt"
    source.write_text(SESSION.format(topic=topic), "utf-8")
    store = open_store(path)
    try:
        ingest_file(store, source, IngestOptions(max_bytes=1_000_000))
    finally:
        store.close()


def test_the_store_version_moves_when_another_connection_commits(store_location: str, tmp_path: Path):
    open_store(store_location).close()
    version = store_version(store_location)
    before = version()
    assert before is not None
    assert version() == before  # nothing changed, reads do not move it
    _ingest_elsewhere(store_location, tmp_path, "data governance")
    assert version() != before


def test_portal_serves_new_sessions_after_an_ingest_by_another_process(store_location: str, tmp_path: Path):
    """End to end on the real app, on both stores: a cached list is not served once the store has changed."""
    path = store_location
    _ingest_elsewhere(path, tmp_path, "data governance")
    with TestClient(create_app(path, web_settings(path))) as client:
        assert len(client.get("/api/sessions").json()) == 1
        page = client.get("/sessions").text
        assert client.get("/sessions").text == page
        assert client.get("/sessions").headers.get("content-encoding") == "gzip"  # replayed from the cache
        _ingest_elsewhere(path, tmp_path, "community networks")
        titles = [s["title"] for s in client.get("/api/sessions").json()]
        assert len(titles) == 2 and any("community networks" in t for t in titles)
        assert "community networks" in client.get("/sessions").text


def test_cached_pages_keep_the_security_headers(tmp_path: Path):
    path = str(tmp_path / "headers.sqlite3")
    open_store(path).close()
    with TestClient(create_app(path, web_settings(path))) as client:
        client.get("/")
        again = client.get("/")
        assert again.headers["content-encoding"] == "gzip"
        assert "default-src 'self'" in again.headers["content-security-policy"]
        assert again.headers["x-content-type-options"] == "nosniff"


def test_the_setting_turns_the_cache_off(tmp_path: Path):
    path = str(tmp_path / "off.sqlite3")
    open_store(path).close()
    with TestClient(create_app(path, web_settings(path, portal_cache_mb=0))) as client:
        client.get("/")
        assert "content-encoding" not in client.get("/").headers


def test_workers_share_what_one_of_them_rendered(counter, tmp_path: Path):
    """Two caches over one shared tier, as two `serve --workers 2` processes: one renders, both replay."""
    first_cache, second_cache = counter.app(), counter.app()
    first_cache.shared = second_cache.shared = SharedTier(tmp_path, 1 << 20)
    first, second = TestClient(first_cache), TestClient(second_cache)
    body = first.get("/sessions/a").text
    assert second.get("/sessions/a").text == body
    assert counter.calls == 1 and second_cache.stats()["shared_hits"] == 1
    counter.version = 2  # the store changed: neither tier answers
    assert second.get("/sessions/a").text.startswith("call 2")


def test_shared_entries_expire_and_a_broken_tier_is_only_a_miss(counter, tmp_path: Path):
    tier = SharedTier(tmp_path, 1 << 20)
    key = tier.key("/sessions/a", b"", 1)
    tier.put(key, ((b"content-type", b"text/plain"),), b"old", False, b'W/"x"', expires=time.time() - 1)
    assert tier.get(key) is None  # expired
    tier.put(key, ((b"content-type", b"text/plain"),), b"body", False, b'W/"y"', expires=None)
    found = tier.get(key)
    assert found is not None
    headers, body, compressed, _, _ = found
    assert headers == ((b"content-type", b"text/plain"),) and body == b"body" and not compressed
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "responses.sqlite3").write_bytes(b"not a database" * 100)
    assert SharedTier(broken, 1 << 20).get(key) is None
    SharedTier(broken, 1 << 20).put(key, (), b"x", False, b"e", None)  # no exception either


def test_the_shared_tier_keeps_within_its_budget(tmp_path: Path):
    tier = SharedTier(tmp_path, 64 * 1024)
    for n in range(300):
        tier.put(tier.key(f"/sessions/{n}", b"", 1), (), b"x" * 1000, False, b"e", None)
    assert tier.stored_bytes() <= 64 * 1024 + 64 * 1100  # evicted down to the budget at the last check
    assert tier.get(tier.key("/sessions/299", b"", 1)) is not None  # the newest stay
    assert tier.get(tier.key("/sessions/0", b"", 1)) is None  # the oldest went


def test_the_data_version_moves_with_a_commit_elsewhere_and_its_shared_part_too(store_location: str, tmp_path: Path):
    """The shared part keys the workers' shared tier: it must move with a commit by any process."""
    open_store(store_location).close()
    with open_store(store_location, readonly=True) as reader:
        before = reader.data_version()
        assert before.shared and reader.data_version() == before  # reads move nothing
        _ingest_elsewhere(store_location, tmp_path, "digital public goods")
        after = reader.data_version()
        assert after != before and after.shared != before.shared


def test_the_data_version_moves_with_the_stores_own_writes(store_location: str, tmp_path: Path):
    with open_store(store_location) as store:
        before = store.data_version()
        source = tmp_path / "own.txt"
        source.write_text(SESSION.format(topic="own writes"), "utf-8")
        ingest_file(store, source, IngestOptions(max_bytes=1_000_000))
        assert store.data_version() != before


def test_a_store_in_memory_has_no_shared_version():
    with open_store(":memory:") as store:
        assert store.data_version().shared == ()
    assert store_version(":memory:")() is None  # so the response cache stays off


def test_a_reanalysis_in_place_is_shown_at_once(store_location: str, tmp_path: Path):
    """Rewriting a session's analyses changes no row count; the cached pages must still go."""
    _ingest_elsewhere(store_location, tmp_path, "platform responsibility")
    with TestClient(create_app(store_location, web_settings(store_location))) as client:
        sid = client.get("/api/sessions").json()[0]["id"]
        page = client.get(f"/sessions/{sid}").text
        assert client.get(f"/sessions/{sid}").text == page
        store = open_store(store_location)
        try:
            analyses = {kind: store.analysis(sid, kind) for kind in ("takeaways", "people", "coalitions")}
            line = client.get(f"/api/sessions/{sid}").json()["turns"][-1]["line"]
            analyses["takeaways"] = [
                {
                    "text": "Rewritten takeaway about remedies.",
                    "citations": [
                        {"session": sid, "line": line, "speaker": "ANA PEREIRA", "quote": "we need funding to continue"}
                    ],
                }
            ]
            store.replace_analyses(sid, {k: v for k, v in analyses.items() if v is not None})
        finally:
            store.close()
        assert "Rewritten takeaway about remedies." in client.get(f"/sessions/{sid}").text
        assert client.get(f"/api/sessions/{sid}").json()["takeaways"][0]["text"].startswith("Rewritten")


def test_pages_with_absolute_links_are_kept_per_host(tmp_path: Path):
    """Facet links carry the request's origin: a page cached for one host is not served to another."""
    path = str(tmp_path / "hosts.sqlite3")
    _ingest_elsewhere(path, tmp_path, "data governance")
    with TestClient(create_app(path, web_settings(path))) as client:
        first = client.get("/search?q=funding", headers={"Host": "portal.example.org"}).text
        assert "http://portal.example.org/search?" in first
        other = client.get("/search?q=funding", headers={"Host": "mirror.example.net"}).text
        assert "http://mirror.example.net/search?" in other and "portal.example.org" not in other
