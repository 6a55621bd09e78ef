-- Schema version 2: translation attempts. One row per try of one unit by one backend;
-- the newest attempt for the unit's current source is the one the crate holds.
CREATE TABLE IF NOT EXISTS attempts (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    run_id         INTEGER REFERENCES runs(id),
    backend        TEXT NOT NULL,              -- rules | llm | hybrid
    status         TEXT NOT NULL,              -- translated | skipped | failed
    src_hash       TEXT NOT NULL,              -- the unit source this attempt translated
    module         TEXT,                       -- the crate module holding it
    rust           TEXT NOT NULL DEFAULT '',
    reason         TEXT,                       -- why skipped or failed
    unsafe_lines   INTEGER NOT NULL DEFAULT 0, -- inside unsafe, the extern "C" shim excluded
    tokens_in      INTEGER NOT NULL DEFAULT 0,
    tokens_out     INTEGER NOT NULL DEFAULT 0,
    cost           REAL NOT NULL DEFAULT 0,
    prompt_version TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_unit ON attempts(unit_id);
