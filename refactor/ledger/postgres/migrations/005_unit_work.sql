-- Schema version 5: finished work (as refactor/ledger/migrations/005_unit_work.sql).
CREATE TABLE IF NOT EXISTS unit_work (
    unit_id     BIGINT PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
    config      TEXT NOT NULL,
    src_hash    TEXT NOT NULL,
    attempt_id  BIGINT REFERENCES attempts(id) ON DELETE CASCADE,
    run_id      BIGINT REFERENCES runs(id),
    finished_at TEXT NOT NULL
);
