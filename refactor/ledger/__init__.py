"""The ledger: every result is a row in an embedded SQLite database."""

from refactor.ledger.db import SCHEMA_VERSION, LedgerError
from refactor.ledger.store import FileRow, Ledger, UnitRow
from refactor.ledger.views import FileView, UnitView

__all__ = ["SCHEMA_VERSION", "FileRow", "FileView", "Ledger", "LedgerError", "UnitRow", "UnitView"]
