"""The ledger: every result is a row in an embedded SQLite database."""

from refactor.ledger.attempts import Attempt
from refactor.ledger.db import SCHEMA_VERSION, LedgerError
from refactor.ledger.llm_cache import CachedResponse, cache_key
from refactor.ledger.rows import decode_refs
from refactor.ledger.shard import write_shard
from refactor.ledger.store import (
    Changes,
    EdgeGroup,
    FileRow,
    Ledger,
    SymbolRow,
)
from refactor.ledger.verdicts import UnitLevel, Verdict
from refactor.ledger.views import FileView, UnitView

__all__ = [
    "SCHEMA_VERSION",
    "Attempt",
    "CachedResponse",
    "Changes",
    "EdgeGroup",
    "FileRow",
    "FileView",
    "Ledger",
    "LedgerError",
    "SymbolRow",
    "UnitLevel",
    "UnitView",
    "Verdict",
    "cache_key",
    "decode_refs",
    "write_shard",
]
