"""Creating and migrating a ledger, on SQLite and on PostgreSQL: the same schema, the same
numbered migrations, the same refusals."""

from __future__ import annotations

import sqlite3
from importlib.resources import files

import pytest

from refactor.ledger import SCHEMA_VERSION, Attempt, Ledger, LedgerError, is_url
from refactor.ledger.db import APPLICATION_ID
from refactor.ledger.postgres import display_name
from refactor.ledger.postgres.connection import postgres_ddl

TABLES = ["attempts", "edges", "files", "llm_responses", "meta", "plans", "runs", "targets",
          "unit_levels", "unit_work", "units", "verdicts"]


def _raw(url: str):  # type: ignore[no-untyped-def]
    """A plain connection to the ledger's database, autocommitting."""
    if is_url(url):
        import psycopg

        return psycopg.connect(url, autocommit=True)
    return sqlite3.connect(url, isolation_level=None)


def _sql(url: str, sql: str) -> str:
    return sql.replace("?", "%s") if is_url(url) else sql


def _columns(url: str) -> dict[str, list[tuple[str, bool]]]:
    """table -> [(column, NOT NULL)] in declaration order (primary keys count as NOT NULL)."""
    conn = _raw(url)
    try:
        if is_url(url):
            rows = conn.execute(
                "SELECT table_name, column_name, is_nullable = 'NO' FROM "
                "information_schema.columns WHERE table_schema = 'public' "
                "ORDER BY table_name, ordinal_position").fetchall()
            out: dict[str, list[tuple[str, bool]]] = {}
            for table, column, notnull in rows:
                out.setdefault(table, []).append((column, notnull))
            return out
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: [(r[1], bool(r[3] or r[5])) for r in conn.execute(
            f"PRAGMA table_info({t})")] for t in tables}
    finally:
        conn.close()


def _version_one(url: str) -> None:
    """A ledger as refactor wrote it at schema version 1, with a target, a file, a unit."""
    conn = _raw(url)
    script = files("refactor.ledger").joinpath("schema.sql").read_text("utf-8")
    if is_url(url):
        conn.execute(postgres_ddl(script))
    else:
        conn.executescript(script)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for sql in ("INSERT INTO meta VALUES ('schema_version', '1')",
                "INSERT INTO targets(id, name, root) VALUES (1, 'old', '/src')",
                "INSERT INTO files(id, target_id, path, status) VALUES (1, 1, 'a.c', 'scanned')",
                "INSERT INTO units(id, target_id, file_id, kind, name, language, start_line, "
                "end_line, loc, src_hash, sig_hash) VALUES (7, 1, 1, 'function', 'f', 'c', "
                "1, 3, 3, 'h', 'h')"):
        conn.execute(sql)
    conn.close()


def test_a_new_ledger_has_every_table_at_the_current_version(ledger_url: str) -> None:
    with Ledger(ledger_url) as led:
        assert led.meta("schema_version") == str(SCHEMA_VERSION) == "5"
        created = led.meta("created_at")
        assert created and created.startswith("20")
        assert led.targets() == []
        assert led.dialect == ("postgresql" if is_url(ledger_url) else "sqlite")
    assert sorted(_columns(ledger_url)) == TABLES
    with Ledger(ledger_url) as led:  # opened again: nothing is created twice
        assert led.meta("created_at") == created


def test_both_schemas_have_the_same_tables_and_columns(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sqlite_path = str(tmp_path / "l.db")
    Ledger(sqlite_path).close()
    Ledger(pg_url).close()
    assert _columns(pg_url) == _columns(sqlite_path)
    assert len(_columns(pg_url)["units"]) == 19


def test_a_version_one_ledger_is_migrated_keeping_its_rows(ledger_url: str) -> None:
    _version_one(ledger_url)
    with Ledger(ledger_url) as led:
        assert led.meta("schema_version") == str(SCHEMA_VERSION)
        assert [(u.uid, u.loc) for u in led.units(1)] == [("a.c:function:f", 3)]
        run = led.begin_run(1, "translate", None)
        led.record_attempts(run, [Attempt(7, "rules", "translated", "h", "a", "fn f() {}",
                                          None, 0)])
    with Ledger(ledger_url) as led:  # opening again migrates nothing twice
        assert len(led.latest_attempts(1)) == 1
        assert led.meta("schema_version") == str(SCHEMA_VERSION)


@pytest.mark.parametrize(("version", "message"), [
    ("0", "has unknown schema version 0; move it away"),
    ("99", f"has schema version 99, newer than this refactor \\({SCHEMA_VERSION}\\)")])
def test_a_ledger_of_another_version_is_refused(ledger_url: str, version: str,
                                                 message: str) -> None:
    Ledger(ledger_url).close()
    conn = _raw(ledger_url)
    conn.execute(_sql(ledger_url, "UPDATE meta SET value = ? WHERE key = 'schema_version'"),
                 (version,))
    conn.close()
    with pytest.raises(LedgerError, match=message):
        Ledger(ledger_url)


def test_a_database_that_is_not_a_ledger_is_refused(ledger_url: str) -> None:
    conn = _raw(ledger_url)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers VALUES (1, 'kept')")
    conn.close()
    with pytest.raises(LedgerError, match=r"not a refactor ledger|but no refactor ledger"):
        Ledger(ledger_url)
    conn = _raw(ledger_url)
    assert conn.execute("SELECT name FROM customers").fetchall() == [("kept",)]
    conn.close()


def test_an_unreachable_server_is_named_without_its_password() -> None:
    url = "postgresql://me:s3cret@127.0.0.1:9/nowhere"
    assert display_name(url) == "postgresql://me:***@127.0.0.1:9/nowhere"
    pytest.importorskip("psycopg")
    with pytest.raises(LedgerError, match=r"cannot connect to the PostgreSQL ledger "
                       r"postgresql://me:\*\*\*@127.0.0.1:9/nowhere .*createdb") as info:
        Ledger(url)
    assert "s3cret" not in str(info.value)


def test_without_psycopg_a_postgresql_ledger_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "psycopg", None)  # import fails
    with pytest.raises(LedgerError, match=r"pip install 'refactor\[postgres\]'"):
        Ledger("postgresql://me@127.0.0.1:9/nowhere")
