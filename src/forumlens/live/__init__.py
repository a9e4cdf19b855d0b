"""Live mode: the record grows while the captions arrive (`forumlens live SOURCE`).

The same pipeline as `ingest`, fed turn by turn from a growing caption file or URL:
`sources` polls, `text` decodes what arrived, `tracker` parses only the new tail,
`follower` stores each change in its own transaction and runs the debounced analysis,
`finalise` turns the finished session into an ordinary one through `ingest`, and
`events` shapes what the portal streams to a live page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ..store.base import Store
from .follower import END_MARKER, Follower, LiveOptions, LiveResult
from .sources import FileSource, HttpSource, open_source
from .text import TextFeed
from .tracker import TurnChanges, TurnTracker

__all__ = [
    "END_MARKER",
    "FileSource",
    "Follower",
    "HttpSource",
    "LiveOptions",
    "LiveResult",
    "TextFeed",
    "TurnChanges",
    "TurnTracker",
    "follow",
    "open_source",
]


def follow(
    store: Store,
    spec: str,
    options: LiveOptions = LiveOptions(),
    *,
    say: Callable[[str], None] = lambda message: None,
    stop: threading.Event | None = None,
) -> LiveResult:
    """Follow `spec` (a file path or an http(s) URL) into `store` until the session ends."""
    return Follower(store, open_source(spec), options, say=say).run(stop)
