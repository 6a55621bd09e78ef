-- Schema version 5: finished work. A unit whose translation and verification finished in
-- `refactor run` under one configuration (backend, model, prompts, target description,
-- tool version) for its current source, with the attempt that finished it. A run killed
-- at any moment resumes by skipping these units (refactor/execute/driver.py).
CREATE TABLE IF NOT EXISTS unit_work (
    unit_id     INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
    config      TEXT NOT NULL,
    src_hash    TEXT NOT NULL,
    attempt_id  INTEGER REFERENCES attempts(id) ON DELETE CASCADE,
    run_id      INTEGER REFERENCES runs(id),
    finished_at TEXT NOT NULL
);
