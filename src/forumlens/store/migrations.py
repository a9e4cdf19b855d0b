"""Versioned schema: each migration is a list of statements applied once, in order.

Both lists are built from one declaration (`store/schema.py` TABLES), so migration n
means the same thing on SQLite and PostgreSQL: the tables, columns, keys and indexes that
`since` = n declares, then the few parts that exist on one back end only (`SQLITE_EXTRAS`,
`PG_EXTRAS`). The version lives in `PRAGMA user_version` (SQLite) or the table
`forumlens_schema` (PostgreSQL), so opening an old store upgrades it in one transaction,
and a store newer than this code is refused.

Released migrations never change (existing stores have already run them): to change the
schema, declare the new table, column or index with `since` = SCHEMA_VERSION + 1.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .schema import TABLES, Dialect, Table, create_index, create_table, last_version, migration_statements, table_named

__all__ = [
    "PASSAGE_VECTORS",
    "PG_EXTRAS",
    "PG_MIGRATIONS",
    "SCHEMA_VERSION",
    "SQLITE_EXTRAS",
    "SQLITE_MIGRATIONS",
    "added_column",
    "build_migrations",
    "passage_vectors_ddl",
]

PASSAGE_VECTORS = "passage_vectors"

# SQLite: full-text search is an FTS5 index over turns (external content, kept in step by triggers).
SQLITE_EXTRAS: dict[int, list[str]] = {
    1: [
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
    ],
}

# PostgreSQL: FTS5's index becomes a `tsv` column filled by the store (see store/fts.py) with
# a GIN index, and speaker filters get a plain index (FTS5 answers them on SQLite);
# `forumlens` is the text search configuration ts_headline used to find the words to mark
# (simple + unaccent when the server has it; since migration 6 snippets are FTS5's own,
# see postgres._page_hits, and nothing reads it); `group_concat` keeps the SQLite aggregate
# that portable feature SQL uses.
PG_EXTRAS: dict[int, list[str]] = {
    1: [
        "ALTER TABLE turns ADD COLUMN tsv TSVECTOR NOT NULL DEFAULT ''::tsvector",
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
    ],
    # 6: search reads a narrow table, not `turns`. A `turns` row is wide (text, offsets,
    # labels), so its tsvector lives out of line: a phrase check re-read it per candidate,
    # and ts_rank read it again. `turn_search` holds the turn id (the candidates' order:
    # newest = highest id, so "the newest 2,001 matches" of a common word walk the primary
    # key), what the filters test (the session, whose index bitmap is ANDed with the words';
    # the speaker key) and the tsvector, kept inline (STORAGE MAIN: compressed in the row,
    # out of line only past a page), with its own GIN index without a pending list
    # (fastupdate off: reads never scan unmerged entries; writes pay the merge). Triggers
    # keep it in step with `turns` on every write path (save, replace, live append, copy:
    # all insert turns; a delete cascades), and the migration backfills it from `turns`,
    # whose `tsv` stays the source (COPY fills it; `turns_tsv` still serves the portal's
    # facets). SQLite has no migration 6 of its own: FTS5 already is such an index.
    6: [
        """CREATE TABLE turn_search (
            id BIGINT PRIMARY KEY REFERENCES turns(id) ON DELETE CASCADE,
            session_id TEXT NOT NULL,
            speaker_key TEXT NOT NULL,
            tsv TSVECTOR NOT NULL
        )""",
        "ALTER TABLE turn_search ALTER COLUMN tsv SET STORAGE MAIN",
        """CREATE FUNCTION forumlens_turn_search_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO turn_search (id, session_id, speaker_key, tsv) SELECT id, session_id, speaker_key, tsv FROM added;
            RETURN NULL;
        END $$""",
        """CREATE FUNCTION forumlens_turn_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM turn_search x USING removed r WHERE x.id = r.id;
            INSERT INTO turn_search (id, session_id, speaker_key, tsv) SELECT id, session_id, speaker_key, tsv FROM added;
            RETURN NULL;
        END $$""",
        """CREATE TRIGGER turns_search_ai AFTER INSERT ON turns
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION forumlens_turn_search_added()""",
        """CREATE TRIGGER turns_search_au AFTER UPDATE ON turns
            REFERENCING OLD TABLE AS removed NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION forumlens_turn_search_changed()""",
        (
            "INSERT INTO turn_search (id, session_id, speaker_key, tsv)"
            " SELECT id, session_id, speaker_key, tsv FROM turns ORDER BY id"
        ),
        "CREATE INDEX turn_search_tsv ON turn_search USING GIN (tsv) WITH (fastupdate = off)",
        "CREATE INDEX turn_search_session ON turn_search (session_id)",
        "ANALYZE turn_search",  # the search plans read its lexeme statistics (postgres.LexemeShares)
    ],
    # 7: two indexes on `turn_search` for the two kinds of query its GIN index of words
    # cannot narrow (issue 19). A speaker filter is a substring test (`speaker_key LIKE
    # '%cassa%'`): without an index every row holding the words was read to test its key
    # (19,649 rows for "what" by "cassa" at 1,000 sessions, to keep none). pg_trgm's
    # trigram index answers LIKE itself, and the server ANDs its bitmap with the words'.
    # pg_trgm ships with PostgreSQL (contrib; a trusted extension since 13, so the store's
    # owner may create it): where it cannot be created the index is left out, and
    # speaker filters keep the old plan, with the same results. Its operator class is
    # named with the extension's schema, which may not be the store's.
    # A phrase of common words ("have more") made the index hand over every turn holding
    # both words, each read to test their positions. `forumlens_word_pairs(tsv)` is the set
    # of the turn's adjacent word pairs ('have more'), taken from the vector's own positions,
    # and its expression index finds the turns holding a phrase's pairs: a superset of the
    # phrase's matches, tested on the vector as before (store/fts.py `word_pairs_tsquery`).
    # A vector whose positions cannot be paired exactly (shared or missing positions, the
    # clamped last position of a very long turn, too many pair bytes for one tsvector)
    # gets the one lexeme '!all' instead, which every pair query also accepts. Pairs are
    # cut to 64 characters (a query cuts its pairs the same way). Nothing is copied or kept
    # by triggers: the server maintains an expression index on every write path. The
    # literals here (64, '!all', 16383, 500000) are released: store/fts.py's PAIR_CHARS,
    # ALL_PAIRS and MAX_POSITION must keep their values (tests/test_pg_search_pairs.py).
    7: [
        """DO $$ BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'pg_trgm unavailable: speaker filters read every turn holding the words';
        END $$""",
        """DO $$ DECLARE ops TEXT; BEGIN
            SELECT quote_ident(n.nspname) || '.gin_trgm_ops' INTO ops
                FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
            IF ops IS NOT NULL THEN
                EXECUTE 'CREATE INDEX turn_search_speaker ON turn_search USING GIN (speaker_key ' || ops
                    || ') WITH (fastupdate = off)';
            END IF;
        END $$""",
        """CREATE FUNCTION forumlens_word_pairs(v TSVECTOR) RETURNS TSVECTOR
            LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
            words TEXT[] := '{}';
            pairs TEXT[] := '{}';
            entry RECORD;
            p INTEGER;
            top INTEGER := 0;
            bytes INTEGER := 0;
        BEGIN
            FOR entry IN SELECT lexeme, positions FROM unnest(v) LOOP
                IF coalesce(cardinality(entry.positions), 0) = 0 THEN
                    RETURN '!all'::tsvector;
                END IF;
                FOREACH p IN ARRAY entry.positions LOOP
                    IF p >= 16383 OR words[p] IS NOT NULL THEN
                        RETURN '!all'::tsvector;
                    END IF;
                    words[p] := entry.lexeme;
                    top := greatest(top, p);
                END LOOP;
            END LOOP;
            FOR p IN 1 .. top - 1 LOOP
                IF words[p] IS NOT NULL AND words[p + 1] IS NOT NULL THEN
                    pairs := pairs || left(words[p] || ' ' || words[p + 1], 64);
                    bytes := bytes + octet_length(pairs[cardinality(pairs)]);
                END IF;
            END LOOP;
            IF bytes > 500000 THEN
                RETURN '!all'::tsvector;
            END IF;
            RETURN array_to_tsvector(pairs);
        END $$""",
        "CREATE INDEX turn_search_pairs ON turn_search USING GIN (forumlens_word_pairs(tsv)) WITH (fastupdate = off)",
        "ANALYZE turn_search",  # the statistics of the pairs too (postgres.LexemeShares of `turn_search_pairs`)
    ],
    # 8: cheaper writes, the same reads (issue 19). With `fastupdate = off` every stored turn
    # put each of its ~100 words and ~250 word pairs into the GIN trees one key at a time
    # (5,000 turns: 27.9 s with the pair index, 9.6 s with a pending list merged once;
    # copying the 1,000-session store went 48 s → 145 s with migration 7). The search
    # indexes now collect new entries in their pending list and the writer merges it,
    # sorted and in bulk, before its transaction commits (`forumlens_flush_search`, called
    # by the PostgreSQL store after every insert of turns: save, replace, live append,
    # copy), so a reader finds the list empty, as with `fastupdate = off`, and a phrase
    # query never scans it. Merging needs the index's owner, so the function runs as its
    # owner (SECURITY DEFINER, a fixed search_path, no argument: it can only merge these
    # indexes). Where a turn is stored by something else, autovacuum or the list's size
    # limit merges it; results never depend on it (a GIN scan reads the list too).
    8: [
        """DO $$ DECLARE name TEXT; BEGIN
            FOREACH name IN ARRAY ARRAY['turn_search_tsv', 'turn_search_pairs', 'turn_search_speaker'] LOOP
                IF to_regclass(quote_ident(current_schema()) || '.' || name) IS NOT NULL THEN
                    EXECUTE format('ALTER INDEX %I.%I SET (fastupdate = on)', current_schema(), name);
                END IF;
            END LOOP;
        END $$""",
        """DO $do$ BEGIN
            EXECUTE format($f$
                CREATE FUNCTION %1$I.forumlens_flush_search() RETURNS BIGINT
                    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
                    SELECT coalesce(sum(pg_catalog.gin_clean_pending_list(i.indexrelid)), 0)::BIGINT
                    FROM pg_catalog.pg_index i
                    JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                    JOIN pg_catalog.pg_am a ON a.oid = c.relam
                    WHERE i.indrelid = %2$L::regclass AND a.amname = 'gin'
                $body$ $f$, current_schema(), quote_ident(current_schema()) || '.turn_search');
        END $do$""",
    ],
    # 9: a speaker filter also finds the turns counted for a person (until 10, by `appearances.lines`):
    # PostgreSQL looks those turns up by (session, line) to test the narrow `turn_search`
    # rows by id; without this index each lookup read every turn of the session. SQLite
    # tests the matching turn's own (session, line) instead and needs no index.
    9: ["CREATE INDEX turns_session_line ON turns (session_id, line)"],
    # 10: the person a turn is counted for is a column of the turn (`turns.person_key`, declared
    # in schema.py; store/credited.py writes it with the analysis and backfills it), and the
    # narrow `turn_search` row carries it too, so a speaker filter tests the row's own key
    # through its index (`sql.pg_search_filters`) instead of expanding `appearances.lines`
    # and looking each turn up (migration 9's lateral lookup). The triggers now copy it; a
    # turn whose words, session and label are unchanged (only its person moved, as every
    # re-analysis does) keeps its search row and has the key updated in place, so no
    # vector is copied again.
    10: [
        "ALTER TABLE turn_search ADD COLUMN person_key TEXT",
        """CREATE OR REPLACE FUNCTION forumlens_turn_search_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO turn_search (id, session_id, speaker_key, tsv, person_key)
                SELECT id, session_id, speaker_key, tsv, person_key FROM added;
            RETURN NULL;
        END $$""",
        """CREATE OR REPLACE FUNCTION forumlens_turn_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM turn_search x USING removed r WHERE x.id = r.id AND NOT EXISTS (
                SELECT 1 FROM added a WHERE a.id = r.id AND a.session_id = r.session_id
                    AND a.speaker_key = r.speaker_key AND a.tsv = r.tsv);
            UPDATE turn_search x SET person_key = a.person_key FROM added a
                WHERE x.id = a.id AND x.person_key IS DISTINCT FROM a.person_key;
            INSERT INTO turn_search (id, session_id, speaker_key, tsv, person_key)
                SELECT a.id, a.session_id, a.speaker_key, a.tsv, a.person_key FROM added a
                WHERE NOT EXISTS (SELECT 1 FROM turn_search x WHERE x.id = a.id);
            RETURN NULL;
        END $$""",
        "CREATE INDEX turn_search_person ON turn_search (person_key)",
    ],
}

SCHEMA_VERSION = max(last_version(TABLES), *SQLITE_EXTRAS, *PG_EXTRAS)


def build_migrations(
    tables: Sequence[Table], dialect: Dialect, extras: Mapping[int, Sequence[str]], version: int
) -> list[list[str]]:
    """Migrations 1..version for one back end: the declared changes of each, then its extras."""
    return [[*migration_statements(tables, n, dialect), *extras.get(n, ())] for n in range(1, version + 1)]


SQLITE_MIGRATIONS: list[list[str]] = build_migrations(TABLES, "sqlite", SQLITE_EXTRAS, SCHEMA_VERSION)
PG_MIGRATIONS: list[list[str]] = build_migrations(TABLES, "postgres", PG_EXTRAS, SCHEMA_VERSION)


_ADD_COLUMN = re.compile(r"\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)\b", re.IGNORECASE)


def added_column(statement: str) -> tuple[str, str] | None:
    """(table, column) when `statement` adds a column, else None.

    A store whose recorded version is behind its columns (a copy whose version was set back,
    a tool that wrote the schema but not the version) would fail its migration on "duplicate
    column name"; SQLite skips adding a column that is there, so a migration is idempotent on
    it. (PostgreSQL records each version in the transaction that applies it, so it never lags
    its columns; tables and indexes ahead of the version are not handled on either.)

    >>> added_column("ALTER TABLE turns ADD COLUMN person_key TEXT")
    ('turns', 'person_key')
    >>> added_column("CREATE INDEX turns_person ON turns(person_key)") is None
    True
    """
    found = _ADD_COLUMN.match(statement)
    return (found[1], found[2]) if found else None


def passage_vectors_ddl(dialect: str = "sqlite") -> list[str]:
    """The passage vector table of semantic search (store/vectors.py) and its index, for either back end.

    IF NOT EXISTS: stores embedded before migration 3 created the same table on first write.
    """
    backend: Dialect = "postgres" if dialect == "postgres" else "sqlite"
    table = table_named(TABLES, PASSAGE_VECTORS)
    return [create_table(table, backend), *(create_index(table, index, backend) for index in table.indexes)]
