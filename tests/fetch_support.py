"""A synthetic IGF website on loopback, for the fetch tests and bench/fetch.py.

A real HTTP server (http.server, one thread per connection) serving pages of the site's
shapes from the templates in tests/resources/fetch/: a year's listing split over pages
by a Drupal pager, transcript pages with the site's chrome around the captions, and the
trouble a crawler meets: a 301 to a page's new address, a 404, a 500 that works on the
second try, a page slower than the client's time limit, a page over the size limit, a
session page that is not a transcript, a page robots.txt disallows. Every transcript
page answers conditional requests (ETag, Last-Modified) with 304.

The caption text is generated here from small word lists, different for every page.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from urllib.parse import parse_qs, urlsplit

RESOURCES = Path(__file__).resolve().parent / "resources" / "fetch"
LAST_MODIFIED = "Mon, 13 Dec 2021 10:00:00 GMT"

_NAMES = ["ALBA TESTA", "BRUNO SAMPLE", "CHIDI MOCKWELL", "DANA PLACEHOLD", "EMIL FIXTURA", "FARAH STUBBS"]
_OPENINGS = [
    "Thank you for the floor.",
    "Good morning to everyone in the room and online.",
    "Let me pick up the point that was just made.",
    "I want to add a perspective from our region.",
]
_TOPICS = [
    "community networks in rural areas",
    "the cost of mobile data for students",
    "open standards for public services",
    "capacity building for small delegations",
    "the security of connected devices",
    "multilingual content on the web",
    "data protection rules across borders",
]
_ASKS = [
    "We need more funding for this work.",
    "Could the coalition share its report with the ministries?",
    "I would invite governments to join the next meeting.",
    "We will publish our findings before the next forum.",
]


def transcript_body(seed: int, turns: int = 8) -> str:
    """Caption paragraphs for page `seed`: the site's notice, then `>> NAME:` turns."""
    notice = (
        "<p>The following are the outputs of the captioning taken during a synthetic session. Although it is "
        "largely accurate, it may be incomplete; it is posted as an aid and is not an authoritative record.</p>"
    )
    paragraphs = [notice, "<p>&nbsp;</p>"]
    for turn in range(turns):
        name = _NAMES[(seed + turn) % len(_NAMES)]
        topic = _TOPICS[(seed * 3 + turn) % len(_TOPICS)]
        text = (
            f"{_OPENINGS[(seed + 2 * turn) % len(_OPENINGS)]} Session {seed} turn {turn} is about {topic}. "
            f"{_ASKS[(seed + turn) % len(_ASKS)]}"
        )
        paragraphs.append(f"<p>&gt;&gt; {name}: {html.escape(text)}</p>")
    return "\n".join(paragraphs)


def _template(name: str) -> Template:
    return Template((RESOURCES / name).read_text("utf-8"))


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up (timeouts, size limits) is expected here, not an error to print."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    streamed: bool = False  # no Content-Length: the body ends when the connection closes
    fail_first: int = 0  # answer 500 this many times before the real answer


class SyntheticIGF:
    """The loopback site. Use as a context manager; `base`, `listing` and the counters are public."""

    def __init__(
        self,
        *,
        transcripts: int = 5,
        per_page: int = 3,
        year: int = 2021,
        troubles: bool = True,
        slow_seconds: float = 1.5,
        huge_bytes: int = 300_000,
        stamp: str = "build 1",
    ) -> None:
        self.year = year
        self.per_page = per_page
        self.stamp = stamp
        self.slow_seconds = slow_seconds
        self.huge_bytes = huge_bytes
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.bodies: Counter[str] = Counter()  # 200 answers with a body, per path
        self.not_modified: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.listing_path = f"/multilingual/igf-{year}-transcripts"
        self.transcript_paths = [f"/en/content/igf-{year}-synthetic-session-{i}" for i in range(1, transcripts + 1)]
        self.entries: list[str] = list(self.transcript_paths)
        self._build(troubles)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="synthetic-igf", daemon=True
        )

    @property
    def listing(self) -> str:
        return self.base + self.listing_path

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> SyntheticIGF:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- pages -------------------------------------------------------------------------

    def transcript_page(self, seed: int) -> bytes:
        title = f"IGF {self.year} – Day {seed % 4 + 1} – Synthetic Session {seed}"
        page = _template("transcript.html").substitute(title=title, body=transcript_body(seed), stamp=self.stamp)
        return page.encode("utf-8")

    def _build(self, troubles: bool) -> None:
        y = self.year
        robots = (RESOURCES / "robots.txt").read_bytes()
        self.routes["/robots.txt"] = Route(
            body=robots, content_type="text/plain", headers={"Cache-Control": "max-age=3600"}
        )
        for seed, path in enumerate(self.transcript_paths, start=1):
            self.routes[path] = Route(body=self.transcript_page(seed))
        if troubles:
            moved_to = f"/en/content/igf-{y}-synthetic-moved-session"
            self.routes[f"/multilingual/content/igf-{y}-synthetic-old-address"] = Route(
                status=301, headers={"Location": moved_to}
            )
            self.routes[moved_to] = Route(body=self.transcript_page(101))
            self.routes[f"/en/content/igf-{y}-synthetic-flaky"] = Route(body=self.transcript_page(102), fail_first=1)
            self.routes[f"/en/content/igf-{y}-synthetic-slow"] = Route(
                body=self.transcript_page(103), delay=self.slow_seconds
            )
            filler = transcript_body(104) * (self.huge_bytes // len(transcript_body(104)) + 1)
            self.routes[f"/en/content/igf-{y}-synthetic-huge"] = Route(
                body=_template("transcript.html").substitute(title="Huge", body=filler, stamp="").encode(),
                streamed=True,
            )
            self.routes[f"/en/content/igf-{y}-synthetic-session-description"] = Route(
                body=_template("session.html").substitute(title=f"IGF {y} Synthetic Workshop").encode()
            )
            self.routes[f"/private/content/igf-{y}-synthetic-draft"] = Route(body=self.transcript_page(105))
            troubled = [
                f"/multilingual/content/igf-{y}-synthetic-old-address",
                f"/en/content/igf-{y}-synthetic-missing",  # no route: 404
                f"/en/content/igf-{y}-synthetic-flaky",
                f"/en/content/igf-{y}-synthetic-slow",
                f"/en/content/igf-{y}-synthetic-huge",
                f"/en/content/igf-{y}-synthetic-session-description",
                f"/private/content/igf-{y}-synthetic-draft",
            ]
            self.entries = [e for pair in zip(self.transcript_paths, troubled) for e in pair]
            self.entries += self.transcript_paths[len(troubled) :] + troubled[len(self.transcript_paths) :]
        pages = [self.entries[i : i + self.per_page] for i in range(0, len(self.entries), self.per_page)] or [[]]
        for number, entries in enumerate(pages):
            self.routes[self._listing_key(number)] = Route(
                body=self._listing(number, entries, last=number == len(pages) - 1)
            )
        self.listing_pages = len(pages)

    def _listing_key(self, number: int) -> str:
        return self.listing_path if number == 0 else f"{self.listing_path}?page={number}"

    def _listing(self, number: int, entries: list[str], last: bool) -> bytes:
        rows = "\n".join(
            f'      <div class="views-row"><span class="field-content"><a href="{html.escape(p)}">'
            f"Synthetic entry {html.escape(p.rsplit('/', 1)[-1])}</a></span></div>"
            for p in entries
        )
        pager = []
        if number > 0:
            pager.append(
                f'<li class="pager__item pager__item--previous"><a href="?page={number - 1}" rel="prev">‹ Previous</a></li>'
            )
        pager.append(f'<li class="pager__item is-active"><a href="?page={number}">Page {number + 1}</a></li>')
        if not last:
            pager.append(
                f'<li class="pager__item pager__item--next"><a href="?page={number + 1}" rel="next">Next ›</a></li>'
            )
        title = f"IGF {self.year} Transcripts"
        return _template("listing.html").substitute(title=title, rows=rows, pager="\n".join(pager)).encode("utf-8")

    # -- serving -----------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall

            def log_message(self, format: str, *args: object) -> None:
                return None

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                page = parse_qs(parts.query).get("page", ["0"])[0]
                key = parts.path if parts.path != site.listing_path or page == "0" else f"{parts.path}?page={page}"
                with site._lock:
                    site.hits[key] += 1
                    hits = site.hits[key]
                route = site.routes.get(key)
                if route is None:
                    return self._send(404, b"<html><body><h1>Page not found</h1></body></html>", {})
                if route.delay:
                    time.sleep(route.delay)
                if hits <= route.fail_first:
                    return self._send(500, b"<html><body>Internal error</body></html>", {})
                if route.status != 200:
                    return self._send(route.status, b"", route.headers)
                etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                headers = {
                    "ETag": etag,
                    "Last-Modified": LAST_MODIFIED,
                    "Content-Type": route.content_type,
                    **route.headers,
                }
                if self.headers.get("If-None-Match") == etag or (
                    self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == LAST_MODIFIED
                ):
                    with site._lock:
                        site.not_modified[key] += 1
                    return self._send(304, b"", {"ETag": etag})
                with site._lock:
                    site.bodies[key] += 1
                if route.streamed:
                    self.send_response(200)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.close_connection = True
                    for start in range(0, len(route.body), 16_384):
                        try:
                            self.wfile.write(route.body[start : start + 16_384])
                        except (BrokenPipeError, ConnectionResetError):
                            return
                    return
                self._send(200, route.body, headers)

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)

        return Handler

    @property
    def downloads(self) -> int:
        """Bodies the server sent (200 answers), robots.txt included."""
        return sum(self.bodies.values())
