"""Who each turn is counted for, kept on the turn itself (`turns.person_key`, migration 10).

A speaker filter means the person: Carla Mendes moderating under the caption label
MODERATOR, or a turn whose label was flagged and counted for the likely real speaker.
The people analysis says which turns each person is counted for (its `lines`, projected
into `appearances.lines`). Joining those JSON lists at query time made every speaker
filter expand them and look each turn up by (session, line); writing the person's key
on the turn when the analysis is stored, in the same transaction, makes the filter a
test of the turn's own column (and of PostgreSQL's narrow `turn_search` row, which its
triggers keep in step).

A line the analysis lists for two people goes to the later one, as the session page
credits it (`credits.credited_lines`): the filter and the page name the same person.
Only speech turns are credited (a heading or a stage note at a credited line is not).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from .common import Tx
from .projections import PROJECTED_TABLES, project_analyses

__all__ = ["backfill_person_keys", "credit_turns", "recredit"]

_KEY_AT = PROJECTED_TABLES["appearances"].index("person_key")
_LINES_AT = PROJECTED_TABLES["appearances"].index("lines")
_BATCH = 500  # turn ids per UPDATE (well below either back end's limit on parameters)


def _owners(appearances: Iterable[Sequence[Any]]) -> dict[int, str]:
    """Line of a turn start → the key of the person counted for it (the later appearance wins)."""
    owner: dict[int, str] = {}
    for row in appearances:
        for line in json.loads(row[_LINES_AT]):
            owner[int(line)] = str(row[_KEY_AT])
    return owner


def credit_turns(tx: Tx, session_id: str, appearances: Iterable[Sequence[Any]]) -> int:
    """Set `person_key` on one session's turns from its projected appearances; how many turns changed.

    Only turns whose person changes are written: re-storing the same analysis writes
    nothing, and on PostgreSQL every written turn also rewrites its search row.
    """
    owner = _owners(appearances)
    changed: dict[str | None, list[int]] = {}
    for turn_id, line, kind, current in tx(
        "SELECT id, line, kind, person_key FROM turns WHERE session_id = ?", (session_id,)
    ):
        wanted = owner.get(int(line)) if kind == "speech" else None
        if wanted != current:
            changed.setdefault(wanted, []).append(int(turn_id))
    for key, ids in changed.items():
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            tx(f"UPDATE turns SET person_key = ? WHERE id IN ({', '.join('?' * len(batch))})", (key, *batch))
    return sum(len(ids) for ids in changed.values())


def backfill_person_keys(tx: Tx) -> None:
    """Migration 10's data step: every stored session's turns credited from its stored people analysis.

    Read from the analysis itself, not from `appearances` (which keeps no order), so a line
    listed for two people goes to the same person as when the analysis is stored anew.
    One session at a time, so a large store is never read into memory whole.
    """
    sessions = [str(r[0]) for r in tx("SELECT session_id FROM analyses WHERE kind = 'people' ORDER BY session_id")]
    for session_id in sessions:
        recredit(tx, session_id)


def recredit(tx: Tx, session_id: str) -> int:
    """Credit one session's turns from its stored people analysis; how many turns changed.

    Also for turns stored without an analysis of their own: a live session's rewritten
    last turns keep the credit the session's last analysis gave their lines.
    """
    rows = tx("SELECT data FROM analyses WHERE session_id = ? AND kind = 'people'", (session_id,))
    people = json.loads(rows[0][0]) if rows else None
    projected = project_analyses(session_id, {"people": people if isinstance(people, list) else []})
    return credit_turns(tx, session_id, projected["appearances"])
