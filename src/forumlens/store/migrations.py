"""Versioned schema: each migration is a list of statements applied once, in order.

The schema version lives in `PRAGMA user_version` (SQLite) so opening an old store
upgrades it in one transaction, and a store newer than this code is refused.
"""

from __future__ import annotations

__all__ = ["PG_MIGRATIONS", "SCHEMA_VERSION", "SQLITE_MIGRATIONS", "passage_vectors_ddl"]

PASSAGE_VECTORS = "passage_vectors"


def passage_vectors_ddl(dialect: str = "sqlite") -> list[str]:
    """The passage vector table of semantic search (read and written by `store/vectors.py`), for either back end.

    IF NOT EXISTS: stores embedded before migration 3 created the same table on first write.
    """
    blob = "BYTEA" if dialect == "postgres" else "BLOB"
    return [
        f"""CREATE TABLE IF NOT EXISTS {PASSAGE_VECTORS} (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            turn_idx INTEGER NOT NULL,
            part INTEGER NOT NULL,
            line INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            model TEXT NOT NULL,
            vector {blob} NOT NULL,
            PRIMARY KEY (session_id, turn_idx, part)
        )""",
        # covering: counts, per-session lists and the cache signature never read the vectors
        f"CREATE INDEX IF NOT EXISTS {PASSAGE_VECTORS}_model ON {PASSAGE_VECTORS}(model, session_id, turn_idx, part, line)",
    ]


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
    # 2: projections of the analyses (people, coalitions, tags), document metadata, routing
    [
        "ALTER TABLE turns ADD COLUMN page INTEGER",
        "ALTER TABLE turns ADD COLUMN section TEXT",
        "ALTER TABLE documents ADD COLUMN meta TEXT NOT NULL DEFAULT '{}'",
        """CREATE TABLE people (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL
        )""",
        """CREATE TABLE person_labels (
            person_key TEXT NOT NULL REFERENCES people(key) ON DELETE CASCADE,
            label TEXT NOT NULL,
            PRIMARY KEY (person_key, label)
        )""",
        """CREATE TABLE appearances (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            person_key TEXT NOT NULL REFERENCES people(key),
            role TEXT,
            affiliation TEXT,
            mode TEXT,
            words INTEGER NOT NULL DEFAULT 0,
            minutes REAL NOT NULL DEFAULT 0,
            lines TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (session_id, person_key)
        )""",
        "CREATE INDEX appearances_person ON appearances(person_key)",
        """CREATE TABLE coalition_mentions (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            coalition TEXT NOT NULL,
            acronym TEXT,
            status TEXT NOT NULL,
            lines TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (session_id, coalition)
        )""",
        "CREATE INDEX coalition_mentions_name ON coalition_mentions(coalition)",
        """CREATE TABLE tags (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            scheme TEXT NOT NULL,
            code TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            score REAL NOT NULL,
            lines TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (session_id, scheme, code)
        )""",
        "CREATE INDEX tags_code ON tags(code)",
        """CREATE TABLE subscribers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            email TEXT,
            webhook TEXT,
            webhook_secret TEXT,
            feed_token TEXT UNIQUE,
            interests TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE matches (
            subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            line INTEGER,
            created_at TEXT NOT NULL,
            PRIMARY KEY (subscriber_id, item)
        )""",
        """CREATE TABLE deliveries (
            subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            channel TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            delivered_at TEXT,
            PRIMARY KEY (subscriber_id, item, channel)
        )""",
    ],
    # 3: passage vectors (created on first `embed` before; IF NOT EXISTS keeps those), session list order
    [*passage_vectors_ddl("sqlite"), "CREATE INDEX IF NOT EXISTS sessions_order ON sessions(year DESC, title, id)"],
    # 4: named leases: one holder at a time (the subscriber deliverer), taken over when expired
    ["CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at REAL NOT NULL)"],
]

SCHEMA_VERSION = len(SQLITE_MIGRATIONS)

# PostgreSQL: the same tables, columns and keys, version for version (PG_MIGRATIONS[n] means
# what SQLITE_MIGRATIONS[n] means); the version lives in the table `forumlens_schema`.
# FTS5's index becomes a `tsv` column filled by the store (see store/fts.py) with a GIN
# index; `forumlens` is the text search configuration ts_headline uses to find the words
# to mark (simple + unaccent when the server has it); `group_concat` keeps the SQLite
# aggregate that portable feature SQL uses.
PG_MIGRATIONS: list[list[str]] = [
    # 1: documents, sessions, speaker labels, turns, text search, analyses
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
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
            tsv TSVECTOR NOT NULL DEFAULT ''::tsvector,
            UNIQUE (session_id, idx)
        )""",
        "CREATE INDEX turns_tsv ON turns USING GIN (tsv)",
        "CREATE INDEX turns_speaker_key ON turns(speaker_key)",
        """DO $$ BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'unaccent unavailable: snippets will not mark accented words';
        END $$""",
        """DO $$ BEGIN
            CREATE TEXT SEARCH CONFIGURATION forumlens (COPY = pg_catalog.simple);
            IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
                ALTER TEXT SEARCH CONFIGURATION forumlens
                    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
                                      hword_asciipart, hword_part, hword_numpart
                    WITH unaccent, simple;
            END IF;
        END $$""",
        """CREATE FUNCTION forumlens_concat(acc TEXT, value TEXT, sep TEXT) RETURNS TEXT
            LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value ELSE acc || sep || value END
        $$""",
        """CREATE FUNCTION forumlens_concat(acc TEXT, value TEXT) RETURNS TEXT
            LANGUAGE sql IMMUTABLE AS $$ SELECT forumlens_concat(acc, value, ',') $$""",
        "CREATE AGGREGATE group_concat(TEXT) (SFUNC = forumlens_concat, STYPE = TEXT)",
        "CREATE AGGREGATE group_concat(TEXT, TEXT) (SFUNC = forumlens_concat, STYPE = TEXT)",
        """CREATE TABLE analyses (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (session_id, kind)
        )""",
    ],
    # 2: projections of the analyses (people, coalitions, tags), document metadata, routing
    [
        "ALTER TABLE turns ADD COLUMN page INTEGER",
        "ALTER TABLE turns ADD COLUMN section TEXT",
        "ALTER TABLE documents ADD COLUMN meta TEXT NOT NULL DEFAULT '{}'",
        """CREATE TABLE people (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL
        )""",
        """CREATE TABLE person_labels (
            person_key TEXT NOT NULL REFERENCES people(key) ON DELETE CASCADE,
            label TEXT NOT NULL,
            PRIMARY KEY (person_key, label)
        )""",
        """CREATE TABLE appearances (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            person_key TEXT NOT NULL REFERENCES people(key),
            role TEXT,
            affiliation TEXT,
            mode TEXT,
            words INTEGER NOT NULL DEFAULT 0,
            minutes DOUBLE PRECISION NOT NULL DEFAULT 0,
            lines TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (session_id, person_key)
        )""",
        "CREATE INDEX appearances_person ON appearances(person_key)",
        """CREATE TABLE coalition_mentions (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            coalition TEXT NOT NULL,
            acronym TEXT,
            status TEXT NOT NULL,
            lines TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (session_id, coalition)
        )""",
        "CREATE INDEX coalition_mentions_name ON coalition_mentions(coalition)",
        """CREATE TABLE tags (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            scheme TEXT NOT NULL,
            code TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            score DOUBLE PRECISION NOT NULL,
            lines TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (session_id, scheme, code)
        )""",
        "CREATE INDEX tags_code ON tags(code)",
        """CREATE TABLE subscribers (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            email TEXT,
            webhook TEXT,
            webhook_secret TEXT,
            feed_token TEXT UNIQUE,
            interests TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE matches (
            subscriber_id BIGINT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            line INTEGER,
            created_at TEXT NOT NULL,
            PRIMARY KEY (subscriber_id, item)
        )""",
        """CREATE TABLE deliveries (
            subscriber_id BIGINT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            channel TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            delivered_at TEXT,
            PRIMARY KEY (subscriber_id, item, channel)
        )""",
    ],
    # 3: as SQLite's
    [*passage_vectors_ddl("postgres"), "CREATE INDEX IF NOT EXISTS sessions_order ON sessions(year DESC, title, id)"],
    # 4: as SQLite's
    ["CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at DOUBLE PRECISION NOT NULL)"],
]
