"""Politeness toward a site: its robots.txt, and a minimum gap between requests to a host.

robots.txt is read with `urllib.robotparser` and handled as RFC 9309 says: a 4xx answer
(no robots.txt) allows everything; a 5xx answer or no answer at all means "assume
everything is disallowed", since the site may be in trouble. A `Crawl-delay` longer
than our own gap slows us down to it.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["HostLimiter", "RobotsPolicy", "RobotsVerdict", "host_of", "robots_url"]


def host_of(url: str) -> str:
    """`scheme://host[:port]`: the unit that robots.txt and the rate limit apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def robots_url(url: str) -> str:
    return host_of(url) + "/robots.txt"


class HostLimiter:
    """At most one request per `delay` seconds to each host (0: no limit).

    The clock and sleep are passed in so tests can check the gaps without waiting.
    """

    def __init__(
        self,
        delay: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = max(0.0, delay)
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def slow_down(self, host: str, delay: float) -> None:
        """Use at least `delay` seconds between requests to `host` (a robots.txt Crawl-delay)."""
        self._delays[host] = max(delay, self._delays.get(host, 0.0))

    def gap(self, host: str) -> float:
        return max(self.delay, self._delays.get(host, 0.0))

    def wait(self, host: str) -> float:
        """Block until a request to `host` is allowed; returns the seconds waited."""
        now = self._clock()
        ready = self._next.get(host, now)
        waited = 0.0
        if ready > now:
            waited = ready - now
            self._sleep(waited)
            now = ready
        self._next[host] = now + self.gap(host)
        return waited


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    reason: str = ""


# (status, text) of GET /robots.txt; status 0 means the host could not be reached.
RobotsFetch = Callable[[str], tuple[int, str]]


class RobotsPolicy:
    """robots.txt of each host, read once per run, asked before every request."""

    def __init__(self, fetch: RobotsFetch, user_agent: str, limiter: HostLimiter | None = None) -> None:
        self._fetch = fetch
        self._agent = user_agent
        self._limiter = limiter
        self._rules: dict[str, urllib.robotparser.RobotFileParser | RobotsVerdict] = {}

    def check(self, url: str) -> RobotsVerdict:
        host = host_of(url)
        if host not in self._rules:
            self._rules[host] = self._load(host)
        rules = self._rules[host]
        if isinstance(rules, RobotsVerdict):
            return rules
        if rules.can_fetch(self._agent, url):
            return RobotsVerdict(True)
        return RobotsVerdict(False, f"disallowed by {host}/robots.txt")

    def _load(self, host: str) -> urllib.robotparser.RobotFileParser | RobotsVerdict:
        status, text = self._fetch(host + "/robots.txt")
        if status == 0 or status >= 500:
            what = "could not be reached" if status == 0 else f"answered HTTP {status}"
            return RobotsVerdict(False, f"{host}/robots.txt {what}; a crawler must then assume it may fetch nothing")
        if status >= 400:
            return RobotsVerdict(True)  # no robots.txt: everything is allowed
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self._agent)
        if delay and self._limiter is not None:
            self._limiter.slow_down(host, float(delay))
        return parser
