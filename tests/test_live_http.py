"""Following a URL: a real HTTP server on loopback serving a caption file that grows.

The server honours `Range` and `If-None-Match` (as a static file server does), can be
switched to answer 404, 500 or nothing at all, and records every request, so the tests
see that the follower asks politely (only the new bytes, conditional requests) and
backs off on errors.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from forumlens.live import Follower, HttpSource, LiveOptions
from forumlens.live.sources import Appended, Problem, Replaced, Unchanged
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.store import Store

from .conftest import MAIN_SESSION


@dataclass
class Served:
    body: bytes = b""
    status: int = 200  # 200: serve the body; otherwise answer with this status
    ranges: bool = True
    content_type: str = "text/plain; charset=utf-8"
    requests: list[dict[str, str]] = field(default_factory=list)


def _handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            served.requests.append({k.lower(): v for k, v in self.headers.items()})
            if served.status != 200:
                self.send_response(served.status)
                self.send_header("Content-Length", "0")
                if served.status == 503:
                    self.send_header("Retry-After", "2")
                self.end_headers()
                return
            body = served.body
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            wanted = self.headers.get("Range", "")
            if served.ranges and wanted.startswith("bytes=") and wanted.endswith("-"):
                start = int(wanted[6:-1])
                if start >= len(body):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(body)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                part = body[start:]
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(part)))
                self.send_header("ETag", etag)
                self.send_header("Content-Type", served.content_type)
                self.end_headers()
                self.wfile.write(part)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Content-Type", served.content_type)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Served]]:
    served = Served()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/captions.txt", served
    finally:
        httpd.shutdown()
        httpd.server_close()


def _turns(data: bytes) -> list[tuple]:
    return [(t.index, t.line, t.label, t.text) for t in parse_document(read_bytes(data, "x.txt")).turns]


def test_a_growing_url_is_followed_with_range_and_conditional_requests(server, fresh_store: Store) -> None:
    url, served = server
    data = MAIN_SESSION.read_bytes()
    served.body = data[:10_000]
    follower = Follower(fresh_store, HttpSource(url), LiveOptions(interval=0.01, analyse_every=1e9))
    sid = follower.start()
    follower.step()
    previous = 10_000
    for end in (25_000, 40_000, len(data)):
        assert not follower.step()  # nothing new: answered 304 Not Modified
        assert served.requests[-1].get("if-none-match")
        served.body = data[:end]
        follower.step()
        request = served.requests[-1]
        assert request["range"].startswith("bytes=")  # only the new bytes (and a small overlap) were asked for
        assert previous - 100 < int(request["range"][6:-1]) < previous
        previous = end
        stored = [(t.index, t.line, t.label, t.text) for t in fresh_store.load_session(sid).turns]
        assert stored[:-1] == _turns(data[:end])[:-1]
    assert [(t.index, t.line, t.label, t.text) for t in fresh_store.load_session(sid).turns] == _turns(data)
    from forumlens.live.finalise import finalise

    finalise(follower, "test")
    follower.close()
    assert fresh_store.live_info(sid).state == "finished"  # type: ignore[union-attr]


def test_server_errors_back_off_and_a_rewritten_page_is_read_again(server) -> None:
    url, served = server
    served.body = b"Workshop\n" + b">> ANNA SMITH: Hello there, everyone.\n" * 4
    source = HttpSource(url, timeout=2)
    assert isinstance(source.poll(), Replaced)  # the first fetch is the whole page
    served.status = 404
    problem = source.poll()
    assert isinstance(problem, Problem) and "HTTP 404" in problem.message and "address" in problem.message
    served.status = 503
    problem = source.poll()
    assert isinstance(problem, Problem) and problem.retry_after == 2.0
    served.status = 200
    assert isinstance(source.poll(), Unchanged)
    served.body += b">> BEN JONES: Hi Anna.\n"
    grown = source.poll()
    assert isinstance(grown, Appended) and grown.data == b">> BEN JONES: Hi Anna.\n"
    served.body = served.body.replace(b"Hello", b"Howdy")  # rewritten before the point read
    assert isinstance(source.poll(), Problem)  # noticed by the overlap; the page is fetched whole next
    again = source.poll()
    assert isinstance(again, Replaced) and again.data == served.body and again.why
    source.close()


def test_a_server_that_ignores_range_is_still_followed(server) -> None:
    url, served = server
    served.ranges = False
    served.body = b"Workshop\n>> ANNA SMITH: Hello.\n" + b"x" * 200
    source = HttpSource(url, timeout=2)
    source.poll()
    served.body += b"\n>> BEN JONES: Hi.\n"
    grown = source.poll()
    assert isinstance(grown, Appended) and grown.data == b"\n>> BEN JONES: Hi.\n"
    assert "range" not in served.requests[-1] or not source._ranges
    source.close()


def test_timeouts_and_a_server_that_is_down_are_problems_not_crashes(fresh_store: Store) -> None:
    messages: list[str] = []
    follower = Follower(
        fresh_store,
        HttpSource("http://127.0.0.1:9/captions.txt", timeout=0.5),
        LiveOptions(interval=0.01, max_backoff=0.04),
        say=messages.append,
    )
    follower.start()
    for _ in range(4):
        assert not follower.step()
    assert sum("cannot reach" in m for m in messages) == 1  # said once, not at every retry
    assert follower._backoff == 0.04  # grew up to its ceiling
    follower.close()
