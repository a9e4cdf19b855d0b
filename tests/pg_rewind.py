"""Rewinding a PostgreSQL store to an older schema, for the tests of a migration's upgrade path.

Migration 10 changes what 6 made (the trigger functions that keep `turn_search` in step), so
a test that rewinds past it must restore those functions' earlier bodies, not only drop
what 10 added: taken from migration 6 itself, so they cannot drift from what was released.
"""

from __future__ import annotations

from typing import Any

from forumlens.store.migrations import PG_EXTRAS

__all__ = ["undo_migration_10"]


def undo_migration_10(conn: Any) -> None:
    """The database as forumlens at schema version 9 left it (an autocommit psycopg connection)."""
    conn.execute("DROP INDEX turn_search_person")
    for statement in PG_EXTRAS[6]:
        if statement.startswith("CREATE FUNCTION forumlens_turn_search_"):
            conn.execute(statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    conn.execute("ALTER TABLE turn_search DROP COLUMN person_key")
    conn.execute("ALTER TABLE turns DROP COLUMN person_key")
    conn.execute("DELETE FROM forumlens_schema WHERE version = 10")
