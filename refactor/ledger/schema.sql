-- Ledger schema, version 1. Every result of every stage is a row here.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS targets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    root        TEXT NOT NULL,
    commit_sha  TEXT,
    scanned_run INTEGER
);

CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    target_id   INTEGER REFERENCES targets(id) ON DELETE CASCADE,
    command     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL,           -- running | ok | failed
    commit_sha  TEXT,
    stats       TEXT                     -- JSON
);

CREATE TABLE IF NOT EXISTS files (
    id          INTEGER PRIMARY KEY,
    target_id   INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    language    TEXT,
    sha         TEXT,
    size        INTEGER,
    mtime_ns    INTEGER,
    loc         INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,           -- scanned | skipped
    reason      TEXT,
    warnings    TEXT,                    -- JSON list of [line, reason]
    scanned_run INTEGER,
    UNIQUE (target_id, path)
);

CREATE TABLE IF NOT EXISTS units (
    id            INTEGER PRIMARY KEY,
    target_id     INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    file_id       INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,         -- identity: (target, file path, kind, name)
    language      TEXT NOT NULL,
    start_line    INTEGER NOT NULL,
    end_line      INTEGER NOT NULL,
    loc           INTEGER NOT NULL,
    src_hash      TEXT NOT NULL,         -- normalized source
    sig_hash      TEXT NOT NULL,         -- what callers depend on (a function's signature)
    is_static     INTEGER NOT NULL DEFAULT 0,
    parent        TEXT,
    aliases       TEXT NOT NULL DEFAULT '',  -- tab-separated
    refs          TEXT NOT NULL DEFAULT '',  -- lines of "kind<TAB>name<TAB>name..."
    reason        TEXT,                  -- why the unit is only partly usable
    stale_reason  TEXT,                  -- why its last translation no longer applies
    first_run     INTEGER,
    changed_run   INTEGER,
    UNIQUE (file_id, kind, name)
);

-- Problem and stale units are few: partial indexes find them without a full scan.
CREATE INDEX IF NOT EXISTS units_problem ON units(target_id) WHERE reason IS NOT NULL;
CREATE INDEX IF NOT EXISTS units_stale ON units(target_id) WHERE stale_reason IS NOT NULL;

-- Dependency edges, one row per unit and edge kind: `dsts` lists the unit ids it depends
-- on (space-separated). A large code base has tens of millions of edges; grouping them by
-- source keeps the ledger small and the scan fast.
CREATE TABLE IF NOT EXISTS edges (
    target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    src       INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    dsts      TEXT NOT NULL,
    PRIMARY KEY (src, kind)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS plans (
    target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL,
    wave      INTEGER NOT NULL,
    component INTEGER NOT NULL,
    run_id    INTEGER,
    PRIMARY KEY (target_id, unit_id)
);
