"""The LLM response cache: answers keyed by model, rendered prompt and parameters."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import NamedTuple

from refactor.ledger.db import Connection, now


class CachedResponse(NamedTuple):
    text: str
    model: str
    tokens_in: int
    tokens_out: int
    cost: float
    finish: str | None


def cache_key(model: str, messages: Sequence[tuple[str, str]], params: dict[str, object]) -> str:
    """sha256 of what determines an answer: the model, every message, the parameters."""
    blob = json.dumps({"model": model, "messages": [list(m) for m in messages],
                       "params": params}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def get(conn: Connection, key: str) -> CachedResponse | None:
    row = conn.execute("SELECT response, model, tokens_in, tokens_out, cost, finish FROM "
                       "llm_responses WHERE key = ?", (key,)).fetchone()
    return CachedResponse(*row) if row else None


def put(conn: Connection, key: str, response: CachedResponse) -> None:
    conn.execute("INSERT INTO llm_responses(key, model, response, tokens_in, tokens_out, "
                 "cost, finish, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) "
                 "DO UPDATE SET model = excluded.model, response = excluded.response, "
                 "tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out, "
                 "cost = excluded.cost, finish = excluded.finish, "
                 "created_at = excluded.created_at",
                 (key, response.model, response.text, response.tokens_in,
                  response.tokens_out, response.cost, response.finish, now()))
