"""Fetching web pages politely and safely: one `Fetcher`, built on httpx.

Every request goes through the same steps: robots.txt (when crawling), the per-host
rate limit, the on-disk cache (a fresh copy is used as is, a stale one is revalidated
with If-None-Match/If-Modified-Since), a total time limit, a size limit enforced while
the body streams in, retries with exponential backoff on 5xx, 429 and timeouts, and
redirects followed one hop at a time so each hop is checked and reported. Failures are
`FetchError`s whose message names the URL and the reason.

Example::

    with Fetcher(FetchPolicy(delay=1.0), HttpCache(default_cache_dir())) as fetcher:
        page = fetcher.get("https://www.intgovforum.org/en/content/…")
        page.body, page.url, page.redirects
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from ..errors import ForumlensError
from .cache import HttpCache
from .polite import HostLimiter, RobotsPolicy, host_of

__all__ = [
    "USER_AGENT",
    "BlockedByRobots",
    "FetchError",
    "FetchPolicy",
    "FetchStats",
    "Fetcher",
    "HostUnreachable",
    "Page",
    "PageNotFound",
    "PageTimeout",
    "PageTooLarge",
    "is_url",
]

USER_AGENT = f"forumlens/{__version__} (IGF transcript archiver; python-httpx)"
_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def is_url(text: str) -> bool:
    """An argument that names a web page rather than a file."""
    return text.lower().startswith(("http://", "https://"))


class FetchError(ForumlensError):
    """A page could not be fetched (the site, the network, or our limits)."""

    status = 502


class PageNotFound(FetchError):
    status = 404


class PageTimeout(FetchError):
    status = 504


class PageTooLarge(FetchError):
    status = 413


class BlockedByRobots(FetchError):
    status = 403


@dataclass(frozen=True)
class FetchPolicy:
    """How to fetch: limits, retries and manners. `delay` 0 turns the rate limit off."""

    timeout: float = 30.0  # seconds for a whole request, body included
    max_bytes: int = 20_000_000
    retries: int = 3
    backoff: float = 1.0  # first retry after this many seconds, doubling
    max_backoff: float = 60.0
    delay: float = 1.0  # minimum seconds between two requests to one host
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Page:
    """A fetched page: the bytes, where they finally came from, and how."""

    url: str  # after redirects
    requested: str
    body: bytes
    content_type: str = ""
    redirects: tuple[tuple[int, str], ...] = ()  # (status, target) of each hop
    source: Literal["network", "revalidated", "cache"] = "network"

    @property
    def moved(self) -> str | None:
        """A one-line note when the page answered from another address."""
        if not self.redirects:
            return None
        status, _ = self.redirects[0]
        kind = "moved permanently" if all(s in _PERMANENT for s, _ in self.redirects) else "redirected"
        return f"{self.requested}: {kind} ({status}) to {self.url}"

    @property
    def is_html(self) -> bool:
        kind = self.content_type.split(";")[0].strip().lower()
        if kind:
            return kind in ("text/html", "application/xhtml+xml")
        return self.body[:512].lstrip().lower().startswith((b"<!doctype html", b"<html"))


@dataclass
class FetchStats:
    """What a run cost the sites: requests made and bodies actually downloaded."""

    requests: int = 0
    downloads: int = 0  # 200 responses whose body came over the network
    not_modified: int = 0  # 304: the cached body was still good
    cache_hits: int = 0  # fresh in the cache: no request at all
    retries: int = 0
    bytes: int = 0
    waited: float = 0.0  # seconds spent in the rate limit
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes = b""


class Fetcher:
    """A polite HTTP client with a cache. Use as a context manager (it holds connections)."""

    def __init__(
        self,
        policy: FetchPolicy = FetchPolicy(),
        cache: HttpCache | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy
        self.cache = cache
        self.stats = FetchStats()
        self._clock = clock
        self._wall = wall
        self._sleep = sleep
        self.limiter = HostLimiter(policy.delay, clock=clock, sleep=sleep)
        self.robots = RobotsPolicy(self._robots_text, policy.user_agent, self.limiter)
        self._client = httpx.Client(
            headers={"User-Agent": policy.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
            timeout=httpx.Timeout(policy.timeout),
            follow_redirects=False,
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, obey_robots: bool = True) -> Page:
        """The page at `url`, following redirects; raises a `FetchError` naming the URL.

        `obey_robots` is for crawls; a single page a person asked for by its address is
        fetched as a browser would (`forumlens ingest URL`).
        """
        current = url
        hops: list[tuple[int, str]] = []
        for _ in range(self.policy.max_redirects + 1):
            _check_url(current, url)
            if obey_robots:
                verdict = self.robots.check(current)
                if not verdict.allowed:
                    raise BlockedByRobots(verdict.reason, source=url, hint="the site asks crawlers not to fetch it")
            cached = self.cache.load(current) if self.cache else None
            if cached and cached[0].fresh(self._wall()):
                entry, body = cached
                self.stats.cache_hits += 1
                if entry.location is not None:
                    hops.append((entry.status, entry.location))
                    current = entry.location
                    continue
                return Page(current, url, body, entry.content_type, tuple(hops), "cache")
            response = self._request(current, url, cached[0].validators() if cached else {})
            if response.status == 304 and cached:
                self.stats.not_modified += 1
                if self.cache is not None:
                    with self._cache_writes():
                        self.cache.refresh(cached[0], response.headers, self._wall())
                return Page(current, url, cached[1], cached[0].content_type, tuple(hops), "revalidated")
            if response.status in _REDIRECTS:
                target = response.headers.get("location")
                if not target:
                    raise FetchError(f"HTTP {response.status} redirect without a Location", source=url)
                target = urljoin(current, target)
                if response.status in _PERMANENT and self.cache is not None:
                    with self._cache_writes():
                        self.cache.store_redirect(current, response.status, target, self._wall())
                hops.append((response.status, target))
                current = target
                continue
            if response.status == 200:
                if self.cache is not None:
                    with self._cache_writes():
                        self.cache.store_page(current, response.body, response.headers, self._wall())
                return Page(current, url, response.body, response.headers.get("content-type", ""), tuple(hops))
            raise _status_error(response.status, url, current)
        raise FetchError(
            f"more than {self.policy.max_redirects} redirects (last: {current})",
            source=url,
            hint="the site's redirects loop; open the address in a browser to see where it leads",
        )

    @contextlib.contextmanager
    def _cache_writes(self) -> Iterator[None]:
        """A cache that cannot be written makes the next run slower, no more: a note, not an error."""
        try:
            yield
        except OSError as exc:
            root = self.cache.root if self.cache else "?"
            note = f"cannot write the HTTP cache in {root}: {exc.strerror or exc}"
            if note not in self.stats.notes:
                self.stats.notes.append(note)

    def _robots_text(self, robots: str) -> tuple[int, str]:
        try:
            page = self.get(robots, obey_robots=False)
        except PageNotFound:
            return 404, ""
        except HostUnreachable as exc:  # nothing at that host answers: say so (the host), not that robots.txt forbids
            raise HostUnreachable(exc.message, hint=exc.hint) from None
        except FetchError as exc:
            code = exc.status if isinstance(exc, _HTTPStatusError) else 0
            return code, ""
        return 200, page.body.decode("utf-8", "replace")

    def _request(self, url: str, asked: str, headers: dict[str, str]) -> _Response:
        """One GET with retries on 5xx, 429 and timeouts; 2xx/3xx/4xx are returned."""
        policy = self.policy
        for attempt in range(policy.retries + 1):
            self.stats.waited += self.limiter.wait(host_of(url))
            self.stats.requests += 1
            try:
                response = self._once(url, asked, headers)
            except (PageTimeout, _ConnectFailed) as exc:
                if attempt == policy.retries:
                    raise exc from None
                self._pause(attempt, None)
                continue
            if response.status in _RETRY_STATUS and attempt < policy.retries:
                self._pause(attempt, response.headers.get("retry-after"))
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _pause(self, attempt: int, retry_after: str | None) -> None:
        self.stats.retries += 1
        wait = self.policy.backoff * (2**attempt)
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, float(retry_after))
        self._sleep(min(wait, self.policy.max_backoff))

    def _once(self, url: str, asked: str, headers: dict[str, str]) -> _Response:
        policy = self.policy
        deadline = self._clock() + policy.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                found = {k.lower(): v for k, v in response.headers.items()}
                if response.status_code != 200:
                    return _Response(response.status_code, found)
                declared = found.get("content-length", "")
                if declared.isdigit() and int(declared) > policy.max_bytes:
                    raise _too_large(asked, url, int(declared), policy.max_bytes)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > policy.max_bytes:
                        raise _too_large(asked, url, size, policy.max_bytes, cut=True)
                    if self._clock() > deadline:
                        raise httpx.ReadTimeout("total time limit")
                    chunks.append(chunk)
                self.stats.downloads += 1
                self.stats.bytes += size
                return _Response(200, found, b"".join(chunks))
        except httpx.TimeoutException:
            raise PageTimeout(
                f"no complete answer within {policy.timeout:g} s",
                source=asked,
                hint="the site is slow or down; try again later or raise --timeout",
            ) from None
        except httpx.ConnectError as exc:  # no connection at all: the name does not resolve, or no route
            raise HostUnreachable(
                f"cannot reach {urlsplit(url).netloc}: the network is unreachable or the site is down: "
                f"{exc or type(exc).__name__}",
                source=asked,
                hint="check the internet connection (and --base), then run the command again",
            ) from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _ConnectFailed(f"cannot connect: {exc or type(exc).__name__}", source=asked) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"request failed: {exc or type(exc).__name__}", source=asked) from None


class _ConnectFailed(FetchError):
    """The host could not be reached or dropped the connection (retried)."""


class HostUnreachable(_ConnectFailed):
    """No connection could be opened to the host (retried): offline, a wrong address, or the site is down.

    Raised as itself when it is robots.txt that cannot be fetched: "robots.txt could not be reached"
    blamed the site's rules for what is the network's fault.
    """


class _HTTPStatusError(FetchError):
    """An HTTP error status other than 404/410, after the retries."""


def _check_url(url: str, asked: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("is not an http(s) address", source=asked if url == asked else f"{asked} → {url}")


def _too_large(asked: str, url: str, size: int, limit: int, cut: bool = False) -> PageTooLarge:
    mb = f"{limit / 1e6:.1f} MB"
    what = (
        f"is larger than the {mb} limit (download stopped at {mb})"
        if cut
        else f"is {size / 1e6:.1f} MB, above the {mb} limit"
    )
    return PageTooLarge(
        what,
        source=asked,
        hint="raise --max-mb if the page is genuine",
    )


def _status_error(status: int, asked: str, url: str) -> FetchError:
    where = "" if url == asked else f" (at {url})"
    if status in (404, 410):
        return PageNotFound(
            f"HTTP {status}: no such page{where}",
            source=asked,
            hint="it may have been moved or removed; check the address in a browser",
        )
    error = _HTTPStatusError(
        f"HTTP {status}{where}",
        source=asked,
        hint="the server kept failing; try again later" if status >= 500 else None,
    )
    error.status = status
    return error
