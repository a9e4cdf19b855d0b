"""Where live captions come from: a file a captioning client appends to, or a URL that grows.

Each source answers `poll()` with one plain value — new bytes (`Appended`), the whole
content anew (`Replaced`, with why), nothing new (`Unchanged`) or a problem to report
and retry after a pause (`Problem`) — and never raises for a bad source: a vanished file,
a truncated or rewritten one, HTTP 404/500 or a timeout are the normal life of a live
session, and the follower (follower.py) decides how long to wait.

The HTTP source is polite: conditional requests (`If-None-Match`, `If-Modified-Since`),
`Range: bytes=N-` from where it stopped (with a few bytes of overlap, so a page that
was rewritten is noticed), and `Retry-After` honoured. httpx is imported only here, only
when a URL is followed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Final, Protocol

__all__ = [
    "NO_BACKOFF",
    "Appended",
    "FileSource",
    "HttpSource",
    "Poll",
    "Problem",
    "Replaced",
    "Source",
    "Unchanged",
    "open_source",
]

OVERLAP = 64  # bytes read again before the new ones, to notice a source rewritten in place
MAX_READ = 8 * 2**20  # at most this much per poll (a huge burst is taken in slices)


@dataclass(frozen=True)
class Appended:
    data: bytes


@dataclass(frozen=True)
class Replaced:
    data: bytes
    why: str | None = None  # None: an expected full fetch (an HTML page), nothing to report


@dataclass(frozen=True)
class Unchanged:
    pass


# `Problem.retry_after` of a problem that is no failure (a caption file not created yet): poll
# again at the normal interval, with no back-off, so the first captions are not read late.
# (None, the default, backs off as after any failure; a number is a server's Retry-After.)
NO_BACKOFF: Final = 0.0


@dataclass(frozen=True)
class Problem:
    message: str
    retry_after: float | None = None  # None: back off; NO_BACKOFF: the normal interval; else seconds to wait
    absent: bool = False  # the source has not existed yet (a caption file not created so far): not a failure


Poll = Appended | Replaced | Unchanged | Problem


class Source(Protocol):
    """A growing source of caption bytes."""

    name: str  # what is stored as the session's source: an absolute path or the URL

    def poll(self) -> Poll: ...

    def close(self) -> None: ...


class FileSource:
    """A local file that grows: read from where we stopped; notice truncation, rewrites, replacement."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser().resolve()
        self.name = str(self.path)
        self.offset = 0
        self._tail = b""  # the last OVERLAP bytes read
        self._inode: tuple[int, int] | None = None

    def poll(self) -> Poll:
        try:
            with self.path.open("rb") as handle:
                stat = os.fstat(handle.fileno())
                inode = (stat.st_dev, stat.st_ino)
                if self._inode is not None and inode != self._inode:
                    return self._reread(handle, inode, "was replaced by another file (new inode)")
                self._inode = inode
                if stat.st_size < self.offset:
                    return self._reread(
                        handle, inode, f"shrank from {self.offset} to {stat.st_size} bytes (truncated or rewritten)"
                    )
                if stat.st_size == self.offset:
                    return Unchanged()
                start = max(0, self.offset - len(self._tail))
                handle.seek(start)
                data = handle.read(self.offset - start + MAX_READ)
                if data[: self.offset - start] != self._tail:
                    return self._reread(handle, inode, "was rewritten (bytes already read have changed)")
                new = data[self.offset - start :]
                self._advance(new)
                return Appended(new)
        except FileNotFoundError:
            if self._inode is None:  # never seen: captioning has not started, or the name is mistyped
                return Problem(
                    f"{self.name} does not exist yet: waiting for captions to be written there (check the name)",
                    retry_after=NO_BACKOFF,
                    absent=True,
                )
            return Problem(f"{self.name}: the file is gone (moved or deleted?); waiting for it to come back")
        except IsADirectoryError:
            return Problem(f"{self.name}: is a folder, not a caption file; give the file inside it")
        except PermissionError:
            return Problem(f"{self.name}: permission denied; check who may read the file")
        except OSError as exc:
            return Problem(f"{self.name}: cannot read the file: {exc.strerror or exc}")

    def _advance(self, new: bytes) -> None:
        self.offset += len(new)
        self._tail = (self._tail + new)[-OVERLAP:]

    def _reread(self, handle: Any, inode: tuple[int, int], why: str) -> Poll:
        handle.seek(0)
        data = handle.read()
        self._inode, self.offset, self._tail = inode, 0, b""
        self._advance(data)
        return Replaced(data, f"{self.name}: {why}; reading it again from the start")

    def close(self) -> None:
        pass


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        from datetime import UTC, datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


class HttpSource:
    """A URL of a caption page or plain-text stream that grows, polled with conditional requests and Range."""

    def __init__(self, url: str, *, timeout: float = 10.0, client: Any = None) -> None:
        import httpx  # only a URL source needs it

        self.name = url
        self.url = url
        self._httpx = httpx
        self._client = client or httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": "forumlens-live"}
        )
        self.raw = b""
        self._etag: str | None = None
        self._modified: str | None = None
        self._ranges = True  # until the server shows it ignores Range
        self._html = False

    def _headers(self) -> dict[str, str]:
        headers = {"Accept-Encoding": "identity"}  # byte offsets are offsets of the body as sent
        if self._etag:
            headers["If-None-Match"] = self._etag
        elif self._modified:
            headers["If-Modified-Since"] = self._modified
        if self._ranges and not self._html and len(self.raw) > OVERLAP:
            headers["Range"] = f"bytes={len(self.raw) - OVERLAP}-"
        return headers

    def poll(self) -> Poll:
        httpx = self._httpx
        headers = self._headers()
        try:
            response = self._client.get(self.url, headers=headers)
        except httpx.TimeoutException:
            return Problem(f"{self.url}: timed out; retrying")
        except httpx.HTTPError as exc:
            return Problem(f"{self.url}: cannot reach the server ({type(exc).__name__}: {exc}); retrying")
        status = response.status_code
        if status == 304:
            return Unchanged()
        if status == 416:  # the range starts past the end: the page shrank, or nothing is new
            self._ranges, self._etag, self._modified = False, None, None
            return Unchanged()
        if status >= 400:
            hint = "is the address right? retrying" if status == 404 else "retrying"
            return Problem(
                f"{self.url}: HTTP {status} {response.reason_phrase}; {hint}",
                _retry_after(response.headers.get("retry-after")),
            )
        self._etag = response.headers.get("etag")
        self._modified = response.headers.get("last-modified")
        self._html = "html" in response.headers.get("content-type", "")
        body = response.content
        if status == 206:
            return self._partial(body, response.headers.get("content-range", ""))
        if "Range" in headers:
            self._ranges = False  # a full answer to a range request: the server ignores Range
        return self._whole(body)

    def _partial(self, body: bytes, content_range: str) -> Poll:
        start = len(self.raw) - OVERLAP
        if not content_range.startswith(f"bytes {start}-") or body[:OVERLAP] != self.raw[-OVERLAP:]:
            self._ranges, self._etag, self._modified = False, None, None  # fetch it whole next time
            return Problem(f"{self.url}: the page changed before the point already read; fetching it whole", 0.0)
        new = body[OVERLAP:]
        self.raw += new
        return Appended(new) if new else Unchanged()

    def _whole(self, body: bytes) -> Poll:
        if body == self.raw:
            return Unchanged()
        if not self._html and self.raw and body.startswith(self.raw):
            new = body[len(self.raw) :]
            self.raw = body
            return Appended(new)
        why = None if self._html or not self.raw else f"{self.url}: the page was rewritten; reading it again"
        self.raw = body
        return Replaced(body, why)

    def close(self) -> None:
        self._client.close()


def open_source(spec: str) -> Source:
    """A file path or an http(s):// URL (the scheme in any case, as `ingest` reads it: HTTPS://…)."""
    if spec.lower().startswith(("http://", "https://")):
        return HttpSource(spec)
    return FileSource(spec)
