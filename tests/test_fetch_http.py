"""The polite HTTP client against a real server on loopback: cache, redirects, retries, limits, robots.txt."""

import json

import httpx
import pytest

from forumlens.fetch.cache import HttpCache, freshness_lifetime
from forumlens.fetch.http import (
    BlockedByRobots,
    Fetcher,
    FetchError,
    FetchPolicy,
    PageNotFound,
    PageTimeout,
    PageTooLarge,
    is_url,
)
from forumlens.fetch.polite import HostLimiter

from .fetch_support import SyntheticIGF

FAST = FetchPolicy(timeout=0.5, retries=1, backoff=0.01, delay=0, max_bytes=100_000)


@pytest.fixture
def site():
    with SyntheticIGF(transcripts=3, slow_seconds=1.2) as served:
        yield served


@pytest.fixture
def cache(tmp_path):
    return HttpCache(tmp_path / "cache")


def test_a_page_then_the_same_page_again_is_a_304_not_a_download(site, cache):
    url = site.url(site.transcript_paths[0])
    with Fetcher(FAST, cache) as fetcher:
        first = fetcher.get(url)
        second = fetcher.get(url)
    assert first.source == "network" and second.source == "revalidated"
    assert first.body == second.body == site.routes[site.transcript_paths[0]].body
    assert site.bodies[site.transcript_paths[0]] == 1 and site.not_modified[site.transcript_paths[0]] == 1
    with Fetcher(FAST, cache) as later:  # a new run reads the cache from disk
        assert later.get(url).source == "revalidated"
        assert later.stats.downloads == 0 and later.stats.not_modified == 1


def test_a_fresh_cached_answer_costs_no_request(site, cache):
    with Fetcher(FAST, cache) as fetcher:
        fetcher.get(site.url("/robots.txt"))  # served with max-age=3600
    with Fetcher(FAST, cache) as fetcher:
        page = fetcher.get(site.url("/robots.txt"))
        assert page.source == "cache" and fetcher.stats.requests == 0
    assert site.hits["/robots.txt"] == 1


def test_a_changed_page_is_downloaded_again(site, cache):
    path = site.transcript_paths[1]
    with Fetcher(FAST, cache) as fetcher:
        fetcher.get(site.url(path))
        site.routes[path].body = site.routes[path].body.replace(b"turn 0", b"turn zero")
        page = fetcher.get(site.url(path))
    assert page.source == "network" and b"turn zero" in page.body and site.bodies[path] == 2


def test_a_301_is_followed_reported_and_remembered(site, cache):
    old = site.url("/multilingual/content/igf-2021-synthetic-old-address")
    new = site.url("/en/content/igf-2021-synthetic-moved-session")
    with Fetcher(FAST, cache) as fetcher:
        page = fetcher.get(old)
    assert page.url == new and page.requested == old and page.redirects == ((301, new),)
    assert page.moved == f"{old}: moved permanently (301) to {new}"
    with Fetcher(FAST, cache) as fetcher:
        again = fetcher.get(old)
    assert again.url == new and site.hits["/multilingual/content/igf-2021-synthetic-old-address"] == 1


def test_a_404_names_the_address_and_says_what_to_do(site, cache):
    url = site.url("/en/content/igf-2021-synthetic-missing")
    with Fetcher(FAST, cache) as fetcher, pytest.raises(PageNotFound) as caught:
        fetcher.get(url)
    assert caught.value.render().startswith(f"{url}: HTTP 404: no such page")
    assert site.hits["/en/content/igf-2021-synthetic-missing"] == 1  # a 404 is not retried


def test_a_500_is_retried_and_the_second_answer_kept(site, cache):
    path = "/en/content/igf-2021-synthetic-flaky"
    with Fetcher(FAST, cache) as fetcher:
        page = fetcher.get(site.url(path))
        assert fetcher.stats.retries == 1
    assert b"Synthetic Session 102" in page.body and site.hits[path] == 2


def test_a_server_that_keeps_failing_gives_up_after_the_retries(site, cache):
    path = "/en/content/igf-2021-synthetic-flaky"
    site.routes[path].fail_first = 10
    with Fetcher(FAST, cache) as fetcher, pytest.raises(FetchError, match="HTTP 500"):
        fetcher.get(site.url(path))
    assert site.hits[path] == FAST.retries + 1


def test_a_slow_page_times_out_with_a_clear_message(site, cache):
    url = site.url("/en/content/igf-2021-synthetic-slow")
    with Fetcher(FAST, cache) as fetcher, pytest.raises(PageTimeout) as caught:
        fetcher.get(url)
    assert caught.value.render().startswith(f"{url}: no complete answer within 0.5 s")
    assert site.hits["/en/content/igf-2021-synthetic-slow"] == FAST.retries + 1


def test_a_page_over_the_size_limit_is_cut_off_while_streaming(site, cache):
    url = site.url("/en/content/igf-2021-synthetic-huge")
    with Fetcher(FAST, cache) as fetcher, pytest.raises(PageTooLarge) as caught:
        fetcher.get(url)
    assert "larger than the 0.1 MB limit (download stopped" in caught.value.render()
    assert fetcher.stats.downloads == 1 and cache.load(url) is None  # robots.txt only


def test_a_declared_length_over_the_limit_is_refused_before_reading(site, cache):
    path = site.transcript_paths[0]
    small = FetchPolicy(timeout=0.5, retries=0, delay=0, max_bytes=len(site.routes[path].body) - 1)
    with Fetcher(small, cache) as fetcher, pytest.raises(PageTooLarge, match="above the"):
        fetcher.get(site.url(path))


def test_robots_txt_is_obeyed_when_crawling_and_not_for_a_named_page(site, cache):
    url = site.url("/private/content/igf-2021-synthetic-draft")
    with Fetcher(FAST, cache) as fetcher:
        with pytest.raises(BlockedByRobots, match=r"disallowed by .*/robots\.txt"):
            fetcher.get(url)
        assert "/private/content/igf-2021-synthetic-draft" not in site.hits
        assert fetcher.get(url, obey_robots=False).body


def test_robots_txt_that_fails_means_fetch_nothing_and_a_missing_one_means_fetch_all(site, cache):
    site.routes["/robots.txt"].fail_first = 99
    with Fetcher(FAST, cache) as fetcher, pytest.raises(BlockedByRobots, match="answered HTTP 500"):
        fetcher.get(site.url(site.transcript_paths[0]))
    del site.routes["/robots.txt"]
    with Fetcher(FAST, cache) as fetcher:
        assert fetcher.get(site.url(site.transcript_paths[0])).body


def test_the_rate_limit_spaces_requests_to_one_host():
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    limiter = HostLimiter(2.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        limiter.wait("http://a")
        now[0] += 0.5  # the request itself
    limiter.wait("http://b")  # another host does not wait
    assert slept == [1.5, 1.5]
    limiter.slow_down("http://a", 5.0)  # robots.txt Crawl-delay
    limiter.wait("http://a")
    limiter.wait("http://a")
    assert slept[-1] == 5.0


def test_crawl_delay_in_robots_txt_slows_the_fetcher(site, cache):
    site.routes["/robots.txt"].body = b"User-agent: *\nCrawl-delay: 7\n"
    slept: list[float] = []
    with Fetcher(FAST, cache, sleep=slept.append) as fetcher:
        fetcher.get(site.url(site.transcript_paths[0]))
        assert fetcher.limiter.gap(site.base) == 7.0


def test_redirect_loops_and_non_web_addresses_are_errors(cache):
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "/again" if request.url.path != "/again" else "/start"})

    with Fetcher(FAST, cache, transport=httpx.MockTransport(loop)) as fetcher:
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get("http://loop.test/start", obey_robots=False)
        with pytest.raises(FetchError, match="is not an http"):
            fetcher.get("ftp://loop.test/file")


def test_a_half_written_cache_entry_is_a_miss_not_a_wrong_page(site, cache):
    url = site.url(site.transcript_paths[0])
    with Fetcher(FAST, cache) as fetcher:
        fetcher.get(url)
    meta = next(cache.root.rglob("*.json"))
    entry = json.loads(meta.read_text())
    if entry["url"] != url:
        meta = next(p for p in cache.root.rglob("*.json") if json.loads(p.read_text())["url"] == url)
    meta.with_suffix(".body").write_bytes(b"<html>truncated")
    assert cache.load(url) is None
    with Fetcher(FAST, cache) as fetcher:
        assert fetcher.get(url).body == site.routes[site.transcript_paths[0]].body


@pytest.mark.parametrize(
    ("headers", "lifetime"),
    [
        ({"cache-control": "public, max-age=600"}, 600.0),
        ({"cache-control": "no-cache, max-age=600"}, None),
        ({"expires": "Thu, 01 Jan 1970 00:10:00 GMT"}, 600.0),
        ({"expires": "garbage"}, 0.0),
        ({}, None),
    ],
)
def test_freshness_from_cache_control_and_expires(headers, lifetime):
    assert freshness_lifetime(headers, now=0.0) == lifetime


@pytest.mark.parametrize(
    ("text", "expected"), [("https://x.org/a", True), ("HTTP://x.org", True), ("notes/http.txt", False)]
)
def test_is_url(text, expected):
    assert is_url(text) is expected
