-- Schema version 3: verification. One row per verification level tried on one attempt
-- (the evidence: commands, inputs, counterexamples, coverage), and each unit's outcome:
-- the highest level it reached and whether it counts as secured (DESIGN.md).
CREATE TABLE IF NOT EXISTS verdicts (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    attempt_id  INTEGER REFERENCES attempts(id) ON DELETE CASCADE,
    run_id      INTEGER REFERENCES runs(id),
    level       TEXT NOT NULL,          -- builds | fuzzed | tested
    status      TEXT NOT NULL,          -- pass | fail | unsupported | not-executed | ...
    detail      TEXT,                   -- one line: why, or the first difference
    evidence    TEXT,                   -- JSON: commands, inputs, counterexample, coverage
    isolation   TEXT,                   -- bwrap | rlimits
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS verdicts_unit ON verdicts(unit_id);

CREATE TABLE IF NOT EXISTS unit_levels (
    unit_id      INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
    attempt_id   INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
    run_id       INTEGER REFERENCES runs(id),
    level        TEXT NOT NULL,         -- none | builds | fuzzed | tested
    secured      INTEGER NOT NULL,      -- 1: fuzzed or tested, and no unsafe outside the shim
    unsafe_lines INTEGER NOT NULL,
    backend      TEXT,
    reason       TEXT,                  -- why it is not higher
    updated_at   TEXT NOT NULL
);
