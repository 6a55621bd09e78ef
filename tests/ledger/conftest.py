"""`ledger_url`: every ledger test runs on a fresh SQLite file and on a fresh PostgreSQL
database (tests/postgres.py starts the server; it skips, saying what to install, without
one)."""

from __future__ import annotations

from pathlib import Path

import pytest

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.xdist_group("postgresql"))]


@pytest.fixture(params=BACKENDS)
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return str(request.getfixturevalue("pg_url"))
