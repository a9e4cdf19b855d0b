"""Live sessions in the store: a session whose turns arrive while it is captioned.

Why a mixin of its own: a live session is written many times (each new or grown turn in
its own transaction) and then finalised into an ordinary session, and the portal reads
it while it grows. Every statement is portable SQL over the `SQLBase` primitives, so
both back ends share it.

Where the live state lives (no new table): the details in `documents.meta` under the key
`"live"` (`{"state": "live" | "finished", "source", "started_at", "updated_at", "bytes",
"content_sha256"}`), and two kinds of never-lapsing rows of the `leases` table as the
indexed keys to find them — `live-source:<source>` → the source's last live session,
`live-content:<sha256>` → session id once finished — so that neither `ingest`
(which asks for every file) nor the home page scans `documents`.

The session's id never changes, so citations and page addresses taken during the
session stay valid: `documents.sha256` holds an identity hash whose first 12 characters
are the id (as for every session), and the content hash of the finished text is the
`live-content:` key, which a later `ingest` of the finished file finds (no second copy).
A follower holds the ordinary lease `live:<id>` while it runs (`LiveInfo.following`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import Busy, NotFound
from ..models import Document, Session, Turn
from ..transcript.speakers import name_key
from .common import SQLBase, Tx
from .credited import recredit
from .rows import DOCUMENT_COLUMNS, SESSION_COLUMNS, SPEAKER_COLUMNS, TURN_READ, session_rows, turn_of

__all__ = ["LIVE_LEASE_PREFIX", "LiveInfo", "LiveQueries", "LiveStore", "LiveUpdate", "live_lease_name"]

LIVE_LEASE_PREFIX = "live:"
_SOURCE_KEY = "live-source:"  # + source → id of the session in progress
_CONTENT_KEY = "live-content:"  # + sha256 of the finished bytes → id
_NEVER = 1e300  # the expiry of a key row: it is not a lease and never lapses
_PER_SESSION = ("turns", "speakers", "analyses", "appearances", "coalition_mentions", "tags")


def live_lease_name(session_id: str) -> str:
    """The lease a follower of this session holds while it runs."""
    return LIVE_LEASE_PREFIX + session_id


@dataclass(frozen=True)
class LiveInfo:
    """A live session as the portal and the follower see it."""

    id: str
    title: str
    source: str
    state: str  # "live" while captions arrive, "finished" once finalised
    started_at: str
    updated_at: str
    turns: int
    words: int
    following: bool  # a follower holds the session's lease right now
    bytes: int = 0
    content_sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class LiveUpdate:
    """One write of a live session: the turns from `first` on, replaced, and the running totals."""

    session_id: str
    text: str | None  # the whole text so far; None: leave the documents row (text, title, meta) as it was
    first: int
    turns: tuple[Turn, ...]  # the session's turns[first:], as they are now
    turn_count: int
    word_count: int
    speaker_count: int
    speakers: tuple[tuple[str, str | None, int], ...]  # (label, speaker, turns) of labels whose count changed
    title: str
    year: int | None
    updated_at: str
    bytes: int = 0


class LiveStore(Protocol):
    """Live sessions (store/live.py): begun, updated turn by turn, finalised, listed."""

    def live_begin(
        self, session_id: str, identity_sha256: str, source: str, title: str, year: int | None, started_at: str
    ) -> None:
        """Create an empty live session (document and session rows) in one transaction."""
        ...

    def live_update(self, update: LiveUpdate) -> None:
        """Replace a live session's turns from `update.first` on and its totals (and its text, when given), in one transaction."""
        ...

    def live_finish(
        self, session_id: str, document: Document, session: Session, analyses: dict[str, Any], *, finished_at: str
    ) -> None:
        """Turn a live session into an ordinary one: final text, turns and analyses, in one transaction.

        `document.sha256` is the content hash of the final bytes; the session keeps its id.
        """
        ...

    def live_info(self, session_id: str) -> LiveInfo | None:
        """The live state of a session, or None for a session that was never live."""
        ...

    def live_sessions(self, *, in_progress: bool = True) -> list[LiveInfo]:
        """Live sessions, newest first: those still in progress (default), or all."""
        ...

    def live_session_of_source(self, source: str) -> LiveInfo | None:
        """The last live session of this source, in progress (a restart resumes it) or finished."""
        ...

    def live_session_of_content(self, sha256: str) -> str | None:
        """The id of a finalised live session whose final text has this content hash."""
        ...

    def turns_from(self, session_id: str, index: int) -> list[Turn]:
        """A session's turns from `index` on, in order (what a live page has not shown yet)."""
        ...


def _meta_json(meta: dict[str, Any]) -> str:
    return json.dumps(meta, ensure_ascii=False)


def _turn_row(session_id: str, turn: Turn) -> tuple[Any, ...]:
    """A turn as a row of `turns`, in `TURN_COLUMNS` order (as `rows.session_rows` builds them)."""
    return (
        session_id,
        turn.index,
        turn.line,
        turn.end_line,
        turn.label,
        turn.speaker,
        name_key(turn.speaker or turn.label or ""),
        turn.kind,
        turn.text,
        turn.start,
        turn.end,
        turn.page,
        turn.section,
    )


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_INFO = (
    "SELECT d.id, d.title, d.source, d.meta, s.turn_count, s.word_count, l.expires_at"
    " FROM documents d JOIN sessions s ON s.id = d.id"
    " LEFT JOIN leases l ON l.name = ? || d.id"
)


class LiveQueries(SQLBase):
    """Implementation over the shared primitives."""

    def _insert_turns(self, tx: Tx, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _live_meta(self, tx: Tx, session_id: str) -> dict[str, Any]:
        """The meta of a session that must still be live (else `NotFound` or `Busy`)."""
        rows = tx("SELECT meta FROM documents WHERE id = ?", (session_id,))
        if not rows:
            raise NotFound(f"no live session {session_id}", hint="start one with `forumlens live SOURCE`")
        meta = json.loads(rows[0][0] or "{}")
        live = meta.get("live") or {}
        if live.get("state") != "live":
            raise Busy(
                f"session {session_id} is not in progress (state: {live.get('state') or 'not live'})",
                hint="a finished session is not followed again; start a new one with `forumlens live SOURCE`",
            )
        return dict(meta)

    # -- writing ---------------------------------------------------------------------------
    def live_begin(
        self, session_id: str, identity_sha256: str, source: str, title: str, year: int | None, started_at: str
    ) -> None:
        live = {"state": "live", "source": source, "started_at": started_at, "updated_at": started_at, "bytes": 0}
        with self._write() as tx:
            tx(
                _insert("documents", DOCUMENT_COLUMNS),
                (
                    session_id,
                    identity_sha256,
                    source,
                    "text",
                    "utf-8",
                    "transcript",
                    title,
                    year,
                    "",
                    "[]",
                    started_at,
                    _meta_json({"live": live}),
                ),
            )
            tx(_insert("sessions", SESSION_COLUMNS), (session_id, title, year, 0, 0, 0))
            tx("DELETE FROM leases WHERE name = ?", (_SOURCE_KEY + source,))  # a key left by a session removed since
            tx(
                "INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)",
                (_SOURCE_KEY + source, session_id, _NEVER),
            )

    def live_update(self, update: LiveUpdate) -> None:
        sid = update.session_id
        with self._write() as tx:
            if update.text is not None:
                # SQLite rewrites a whole row on UPDATE, text included: the documents row is only
                # touched with the text, so an update without it costs the same at any session length
                meta = self._live_meta(tx, sid)
                meta["live"] = {**meta["live"], "updated_at": update.updated_at, "bytes": update.bytes}
                tx(
                    "UPDATE documents SET text = ?, title = ?, year = ?, meta = ? WHERE id = ?",
                    (update.text, update.title, update.year, _meta_json(meta), sid),
                )
            tx("DELETE FROM turns WHERE session_id = ? AND idx >= ?", (sid, update.first))
            if update.turns:
                self._insert_turns(tx, [_turn_row(sid, t) for t in update.turns])
                # the new turns get the person the session's last analysis counts their lines for
                if recredit(tx, sid):
                    self._turns_recredited(tx)
            for label, speaker, count in update.speakers:
                tx("DELETE FROM speakers WHERE session_id = ? AND label = ?", (sid, label))
                if count:
                    tx(_insert("speakers", SPEAKER_COLUMNS), (sid, label, speaker, count))
            tx(
                "UPDATE sessions SET title = ?, year = ?, turn_count = ?, speaker_count = ?, word_count = ?"
                " WHERE id = ?",
                (update.title, update.year, update.turn_count, update.speaker_count, update.word_count, sid),
            )

    def live_finish(
        self, session_id: str, document: Document, session: Session, analyses: dict[str, Any], *, finished_at: str
    ) -> None:
        from .catalog import _project  # catalog imports base, which imports this module

        with self._write() as tx:
            rows = tx("SELECT sha256, meta FROM documents WHERE id = ?", (session_id,))
            if not rows:
                raise NotFound(f"no live session {session_id}", hint="start one with `forumlens live SOURCE`")
            identity, old_meta = str(rows[0][0]), json.loads(rows[0][1] or "{}")
            live = {
                **(old_meta.get("live") or {}),
                "state": "finished",
                "updated_at": finished_at,
                "finished_at": finished_at,
                "content_sha256": document.sha256,
            }
            # the stored rows carry the session's identity hash, so its id (sha256[:12]) stays the same
            built = session_rows(
                Document(
                    source=document.source,
                    text=document.text,
                    format=document.format,
                    encoding=document.encoding,
                    sha256=identity,
                    warnings=document.warnings,
                ),
                Session(
                    title=session.title,
                    sha256=identity,
                    source=session.source,
                    turns=session.turns,
                    text=session.text,
                    year=session.year,
                    warnings=session.warnings,
                ),
                analyses,
                str(old_meta.get("live", {}).get("started_at") or finished_at),
            )
            meta = {**json.loads(built.document[DOCUMENT_COLUMNS.index("meta")]), "live": live}
            document_row = dict(zip(DOCUMENT_COLUMNS, built.document))
            document_row["meta"] = _meta_json(meta)
            for table in _PER_SESSION:
                tx(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
            changed = [c for c in DOCUMENT_COLUMNS if c not in ("id", "sha256")]
            tx(
                f"UPDATE documents SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
                (*(document_row[c] for c in changed), session_id),
            )
            tx(
                f"UPDATE sessions SET {', '.join(f'{c} = ?' for c in SESSION_COLUMNS[1:])} WHERE id = ?",
                (*built.session[1:], session_id),
            )
            if built.speakers:
                tx.many(_insert("speakers", SPEAKER_COLUMNS), built.speakers)
            if built.turns:
                self._insert_turns(tx, built.turns)
            if built.analyses:
                tx.many(_insert("analyses", ("session_id", "kind", "data")), built.analyses)
            if _project(tx, session_id, analyses):
                self._turns_recredited(tx)
            tx("DELETE FROM leases WHERE name = ?", (_CONTENT_KEY + document.sha256,))
            tx(
                "INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)",
                (_CONTENT_KEY + document.sha256, session_id, _NEVER),
            )

    # -- reading ---------------------------------------------------------------------------
    def _infos(self, where: str, params: Sequence[Any]) -> list[LiveInfo]:
        rows = self._rows(f"{_INFO} WHERE {where} ORDER BY d.ingested_at DESC, d.id", (LIVE_LEASE_PREFIX, *params))
        now = time.time()
        infos = []
        for sid, title, source, meta, turns, words, expires in rows:
            live = json.loads(meta or "{}").get("live")
            if not isinstance(live, dict):
                continue
            infos.append(
                LiveInfo(
                    id=str(sid),
                    title=str(title or ""),
                    source=str(live.get("source") or source),
                    state=str(live.get("state") or "live"),
                    started_at=str(live.get("started_at") or ""),
                    updated_at=str(live.get("updated_at") or ""),
                    turns=int(turns or 0),
                    words=int(words or 0),
                    following=live.get("state") == "live" and expires is not None and float(expires) > now,
                    bytes=int(live.get("bytes") or 0),
                    content_sha256=live.get("content_sha256"),
                )
            )
        return infos

    def live_info(self, session_id: str) -> LiveInfo | None:
        found = self._infos("d.id = ?", (session_id,))
        return found[0] if found else None

    def _keyed(self, name: str) -> str | None:
        rows = self._rows("SELECT owner FROM leases WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def live_sessions(self, *, in_progress: bool = True) -> list[LiveInfo]:
        prefixes = (
            (_SOURCE_KEY,) if in_progress else (_SOURCE_KEY, _CONTENT_KEY)
        )  # a finished one may lose its source key
        ids: list[str] = []
        for prefix in prefixes:
            ids += [
                str(r[0])
                for r in self._rows(f"SELECT owner FROM leases WHERE name LIKE ?{self._like()}", (prefix + "%",))
            ]
        infos = [info for sid in dict.fromkeys(ids) if (info := self.live_info(sid)) is not None]
        if in_progress:
            infos = [i for i in infos if i.state == "live"]
        return sorted(infos, key=lambda i: (i.started_at, i.id), reverse=True)

    def live_session_of_source(self, source: str) -> LiveInfo | None:
        sid = self._keyed(_SOURCE_KEY + source)
        return self.live_info(sid) if sid else None

    def live_session_of_content(self, sha256: str) -> str | None:
        sid = self._keyed(_CONTENT_KEY + sha256)
        return sid if sid and self._rows("SELECT 1 FROM sessions WHERE id = ?", (sid,)) else None

    def turns_from(self, session_id: str, index: int) -> list[Turn]:
        rows = self._rows(
            f"SELECT {TURN_READ} FROM turns WHERE session_id = ? AND idx >= ? ORDER BY idx", (session_id, index)
        )
        return [turn_of(r) for r in rows]
