"""Live sessions in the portal: the page that grows without reload, and its event stream.

`/sessions/{id}/live` shows the turns so far, speaking-time bars, the questions so far
and a "live" badge; a small script (static/live.js) listens to
`/api/sessions/{id}/events` (Server-Sent Events) and appends or updates turns in place.
Without JavaScript the page refreshes itself every few seconds (<meta refresh> inside
<noscript>). The home page lists the sessions in progress (`live_in_progress`).

The event stream polls the store (one small indexed query per half second per
listener, run off the event loop) rather than being told by the follower: the follower
may be another process on another machine, and the store is what they share. Events:
`turn` (a new or grown turn, JSON as in the `parse` contract plus `end_line`), `state`
(the live state: turns, words, following), `questions` (the questions so far, when the
debounced analysis changed them) and `end` (the session was finalised; the stream stops).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from ..errors import NotFound
from ..store.base import Store
from ..store.live import LiveInfo
from . import views
from .cache import NO_STORE_HEADER
from .pages import templates

__all__ = ["POLL_SECONDS", "router", "sse"]

POLL_SECONDS = 0.5  # how often a listener looks for new turns
REFRESH_SECONDS = 10  # how often the page reloads itself without JavaScript
QUESTION_CHECK_EVERY = 10  # polls between looks at the questions analysis
MAX_STREAM_SECONDS = 3600.0  # a listener reconnects after this (EventSource does it by itself)

router = APIRouter(include_in_schema=True)


def sse(event: str, data: Any, event_id: str | None = None) -> str:
    """One Server-Sent Event: JSON data on one line (JSON never holds a raw newline)."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _reader(request: Request) -> Store:
    store: Store = request.app.state.stores.reader()
    return store


def _live_info(store: Store, ref: str) -> LiveInfo:
    sid = store.resolve_ref(ref)
    info = store.live_info(sid)
    if info is None:
        raise NotFound(f"session {sid} was not followed live", hint=f"its page is /sessions/{sid}")
    return info


def _turn_json(turn: Any) -> dict[str, Any]:
    return {**turn.to_json(), "end_line": turn.end_line, "words": len(turn.text.split())}


def _state_json(info: LiveInfo) -> dict[str, Any]:
    return {k: getattr(info, k) for k in ("id", "state", "turns", "words", "following", "updated_at", "title")}


def _questions(store: Store, sid: str) -> list[dict[str, Any]]:
    found = store.analysis(sid, "questions")
    return [q for q in found if isinstance(q, dict)] if isinstance(found, list) else []


@router.get("/api/sessions/{session_id}/events", tags=["read"], summary="New turns of a live session (SSE)")
async def session_events(
    request: Request, session_id: str, after: int = Query(0, ge=0, le=1_000_000, description="first turn index wanted")
) -> StreamingResponse:
    """A stream of Server-Sent Events: `turn` for each new or grown turn from `after` on, `state`,
    `questions`, and `end` once the session is finalised. Reconnecting with `Last-Event-ID` resumes."""
    last_id = request.headers.get("last-event-id", "")
    if last_id.isdigit():  # our ids are turn indexes: resume at the last one (it may have grown since)
        after = int(last_id)
    store = await anyio.to_thread.run_sync(_reader, request)
    info = await anyio.to_thread.run_sync(_live_info, store, session_id)
    return StreamingResponse(
        _events(request, info.id, after),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no", NO_STORE_HEADER: "no-store"},
    )


async def _events(request: Request, sid: str, after: int) -> AsyncIterator[str]:
    sent: dict[int, tuple[Any, ...]] = {}  # index → what was sent, so a turn is sent again only when it changed
    questions: Any = None
    state: dict[str, Any] | None = None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + MAX_STREAM_SECONDS
    yield "retry: 2000\n\n"
    polls = 0
    while loop.time() < deadline:

        def fetch(first: int, check_questions: bool) -> tuple[LiveInfo | None, list[Any], Any]:
            store = _reader(request)
            return (
                store.live_info(sid),
                store.turns_from(sid, first),
                _questions(store, sid) if check_questions else None,
            )

        first = max(after, max(sent) - 2) if sent else after  # the last turns may still grow
        info, turns, found = await anyio.to_thread.run_sync(fetch, first, polls % QUESTION_CHECK_EVERY == 0)
        if info is None:  # the session was removed
            yield sse("end", {"id": sid, "state": "removed"})
            return
        for turn in turns:
            key = (turn.line, turn.label, turn.kind, turn.text)
            if sent.get(turn.index) != key:
                sent[turn.index] = key
                yield sse("turn", _turn_json(turn), str(turn.index))
        now = _state_json(info)
        if now != state:
            state = now
            yield sse("state", now)
        if found is not None and found != questions:
            questions = found
            yield sse("questions", found)
        if info.state != "live":
            yield sse("end", now)
            return
        polls += 1
        if await request.is_disconnected():
            return
        await asyncio.sleep(POLL_SECONDS)


@router.get("/sessions/{session_id}/live", include_in_schema=False, response_class=HTMLResponse)
def live_page(request: Request, session_id: str) -> Response:
    """The live page: turns so far, speaking time, questions so far; it grows by itself."""
    store = _reader(request)
    info = _live_info(store, session_id)
    detail = views.session_detail(store, info.id)
    wpm = float(request.app.state.settings.words_per_minute)
    turns = [_turn_json(t) for t in store.turns_from(info.id, 0)]
    response = templates.TemplateResponse(
        request,
        "live.html",
        {
            "info": info,
            "s": detail,
            "turns": turns,
            "speakers": views.speaking_time({"turns": turns}, wpm),  # from the turns so far: analysis lags
            "questions": _questions(store, info.id),
            "refresh": REFRESH_SECONDS if info.state == "live" else None,
            "after": turns[-1]["index"] if turns else 0,
            "wpm": wpm,
        },
    )
    if info.state == "live":
        response.headers[NO_STORE_HEADER] = "no-store"  # it changes every second; never replay it
    return response


def live_in_progress(request: Request) -> list[LiveInfo]:
    """Sessions being captioned now, for the home page."""
    return _reader(request).live_sessions()


templates.env.globals["live_in_progress"] = live_in_progress
