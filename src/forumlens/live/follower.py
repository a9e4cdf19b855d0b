"""Follow a growing caption source into the store, turn by turn, then finalise it.

The loop: poll the source → decode the new bytes (text.py) → parse the new tail
(tracker.py) → write the turns that are new or grew, in one transaction per poll
(`Store.live_update`). The session id is fixed when it starts, so a citation taken
during the session stays valid after it.

- **Crash safety.** Nothing the follower holds in memory is needed after a crash: a
  restart with the same SOURCE finds the session still in progress
  (`Store.live_session_of_source`), reads the source from its start, and its first
  write replaces every stored turn by index — nothing lost, nothing doubled. A follower
  holds the lease `live:<id>` (route/lease.py), so two cannot follow one session; a
  killed one's lease is taken over at once on the same machine.
- **Cost per update** is the size of the last turn (the tracker parses only the tail);
  the full analysis (people, questions so far, asks, speaking time) runs in a thread at
  most every `analyse_every` seconds on a snapshot, so it never delays a turn.
- **The end**: Ctrl-C (the CLI sets `stop`), `idle_exit` seconds without new bytes, or
  an end-of-session note in the captions ("(Session concluded)", "[END OF SESSION]")
  → finalise (finalise.py): the whole text through `ingest`'s pipeline, stored in place.
- **Bad sources** are reported once per kind of problem and retried with exponential
  backoff (up to `max_backoff`); the store is only ever written whole-poll at a time.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..errors import Busy, ForumlensError, InputError, NotFound
from ..format import counted
from ..ingest import IngestOptions
from ..models import Session
from ..pipeline import AnalysisOptions, analyse_session, merge_people_with_store
from ..read.html import looks_like_html
from ..store.base import Store
from ..store.live import LiveUpdate, live_lease_name
from .sources import Appended, Poll, Problem, Replaced, Source, Unchanged
from .text import Decoded, TextFeed
from .tracker import TurnChanges, TurnTracker

__all__ = ["END_MARKER", "Follower", "LiveOptions", "LiveResult", "utc_now"]

Say = Callable[[str], None]

# A stage note that says the session (meeting, captioning) is over, alone on its line:
# "(Session concluded)", "[ END OF SESSION ]", "(The meeting adjourned at 16:30)".
END_MARKER = re.compile(
    r"^[ \t]*(?:>>[ \t]*)?[(\[][^()\[\]\n]{0,40}?"
    r"(?:\b(?:end(?:s|ed)?|conclud\w*|adjourn\w*|closed?)\b[^()\[\]\n]{0,20}?"
    r"\b(?:session|meeting|captions?|captioning|transcript|workshop|forum)\b"
    r"|\b(?:session|meeting|captions?|captioning|transcript|workshop|forum)\b[^()\[\]\n]{0,20}?"
    r"\b(?:end(?:s|ed)?|conclud\w*|adjourn\w*|closed?)\b)"
    r"[^()\[\]\n]{0,40}[)\]][.]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


TEXT_EVERY = 5.0  # seconds between writes of the whole text while live (turns are written at once)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class LiveOptions:
    """How to follow: pacing, when to stop, and the ingest options finalisation uses."""

    title: str | None = None
    session: str | None = None  # continue this live session (its id), whatever its source
    interval: float = 1.0  # seconds between polls of a quiet source
    idle_exit: float | None = None  # finalise after this many seconds without new bytes
    analyse_every: float = 30.0  # at most one full analysis per this many seconds while live
    max_backoff: float = 60.0
    # seconds the follower's claim on the session outlives its last renewal (`run()` renews
    # every third of it); None: max(30 s, 10 polls). A follower driven by `step()` alone
    # renews nothing, so whoever steps it by hand sets this to outlast its pauses.
    lease_ttl: float | None = None
    finalise: bool = True
    ingest: IngestOptions = field(default_factory=IngestOptions)


@dataclass(frozen=True)
class LiveResult:
    session_id: str
    turns: int
    finished: bool
    reason: str  # "ended" (end-of-session note), "idle", "stopped"
    removed: bool = False  # no turn ever arrived: the empty session was removed from the store


class Follower:
    """One live session fed from one source; `run()` until the end, or `step()` by step."""

    def __init__(
        self,
        store: Store,
        source: Source,
        options: LiveOptions = LiveOptions(),
        *,
        say: Say = lambda message: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.source, self.options = store, source, options
        self.say, self.clock = say, clock
        self.feed = TextFeed(source.name)
        self.tracker = TurnTracker(source.name)
        self.session_id = ""
        self.identity = ""
        self.ended = False
        self.already_finished = False  # the source's session was finalised already (same content)
        self._pending: Poll | None = None
        self._text_written = -TEXT_EVERY
        self._synced = False  # the first write after (re)starting replaces every stored turn
        self._owner = ""
        self._backoff = 0.0
        self._last_problem: str | None = None
        self._absent = False  # the last problem was a source that does not exist yet
        self._last_growth = clock()
        self._last_keep = clock()
        self._analysis_due = clock() + options.analyse_every
        self._analysed_turns = -1
        self._pool: ThreadPoolExecutor | None = None
        self._analysis: Future[dict[str, Any]] | None = None
        self.updates = 0

    # -- starting -------------------------------------------------------------------------
    def start(self) -> str:
        """Resume the source's session in progress (or `options.session`), else begin one; take its lease."""
        from ..route.lease import acquire, holder, new_owner

        info = None
        if self.options.session:
            info = self.store.live_info(self.store.resolve_ref(self.options.session))
            if info is None or info.state != "live":
                raise NotFound(
                    f"session {self.options.session} is not a live session in progress",
                    hint="leave out --session to start a new one for this source",
                )
        else:
            info = self.store.live_session_of_source(self.source.name)
            if info is not None and info.state != "live" and self._same_as_finished(info.content_sha256):
                self.session_id, self.already_finished = info.id, True
                self.say(f"{self.source.name} was already followed to its end: session {info.id}; nothing to do")
                return info.id
            if info is not None and info.state != "live":
                info = None  # the source now holds another session: follow it as a new one
        if info is not None:
            self.session_id = info.id
            self.identity = self.store.load_session(info.id).sha256
            self.say(f"resuming live session {info.id} ({counted(info.turns, 'turn')} stored) from {self.source.name}")
        else:
            started = utc_now()
            self.identity = hashlib.sha256(
                f"forumlens-live\0{self.source.name}\0{started}\0{uuid.uuid4().hex}".encode()
            ).hexdigest()
            self.session_id = self.identity[:12]
            title = self.options.title or f"Live: {self.source.name.rsplit('/', 1)[-1]}"
            self.store.live_begin(self.session_id, self.identity, self.source.name, title, None, started)
            self.say(f"live session {self.session_id} started from {self.source.name}")
        self._owner = new_owner()
        if not acquire(self.store, live_lease_name(self.session_id), self._owner, self._ttl):
            current = holder(self.store, live_lease_name(self.session_id))
            raise Busy(
                f"live session {self.session_id} is already being followed ({current[0] if current else 'another process'})",
                hint="stop the other follower first; a crashed one's lease lapses within a minute",
            )
        return self.session_id

    def _same_as_finished(self, content_sha256: str | None) -> bool:
        """Does the source hold exactly the text of its finished session (a restart after finalisation)?

        The poll is kept for the first `step`, so nothing read here is lost.
        """
        self._pending = self.source.poll()
        if isinstance(self._pending, Appended | Replaced):
            return hashlib.sha256(self._pending.data).hexdigest() == content_sha256
        return False

    @property
    def _ttl(self) -> float:
        if self.options.lease_ttl is not None:
            return self.options.lease_ttl
        return max(30.0, 10 * self.options.interval)

    # -- one poll ---------------------------------------------------------------------------
    def step(self) -> bool:
        """Poll the source once and store what changed; True when new text arrived."""
        poll, self._pending = self._pending or self.source.poll(), None
        if isinstance(poll, Problem):
            if poll.message != self._last_problem:
                self.say(poll.message)
            self._last_problem = poll.message
            self._absent = poll.absent
            base = self._backoff * 2 if self._backoff else self.options.interval
            self._backoff = min(self.options.max_backoff, base)
            if poll.retry_after is not None:  # a server's Retry-After, or NO_BACKOFF: the normal interval
                self._backoff = min(self.options.max_backoff, max(poll.retry_after, self.options.interval))
            return False
        if self._last_problem is not None:
            self.say(f"{self.source.name}: {'created; reading it' if self._absent else 'reading again'}")
        self._backoff, self._last_problem = 0.0, None
        if isinstance(poll, Unchanged):
            return False
        decoded = self._decode(poll)
        if decoded.note:
            self.say(f"{self.source.name}: {decoded.note}")
        changes = self.tracker.reset(decoded.text) if decoded.whole else self.tracker.append(decoded.text)
        if decoded.text:
            self._last_growth = self.clock()
            if END_MARKER.search(self.tracker.text, max(0, len(self.tracker.text) - len(decoded.text) - 200)):
                self.ended = True
        if changes or not self._synced:
            self._write(changes)
        return bool(decoded.text)

    def _decode(self, poll: Appended | Replaced) -> Decoded:
        if isinstance(poll, Appended):
            return self.feed.append(poll.data)
        if poll.why:
            self.say(poll.why)
        if looks_like_html(poll.data):  # a caption page: its visible text, as `ingest` reads it
            from ..read import read_bytes

            try:
                text = read_bytes(poll.data, self.source.name).text
            except ForumlensError as exc:
                self.say(f"{self.source.name}: {exc.render()}")
                return Decoded("")
            old, self.feed.text = self.feed.text, text
            self.feed.raw = bytearray(poll.data)
            return Decoded(text[len(old) :]) if text.startswith(old) else Decoded(text, whole=True)
        return self.feed.replace(poll.data)

    def _write(self, changes: TurnChanges, *, with_text: bool = False) -> None:
        tracker = self.tracker
        first = changes.first if self._synced else 0
        # the whole text is the one part of a write that grows with the session: it is written
        # at most every TEXT_EVERY seconds (the turns, which search and the live page read, always)
        now = self.clock()
        with_text = with_text or not self._synced or changes.first == 0 or now - self._text_written >= TEXT_EVERY
        if with_text:
            self._text_written = now
        self.store.live_update(
            LiveUpdate(
                session_id=self.session_id,
                text=tracker.text if with_text else None,
                first=first,
                turns=tuple(tracker.turns[first:]),
                turn_count=len(tracker.turns),
                word_count=tracker.word_count,
                speaker_count=tracker.speaker_count,
                speakers=tracker.label_rows(set(changes.labels) | (set(tracker.labels) if not self._synced else set())),
                title=self.options.title or tracker.title or f"Live: {self.source.name.rsplit('/', 1)[-1]}",
                year=tracker.year,
                updated_at=utc_now(),
                bytes=len(self.feed.raw),
            )
        )
        self._synced = True
        self.updates += 1

    # -- analysis while live --------------------------------------------------------------
    def _snapshot(self) -> Session:
        t = self.tracker
        title = self.options.title or t.title
        return Session(title, self.identity, self.source.name, tuple(t.turns), t.text, t.year)

    def analyse(self, *, wait: bool = False) -> None:
        """Start the debounced analysis when due; store a finished one (all of it with `wait`)."""
        if self._analysis is not None and (wait or self._analysis.done()):
            future, self._analysis = self._analysis, None
            try:
                analyses = future.result()
            except Exception as exc:  # an analysis bug must not stop the captions
                self.say(f"analysis while live failed ({type(exc).__name__}: {exc}); turns are still stored")
            else:
                if "people" in analyses:
                    analyses["people"] = merge_people_with_store(analyses["people"], self.store.known_people())
                self.store.replace_analyses(self.session_id, analyses)
        due = self.clock() >= self._analysis_due
        if self._analysis is None and due and self.tracker.turns and len(self.tracker.turns) != self._analysed_turns:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="forumlens-live-analysis")
            wpm = self.options.ingest.words_per_minute
            self._analysis = self._pool.submit(analyse_session, self._snapshot(), AnalysisOptions(wpm))
            self._analysed_turns = len(self.tracker.turns)
            self._analysis_due = self.clock() + self.options.analyse_every
            if wait:
                self.analyse(wait=True)

    # -- the loop ---------------------------------------------------------------------------
    def keep_lease(self) -> None:
        from ..route.lease import renew

        if self.clock() - self._last_keep >= self._ttl / 3:
            if not renew(self.store, live_lease_name(self.session_id), self._owner, self._ttl):
                raise Busy(
                    f"live session {self.session_id}: another follower took over (this one stalled)",
                    hint="only one follower per session; this one stops",
                )
            self._last_keep = self.clock()

    def run(self, stop: threading.Event | None = None) -> LiveResult:
        """Follow until the end-of-session note, `idle_exit` or `stop`; then finalise (unless told not to)."""
        stop = stop or threading.Event()
        if not self.session_id:
            self.start()
        if self.already_finished:
            self.close()
            info = self.store.live_info(self.session_id)
            return LiveResult(self.session_id, info.turns if info else 0, True, "already-finished")
        reason = "stopped"
        try:
            while not stop.is_set():
                grew = self.step()
                self.analyse()
                self.keep_lease()
                if self.ended:
                    reason = "ended"
                    break
                idle = self.options.idle_exit
                if idle is not None and self.clock() - self._last_growth >= idle:
                    reason = "idle"
                    break
                if not grew:
                    stop.wait(self._backoff or self.options.interval)
            finished = False
            if not self.tracker.turns and self._discard_empty():
                return LiveResult(self.session_id, 0, False, reason, removed=True)
            if not self.options.finalise and self._synced:  # leave the stored text whole for the pages
                self._write(TurnChanges(len(self.tracker.turns), (), len(self.tracker.turns)), with_text=True)
            if self.options.finalise:
                self.step()  # whatever arrived since the last poll
                from .finalise import finalise

                finalise(self, reason)
                finished = True
            return LiveResult(self.session_id, len(self.tracker.turns), finished, reason)
        except InputError as exc:  # the source turned unreadable mid-session (a binary write, NUL padding)
            raise self._left_open(exc) from exc
        finally:
            self.close()

    def _left_open(self, exc: InputError) -> InputError:
        """`exc` told as a live follower's stop: the line the bad bytes start on, the session left open, the fix.

        Why: a captioning client that crashed and padded the file with NUL bytes stopped the follower
        with ingest's advice ("give a transcript …"), no line, and a session listed "live (in
        progress)" with no word on what became of it.
        """
        line = exc.line
        if not self.tracker.turns and self.store.discard_empty_live_session(self.session_id):
            return type(exc)(
                f"{exc.message}; the follower stopped before any turn arrived",
                source=exc.source or self.source.name,
                line=line,
                hint=f"live session {self.session_id} removed: fix the file and run `forumlens live` again",
            )
        return type(exc)(
            f"{exc.message}; the follower stopped after {counted(len(self.tracker.turns), 'turn')}",
            source=exc.source or self.source.name,
            line=line,
            hint=f"live session {self.session_id} is left open with what was stored: remove the bad bytes from the "
            "file and run the same command to resume it, or `forumlens ingest` the corrected file when it is over",
        )

    def _discard_empty(self) -> bool:
        """Remove the session when the source never delivered a turn (one transaction); True if removed.

        Whatever arrived since the last poll is read first, so a turn that came at the last
        moment is kept (and finalised). An empty "live" session left open would be listed
        and resumed forever; a later `forumlens live SOURCE` simply starts a new one.
        """
        self.step()
        if self.tracker.turns:
            return False
        if not self.store.discard_empty_live_session(self.session_id):
            return False
        self.say(
            f"live session {self.session_id} removed: no caption turn arrived from {self.source.name}"
            " (run `forumlens live` again when captions are being written)"
        )
        return True

    def close(self) -> None:
        from ..route.lease import release

        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self._owner:
            with contextlib.suppress(ForumlensError):  # the store is gone too: the lease lapses by itself
                release(self.store, live_lease_name(self.session_id), self._owner)
            self._owner = ""
        self.source.close()
