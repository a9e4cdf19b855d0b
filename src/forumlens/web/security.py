"""Access rules of the portal: security headers, the admin token, upload checks.

Reading is public; every write needs `FORUMLENS_ADMIN_TOKEN` as a bearer token (or
an `X-Admin-Token` header, as the subscriber API accepts), compared in constant time. With no token set, writes
are refused outright, so a fresh install is read-only until someone chooses a token.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ForumlensError

__all__ = [
    "CSP",
    "DOCS_CSP",
    "BadCharacter",
    "Forbidden",
    "SecurityHeaders",
    "Unauthorized",
    "WritesDisabled",
    "refuse_nul",
    "require_admin",
]

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI sets style attributes from its own script; only its page gets that allowance.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class Unauthorized(ForumlensError):
    status = 401


class Forbidden(ForumlensError):
    status = 403


class WritesDisabled(ForumlensError):
    """No admin token is configured: the server is read-only (503, like the subscriber API)."""

    status = 503


class BadCharacter(ForumlensError):
    status = 400


# the search routes remove control characters themselves and say so on the page (`clean_search_input`)
_CLEANED_HERE = frozenset({"/search", "/api/search"})


def refuse_nul(request: Request) -> None:
    """App-wide dependency: a NUL (%00) in the path or a query value is a 400 that names where it is.

    No stored text holds a NUL, and PostgreSQL refuses one in a text parameter, so the same
    request was a 500 there and an empty answer on SQLite; now it is the same clear 400 on both.
    """
    if request.url.path in _CLEANED_HERE:
        return
    where = ["the path"] if "\x00" in request.url.path else []
    where += [f"?{key}=" for key, value in request.query_params.multi_items() if "\x00" in key + value]
    if where:
        raise BadCharacter(
            f"the address holds a NUL character (%00) in {', '.join(where)}",
            hint="remove it; no transcript, name or code contains one",
        )


class SecurityHeaders:
    """ASGI middleware: CSP, nosniff, frame denial and a referrer policy on every response.

    Pure ASGI rather than `BaseHTTPMiddleware`, which costs a task per request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope["path"].startswith("/api/docs") else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", policy)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "same-origin")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _presented_token(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return (request.headers.get("x-admin-token") or request.headers.get("x-forumlens-token") or "").strip()


def require_admin(request: Request) -> None:
    """FastAPI dependency for write endpoints: the configured admin token, or 401/403."""
    expected = str(request.app.state.settings.values.get("admin_token") or "")
    if not expected:
        raise WritesDisabled(
            "writing is disabled on this server: no admin token is set",
            hint="set FORUMLENS_ADMIN_TOKEN and restart `forumlens serve`",
        )
    given = _presented_token(request)
    if not given:
        raise Unauthorized("this endpoint needs the admin token", hint="send it as 'Authorization: Bearer TOKEN'")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("the admin token is wrong")
