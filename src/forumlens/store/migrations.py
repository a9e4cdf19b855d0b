"""Versioned schema: each migration is a list of statements applied once, in order.

The schema version lives in `PRAGMA user_version` (SQLite) so opening an old store
upgrades it in one transaction, and a store newer than this code is refused.
"""

from __future__ import annotations

__all__ = ["SQLITE_MIGRATIONS", "SCHEMA_VERSION"]

SQLITE_MIGRATIONS: list[list[str]] = [
    # 1: documents, sessions, speaker labels, turns, FTS5 index, analyses
    [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'transcript',
            title TEXT NOT NULL,
            year INTEGER,
            text TEXT NOT NULL,
            warnings TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL
        )""",
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            year INTEGER,
            turn_count INTEGER NOT NULL,
            speaker_count INTEGER NOT NULL,
            word_count INTEGER NOT NULL
        )""",
        "CREATE INDEX sessions_year ON sessions(year)",
        """CREATE TABLE speakers (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            speaker TEXT,
            turns INTEGER NOT NULL,
            PRIMARY KEY (session_id, label)
        )""",
        """CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            label TEXT,
            speaker TEXT,
            speaker_key TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            UNIQUE (session_id, idx)
        )""",
        """CREATE VIRTUAL TABLE turns_fts USING fts5(
            text, speaker_key, content='turns', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER turns_ai AFTER INSERT ON turns BEGIN
            INSERT INTO turns_fts(rowid, text, speaker_key) VALUES (new.id, new.text, new.speaker_key);
        END""",
        """CREATE TRIGGER turns_ad AFTER DELETE ON turns BEGIN
            INSERT INTO turns_fts(turns_fts, rowid, text, speaker_key)
            VALUES ('delete', old.id, old.text, old.speaker_key);
        END""",
        """CREATE TABLE analyses (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (session_id, kind)
        )""",
    ],
]

SCHEMA_VERSION = len(SQLITE_MIGRATIONS)
