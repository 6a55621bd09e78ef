-- Schema version 4: the LLM response cache. A request is identified by the model, the
-- rendered prompt and the sampling parameters (sha256 of them, `key`); a re-run of an
-- unchanged target finds every answer here and sends nothing.
CREATE TABLE IF NOT EXISTS llm_responses (
    key         TEXT PRIMARY KEY,
    model       TEXT NOT NULL,
    response    TEXT NOT NULL,
    tokens_in   INTEGER NOT NULL DEFAULT 0,
    tokens_out  INTEGER NOT NULL DEFAULT 0,
    cost        REAL NOT NULL DEFAULT 0,
    finish      TEXT,
    created_at  TEXT NOT NULL
) WITHOUT ROWID;
