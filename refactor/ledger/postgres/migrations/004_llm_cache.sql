-- Schema version 4: the LLM response cache (as refactor/ledger/migrations/004_llm_cache.sql).
CREATE TABLE IF NOT EXISTS llm_responses (
    key         TEXT PRIMARY KEY,
    model       TEXT NOT NULL,
    response    TEXT NOT NULL,
    tokens_in   INTEGER NOT NULL DEFAULT 0,
    tokens_out  INTEGER NOT NULL DEFAULT 0,
    cost        DOUBLE PRECISION NOT NULL DEFAULT 0,
    finish      TEXT,
    created_at  TEXT NOT NULL
);
