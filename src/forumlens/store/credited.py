"""Who each turn is counted for, kept on the turn itself (`turns.person_key`, migration 10).

A speaker filter means the person: Carla Mendes moderating under the caption label
MODERATOR, or a turn whose label was flagged and counted for the likely real speaker.
The people analysis says which turns each person is counted for (its `lines`, projected
into `appearances.lines`). Joining those JSON lists at query time made every speaker
filter expand them and look each turn up by (session, line); writing the person's key
on the turn when the analysis is stored, in the same transaction, makes the filter a
test of the turn's own column (and of PostgreSQL's narrow `turn_search` row, which its
triggers keep in step).

Which person a line is counted for is read by one function, `people_lines.credited_lines` (the
session page's reading too, through `credits.credited_lines`): a line the analysis lists
for two people goes to the later one, so the filter and the page name the same person.
The turn carries that person's key (`name_key` of the name, the key `people` rows have).
Only speech turns are credited (a heading or a stage note at a credited line is not).
"""

from __future__ import annotations

import json
from typing import Any

from ..people_lines import credited_lines  # the one reading of `lines`, kept outside the store
from ..transcript.speakers import name_key
from .common import Tx

__all__ = ["backfill_person_keys", "credit_turns", "credited_lines", "recredit"]

_BATCH = 500  # turn ids per UPDATE (well below either back end's limit on parameters)


def credit_turns(tx: Tx, session_id: str, people: Any) -> int:
    """Set `person_key` on one session's turns from its people analysis; how many turns changed.

    Only turns whose person changes are written: re-storing the same analysis writes
    nothing, and on PostgreSQL every written turn also rewrites its search row.
    """
    owner = {line: name_key(name) or None for line, name in credited_lines(people).items()}
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
    return credit_turns(tx, session_id, json.loads(rows[0][0]) if rows else None)
