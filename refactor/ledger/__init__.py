"""The ledger: every result is a row in an embedded SQLite database."""

from refactor.ledger.db import SCHEMA_VERSION, LedgerError
from refactor.ledger.store import (
    Changes,
    EncodedFile,
    FileRow,
    Ledger,
    SymbolRow,
    decode_refs,
    encode_file,
)
from refactor.ledger.views import FileView, UnitView

__all__ = [
    "SCHEMA_VERSION",
    "Changes",
    "EncodedFile",
    "FileRow",
    "FileView",
    "Ledger",
    "LedgerError",
    "SymbolRow",
    "UnitView",
    "decode_refs",
    "encode_file",
]
