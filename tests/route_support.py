"""Real loopback servers and store helpers for the route tests (no mocks).

`SmtpSink` is an aiosmtpd server on 127.0.0.1 that keeps every message it receives;
`WebhookSink` is a stdlib HTTP server in a thread that verifies each request's
HMAC signature and can be told to fail the first N requests.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

from aiosmtpd.controller import Controller

from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.route.signing import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    verify,
)
from forumlens.store.base import Store

RESOURCES = Path(__file__).resolve().parent / "resources" / "route"
ROUNDTABLE = RESOURCES / "dc-roundtable.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def store_session(store: Store, path: Path = ROUNDTABLE, analyses: dict[str, Any] | None = None) -> str:
    """Ingest a transcript with the analyses we wrote (the contract shapes of DESIGN.md)."""
    document = read_bytes(path.read_bytes(), str(path))
    session = parse_document(document)
    if analyses is None:
        analyses_path = path.with_name(path.stem + ".analyses.json")
        analyses = json.loads(analyses_path.read_text("utf-8")) if analyses_path.exists() else {}
    return store.save_session(document, session, analyses)


class _Handler:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.original_content or envelope.content))
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


class SmtpSink:
    """A real SMTP server on loopback; `stop()` and `start()` simulate an outage."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.handler = _Handler()
        self.controller: Controller | None = None

    @property
    def messages(self) -> list[Message]:
        return self.handler.messages

    def start(self) -> Self:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class WebhookSink:
    """A real HTTP server that checks signatures; answers `fail_first` requests with 500."""

    def __init__(self, secret: str = "", fail_first: int = 0) -> None:
        self.secret = secret
        self.fail_first = fail_first
        self.requests: list[dict[str, Any]] = []  # every request, accepted or not
        self.lock = threading.Lock()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                valid = verify(
                    body,
                    sink.secret,
                    self.headers.get(TIMESTAMP_HEADER),
                    self.headers.get(SIGNATURE_HEADER),
                    now=time.time(),
                )
                with sink.lock:
                    failing = len(sink.requests) < sink.fail_first
                    sink.requests.append(
                        {
                            "headers": {k.lower(): v for k, v in self.headers.items()},
                            "body": body,
                            "valid": valid,
                            "failed": failing or not valid,
                        }
                    )
                self.send_response(500 if failing else (200 if valid else 401))
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/forumlens"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def accepted(self) -> list[dict[str, Any]]:
        """Requests answered 2xx, deduplicated on the delivery key as a receiver would."""
        seen: dict[str, dict[str, Any]] = {}
        for r in self.requests:
            if not r["failed"]:
                seen.setdefault(r["headers"][DELIVERY_HEADER.lower()], r)
        return list(seen.values())

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
