"""Errors of the web as a web reader can act on them: a bad query value in words, a hint without CLI commands.

FastAPI checks query values against their declared types and bounds and reports what failed in
pydantic's terms ("Input should be greater than or equal to 1"); a reader who typed `page=0`
wants to hear that pages start at 1. And the store's errors are written for the command line
("list them with `forumlens sessions`"): an API client cannot run that, but it can call the
endpoint that lists the same things. Pure functions over the error records; `app.py` renders them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["api_hint", "invalid_request_message"]

# the command lines an error's hint may name, and the API endpoint that lists the same things
_COMMAND_ENDPOINTS = {
    "sessions": "/api/sessions",
    "coalitions": "/api/coalitions",
    "people": "/api/people",
    "threads": "/api/threads",
    "glossary": "/api/glossary",
    "search": "/api/search",
}
_COMMAND = re.compile(r"`forumlens ([a-z]+)[^`]*`")


def api_hint(hint: str | None) -> str | None:
    """An error's hint for an API client: each CLI command it names becomes the endpoint that answers the same.

    >>> api_hint("list them with `forumlens sessions`")
    'list them with GET /api/sessions'

    A hint whose command has no endpoint (`forumlens embed` on the server, say) is meant for
    whoever runs the server and is kept as it is.
    """
    if not hint:
        return hint

    def endpoint(found: re.Match[str]) -> str:
        url = _COMMAND_ENDPOINTS.get(found.group(1))
        return f"GET {url}" if url else found.group(0)

    return _COMMAND.sub(endpoint, hint)


def _one(error: Mapping[str, Any]) -> str:
    """One failed value in words: which parameter, what was given, what is accepted."""
    loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body", "header")]
    name = loc[-1] if loc else "a value"
    given = error.get("input")
    ctx = error.get("ctx") or {}
    kind = str(error.get("type", ""))
    shown = f"{name}={given}" if isinstance(given, str | int | float) else name
    if kind == "missing":
        return f"{name} is missing: add ?{name}=…"
    if kind in ("greater_than_equal", "greater_than"):
        least = ctx.get("ge", ctx.get("gt"))
        if name == "page":
            return f"{shown}: pages are numbered from 1"
        return f"{shown} is too small: give {'at least' if 'ge' in ctx else 'more than'} {least}"
    if kind in ("less_than_equal", "less_than"):
        most = ctx.get("le", ctx.get("lt"))
        return f"{shown} is too large: give {'at most' if 'le' in ctx else 'less than'} {most}"
    if kind == "int_parsing":
        return f"{shown} is not a whole number" + (": pages are numbered from 1" if name == "page" else "")
    if kind == "float_parsing":
        return f"{shown} is not a number"
    if kind == "bool_parsing":
        return f"{shown} is not a yes or no: give true or false"
    if kind == "string_too_long":
        return f"{name} is too long: at most {ctx.get('max_length')} characters"
    return f"{name}: {error.get('msg', 'not accepted')}"


def invalid_request_message(errors: Iterable[Mapping[str, Any]]) -> str:
    """The message of a request whose query values failed their checks, each value in words."""
    return "invalid request: " + "; ".join(_one(error) for error in errors)
