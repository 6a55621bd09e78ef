"""The ledger: every result is a row in an embedded SQLite database, or in a PostgreSQL
database (`postgresql://` URLs, refactor/ledger/postgres/)."""

from refactor.ledger.attempts import Attempt
from refactor.ledger.db import SCHEMA_VERSION, LedgerError, is_url, ledger_exists, ledger_name
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
    "is_url",
    "ledger_exists",
    "ledger_name",
    "write_shard",
]
