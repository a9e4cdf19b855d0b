"""How busy this worker is: HTTP requests in flight, for optional work that can wait.

Related items of a session on a large store cost tens of milliseconds of CPU. Starting
that work in the background while other requests are waiting would take the CPU they
need, so `web/related.py` only starts it when this worker has no other request in
flight; under load, pages link to the related items instead, and they are filled in
once the worker is quiet again.
"""

from __future__ import annotations

import threading

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["ActivityCounter", "requests_in_flight"]

_active = 0
_lock = threading.Lock()


def requests_in_flight() -> int:
    """HTTP requests this process is serving right now (the caller's own included)."""
    return _active


class ActivityCounter:
    """ASGI middleware: counts HTTP requests between their start and their end."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        global _active
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with _lock:
            _active += 1
        try:
            await self.app(scope, receive, send)
        finally:
            with _lock:
                _active -= 1
